"""Where tuinews keeps its files, and the user's config.toml.

Precedence for the database: `--db PATH`, then `TUINEWS_DB`, then `[library] path` in
the config file, then the platform's data directory. The config file itself is
`--config PATH`, `TUINEWS_CONFIG`, or the platform's config directory.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
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


_KIND_NAMES = {str: "a string", int: "a whole number", float: "a number"}


def _line_of(text: str, key: str) -> int | None:
    """The line a key is written on, so a type error can point at it."""
    pattern = re.compile(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _expect(
    text: str, path: Path, table: dict[str, Any], key: str, kind: type | tuple[type, ...]
) -> Any:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kind):
        line = _line_of(text, key)
        where = f"{path}, line {line}" if line else str(path)
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wanted = " or ".join(_KIND_NAMES[k] for k in kinds)
        raise ConfigError(f"{where}: {key} must be {wanted}, not {value!r}")
    return value


def _table(text: str, path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        line = _line_of(text, name)
        where = f"{path}, line {line}" if line else str(path)
        raise ConfigError(f"{where}: {name} must be a table ([{name}])")
    return value


SYNC_SERVICES = ("greader",)


def _sync_account(text: str, path: Path, data: dict[str, Any]) -> SyncAccount | None:
    table = _table(text, path, data, "sync")
    if not table:
        return None
    service = _expect(text, path, table, "service", str) or "greader"
    if service not in SYNC_SERVICES:
        raise ConfigError(
            f"{path}: [sync] service must be one of {', '.join(SYNC_SERVICES)}, not {service!r}"
        )
    url = _expect(text, path, table, "url", str)
    username = _expect(text, path, table, "username", str)
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
        password=_expect(text, path, table, "password", str),
        password_command=_expect(text, path, table, "password_command", str),
    )


def load_config(path: Path) -> Config:
    """Read `path`; a missing file means the defaults, a broken one a `ConfigError`."""
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
    db = _expect(text, path, library, "path", str)
    for action in keys:
        _expect(text, path, keys, action, str)
    defaults = RefreshSettings()
    return Config(
        path=path,
        db=Path(db).expanduser() if db else None,
        theme=_expect(text, path, ui, "theme", str),
        keys=dict(keys),
        refresh=RefreshSettings(
            concurrency=_expect(text, path, refresh, "concurrency", int) or defaults.concurrency,
            per_host=_expect(text, path, refresh, "per_host", int) or defaults.per_host,
            timeout=float(
                _expect(text, path, refresh, "timeout", (int, float)) or defaults.timeout
            ),
            max_bytes=_expect(text, path, refresh, "max_bytes", int) or defaults.max_bytes,
        ),
        sync=_sync_account(text, path, data),
    )
