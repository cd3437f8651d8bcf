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
from collections.abc import Iterator
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
    "slutter|lyder|konstaterer|uddyber|påpeger|fastslår|"
    "legger til|påpeker|säger|sade|berättar|skriver|menar|förklarar"
)
_SPEECH_VERBS_FR = (
    "a déclaré|déclare|a dit|dit|explique|a expliqué|affirme|a affirmé|ajoute|a ajouté|estime|"
    "a estimé|souligne|a souligné|indique|a indiqué|précise|a précisé|raconte|a raconté|"
    "confie|a confié|assure|a assuré|insiste|a insisté|lance|a lancé|reconnaît|a reconnu|"
    "rappelle|a rappelé|poursuit|a poursuivi|note|a noté|écrit|a écrit|répond|a répondu|"
    "prévient|a prévenu|martèle|a martelé|résume|a résumé|ironise|a ironisé|s'exclame"
)
_SPEECH_VERBS_ES_IT = (
    "dijo|dice|afirmó|afirma|explicó|explica|señaló|señala|añadió|añade|aseguró|asegura|"
    "declaró|resumió|resume|replicó|advirtió|subrayó|insistió|"
    "ha detto|ha spiegato|spiega|ha aggiunto|aggiunge|ha dichiarato|afferma|rivela|ha definita"
)
_SPEECH_VERBS_DE_EXTRA = (
    "schimpft|schimpfte|spöttelt|spöttelte|twitterte|kommentierte|ließ|lässt|protestiert|"
    "protestierte|entgegnet|entgegnete|widerspricht|widersprach|ruft|rief|fragt|fragte|"
    "beklagt|beklagte|bilanziert|bilanzierte|resümiert|resümierte"
)
SPEECH_VERBS = "|".join(
    (
        _SPEECH_VERBS_EN,
        _SPEECH_VERBS_DE,
        _SPEECH_VERBS_DE_EXTRA,
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
_LOWER_WORD = r"[a-zß-öø-ÿ][\w’'-]*"
_NAME_WORD = rf"{_UPPER}(?:\.|[\w'’-]*)"
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|del|la|le|bin|ben|al|el|af|zu|ter|ten|op|dos|das)"
NAME = rf"(?<![\w’'-]){_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{0,4}}"
# A role on its own: "the minister", "a Sussex spokesperson", "der Drusenführer".
_ROLE = (
    r"(?:the|a|an|one of the|der|die|das|den|dem|le|la|les|l’|l'|el|il)\s+"
    r"(?!(?:and|und|et|og|y|e|och)\b)[\w’'-]+"
    r"(?:\s+(?!(?:and|und|et|og|y|e|och)\b)[\w’'-]+){0,2}?"
)
# A quote ends here when the clause after it attributes it: “…,” she said / „…“, sagte er.
_LEAD = r"^\s*[,;]?\s*[-–—]?\s*"
# French and Spanish put the pronoun after the verb, or leave it out: », a-t-il raconté.
_INVERTED = r"(?:a-t-(?:il|elle)\s+\w+|\w+-t-(?:il|elle)|\w+-(?:il|elle|ils|elles))"

_FLAGS = re.UNICODE

_AFTER_VERB_NAME = re.compile(
    rf"{_LEAD}(?:{SPEECH_VERBS})\s+(?P<lead>(?:{_LOWER_WORD}\s+){{0,6}}?)(?P<name>{NAME})",
    _FLAGS,
)
# "…, a affirmé le ministre de la Défense, Andreï Belooussov, selon…": the name in
# apposition is the speaker, not the words of the role before it.
_APPOSITION = re.compile(rf"^[^.!?“„«»\"]{{0,60}}?,\s+(?P<name>{NAME})\s*(?:,|\.|$)", _FLAGS)
_ARTICLES = frozenset(
    "the a an der die das dem den des im am zum zur vom beim ins le la les du el los las "
    "del il lo gli".split()
)
_AFTER_NAME_VERB = re.compile(
    rf"{_LEAD}(?:{_LOWER_WORD}\s+){{0,3}}?(?P<name>{NAME})(?:,\s*[^,]{{1,80}},)?\s+"
    rf"(?:{SPEECH_VERBS})\b",
    _FLAGS,
)
_AFTER_PRONOUN = re.compile(
    rf"{_LEAD}(?:(?:{_PRONOUNS})\s+(?:\w+\s+)?(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:{_PRONOUNS})"
    rf"|{_INVERTED})",
    _FLAGS,
)
# Spanish, Italian and French leave the subject out: “…”, resumió. — the last speaker.
_AFTER_VERB_ALONE = re.compile(rf"{_LEAD}(?:{SPEECH_VERBS})\s*(?:[.,;]|$)", _FLAGS)
_INTRODUCES = re.compile(
    rf"(?:\b(?:{SPEECH_VERBS})\s+(?:{_LOWER_WORD}\s+){{0,2}}?(?P<after>{NAME})"
    rf"|(?P<before>{NAME})(?:,\s*[^,]{{1,60}},)?\s+(?:{SPEECH_VERBS})\b)",
    _FLAGS,
)
# One word of each speech verb, the longest: a text without any of them cannot match
# `_INTRODUCES`, and a set lookup is far cheaper than trying every verb at every word.
_VERB_KEYS = frozenset(max(re.findall(r"\w+", verb), key=len) for verb in SPEECH_VERBS.split("|"))


def _introductions(text: str) -> Iterator[re.Match[str]]:
    if _VERB_KEYS.isdisjoint(re.findall(r"\w+", text)):
        return iter(())
    return _INTRODUCES.finditer(text)


_AFTER_ROLE = re.compile(
    rf"{_LEAD}(?:(?P<role>{_ROLE})\s+(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+(?P<role2>{_ROLE})"
    rf"(?:,\s+(?P<apposition>{NAME}))?)",
    _FLAGS,
)
_AFTER_ACCORDING = re.compile(
    rf"{_LEAD}(?i:according to|laut|ifølge|enligt|selon|según|secondo)\s+"
    rf"(?:(?P<name>{NAME})|(?P<role>{_ROLE}))",
    _FLAGS,
)
# Before the opening mark: the end of the text before it.
_UNTIL_QUOTE = r"(?:[^.!?“„«»\"]|(?<=\b[A-Z])\.){0,80}?\s*$"
_BEFORE_NAME_VERB = re.compile(
    rf"(?P<name>{NAME})(?:,\s*[^,]{{1,80}},|,)?(?:\s+(?:who|der|die|som|qui))?\s+"
    rf"(?:(?:has|had|have|hat|har|a)\s+)?(?:{SPEECH_VERBS})\b{_UNTIL_QUOTE}",
    _FLAGS,
)
_BEFORE_VERB_NAME = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?:{_LOWER_WORD}\s+){{0,3}}?(?P<name>{NAME}){_UNTIL_QUOTE}",
    _FLAGS,
)
_BEFORE_ROLE_VERB = re.compile(
    rf"\b(?P<role>{_ROLE})\s+(?:(?:has|had|hat|har|a)\s+)?(?:{SPEECH_VERBS})\b{_UNTIL_QUOTE}",
    _FLAGS,
)
_BEFORE_PRONOUN_VERB = re.compile(
    rf"\b(?:{_PRONOUNS})\s+(?:(?:has|had|hat|har|a)\s+)?(?:{SPEECH_VERBS})\b{_UNTIL_QUOTE}",
    _FLAGS,
)
_BEFORE_ACCORDING = re.compile(
    rf"\b(?i:according to|laut|ifølge|enligt|selon|según|secondo)\s+"
    rf"(?:(?:[\w’'-]+\s+){{0,4}}?(?P<name>{NAME})|(?P<role>{_ROLE}))\s*[,:]?\s*$",
    _FLAGS,
)
_BEFORE_OF_COLON = re.compile(rf"\b(?:di|de|von|of|from|fra|af)\s+(?P<name>{NAME})\s*:\s*$", _FLAGS)
_VERB_AT_END = re.compile(rf"\b(?:{SPEECH_VERBS})\b[^.!?“„«»\"]{{0,40}}$", _FLAGS)
_PRONOUN_WORD = re.compile(rf"\b(?:{_PRONOUNS})\b", _FLAGS)
_BEFORE_COLON = re.compile(
    rf"(?:^\s*|[.!?]\s+|\n|[–—]\s+|[“”»«\"]\s+)(?P<name>{NAME}|{_ROLE})\s*:\s*$",
    _FLAGS,
)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!Mr|Ms|Dr|St)[.!?…](?=\s+[\"“„«»‘A-ZÀ-Ý])|\n")
_CLAUSE_END = re.compile(r"(?<!\b[A-Z])(?<!Mr|Ms|Dr|St)(?<!Mrs)[.!?](?:\s|$)|[“„«»\"]")
_WORDS = re.compile(r"\w+", _FLAGS)
# Words that start a sentence with a capital but are not names.
_NOT_NAMES = frozenset(
    """
    The A An And But Or So Then This That These Those It He She They We You I In On At For
    With As When While If After Before Yesterday Today Tomorrow Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday Der Die Das Ein Eine Und Aber Oder Auch Es Er Sie Wir Ich
    Im Am Zum Zur Den Dem Des Le La Les Un Une Et Mais Il Elle Ils Elles Nous Vous Je Det Den
    En Et Og Men Han Hun De Vi Jeg Da Så Nu Mr Mrs Ms Dr Prof Herr Frau Yet Still Also Later
    Hier Dort Dann Doch Zugleich Aber So Als Wie Was Wer Beim Nach Vor Bei Mit Von Auf
    """.split()
)
# Words that make a capitalised run an organisation or a place, not a person.
_NOT_PEOPLE = frozenset(
    """
    Times Post News Court Council Ministry Party University Center Centre Agency Police
    Department Government House Senate Congress Union Bank Group Inc Ltd AG GmbH Company
    Corporation Association Institute Office Commission Committee Service Street Road City
    County State States Republic Kingdom Parliament Press Reuters AFP AP Truth Social
    EU UN NATO USA US UK Twitter Facebook Instagram Weibo Google Metro
    """.split()
)
_HONORIFICS = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Sir|Dame|M|Mme)\.?\s+")


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
    cleaned = " ".join(words)
    for suffix in ("’s", "'s"):
        cleaned = cleaned.removesuffix(suffix)
    return cleaned or None


