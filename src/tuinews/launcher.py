"""Opening an address in another program: the web browser or a media player.

The command is `[ui] browser` (or `[ui] player`), else the first of `$BROWSER`'s
colon-separated commands that is installed. It is split like a shell would split it but
run without one, with `%u` (or `$BROWSER`'s `%s`) replaced by the address as a single
argument, so nothing in an address can become a command. A console program (w3m, lynx…,
or any program when there is no graphical display) needs the terminal, so the app
suspends while it runs; a graphical one is started detached and the reader carries on.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CONSOLE_PROGRAMS = frozenset(
    {"w3m", "lynx", "links", "links2", "elinks", "browsh", "carbonyl", "cha", "chawan"}
)
# Tried in this order when nothing is configured and there is no display.
CONSOLE_BROWSERS = ("w3m", "lynx", "elinks", "links")
# Players that open a window when there is a display and play in the terminal otherwise.
_WINDOW_IF_DISPLAY = frozenset({"mpv", "mplayer", "vlc", "cvlc"})
_PLACEHOLDERS = ("%u", "%s")
MEDIA_SUFFIXES = (
    ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wav",
    ".mp4", ".m4v", ".webm", ".mkv", ".mov",
)  # fmt: skip
NO_BROWSER = (
    'No web browser found: set [ui] browser in config.toml (for example "w3m %u") or $BROWSER.'
)


class LaunchError(Exception):
    """The command cannot be run; the message says why, in one line."""


@dataclass(frozen=True)
class Launch:
    argv: list[str]
    console: bool


def has_display(env: Mapping[str, str]) -> bool:
    """Whether graphical programs can open a window here."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _argv(template: str, url: str) -> list[str]:
    try:
        words = shlex.split(template)
    except ValueError as error:
        raise LaunchError(f"cannot read the command {template!r}: {error}") from None
    if not words:
        raise LaunchError("the command is empty")
    if any(placeholder in word for word in words for placeholder in _PLACEHOLDERS):
        return [_fill(word, url) for word in words]
    return [*words, url]


def _fill(word: str, url: str) -> str:
    for placeholder in _PLACEHOLDERS:
        word = word.replace(placeholder, url)
    return word


def _is_console(program: str, env: Mapping[str, str]) -> bool:
    name = Path(program).name
    if name in _WINDOW_IF_DISPLAY:
        return not has_display(env)
    return name in CONSOLE_PROGRAMS or not has_display(env)


def is_media(url: str) -> bool:
    """An address a media player should open (an enclosure, a linked recording)."""
    path = url.split("#", 1)[0].split("?", 1)[0].lower()
    return path.endswith(MEDIA_SUFFIXES)


def _from_browser_variable(env: Mapping[str, str]) -> str | None:
    for command in env.get("BROWSER", "").split(os.pathsep):
        words = command.split()
        if words and shutil.which(words[0], path=env.get("PATH")):
            return command
    return None


def launch_command(configured: str | None, url: str, env: Mapping[str, str]) -> Launch | None:
    """How to open `url`: the configured command, else `$BROWSER`, else a console browser.

    None means the system's own browser will do: nothing is configured and there is a
    display. Without a display the system's choice would be a console browser run as if
    it were graphical (the frozen, scribbled screen), so one is looked for here instead.
    """
    template = configured or _from_browser_variable(env)
    if template is None:
        if has_display(env):
            return None
        installed = [name for name in CONSOLE_BROWSERS if shutil.which(name, path=env.get("PATH"))]
        if not installed:
            raise LaunchError(NO_BROWSER)
        template = installed[0]
    argv = _argv(template, url)
    if shutil.which(argv[0], path=env.get("PATH")) is None:
        raise LaunchError(f"{argv[0]}: no such program")
    return Launch(argv=argv, console=_is_console(argv[0], env))
