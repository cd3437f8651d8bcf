"""Quotation finding and speaker attribution: the issue's nine classes, and our annotations.

`tests/data/quotes.json` holds short excerpts of the development corpora with the quotations
a careful reader finds in them and the speaker that reader names (annotated for this
project); `benchmarks/quotes.py` prints its figures per language and per half. The sentences
in the class tests below are our own.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tuinews.extract.article import from_text
from tuinews.extract.quotes import QuoteFinder
from tuinews.feeds.parse import parse_feed

ROOT = Path(__file__).resolve().parents[1]
ITEMS = json.loads((ROOT / "tests" / "data" / "quotes.json").read_text(encoding="utf-8"))


def _benchmark():
    """benchmarks/quotes.py, whose scoring these tests share."""
    spec = importlib.util.spec_from_file_location(
        "quotes_benchmark", ROOT / "benchmarks" / "quotes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _found(*paragraphs: str) -> list[tuple[str, str | None]]:
    finder = QuoteFinder()
    return [(q.text, q.speaker) for paragraph in paragraphs for q in finder.feed(paragraph)]


# --- the annotations -----------------------------------------------------------------------


def test_the_annotated_set_is_large_varied_and_split_in_halves() -> None:
    quotes = [quote for item in ITEMS for quote in item["quotes"]]
    assert len(quotes) >= 300
    assert len([item for item in ITEMS if item["quotes"]]) >= 120
    languages = {item["lang"] for item in ITEMS}
    assert {"en", "de", "fr"} <= languages
    assert languages & {"da", "no", "sv"} and languages & {"es", "it"}
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)
    halves = {_benchmark().half_of(item) for item in ITEMS}
    assert halves == {"tuning", "checking"} | {
        f"held-out{n}" for n in ("", "-2", "-3", "-4", "-5", "-6", "-7", "-8", "-9")
    }
    assert any(quote["speaker"] is None for quote in quotes)
    assert any(quote["speaker"] and quote["speaker"][0].islower() for quote in quotes)


def test_scores_stay_at_or_above_what_the_rules_reach_on_both_halves() -> None:
    benchmark = _benchmark()
    report = benchmark.Report()
    for outcome in benchmark.evaluate(ITEMS):
        report.add(outcome)
    for half in ("tuning", "checking"):
        tally = report.tallies[(half, "all")]
        assert tally.recall >= benchmark.TARGET_RECALL, half
        assert tally.accuracy >= benchmark.TARGET_SPEAKER_ACCURACY, half
        assert tally.wrong_rate <= benchmark.TARGET_WRONG_SPEAKER, half


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    # held-out-7 and held-out-8 are measured, not written for: 2 of held-out-7's 6
    # paragraphs without a quotation give one (a survey's wording of five words, a title of
    # five words), and 1 of held-out-8's 6 (a law's name); see the README.
    measured = ("held-out-7", "held-out-8")
    empty = [item for item in ITEMS if not item["quotes"] and item.get("half") not in measured]
    assert len(empty) >= 10
    for item in empty:
        assert QuoteFinder().feed(item["text"]) == [], item["text"]


@pytest.mark.parametrize(
    ("found", "gold", "same"),
    [
        ("the New", "the New York Times", False),
        ("New York Times", "the New York Times", True),
        ("McDonagh", "Bobby McDonagh", True),
        ("a company spokesperson", "spokesperson", True),
        ("Gabriel García Márquez", "Stiftung", False),
        ("Die Stiftung", "Stiftung des verstorbenen Dichters", True),
        ("the Bank", "Bank of England", False),
        (None, "Jane Roe", False),
        (None, None, True),
        ("Donna Kelce", "Donna Kelce|mom", True),
    ],
)
def test_a_speaker_matches_a_whole_name_or_role_never_a_fragment(
    found: str | None, gold: str | None, same: bool
) -> None:
    assert _benchmark().same_speaker(found, gold) is same


# --- class 1: who spoke beats who reported it ----------------------------------------------


def test_the_speaker_before_the_quote_beats_the_publication_after_it() -> None:
    assert _found(
        "Ferry captain Lise Moen told the board “that she would not sail with half a crew,” "
        "according to the Harbour Courier."
    ) == [("that she would not sail with half a crew", "Lise Moen")]
    assert _found(
        "Bürgermeister Jan Oster sagte dem Stadtrat: „Wir bauen die Brücke im Frühjahr neu“, "
        "wie die Lokalzeitung berichtet."
    ) == [("Wir bauen die Brücke im Frühjahr neu", "Bürgermeister Jan Oster")]


# --- class 2: never a fragment -------------------------------------------------------------


def test_a_speaker_is_a_whole_name_with_its_particles_and_of() -> None:
    assert _found("“Inflation has turned the corner at last,” the Bank of England said.") == [
        ("Inflation has turned the corner at last", "Bank of England")
    ]
    assert _found(
        "“We were never told about the closure,” the porter told the New York Times."
    ) == [("We were never told about the closure", "the porter")]
    assert _found("Sarah van der Berg said: “The dyke held, and it will hold again.”") == [
        ("The dyke held, and it will hold again.", "Sarah van der Berg")
    ]


def test_a_role_cut_inside_a_name_or_a_clause_is_no_speaker() -> None:
    assert _found(
        "« Tout sera prêt lundi », a assuré la responsable technique du Stade Marie Lou Dabrowski"
        " Ferreira Santos hier soir."
    ) == [("Tout sera prêt lundi", None)]
    assert (
        _found(
            "Ce matin, Mme Arnaud est « partie sans ses notes », selon le récit qu’elle a fait au"
            " journal local."
        )
        == []
    )  # two words no verb attributes: not listed, rather than given to "le récit"
    assert _found("„Wir fahren trotzdem“, sagte der 58-Jährige dem Regionalsender am Abend.") == [
        ("Wir fahren trotzdem", "der 58-Jährige")
    ]
    assert _found("“The bridge opens in May,” says Von der Hoeven.") == [
        ("The bridge opens in May", "Von der Hoeven")
    ]


def test_two_people_after_the_verb_are_what_was_said_not_who_said_it() -> None:
    assert _found(
        "On Friday, Ms Okafor said the mayor and his deputy had rented the hall “because the"
        " church roof leaks again”."
    ) == [("because the church roof leaks again", "Okafor")]


# --- class 3: across a block boundary ------------------------------------------------------


def test_a_block_quote_takes_the_speaker_the_sentence_before_introduced() -> None:
    finder = QuoteFinder()
    lead_in = "The harbour director told the council that the closure was temporary."
    finder.feed(lead_in)
    quote = finder.block_quote(
        "We will reopen the pier in spring, and the boats will return.", 0, lead_in
    )
    assert quote.speaker == "The harbour director"


def test_a_paragraph_of_quotation_continues_the_voice_introduced_before_it() -> None:
    assert _found(
        "“Nobody expected the water to rise so fast,” said the lock keeper Arne Fisk.",
        "“We had two hours to move the animals, and we moved every one of them.”",
    )[1] == ("We had two hours to move the animals, and we moved every one of them.", "Arne Fisk")


def test_no_speaker_is_borrowed_by_a_paragraph_that_introduced_nobody() -> None:
    finder = QuoteFinder()
    lead_in = "The storm reached the coast on Tuesday night."
    finder.feed(lead_in)
    quote = finder.block_quote("Every boat in the harbour was lifted out of the water.", 0, lead_in)
    assert quote.speaker is None


# --- class 4: apposition after the quote ---------------------------------------------------


def test_the_name_in_apposition_beats_the_role_before_it() -> None:
    assert _found(
        "“The figures in the survey are simply wrong,” the study's lead author, physicist "
        "Mara Quist, wrote."
    ) == [("The figures in the survey are simply wrong", "Mara Quist")]
    assert _found(
        "« Le port restera ouvert tout l'hiver », a assuré le directeur du port, Luc Aubry."
    ) == [("Le port restera ouvert tout l'hiver", "Luc Aubry")]


# --- class 5: role speakers and short quotations -------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "A company spokesperson called the new timetable “a welcome step”.",
            [("a welcome step", "A company spokesperson")],
        ),
        (
            "One geologist quoted by the bulletin put it bluntly: “The cliff will fall.”",
            [("The cliff will fall.", "One geologist")],
        ),
        (
            "Die Gewerkschaft nannte den Streik „unvermeidlich“.",
            [("unvermeidlich", "Die Gewerkschaft")],
        ),
        (
            "«Vi åbner igen til sommer», siger borgmesteren.",
            [("Vi åbner igen til sommer", "borgmesteren")],
        ),
        (
            "« Ce tarif est injuste », estime une usagère du bac.",
            [("Ce tarif est injuste", "une usagère du bac")],
        ),
    ],
)
def test_roles_speak_and_an_attributed_short_phrase_is_a_quotation(
    paragraph: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _found(paragraph) == expected


def test_a_short_phrase_nobody_says_is_not_a_quotation() -> None:
    assert _found("The so-called “blue lane” opened on Monday for the “Spring Fair” crowds.") == []


# --- class 6: pronouns and colon introductions ---------------------------------------------


def test_a_colon_introduction_names_the_speaker() -> None:
    assert _found("Marta Lindqvist had one wish left: “I want to see the sea again.”") == [
        ("I want to see the sea again.", "Marta Lindqvist")
    ]


def test_a_pronoun_is_the_one_person_of_its_gender_in_reach() -> None:
    assert _found(
        "Petra Sand has run the bakery since 1990; she took it over from her father.",
        "Her neighbour Olaf Brenn still buys his bread there. “It is the best rye in the "
        "county,” he said.",
    )[-1] == ("It is the best rye in the county", "Olaf Brenn")


def test_a_pronoun_with_two_people_in_reach_has_no_speaker() -> None:
    assert _found(
        "Tom Ash and Rolf Berg argued about the fence for an hour.",
        "“It stays where it is, whatever the council decides,” he said.",
    ) == [("It stays where it is, whatever the council decides", None)]


def test_a_surname_met_alone_is_the_one_a_pronoun_means() -> None:
    assert _found(
        "Okonkwo thinks the new timetable will bring the farmers back to the market.",
        "“They stopped coming when the bus did,” she said.",
    ) == [("They stopped coming when the bus did", "Okonkwo")]
    assert _found(
        "“We will rebuild the pier before the summer,” Haldane grinned at the harbour board.",
        "“Nobody should have to wait another year,” he said.",
    )[-1] == ("Nobody should have to wait another year", "Haldane")


# --- class 7: the headline's quotation -----------------------------------------------------


def _capture(title: str, *body: str) -> str:
    crumb = f"Home News {title[:30]}..."
    return "\n\n".join([crumb, title, "Ferry_2026", "Photo: Harbour Archive", *body]) + "\n"


def test_the_headline_quote_belongs_to_the_headline_subject_a_pronoun_refers_to() -> None:
    article = from_text(
        _capture(
            "Harbour master defies the council: She will “keep the lights on”",
            "The council voted to switch off the pier lights at night.",
            "Ingrid Holm has kept the harbour for twenty years and refuses the order.",
        )
    )
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("keep the lights on", "Harbour master")
    ]


def test_the_headline_quote_is_listed_once_when_the_body_repeats_it() -> None:
    article = from_text(
        _capture(
            "Ferry returns to the island: “We waited long enough”",
            "The first crossing left at six.",
            "“We waited long enough,” said islander Jens Vik as he boarded.",
        )
    )
    assert [(q.text, q.speaker) for q in article.quotes] == [("We waited long enough", "Jens Vik")]


def test_a_headline_quote_nobody_is_named_for_has_no_speaker() -> None:
    article = from_text(_capture("Old ferry back at sea: It is “a little miracle”", "It sails."))
    assert [(q.text, q.speaker) for q in article.quotes] == [("a little miracle", None)]


# --- class 8: question headings in captures ------------------------------------------------


def test_a_short_question_line_before_a_paragraph_is_a_section_heading() -> None:
    article = from_text(
        _capture(
            "Comet passes the harbour tonight",
            "Astronomers expect the comet to be brightest after midnight.",
            "The harbour office will switch off the pier lights from eleven.",
            "Will it be visible from town?",
            "Only from the breakwater, where the street lights end.",
            "Why does it glow green, and is that the same colour every year as before?",
        )
    )
    assert [section.title for section in article.sections] == [
        None,
        "Will it be visible from town?",
    ]
    assert article.sections[1].blocks[-1].text.startswith("Why does it glow green")


# --- class 9: bylines from feeds -----------------------------------------------------------


def _rss_with_authors(*authors: str) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><guid>{n}</guid><author>{author}</author></item>"
        for n, author in enumerate(authors)
    )
    return f'<rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'.encode()


def test_a_feed_author_is_a_name_and_never_an_email_address() -> None:
    feed = parse_feed(
        _rss_with_authors(
            "news@example.org (Jane Rivers)",
            "desk@example.org",
            "Tom Hale &lt;tom@example.org&gt;",
            "Anna Berg",
        ),
        "https://gazette.example/feed",
    )
    assert [entry.article.byline for entry in feed.entries] == [
        "Jane Rivers",
        None,
        "Tom Hale",
        "Anna Berg",
    ]


# --- the test captures end to end ----------------------------------------------------------

CAPTURE_QUOTES = {
    "capture_en.txt": [
        ("Nobody believed in us", "Anna Lind"),
        ("We never gave up", "Ola Berg"),
        ("We trained for this.", "Ola Berg"),
    ],
    "capture_de.txt": [
        ("Endlich wieder eine direkte Verbindung", "Bürgermeisterin Ingrid Holm"),
        ("Man hört nur noch die Möwen", "Kapitän Rhys Amberley"),
    ],
    "capture_da.txt": [
        ("Det er et lille mirakel", "Ane Kjærsgaard"),
        ("Vi ser flere små torsk end i mange år", "Mads Høj"),
    ],
    "capture_pilot.txt": [
        ("ready to lose his licence", "Harbour pilot"),
        ("that he would rather lose his licence than guide the tanker in", "Pilot Erik Sand"),
        ("regrettable", "A port authority spokesperson"),
        ("The channel is too shallow for a ship of that size", "Hanne Voss"),
        (
            "I have guided ships into this port for thirty years, and I will not risk the town "
            "for one delivery.",
            "Pilot Erik Sand",
        ),
    ],
}


def test_show_json_of_every_test_capture_lists_each_quote_with_its_speaker(cli) -> None:
    captures = sorted((ROOT / "tests" / "fixtures").glob("capture_*.txt"))
    assert [path.name for path in captures] == sorted(CAPTURE_QUOTES)
    result = cli("import", *map(str, captures), "--no-sample")
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        article_id, _, path = line.split("\t")
        shown = cli("show", article_id, "--json")
        assert shown.returncode == 0, shown.stderr
        quotes = json.loads(shown.stdout)["quotes"]
        assert [(q["text"], q["speaker"]) for q in quotes] == CAPTURE_QUOTES[Path(path).name]


def test_dash_dialogue_whose_line_breaks_were_lost_is_read_line_by_line() -> None:
    # A capture glued the lines: each dash after a sentence's end opens a line of dialogue,
    # and the role's name in apposition after its complement is the speaker.
    found = _found(
        "– Vi åpner ferjekaia igjen i mai, og da skal alle båtene gå som før, sier havnesjef"
        " i Nordvik, Kari Aune.Havna har vært stengt siden januar.– Det har vært en lang"
        " vinter for alle som bor på øya, avslutter Aune."
    )
    assert found == [
        ("Vi åpner ferjekaia igjen i mai, og da skal alle båtene gå som før", "Kari Aune"),
        ("Det har vært en lang vinter for alle som bor på øya", "Kari Aune"),
    ]


def test_capitalised_words_followed_by_an_attribution_are_a_quotation() -> None:
    # German capitalises nouns, so three nouns read like a title; the verb and speaker
    # after them say they were spoken. The same words as a title stay out.
    assert _found("„Mut, Geduld, Ausdauer“, sagt Hafenmeisterin Ute Kramm.") == [
        ("Mut, Geduld, Ausdauer", "Hafenmeisterin Ute Kramm")
    ]
    assert _found("Sie las „Mut, Geduld, Ausdauer“ im Zug.") == []


def test_a_short_phrase_in_what_the_sentence_goes_on_to_report() -> None:
    # Two words alone would not be a quotation; after the captain's words, in what the
    # sentence reports of her, they are hers.
    assert _found(
        "« Je n'ai rien caché », a déclaré la capitaine, soulignant que l'escale avait eu"
        " lieu dans les « eaux françaises » et non en Espagne."
    ) == [("Je n'ai rien caché", "la capitaine"), ("eaux françaises", "la capitaine")]
    assert _found("Le navire est resté dans les « eaux françaises » toute la nuit.") == []
