"""Extraction rules that hold on any kind of page (issue 13, on pages never tuned on):
what makes a block the body is its prose, not a name it happens to carry; text is
stored as it reads. Each rule has a small page made for the project."""

from __future__ import annotations

from pathlib import Path

from tuinews.extract.article import from_html
from tuinews.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def read(name: str) -> Article:
    return from_html((FIXTURES / f"{name}.html").read_bytes(), "https://example.org/page")


def paragraphs(article: Article) -> list[str]:
    return [
        block.text
        for section in article.sections
        for block in section.blocks
        if block.kind == "paragraph"
    ]


def test_a_sidebar_text_widget_is_not_the_story_however_long() -> None:
    # `widget_text` says "text", which names no part of a story: the sidebar stays chrome.
    article = read("sidebar_widget")
    texts = paragraphs(article)
    assert len(texts) == 2
    assert texts[0].startswith("The old oak gates at the top lock")
    assert "Membership costs" not in article.text


def test_story_named_like_chrome_is_kept_and_a_cookie_notice_is_not() -> None:
    # Every paragraph sits in `share-zone` and `tip-print-step`: believing the names would
    # leave nothing. A cookie notice is never the story, whatever else is believed.
    article = read("named_like_chrome")
    texts = paragraphs(article)
    assert len(texts) == 3
    assert texts[0].startswith("You know it: you want tomatoes")
    assert "cookies" not in article.text


def test_soft_hyphens_and_zero_width_spaces_are_gone_and_text_is_composed() -> None:
    article = read("invisible_characters")
    assert "Mittelalter" in article.text and "Aushängeschild" in article.text
    assert "weithin" in article.text and "zusammen" in article.text
    assert "Café" in article.text and "Jahrgänge" in article.text
    assert not {"\u00ad", "\u200b", "\u0301", "\u0308"} & set(article.text)


def test_ruby_readings_are_not_read_into_the_words() -> None:
    (text,) = paragraphs(read("ruby"))
    assert text.startswith("子どもへの虐待をなくすための法律ができて")
    assert "ぎゃくたい" not in text and "(" not in text


def test_a_story_sent_as_a_template_script_is_read_in_place() -> None:
    article = read("template_script")
    texts = paragraphs(article)
    assert len(texts) == 3
    assert texts[0].startswith("Over the past few years attacks")
    assert "{{text}}" not in article.text
    assert "needs JavaScript" not in article.text
