"""`tuinews read/unread/star/unstar` and the `[sync]` table, without a sync server."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CliRunner


def _rows(cli: CliRunner) -> dict[int, dict[str, object]]:
    return {row["id"]: row for row in json.loads(cli("list", "--json").stdout)}


def test_marking_changes_the_library_and_names_unknown_ids(cli: CliRunner) -> None:
    first, second = list(_rows(cli))[:2]
    assert cli("read", str(first), str(second)).stdout == "2 articles marked read\n"
    assert cli("star", str(second)).returncode == 0
    rows = _rows(cli)
    assert rows[first]["read"] and rows[second]["read"] and rows[second]["starred"]

    done = cli("unread", str(first), "999999")
    assert done.returncode == 1
    assert done.stderr == "tuinews: no article with id 999999\n"
    assert done.stdout == "1 article marked unread\n"
    assert cli("unstar", str(second)).returncode == 0
    rows = _rows(cli)
    assert not rows[first]["read"] and not rows[second]["starred"]


def test_sync_without_an_account_says_where_to_add_one(cli: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    done = cli("--config", str(config), "sync")
    assert done.returncode == 1
    assert done.stderr == f"tuinews: no [sync] account in {config} (see README, Sync)\n"


def test_a_broken_sync_table_is_one_line(cli: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    for table, problem in (
        ('[sync]\nusername = "me"\n', "[sync] needs url"),
        ('[sync]\nurl = "ftp://host"\nusername = "me"\n', "[sync] url must start with"),
        ('[sync]\nservice = "fever"\nurl = "https://h"\nusername = "me"\n', "service must be"),
        ('[sync]\nurl = "https://h"\nusername = 3\n', "line 3: username must be a string"),
    ):
        config.write_text(table)
        done = cli("--config", str(config), "sync")
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and problem in done.stderr, done.stderr
