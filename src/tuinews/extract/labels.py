"""The words sites use for their furniture, in the languages DESIGN.md lists.

Both extractors (text captures and HTML) ask these questions, so the answers live in one
place: is this line an also-read marker, a widget label, an ad marker, a sources line?
"""

from __future__ import annotations

import re

ALSO_READ = (
    "also read|read also|read more|more on this|more about this|related|see also|"
    "læs også|læs mere|lesen sie auch|lesen sie dazu|mehr zum thema|auch interessant|"
    "lire aussi|à lire aussi|a lire aussi|voir aussi|leggi anche|lee también|"
    "les også|les mer|läs också|läs mer|lees ook|ler também|czytaj też|czytaj także|"
    "czytaj również|zobacz też|zobacz także|leia também|lire également|à lire également|"
    "auch lesen|lesen sie mehr|mehr dazu|le puede interesar|puede interesarte|"
    "te puede interesar|también te puede interesar|leggi anche|puedes ver|vea también|"
    "ver también|lea también|lea además|mira también|te recomendamos"
)
_ALSO_READ_LINE = re.compile(rf"^\s*(?:{ALSO_READ})\s*(?:[:：»›>|–—-]\s*(?P<title>.*))?$", re.I)

_WIDGET_LABELS = re.compile(
    r"^\s*(?:others are reading now|others are reading|most read|most popular|trending now|"
    r"recommended for you|you may also like|you might also like|popular now|"
    r"andere lesen gerade|meistgelesen|meistgelesene artikel|das könnte sie auch interessieren|"
    r"andre læser lige nu|mest læste|andre leser nå|mest lest|andra läser just nu|mest läst|"
    r"les plus lus|d'autres lisent en ce moment|altri stanno leggendo|i più letti|"
    r"otros están leyendo|lo más leído)\s*:?\s*$",
    re.I,
)
_AD_MARKER = re.compile(
    r"^\s*(?:ads by|ad by|advertisement|sponsored(?: content)?|anzeige|anzeigen von|werbung|"
    r"annonce|annoncer fra|annonse|annonser fra|publicité|pubblicità|publicidad|reklame|"
    r"reklam)\b.{0,60}$",
    re.I,
)
# What a page shows while a script fetches a part of it: never the story's words.
_LOADING = re.compile(
    r"^\s*(?:loading|please wait|wird geladen|chargement(?: en cours)?|cargando|"
    r"caricamento(?: in corso)?|carregando|indlæser|laster(?: inn)?|laddar|ładowanie|"
    r"wczytywanie|bezig met laden|正在加载|加载中|載入中|読み込み中|로딩 중)\s*(?:\.{2,}|…)?\s*$",
    re.I,
)
_SOURCES = re.compile(
    r"^\s*(?:sources?|quellen?|kilder?|källor|källa|sources? ?|fuentes?|fonti|fonte|bronnen?)"
    r"\s*:\s*(?P<list>.+)$",
    re.I,
)
_HOME_CRUMBS = frozenset(
    "home homepage start startseite forside forsiden accueil inicio portada hem etusivu".split()
)


def also_read_marker(line: str) -> tuple[bool, str | None]:
    """(is an also-read marker, the linked title when the capture kept it)."""
    match = _ALSO_READ_LINE.match(line)
    if not match:
        return False, None
    title = (match.group("title") or "").strip()
    return True, title or None


def is_widget_label(line: str) -> bool:
    return bool(_WIDGET_LABELS.match(line))


def is_loading_label(line: str) -> bool:
    return bool(_LOADING.match(line))


def is_ad_marker(line: str) -> bool:
    return bool(_AD_MARKER.match(line))


def sources_of(line: str) -> list[str] | None:
    """The sources named by a "Sources: A, B." line, or None for any other line."""
    match = _SOURCES.match(line)
    if not match:
        return None
    names = re.split(r"\s*[,;]\s*|\s+(?:and|und|og|et|och|y|e)\s+", match.group("list").strip())
    return [name.strip().rstrip(".") for name in names if name.strip().rstrip(".")]


def is_home_crumb(word: str) -> bool:
    return word.casefold() in _HOME_CRUMBS
