"""tuinews: a terminal newsreader with a local library of structured articles."""

# The one place the version is written: the build reads it from here (pyproject.toml's
# [tool.hatch.version]), and every start of the program is spared the package-metadata
# lookup, a tenth of a refresh's start-up.
__version__ = "0.1.0"
