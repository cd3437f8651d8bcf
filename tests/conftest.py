"""Shared fixtures: a real library file per test and the CLI run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tuinews.library import Library
from tuinews.model import AlsoRead, Article, Block, Link, Quote, Section


@pytest.fixture(autouse=True)
def true_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees a true-colour terminal, whatever runs it (CI's TERM is often "xterm",
    which means 16 colours and the ANSI themes); a test of 16 colours says so itself."""
    monkeypatch.setenv("COLORTERM", "truecolor")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library.db") as opened:
        yield opened


@pytest.fixture
def isolated_env(tmp_path: Path) -> dict[str, str]:
    """An environment in which no file of the developer's own can leak into a test."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TUINEWS_")}
    home = tmp_path / "home"
    home.mkdir()
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        COLUMNS="100",
        PYTHONIOENCODING="utf-8",
    )
    return env


CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(isolated_env: dict[str, str], tmp_path: Path) -> CliRunner:
    """Run `tuinews ARGS...` in a subprocess against `tmp_path/cli.db` unless told otherwise."""

    def run(
        *args: str, db: Path | None = tmp_path / "cli.db", **env: str
    ) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "tuinews"]
        if db is not None:
            command += ["--db", str(db)]
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            env={**isolated_env, **env},
            timeout=60,
            check=False,
        )

    return run


def make_article(
    title: str = "Harbour reopens",
    *,
    url: str | None = "https://news.example/harbour",
    body: str = "The harbour reopened on Monday after repairs.",
    published: datetime | None = datetime(2026, 11, 2, 9, 30, tzinfo=UTC),
    also_read: list[tuple[str, str]] | None = None,
) -> Article:
    """A small article with one paragraph, one quote and optional also-read links."""
    blocks = [Block(kind="paragraph", text=body)]
    links = also_read or []
    if links:
        blocks.append(
            Block(
                kind="also_read",
                text="Also read",
                links=[Link(title=link_title, url=link_url) for link_title, link_url in links],
            )
        )
    return Article(
        title=title,
        url=url,
        published=published,
        sections=[Section(blocks=blocks)],
        quotes=[Quote(text="We are open", speaker="Ada Harbour", section=0)],
        also_read=[AlsoRead(title=t, url=u, section=0) for t, u in links],
    )
