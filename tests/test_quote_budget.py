"""A page read past its time budget: every quotation still listed, no speaker guessed.

Following everyone a story names is most of what finding quotations costs, so past the
reading's budget the finder stops following people. What a reader sees then: each quotation
in the Quotes list, the speaker its own attribution names, and null (not somebody else)
where only a pronoun or the voice before it would tell.
"""

from __future__ import annotations

from tuinews.extract.article import from_html

STORY = (
    "<html><head><title>Ferry service</title></head><body><article><h1>Ferry service</h1>"
    "<p>The harbour council met on Tuesday evening to discuss the winter timetable of the "
    "ferry that links the island to the mainland, and Agnes Pellow spoke first.</p>"
    "<p>“We have waited for the new boat for years,” said Agnes Pellow, who chairs the "
    "council. The ferry has run only twice a week since the old boat was sold in March.</p>"
    "<p>Agnes Pellow then went through the figures with the members of the council, one "
    "line of the budget after the other, until the last of them had no more questions.</p>"
    "<p>“The money is there at last,” she said. “Now we need a crew for the summer.”</p>"
    "</article></body></html>"
)


def _speakers(budget: float) -> dict[str, str | None]:
    article = from_html(STORY, "https://harbour.example/ferry", budget=budget)
    return {quote.text: quote.speaker for quote in article.quotes}


def test_a_story_read_in_its_budget_follows_the_pronoun() -> None:
    speakers = _speakers(budget=5.0)
    assert speakers["We have waited for the new boat for years"] == "Agnes Pellow"
    assert speakers["The money is there at last"] == "Agnes Pellow"
    assert speakers["Now we need a crew for the summer."] == "Agnes Pellow"


def test_past_the_budget_every_quotation_is_listed_and_no_speaker_is_guessed() -> None:
    speakers = _speakers(budget=0.0)
    assert len(speakers) == 3
    assert speakers["We have waited for the new boat for years"] == "Agnes Pellow"
    # Who "she" is, and whose voice goes on, is known only by following people: null.
    assert speakers["The money is there at last"] is None
    assert speakers["Now we need a crew for the summer."] is None


def test_a_paragraph_of_eight_thousand_attributed_quotations_is_read_within_the_budget() -> None:
    """The word before each quotation's verb was found by splitting all of the paragraph
    before it: 2.5 s for 4,000 quotations and four times as long for each doubling, so the
    budget ran out in this 224 KB paragraph and the pronoun after it was followed no more."""
    page = (
        "<html><head><title>Ferry service</title></head><body><article><h1>Ferry service</h1>"
        "<p>The harbour council met on Tuesday evening, and Tom Rudd spoke first.</p><p>"
        + "“We waited,” said Tom Rudd. " * 8000
        + "</p><p>“The money is there at last,” he said.</p></article></body></html>"
    )
    quotes = from_html(page, "https://harbour.example/ferry", budget=4.0).quotes
    assert len(quotes) == 8001
    assert quotes[-1].text == "The money is there at last"
    assert quotes[-1].speaker == "Tom Rudd"
