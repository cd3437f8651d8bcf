"""Which language a story is written in, well enough to label its parts in that language.

Stories carry no language of their own (feeds and captures rarely say), so the common
function words of the languages DESIGN.md lists are counted in the text. Danish and
Norwegian share most of theirs: both count the shared ones, and the words that tell them
apart decide between the two. Too few hits means English, the labels' default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuinews.model import Article

_WORDS = {
    "en": "the and of to is was that with for said are this from have has were which",
    "de": "der die und das nicht ist mit den sich auch ein eine dem des wird sie nach",
    "da": "af efter hvad blev havde mig nu mere siger ud kun mod fordi blevet igen",
    "no": "av etter hva ble hadde meg nå mer sier ut bare mot fordi blitt igjen ikkje",
    "sv": "och är inte jag också efter att säger hade någon mycket bara mot eftersom",
    "fr": "le les et des est une dans pour qui pas sur au du avec il elle",
    "it": "il della che è non per una sono con gli nel alla anche più",
    "es": "el los las y que es por una con del para se su al más",
}
# Danish and Norwegian share these; the words above tell the two apart.
_DANO_NORWEGIAN = "og ikke det er til på som med har jeg et også hvor være"
_SETS = {
    language: frozenset(
        words.split() + (_DANO_NORWEGIAN.split() if language in ("da", "no") else [])
    )
    for language, words in _WORDS.items()
}
_WORD = re.compile(r"\w+")
MIN_HITS = 3
SAMPLE_WORDS = 400


@dataclass(frozen=True)
class PartLabels:
    beginning: str
    part: str  # "Part {n}"
    sources: str


LABELS = {
    "en": PartLabels("Beginning", "Part {n}", "Sources"),
    "de": PartLabels("Anfang", "Teil {n}", "Quellen"),
    "da": PartLabels("Begyndelse", "Del {n}", "Kilder"),
    "no": PartLabels("Begynnelse", "Del {n}", "Kilder"),
    "sv": PartLabels("Början", "Del {n}", "Källor"),
    "fr": PartLabels("Début", "Partie {n}", "Sources"),
    "it": PartLabels("Inizio", "Parte {n}", "Fonti"),
    "es": PartLabels("Inicio", "Parte {n}", "Fuentes"),
}


def guess_language(text: str) -> str:
    """A language code of `LABELS`; "en" when the text says too little."""
    words = [word.casefold() for word in _WORD.findall(text[: SAMPLE_WORDS * 12])]
    hits = {language: sum(word in known for word in words) for language, known in _SETS.items()}
    best = max(hits, key=lambda language: hits[language])
    return best if hits[best] >= MIN_HITS else "en"


def part_labels(article: Article) -> PartLabels:
    """The labels for `article`'s own parts, in its language."""
    sample = " ".join(
        block.text for section in article.sections[:3] for block in section.blocks[:8]
    )
    return LABELS[guess_language(f"{article.title} {article.lede or ''} {sample}")]
