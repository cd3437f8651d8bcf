"""The command line as a user runs it: a subprocess against a temporary library."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from conftest import CliRunner
from schemas import ARTICLE, SEARCH_LIST, SUMMARY_LIST
from tuinews import __version__


def assert_one_line_error(result, fragment: str) -> None:
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tuinews: ")
    assert fragment in lines[0]


def test_version(cli: CliRunner) -> None:
    result = cli("--version", db=None)
    assert result.returncode == 0
    assert result.stdout.strip() == f"tuinews {__version__}"


def test_help_lists_every_command(cli: CliRunner) -> None:
    result = cli("--help", db=None)
    for command in ("list", "show", "search", "import", "feeds", "remove"):
        assert command in result.stdout


def test_new_library_lists_the_sample_edition(cli: CliRunner) -> None:
    result = cli("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    jsonschema.validate(rows, SUMMARY_LIST)
    assert len(rows) >= 5
    assert {row["feed"] for row in rows} == {"Sample edition"}
    published = [row["published"] for row in rows]
    assert published == sorted(published, reverse=True)


def test_sample_story_has_sections_quotes_and_linked_also_read(cli: CliRunner) -> None:
    rows = json.loads(cli("list", "--json").stdout)
    ids = {row["id"] for row in rows}
    languages_seen = set()
    for row in rows:
        result = cli("show", str(row["id"]), "--json")
        assert result.returncode == 0, result.stderr
        article = json.loads(result.stdout)
        jsonschema.validate(article, ARTICLE)
        assert article["id"] == row["id"]
        assert [s["title"] for s in article["sections"][1:]] and all(
            s["title"] for s in article["sections"][1:]
        )
        assert any(quote["speaker"] for quote in article["quotes"])
        assert article["also_read"], article["title"]
        for link in article["also_read"]:
            assert link["target_id"] in ids - {article["id"]}
            target = json.loads(cli("show", str(link["target_id"]), "--json").stdout)
            assert target["title"] == link["title"]
        figures = [b for s in article["sections"] for b in s["blocks"] if b["kind"] == "figure"]
        assert figures and all(figure["credit"] for figure in figures)
        languages_seen.add(
            "de" if " der " in article["text"] else "da" if " og " in article["text"] else "en"
        )
    assert len(languages_seen) >= 2


def test_show_prints_a_readable_story(cli: CliRunner) -> None:
    cli("list")
    result = cli("show", "1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Kragsø ferry line reopens with a new electric boat"
    assert set(lines[1]) == {"═"}
    assert "Also read" in result.stdout and "[1]" in result.stdout
    assert "Sources:" in result.stdout


def test_no_sample_keeps_a_new_library_empty(cli: CliRunner) -> None:
    result = cli("list", "--no-sample", "--json")
    assert json.loads(result.stdout) == []


def test_removed_sample_edition_does_not_come_back(cli: CliRunner) -> None:
    cli("list")
    result = cli("remove", "sample edition")
    assert result.returncode == 0, result.stderr
    assert "removed Sample edition" in result.stdout
    assert json.loads(cli("list", "--json").stdout) == []
    assert json.loads(cli("feeds", "--json").stdout) == []


def test_list_filters(cli: CliRunner, tmp_path: Path) -> None:
    story = tmp_path / "note.txt"
    story.write_text("A saved note\n\nIt has one paragraph.\n")
    cli("list")
    cli("import", str(story))
    saved = json.loads(cli("list", "--saved", "--json").stdout)
    assert [row["title"] for row in saved] == ["A saved note"]
    sample = json.loads(cli("list", "--feed", "Sample edition", "--limit", "2", "--json").stdout)
    assert len(sample) == 2 and all(row["feed"] == "Sample edition" for row in sample)
    assert json.loads(cli("list", "--starred", "--json").stdout) == []
    assert len(json.loads(cli("list", "--unread", "--json").stdout)) == 7


def test_unknown_feed_name(cli: CliRunner) -> None:
    assert_one_line_error(cli("list", "--feed", "Nope"), "no feed named 'Nope'")


def test_db_option_before_or_after_the_command_and_from_the_environment(
    cli: CliRunner, tmp_path: Path
) -> None:
    after = tmp_path / "after.db"
    assert cli("list", "--db", str(after), db=None).returncode == 0
    assert after.exists()
    from_env = tmp_path / "env.db"
    assert cli("list", db=None, TUINEWS_DB=str(from_env)).returncode == 0
    assert from_env.exists()
    explicit = tmp_path / "explicit.db"
    cli("list", db=explicit, TUINEWS_DB=str(tmp_path / "ignored.db"))
    assert explicit.exists() and not (tmp_path / "ignored.db").exists()


def test_default_database_lives_in_the_user_data_directory(
    cli: CliRunner, isolated_env: dict[str, str]
) -> None:
    assert cli("list", db=None).returncode == 0
    assert (Path(isolated_env["XDG_DATA_HOME"]) / "tuinews" / "tuinews.db").exists()


def test_unknown_id(cli: CliRunner) -> None:
    assert_one_line_error(cli("show", "4242"), "no article with id 4242")


def test_unreadable_database(cli: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(os.urandom(8192))
    assert_one_line_error(cli("list", db=broken), "cannot open database")


def test_broken_config_names_the_file_and_line(cli: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ui]\ntheme = "nord"\n[refresh]\nconcurrency = = 4\n')
    result = cli("list", TUINEWS_CONFIG=str(config))
    assert_one_line_error(result, str(config))
    assert "line 4" in result.stderr


def test_config_with_a_wrong_type_names_the_key_and_line(cli: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[refresh]\n\nconcurrency = "lots"\n')
    result = cli("list", "--config", str(config))
    assert_one_line_error(result, "line 3: concurrency must be a whole number, not 'lots'")


def test_config_chooses_the_database(cli: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    wanted = tmp_path / "from-config.db"
    config.write_text(f'[library]\npath = "{wanted}"\n')
    assert cli("list", db=None, TUINEWS_CONFIG=str(config)).returncode == 0
    assert wanted.exists()


def test_import_prints_ids_and_recognises_files_already_stored(
    cli: CliRunner, tmp_path: Path
) -> None:
    first = tmp_path / "first.txt"
    first.write_text(
        "Storm closes the bridge\n\nThe bridge closed at noon.\n\nIt reopens tomorrow.\n"
    )
    second = tmp_path / "second.md"
    second.write_text("# Market day\n\nStalls on the quay.\n\n## Prices\n\nFish is cheaper.\n")
    result = cli("import", str(first), str(second), "--no-sample")
    assert result.returncode == 0, result.stderr
    (line1, line2) = result.stdout.splitlines()
    id1, state1, path1 = line1.split("\t")
    assert state1 == "new" and path1 == str(first)
    again = cli("import", str(first))
    assert again.stdout.split("\t")[:2] == [id1, "already stored"]
    article = json.loads(cli("show", line2.split("\t")[0], "--json").stdout)
    assert article["title"] == "Market day"
    assert [s["title"] for s in article["sections"]] == [None, "Prices"]


def test_import_continues_past_bad_files_and_reports_each(cli: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good story\n\nBody.\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    result = cli(
        "import",
        str(tmp_path / "missing.txt"),
        str(binary),
        str(empty),
        str(tmp_path / "x.pdf"),
        str(good),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    assert "missing.txt: no such file" in errors[0]
    assert "photo.txt: binary data" in errors[1]
    assert "empty.txt: the file has no text" in errors[2]
    assert "x.pdf: unsupported file type" in errors[3]
    assert result.stdout.count("\tnew\t") == 1


def test_an_exported_article_imports_back(cli: CliRunner, tmp_path: Path) -> None:
    cli("list")
    exported = tmp_path / "story.json"
    document = json.loads(cli("show", "2", "--json").stdout)
    document["url"] = "https://elsewhere.example/copy"
    exported.write_text(json.dumps(document))
    other_db = tmp_path / "other.db"
    result = cli("import", str(exported), "--no-sample", db=other_db)
    assert result.returncode == 0, result.stderr
    copy = json.loads(cli("show", result.stdout.split("\t")[0], "--json", db=other_db).stdout)
    assert copy["sections"] == [
        {
            **s,
            "blocks": [
                {**b, "links": [{**link, "target_id": None} for link in b["links"]]}
                if "links" in b
                else b
                for b in s["blocks"]
            ],
        }
        for s in document["sections"]
    ]
    assert copy["quotes"] == document["quotes"]


def test_search(cli: CliRunner) -> None:
    cli("list")
    result = cli("search", "ferry", "--json")
    hits = json.loads(result.stdout)
    jsonschema.validate(hits, SEARCH_LIST)
    assert hits and "ferry" in hits[0]["title"].lower()
    human = cli("search", "ferry")
    assert "*ferry*" in human.stdout.lower()


@pytest.mark.parametrize("query", ['ferry"', "(ferry", "ferry AND", "-", "NEAR("])
def test_search_with_broken_syntax_never_fails(cli: CliRunner, query: str) -> None:
    cli("list")
    result = cli("search", query, "--json")
    assert result.returncode == 0, result.stderr
    jsonschema.validate(json.loads(result.stdout), SEARCH_LIST)


def test_bad_arguments_are_usage_errors_not_tracebacks(cli: CliRunner) -> None:
    result = cli("list", "--limit", "0")
    assert result.returncode == 1  # like every other user error
    assert "Traceback" not in result.stderr and "must be at least 1" in result.stderr
    result = cli("show", "seven")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    result = cli("--bogus")
    assert result.returncode == 1 and "unrecognized arguments: --bogus" in result.stderr


def test_output_closed_early_is_not_an_error(
    cli: CliRunner, isolated_env: dict[str, str], tmp_path: Path
) -> None:
    import subprocess
    import sys

    cli("list")
    pipeline = subprocess.run(
        f"{sys.executable} -m tuinews --db {tmp_path / 'cli.db'} show 1 | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        env=isolated_env,
        check=False,
    )
    assert pipeline.stdout.strip() == "Kragsø ferry line reopens with a new electric boat"
    assert "Traceback" not in pipeline.stderr and "Broken pipe" not in pipeline.stderr
