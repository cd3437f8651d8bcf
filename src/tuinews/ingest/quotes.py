"""Direct quotations and who said them, found with documented rules, not guessed.

A quotation is a span between a pair of quotation marks of any style DESIGN.md lists
(“…” „…“ «…» »…« ‘…’ "…" ”…”), long enough to be speech rather than a scare quote, or
attributed by a reporting verb. The speaker comes from the sentence around it:

- after the quote: `“…,” said X` / `“…,” X said` / `“…,” she said` (pronoun -> the last
  person named), `„…“, sagte X` / `„…“, so X` / `»…«, siger X` / `« … », a déclaré X`;
- before it: `X said: “…”` / `X told the paper: “…”` / `X wrote that “…”` /
  `according to X, “…”` / `X: “…”` (a name or a role before a colon).

When no rule applies the speaker is None: a neighbouring sentence is never borrowed.
A `QuoteFinder` reads the paragraphs of one story in order, so that "she said" in one
paragraph can refer to the person named in the paragraph before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuinews.model import Quote

# Opening mark -> closing marks accepted for it.
_PAIRS: dict[str, str] = {
    "“": "”“",  # English “…”; „…“ is German and handled by its own opener
    "„": "“”",
    "«": "»",
    "»": "«",
    "”": "”",  # Swedish/Finnish style ”…”
    "‚": "‘’",
    "‘": "’",
    '"': '"',
}
_OPENERS = "".join(_PAIRS)
_MAX_QUOTE = 1200

_SPEECH_VERBS_EN = (
    "said|says|told|tells|added|adds|explained|explains|wrote|writes|asked|asks|"
    "stated|states|noted|notes|insisted|insists|argued|argues|warned|warns|recalled|recalls|"
    "continued|continues|replied|replies|answered|answers|admitted|admits|acknowledged|"
    "acknowledges|claimed|claims|declared|declares|remarked|remarks|observed|observes|"
    "suggested|suggests|stressed|stresses|emphasised|emphasized|emphasises|emphasizes|"
    "concluded|concludes|announced|announces|confirmed|confirms|tweeted|posted|joked|jokes|"
    "laughed|shouted|whispered|agreed|agrees|complained|complains|conceded|concedes|"
    "cautioned|predicted|predicts|recounted|mused|muses|responded|responds|commented|"
    "comments|testified|pleaded|urged|urges|vowed|vows|wondered|added|told"
)
_SPEECH_VERBS_DE = (
    "sagte|sagt|sagten|sagen|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|ergänzt|"
    "fügte|fügt|schrieb|schreibt|sprach|spricht|kritisierte|kritisiert|warnte|warnt|"
    "berichtete|berichtet|erzählte|erzählt|erläuterte|erläutert|unterstrich|unterstreicht|"
    "bekräftigte|bekräftigt|räumte|räumt|forderte|fordert|antwortete|antwortet|stellte|stellt|"
    "sagte|versicherte|versichert|mahnte|mahnt|findet|fand|glaubt|glaubte|so"
)
_SPEECH_VERBS_NORDIC = (
    "siger|sagde|sagt|fortæller|fortalte|forklarer|forklarede|skriver|skrev|understreger|"
    "understregede|tilføjer|tilføjede|mener|mente|sier|sa|forteller|fortalte|forklarer|skriver|"
    "legger til|påpeker|säger|sade|berättar|skriver|menar|förklarar"
)
_SPEECH_VERBS_FR = (
    "a déclaré|déclare|a dit|dit|explique|a expliqué|affirme|a affirmé|ajoute|a ajouté|estime|"
    "a estimé|souligne|a souligné|indique|a indiqué|précise|a précisé|raconte|a raconté|"
    "confie|a confié|assure|a assuré|insiste|a insisté|lance|a lancé|reconnaît|a reconnu|"
    "rappelle|a rappelé|poursuit|a poursuivi|note|a noté|écrit|a écrit|répond|a répondu"
)
_SPEECH_VERBS_ES_IT = (
    "dijo|dice|afirmó|afirma|explicó|explica|señaló|señala|añadió|añade|aseguró|asegura|"
    "declaró|ha detto|dice|ha spiegato|spiega|ha aggiunto|aggiunge|ha dichiarato|afferma"
)
SPEECH_VERBS = "|".join(
    (
        _SPEECH_VERBS_EN,
        _SPEECH_VERBS_DE,
        _SPEECH_VERBS_NORDIC,
        _SPEECH_VERBS_FR,
        _SPEECH_VERBS_ES_IT,
    )
)

_PRONOUNS = (
    "he|she|they|er|sie|han|hun|hon|il|elle|ella|él|lui|lei|"
    "He|She|They|Er|Sie|Han|Hun|Hon|Il|Elle|Ella|Él|Lui|Lei"
)
# A name: capitalised words, with the particles names carry (von, van, de, bin, al-).
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"
_NAME_WORD = rf"{_UPPER}[\w'’.-]*"
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|del|la|le|bin|ben|al|el|af|zu|ter|ten|op|dos|das)"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,4}}"
# A role before a name or on its own: "Mayor Ingrid Holm", "the minister", "a spokesperson".
_ROLE = (
    r"(?:the|a|an|der|die|das|den|dem|le|la|les|l’|l'|el|il)\s+"
    r"[\w’'-]+(?:\s+[\w’'-]+){0,3}"
)

_FLAGS = re.UNICODE

# After the closing mark: `, said X` / `, X said` / `, she said` / `, so X`.
_AFTER_VERB_NAME = re.compile(
    rf"^\s*[,.!?…]?\s*[-–—]?\s*(?:{SPEECH_VERBS})\s+(?:(?:the|die|der|le|la)\s+)?"
    rf"(?P<role>(?:[a-zäöüæøåéè][\w-]*\s+){{0,3}}?)(?P<name>{NAME})",
    _FLAGS,
)
_AFTER_NAME_VERB = re.compile(
    rf"^\s*[,.!?…]?\s*[-–—]?\s*(?:[a-zäöüæøåéè][\w-]*\s+){{0,3}}?(?P<name>{NAME})(?:,\s*[^,]{{1,80}},)?\s+(?:{SPEECH_VERBS})\b",
    _FLAGS,
)
_AFTER_PRONOUN = re.compile(
    rf"^\s*[,.!?…]?\s*[-–—]?\s*(?:(?:{_PRONOUNS})\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:{_PRONOUNS}))\b",
    _FLAGS,
)
_AFTER_ROLE_VERB = re.compile(
    rf"^\s*[,.!?…]?\s*[-–—]?\s*(?P<role>{_ROLE}?)\s+(?:{SPEECH_VERBS})\b",
    _FLAGS,
)
_AFTER_VERB_ROLE = re.compile(
    rf"^\s*[,.!?…]?\s*[-–—]?\s*(?:{SPEECH_VERBS})\s+(?P<role>{_ROLE})",
    _FLAGS,
)
# Before the opening mark, at the end of the text before it.
_BEFORE_NAME_VERB = re.compile(
    rf"(?P<name>{NAME})(?:,\s*[^,]{{1,80}},)?\s+(?:(?:has|had|have|hat|har|a)\s+)?"
    rf"(?:{SPEECH_VERBS})(?:\s+[\w’'.-]+){{0,6}}?\s*(?:[:,]|\bthat|\bdass|\bat|\bque)?\s*$",
    _FLAGS,
)
_BEFORE_PRONOUN_VERB = re.compile(
    rf"\b(?:{_PRONOUNS})\s+(?:(?:has|had|hat|har|a)\s+)?(?:{SPEECH_VERBS})"
    rf"(?:\s+[\w’'.-]+){{0,6}}?\s*(?:[:,]|\bthat|\bdass|\bat|\bque)?\s*$",
    _FLAGS,
)
_BEFORE_ACCORDING = re.compile(
    rf"\b(?i:according to|laut|ifølge|enligt|selon|según|secondo)\s+"
    rf"(?:(?:the|der|die|le|la)\s+)?(?:[a-zäöüæøåéè][\w-]*\s+){{0,3}}?(?P<name>{NAME})\s*[,:]?\s*$",
    _FLAGS,
)
_BEFORE_COLON = re.compile(
    rf"(?:^|[.!?]\s+|\n)(?P<name>{NAME}|{_ROLE})\s*:\s*$",
    _FLAGS,
)
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"“„«»‘A-ZÀ-Ý])|\n")
_WORDS = re.compile(r"\w+", _FLAGS)
# Words that start a sentence with a capital but are not names.
_NOT_NAMES = frozenset(
    """
    The A An And But Or So Then This That These Those It He She They We You I In On At For
    With As When While If After Before Yesterday Today Tomorrow Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday Der Die Das Ein Eine Und Aber Oder Auch Es Er Sie Wir Ich
    Im Am Zum Zur Den Dem Des Le La Les Un Une Et Mais Il Elle Ils Elles Nous Vous Je Det Den
    En Et Og Men Han Hun De Vi Jeg Da Så Nu Mr Mrs Ms Dr Prof Herr Frau
    """.split()
)
_HONORIFICS = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Sir|Dame)\.?\s+")


@dataclass
class _Span:
    start: int
    end: int
    text: str


def _find_spans(text: str) -> list[_Span]:
    """Quoted spans in reading order; nested quotes stay inside their outer quote."""
    spans: list[_Span] = []
    position = 0
    while position < len(text):
        opener_at = -1
        for index in range(position, len(text)):
            char = text[index]
            if char in _OPENERS and _can_open(text, index):
                opener_at = index
                break
        if opener_at < 0:
            break
        opener = text[opener_at]
        closer_at = _find_closer(text, opener_at, _PAIRS[opener])
        if closer_at < 0:
            position = opener_at + 1
            continue
        inner = text[opener_at + 1 : closer_at].strip()
        spans.append(_Span(opener_at, closer_at + 1, inner))
        position = closer_at + 1
    return spans


def _can_open(text: str, index: int) -> bool:
    char = text[index]
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    # Apostrophes and closing marks: an opener stands after a space or punctuation.
    if char in "‘’'\"”" and before.isalnum():
        return False
    # An opener is followed by the quoted word (French « guillemets » take a space).
    return not (after.isspace() and char not in "«»")


def _find_closer(text: str, opener_at: int, closers: str) -> int:
    limit = min(len(text), opener_at + _MAX_QUOTE)
    for index in range(opener_at + 1, limit):
        char = text[index]
        if char in closers:
            if char in "’'‘" and index + 1 < len(text) and text[index + 1].isalpha():
                continue  # an apostrophe inside a word: it’s, don’t
            if char == text[opener_at] and char in '”"' and index == opener_at + 1:
                continue
            return index
    return -1


def _clean_name(name: str) -> str | None:
    name = _HONORIFICS.sub("", name.strip(" ,.;:"))
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    while words and words[-1] in _NOT_NAMES:
        words.pop()
    if not words:
        return None
    return " ".join(words).rstrip("’'s").strip() if name.endswith(("’s", "'s")) else " ".join(words)


def _sentence_before(text: str, start: int) -> str:
    """The text of the sentence the quote stands in, up to the opening mark."""
    before = text[:start]
    cut = 0
    for match in _SENTENCE_END.finditer(before):
        cut = match.end()
    return before[cut:]


def _clause_after(text: str, end: int) -> str:
    after = text[end:]
    match = re.search(r"[.!?](?:\s|$)|[“„«»\"]", after)
    return after[: match.start() + 1] if match else after


class QuoteFinder:
    """Finds quotations paragraph by paragraph, remembering the last person named."""

    def __init__(self) -> None:
        self.last_person: str | None = None

    def feed(self, text: str, section: int = 0) -> list[Quote]:
        quotes: list[Quote] = []
        spans = _find_spans(text)
        unattributed: list[int] = []
        for index, span in enumerate(spans):
            words = len(_WORDS.findall(span.text))
            if words == 0:
                continue
            speaker, attributed = self._attribute(text, span, spans[index + 1 :])
            if not attributed and not _is_speech(span.text, words):
                continue
            if attributed and speaker:
                # Earlier quotes of this paragraph that had no attribution of their own
                # are the same voice: “…” Then: “…,” said X.
                for waiting in unattributed:
                    quotes[waiting].speaker = speaker
                unattributed.clear()
            quotes.append(Quote(text=span.text.rstrip(" ,"), speaker=speaker, section=section))
            if speaker is None:
                unattributed.append(len(quotes) - 1)
        self._remember_names(text)
        return quotes

    def block_quote(self, text: str, section: int = 0, lead_in: str = "") -> Quote:
        """A blockquote is a quotation; its speaker is a trailing "— Name" or the lead-in."""
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        speaker = None
        if lines and re.match(r"^[-–—]\s*\S", lines[-1]) and len(lines) > 1:
            speaker = _clean_name(lines.pop()[1:])
        body = " ".join(lines).strip()
        if body[:1] in _OPENERS and body[-1:] in '”“»«’"':
            body = body[1:-1].strip()
        if speaker is None and lead_in:
            match = _BEFORE_NAME_VERB.search(lead_in) or _BEFORE_COLON.search(lead_in)
            if match:
                speaker = _clean_name(match.group("name"))
        if speaker:
            self.last_person = speaker
        return Quote(text=body, speaker=speaker, section=section)

    def _attribute(self, text: str, span: _Span, later: list[_Span]) -> tuple[str | None, bool]:
        after = _clause_after(text, span.end)
        match = _AFTER_VERB_NAME.match(after)
        if match and (name := _clean_name(match.group("name"))):
            self.last_person = name
            return name, True
        match = _AFTER_NAME_VERB.match(after)
        if match and (name := _clean_name(match.group("name"))):
            self.last_person = name
            return name, True
        if _AFTER_PRONOUN.match(after):
            return self.last_person, True
        match = _AFTER_VERB_ROLE.match(after) or _AFTER_ROLE_VERB.match(after)
        if match and match.group("role").strip():
            return match.group("role").strip(), True
        before = _sentence_before(text, span.start)
        for pattern in (_BEFORE_ACCORDING, _BEFORE_NAME_VERB):
            match = pattern.search(before)
            if match and (name := _clean_name(match.group("name"))):
                self.last_person = name
                return name, True
        if _BEFORE_PRONOUN_VERB.search(before):
            return self.last_person, True
        match = _BEFORE_COLON.search(before)
        if match and (name := _clean_name(match.group("name"))):
            if name[0].isupper():
                self.last_person = name
            return name, True
        return None, False

    def _remember_names(self, text: str) -> None:
        """A person introduced as the subject of a reporting verb is who "she" means later."""
        for match in re.finditer(rf"(?P<name>{NAME})\s+(?:{SPEECH_VERBS})\b", text):
            name = _clean_name(match.group("name"))
            if name and len(name.split()) >= 2:
                self.last_person = name


def _is_speech(text: str, words: int) -> bool:
    """Unattributed spans count as quotations when they read like speech, not a label."""
    return words >= 5 or (words >= 3 and text.rstrip()[-1:] in ".!?…")


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every quotation in `paragraphs` (one story, in order), section 0."""
    finder = QuoteFinder()
    return [quote for paragraph in paragraphs for quote in finder.feed(paragraph)]
