"""`python -m tuinews` is the `tuinews` command."""

from tuinews.cli.main import run

run()
