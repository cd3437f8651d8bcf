"""Search over an index that keeps no word positions: every query still finds exactly
the stories it describes, in a stable order, on a real library file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import make_article
from tuinews.library import Library

DAY = datetime(2026, 11, 1, 8, tzinfo=UTC)


def _store(library: Library, title: str, body: str, days: int) -> int:
    article = make_article(
        title,
        url=f"https://s.example/{title.replace(' ', '-')}",
        body=body,
        published=DAY + timedelta(days=days),
    )
    return library.store_article(article).id


@pytest.fixture
def stories(library: Library) -> Library:
    _store(library, "Ferry returned", "The old ferry returned to the island at dawn.", 1)
    _store(library, "Island news", "The ferry was late and the mayor returned home.", 2)
    _store(library, "Budget vote", "Council passed the budget; the ferry fund grew.", 3)
    _store(library, "Harbour works", "Divers returned; repairs near the ferry quay.", 4)
    return library


def titles(library: Library, query: str) -> list[str]:
    return [hit.article.title for hit in library.search(query)]


def test_a_phrase_finds_only_its_words_side_by_side(stories: Library) -> None:
    # "Island news" holds both words, apart: the index finds it, the text check drops it.
    assert titles(stories, '"ferry returned"') == ["Ferry returned"]
    assert titles(stories, "ferry + returned") == ["Ferry returned"]
    assert sorted(titles(stories, "ferry returned")) == [
        "Ferry returned",
        "Harbour works",
        "Island news",
    ]


def test_column_filters_and_near_are_checked_against_the_text(stories: Library) -> None:
    assert titles(stories, "title:ferry") == ["Ferry returned"]
    assert titles(stories, "body:budget") == ["Budget vote"]
    assert titles(stories, "{title body}: budget") == ["Budget vote"]
    # "island" is in one title and in another story's body: only the body counts here.
    assert titles(stories, "-title:island") == ["Ferry returned"]
    assert sorted(titles(stories, "NEAR(ferry quay, 1)")) == ["Harbour works"]
    assert sorted(titles(stories, "NEAR(divers quay, 2)")) == []
    assert sorted(titles(stories, "NEAR(divers quay, 6)")) == ["Harbour works"]


def test_not_with_a_phrase_keeps_stories_with_the_words_apart(stories: Library) -> None:
    assert sorted(titles(stories, 'ferry NOT "ferry returned"')) == [
        "Budget vote",
        "Harbour works",
        "Island news",
    ]
    assert sorted(titles(stories, "ferry NOT returned")) == ["Budget vote"]


def test_title_hits_come_first_then_newest_first(stories: Library) -> None:
    assert titles(stories, "ferry") == [
        "Ferry returned",  # the word in its title
        "Harbour works",
        "Budget vote",
        "Island news",
    ]


def test_paging_a_checked_query_skips_the_stories_that_fail_the_check(
    library: Library,
) -> None:
    for day in range(30):
        body = "storm warning issued" if day % 3 == 0 else "warning: no storm"
        _store(library, f"Weather {day}", body, day)
    first = library.search('"storm warning"', limit=4)
    second = library.search('"storm warning"', limit=4, offset=4)
    seen = [hit.article.title for hit in first + second]
    assert seen == [f"Weather {day}" for day in (27, 24, 21, 18, 15, 12, 9, 6)]
    assert all("\x02storm\x03 \x02warning\x03" in hit.snippet for hit in first)


def test_queries_fts5_rejects_are_searched_as_words(stories: Library) -> None:
    assert titles(stories, 'ferry "returned') == titles(stories, "ferry returned")
    # A dangling operator: every word, itself included, as a plain word.
    assert titles(stories, "ferry AND") == ["Island news"]
    assert titles(stories, '""') == []


def test_a_changed_story_is_found_by_its_new_words_only(library: Library) -> None:
    article = make_article("Bridge", url="https://s.example/bridge", body="Bridge closed.")
    library.store_article(article)
    assert titles(library, "closed") == ["Bridge"]
    article.sections[0].blocks[0].text = "Bridge reopened."
    library.store_article(article)
    assert titles(library, "closed") == []
    assert titles(library, '"bridge reopened"') == ["Bridge"]
