"""The layers of DESIGN.md, checked on the source: the core never imports the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import tuinews

PACKAGE = Path(tuinews.__file__).parent
LAYER_IMPORTS = {
    # module prefix: what of ours it must not import
    "tuinews.model": ("tuinews.",),
    "tuinews.library": ("tuinews.extract", "tuinews.cli.main", "tuinews.app", "tuinews.sample"),
    "tuinews.extract": ("tuinews.library", "tuinews.cli.main", "tuinews.app", "tuinews.sample"),
    # Above both: they fetch with ingest and write with library.
    "tuinews.feeds.refresh": ("tuinews.cli.main", "tuinews.app"),
    "tuinews.cli.progressline": ("tuinews.cli.main", "tuinews.app"),
    "tuinews.feeds.subscribe": ("tuinews.cli.main", "tuinews.app"),
    "tuinews.reading": ("tuinews.cli.main", "tuinews.app"),
    # Sync sits on feeds and library; the command line and the TUI call it.
    "tuinews.sync": ("tuinews.cli", "tuinews.app"),
}


def _modules() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(("tuinews", *path.relative_to(PACKAGE).with_suffix("").parts))
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
        found[module.removesuffix(".__init__")] = imported
    return found


def test_only_the_app_imports_textual() -> None:
    offenders = {
        module: sorted(name for name in imports if name.split(".")[0] in {"textual", "rich"})
        for module, imports in _modules().items()
        if not module.startswith("tuinews.app")
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_lower_layers_do_not_import_upper_ones() -> None:
    violations = []
    for module, imports in _modules().items():
        for layer, forbidden in LAYER_IMPORTS.items():
            if module == layer or module.startswith(layer + "."):
                violations += [
                    (module, name)
                    for name in imports
                    if name.startswith(forbidden) and not name.startswith(layer)
                ]
    assert violations == []


def test_the_guard_sees_the_app_importing_textual() -> None:
    assert "textual.app" in _modules()["tuinews.app.main"]
