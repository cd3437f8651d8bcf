"""Quotations and speakers on our own annotations, and what finding them costs.

Run: python benchmarks/quotes.py [--quotes PATH] [--corpus PATH] [--limit N] [--misses K]

`tests/data/quotes.json` holds short excerpts of the development corpora (a paragraph and the
one before it as context) with the quotations a careful reader finds in them and, for each,
the speaker that reader would name from the excerpt, or null when the excerpt does not say
(annotated by hand for this project). Items are split into a tuning half and a checking half
by a hash of their id, so that a rule fitted to one half shows up as a gap on the other. Items
marked `"half": "held-out"` come from pages no other item uses and were annotated after the
rules were written; `"held-out-2"` and `"held-out-3"` items likewise, from pages none of the
others use (held-out-3's Nordic items: paragraphs no other item uses, of the only Nordic pages
there are), in all five language groups, each annotated before any version of the rules was
run on it. `"held-out-4"` was annotated by another hand (the lead's), from the same kind of
pages, and kept out of the repository while the rules of its round were written: paragraphs
that another half already held were left out of it (on the 46 quotations both annotated,
the two annotations named the same speaker 45 times). Every held-out half has been studied
by class in some round (held-out-3 and held-out-4 in the round of wrong speakers), so
`--half` lists the misses of any of them. `"held-out-5"` (180 quotations in 135 paragraphs)
was annotated by a third hand that never ran the code, from pages no other item uses (Nordic:
paragraphs no other item uses), and kept outside the repository during the round that
studied held-out-3 and held-out-4; it was scored before and after that round and only its
totals were read (the lead looked at ten of its wrong speakers to check the annotation). Its
figures are what a reader meets on pages the rules were not written from. `"held-out-6"`
(172 quotations in 132 paragraphs, mostly English, German and Spanish: the other languages'
unused pages had run out) was built the same way and scored in totals before and after the
next round's first rules, which were written from held-out-5; it was studied after that.
`"held-out-7"` (217 quotations in 172 paragraphs: English 87, German 75, Spanish 38, French
17; no Nordic or Italian paragraph was left unused) was built the same way during that round,
kept outside the repository while its rules were written, and scored once at its end, in
totals only; it was studied in the next round. `"held-out-8"` (189 quotations in 159
paragraphs, all five language groups; Spanish, French and Nordic mostly from unused
paragraphs of used pages) was built the same way for that round, scored in totals before
and during it, and then studied. `"held-out-9"` (161 quotations in 118 paragraphs: English
71, German 62, Spanish 28; no unused French, Italian or Nordic quotation was left) was built
the same way during that round, kept outside the repository while its rules were written,
and scored in totals only, once on the round's starting code and once on its final rules.
An item of
`"kind": "blockquote"` is read as the page's block quote after its context paragraph.

For each half, overall and per language group, it prints:

- quotation recall: gold quotations found (text equal, or one containing the other with a
  length ratio of at least 0.8, ignoring quotation marks and case);
- speaker accuracy: found quotations whose speaker is the annotated one (a name matching by
  surname, a role by its head word; null where gold is null);
- wrong-speaker rate: found quotations given a speaker that is not the annotated one (a null
  where gold names someone is a miss, not an error);

and, on the fundus/ pages of `../shared/corpus`, the share of extraction time spent finding
quotations (median over pages, and over all pages together).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuinews.extract.article import find_article_quotes, finish
from tuinews.extract.htmlpage import extract_html
from tuinews.extract.quotes import QuoteFinder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUOTES = ROOT / "tests" / "data" / "quotes.json"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

HALVES = (
    "tuning",
    "checking",
    "held-out",
    "held-out-2",
    "held-out-3",
    "held-out-4",
    "held-out-5",
    "held-out-6",
    "held-out-7",
    "held-out-8",
    "held-out-9",
)
TARGET_RECALL = 0.97
TARGET_SPEAKER_ACCURACY = 0.95
TARGET_WRONG_SPEAKER = 0.02
TARGET_TIME_SHARE = 0.15

LANGUAGE_GROUPS = {
    "en": "English",
    "de": "German",
    "da": "Nordic",
    "no": "Nordic",
    "sv": "Nordic",
    "fr": "French",
    "es": "Spanish/Italian",
    "it": "Spanish/Italian",
}
_MARKS = re.compile(r"[\"'“”„‟«»‹›‚‘’‛]")
_LEADING = frozenset(
    """
    the a an this that der die das dem den des ein eine einer einem eines le la les l un une
    el los las lo il gli una uno det en ett et este esta ce cette mr mrs ms dr sir mme m herr
    frau
    """.split()
)


def half_of(item: dict[str, Any]) -> str:
    """A held-out half when the item names one, else 'tuning' or 'checking' by a hash of its
    id."""
    if item.get("half") in HALVES[2:]:
        return item["half"]
    return "tuning" if hashlib.sha1(item["id"].encode()).digest()[0] % 2 == 0 else "checking"


def _normal_text(text: str) -> str:
    return " ".join(_MARKS.sub("", text).casefold().split()).strip(" ,.;:!?…")


def same_text(found: str, gold: str) -> bool:
    found, gold = _normal_text(found), _normal_text(gold)
    if found == gold:
        return True
    short, long = sorted((found, gold), key=len)
    return bool(short) and short in long and len(short) >= 0.8 * len(long)


def _speaker_words(name: str) -> list[str]:
    words = re.findall(r"[\w’'-]+", name.casefold().replace("’s", "").replace("'s", ""))
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    return words


_CONNECTORS = frozenset("of de des der du del di für von van y and und et".split())


def complement(gold: str, head: list[str]) -> bool:
    """Whether `gold` goes on after its first words `head` with a complement ("Stiftung des
    …", "Institut für …"), not with more of a name ("the New" of "the New York Times")."""
    words = [word for word in gold.split() if word.casefold() not in _LEADING]
    rest = words[len(head) :]
    # "Bank of England", "Institut für Arbeitsschutz": a name, whose head is a fragment of it.
    name = all(word[:1].isupper() or word.casefold() in _CONNECTORS for word in words)
    return bool(rest) and rest[0][:1].islower() and not name


def same_speaker(found: str | None, gold: str | None) -> bool:
    """Gold may list alternatives ("Donna Kelce|mom"): the person and the role naming them.

    A found speaker matches an alternative when it is that name, ends with the same word (a
    surname alone; "a company spokesperson" for "spokesperson"), or starts with it ("the
    foundation of the late author" for "foundation"). A role found without its complement
    matches the role with it ("Die Stiftung" for "Stiftung des Nobelpreisträgers"): its head
    word is the role. A fragment ("the New" for "the New York Times") matches nothing.
    """
    if found is None or gold is None:
        return found is None and gold is None
    role = found.split()[0].casefold() in _LEADING or found[:1].islower()
    found_words = _speaker_words(found)
    for alternative in gold.split("|"):
        gold_words = _speaker_words(alternative)
        if not found_words or not gold_words:
            continue
        if (
            found_words == gold_words
            or found_words[-1] == gold_words[-1]
            or found_words[: len(gold_words)] == gold_words
            or (
                role
                and gold_words[: len(found_words)] == found_words
                and complement(alternative, found_words)
            )
        ):
            return True
    return False


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0

    def add(self, found: bool, right: bool, wrong: bool) -> None:
        self.gold += 1
        self.found += found
        self.right += right
        self.wrong += wrong

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.found if self.found else 0.0


@dataclass
class Outcome:
    item: dict[str, Any]
    gold: dict[str, Any]
    found_text: str | None
    found_speaker: str | None

    @property
    def found(self) -> bool:
        return self.found_text is not None

    @property
    def right(self) -> bool:
        return self.found and same_speaker(self.found_speaker, self.gold["speaker"])

    @property
    def wrong(self) -> bool:
        return self.found and self.found_speaker is not None and not self.right


def evaluate(items: Iterable[dict[str, Any]]) -> list[Outcome]:
    """Each item read by a fresh finder: its context first, then its paragraph."""
    outcomes: list[Outcome] = []
    for item in items:
        finder = QuoteFinder()
        if item["context"]:
            finder.feed(item["context"])
        if item.get("kind") == "blockquote":
            found = [finder.block_quote(item["text"], 0, item["context"])]
        else:
            found = finder.feed(item["text"])
        for gold in item["quotes"]:
            match = next((q for q in found if same_text(q.text, gold["text"])), None)
            outcomes.append(
                Outcome(item, gold, match.text if match else None, match.speaker if match else None)
            )
    return outcomes


@dataclass
class Report:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        half = half_of(outcome.item)
        group = LANGUAGE_GROUPS.get(outcome.item["lang"], outcome.item["lang"])
        for key in ((half, "all"), (half, group), ("both", "all")):
            self.tallies.setdefault(key, Tally()).add(outcome.found, outcome.right, outcome.wrong)


def print_scores(items: list[dict[str, Any]], outcomes: list[Outcome]) -> Report:
    report = Report()
    for outcome in outcomes:
        report.add(outcome)
    paragraphs = len(items)
    print(f"== quotations: {len(outcomes)} annotated quotes in {paragraphs} paragraphs ==")
    print(f"  {'half, language':<28}{'quotes':>7}{'recall':>9}  {'speaker acc.':>14}{'wrong':>8}")
    groups = sorted({group for _, group in report.tallies if group != "all"})
    for half in HALVES:
        for group in ["all", *groups]:
            tally = report.tallies.get((half, group))
            if tally is None:
                continue
            label = f"{half}, {'all languages' if group == 'all' else group}"
            accuracy = f"{tally.accuracy:.3f} ({tally.right}/{tally.found})"
            print(
                f"  {label:<28}{tally.gold:>7}{tally.recall:>9.3f}  {accuracy:>14}"
                f"{tally.wrong_rate:>8.3f}"
            )
    return report


def print_misses(outcomes: list[Outcome], limit: int, half: str) -> None:
    outcomes = [o for o in outcomes if half_of(o.item) == half]
    misses = [o for o in outcomes if not o.found]
    wrong = [o for o in outcomes if o.wrong]
    unsure = [o for o in outcomes if o.found and o.found_speaker is None and not o.right]
    for title, rows in (("not found", misses), ("wrong speaker", wrong), ("null speaker", unsure)):
        print(f"  {title}: {len(rows)}")
        for outcome in rows[:limit]:
            print(
                f"    {outcome.item['id']}: {outcome.gold['text'][:60]!r} "
                f"gold {outcome.gold['speaker']!r} found {outcome.found_speaker!r}"
            )


def time_share(corpus: Path, limit: int | None) -> tuple[float, float, int]:
    """Quote finding's share of extraction time on fundus/ pages (median, overall, pages)."""
    index = json.loads((corpus / "fundus" / "index.json").read_text(encoding="utf-8"))
    shares: list[float] = []
    total_quotes = total_all = 0.0
    for entry in index[:limit]:
        html = gzip.decompress((corpus / "fundus" / entry["html"]).read_bytes())
        started = time.perf_counter()
        article = finish(extract_html(html, entry.get("url")), find_quotes=False)
        extracted = time.perf_counter()
        find_article_quotes(article)
        done = time.perf_counter()
        total_quotes += done - extracted
        total_all += done - started
        shares.append((done - extracted) / (done - started))
    return statistics.median(shares), total_quotes / total_all, len(shares)


def verdict(value: float, target: float, at_most: bool = False) -> str:
    return "PASS" if (value <= target if at_most else value >= target) else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=Path, default=DEFAULT_QUOTES)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="fundus pages to time")
    parser.add_argument("--misses", type=int, default=0, help="list K of each kind of miss")
    parser.add_argument(
        "--half", default="tuning", choices=HALVES, help="whose misses --misses lists"
    )
    args = parser.parse_args()

    items = json.loads(args.quotes.read_text(encoding="utf-8"))
    outcomes = evaluate(items)
    report = print_scores(items, outcomes)
    if args.misses:
        print_misses(outcomes, args.misses, args.half)
    median_share, overall_share, pages = time_share(args.corpus, args.limit)
    print(f"== time: quote finding's share of extraction, {pages} fundus pages ==")
    print(f"  median share per page {median_share:.3f}, all pages together {overall_share:.3f}")
    print("== targets ==")
    for half in HALVES:
        tally = report.tallies[(half, "all")]
        print(
            f"  {half:<10} recall {tally.recall:.3f} >= {TARGET_RECALL} "
            f"{verdict(tally.recall, TARGET_RECALL)}; "
            f"speaker accuracy {tally.accuracy:.3f} >= {TARGET_SPEAKER_ACCURACY} "
            f"{verdict(tally.accuracy, TARGET_SPEAKER_ACCURACY)}; "
            f"wrong speaker {tally.wrong_rate:.3f} <= {TARGET_WRONG_SPEAKER} "
            f"{verdict(tally.wrong_rate, TARGET_WRONG_SPEAKER, at_most=True)}"
        )
    print(
        f"  time share {overall_share:.3f} <= {TARGET_TIME_SHARE} "
        f"{verdict(overall_share, TARGET_TIME_SHARE, at_most=True)}"
    )


if __name__ == "__main__":
    main()
