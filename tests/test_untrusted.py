"""Untrusted-text rules and URL keys: what makes stored text safe and stories findable."""

from __future__ import annotations

import pytest

from tuinews.untrusted import clean_line, clean_text, is_followable
from tuinews.urls import normalize_url


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain", "plain"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]0;window title\x07text", "text"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("csi\x9b2Jx", "csix"),
        ("rtl\u202eoverride", "rtloverride"),
        ("keeps\ttabs\nand lines", "keeps\ttabs\nand lines"),
        ("windows\r\nlines\rold mac", "windows\nlines\nold mac"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
        ("Ærø „Zitat“ «citation»", "Ærø „Zitat“ «citation»"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_line_folds_line_breaks() -> None:
    assert clean_line("  Two\r\n  lines\u2028here ") == "Two lines here"


@pytest.mark.parametrize(
    ("url", "followable"),
    [
        ("https://x.example/a", True),
        ("HTTP://x.example/a", True),
        ("file:///home/me/a.txt", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("mailto:a@b.example", False),
        ("", False),
        (None, False),
        ("no-scheme", False),
    ],
)
def test_only_web_and_file_links_are_followable(url: str | None, followable: bool) -> None:
    assert is_followable(url) is followable


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://News.Example/a/B?x=1#frag", "https://news.example/a/B?x=1"),
        ("https://news.example:443/a", "https://news.example/a"),
        ("http://news.example:8080/a", "http://news.example:8080/a"),
        ("https://news.example", "https://news.example/"),
        (
            "https://news.example/a?utm_source=x&id=7&fbclid=y&gclid=z",
            "https://news.example/a?id=7",
        ),
        ("https://news.example/a?b=2&a=1", "https://news.example/a?b=2&a=1"),
        ("file:///tmp/a.txt", "file:///tmp/a.txt"),
    ],
)
def test_normalize_url(url: str, key: str) -> None:
    assert normalize_url(url) == key