def _is_person(name: str) -> bool:
    words = name.split()
    return bool(words) and not any(word.strip(".") in _NOT_PEOPLE for word in words)


def _sentence_before(text: str, start: int) -> str:
    """The text of the sentence the quote stands in, up to the opening mark."""
    before = text[:start]
    cut = 0
    for match in _SENTENCE_END.finditer(before):
        cut = match.end()
    return before[cut:]


def _clause_after(text: str, end: int) -> str:
    after = text[end:]
    match = _CLAUSE_END.search(after)
    return after[: match.start() + 1] if match else after


def _attributes_forward(quote: str, after: str) -> bool:
    """Whether the words after a quote can be its attribution.

    “Text,” she said — yes. „Text“, sagte er — yes. “Text.” She said he… — a new
    sentence, about something else.
    """
    stripped = after.lstrip()
    if not stripped:
        return False
    if stripped[0] in ",;–—-" or stripped[0].islower():
        return True
    return quote.rstrip()[-1:] in ",?!…"


class QuoteFinder:
    """Finds quotations paragraph by paragraph, remembering who was named last."""

    def __init__(self) -> None:
        self.last_person: str | None = None
        self.last_speaker: str | None = None
        self._person_is_newer = False
        self._full_names: dict[str, str] = {}
        self._paragraphs = 0
        self._speaker_paragraph = -1

    @property
    def referent(self) -> str | None:
        """Who a pronoun means: someone newly introduced by full name, else the last speaker."""
        if self._person_is_newer and self.last_person and len(self.last_person.split()) > 1:
            return self.last_person
        return self.last_speaker or self.last_person

    def _spoke(self, speaker: str | None) -> str | None:
        if speaker:
            self.last_speaker = speaker
            self._person_is_newer = False
            self._speaker_paragraph = self._paragraphs
        return speaker

    def feed(self, text: str, section: int = 0) -> list[Quote]:
        quotes: list[Quote] = []
        spans = _find_spans(text)
        previous_speaker: str | None = None
        unattributed: list[int] = []
        scanned = 0
        previous_end = -1
        for span in spans:
            words = len(_WORDS.findall(span.text))
            if words == 0:
                continue
            self._remember_people(text[scanned : span.start])
            scanned = span.end
            speaker, attributed = self._attribute(text, span)
            if not attributed and not _is_speech(span.text, words):
                continue
            if attributed:
                self._spoke(speaker)
            elif span.start == 0 and self._speaker_paragraph == self._paragraphs - 1:
                # A paragraph that is all quotation continues the voice introduced just
                # before it (common in Nordic and German reporting).
                speaker, attributed = self.last_speaker, True
            adjacent = previous_end >= 0 and not text[previous_end : span.start].strip(" ,.;:–—")
            if attributed and speaker:
                # A quote standing right before, without an attribution of its own, is the
                # same voice: “One.” “Two,” said X.
                if adjacent and unattributed and unattributed[-1] == len(quotes) - 1:
                    quotes[-1].speaker = speaker
                unattributed.clear()
                previous_speaker = speaker
            elif not attributed and previous_speaker and not self._person_is_newer:
                # “…,” said X. “…” — the next quote, with nobody new named between.
                speaker = previous_speaker
            previous_end = span.end
            quotes.append(Quote(text=span.text.rstrip(" ,"), speaker=speaker, section=section))
            if speaker is None:
                unattributed.append(len(quotes) - 1)
        self._remember_people(text[scanned:])
        if not quotes:
            for match in _introductions(text):
                name = _clean_name(match.group("after") or match.group("before") or "")
                if name and _is_person(name) and len(name.split()) > 1:
                    self._spoke(self._met(name))
        self._paragraphs += 1
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
            self._met(speaker)
        return Quote(text=body, speaker=speaker, section=section)

    def _met(self, name: str) -> str:
        """Record a person; a surname alone is who its full name was."""
        if _is_person(name):
            words = name.split()
            if len(words) > 1:
                self._full_names[words[-1]] = name
            elif name in self._full_names:
                name = self._full_names[name]
            if name != self.last_speaker:
                self._person_is_newer = True
            self.last_person = name
        return name

    def _named(self, match: re.Match[str], group: str = "name", text: str = "") -> str | None:
        raw = match.groupdict().get(group)
        if not raw:
            return None
        if text:
            following = text[match.end(group) :]
            apposition = _APPOSITION.match(following)
            if apposition and len(apposition.group("name").split()) > 1:
                raw = apposition.group("name")
            else:
                preceding = text[: match.start(group)].split()
                if preceding and preceding[-1].lower() in _ARTICLES:
                    # "sagt der Drusenführer": a role standing for the person met last.
                    return self.referent or _clean_name(raw)
        name = _clean_name(raw)
        if name is None:
            return None
        return self._met(name)

    def _role_or_person(self, match: re.Match[str]) -> str | None:
        """A role with an apposition is that person; "der Drusenführer" is who was named last."""
        if match.groupdict().get("apposition"):
            return self._named(match, "apposition")
        role = (match.groupdict().get("role") or match.groupdict().get("role2") or "").strip()
        if not role:
            return None
        words = role.split()
        if len(words) <= 3 and words[0].lower() in ("der", "die", "le", "la") and self.referent:
            return self.referent
        return role

    def _attribute(self, text: str, span: _Span) -> tuple[str | None, bool]:
        after = _clause_after(text, span.end)
        if _attributes_forward(span.text, after):
            match = _AFTER_ACCORDING.match(after)
            if match:
                return self._named(match, text=after) or self._role_or_person(match), True
            if _AFTER_PRONOUN.match(after):
                return self.referent, True
            if _AFTER_VERB_ALONE.match(after):
                return self.last_speaker or self.last_person, True
            match = _AFTER_VERB_NAME.match(after)
            if match and (name := self._named(match, text=after)):
                return name, True
            match = _AFTER_NAME_VERB.match(after)
            if match and (name := self._named(match, text=after)):
                return name, True
            match = _AFTER_ROLE.match(after)
            if match and (role := self._role_or_person(match)):
                return role, True
        before = _sentence_before(text, span.start)
        for pattern in (_BEFORE_ACCORDING, _BEFORE_NAME_VERB, _BEFORE_VERB_NAME):
            match = _last(pattern, before)
            if match and (name := self._named(match, text=before) or self._role_or_person(match)):
                return name, True
        if _BEFORE_PRONOUN_VERB.search(before) or (
            _VERB_AT_END.search(before) and _PRONOUN_WORD.search(before)
        ):
            return self.referent, True
        match = _BEFORE_OF_COLON.search(before)
        if match and (name := self._named(match)):
            return name, True
        match = _BEFORE_ROLE_VERB.search(before)
        if match and (role := self._role_or_person(match)):
            return role, True
        match = _BEFORE_COLON.search(before)
        if match and (name := _clean_name(match.group("name"))):
            return (self._met(name) if name[0].isupper() else name), True
        return None, False

    def _remember_people(self, text: str) -> None:
        """Who "she" will mean: the last person the text names.

        A run of two or more capitalised words counts unless it names an organisation;
        a single word counts when it is the surname of someone already met, or when it
        opens a sentence as the subject of a lower-case verb ("Medrano believes").
        """
        for match in _introductions(text):
            name = _clean_name(match.group("after") or match.group("before") or "")
            if name and _is_person(name):
                self._met(name)
        for match in _NAME_RUN.finditer(text):
            name = _clean_name(match.group("name"))
            if not name:
                continue
            preceding = text[max(match.start() - 40, 0) : match.start()].split()
            if preceding and preceding[-1].lower() in _ARTICLES:
                continue  # "im Berliner Führerbunker": German nouns, not a person
            words = name.split()
            if len(words) >= 2 and _is_person(name):
                self._met(name)
            elif len(words) == 1:
                if name in self._full_names:
                    self.last_person = self._full_names[name]
                    continue
                if _ELIDED_ARTICLE.match(name):
                    continue  # L’espèce, D’après: an elided article, not a name
                start = match.start()
                at_sentence_start = start == 0 or text[:start].rstrip()[-1:] in ".!?:"
                rest = text[match.end() : match.end() + 20]
                subject = _SUBJECT_OF_VERB.match(rest)
                if at_sentence_start and subject and _is_person(name):
                    self._met(name)


