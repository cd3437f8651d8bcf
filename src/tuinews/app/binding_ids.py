"""The ids a `[keys]` table can remap: every binding id declared anywhere in the app.

config.py checks that each key would fire but cannot know the ids (it must not import
Textual); a mistyped id would otherwise remap nothing, silently.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode


def known_binding_ids() -> set[str]:
    """Ids of the bindings of every widget, screen and app class loaded, ours and Textual's."""
    found: set[str] = set()
    classes: list[type[DOMNode]] = [DOMNode]
    while classes:
        node = classes.pop()
        classes.extend(node.__subclasses__())
        for binding in node.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.add(binding.id)
    return found
