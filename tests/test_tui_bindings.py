"""Every key tuinews binds has an id (for `[keys]` in config.toml) and a tooltip (for help)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import tuinews.app
from tui_fixtures import SIZE, notices, sample_app
from tuinews.config import key_problem, load_config


def _our_nodes() -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for module_info in pkgutil.walk_packages(tuinews.app.__path__, "tuinews.app."):
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, DOMNode) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    bindings = [
        (node.__name__, binding)
        for node in _our_nodes()
        for binding in node.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]
    assert len(bindings) > 50
    assert [name for name, b in bindings if not (b.id and b.tooltip)] == []
    ids = [b.id for _, b in bindings]
    assert len(ids) == len(set(ids))


def test_every_key_bound_by_default_would_be_accepted_by_the_config_check() -> None:
    keys = [
        binding.key
        for node in _our_nodes()
        for binding in node.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]
    assert len(keys) > 50
    assert [key for key in keys if key_problem(key) is not None] == []


async def test_config_warnings_and_unknown_binding_ids_are_shown_in_the_reader(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[ui]\nthme = "nord"\n\n[keys]\n"app.quit" = "ctrl+q"\n"app.quitt" = "x"\n')
    app = sample_app(tmp_path, load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert notices(app) == [
            f"{path}, line 2: unknown setting thme in [ui] ignored (theme)",
            "No such binding in [keys], ignored: app.quitt",
        ]
        await pilot.press("ctrl+q")  # the known id was remapped
    assert app.return_code == 0
