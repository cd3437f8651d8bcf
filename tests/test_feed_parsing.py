"""Feed documents to entries: what feedparser, with our XML reader, hands the library."""

from __future__ import annotations

import xml.sax
from collections.abc import Callable, Sequence

import feedparser.api
import pytest

from feedkit import Item, atom, rss
from processes import python_output
from tuinews.feeds.feedparser_setup import BUFFER_SIZE, BufferedExpatReader
from tuinews.feeds.parse import parse_feed


def test_feedparser_reads_through_the_buffered_reader() -> None:
    parse_feed(rss("Gazette", [Item("One", guid="1")]), "https://site.example/feed")
    reader = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    assert isinstance(reader, BufferedExpatReader)


@pytest.mark.parametrize("build", [rss, atom])
def test_a_body_of_thousands_of_escaped_tags_arrives_whole(
    build: Callable[[str, Sequence[Item]], bytes],
) -> None:
    body = "".join(
        f"<p>Paragraph {n} of the report &amp; its “annex”, <b>in bold</b>.</p>"
        for n in range(3000)
    )
    assert len(body) > 2 * BUFFER_SIZE
    document = build("Gazette", [Item("Long read", guid="long", body=body)])

    (entry,) = parse_feed(document, "https://site.example/feed").entries

    assert entry.html == body
    paragraphs = entry.article.text.split("\n\n")
    assert len(paragraphs) == 3000
    assert paragraphs[2999] == "Paragraph 2999 of the report & its “annex”, in bold."


def test_the_quick_reading_keeps_words_and_drops_scripts_styles_and_comments() -> None:
    body = (
        "<p>Ferry  cancelled\n after the storm.</p><script>alert('x')</script>"
        "<style>p { color: red }</style><!-- tracking --><ul><li>Route A</li><li>Route B</li>"
        "</ul><p>Tickets are &lt;refunded&gt; in full.</p>"
    )
    document = rss("Gazette", [Item("Storm", guid="s", body=body)])

    (entry,) = parse_feed(document, "https://site.example/feed").entries

    assert entry.article.text.split("\n\n") == [
        "Ferry cancelled after the storm.",
        "Route A",
        "Route B",
        "Tickets are <refunded> in full.",
    ]
    assert entry.article.sections == []


def test_an_entry_of_a_hundred_thousand_scripts_never_closed_is_read_at_once() -> None:
    """Each "<script>" used to be searched to the end of the entry for its end tag: 6 s for
    7,000 of them, in the square of their number (days for these 100,000, 1.1 MB). None is
    closed, so none hides a word: the entry's quick reading keeps them all."""
    script = (
        "from html import escape\n"
        "from tuinews.feeds.parse import parse_feed\n"
        "body = '<p>Ferry cancelled after the storm.</p>' + '<script> a ' * 100_000\n"
        "document = ('<rss version=\"2.0\"><channel><title>Gazette</title><item>'\n"
        "    '<title>Storm</title><guid>s</guid><description>' + escape(body) +\n"
        "    '</description></item></channel></rss>')\n"
        "(entry,) = parse_feed(document.encode(), 'https://site.example/feed').entries\n"
        "first, rest = entry.article.text.split('\\n\\n')\n"
        "print(first, rest.split().count('a'), sep='|')\n"
    )
    assert python_output(script).strip() == "Ferry cancelled after the storm.|100000"


def test_an_element_of_a_hundred_and_fifty_thousand_attributes_is_read_at_once() -> None:
    """feedparser asks for each attribute by name, and each answer went through all of
    them: 10 s for 33,000 attributes, in the square of their number (minutes for these)."""
    script = (
        "from tuinews.feeds.parse import parse_feed\n"
        "attributes = ' '.join(f'a{n}=\"b\"' for n in range(150_000))\n"
        "document = ('<rss version=\"2.0\"><channel><title>Gazette</title><item>'\n"
        "    f'<title>Storm</title><guid>s</guid><x {attributes}/></item></channel></rss>')\n"
        "(entry,) = parse_feed(document.encode(), 'https://site.example/feed').entries\n"
        "print(entry.article.title)\n"
    )
    assert python_output(script).strip() == "Storm"


def test_windows_quotes_are_repaired_and_every_other_character_kept() -> None:
    # &#147; and &#148; are C1 controls that cp1252 text decoded as Latin-1 leaves behind.
    title = "&#147;Bl&#229;b&#230;r&#148; &#8211; 東京 &#128240; &#157;"
    document = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>G</title>'
        f"<item><title>{title}</title><guid>q</guid><description>Words.</description></item>"
        "</channel></rss>"
    ).encode()

    (entry,) = parse_feed(document, "https://site.example/feed").entries

    # U+009D has no cp1252 character, stays a control, and the untrusted-text rules drop it.
    assert entry.article.title == "“Blåbær” – 東京 📰"
