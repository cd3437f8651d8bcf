"""tuinews: a terminal newsreader with a local library of structured articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tuinews")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
