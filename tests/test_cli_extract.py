"""`import` and `save` end to end: files and a real loopback web server, read back as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from pytest_httpserver import HTTPServer
from werkzeug import Response

from conftest import CliRunner
from schemas import ARTICLE

FIXTURES = Path(__file__).parent / "fixtures"


def _show(cli: CliRunner, article_id: str) -> dict:
    result = cli("show", article_id, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.validate(document, ARTICLE)
    return document


def test_imported_capture_shows_its_whole_structure(cli: CliRunner) -> None:
    result = cli("import", str(FIXTURES / "capture_en.txt"), "--no-sample")
    assert result.returncode == 0, result.stderr
    article = _show(cli, result.stdout.split("\t")[0])
    assert article["category"] == "Sport"
    assert article["image"]["credit"] == "Town Archive, CC BY 4.0, via Wikimedia Commons"
    assert article["lede"] == "The underdogs beat the league leaders 2-1 in extra time."
    assert [section["title"] for section in article["sections"]] == [None, "A late winner"]
    assert [(q["text"], q["speaker"]) for q in article["quotes"]] == [
        ("Nobody believed in us", "Anna Lind"),
        ("We never gave up", "Ola Berg"),
        ("We trained for this.", "Ola Berg"),
    ]
    assert [block["kind"] for block in article["sections"][1]["blocks"]] == [
        "paragraph",
        "also_read",
        "paragraph",
    ]
    assert article["also_read"] == [{"title": "", "url": None, "section": 1, "target_id": None}]
    assert article["sources"] == ["Town Gazette", "Radio North"]
    assert "reading now" not in article["text"] and "MGDK" not in article["text"]


def test_imported_web_page(cli: CliRunner) -> None:
    result = cli("import", str(FIXTURES / "page_also_read.html"), "--no-sample")
    assert result.returncode == 0, result.stderr
    article = _show(cli, result.stdout.split("\t")[0])
    assert article["title"] == "Harbour wall to be rebuilt"
    assert len(article["also_read"]) == 3


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def test_save_fetches_extracts_and_resolves_also_read_links(
    cli: CliRunner, httpserver: HTTPServer
) -> None:
    target_url = httpserver.url_for("/2026/target")
    httpserver.expect_request("/2026/target").respond_with_data(
        _page("The target story", "<p>" + "A story worth linking to, with words. " * 5 + "</p>"),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/2026/source").respond_with_data(
        _page(
            "The source story",
            "<p>" + "The first paragraph of the source story. " * 5 + "</p>"
            '<aside class="related"><a href="/2026/target?utm_source=box">The target story</a></aside>'
            "<p>“We read everything twice,” said editor Maren Tolley.</p>",
        ),
        content_type="text/html",
    )
    target = cli("save", target_url, "--no-sample")
    assert target.returncode == 0, target.stderr
    target_id = target.stdout.split("\t")[0]
    source = cli("save", httpserver.url_for("/2026/source"))
    assert source.returncode == 0, source.stderr
    article = _show(cli, source.stdout.split("\t")[0])
    assert article["also_read"][0]["target_id"] == int(target_id)
    assert article["quotes"] == [
        {"text": "We read everything twice", "speaker": "Maren Tolley", "section": 0}
    ]

    requests_before = len(httpserver.log)
    again = cli("save", target_url + "#comments")
    assert again.stdout.split("\t")[:2] == [target_id, "already saved"]
    assert len(httpserver.log) == requests_before  # known URL: no request at all


def test_save_follows_redirects(cli: CliRunner, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/new")})
    )
    httpserver.expect_request("/new").respond_with_data(
        _page("Moved story", "<p>" + "This story moved to a new address. " * 4 + "</p>"),
        content_type="text/html",
    )
    result = cli("save", httpserver.url_for("/old"), "--no-sample")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("/new")


def test_save_errors_are_one_line(cli: CliRunner, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("nope", status=404)
    httpserver.expect_request("/loop").respond_with_response(
        Response(status=302, headers={"Location": httpserver.url_for("/loop")})
    )
    httpserver.expect_request("/huge").respond_with_data(
        b"<p>" + b"x" * (11 * 1024 * 1024), content_type="text/html"
    )
    httpserver.expect_request("/image").respond_with_data(b"\x89PNG....", content_type="image/png")
    for path, message in [
        ("/missing", "HTTP 404"),
        ("/loop", "too many redirects"),
        ("/huge", "larger than 10 MB"),
        ("/image", "not a web page"),
    ]:
        result = cli("save", httpserver.url_for(path), "--no-sample")
        assert result.returncode == 1, path
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert message in result.stderr, result.stderr
    refused = cli("save", "ftp://example.org/file")
    assert refused.returncode == 1 and "only http and https" in refused.stderr
    assert json.loads(cli("list", "--json", "--no-sample").stdout) == []
