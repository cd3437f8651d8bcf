"""Command palette: every action of the current screen, by name, from its live bindings.

Nothing is listed twice by hand: what the palette offers is what the keys do, so a new
binding is a new command, and a command's help shows the key that does the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


class ActionCommands(Provider):
    """The current screen's bound actions, focused widget's included."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Coroutine[Any, Any, Any]]]]:
        bound = []
        seen: set[tuple[int, str]] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            key = (id(active.node), binding.action)
            if binding.system or not binding.description or key in seen:
                continue
            if binding.action in {"command_palette", "app.command_palette"}:
                continue
            seen.add(key)
            bound.append(active)
        descriptions = Counter(active.binding.description for active in bound)
        commands = []
        names: set[str] = set()
        for active in bound:
            binding = active.binding
            # "Follow link" is bound to 1…9: those commands go by their tooltips instead.
            shared = descriptions[binding.description] > 1 and binding.tooltip
            name = binding.tooltip if shared else binding.description
            if name in names:  # the same command from another pane: once is enough
                continue
            names.add(name)
            help_text = f"{binding.tooltip} (key: {self.app.get_key_display(binding)})"
            commands.append((name, help_text, partial(_run, active.node, binding.action)))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)


async def _run(node: DOMNode, action: str) -> None:
    await node.app.run_action(action, node)
