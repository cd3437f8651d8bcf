"""Quotation finding and speaker attribution, measured on our own annotated excerpts.

`tests/data/quotes.json` holds short paragraphs from the development corpora with the
quotations and speakers a careful reader finds in them (annotated for this project).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tuinews.extract.quotes import QuoteFinder

ITEMS = json.loads((Path(__file__).parent / "data" / "quotes.json").read_text(encoding="utf-8"))
_MARKS = re.compile("[“”„‟«»‹›‘’‚\"']")


def _norm(text: str) -> str:
    return " ".join(_MARKS.sub("", text).casefold().split()).strip(" ,.;:!?…")


def _same_text(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return bool(short) and short in long and len(short) >= 0.8 * len(long)


def _same_speaker(found: str | None, gold: str | None) -> bool:
    if found is None or gold is None:
        return found is gold
    found_words, gold_words = found.casefold().split(), gold.casefold().split()
    return (
        found_words == gold_words or gold_words[-1] in found_words or found_words[-1] in gold_words
    )


def _evaluate() -> tuple[int, int, int]:
    gold_total = found_total = speakers_right = 0
    for item in ITEMS:
        finder = QuoteFinder()
        if item["context"]:
            finder.feed(item["context"])
        found = finder.feed(item["text"])
        for gold in item["quotes"]:
            gold_total += 1
            match = next((q for q in found if _same_text(q.text, gold["text"])), None)
            if match is not None:
                found_total += 1
                speakers_right += _same_speaker(match.speaker, gold["speaker"])
    return gold_total, found_total, speakers_right


def test_the_annotated_set_is_large_and_varied() -> None:
    assert len(ITEMS) >= 30
    assert {item["lang"] for item in ITEMS} >= {"en", "de", "da", "fr"}


def test_quotation_recall_and_speaker_accuracy_meet_the_targets() -> None:
    gold, found, right = _evaluate()
    assert found / gold >= 0.90
    assert right / found >= 0.85


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    empty = [item for item in ITEMS if not item["quotes"]]
    assert empty
    for item in empty:
        assert QuoteFinder().feed(item["text"]) == [], item["text"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "“We never gave up,” captain Ola Berg told the local paper.",
            [("We never gave up", "Ola Berg")],
        ),
        (
            "Mayor Ingrid Holm said: “This is a great day for the town.”",
            [("This is a great day for the town.", "Mayor Ingrid Holm")],
        ),
        (
            "„Wir schaffen das“, sagte Bürgermeisterin Anna Schmidt.",
            [("Wir schaffen das", "Bürgermeisterin Anna Schmidt")],
        ),
        (
            "»Det er en god dag«, siger borgmester Lars Hansen.",
            [("Det er en god dag", "Lars Hansen")],
        ),
        (
            "« C'est une décision historique », a déclaré le ministre, Paul Martin.",
            [("C'est une décision historique", "Paul Martin")],
        ),
        (
            "According to Jane Doe, “the numbers do not add up at all.”",
            [("the numbers do not add up at all.", "Jane Doe")],
        ),
        (
            "Scholz: „Wir stehen an der Seite der Ukraine.“",
            [("Wir stehen an der Seite der Ukraine.", "Scholz")],
        ),
        (
            "“It’s not over. We’ll be back next year,” the coach said.",
            [("It’s not over. We’ll be back next year", "the coach")],
        ),
        ("The so-called “Green Deal” passed. He didn’t say ‘yes’.", []),
        (
            "“Nobody told us anything about the closure of the school,” one parent wrote.",
            [("Nobody told us anything about the closure of the school", None)],
        ),
    ],
)
def test_attribution_rules(paragraph: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.speaker) for q in QuoteFinder().feed(paragraph)] == expected


def test_pronoun_resolves_to_the_person_named_in_the_paragraph_before() -> None:
    finder = QuoteFinder()
    finder.feed("Harbour master Ingrid Holm has run the port for twenty years.")
    (quote,) = finder.feed("“The wall will hold this winter,” she said.")
    assert quote.speaker == "Ingrid Holm"


def test_no_speaker_is_borrowed_from_an_unrelated_sentence() -> None:
    finder = QuoteFinder()
    (quote,) = finder.feed(
        "Ingrid Holm opened the meeting. A banner read “Keep the Eastquay pool open for all”."
    )
    assert quote.speaker is None
