"""The Textual UI: the only layer that imports textual."""

from __future__ import annotations

from pathlib import Path

from tuinews.app.main import TuinewsApp
from tuinews.config import Config


def create_app(db: Path, config: Config | None = None) -> TuinewsApp:
    """The one way to build the app, shared by the command line and the tests."""
    return TuinewsApp(db=db, config=config or Config())


__all__ = ["TuinewsApp", "create_app"]
