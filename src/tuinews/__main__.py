"""`python -m tuinews` is the `tuinews` command."""

from tuinews.cli import main

raise SystemExit(main())
