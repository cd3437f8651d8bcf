"""Where tuinews keeps its files, and the user's config.toml.

Precedence for the database: `--db PATH`, then `TUINEWS_DB`, then `[library] path` in
the config file, then the platform's data directory. The config file itself is
`--config PATH`, `TUINEWS_CONFIG`, or the platform's config directory.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "tuinews"


class ConfigError(Exception):
    """A config file tuinews cannot use; the message names the file and the line."""


@dataclass(frozen=True)
class RefreshSettings:
    concurrency: int = 16
    per_host: int = 2
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_retry_after: float = 24 * 3600.0


@dataclass(frozen=True)
class AutoRefreshSettings:
    """`[refresh] on_start` and `interval`: refreshing while the reader is open.

    `interval` is in seconds; None means no timed refresh.
    """

    on_start: bool = False
    interval: float | None = None


@dataclass(frozen=True)
class LaunchSettings:
    """`[ui] browser` and `[ui] player`: commands with `%u` for the address.

    None means `$BROWSER`, then the system's browser (for the player: the browser).
    """

    browser: str | None = None
    player: str | None = None


@dataclass(frozen=True)
class SyncAccount:
    """A Google Reader API account (`[sync]`). The password is looked up when a sync
    runs (`tuinews.sync.account.password`), so the config file need not hold it."""

    url: str
    username: str
    service: str = "greader"
    password: str | None = None
    password_command: str | None = None


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    db: Path | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    refresh: RefreshSettings = RefreshSettings()
    warnings: list[str] = field(default_factory=list)
    auto_refresh: AutoRefreshSettings = AutoRefreshSettings()
    launch: LaunchSettings = LaunchSettings()
    sync: SyncAccount | None = None


def default_config_path() -> Path:
    return Path(user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME)) / "tuinews.db"


def config_path(explicit: str | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("TUINEWS_CONFIG")
    return Path(from_env).expanduser() if from_env else default_config_path()


def db_path(explicit: str | None, config: Config) -> Path:
    """The library file to open. Only the default location's directories are made here:
    a path the user named in a missing directory is more likely mistyped than new."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("TUINEWS_DB")
    if from_env:
        return Path(from_env).expanduser()
    if config.db:
        return config.db
    path = default_db_path()
    with contextlib.suppress(OSError):  # then opening it says what is wrong, in one line
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Number:
    """A numeric setting: its kind and the closed range a working value lies in."""

    kind: type
    low: float
    high: float
    unit: str = ""

    def describe(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{_KIND_NAMES[self.kind]} from {self.low:,g} to {self.high:,g}{unit}"


_KIND_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "": 60}
MIN_INTERVAL = 60.0
# Every setting tuinews reads, by table; anything else is a typo to warn about.
_REFRESH_NUMBERS = {
    "concurrency": Number(int, 1, 1000),
    "per_host": Number(int, 1, 100),
    "timeout": Number(float, 1, 3600, "seconds"),
    "max_bytes": Number(int, 1024, 1024**3, "bytes"),
    "max_retry_after": Number(float, 60, 30 * 24 * 3600, "seconds"),
}
_KNOWN_KEYS = {
    "library": {"path"},
    "ui": {"theme", "browser", "player"},
    "refresh": {*_REFRESH_NUMBERS, "on_start", "interval"},
    "sync": {"service", "url", "username", "password", "password_command"},
}
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED_KEYS = frozenset(
    {"up", "down", "left", "right", "home", "end", "pageup", "pagedown", "insert", "delete"}
    | {"backspace", "tab", "enter", "escape", "space", "slash", "backslash", "at", "minus"}
    | {"plus", "underscore"}
    | {f"f{number}" for number in range(1, 25)}
)
_HEADER = re.compile(r"^[ \t]*\[+[ \t]*\"?([^\]\"]+?)\"?[ \t]*\]+")


def _line_of(text: str, table: str | None, key: str) -> int | None:
    """The line `key` is written on inside `[table]` (or the top level), for messages."""
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=")
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).strip()
            if table is None and current == key:
                return number
        elif current == table and pattern.match(line):
            return number
    return None


def _where(text: str, path: Path, table: str | None, key: str) -> str:
    line = _line_of(text, table, key)
    return f"{path}, line {line}" if line else str(path)


def _expect(
    text: str, path: Path, table: dict[str, Any], name: str, key: str, kind: type | tuple[type, ...]
) -> Any:
    value = table.get(key)
    if value is None:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    accepted = tuple({*kinds, int} if float in kinds else kinds)
    if isinstance(value, bool) != (bool in kinds) or not isinstance(value, accepted):
        wanted = " or ".join(_KIND_NAMES[k] for k in kinds)
        raise ConfigError(f"{_where(text, path, name, key)}: {key} must be {wanted}, not {value!r}")
    return value


def _number(text: str, path: Path, table: dict[str, Any], key: str, default: float) -> Any:
    rule = _REFRESH_NUMBERS[key]
    value = _expect(text, path, table, "refresh", key, rule.kind)
    if value is None:
        return default
    if not (math.isfinite(value) and rule.low <= value <= rule.high):
        where = _where(text, path, "refresh", key)
        raise ConfigError(f"{where}: {key} must be {rule.describe()}, not {value!r}")
    return rule.kind(value)


