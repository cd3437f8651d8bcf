"""The wings of DESIGN.md, checked on the source, so a shortcut through a wall fails here.

Each rule has a twin test that feeds it the layout it forbids (today's modules plus one
offending import), so a rule that silently stopped matching anything would fail too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tuinews

PACKAGE = Path(tuinews.__file__).parent
GROUND_FLOOR = ("tuinews.model", "tuinews.config", "tuinews.untrusted", "tuinews.urls")
UI_LIBRARIES = {"textual", "rich"}
# The only modules that may speak HTTP themselves; everything else downloads through them.
HTTP_MODULES = {"tuinews.http"}
FORBIDDEN = {
    # wing: what it must not import
    "tuinews.extract": (
        "httpx",
        "sqlite3",
        "tuinews.http",
        "tuinews.library",
        "tuinews.feeds",
        "tuinews.sync",
        "tuinews.pages",
        "tuinews.reading",
        "tuinews.cli",
        "tuinews.app",
    ),
    "tuinews.http": ("tuinews.library", "tuinews.extract", "tuinews.feeds", "tuinews.sync"),
    "tuinews.library": (
        "tuinews.extract",
        "tuinews.feeds",
        "tuinews.sync",
        "tuinews.pages",
        "tuinews.reading",
    ),
}

Imports = dict[str, set[str]]


def _runtime_imports(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Every import of a module, and those of them made when the module itself is imported.

    Imports under `if TYPE_CHECKING:` are neither; imports inside functions are made only when
    called, so they count for the layer rules but cannot close a cycle at import time.
    """
    every: set[str] = set()
    top: set[str] = set()

    def names(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Import):
            return {alias.name for alias in node.names}
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found = {node.module}
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
            return found
        return set()

    def visit(node: ast.AST, at_top: bool) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        found = names(node)
        every.update(found)
        if at_top:
            top.update(found)
        inner_top = at_top and not isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
        )
        for child in ast.iter_child_nodes(node):
            visit(child, inner_top)

    visit(tree, True)
    return every, top


def _modules() -> tuple[Imports, Imports]:
    every: Imports = {}
    top: Imports = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(("tuinews", *path.relative_to(PACKAGE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        every[module], top[module] = _runtime_imports(tree)
    return every, top


def _in(module: str, wing: str) -> bool:
    return module == wing or module.startswith(wing + ".")


def _outside(imports: Imports, wing: str, allowed: set[str]) -> dict[str, list[str]]:
    """Modules not in `allowed` that import `wing` (a package or top-level library)."""
    found = {
        module: sorted(name for name in names if _in(name, wing))
        for module, names in imports.items()
        if not any(_in(module, place) for place in allowed)
    }
    return {module: names for module, names in found.items() if names}


def layer_violations(imports: Imports) -> list[tuple[str, str]]:
    """A wing importing one it must not; the ground floor importing anything of ours above it."""
    violations = []
    for module, names in imports.items():
        if module in GROUND_FLOOR:
            violations += [
                (module, name)
                for name in sorted(names)
                if _in(name, "tuinews")
                and name not in ("tuinews", "tuinews.__version__")
                and not any(_in(name, floor) for floor in GROUND_FLOOR)
            ]
        for layer, forbidden in FORBIDDEN.items():
            if _in(module, layer):
                violations += [
                    (module, name)
                    for name in sorted(names)
                    if any(_in(name, wall) for wall in forbidden)
                ]
    return violations


def ui_violations(imports: Imports) -> dict[str, list[str]]:
    """textual and rich belong to app/ alone."""
    found: dict[str, list[str]] = {}
    for library in UI_LIBRARIES:
        for module, names in _outside(imports, library, {"tuinews.app"}).items():
            found.setdefault(module, []).extend(names)
    return found


def upward_violations(imports: Imports) -> dict[str, list[str]]:
    """cli/ is imported by nothing but cli/ and __main__; app/ by nothing but app/ and cli/."""
    return {
        **_outside(imports, "tuinews.cli", {"tuinews.cli", "tuinews.__main__"}),
        **_outside(imports, "tuinews.app", {"tuinews.app", "tuinews.cli"}),
    }


def http_violations(imports: Imports) -> dict[str, list[str]]:
    """httpx is spoken by `tuinews.http` alone, so caps, redirects and wording live there."""
    return _outside(imports, "httpx", HTTP_MODULES)


def import_cycles(top: Imports) -> list[list[str]]:
    """Cycles among imports made at import time (ours only)."""
    ours = set(top)
    graph = {
        module: {name for name in names if name in ours and name != module}
        for module, names in top.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return cycles


EVERY, TOP = _modules()


def test_each_wing_keeps_to_its_floor() -> None:
    assert layer_violations(EVERY) == []


def test_only_the_app_imports_textual() -> None:
    assert ui_violations(EVERY) == {}


def test_nothing_below_imports_the_command_line_or_the_app() -> None:
    assert upward_violations(EVERY) == {}


def test_only_http_speaks_httpx() -> None:
    assert http_violations(EVERY) == {}


def test_no_import_cycles() -> None:
    assert import_cycles(TOP) == []


def test_no_module_is_left_in_the_old_ingest_folder() -> None:
    assert sorted((PACKAGE / "ingest").glob("**/*.py")) == []


def _with(module: str, *names: str) -> Imports:
    imports = {key: set(value) for key, value in EVERY.items()}
    imports.setdefault(module, set()).update(names)
    return imports


def test_the_rules_catch_the_old_layout_coming_back() -> None:
    # Each line is a shortcut the old layout took or invited; each must be caught.
    assert ("tuinews.extract.htmlpage", "httpx") in layer_violations(
        _with("tuinews.extract.htmlpage", "httpx")
    )
    assert ("tuinews.extract.files", "tuinews.library") in layer_violations(
        _with("tuinews.extract.files", "tuinews.library")
    )
    assert ("tuinews.model", "tuinews.extract") in layer_violations(
        _with("tuinews.model", "tuinews.extract")
    )
    assert "tuinews.pages" in http_violations(_with("tuinews.pages", "httpx"))
    assert "tuinews.feeds.refresh" in upward_violations(
        _with("tuinews.feeds.refresh", "tuinews.cli.progressline")
    )
    assert "tuinews.library.store" in upward_violations(
        _with("tuinews.library.store", "tuinews.app.main")
    )
    assert "tuinews.feeds.fetcher" in ui_violations(_with("tuinews.feeds.fetcher", "rich.text"))
    cyclic = {key: set(value) for key, value in TOP.items()}
    cyclic["tuinews.model"] = {*cyclic["tuinews.model"], "tuinews.feeds.parse"}
    assert import_cycles(cyclic) != []


def test_the_guard_sees_real_imports() -> None:
    assert "textual.app" in EVERY["tuinews.app.main"]
    assert "httpx" in EVERY["tuinews.http"]
    assert "tuinews.http" in EVERY["tuinews.feeds.fetcher"]
