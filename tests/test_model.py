"""The article model: its JSON form round-trips exactly, for every value it can hold."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuinews.model import AlsoRead, Article, Block, Image, Link, Quote, Section

text = st.text(max_size=40)
maybe_text = st.none() | text
maybe_id = st.none() | st.integers(min_value=1, max_value=2**40)
zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30))]
)
aware_datetimes = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=zones
)
links = st.builds(Link, title=text, url=maybe_text, target_id=maybe_id)


def blocks() -> st.SearchStrategy[Block]:
    plain = st.builds(
        Block, kind=st.sampled_from(["paragraph", "blockquote", "preformatted"]), text=text
    )
    also_read = st.builds(
        Block, kind=st.just("also_read"), text=text, links=st.lists(links, max_size=3)
    )
    listing = st.builds(
        Block,
        kind=st.just("list"),
        text=text,
        items=st.lists(text, max_size=4),
        ordered=st.booleans(),
    )
    table = st.builds(
        Block,
        kind=st.just("table"),
        text=text,
        rows=st.lists(st.lists(text, max_size=3), max_size=3),
    )
    figure = st.builds(
        Block,
        kind=st.just("figure"),
        text=text,
        url=maybe_text,
        caption=maybe_text,
        credit=maybe_text,
    )
    return st.one_of(plain, also_read, listing, table, figure)


articles = st.builds(
    Article,
    title=text,
    id=maybe_id,
    url=maybe_text,
    byline=maybe_text,
    published=st.none() | aware_datetimes,
    feed=maybe_text,
    category=maybe_text,
    lede=maybe_text,
    image=st.none()
    | st.builds(Image, url=maybe_text, name=maybe_text, caption=maybe_text, credit=maybe_text),
    sections=st.lists(
        st.builds(Section, title=maybe_text, blocks=st.lists(blocks(), max_size=4)), max_size=4
    ),
    quotes=st.lists(
        st.builds(Quote, text=text, speaker=maybe_text, section=st.integers(0, 9)), max_size=4
    ),
    also_read=st.lists(
        st.builds(
            AlsoRead, title=text, url=maybe_text, section=st.integers(0, 9), target_id=maybe_id
        ),
        max_size=4,
    ),
    sources=st.lists(text, max_size=3),
    text=text,
)


@given(articles)
def test_article_round_trips_through_json(article: Article) -> None:
    document = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(document) == article
    assert Article.from_dict(document).to_dict() == document


def test_json_form_matches_the_design() -> None:
    article = Article(
        id=7,
        title="A title",
        published=datetime(2026, 10, 14, 8, 30, tzinfo=timezone(timedelta(hours=2))),
        sections=[
            Section(blocks=[Block(kind="paragraph", text="Body.")]),
            Section(
                title="A heading",
                blocks=[
                    Block(
                        kind="also_read",
                        text="Also read",
                        links=[Link(title="Other", url="https://x.example/o")],
                    )
                ],
            ),
        ],
    )
    document = article.to_dict()
    assert list(document) == [
        "id",
        "url",
        "title",
        "byline",
        "published",
        "feed",
        "category",
        "lede",
        "image",
        "sections",
        "quotes",
        "also_read",
        "sources",
        "text",
    ]
    assert document["published"] == "2026-10-14T08:30:00+02:00"
    assert document["sections"][0] == {
        "title": None,
        "blocks": [{"kind": "paragraph", "text": "Body."}],
    }
    assert document["sections"][1]["blocks"][0]["links"] == [
        {"title": "Other", "url": "https://x.example/o", "target_id": None}
    ]
    assert document["image"] is None and document["quotes"] == [] and document["sources"] == []


def test_naive_publication_dates_are_refused() -> None:
    with pytest.raises(ValueError):
        Article(title="x", published=datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        Article.from_dict({"title": "x", "published": "2026-01-01T10:00:00"})


def test_unknown_block_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown block kind"):
        Block.from_dict({"kind": "marquee", "text": "x"})


def test_body_text_reads_lede_headings_and_blocks_in_order() -> None:
    article = Article(
        title="T",
        lede="Lede.",
        sections=[
            Section(blocks=[Block(kind="paragraph", text="One.")]),
            Section(title="Two", blocks=[Block(kind="list", text="a\nb", items=["a", "b"])]),
        ],
    )
    assert article.body_text() == "Lede.\n\nOne.\n\nTwo\n\na\nb"
