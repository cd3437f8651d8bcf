"""`python -m tuinews` is the `tuinews` command."""

from tuinews.cli import run

run()
