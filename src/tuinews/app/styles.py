"""Finding the top-level `styles/` folder from a wheel and from a source checkout.

The wheel carries it as `tuinews/styles` (hatchling force-include); an editable install
imports the package from `src/`, where the folder is two levels up.
"""

from __future__ import annotations

from pathlib import Path

import tuinews

_PACKAGE = Path(tuinews.__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "styles", _PACKAGE.parent.parent / "styles")


def styles_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "app.tcss").is_file():
            return candidate
    searched = ", ".join(str(path) for path in _CANDIDATES)
    raise FileNotFoundError(f"tuinews styles not found (looked in {searched})")


def stylesheets() -> list[Path]:
    """Every stylesheet, app.tcss first so the others can refine it."""
    folder = styles_dir()
    rest = sorted(path for path in folder.glob("*.tcss") if path.name != "app.tcss")
    return [folder / "app.tcss", *rest]
