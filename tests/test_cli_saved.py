"""Saved means one thing, a mistyped --db creates nothing, and removing a feed keeps what was kept."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CliRunner
from tuinews.library import Library


def _one_line_error(result: object, text: str) -> None:
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert result.stderr.count("\n") == 1 and text in result.stderr  # type: ignore[attr-defined]


def test_a_db_in_a_missing_directory_is_an_error_and_creates_nothing(
    cli: CliRunner, tmp_path: Path
) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    _one_line_error(cli("list", db=missing), "no directory")
    _one_line_error(cli("list", db=None, TUINEWS_DB=str(missing)), "no directory")
    assert not (tmp_path / "nonexistent").exists()


def test_save_by_id_or_by_url_marks_a_stored_story_saved_without_fetching(
    cli: CliRunner, tmp_path: Path
) -> None:
    rows = json.loads(cli("list", "--json").stdout)  # the sample edition, offline
    first, second = rows[0], rows[1]
    assert not first["saved"] and not second["saved"]
    by_id = cli("save", str(first["id"]))
    assert by_id.returncode == 0, by_id.stderr
    assert by_id.stdout.split("\t")[:2] == [str(first["id"]), "saved"]
    by_url = cli("save", second["url"] + "#comments")  # a sample URL: no server behind it
    assert by_url.stdout.split("\t")[:2] == [str(second["id"]), "saved"]
    assert cli("save", str(first["id"])).stdout.split("\t")[1] == "already saved"
    saved = json.loads(cli("list", "--saved", "--json").stdout)
    assert [row["id"] for row in saved] == [first["id"], second["id"]]
    assert all(row["saved"] and row["feed"] == "Sample edition" for row in saved)
    _one_line_error(cli("save", "99999"), "no article with id 99999")


def test_removing_a_feed_keeps_its_starred_and_saved_stories(
    cli: CliRunner, tmp_path: Path
) -> None:
    rows = json.loads(cli("list", "--json").stdout)
    with Library.open(tmp_path / "cli.db") as library:
        library.set_starred(rows[2]["id"])
    cli("save", str(rows[3]["id"]))
    removed = cli("remove", "Sample edition")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == (
        "removed Sample edition: 4 articles go; "
        "2 articles starred or saved stay in Starred and Saved.\n"
    )
    left = json.loads(cli("list", "--json").stdout)
    assert [row["id"] for row in left] == [rows[2]["id"], rows[3]["id"]]
    assert {row["feed"] for row in left} == {"(removed) Sample edition"}
    assert [row["id"] for row in json.loads(cli("list", "--starred", "--json").stdout)] == [
        rows[2]["id"]
    ]
    shown = json.loads(cli("show", str(rows[3]["id"]), "--json").stdout)
    assert shown["title"] == rows[3]["title"] and shown["sections"]