_NAME_RUN = re.compile(rf"(?<![\w.])(?P<name>{NAME})")
_ELIDED_ARTICLE = re.compile(r"^[LDlds][’']")
_SUBJECT_OF_VERB = re.compile(r"\s+[a-zäöüæøå]|,\s+(?:who|der|die|som|qui|which)\b")


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match naming a person: the attribution nearest the quote.

    "Lacerda said Epstein told her: “…”" is Epstein's quote. Matches restart after the
    name found, so "Finnish Civil Defence" is not also tried as "Civil Defence".
    """
    found = fallback = None
    position = 0
    while (match := pattern.search(text, position)) is not None:
        name = match.groupdict().get("name")
        cleaned = _clean_name(name) if name else None
        fallback = match
        if name is None or (cleaned and _is_person(cleaned)):
            found = match
        position = match.end("name") if name else match.end()
        if position <= match.start():
            position = match.start() + 1
    return found or fallback


def _is_speech(text: str, words: int) -> bool:
    """Unattributed spans count as quotations when they read like speech, not a label."""
    return words >= 5 or (words >= 3 and text.rstrip()[-1:] in ".!?…")


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every quotation in `paragraphs` (one story, in order), section 0."""
    finder = QuoteFinder()
    return [quote for paragraph in paragraphs for quote in finder.feed(paragraph)]
