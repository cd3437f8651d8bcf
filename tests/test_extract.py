"""Extraction on fixtures written for the project: captures, pages, feed HTML, bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from processes import python_output
from tuinews.extract.article import from_html, from_text
from tuinews.extract.figures import split_credit
from tuinews.model import Article

FIXTURES = Path(__file__).parent / "fixtures"


def blocks(article: Article, kind: str) -> list:
    return [block for section in article.sections for block in section.blocks if block.kind == kind]


# -- text captures -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "category", "credit", "headings", "quotes", "sources"),
    [
        (
            "capture_en.txt",
            "Sport",
            "Town Archive, CC BY 4.0, via Wikimedia Commons",
            ["A late winner"],
            [
                ("Nobody believed in us", "Anna Lind"),
                ("We never gave up", "Ola Berg"),
                ("We trained for this.", "Ola Berg"),
            ],
            ["Town Gazette", "Radio North"],
        ),
        (
            "capture_de.txt",
            "Lokales",
            "Foto: Jonas Breck / Hafenkurier",
            ["Leiser als früher"],
            [
                ("Endlich wieder eine direkte Verbindung", "Bürgermeisterin Ingrid Holm"),
                ("Man hört nur noch die Möwen", "Kapitän Rhys Amberley"),
            ],
            ["Hafenkurier", "Regionalrat"],
        ),
        (
            "capture_da.txt",
            "Klima",
            "Foto: Sofie Lund / Havnekureren",
            ["Hvad betyder det"],
            [
                ("Det er et lille mirakel", "Ane Kjærsgaard"),
                ("Vi ser flere små torsk end i mange år", "Mads Høj"),
            ],
            ["Varne Universitet", "Havnekureren"],
        ),
    ],
)
def test_text_capture_structure(name, category, credit, headings, quotes, sources) -> None:
    article = from_text((FIXTURES / name).read_text(encoding="utf-8"))
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    assert article.title == lines[2]
    assert article.category == category
    assert article.image is not None and article.image.credit == credit
    assert article.image.name == lines[4]
    assert article.lede == lines[7]
    assert [section.title for section in article.sections[1:]] == headings
    assert [(quote.text, quote.speaker) for quote in article.quotes] == quotes
    assert article.sources == sources
    # The also-read marker stays where it stood: in the last section, after its paragraph.
    (marker,) = blocks(article, "also_read")
    assert article.sections[-1].blocks[1] is marker
    assert [link.section for link in article.also_read] == [len(article.sections) - 1]
    for furniture in ("reading now", "lesen gerade", "læser lige nu", "Ads by", "Anzeigen von"):
        assert furniture not in article.text


def test_plain_text_keeps_every_word() -> None:
    essay = (
        "On walking\n\nI walk every morning along the quay.\nThe gulls know me by now.\n\n"
        "In winter the wind is sharp. Nobody else is out.\n"
    )
    article = from_text(essay)
    assert article.title == "On walking"
    assert article.lede is None and article.category is None
    assert [block.text for block in blocks(article, "paragraph")] == [
        "I walk every morning along the quay. The gulls know me by now.",
        "In winter the wind is sharp. Nobody else is out.",
    ]


def test_markdown_headings_become_sections() -> None:
    article = from_text(
        "# Market day\n\nStalls on the quay.\n\n## Prices\n\nFish is cheaper.\n", markdown=True
    )
    assert article.title == "Market day"
    assert [(s.title, [b.text for b in s.blocks]) for s in article.sections] == [
        (None, ["Stalls on the quay."]),
        ("Prices", ["Fish is cheaper."]),
    ]


def test_unclosed_quote_loses_nothing() -> None:
    article = from_text("Title\n\nShe said “this never ends and goes on\n\nNext paragraph.\n")
    assert "this never ends and goes on" in article.text
    assert article.quotes == []


def test_a_breadcrumb_of_a_megabyte_is_read_at_once() -> None:
    """Each word of a first line ending in "..." was tried as the start of the truncated
    title, joining the rest of the line every time: 12 s for 200 KB, in the square of its
    length (minutes for this megabyte). The line is still the breadcrumb, all of it."""
    script = (
        "from tuinews.extract.article import from_text\n"
        "crumbs = 'Sport ' * 170_000\n"
        "article = from_text(f'Home {crumbs}Local club wins...\\n\\n'\n"
        "    'Local club wins cup after forty years\\n\\nThe underdogs won 2-1.\\n')\n"
        "print(article.title, article.category.split().count('Sport'), sep='|')\n"
    )
    assert python_output(script).strip() == "Local club wins cup after forty years|170000"


def test_a_capture_of_four_hundred_thousand_lines_is_read_at_once() -> None:
    """Each line was read with a copy of the list of lines after it: minutes for these
    400,000 ad markers (3.6 MB). Each is dropped; the paragraph after them is the story."""
    script = (
        "from tuinews.extract.article import from_text\n"
        "article = from_text('Title\\n\\n' + 'Werbung\\n\\n' * 400_000 + 'The end of it.\\n')\n"
        "print([block.text for section in article.sections for block in section.blocks])\n"
    )
    assert python_output(script).strip() == "['The end of it.']"


# -- web pages -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> Article:
    return from_html(
        (FIXTURES / "page_also_read.html").read_bytes(), "https://courier.example/2026/harbour-wall"
    )


def test_page_metadata(page: Article) -> None:
    assert page.title == "Harbour wall to be rebuilt"
    assert page.byline == "Maren Tolley"
    assert page.published is not None and page.published.isoformat() == "2026-11-20T09:15:00+01:00"
    assert page.category == "Local"
    assert (
        page.lede
        == "The council has approved £4m to rebuild the storm-damaged harbour wall before next winter."
    )


def test_page_lead_image_and_figures_have_credits_split_out(page: Article) -> None:
    assert page.image is not None
    assert page.image.caption == "The wall after the January storm."
    assert page.image.credit == "Photo: Jonas Breck / Harbour Courier"
    (figure,) = blocks(page, "figure")
    assert (figure.caption, figure.credit) == ("The plan for the new wall.", "© Harbour Council")
    assert figure.url == "https://courier.example/images/plan.png"  # lazy-loaded, made absolute


def test_page_sections_and_blocks(page: Article) -> None:
    assert [section.title for section in page.sections] == [None, "Who pays", "What happens next"]
    (listing,) = blocks(page, "list")
    assert listing.items[0] == "Tender published in December"
    (quote_block,) = blocks(page, "blockquote")
    assert "one-in-two-hundred-year storm" in quote_block.text
    assert ("We cannot leave the fleet exposed for another winter", "Ingrid Holm") in [
        (quote.text, quote.speaker) for quote in page.quotes
    ]


def test_page_also_read_boxes_in_every_markup_stay_in_place(page: Article) -> None:
    assert [(link.title, link.url, link.section) for link in page.also_read] == [
        (
            "January storm leaves trail of damage along the coast",
            "https://courier.example/2026/storm-january?utm_source=inline",
            0,
        ),
        ("Hafenmauer: Was die Sanierung kostet", "https://courier.example/de/hafenmauer", 1),
        (
            "Fishing quotas cut again for next year",
            "https://courier.example/2026/fishing-quotas",
            2,
        ),
    ]
    kinds = [block.kind for block in page.sections[0].blocks]
    assert kinds == ["paragraph", "paragraph", "also_read"]


def test_page_chrome_and_recommendation_widgets_are_dropped(page: Article) -> None:
    everything = page.text + " ".join(link.title for link in page.also_read)
    for chrome in (
        "cookies",
        "Share",
        "Most read",
        "Celebrity chef",
        "ten tricks",
        "mattress",
        "All rights reserved",
        "Tags:",
        "Home",
    ):
        assert chrome not in everything


def test_feed_entry_fragment_gets_sections_and_quotes() -> None:
    entry = (
        "<p>The ferry returns.</p><h2>Timetable</h2><p>“Eight crossings a day,” said "
        "operator Rhys Amberley.</p><p><a href='/more'>Read more</a></p>"
    )
    article = from_html(entry, "https://courier.example/feed/item")
    assert [section.title for section in article.sections] == [None, "Timetable"]
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("Eight crossings a day", "Rhys Amberley")
    ]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Boats at dawn. Photo: Ann Lee / Courier", ("Boats at dawn.", "Photo: Ann Lee / Courier")),
        ("Die Fähre am Kai. Foto: dpa", ("Die Fähre am Kai.", "Foto: dpa")),
        ("The quay in 1920 © Town Archive", ("The quay in 1920", "© Town Archive")),
        ("Protesters outside parliament / Reuters", ("Protesters outside parliament", "/ Reuters")),
        (
            "Fiskerne i havnen (Foto: Sofie Lund/Ritzau Scanpix)",
            ("Fiskerne i havnen", "Foto: Sofie Lund/Ritzau Scanpix"),
        ),
        ("Just a caption", ("Just a caption", None)),
        ("The court sat for an hour. AP", ("The court sat for an hour.", "AP")),
        (
            "She will succeed Higgins. | Niall Carson/PA Images via Getty Images",
            ("She will succeed Higgins.", "Niall Carson/PA Images via Getty Images"),
        ),
        (
            "Chiesa bei seiner Rede. Foto: Urs Flueeler (Keystone)",
            ("Chiesa bei seiner Rede.", "Foto: Urs Flueeler (Keystone)"),
        ),
        ("Báez intenta marcharse. (Edu Luque)", ("Báez intenta marcharse.", "Edu Luque")),
        ("Kryžius (AFP / ISHARA S. KODIKARA)", ("Kryžius", "AFP / ISHARA S. KODIKARA")),
        (
            "テレビで見る国民（ソウルで、３日）＝ＡＰ",
            ("テレビで見る国民（ソウルで、３日）", "ＡＰ"),
        ),
        ("Photo by Handout/School Board", (None, "Photo by Handout/School Board")),
        ("Ein Treffen in Berlin (Archivbild)", ("Ein Treffen in Berlin (Archivbild)", None)),
        ("3 of 12 | Boats at dawn. (AP Photo/Ann Lee)", ("Boats at dawn.", "AP Photo/Ann Lee")),
        ("3 of 12 boats sank", ("3 of 12 boats sank", None)),
    ],
)
def test_split_credit(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (
            '<meta charset="iso-8859-1"><title>Köln</title><p>Straße in Köln, schöne Grüße aus dem Süden der Stadt.</p>'.encode(
                "latin-1"
            ),
            "Köln",
        ),
        (
            codecs.BOM_UTF8
            + "<title>Ærø</title><p>Færgen sejler igen fra Ærøskøbing til Svendborg.</p>".encode(),
            "Ærø",
        ),
        (
            "<title>Čeština</title><p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p>".encode("utf-16"),
            "Čeština",
        ),
        ((FIXTURES / "latin1.html").read_bytes(), "Kaffée und Köln"),
    ],
)
def test_charsets(data: bytes, title: str) -> None:
    article = from_html(data)
    assert article.title == title
    assert "\ufffd" not in article.text


# -- bad input: a best-effort article or a clear error, never a hang or a traceback ------


def test_empty_and_articleless_pages_give_empty_articles() -> None:
    assert from_html(b"").sections == []
    nav_only = "<html><body><nav><a href='/'>Home</a></nav><footer>© 2026</footer></body></html>"
    assert from_html(nav_only).text == ""


def test_binary_garbage_does_not_raise() -> None:
    article = from_html(bytes(range(256)) * 64)
    assert isinstance(article, Article)


def test_deeply_nested_html() -> None:
    deep = (
        "<div>" * 10_000
        + "<p>Deep down there is a paragraph with enough words to count.</p>"
        + "</div>" * 10_000
    )
    article = from_html(deep)
    assert "Deep down there is a paragraph" in article.text


def test_huge_page_finishes(tmp_path: Path) -> None:
    """50 MB of paragraphs."""
    script = (
        "from tuinews.extract.article import from_html\n"
        "html = '<html><body><article>' + '<p>' + 'word ' * 100 + '</p>' * 1 + "
        "('<p>' + 'word ' * 100 + '</p>') * 100_000 + '</article></body></html>'\n"
        "assert len(html) > 50_000_000\n"
        "article = from_html(html)\n"
        "print(len(article.sections[0].blocks))\n"
    )
    assert int(python_output(script)) == 100_001


def test_a_paragraph_of_a_thousand_unclosed_quotations_finishes() -> None:
    """40 KB without a full stop, a quotation mark opened a thousand times: every reading
    of "the sentence before the quote" once took the whole paragraph, for every verb in it
    (82 s here); a sentence now reaches 1,000 characters from a place in it at most."""
    script = (
        "from tuinews.extract.article import from_html\n"
        "para = ''.join(f'Tom Rudd said “we waited {i} and then ' for i in range(1000))\n"
        "article = from_html(f'<html><body><article><p>{para}</p></article></body></html>')\n"
        "print(len(article.quotes))\n"
    )
    assert int(python_output(script)) == 500  # each quotation runs to the next opening mark


_STORY_WITH_A_PRONOUN = (
    "<html><head><title>Ferry service</title></head><body><article><h1>Ferry service</h1>"
    "<p>The harbour council met on Tuesday evening, and Agnes Pellow spoke first.</p>"
    "<p>“We have waited for the new boat for years,” said Agnes Pellow, who chairs the "
    "council. The ferry has run only twice a week since the old boat was sold in March.</p>"
    "<p>“The money is there at last,” she said.</p></article>"
)


@pytest.mark.parametrize(
    "opener",
    [
        "<script> a ",
        "<style> a ",
        "<textarea> a ",
        "<template> a ",
        "<title> a ",
        "<!-- a ",
        '<script type="text/template"> a ',
        "text/html <script ",
    ],
)
def test_thousands_of_raw_text_elements_never_closed_are_read_within_the_budget(
    opener: str,
) -> None:
    """Each opener used to be searched to the end of the page for its end (or a template
    script's start tag read again for each "<script" in it) before the reading began: 5 s
    to minutes for these 8,000. Read in the budget, who "she" is is followed; a reading
    that spent its budget before the story would give None."""
    page = _STORY_WITH_A_PRONOUN + opener * 8000 + "<b>the end</b></body></html>"
    article = from_html(page, budget=2.0)
    assert len(blocks(article, "paragraph")) == 3
    assert {quote.text: quote.speaker for quote in article.quotes} == {
        "We have waited for the new boat for years": "Agnes Pellow",
        "The money is there at last": "Agnes Pellow",
    }


def test_unclosed_markup_and_quotes_in_html() -> None:
    article = from_html(
        "<p>“An open quote that never closes <b>bold <i>and more <p>Second paragraph here"
    )
    assert "An open quote that never closes" in article.text
    assert "Second paragraph here" in article.text


def test_bylines_dates_and_teaser_lists_at_the_edges_are_trimmed() -> None:
    prose = "The council met on Tuesday and agreed the budget after a long debate. " * 3
    page = (
        "<html><body><article><div class='story'>"
        "<p>By Ann Lee | Special to the Courier</p>"
        "<p>PUBLISHED: November 19, 2026 at 8:59 pm</p>"
        f"<p>{prose}</p><p>{prose}</p>"
        "<h2>More in Local news</h2>"
        "<ul><li>Ferry timetable changes November 19, 2026 Read more</li>"
        "<li>Market moves to the quay November 18, 2026 Read more</li></ul>"
        "</div></article></body></html>"
    )
    article = from_html(page)
    assert article.text.startswith("The council met on Tuesday")
    assert "PUBLISHED" not in article.text and "Ann Lee" not in article.text
    assert "More in Local news" not in article.text and "Ferry timetable" not in article.text
    assert [section.title for section in article.sections] == [None]


# -- figures outside <figure>, cover pictures, hidden credits --------------------------------

_FIGURE_PAGE = (
    "<html><body><header><figure><img src='/lead.jpg'><figcaption>"
    "<span>The harbour at dawn.</span><span>Getty Images</span></figcaption></figure></header>"
    "<div id='body'><p>"
    + "A first paragraph long enough to start the story's body text. "
    * 3
    + "</p><div class='image-box'><img src='/b.jpg'><p class='caption'>The new quay. "
    "<span>IMAGO/Jan Holm</span></p></div>"
    "<div class='image-gallery'>" + "<p>" + "words " * 200 + "</p>" * 4 + "<img src='/c.jpg'></div>"
    "<figure><img src='/d.jpg'><footer class='credit' aria-hidden='true'>Ritzau Scanpix</footer>"
    "<figcaption>Fishermen in the port</figcaption></figure></div></body></html>"
)


def test_figure_like_box_splits_an_unlabelled_credit_element() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from tuinews.extract.figures import figure_block, is_figure_like

    tree = LexborHTMLParser(_FIGURE_PAGE)
    box = tree.css_first("div.image-box")
    assert is_figure_like(box)
    block = figure_block(box, "https://x.example/a")
    assert block is not None
    assert (block.caption, block.credit, block.url) == (
        "The new quay.",
        "IMAGO/Jan Holm",
        "https://x.example/b.jpg",
    )
    # A wrapper holding body paragraphs is never a figure, whatever its class says.
    assert not is_figure_like(tree.css_first("div.image-gallery"))


def test_lead_image_reads_the_cover_figure_before_the_body() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from tuinews.extract.figures import lead_image

    tree = LexborHTMLParser(_FIGURE_PAGE)
    image = lead_image(tree, tree.css_first("#body"), "https://x.example/a", "/og.jpg")
    assert image is not None
    assert (image.url, image.caption, image.credit) == (
        "https://x.example/lead.jpg",
        "The harbour at dawn.",
        "Getty Images",
    )
    assert tree.css_first("[data-tuinews-body]") is None  # the temporary marks are gone


def test_hidden_credit_inside_a_figure_is_kept_and_split() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from tuinews.extract.figures import figure_block, is_figure_part

    tree = LexborHTMLParser(_FIGURE_PAGE)
    credit = tree.css_first("footer.credit")
    assert is_figure_part(credit)
    block = figure_block(tree.css("figure")[-1], None)
    assert block is not None
    assert (block.caption, block.credit) == ("Fishermen in the port", "Ritzau Scanpix")


def test_utf8_after_a_long_ascii_head_wins_over_a_wrong_meta_charset() -> None:
    page = (
        '<meta charset="iso-8859-1"><title>Ferry</title>'
        + "<!-- "
        + "x" * 70_000
        + " -->"
        + "<p>Færgen sejler igen fra Ærøskøbing til Svendborg hver morgen.</p>"
    ).encode()
    assert "Færgen sejler igen fra Ærøskøbing" in from_html(page).text


def test_a_headline_quote_repeated_in_the_body_is_listed_once() -> None:
    page = (
        "<title>Mayor Holm: “The wall will hold this winter”</title>"
        "<p>Speaking on Tuesday, she repeated it. “The wall will hold this winter,” "
        "said mayor Ingrid Holm at the harbour.</p>"
    )
    article = from_html(page)
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("The wall will hold this winter", "Ingrid Holm")
    ]


def test_a_headline_quote_missing_from_the_body_is_listed() -> None:
    article = from_html(
        "<title>Fishermen: “We will not sail for less”</title><p>Talks went on.</p>"
    )
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("We will not sail for less", "Fishermen")
    ]


# -- body container and lede ----------------------------------------------------------------

_PROSE = "The harbour committee met on Tuesday and agreed the budget after a long debate. "


def test_the_description_is_the_lede_only_when_the_page_shows_it_apart_from_the_body() -> None:
    first = "Councillors voted eleven to two on Tuesday to pay for a new harbour wall."
    body = f"<article><p>{first}</p><p>{_PROSE * 3}</p></article>"
    # Copied from the first paragraph: the body already opens with it.
    article = from_html(f"<meta name='description' content='{first[:50]}…'>{body}")
    assert article.lede is None
    assert article.text.count("Councillors voted") == 1
    summary = "A summary of the vote that the body does not repeat."
    meta = f"<meta name='description' content='{summary}'>"
    # Never shown on the page: a summary for search engines, not the story's standfirst.
    assert from_html(meta + body).lede is None
    # Shown above the story without a class saying so: the standfirst.
    shown = from_html(f"{meta}<header><h1>Wall</h1><p>{summary}</p></header>{body}")
    assert shown.lede == summary
    assert shown.text.count(summary) == 1


def test_comment_content_classes_do_not_shield_comments() -> None:
    comments = "".join(
        f"<li class='comment'><div class='comment-content'><div class='content'>"
        f"<p>{_PROSE * 2} Reply {n}.</p></div></div></li>"
        for n in range(6)
    )
    page = (
        "<body><article><div class='entry-content'>"
        f"<p>{_PROSE * 2}</p><p>The wall will be rebuilt by March, the mayor said.</p></div>"
        f"<footer><div id='comments'><ol class='comment-list'>{comments}</ol></div></footer>"
        "</article></body>"
    )
    article = from_html(page)
    assert "rebuilt by March" in article.text
    assert "Reply" not in article.text


def test_the_lede_stands_before_the_body_not_in_an_author_box_below_it() -> None:
    page = (
        "<body><h1>Wall approved</h1><article><div class='story'>"
        f"<p>{_PROSE * 2}</p><p>{_PROSE * 2}</p></div>"
        "<div class='author-excerpt'>Ann Lee covers the harbour and the council for the "
        "Courier since 2019.</div></article></body>"
    )
    assert from_html(page).lede is None
    dek = "<p class='dek'>Eleven votes to two: the wall will be rebuilt before winter.</p>"
    article = from_html(page.replace("<article>", "<article>" + dek))
    assert article.lede == "Eleven votes to two: the wall will be rebuilt before winter."
    assert article.text.count("Eleven votes") == 1


def test_a_grid_of_teaser_cards_does_not_outweigh_a_short_story() -> None:
    card = (
        "<div class='col'><article class='card'><a href='/s{n}'><img src='/{n}.jpg'>"
        "<h3>Another story {n}</h3></a><div class='description'>"
        + "A summary of another story that reads like prose and runs long enough. " * 2
        + "</div></article></div>"
    )
    page = (
        "<body><section><article class='single-story'><div class='content'>"
        f"<p>{_PROSE * 2}</p><blockquote><p>{_PROSE}</p></blockquote>"
        "<p>The wall will be rebuilt by March, the mayor said.</p></div></article></section>"
        "<section class='wrapper'><div class='grid'>"
        + "".join(card.format(n=n) for n in range(12))
        + "</div></section></body>"
    )
    article = from_html(page)
    assert "rebuilt by March" in article.text
    assert "another story" not in article.text


def test_a_you_may_also_like_paragraph_and_the_teasers_after_it_are_cut() -> None:
    teasers = "".join(f"<p><a href='/t{n}'>Another headline number {n}</a></p>" for n in range(5))
    article = from_html(
        f"<article><p>{_PROSE * 3}</p><p>You may also like...</p>{teasers}</article>"
    )
    assert article.text.endswith("after a long debate.")
    # A story whose own prose follows such a line keeps it.
    kept = from_html(f"<article><p>{_PROSE * 3}</p><p>Recommended</p><p>{_PROSE * 3}</p></article>")
    assert "Recommended" in kept.text


def test_a_gallery_list_becomes_figures_and_its_credit_line_is_not_body_text() -> None:
    items = "".join(
        f"<li class='item'><img src='/g{n}.jpg'><div class='caption'>The quay in winter, "
        f"view {n}.</div><span class='credit'>Photo: Jonas Breck</span></li>"
        for n in range(3)
    )
    article = from_html(
        f"<article><ul class='slides'>{items}</ul><p>Photo: Jonas Breck</p>"
        f"<p>{_PROSE * 3}</p></article>",
        "https://x.example/a",
    )
    figures = [article.image, *blocks(article, "figure")]
    assert [(f.caption, f.credit) for f in figures] == [
        (f"The quay in winter, view {n}.", "Photo: Jonas Breck") for n in range(3)
    ]
    assert article.text.startswith("The harbour committee")


def test_a_pop_up_card_inside_a_sentence_is_not_read_as_prose() -> None:
    card = (
        "<span class='person'><a href='/p/holm'>Ingrid Holm</a><span class='popup'><span>"
        "<img src='/holm.jpg'><a href='/p/holm'>Ingrid Holm</a>"
        "<a href='/s1'>Holm wins the harbour vote</a> <a href='/s2'>Budget talks stall</a>"
        "<a href='/p/holm'>MORE</a></span></span></span>"
    )
    article = from_html(
        f"<article><p>{_PROSE * 2}</p><p><span>Mayor {card} (Harbour Party) welcomed the "
        "vote on Tuesday.</span></p></article>"
    )
    assert "Mayor Ingrid Holm (Harbour Party) welcomed the vote on Tuesday." in article.text
    assert "Budget talks" not in article.text


def test_paragraphs_written_as_divs_of_spans_are_found_beside_a_headline_ticker() -> None:
    ticker = "".join(
        f"<li><a href='/b{n}'>Breaking headline about another story {n}</a>"
        f"<span>{_PROSE}</span></li>"
        for n in range(8)
    )
    body = "".join(
        f"<div class='block'><div class='x1'><span>{_PROSE} Paragraph {n} of the story.</span>"
        "</div></div>"
        for n in range(4)
    )
    page = (
        f"<body><div class='left'><div class='ticker'><ul>{ticker}</ul></div>"
        f"<div class='story'>{body}</div></div>"
        f"<div class='right'><p>{_PROSE[:60]}</p></div></body>"
    )
    article = from_html(page)
    assert [block.text for block in blocks(article, "paragraph")] == [
        f"{_PROSE}Paragraph {n} of the story." for n in range(4)
    ]


def test_the_cover_picture_is_found_past_datelines_logos_and_lede_wrappers() -> None:
    page = (
        "<body><div class='page u-overflow-hidden a-article-author-ruler'>"
        "<figure class='logo'><img src='/logo.png' alt='Go to the front page. Logo'></figure>"
        "<div class='meta'><div class='text-caption'>16.05.2026, 11:26 • 5 min read</div></div>"
        "<article><div class='article__lead-content'>"
        "<figure class='lead overflow-hidden'><brick-image data-src='/quay.jpg'></brick-image>"
        "<figcaption>The quay at dawn. Photo: Jonas Breck</figcaption></figure>"
        "<p class='lead-text'>Eleven votes to two: the wall will be rebuilt before winter.</p>"
        f"</div><div class='story'><p>{_PROSE * 2}</p><p>{_PROSE * 2}</p></div></article>"
        "</div></body>"
    )
    article = from_html(page, "https://x.example/a")
    assert article.image is not None
    assert (article.image.url, article.image.caption, article.image.credit) == (
        "https://x.example/quay.jpg",
        "The quay at dawn.",
        "Photo: Jonas Breck",
    )
    assert article.lede == "Eleven votes to two: the wall will be rebuilt before winter."


def test_a_gallery_in_the_body_gives_its_figures_once_and_no_text() -> None:
    slide = (
        "<div class='gallery__item'><img src='/s{n}.jpg'><p class='caption'>Boats in the "
        "harbour, picture {n}.</p><span class='credit'>Foto: Jonas Breck</span></div>"
    )
    slides = "".join(slide.format(n=n) for n in (1, 2, 1))  # the carousel repeats one
    article = from_html(
        f"<article><p>{_PROSE * 3}</p><div class='gallery'><div class='gallery__items'>"
        f"{slides}<span>1 / 2</span></div></div><p>{_PROSE}</p></article>"
    )
    assert [(f.caption, f.credit) for f in blocks(article, "figure")] == [
        ("Boats in the harbour, picture 1.", "Foto: Jonas Breck"),
        ("Boats in the harbour, picture 2.", "Foto: Jonas Breck"),
    ]
    assert "1 / 2" not in article.text


def test_camel_case_class_names_are_read_word_by_word() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from tuinews.extract.dom import element_words

    node = LexborHTMLParser("<div class='CarouselSlide-infoDescription'></div>").css_first("div")
    assert {"carousel", "slide", "description"} <= element_words(node)
    assert "description" not in element_words(node, humps=False)
    article = from_html(
        f"<article><p>{_PROSE * 3}</p><div class='socialShareBar'>Share this story on "
        "every network you know of, today</div><p>The end.</p></article>"
    )
    assert "Share this story" not in article.text


def test_a_lead_carousel_above_the_body_gives_the_lead_image_and_figures() -> None:
    slide = (
        "<div class='Slide'><div class='Slide-media'><picture><img src='/c{n}.jpg' alt='Image'>"
        "</picture></div><div class='Slide-info'><span class='Slide-count'>{n} of 3 |</span>"
        "<span class='Slide-infoDescription'>The quay, view {n}. (Photo/Ann Lee)</span>"
        "</div></div>"
    )
    page = (
        "<body><main><div class='Page-lead'><div class='Carousel'>"
        + "".join(slide.format(n=n) for n in (1, 2, 3))
        + f"</div></div><div class='story'><p>{_PROSE * 2}</p><p>{_PROSE * 2}</p></div>"
        "</main><aside><div class='gallery'><img src='/other.jpg'><p class='caption'>"
        "Another story's picture</p></div></aside></body>"
    )
    article = from_html(page, "https://x.example/a")
    assert article.image is not None
    assert (article.image.url, article.image.caption, article.image.credit) == (
        "https://x.example/c1.jpg",
        "The quay, view 1.",
        "Photo/Ann Lee",
    )
    assert [f.caption for f in blocks(article, "figure")] == [
        "The quay, view 2.",
        "The quay, view 3.",
    ]
    assert article.text.startswith("The harbour committee")


def test_words_beside_a_picture_are_its_caption_unless_the_box_is_a_quote_or_a_byline() -> None:
    page = (
        f"<article><p>{_PROSE * 3}</p>"
        "<div class='image-widget'><img src='/w.jpg'><p>Pictured left, the harbour master "
        "at the new wall.</p><p>Image: Jonas Breck</p></div>"
        "<div class='image-quote'><img src='/holm.jpg'><p>“We cannot leave the fleet "
        f"exposed,” Holm says.</p></div><p>{_PROSE}</p>"
        "<div class='author-pic'><img src='/ann.jpg'><span>Comment by Ann Lee</span></div>"
        f"<p>{_PROSE}</p></article>"
    )
    figures = blocks(from_html(page), "figure")
    assert [(f.caption, f.credit) for f in figures] == [
        ("Pictured left, the harbour master at the new wall.", "Image: Jonas Breck"),
        (None, None),
    ]


def test_a_slideshow_of_prose_is_the_story_not_a_gallery() -> None:
    slides = "".join(
        f"<div class='slide'><img src='/s{n}.jpg'><h2>Look number {n}</h2><p>Look {n}: {_PROSE * 2}</p></div>"
        for n in range(4)
    )
    article = from_html(
        f"<body><article><section class='slideshow-container'>{slides}</section></article></body>"
    )
    assert [section.title for section in article.sections if section.title] == [
        f"Look number {n}" for n in range(4)
    ]
    assert article.text.count("The harbour committee met") == 8


def test_an_embedded_tweet_is_a_quotation_in_the_story() -> None:
    article = from_html(
        f"<article><p>{_PROSE * 3}</p><blockquote class='twitter-tweet'><p>The wall holds. "
        "Proud of our crews tonight.</p>— Harbour Board (@harbourboard) November 18, 2026"
        f"</blockquote><p>{_PROSE}</p></article>"
    )
    (quote,) = blocks(article, "blockquote")
    assert quote.text.startswith("The wall holds. Proud of our crews tonight.")


def test_also_read_boxes_as_linked_teasers_hidden_asides_and_lone_labels() -> None:
    page = (
        f"<article><p>{_PROSE * 3}</p>"
        "<a class='teaser' href='/quay'><div><span>Lesen Sie auch:</span>"
        "<h3>Die Kaimauer wird neu gebaut</h3></div><figure><img src='/q.jpg'></figure></a>"
        f"<p>{_PROSE}</p>"
        "<aside aria-hidden='true' class='related-oneup'><h4>Related Article</h4>"
        "<a href='/ups'><img src='/u.jpg'></a><a href='/ups'><h5>Ferry crews vote to strike"
        "</h5></a></aside>"
        f"<p>{_PROSE}</p><p><strong>Read more:</strong></p>"
        "<blockquote><p><a href='/storm'>Storm closes the harbour for a second day</a></p>"
        f"</blockquote><p>{_PROSE}</p></article>"
    )
    boxes = blocks(from_html(page, "https://x.example/a"), "also_read")
    assert [(box.text, [(link.title, link.url) for link in box.links]) for box in boxes] == [
        ("Lesen Sie auch", [("Die Kaimauer wird neu gebaut", "https://x.example/quay")]),
        ("Related", [("Ferry crews vote to strike", "https://x.example/ups")]),
        ("Read more", [("Storm closes the harbour for a second day", "https://x.example/storm")]),
    ]


def test_deep_galleries_and_long_sliders_finish_whole() -> None:
    nested = "<div class='gallery'><img src='/a.jpg'>" * 3000 + f"<p>{_PROSE}</p>" + "</div>" * 3000
    # Walks that stay linear, not the time budget (0.2 s, which these pages near on a
    # busy machine; test_extract_classes tests it), are what lets them finish whole.
    article = from_html(nested, budget=5.0)
    # One picture however often the gallery repeats it; a gallery's words are not the story.
    assert article.image is not None and article.image.url == "/a.jpg"
    assert blocks(article, "figure") == []
    slider = "<div class='slider-wrap'>" + f"<p>{_PROSE * 2}</p>" * 5000 + "</div>"
    assert len(blocks(from_html(slider, budget=5.0), "paragraph")) == 5000


def test_a_long_comment_thread_inside_the_story_box_is_left_out() -> None:
    replies = "".join(f"<li><p>{_PROSE} I disagree, reply {n}.</p></li>" for n in range(6))
    article = from_html(
        f"<article><div class='story'><p>{_PROSE * 2}</p><p>The wall holds.</p>"
        f"<ol class='commentlist'>{replies}</ol></div></article>"
    )
    assert "The wall holds." in article.text
    assert "I disagree" not in article.text


def test_camel_case_teaser_classes_do_not_make_a_lede() -> None:
    page = (
        "<body><h2 class='ArticleTeaser_title'>Ferry timetable changes from Monday morning on</h2>"
        f"<article><p>{_PROSE * 2}</p><p>{_PROSE * 2}</p></article></body>"
    )
    assert from_html(page).lede is None


def test_past_the_time_budget_the_rest_keeps_its_paragraphs_and_sections() -> None:
    """Read past its budget, a box of blocks was one paragraph with words glued across
    them ("wordsSecond", "itemTwo") and no sections: now one paragraph per block, text
    between blocks too, and each heading opens its section."""
    html = (
        "<html><body><article><h1>Ferry</h1><div class='body'>"
        "<p>The first paragraph of the story, long enough to count as prose.</p>"
        "<div>The harbour <b>council</b> met<p>The second paragraph, inside a box.</p>"
        "and went home.</div><h2>The quays</h2><ul><li>One quay</li><li>Two quays</li></ul>"
        "</div></article></body></html>"
    )
    article = from_html(html, budget=0.0)
    texts = [
        (section.title, block.text) for section in article.sections for block in section.blocks
    ]
    assert texts == [
        (None, "The first paragraph of the story, long enough to count as prose."),
        (None, "The harbour council met"),
        (None, "The second paragraph, inside a box."),
        (None, "and went home."),
        ("The quays", "One quay"),
        ("The quays", "Two quays"),
    ]