def key_problem(keys: str) -> str | None:
    """Why a `[keys]` value would never fire (Textual's key names), or None when it can."""
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        unknown = [modifier for modifier in modifiers if modifier not in _MODIFIERS]
        if unknown:
            return f"{unknown[0]!r} is not a modifier (ctrl, shift, alt, meta, super, hyper)"
        if len(name) == 1:
            if name.isalnum():
                continue
            spoken = unicodedata.name(name, "").lower().replace(" ", "_").replace("-", "_")
            hint = f" (write {spoken!r})" if spoken else ""
            return f"{name!r} is written by its name{hint}"
        if name in _NAMED_KEYS or _names_a_symbol(name):
            continue
        return f"{name!r} is not a key name" if name else "an empty key name"
    return None


def _names_a_symbol(name: str) -> bool:
    """Whether `name` is Textual's name of a non-alphanumeric key, like "question_mark"."""
    try:
        character = unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return name == name.lower() and not character.isalnum()


def _interval(text: str, path: Path, table: dict[str, Any]) -> float | None:
    """`interval = "30m"` (s, m, h or d; a bare number is minutes), at least a minute."""
    value = _expect(text, path, table, "refresh", "interval", (str, int))
    if value is None:
        return None
    match = _INTERVAL.fullmatch(str(value).strip().lower())
    seconds = float(match[1]) * _UNIT_SECONDS[match[2]] if match else None
    if seconds is None or seconds < MIN_INTERVAL:
        raise ConfigError(
            f'{_where(text, path, "refresh", "interval")}: interval must be like "30m" or "2h" '
            f"(at least a minute), not {value!r}"
        )
    return seconds


def _table(text: str, path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{_where(text, path, None, name)}: {name} must be a table ([{name}])")
    return value


def _unknown(text: str, path: Path, data: dict[str, Any]) -> list[str]:
    """Warnings for sections and settings tuinews does not know (usually typos)."""
    warnings = []
    for name, value in data.items():
        if name == "keys":
            continue
        if name not in _KNOWN_KEYS:
            where = _where(text, path, None, name)
            sections = ", ".join(f"[{known}]" for known in (*_KNOWN_KEYS, "keys"))
            warnings.append(f"{where}: unknown section [{name}] ignored (known: {sections})")
            continue
        for key in value if isinstance(value, dict) else ():
            if key not in _KNOWN_KEYS[name]:
                where = _where(text, path, name, key)
                known = ", ".join(sorted(_KNOWN_KEYS[name]))
                warnings.append(f"{where}: unknown setting {key} in [{name}] ignored ({known})")
    return warnings


SYNC_SERVICES = ("greader",)


def _sync_account(text: str, path: Path, data: dict[str, Any]) -> SyncAccount | None:
    table = _table(text, path, data, "sync")
    if not table:
        return None
    service = _expect(text, path, table, "sync", "service", str) or "greader"
    if service not in SYNC_SERVICES:
        raise ConfigError(
            f"{path}: [sync] service must be one of {', '.join(SYNC_SERVICES)}, not {service!r}"
        )
    url = _expect(text, path, table, "sync", "url", str)
    username = _expect(text, path, table, "sync", "username", str)
    for key, value in (("url", url), ("username", username)):
        if not value:
            raise ConfigError(f"{path}: [sync] needs {key}")
    assert url is not None and username is not None
    if not url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{path}: [sync] url must start with http:// or https://, not {url!r}")
    return SyncAccount(
        url=url.rstrip("/"),
        username=username,
        service=service,
        password=_expect(text, path, table, "sync", "password", str),
        password_command=_expect(text, path, table, "sync", "password_command", str),
    )


def load_config(path: Path) -> Config:
    """Read `path`; a missing file means the defaults, a broken one a `ConfigError`.

    A value out of its range is an error rather than a silent default: a timeout of -1
    or a cap of 0 bytes would make every feed fail, far from the line that caused it.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config file: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None

    library = _table(text, path, data, "library")
    ui = _table(text, path, data, "ui")
    keys = _table(text, path, data, "keys")
    refresh = _table(text, path, data, "refresh")
    db = _expect(text, path, library, "library", "path", str)
    for action in keys:
        value = _expect(text, path, keys, "keys", action, str)
        problem = key_problem(value)
        if problem is not None:
            where = _where(text, path, "keys", action)
            raise ConfigError(f"{where}: {action} = {value!r}: {problem}")
    defaults = RefreshSettings()
    return Config(
        path=path,
        db=Path(db).expanduser() if db else None,
        theme=_expect(text, path, ui, "ui", "theme", str),
        keys=dict(keys),
        refresh=RefreshSettings(
            **{
                key: _number(text, path, refresh, key, getattr(defaults, key))
                for key in _REFRESH_NUMBERS
            }
        ),
        warnings=_unknown(text, path, data),
        auto_refresh=AutoRefreshSettings(
            on_start=bool(_expect(text, path, refresh, "refresh", "on_start", bool)),
            interval=_interval(text, path, refresh),
        ),
        launch=LaunchSettings(
            browser=_expect(text, path, ui, "ui", "browser", str) or None,
            player=_expect(text, path, ui, "ui", "player", str) or None,
        ),
        sync=_sync_account(text, path, data),
    )
