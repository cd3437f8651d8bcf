"""Direct quotations and who said them, found with documented rules, not guessed.

A quotation is a span between a pair of quotation marks of any style DESIGN.md lists
(“…” „…“ «…» »…« ‘…’ "…" ”…”) that reads as speech (five words, or three ending a
sentence), or any shorter span a reporting verb attributes ("called it “a welcome step”").
Names and titles in quotation marks (all words capitalised) are not quotations.

The speaker is read from the words outside the quotation marks, in this order:

1. the clause right after the quote: `“…,” said X` / `“…,” X said` / `„…“, sagte der Anwalt`
   / `», a-t-il raconté` (a pronoun) / `”, zanjó` (the subject left out);
2. the sentence before it: `X said: “…”` / `X told Y “…”` / `X called it “…”` / `according
   to X, “…”` / `X: “…”` / a colon ending a sentence whose subject is a person or a role.
   An attribution before the quote beats an `according to <publication>` after it: the
   publication reported the words, it did not say them;
3. the voice already speaking: the next quote of the same sentence, a quote right after an
   attributed one with nobody new named between, a paragraph that is all quotation after a
   paragraph that introduced a speaker (or a block quote after such a sentence).

A speaker is a whole name (capitalised words with their particles and "of": "Bank of
England"), a whole role ("a company spokesperson", "der Anwalt"), the name in apposition
when there is one (`the report's author, engineer Jane Roe,` -> Jane Roe), or None. A
pronoun is resolved only when one person is in reach (the last speaker with nobody new
named since, or the only person the paragraph and the one before it name); otherwise the
speaker is None rather than a guess. The README's "Quotations and speakers" gives every rule
with an example.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tuinews.extract.language import guess_language
from tuinews.extract.speech import (
    ACCORDING_TO,
    ASKING_VERB_FORMS,
    AUXILIARIES,
    BETWEEN,
    CALLING_VERB_FORMS,
    DETERMINERS,
    ENGLISH_VERB_FORMS,
    FUNCTION_WORDS,
    MEDIA_WORDS,
    NORDIC_VERB_FORMS,
    NOT_PEOPLE,
    PERSON_NOUNS,
    PRO_DROP_VERB_FORMS,
    PRONOUNS,
    PUBLICATION_NOUNS,
    REPLY_VERB_FORMS,
    SPEECH_VERB_FORMS,
    STOPS,
    TITLES,
    V2_ASKING_VERB_FORMS,
    V2_CALLING_VERB_FORMS,
    V2_VERB_FORMS,
)
from tuinews.model import Quote

# Opening mark -> closing marks accepted for it.
_PAIRS: dict[str, str] = {
    "“": "”“’",  # "’’": two apostrophes close it on some sites
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
# How far a sentence reaches from a place in it: one longer than this is text without
# punctuation (a list, a hostile page), and reading it whole for every quotation and verb
# in it would take the square or the cube of its length.
_MAX_SENTENCE = 1000
_MASK = "\x00"  # stands for quoted text in the narration, so no rule reads inside a quote

_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_NAME_PREFIXES = ("al", "el", "ad", "ul", "bin", "ben")  # "al-Assad", "bin-Salman"
_NAME_WORD = rf"(?:(?:{'|'.join(_NAME_PREFIXES)})-)?{_UPPER}(?:\.|[\w’'-]*)"
_PARTICLE = (
    r"(?:[vV]on der|[vV]on dem|[vV]an der|[vV]an den|[vV]an de|de la|de los|von|van|de|da|di|"
    r"du|del|della|"
    r"bin|ben|ibn|al|af|ter|ten|dos|das|of|y|ad)"
)
_NAME_TAIL = rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME_WORD}){{0,7}}"
_NAME = rf"{_NAME_WORD}{_NAME_TAIL}"


def _opening_letter_first(first_letters: str, rest: str) -> str:
    """A pattern that opens with a character class, its first letter, and checks behind it
    that no word runs into it: Python's regex engine then skips from candidate letter to
    candidate letter in C, where a pattern opening with a look-behind is tried at every
    position of the text (four times slower on long paragraphs). `rest` goes on from right
    after that letter and may look behind at it."""
    return rf"[{first_letters}](?<![\w’'-].)(?:{rest})"


def _by_first_letter(words: Iterable[str], *, ignore_case: bool = False) -> tuple[str, str]:
    """The first letters of `words` (a character class's contents), and a pattern for what
    follows the letter in each word, looking behind at the letter."""
    by_letter: dict[str, list[str]] = {}
    for word in words:
        letter = word[0].casefold() if ignore_case else word[0]
        by_letter.setdefault(letter, []).append(word[1:])
    rest = "|".join(
        f"(?<={re.escape(letter)})(?:{'|'.join(re.escape(tail) for tail in tails)})"
        for letter, tails in sorted(by_letter.items())
    )
    return "".join(re.escape(letter) for letter in sorted(by_letter)), rest


def _word_after_non_word(words: Iterable[str], *, ignore_case: bool = False) -> str:
    r"""One of `words`, not inside a longer word on its left: `(?<![\w’'-])(?:a|b|…)` written
    to open with its first letter (see `_opening_letter_first`)."""
    pattern = _opening_letter_first(*_by_first_letter(words, ignore_case=ignore_case))
    return f"(?i:{pattern})" if ignore_case else pattern


# `_NAME` after a non-word: its first word's letter is a capital, or the first letter of
# one of `_NAME_PREFIXES` before the capital.
_PREFIX_LETTERS, _PREFIX_RESTS = _by_first_letter(_NAME_PREFIXES)
_NAME_RUN = re.compile(
    _opening_letter_first(
        _UPPER[1:-1] + _PREFIX_LETTERS, rf"(?<={_UPPER})|(?:{_PREFIX_RESTS})-{_UPPER}"
    )
    + rf"(?:\.|[\w’'-]*){_NAME_TAIL}(?![\w’'-])"
)
# The same runs in a text where no prefix and its hyphen stand ("al-", "bin-"), found without
# stopping at every a, b, e and u.
_CAPITAL_RUN = re.compile(rf"[{_UPPER[1:-1]}](?<![\w’'-].)(?:\.|[\w’'-]*){_NAME_TAIL}(?![\w’'-])")
_PREFIX_HYPHENS = tuple(f"{prefix}-" for prefix in _NAME_PREFIXES)
# "de Decker", "van der Berg": a surname that opens with its particle, lowercase, where a
# Germanic verb ends before it (a Romance "habló de Sánchez" speaks of someone).
_LOWERCASE_PARTICLE_NAME = re.compile(
    rf"(?:von|van|de|ter|ten)(?:[ \t]+(?:der|den|de))?[ \t]+{_NAME}"
)
# "Von der Leyen", "De la Cruz": a surname that opens with its particle, capitalised.
_PARTICLE_NAME = re.compile(
    rf"(?:Von|Van|De|Di|Da|Du|Del|Della|Dos)(?:[ \t]+(?:der|den|de|la|los|le))?[ \t]+{_NAME}"
)
_TOKEN = re.compile(r"[\w’'-]+")


_AUXILIARY_FORMS = AUXILIARIES
_PAIR_TAILS = frozenset(form.split()[1] for form in SPEECH_VERB_FORMS if " " in form)
# The words a speech verb can open with: a verb of one word, or the first of a pair.
_VERB_OPENINGS = SPEECH_VERB_FORMS | {form.split()[0] for form in SPEECH_VERB_FORMS if " " in form}


@dataclass(slots=True)  # thousands are made; none is changed once made
class _Verb:
    """A speech verb found in a text; read like a regular-expression match."""

    at: int
    until: int
    word: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.until

    def group(self) -> str:
        return self.word


def _verb_of(match: re.Match[str], previous: re.Match[str] | None, forms: frozenset[str]):
    word = match.group().casefold()
    if previous is not None and previous.end() + 1 == match.start():
        pair = f"{previous.group().casefold()} {word}"
        if pair in forms:
            return _Verb(previous.start(), match.end(), pair)
    if word in forms and word not in _AUXILIARY_FORMS and (word != "sa" or _sa_is_said(match)):
        return _Verb(match.start(), match.end(), word)
    return None


_NORDIC_DEFINITE = ("en", "et", "a", "ne", "na", "erne", "ene")
_NORDIC_AFTER_SA = frozenset("han hun hon de den det at att til till om og i på da".split())


def _sa_is_said(match: re.Match[str]) -> bool:
    """Nordic "sa" ("said"), not French or Italian "sa" ("her", "knows"): the text around it
    is not in a Romance language, and the word after it is a subject or a linking word
    ("sa han", "sa Park", "sa treneren", "sa at"), not a bare noun ("sa grand-mère")."""
    text = match.string
    if guess_language(text[max(0, match.start() - 300) : match.end() + 300]) in ("fr", "it", "es"):
        return False
    following = text[match.end() : match.end() + 30].split()[:1]
    if not following or not following[0][:1].islower():
        return True
    word = following[0].strip(",.;:!?").casefold()
    return word in _NORDIC_AFTER_SA or word.endswith(_NORDIC_DEFINITE)


@functools.cache
def _verb_words(forms: frozenset[str]) -> frozenset[str]:
    """Every word that makes a verb of `forms` or the second word of a pair: one set, so
    that a stretch with none of them is ruled out in one pass over its words."""
    return forms | _PAIR_TAILS


# Characters whose casefolded form is one character, a word's or not as they are: in a text
# of only these, the words of the casefolded text stand where the text's words stand.
_FOLDS_IN_PLACE: set[str] = set()


def _folds_in_place(text: str) -> bool:
    if text.isascii():
        return True
    new = set(text).difference(_FOLDS_IN_PLACE)
    for char in new:
        folded = char.casefold()
        if len(folded) != 1 or (_TOKEN.match(char) is None) != (_TOKEN.match(folded) is None):
            return False
    _FOLDS_IN_PLACE.update(new)
    return True


@functools.cache
def _verb_or_second_word(forms: frozenset[str]) -> frozenset[str]:
    """The words that can make a verb of `forms`: one alone, or the second of a pair."""
    return forms | {form.split()[1] for form in forms if " " in form}


_TOKEN_CHAR = re.compile(r"[\w’'-]")


def _whole_word_at(folded: str, word: str, position: int) -> int:
    """Where `word` next stands as a whole word of `folded` from `position` on: found by
    `str.find`, not by reading every word before it."""
    at = folded.find(word, position)
    while (at > 0 and _TOKEN_CHAR.match(folded, at - 1)) or _TOKEN_CHAR.match(
        folded, at + len(word)
    ):
        at = folded.find(word, at + 1)
    return at


def _verbs_among(
    text: str, folded: str, words: list[str], forms: frozenset[str]
) -> tuple[_Verb, ...]:
    """What the word-by-word reading of `_verbs` finds, visiting only the words that can
    make a verb (and the one before each): `words` are the words of `folded`, the
    casefolded `text`, in the same places (see `_folds_in_place`), so the others are passed
    over in C. Each such word is the next whole occurrence of itself after the one before,
    which any earlier occurrence would be."""
    useful = _verb_or_second_word(forms)
    found: list[_Verb] = []
    paired = -1  # the second word of the last pair, which opens no pair of its own
    end = 0
    for index in itertools.compress(range(len(words)), map(useful.__contains__, words)):
        word = words[index]
        start = _whole_word_at(folded, word, end)
        end = start + len(word)
        previous_word = words[index - 1] if index and index - 1 != paired else ""
        # The word before ends right before the one character between them when the
        # character before that is a word's.
        if previous_word in _AUXILIARY_FORMS and _TOKEN_CHAR.match(folded, max(0, start - 2)):
            pair = f"{previous_word} {word}"
            if pair in forms:
                found.append(_Verb(start - 1 - len(previous_word), end, pair))
                paired = index
                continue
        if word not in forms or word in _AUXILIARY_FORMS:
            continue
        if word != "sa" or _sa_is_said(_TOKEN.match(text, start)):
            found.append(_Verb(start, end, word))
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def _verbs(text: str, forms: frozenset[str] = SPEECH_VERB_FORMS) -> tuple[_Verb, ...]:
    """The speech verbs of a text, word by word ("a déclaré" as one). Several rules ask
    about the same stretch of narration, so each answer is kept."""
    folded = text.casefold()
    words = _TOKEN.findall(folded)
    if _verb_words(forms).isdisjoint(words):
        return ()  # most stretches of narration: one lookup in C instead of a loop
    if _folds_in_place(text):
        return _verbs_among(text, folded, words, forms)
    found: list[_Verb] = []
    previous_word, previous_start, previous_end = "", -2, -2
    for match in _TOKEN.finditer(text):
        word = match.group().casefold()
        start, end = match.span()
        if previous_word in _AUXILIARY_FORMS and previous_end + 1 == start:
            pair = f"{previous_word} {word}"
            if pair in forms:
                found.append(_Verb(previous_start, end, pair))
                previous_word = ""
                continue
        if word in forms and word not in _AUXILIARY_FORMS and (word != "sa" or _sa_is_said(match)):
            found.append(_Verb(start, end, word))
        previous_word, previous_start, previous_end = word, start, end
    return tuple(found)


def _verb_at(text: str, position: int) -> _Verb | None:
    """The speech verb that starts at `position` ("a déclaré" or "said"), if one does."""
    first = _TOKEN.match(text, position)
    if first is None or first.group().casefold() not in _VERB_OPENINGS:
        return None  # most words: neither a verb nor the first word of one
    second = _TOKEN.match(text, first.end() + 1)
    if second is not None:
        pair = _verb_of(second, first, SPEECH_VERB_FORMS)
        if pair is not None and pair.at == first.start():
            return pair
    return _verb_of(first, None, SPEECH_VERB_FORMS)


class _Answers(dict[str, bool]):
    """Whether each word asked about is in a casefolded word list, kept once answered: the
    rules ask about the same few words thousands of times, and a kept answer is found
    without running any Python code."""

    _MOST = 65536  # answers kept at most: a page of megabytes of words has as many

    def __init__(self, words: frozenset[str]) -> None:
        super().__init__()
        self._words = words

    def __missing__(self, word: str) -> bool:
        if len(self) >= self._MOST:
            self.clear()
        answer = self[word] = word.casefold() in self._words
        return answer


class _Words:
    """A word list looked up whole, as `fullmatch` would, at the cost of a set lookup."""

    def __init__(self, alternation: str, *, ignore_case: bool = True) -> None:
        self.ignore_case = ignore_case
        self.words = frozenset(
            word.casefold() if ignore_case else word for word in alternation.split("|")
        )
        self.fullmatch: Callable[[str], bool] = (
            _Answers(self.words).__getitem__ if ignore_case else self.words.__contains__
        )


_PRONOUN_RE = _Words(PRONOUNS)
_DETERMINER_RE = _Words(DETERMINERS)
_BETWEEN_RE = _Words(BETWEEN)
_STOP_RE = _Words(STOPS, ignore_case=False)
_WORD = re.compile(r"[\w’'-]+")
_ACCORDING = re.compile(_word_after_non_word(ACCORDING_TO.split("|"), ignore_case=True) + r"\s+")
# French puts the pronoun after the verb: », a-t-il raconté / », confie-t-elle.
# Matched at a position of the narration, never on a copy of the rest of it: a paragraph of
# a thousand quotations would be copied a thousand times.
_INVERTED = re.compile(r"\s*[,;]?\s*(?:a-t-(?:il|elle)\s+\w+|\w+-t-(?:il|elle)|\w+-(?:il|elle))")
_CLAUSE_OPENING = re.compile(r"\s*[,;]?\s*[-–—]?\s*")
_NON_SPACE = re.compile(r"\S")
_NON_SPACES = re.compile(r"\S+")
_SO = re.compile(r"so\s+")
_HONORIFICS = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Sir|Dame|M|Mme)\.?\s+)"  # one group
_HONORIFIC = re.compile(_HONORIFICS)


def _titled(run: str) -> bool:
    """Whether a run opens with an honorific ("Frau Chuba"), looked up first by its letter."""
    return run[:1] in "MDPHFS" and _HONORIFIC.match(run) is not None


_SENTENCE_END = re.compile(
    # The mark first, then what follows it (half the marks end no sentence: "3.5", "z.B."),
    # then the abbreviations looked behind it: far cheaper than the other orders.
    r"[.!?…](?=\s+[\"“„«»‘\x00A-ZÀ-Þ–—-])"
    r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)"
    r"(?<!\bMrs\.)(?<!\bNos\.)(?<!\bRep\.)(?<!\bSen\.)(?<!\bGov\.)(?<!\bGen\.)"
    r"(?<!\bCol\.)(?<!\bSgt\.)(?<!\bCapt\.)(?<!\bLt\.)(?<!\bRev\.)(?<!\bProf\.)"
    r"(?<! \d\.)(?<! \d\d\.)"  # "am 13. Oktober": a German ordinal ends no sentence
)


@dataclass
class _Span:
    start: int
    end: int
    text: str


@dataclass
class _Speaker:
    """Who an attribution names: a person or role, or a pronoun / left-out subject."""

    name: str | None
    pronoun: bool = False
    strong: bool = True  # False for "according to X" after the quote
    gender: str | None = None  # "m" or "f" for he / she; None when the subject is left out
    left_out: bool = False  # "”, insistió.": no pronoun at all, the subject carries on
    replying: bool = False  # "“…,” she replied.": the one who was asked, not who asked


@dataclass
class _People:
    """People named outside quotations, in order, for pronouns and surnames."""

    full_names: dict[str, str] = field(default_factory=dict)
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, name)
    history: list[str] = field(default_factory=list)  # the story's paragraphs so far
    indexed: int = 0  # how many of them `full_names` covers
    genders: dict[str, str] = field(default_factory=dict)  # learnt from "X … she"
    spoke: set[str] = field(default_factory=set)  # everyone who has spoken so far

    def person(self, name: str) -> str:
        """A surname (or a first word, "Lin" for "Lin Jian") alone is who its full name was.

        The paragraphs read so far are indexed for full names only when a single word needs
        one, so that a story without quotations costs nothing.
        """
        if " " in name:
            return name
        self._index()
        return self.full_names.get(name, name)

    def _index(self) -> None:
        while self.indexed < len(self.history):
            text = self.history[self.indexed]
            self.indexed += 1
            for match in _name_runs(text)[0]:
                run = match.group()
                if " " not in run and "\t" not in run:
                    continue  # one word is never a full name
                at = match.start()
                if _german_noun_first(text, at):
                    run = run.split(None, 1)[1]  # "in erster Linie Trassen": see below
                    if " " not in run or run[:1].islower():
                        continue  # "der Chef von Flixbus": the noun's complement
                found = _full_name_of_run(run)
                if found is not None:
                    name, words = found
                    for word in words:
                        self.full_names[word] = name

    def knows(self, word: str) -> bool:
        self._index()
        return word in self.full_names

    def meet(self, name: str, paragraph: int) -> str:
        name = self.person(name)
        words = name.split()
        if len(words) > 1:
            for word in (words[0], words[-1]):
                if word not in FUNCTION_WORDS and not word.endswith("."):
                    self.full_names[word] = name
        self.mentions.append((paragraph, name))
        return name

    def in_reach(self, paragraph: int) -> list[str]:
        """Distinct people named in this paragraph and the one before, newest last."""
        seen: list[str] = []
        for where, name in self.mentions:
            if where >= paragraph - 1 and name not in seen:
                seen.append(name)
        return seen


def _marks_in(text: str, marks: str) -> list[int]:
    """Where any of `marks` stands in `text`, in order: found by `str.find`, which skips in C
    what a pattern's engine would test character by character."""
    places: list[int] = []
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            places.append(at)
            at = text.find(mark, at + 1)
    places.sort()
    return places


def _find_spans(text: str) -> list[_Span]:
    """Quoted spans in reading order; nested quotes stay inside their outer quote."""
    spans: list[_Span] = []
    position = 0
    marks = _marks_in(text, _OPENERS)
    while position < len(text):
        index = bisect.bisect_left(marks, position)
        while index < len(marks) and not _can_open(text, marks[index]):
            index += 1
        if index == len(marks):
            break
        opener_at = marks[index]
        closer_at = _find_closer(text, opener_at, _PAIRS[text[opener_at]])
        if closer_at < 0:
            position = opener_at + 1
            continue
        inner = text[opener_at + 1 : closer_at].strip()
        if text[closer_at] == "’" and inner.endswith("’"):
            inner = inner[:-1].rstrip()  # closed by "’’"
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
    if after.isspace():
        # French « guillemets » take a space; “ Space is hard” is a typo for “Space…”.
        following = text[index + 2 : index + 3]
        return char in "«»" or (char in "“„" and following.isupper())
    return True


@functools.cache
def _closer_re(closers: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(closers)}]")


def _find_closer(text: str, opener_at: int, closers: str) -> int:
    limit = min(len(text), opener_at + _MAX_QUOTE)
    # Searched in C: an opener never closed would be a character-by-character walk.
    for match in _closer_re(closers).finditer(text, opener_at + 1, limit):
        index = match.start()
        char = text[index]
        if char in "’'‘" and index + 1 < len(text) and text[index + 1].isalpha():
            continue  # an apostrophe inside a word: it’s, don’t
        if char == text[opener_at] and char in '”"' and index == opener_at + 1:
            continue
        if char == "’" and text[opener_at] == "“":
            if text[index + 1 : index + 2] != "’":
                continue  # "the players’ union": an apostrophe, not two closing a quote
            return index + 1
        return index
    return -1


# A quotation opened after a colon: `Shapps said on Twitter: “The latest data …`.
_OPENED_AFTER_COLON = re.compile(r":\s*([“„«\"])\s*(?=\w)")


def _speech_going_on(text: str, spans: list[_Span]) -> _Span | None:
    """A quotation opened after a colon and never closed in the paragraph goes on into the
    next one, as British papers print a speech of several paragraphs: it is quotation to the
    paragraph's end (the end of a sentence)."""
    after = spans[-1].end if spans else 0
    if text.find(":", after) < 0:
        return None  # no colon after the last quotation: most paragraphs, found in C
    opening = next(reversed(list(_OPENED_AFTER_COLON.finditer(text, after))), None)
    if opening is None or text.rstrip()[-1:] not in ".!?…":
        return None
    mark = opening.group(1)
    if _find_closer(text, opening.start(1), _PAIRS[mark]) != -1:
        return None
    end = len(text.rstrip())
    return _Span(opening.start(1), end, text[opening.end() : end].strip())


def _masked(text: str, spans: list[_Span]) -> str:
    """The narration: every quotation replaced by mask characters of the same length."""
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position : span.start])
        # A quotation that ends a sentence ends it in the narration too.
        final = span.text.rstrip()[-1:]
        ending = final if final in ".!?…" else _MASK
        parts.append(_MASK * (span.end - span.start - 1) + ending)
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


@functools.lru_cache(maxsize=256)
def _name_runs(text: str) -> tuple[tuple[re.Match[str], ...], tuple[int, ...]]:
    """The capitalised runs of a paragraph and where they start, found once: both the
    surname index and the people met read them."""
    prefixed = "-" in text and any(prefix in text for prefix in _PREFIX_HYPHENS)
    runs = tuple((_NAME_RUN if prefixed else _CAPITAL_RUN).finditer(text))
    return runs, tuple(map(re.Match.start, runs))


@functools.lru_cache(maxsize=256)
def _sentence_ends(narration: str) -> tuple[int, ...]:
    # The pattern judges each mark where it stands (see `_marks_in`).
    marks = _marks_in(narration, ".!?…")
    judged = map(_SENTENCE_END.match, itertools.repeat(narration), marks)
    return tuple(itertools.compress(map((1).__add__, marks), judged))  # each end after its mark


def _sentence_start(narration: str, position: int) -> int:
    ends = _sentence_ends(narration)
    index = bisect.bisect_right(ends, position) - 1
    return max(ends[index] if index >= 0 else 0, position - _MAX_SENTENCE)


def _stretch_sentence_start(narration: str, start: int, position: int) -> int:
    """`_sentence_start` of `narration[start:]` at `position`, from the narration's sentences
    rather than the stretch's own, which would be found again: a stretch opens the narration
    or follows a quotation, so whether a mark before `position` ends a sentence is read
    alike in both (its look-ahead stops at `position`'s word, its look-behind at the
    quotation's last mark)."""
    return max(_sentence_start(narration, start + position) - start, 0)


def _sentence_reaches(narration: str, places: list[int], end: int) -> list[list[int]]:
    """Where a word can stand in the sentence of one of `places` (in order) after it, up to
    `end`: from each place to its sentence's end (see `_sentence_start`, which a word after
    that end, or 1,000 characters on, no longer reaches back from), merged, each ending
    where no word is cut in two."""
    reaches: list[list[int]] = []
    for place in places:
        stop = min(_sentence_end(narration, place) + 1, end)
        if stop < end and _TOKEN_CHAR.match(narration, stop - 1):
            word = _TOKEN.match(narration, stop)  # the word the stop cuts, if it cuts one
            if word:
                stop = min(word.end(), end)
        if reaches and place <= reaches[-1][1]:
            reaches[-1][1] = max(reaches[-1][1], stop)
        else:
            reaches.append([place, stop])
    return reaches


def _sentence_end(narration: str, position: int) -> int:
    ends = _sentence_ends(narration)
    index = bisect.bisect_left(ends, position + 1)
    return min(ends[index] if index < len(ends) else len(narration), position + _MAX_SENTENCE)


def _opens_sentence(narration: str, position: int) -> bool:
    """Whether only a sentence end (or nothing) stands before `position`; looks back a little."""
    before = narration[max(0, position - 10) : position].rstrip()
    return (not before and position <= 10) or before[-1:] in (".", "!", "?")


# The possessive "'s", also as the opening mark pages set by mistake ("Kelce‘s mom").
_POSSESSIVE_S = ("’s", "'s", "‘s")
_INTENSIFIERS = frozenset(
    "herself himself themselves selbst selber même mismo misma själv selv".split()
)


@functools.lru_cache(maxsize=4096)  # a story repeats its names
def _clean(name: str) -> str | None:
    name = name.strip(" ,.;:–—-")
    honorific = _HONORIFIC.match(name)
    if honorific:
        name = name[honorific.end() :]
    for suffix in _POSSESSIVE_S:
        name = name.removesuffix(suffix)
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _INTENSIFIERS:
        words.pop()  # "as Ana Roe herself said": Ana Roe
    while words and (
        words[0] in FUNCTION_WORDS
        or words[0].islower()
        or (words[0].casefold() in _PREPOSITIONS and words[0].casefold() not in _PARTICLES)
    ):
        words.pop(0)  # "Neben Morddrohungen": where or when, not who
    titled = [index for index, word in enumerate(words[:-2]) if word in TITLES]
    if titled:
        start = titled[-1]
        while start and words[start - 1] in TITLES:
            start -= 1  # "Chief Justice John Roberts"
        prefix = words[:start]
        if any(w.islower() or w in NOT_PEOPLE or w.endswith(_POSSESSIVE_S) for w in prefix):
            words = words[start:]  # "Pakistan's Chief of Army Staff General Asim Munir"
        if "of" in words[titled[-1] + 3 :]:
            # "Supervisor Alfredo Roe of Napa County": a titled full name, then where from.
            words = words[: words.index("of", titled[-1] + 3)]
    if len(words) > 1 and all(word.isupper() for word in words):
        return None  # "VEA TAMBIÉN", "BREAKING NEWS": a label in capitals, nobody's name
    return " ".join(words) or None


@functools.lru_cache(maxsize=4096)  # a story repeats its names
def _is_person(name: str) -> bool:
    """Not an organisation ("… Ministry"), nor a thing of someone's ("Ukraine’s Donbas")."""
    words = name.split()
    if any(word.endswith(_POSSESSIVE_S) for word in words[:-1]):
        return False
    # "Sender Channel 13", "Zeitung Die Welt": German capitalises the noun of a medium;
    # "Einschätzung von Experten": no name ends like an abstract German noun.
    return not any(
        word.strip(".,’'") in NOT_PEOPLE
        or word.casefold() in PUBLICATION_NOUNS
        or (len(word) >= 8 and word.endswith(_ABSTRACT_ENDINGS))
        for word in words
    )


_ABSTRACT_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "ismus", "nis", "tät", "enz", "anz")


@functools.lru_cache(maxsize=4096)
def _full_name_of_run(run: str) -> tuple[str, tuple[str, ...]] | None:
    """The full name a run of two or more capitalised words is, and the words that stand
    for it alone ("Lin" for "Lin Jian"): its first, its last and the one before."""
    words = run.split()
    while words and words[0] in FUNCTION_WORDS:
        words.pop(0)
    if len(words) < 2 or _DETERMINER_RE.fullmatch(words[0]):
        return None
    if not NOT_PEOPLE.isdisjoint(map(str.strip, words, itertools.repeat(".,’'"))):
        return None
    name = " ".join(words).removesuffix("’s").removesuffix("'s")
    alone = {words[0], words[-2], words[-1]}
    return name, tuple(word for word in alone if not word.endswith("."))


@functools.lru_cache(maxsize=4096)
def _name_of_run(run: str) -> str | None:
    """The name a run of capitalised words can be, wherever it stands, or None: not a
    function word, a role ("Der Minister"), an organisation or a thing of someone's. A
    story repeats its names and, in German, its nouns, so each run is judged once."""
    if run in FUNCTION_WORDS:
        return None
    words = run.split()
    if _DETERMINER_RE.fullmatch(words[0]):
        return None
    if len(words) == 1 and run.isalpha():
        # What `_clean` makes of a plain word, without its work; "į": Ā-Ž holds lowercase too.
        return None if run in NOT_PEOPLE or run.islower() else run
    cleaned = _clean(run)
    return cleaned if cleaned and _is_person(cleaned) else None


@functools.lru_cache(maxsize=64)
def _words_of(text: str) -> tuple[str, ...]:
    """The words of a quotation, found once: whether it is a title, a name, speech or one
    word are asked of each by several rules."""
    return tuple(_WORD.findall(text))


_WORDS_COUNTED = 9  # the most words a rule asks a quotation's count of to tell apart


@functools.lru_cache(maxsize=64)
def _word_count(text: str) -> int:
    """How many words a quotation has, up to `_WORDS_COUNTED`: the rules only ask whether it
    has fewer than two, three, five or nine, so a long quote is not read to its end."""
    return len(tuple(itertools.islice(_WORD.finditer(text), _WORDS_COUNTED)))


def _is_name_like(text: str) -> bool:
    """“Muslim Interaktiv”, «Wall Street Journal»: every word capitalised, no sentence."""
    words = _words_of(text)
    return bool(words) and all(word[0].isupper() or word[0].isdigit() for word in words)


def _is_title_like(text: str) -> bool:
    """„Die Stadt und die Hunde“, “Best of the Bench.”: title case, short — a title.

    Every word capitalised but the short ones ("of", "the", "und", "die").
    """
    words = _words_of(text)
    return (
        0 < len(words) <= 8
        and words[0][0].isupper()
        and all(word[0].isupper() or word[0].isdigit() or len(word) <= 3 for word in words)
    )


def _is_publication(name: str | None) -> bool:
    """“…”, writes the newspaper The Standard: who reported the words, not who said them."""
    words = (name or "").split()
    return any(word.casefold() in PUBLICATION_NOUNS or word in MEDIA_WORDS for word in words)


def _reports_speech(narration: str, span: _Span) -> bool:
    """Whether the sentence around a short quotation is someone's reported speech, so the
    quoted words are theirs: German's subjunctive of reported speech ("Sie wolle auf dieser
    „starken Grundlage“ aufbauen")."""
    start = _sentence_start(narration, span.start)
    end = _sentence_end(narration, span.end)
    if not _SUBJUNCTIVE.search(narration, start, end):
        return False
    return guess_language(narration[max(0, start - 200) : end + 200]) == "de"


_REPORTING_LINK = re.compile(
    r",\s+[\w’'-]+(?:ant|ando|iendo|ing)\s+(?:que|qu’|qu'|that)\b|\s(?:que|qu’|qu'|that|dass)\s"
)


_STOP_OR_MASK = re.compile(rf"[.!?;{_MASK}]")


def _goes_on_reporting(narration: str, span: _Span, spoken: list) -> bool:
    """`« Je n'ai enfreint aucune règle », a-t-il estimé, soulignant que la rencontre s'était
    déroulée dans les « espaces privés »`: a short phrase in what the same sentence goes on
    to report of the speaker of the quote before it."""
    if not spoken or spoken[-1][1].speaker is None:
        return False
    previous = spoken[-1][0]
    stops = _stops(narration)
    index = bisect.bisect_left(stops, previous.end)
    if index < len(stops) and stops[index] < span.start:
        return False  # another sentence, or another quotation, in between
    return bool(_REPORTING_LINK.search(narration, previous.end, span.start))


@functools.lru_cache(maxsize=256)
def _stops(narration: str) -> tuple[int, ...]:
    """Where the narration's sentences end, clauses stop or quotations stand (`_MASK`):
    looked up for each quotation, never searched for again across what lies between."""
    return tuple(match.start() for match in _STOP_OR_MASK.finditer(narration))


def _named_inside(speaker: str, span: _Span) -> bool:
    """Whether a quotation names the person a pronoun was resolved to: someone the speaker
    talks about ("»Stine og jeg …«, fortæller hun"), so not the speaker."""
    names = {
        word for word in speaker.split() if word[:1].isupper() and len(word) > 2
    } - TITLES  # "As Governor, I …" names no Governor John Rankin
    return bool(names) and not names.isdisjoint(_words_of(span.text))


def _speech_like(text: str) -> bool:
    """A quotation without an attribution counts when it reads like speech, not a label."""
    words = _word_count(text)
    return words >= 5 or (words >= 3 and text.rstrip()[-1:] in ".!?…")


# A name goes on after these ("Dr. Roe", "Rep. Ana Ruiz"): titles, not sentence ends.
_ABBREVIATION = re.compile(
    r"(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Mme|Sr|Sra|Rep|Sen|Gov|Gen|Col|Sgt|Capt|Lt|Rev)\."
)


def _next_word(narration: str, start: int) -> int:
    """Where the next word after `start` begins (the narration's end when none does):
    found where it stands, not on a copy of the rest of the narration."""
    found = _NON_SPACE.search(narration, start)
    return len(narration) if found is None else found.start()


# A particle and one surname after a first name: "von Preen", "van der Berg", not "von der
# Werft Kragsø" nor an acronym.
_VON_SURNAME = re.compile(
    r"(?:von|van)\s+(?:(?:der|den)\s+)?[A-ZÀ-Þ][a-zà-ÿß’'-]+(?![\w’'-])(?!\s+[A-ZÀ-Þ])"
)


def _phrase_after(narration: str, start: int) -> tuple[str, int]:
    """The words after a verb, up to punctuation or a word that starts a place or time."""
    words: list[str] = []
    position = start
    for match in _NON_SPACES.finditer(narration, start):
        token = match.group()
        word = token.strip(",.;:!?()")
        if not word or _MASK in token or (token.startswith("(") and words):
            break
        if words and word in ("dem", "den") and words[-1][:1].isupper():
            break  # "antwortet Keith dem Parteichef Jan Roe": to whom, not who
        if words and _STOP_RE.fullmatch(word):
            named = all(word[:1].isupper() for word in words)
            if not (named and _VON_SURNAME.match(narration, match.start())):
                break  # "sagte Alexander von Preen der Zeitung": "von" goes on the name
        abbreviation = _ABBREVIATION.fullmatch(token)
        words.append(token.rstrip(",;:!?()") if abbreviation else word)
        position = match.end()
        if abbreviation:
            continue  # "M. Peskov", "Dr. Roe": the name goes on
        if token[-1:] in ",.;:!?)" or len(words) >= 9:
            break
    return " ".join(words), position


_RELATIVE = re.compile(r",\s*(?:who|die|der|das|qui|que|quien|som|which)(?:\s+[^,]*)?$")
_APPOSITION = re.compile(r"([^,;:.!?\x00]+),\s*([^,;:!?\x00]{1,90}),\s*$")
# "El periodista ruso, cuyo periódico … de Moscú, advirtió": a relative clause between the
# subject and its verb, however long; it says who the subject is, not who speaks.
_RELATIVE_APPOSITION = re.compile(
    r"(?:^|(?<=,)\s*)([^,;:.!?\x00]+),\s*(?:cuy[oa]s?|quien(?:es)?|whose|who|which|dessen|deren|dont|qui|"
    r"hvis|vars)\s[^;:.!?\x00]{1,200},\s*$"
)
_PARTICIPLE = re.compile(r"(?:ing|ando|iendo|ant)$")
_ADVERB = re.compile(r"[a-zà-ÿ]{3,}(?:ly|mente)")  # "merely said", "finalmente dijo"
_LEADING_NAME = re.compile(rf"^\s*({_NAME}),\s*[^;:!?\x00]{{1,160}}$")
_AUXILIARY = re.compile(
    r"(?:should|would|could|will|have|been|be|is|was|are|were|ist|war|wurde|sind|wird|est|"
    r"était|es|era|fue|var|er|er|seemed|appears)",
    re.IGNORECASE,
)
_CONJUNCTIONS = frozenset("and und et y e og och".split())
# Words that link a clause to the one before without a subject of its own between them and
# the verb: "aunque agregó", "but added", "mais a ajouté".
_CLAUSE_LINKS = frozenset(
    "aunque pero mientras sino but although though while yet aber doch jedoch mais men ma però"
    " mentre".split()
)
_PARTICLES = frozenset("van von de da di du del della".split())
_REFLEXIVES = frozenset("se sich si seg sig".split())
_PREPOSITIONS = frozenset(
    """
    in on at to for from by with of over under during through across against among around
    about into upon between entre zwischen von vom bei mit nach zu zum zur für gegen über
    unter durch ohne aus seit vor hinter neben auf
    im am beim à au aux de du des dans sur par pour avec sans sous vers chez avant al del en para
    por con sin sobre desde hacia tras ante durante während pendant lors di da su per
    tra fra della alla på i
    til fra med af av om
    """.split()
)
_OF = frozenset("of de del du des di della von vom der".split())
# "according to" in one word ("Laut Unterlagen, …"); German "so" opens other sentences too.
_SOURCES = frozenset(form for form in ACCORDING_TO.split("|") if " " not in form) - {"so"}
_ANAPHORA = frozenset("dernier dernière latter último última ultimo ultima".split())
# Words after which a quotation is used as a noun: their “Best of the Bench”, von „…“.
_NOUN_MARKERS = frozenset(
    "their his her its our your my of von vom des sein seine seinen ihr ihre ihren son sa ses "
    "leur su sus suo sua".split()
)
# Pronouns whose gender is plain; German "sie" (she / they) is left unknown.
_GENDERED = {
    **dict.fromkeys("he his him himself han hans ham er ihm ihn il lui él".split(), "m"),
    **dict.fromkeys("she her hers herself hun hende hon henne elle ella lei".split(), "f"),
}
_GENDERED_RE = re.compile(_word_after_non_word(_GENDERED, ignore_case=True) + r"(?![\w’'-])")
_HONORIFIC_GENDER = {
    **dict.fromkeys("Mr Mr. Herr M. Sir".split(), "m"),
    **dict.fromkeys("Mrs Mrs. Ms Ms. Frau Mme Mme. Dame".split(), "f"),
}


def _pronoun(word: str) -> _Speaker:
    return _Speaker(None, pronoun=True, gender=_GENDERED.get(word.casefold()))


def _names_someone(run: str) -> bool:
    """A capitalised run that opens a sentence is a name unless it opens with a preposition
    or another function word: "On Sunday, Mr Lammy said" is when, then who."""
    return run.split()[0] not in FUNCTION_WORDS


_CLOSING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
# When, between a subject and its verb: "Ana Roe last week said", "… at that time asked".
_WHEN_BEFORE_VERB = re.compile(
    r"\s+(?:(?:last|this|next|earlier this|later that)\s+(?:week|month|year|night|weekend)|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|at (?:that|the) time|"
    r"yesterday|on Twitter|on X)$"
)
_WHEN_ENDINGS = ("week", "month", "year", "night", "weekend", "day", "time", "Twitter", " X")


def _phrase_before(narration: str, end: int, floor: int) -> str:
    """The words before a verb back to punctuation: its subject, if it has one there.

    "Lee Baker, a planner in Atlanta, said" and "the minister, Jane Roe, said" give the
    name; ", who said" and ", die sagte" give what the relative clause hangs on; a verb
    after "and" gives "&": its subject is the previous verb's.
    """
    before = narration[floor:end].rstrip()
    if before.endswith(")"):  # else the pattern, anchored at the end, cannot match
        before = _CLOSING_ASIDE.sub("", before)
    before = before.rsplit("(", 1)[-1]  # "(UPS corporate communications said …": inside
    if before.endswith(_WHEN_ENDINGS):  # else the pattern, anchored at the end, cannot match
        before = _WHEN_BEFORE_VERB.sub("", before)  # "Mr. Ruano last week said": when, not who
    words = before.split()
    while words and (
        _BETWEEN_RE.fullmatch(words[-1])
        or _ADVERB.fullmatch(words[-1])
        or words[-1].casefold() in _INTENSIFIERS  # "as Ana Roe herself said"
    ):
        words.pop()
    if len(words) > 1 and words[-1] in ("he", "she") and not words[-2].endswith(","):
        return words[-1]  # "Speaking through an interpreter he added": the subject
    before = " ".join(words)
    if words and (words[-1].casefold() in _CONJUNCTIONS or words[-1].casefold() in _CLAUSE_LINKS):
        return "&"  # "…, aunque agregó que": the subject of the clause before
    relative = _RELATIVE.search(before) if "," in before else None  # it opens with one
    if relative:
        before = before[: relative.start()]
    elif words and words[-1].casefold() in ("who", "der", "die", "qui", "som") and len(words) > 1:
        bare = " ".join(words[:-1])  # "Donald Trump Jr who wrote": the name before "who"
        if _NAME_RUN.search(bare) and bare.endswith(_NAME_RUN.findall(bare)[-1]):
            return _NAME_RUN.findall(bare)[-1]
    leading = _LEADING_NAME.match(before) if "," in before else None
    if (
        leading
        and len(leading.group(1).split()) > 1
        and before.rstrip().endswith(",")
        and _names_someone(leading.group(1))
    ):
        return leading.group(1)  # "James Causey, director of …, an association …, told"
    # Both patterns end with a comma after one of their own: a single comma is ruled out.
    two_commas = before.endswith(",") and before.count(",") > 1
    relative_clause = _RELATIVE_APPOSITION.search(before) if two_commas else None
    if relative_clause:
        before = relative_clause.group(1)
    two_commas = before.endswith(",") and before.count(",") > 1
    apposition = _APPOSITION.search(before) if two_commas else None
    if apposition:
        middle = apposition.group(2).strip()
        names = _NAME_RUN.findall(middle)
        if names and len(names[-1].split()) > 1 and middle.endswith(names[-1]):
            role = middle[: -len(names[-1])].split()
            if all(word[:1].islower() for word in role) and len(role) <= 4:
                return names[-1]  # "the minister, Jane Roe, said" / "…, engineer Jane Roe,"
        before = apposition.group(1)  # "Lee Baker, a planner in Atlanta, said"
    leading = _LEADING_NAME.match(before) if "," in before else None
    if leading and len(leading.group(1).split()) > 1 and _names_someone(leading.group(1)):
        return leading.group(1)
    phrase: list[str] = []
    all_words = before.split()
    while all_words and all_words[-1].casefold() in _REFLEXIVES:
        all_words.pop()  # "la Casa Real se declararon": "se" belongs to the verb
    for index in range(len(all_words) - 1, -1, -1):
        word = all_words[index]
        previous = all_words[index - 1] if index else ""
        if word[-1:] in ",;:.!?)" or _MASK in word:
            break
        if _STOP_RE.fullmatch(word) and not _DETERMINER_RE.fullmatch(word):
            if word in _PREPOSITIONS and index:
                return _before_complement(all_words[:index], word, phrase)
            break
        phrase.insert(0, word)
        if _DETERMINER_RE.fullmatch(word):
            if previous in _PARTICLES:
                continue  # "van der Berg" goes on
            if word.casefold() in _GERMAN_DETERMINERS and previous[:1].isupper() and index > 1:
                continue  # "den Angehörigen der Opfer": a genitive, the phrase goes on
            if previous.casefold() in _PREPOSITIONS:
                # "eine Dame vor dem Stück berichtet": a place or time between the subject
                # and its verb; "difundido por la Casa Real": no subject at all.
                earlier = " ".join(all_words[: index - 1])
                rest = _phrase_before(earlier, len(earlier), 0)
                return rest if rest and _DETERMINER_RE.fullmatch(rest.split()[0]) else ""
            break  # "a Spotify executive": the noun phrase starts here
        if len(phrase) >= 8:
            break
    opening = phrase[0].casefold() if phrase else ""
    if phrase[:1] and phrase[0][:1].isupper() and (opening in _PREPOSITIONS or opening in _SOURCES):
        # "Beim Fest erzählte jemand", "Laut Unterlagen, die … vorliegen, antwortet Keith":
        # where or whose account, and the subject comes after the verb.
        return ""
    return " ".join(phrase)


def _before_complement(earlier: list[str], preposition: str, complement: list[str]) -> str:
    """The subject before a prepositional complement: in `Ana Roe from the Harbour Trust in
    Kragsø says` and `Jan Holm vom Institut für Seefahrt meint` the words after "from",
    "in" and "vom" say where the subject is from, never who speaks. Only a name or a role
    right before the complement counts; anything else is nobody. A particle before one
    surname is part of the name ("Ursula von der Leyen")."""
    surname = [word for word in complement if word not in ("der", "den", "la", "le")]
    if (
        preposition in _PARTICLES
        and len(surname) == 1
        and surname[0][:1].isupper()
        and surname[0] not in NOT_PEOPLE
        and earlier[-1][:1].isupper()
    ):
        name = " ".join([*earlier, preposition, *complement])
        runs = _NAME_RUN.findall(name)
        return runs[-1] if runs and name.endswith(runs[-1]) else " ".join(complement)
    objects = [word for word in complement if not _DETERMINER_RE.fullmatch(word)]
    if objects and not objects[0][:1].isupper():
        # "au cours duquel Muriel Pénicaud a déclaré": the name is not the preposition's
        # object but the subject of a clause inside the complement.
        return " ".join(complement)
    text = " ".join(earlier)
    if not text or text[-1] in ",;:.!?\x00–—":
        return ""
    subject = _phrase_before(text, len(text), 0)
    found = _role_or_name(subject, before_verb=True) if subject else None
    if found is None or found.name is None:
        return ""
    # A noun phrase opening its clause ("A spokesperson for the port said"), not the object
    # of a verb before it ("She closed the meeting by saying"), unless it is a full name.
    opens = (
        not text[: len(text) - len(subject)].strip(" \x00–—-")
        or text[: len(text) - len(subject)].rstrip()[-1:] in ",;:"
    )
    full_name = " " in found.name and _NAME_RUN.fullmatch(found.name) is not None
    return subject if full_name or (opens and len(subject.split()) <= 4) else ""


_GERMAN_DETERMINERS = frozenset(
    "der die das den dem ein eine einer einem eines einige mehrere".split()
)


# Not also Nordic ("den", "ein"): their roles are lowercase ("den tidligere ministeren").
_GERMAN_ONLY_DETERMINERS = _GERMAN_DETERMINERS - {"den", "ein"}
_ONE_OF = re.compile(
    r"(?i:one|uno|una|l’une?|l'une?|einer|eine|en|ett)\s+(?:of|de|des|der|av)\s+"
    r"(?:(?i:the|los|las|les|la|el|dem|den|de)\s+)?"
    r"(?:[a-zà-ÿß][\w-]+\s+(?=[A-ZÀ-Þ]))?[\w-]+"  # "einer der bekifften Wissenschaftler"
)


def _role(words: list[str]) -> str | None:
    """A role from its determiner: "the coach", "ein Polizeigewerkschafter".

    Its next word must be a word of its own (not "–", "og", "avant"): "det – og nu også"
    is no role.
    """
    partitive = _ONE_OF.match(" ".join(words[:5]))
    if partitive:
        return partitive.group()  # "one of the survivors", "uno de los vecinos"
    if len(words) < 2 or not words[1][:1].isalnum() or _STOP_RE.fullmatch(words[1]):
        return None
    if words[1].casefold() in _CONJUNCTIONS or words[1].casefold() in _PREPOSITIONS:
        return None
    role: list[str] = [words[0]]
    for word in words[1:6]:
        if _AUXILIARY.fullmatch(word) or _STOP_RE.fullmatch(word):
            break
        if word.casefold().startswith(("qu’", "qu'")) or word.casefold() in _RELATIVES:
            return None  # "le récit qu’elle livre": a clause, not who spoke
        if len(role) > 1 and word in ("dem", "den"):
            break  # "der Trainer dem Sender": to whom, not part of the role
        if len(role) > 1 and word.endswith(("ed", "ing")) and word.islower():
            break  # "one geologist quoted by …", "a spokesperson confirming …": no participle
        if len(role) > 1 and word.endswith(("ó", "ò")) and word.islower():
            break  # "el capitán continuó diciendo": a preterite by its form, the verb
        role.append(word)
        aged = word == "Jahre" and role[-2].isdigit() and words[len(role) : len(role) + 1]
        if aged and words[len(role)].startswith("alt"):
            continue  # "der 35 Jahre alte Aufbauspieler": the noun comes after the age
        if words[0].casefold() in _GERMAN_DETERMINERS and word.rsplit("-", 1)[-1][:1].isupper():
            rest = words[len(role) : len(role) + 2]
            if (
                len(rest) == 2
                and rest[0] in ("des", "der", "eines", "einer")
                and rest[1][:1].isupper()
            ):
                role.extend(rest)  # "ein Vertreter eines Nachrichtendienstes"
                for more in words[len(role) : len(role) + 2]:
                    if not more[:1].isupper() or more in _OF:
                        break
                    role.append(more)  # "die Partei des Religiösen Zionismus"
            elif len(rest) == 2 and rest[0] == "für" and rest[1][:1].isupper():
                role.extend(rest)  # "das Institut für Seefahrt": a body's whole name
            break  # German: the role ends at its noun
    if words[0] in ("dem", "einem", "des", "eines"):
        return None  # "oder dem ICE": to whom or whose, never who (German dative, genitive)
    if words[0].casefold() in _GERMAN_ONLY_DETERMINERS and not any(
        word[:1].isupper() or word[:1].isdigit() for word in role[1:]
    ):
        return None  # "die man ihm angetan habe": German capitalises a role's noun
    rest = words[len(role) : len(role) + 1]
    if role[-1][:1].isupper() and rest and rest[0][:1].isupper():
        return None  # cut inside a name ("du Village Augustin" of "Augustin Tran Van Chau")
    return " ".join(role) if len(role) > 1 else None


_POSSESSIVES = frozenset(
    "his her their its sein seine ihr ihre son sa ses leur su sus suo sua hans hennes deres".split()
)
_RELATIVES = frozenset("que qui who which that dont".split())
# A singular possessive and the gender of its owner, where the word gives it away (French
# and Spanish agree with the thing owned, German "ihr" may be theirs).
_POSSESSOR_GENDER: dict[str, str | None] = {
    **dict.fromkeys("his sein seine seinen seinem seiner seines hans".split(), "m"),
    **dict.fromkeys("her hennes hendes".split(), "f"),
    **dict.fromkeys("son sa ses su suo sua".split(), None),
}


# An acronym and the lowercase nouns of a part of it: "UPS corporate communications" (a
# capitalised word alone may open any sentence: "Få dage senere fortalte …").
_NAMED_UNIT = re.compile(rf"({_NAME_WORD})((?:\s+[a-z][a-z-]{{2,}}){{1,3}})")
_UNIT_NOT_NOUNS = frozenset(
    "first last has had have was were is are will would could should can may might must "
    "did does do not never always who which that".split()
)


def _bare_plural_role(word: str) -> bool:
    """English names a group of people without an article: "doctors told", "residents
    said". A plural whose singular reads as a person's noun ("doctor", "resident")."""
    return (
        word.islower()
        and word.isalpha()
        and word.endswith("s")
        and not word.endswith(("ss", "ments", "ions"))  # "documents said": not people
        and bool(_PERSON_NOUN.fullmatch(word[:-1]))
    )


@functools.lru_cache(maxsize=1024)
def _role_or_name(phrase: str, *, before_verb: bool) -> _Speaker | None:
    """A speaker phrase: a pronoun, a name (the apposition when one follows) or a role.

    Several rules ask about the same phrase, so each answer is kept: the speaker returned
    is shared, and no caller changes it."""
    words = phrase.strip(" ,.;:").split()
    if not words:
        return None
    if before_verb and any(_AUXILIARY.fullmatch(word) for word in words[1:]):
        return None  # "the couple should have been": not a subject of the verb
    if before_verb and any(word.casefold() in _CONJUNCTIONS for word in words[:-1]):
        described = _DESCRIBED_NAME.fullmatch(" ".join(words))
        if described and _is_person(described.group(1)):
            return _Speaker(_clean(described.group(1)))  # "minister of mines and energy Tom Roe"
        return None  # "Tom Ash and Rolf Berg argued": two people, not one speaker
    pronoun = words[-1 if before_verb else 0]
    if _PRONOUN_RE.fullmatch(pronoun) and (
        len(words) == 1 or before_verb or not words[1][:1].isupper()
    ):
        return _pronoun(pronoun)  # "sagte er weiter", "sagte sie dem Sender"
    if _PARTICLE_NAME.fullmatch(" ".join(words)):
        return _Speaker(" ".join(words))
    if _NAME_RUN.fullmatch(" ".join(words)) and not _DETERMINER_RE.fullmatch(words[0]):
        name = _clean(" ".join(words))  # "Sarah van der Berg": a name, "der" is no article
        return _Speaker(name) if name else None
    start = next((i for i, word in enumerate(words) if _DETERMINER_RE.fullmatch(word)), None)
    if start and words[start - 1].casefold() in _OF:
        return None  # "[una fuente al] interior de la Comisión": a complement, its head cut off
    if start is not None and (start == 0 or before_verb) and start < len(words) - 1:
        words = words[start:]
        text = " ".join(words)
        names = [
            " ".join(name.split()[1:]) if _DETERMINER_RE.fullmatch(name.split()[0]) else name
            for name in _NAME_RUN.findall(text)
        ]
        if names and words[0].casefold() in _GERMAN_ARTICLES and text.endswith(names[-1]):
            run = names[-1].split()
            if len(run) > 2 and len(text.split()) == len(run) + 1:
                # "der Arzt Hilary Jones": German capitalises the noun of the role; the name
                # comes after it ("der Tessiner Ständerat" is no name).
                return _Speaker(_clean(" ".join(run[1:])))
        # "the resort's general manager Garrett Turta": the name ends the role; not so in
        # "el team principal de Red Bull" or "der 86-Jährige dem Sender RPP" (its complement).
        last = names[-1].split()[-1:] if names else []
        titled = bool(last) and last[0].casefold() in _TITLE_NOUNS  # "the Conservative MP"
        if names and len(names[-1].split()) > 1 and text.endswith(names[-1]) and not titled:
            role_words = text[: -len(names[-1])].split()[1:]
            # "der für die Aufsicht zuständige Vizechef Michael Barr": a clause inside the
            # role, but the word before the name describes it, so the name is the person.
            described = bool(role_words) and role_words[-1].islower() and role_words[-1].isalpha()
            if (
                described
                and role_words[-1].casefold() not in _PREPOSITIONS
                and not _STOP_RE.fullmatch(role_words[-1])
                and not _DETERMINER_RE.fullmatch(role_words[-1])
                and _is_person(names[-1])
                and not any(w in _OF or w in ("eines", "einer") for w in role_words)
            ) or not any(
                _STOP_RE.fullmatch(w) or _DETERMINER_RE.fullmatch(w) or w in _OF for w in role_words
            ):
                return _Speaker(_clean(names[-1]))
        if len(words) == 2 and words[1].casefold() in _ANAPHORA:
            return _Speaker(None, pronoun=True)  # "ce dernier", "the latter": the last named
        role = _role(words)
        return _Speaker(role) if role else None
    text = " ".join(words)
    if before_verb and len(words) == 1 and _bare_plural_role(words[0]):
        return _Speaker(words[0])  # "when doctors told those at the hospital: “…”"
    possessive = len(words) >= 2 and words[-2].endswith(_POSSESSIVE_S) and words[-1].islower()
    if before_verb and possessive:
        return _Speaker(" ".join(words[-2:]))  # "TNO's report said"
    unit = _NAMED_UNIT.fullmatch(text) if before_verb else None
    acronym = unit is not None and sum(char.isupper() for char in unit.group(1)) >= 2
    if (
        unit
        and acronym
        and not any(
            _BETWEEN_RE.fullmatch(word) or _ADVERB.fullmatch(word) or word in _UNIT_NOT_NOUNS
            for word in unit.group(2).split()
        )
    ):
        return _Speaker(text)  # "UPS corporate communications said"
    names = list(_NAME_RUN.finditer(text))
    if not names:
        return None
    head = words[0]
    if (
        before_verb
        and head.isalpha()
        and head.islower()
        and len(words) <= 5
        and text[: names[-1].start()].split()[-1:] in ([w] for w in _OF)
        and not (_STOP_RE.fullmatch(head) or head in _OF or _BETWEEN_RE.fullmatch(head))
    ):
        return _Speaker(text)  # "fuentes de Montecon dijeron": who, of where
    multiword = [name for name in names if len(name.group().split()) > 1]
    if before_verb:
        name = names[-1]
        if name.end() < len(text):
            return None  # "Trump first called on Congress": the name is not right before
    else:
        ending = [name for name in multiword if name.end() == len(text)]
        name = ending[-1] if ending else multiword[0] if multiword else names[0]
        if not multiword and name.start() > 0:
            return None
    cleaned = _clean(name.group())
    return _Speaker(cleaned) if cleaned else None


# Lowercase words describing a person, then the person's full name: the "and" inside the
# description ("minister of mines and energy Tom Roe") joins no two people.
_DESCRIBED_NAME = re.compile(rf"(?:[a-zà-ÿß][\w’'-]*\s+)+({_NAME_WORD}(?:\s+{_NAME_WORD})+)")
# A sentence that points back at the quotation before it: "Así ha resumido X".
# A count before a capital makes it a unit or a noun, not a person ("400 Millionen Euro");
# a year does not ("In 2020 Biden won").
_COUNT = re.compile(r"\d{1,3}(?:[.,]\d+)?")
_COUNT_WORDS = frozenset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert "
    "tausend two three four five six seven eight nine ten dos tres cuatro cinco deux trois "
    "quatre cinq tre fem".split()
)
_GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_GERMAN_ARTICLES = frozenset("der die das dem des einer einem eines im am zum zur vom beim".split())
_PLACE_NOUN_ENDINGS = ("land", "stadt", "dorf", "staat", "region", "kanton", "provinz", "ort")
_OPENING_GERMAN_ARTICLES = frozenset("Der Die Das Dem Den Des Ein Eine Einer Einem Eines".split())
_GERMAN_POSSESSIVES = frozenset(
    stem + ending
    for stem in "sein ihr unser mein dein euer".split()
    for ending in "e en er es em".split()
)
_BEFORE_ADJECTIVES = frozenset(
    "der die das dem des ein eine einer einem eines im am zum zur vom beim in mit von aus nach "
    "bei zu auf für über unter vor gegen durch ohne".split()
)


def _german_noun_first(text: str, at: int) -> bool:
    """Whether the capital at `at` is a German noun by what stands before it: an article
    ("der Arzt Hilary Jones"), a possessive ("von seinem Wohnort Barcelona"), or one of those
    or a preposition and then an adjective ("dem israelischen Sender Channel 13", "in erster
    Linie Trassen"). Two words looked up, not a pattern searched: every run asks."""
    if not text[at - 1 : at].isspace():
        return False
    words = text[max(0, at - 40) : at].rsplit(None, 2)[-2:]
    if not words:
        return False
    last = words[-1].casefold()
    if last in _GERMAN_ARTICLES or last in ("ein", "eine") or last in _GERMAN_POSSESSIVES:
        return True
    return (
        len(words) == 2
        and words[-1].isalpha()
        and words[-1].islower()
        and last.endswith(_GERMAN_ADJECTIVE_ENDINGS)
        and words[0].casefold() in _BEFORE_ADJECTIVES
    )


_POINTS_BACK = re.compile(
    r"\s*(?:Así|So|Thus|Ainsi|Così|Sådan|Slik|Så|Con esas palabras|With these words|"
    r"Mit diesen Worten|Avec ces mots|Con queste parole)\s+"
)
_NOT_A_PERSON_AFTER = _Words(
    rf"{DETERMINERS}|told|tells|to|gegenüber|zu|til|till|à|au|al|a|dem|des|del|du|"
    r"via|on|in|at|from|by|for|with|between|entre|zwischen|im|am|beim|vom|mit|nach|bei|für|"
    r"gegen|über|unter|durch|"
    r"ohne|aus|seit|i|på|en|dans|sur|avec|pour|par|sans|con|sin|por|med|mot|fra|uden|"
    # "cuyo periódico Novaya Gazeta", "the newspaper Le Monde": a publication's name
    + "|".join(sorted(PUBLICATION_NOUNS))
)
# "It says", "peut-on lire": words one can read somewhere, said by nobody in particular.
_ONE_READS = (
    "heißt es|hieß es|står det|stod det|heter det|hette det|peut-on lire|lit-on|"
    "pouvait-on lire|se lee|se leía|si legge"
)
_IMPERSONAL = re.compile(
    rf"(?i:{_ONE_READS}|lyder det|lød det|låter det|lät det|it says|it said|it reads|it read)"
    r"(?=\s*[.,;]|\s*$)"
)
# "It says in": where the words are written, which is what says them.
_WRITTEN_IN = re.compile(rf"(?i:{_ONE_READS})\s+(?i:in|im|i|dans|en|nel|nella)\s+")
_REPORTED_BY = re.compile(
    r"(?i:as|wie|comme|como|come|som)\s+([^,.;:!?\x00]{1,60}?)\s+"
    r"(?i:reported|reports|berichtet|berichtete|meldet|meldete|rapporte|a rapporté|informa|"
    r"informó|riporta|rapporterer|rapporterar|skriver|schreibt)\b"
)
_HYPHENATED_NAME = re.compile(
    rf"(?:[a-z]{{1,3}}-)?{_UPPER}[\w’']*(?:-{_UPPER}[\w’']*)+|[A-Z][a-z]{{0,2}}-{_UPPER}[\w’']+"
)
# Verbs that class something as the quoted words: "classé « cancérogène probable »",
# "hält … für „plausibel“", "rejected … as “biased”", "referred to as police “spying”".
_CLASSED_AS = re.compile(
    r"(?<![\w’'-])(?:class[ée]e?s?|considér[ée]e?s?|hält|hielt|halten|rejected|dismissed|"
    r"referred to as|described as|called|qualifi[ée]e?s?)\b[^.;:!?\x00]{0,50}"
    r"(?:\b(?:als|as|für|comme|de)\s+)?(?:[\w’'-]+\s+){0,2}$"
)
# Verbs of calling, and of holding something for something ("hält … für", no verb of
# speech), that put their subject second.
_CLASSING_V2 = V2_CALLING_VERB_FORMS | {"hält", "hielt"}


def _classing_subject(narration: str, span: _Span) -> _Speaker | None:
    """ "…, hält das Gericht für „plausibel“", "bezeichnete sie es als „…“": the German or
    Nordic verb puts its subject after it, unless the subject opens the sentence."""
    floor = max(_sentence_start(narration, span.start), span.start - 80)
    lead = narration[floor : span.start]
    verbs = _verbs(lead, _CLASSING_V2)
    if not verbs or _MASK in lead[verbs[-1].end() :]:
        return None
    opening = lead[: verbs[-1].start()].strip(" \x00").split()
    if 1 < len(opening) <= 4 and _DETERMINER_RE.fullmatch(opening[0]) and opening[0][0].isupper():
        return _role_or_name(" ".join(opening), before_verb=True)  # "Der Verband hält …"
    found = _after_verb(lead, verbs[-1].end())
    return found if found and (found.pronoun or found.name) else None


_AS_BEFORE = re.compile(r"\b(?:as|als|comme|como|come|som|qualifié de)\s*$")
_APPOSITION_TAIL = re.compile(rf"[\s,:]*(?:{_NAME})?[\s,:\x00]*")
# "Sondland, a wealthy hotelier", "Sondland has": a sentence opening with a person.
_APPOSITION_OR_AUXILIARY = re.compile(
    # Not German "ist", "war": "Geplant ist", "Klar war" front what is not a person.
    rf",\s+(?:{DETERMINERS})\s|\s+(?:has|had|is|was|hat|hatte|est|a|ha|har|hade)\s",
    re.IGNORECASE,
)
# German puts the subject after the auxiliary when something else opens the clause: "…“,
# hat Hendel dem Sender erzählt", "Gestern hatte sie der Zeitung gesagt".
_PERFECT_AUXILIARY = re.compile(r"\bh(?:at|atte|abe|ätte)\s+(?=\S)")
_MEDIUM = re.compile(rf"\s+(?:on|sur|auf|en|su|på)\s+{_UPPER}[\w-]*(?=\s+\S)")
_PLACE_BEFORE_SUBJECT = re.compile(
    rf"\s+(?:à|au|aux|dans|sur|lors|durant|al|ante|tras|durante)\s+(?:(?i:{DETERMINERS})\s+)?"
    rf"[\w’'-]+(?=\s+(?:le|la|les|l’|l'|el|los|las|un|une|uno|una)\s+[\w-])"
)
_NORDIC_NOT_NOUNS = frozenset("han hun hon de den det vi jeg jag man også så nu da".split())
_NORDIC_VERBS = frozenset(NORDIC_VERB_FORMS.split())
# "Medrano believes": a sentence-opening word and an English verb after it. Not German, where
# whatever opens a sentence comes before its verb ("Ähnlich sieht es").
_SUBJECT_VERB = re.compile(r" [a-z]{2,}(?:s|ed)\b")
# "says the minister, Jane Roe," / "sier sponsorsjef i TINE, Ann-Kristin Syversen.": the name
# in apposition to the role, after the role's complement.
_APPOSITION_AFTER = re.compile(
    rf"^(?:\s+[a-zà-ÿ]{{1,5}}\s+[^,.;:!?\x00]{{1,40}})?,\s*({_NAME})\s*(?:[,.;:]|$)"
)


_FIRST_PERSONS = frozenset("ich wir jeg vi jag man".split())
_REFLEXIVE_AFTER = re.compile(r"\s+(?:sich|seg|sig)(?=\s+[A-ZÀ-Þ])")
_ADVERBS_AFTER = re.compile(
    r"(?:,?\s+(?i:quant à (?:elle|lui|eux)|de (?:son|leur) côté|à (?:son|leur) tour|por su parte|"
    r"a su vez|primero|first|zunächst|d’abord|d'abord|also|then|later|again|however|further|"
    r"auch|noch|dann|jedoch|allerdings|zudem|"
    r"aber|nun|weiter|dabei|daraufhin|aussi|encore|ensuite|alors|pourtant|cependant|toutefois|"
    r"également|también|además|luego|også|dessuten|anche|inoltre|poi|però|invece))+,?(?=\s)"
)


def _last_word(text: str, end: int) -> list[str]:
    """`text[:end].split()[-1:]`, read back from `end`: splitting all the text before it,
    once for each quotation, took the square of a paragraph's length."""
    stop = min(end, len(text))
    while stop and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start and not text[start - 1].isspace():
        start -= 1
    return [text[start:stop]] if stop else []


def _after_verb(narration: str, end: int) -> _Speaker | None:
    """The speaker named after a verb: `said the coach`, `siger borgmesteren`,
    `says the former editor of the Standard, George Osborne` (the apposition wins)."""
    reflexive = _REFLEXIVE_AFTER.match(narration, end)
    if reflexive:
        end = reflexive.end()  # "ließ sich Wynaendts … zitieren"
    adverbs = _ADVERBS_AFTER.match(narration, end)
    if adverbs:
        end = adverbs.end()  # "note aussi la Drees", "sagte auch der Trainer"
    medium = _MEDIUM.match(narration, end) or _PLACE_BEFORE_SUBJECT.match(narration, end)
    if medium:
        # "a rapporté sur Facebook le porte-parole", "a déclaré à cette occasion le ministre":
        # where or when, then who.
        end = medium.end()
    phrase, phrase_end = _phrase_after(narration, end)
    words = phrase.split()
    verb = _last_word(narration, end)
    nordic_article = len(words) > 1 and words[0] in ("en", "ei", "et")
    nordic_article = nordic_article and bool(verb) and verb[0] in _NORDIC_VERBS
    english_article = words[:1] == ["a"] and bool(verb) and verb[0] in ENGLISH_VERB_FORMS
    particle = _LOWERCASE_PARTICLE_NAME.match(phrase)
    particle = particle if particle and bool(verb) and verb[0] not in PRO_DROP_VERB_FORMS else None
    if not words or (
        _STOP_RE.fullmatch(words[0]) and not nordic_article and not english_article and not particle
    ):
        # "pidió a la población": to whom, not who ("spør en passasjer", "said a
        # dispatcher": who)
        return None
    if any(
        word.casefold() in _CONJUNCTIONS
        and (_DETERMINER_RE.fullmatch(after) or after.casefold() in _POSSESSIVES)
        for word, after in itertools.pairwise(words)
    ):
        return None  # "said the minister and his wife had …": two people, or a clause
    if verb and _plural(" ".join(verb)) and not _CONJUNCTIONS.isdisjoint(words):
        return None  # "glissent Inès et Paul": two people, neither alone
    found = _role_or_name(phrase, before_verb=False)
    if found is None and len(words) == 1 and _bare_plural_role(words[0].strip(",.")):
        found = _Speaker(words[0].strip(",."))  # "“…,” said researchers."
    if found is None and particle:
        found = _Speaker(particle.group())  # "sagt de Decker", "said van der Berg"
    at = phrase_end - 1 if narration[phrase_end - 1 : phrase_end] == "," else phrase_end
    apposition = _APPOSITION_AFTER.match(narration[at:])
    named = found is not None and found.name is not None and " " in found.name
    named = named and found.name[:1].isupper() and not _DETERMINER_RE.fullmatch(words[0])
    if (
        apposition
        and not named  # "comments Ana Roe, Managing Director of …": the name, then her role
        and len(apposition.group(1).split()) > 1
        and _is_person(apposition.group(1))
    ):
        return _Speaker(_clean(apposition.group(1)))
    # "fortalte nordmannen avisa X": the noun is the subject; "siger biolog Ane Berg": a title.
    titled = len(words) > 1 and words[1][:1].isupper()
    noun_first = found is None or (found.name is not None and not phrase.startswith(found.name))
    nordic = bool(verb) and verb[0] in _NORDIC_VERBS and words[0] not in _NORDIC_NOT_NOUNS
    if noun_first and nordic and not titled and words[0].islower() and len(words[0]) > 3:
        # Nordic nouns carry their article: "skriver polisen", "fortalte nordmannen avisa X".
        return _Speaker(words[0].strip(",."))
    return found


# A finite verb by its form, followed by the conjunction that opens what was said or
# thought: "opinó que", "spiegò che", "argued that", "meinte, dass". Group 1: a Spanish or
# Italian preterite or gerund ("Agregando que"), whose subject may be left out.
_COMPLEMENT_WORDS = ("que", "that", "che", "dass")
_COMPLEMENT_VERB = re.compile(
    r"(?<![\w’'-])(?:([a-záéíñú]{2,}i?(?:ó|ò)|[a-zá-ú]{3,}(?:ando|iendo))|[a-z]{3,}ed|[a-zäöüß]{3,}te)"
    r"(?:\s+(?:claro|clear|klar))?,?\s+(?:que|that|che|dass)\s"
)
# Whose view a sentence gives: "Pour la toxicologue, « … »", "Para el ministro, “…”".
_OPINION_OF = re.compile(r"\s*(?:Pour|Para)\s+([^,;:.!?\x00]{2,60}),\s")
# A statement and whose it is: "a statement by X", "eine Stellungnahme der Familie".
_STATEMENT_NOUNS = frozenset(
    "statement Stellungnahme Erklärung Mitteilung Pressemitteilung Aussage communiqué "
    "déclaration comunicado declaración comunicato dichiarazione erklæring uttalelse "
    "pressemelding pressemeddelelse pressmeddelande uttalande reply response answer Antwort "
    "respuesta réponse risposta svar".casefold().split()
)
_STATEMENT_OF = re.compile(
    _word_after_non_word(_STATEMENT_NOUNS, ignore_case=True)
    + r"\s+(?:(?i:by|from|of|der|des|von|vom|de|du|del|della|fra|från)\s+)"
)
_ASIDE_DASH = re.compile(r"\s[–—]\s")


def _could_be_from(text: str) -> bool:
    """Whether `_STATEMENT_FROM` can match: it needs "Von"/"Vom", "Seitens" or "Fra"/"Från"."""
    return "Vo" in text or "Fr" in text or "Seitens" in text


# "Von der Reederei heißt es", "Fra rederiet lyder det": where a statement comes from.
_STATEMENT_FROM = re.compile(
    r"(?:^|(?<=[.!?\x00]))\s*(?:Von|Vom|Seitens|Fra|Från)\s+([^,.;:!?\x00]{2,60}?)\s+"
    r"(?:heißt|hieß|lyder|lød|lät|låter|heter|hette)\s+(?:es|det)\b"
)
# Spanish "Desde la Asociación reclaman …": from a body, a plural verb with no subject.
_FROM_BODY = re.compile(
    r"\s*Desde\s+(?:(?:el|la|los|las|este|esta|estos|estas|dicho|dicha)\s+)?"
    rf"({_UPPER}[\w-]+(?:\s+(?:de|del|de la)?\s*{_UPPER}[\w-]+){{0,3}})\s+"
    r"[a-záéíóúñ]{3,}(?:an|en|aron|ieron)(?![\w’'-])"
)
# After a line of dash dialogue: its comma or mark, a lowercase verb, then who (a pronoun,
# a name, a Nordic noun with its article: "innrømmer Fredrik", "skanderade de", "sa treneren").
_DASH_ATTRIBUTION = re.compile(
    r"(?:,|(?<=[?!])) (?!(?:og|och|men|som|så|når|mens|eller|fordi|hvis|hvor|var|vil|kan|"
    r"skal|har|er|the|and|but|und|aber|que|qui|mais|ifølge|enligt|laut|selon|según|secondo|"
    r"according)\b)"
    rf"[a-zæøåäöé]{{3,}}(?= (?:(?:{PRONOUNS}|de)\b|(?:[a-zæøåäö]{{3,}} )?{_NAME_WORD}|"
    r"[a-zæøåäö]{3,}(?:en|et|na|ne|erne)\b))"
)
# "c'est ainsi qu'il a qualifié", "c'est en ces termes que la ministre a réagi".
_THUS_SAID = re.compile(
    rf"c['’]est (?:ainsi|en ces termes|comme cela|comme ça|ce) qu(?:e\s+|['’]\s*)"
    rf"((?:{PRONOUNS})|(?:(?i:{DETERMINERS})\s+)?[\w’'-]+(?:\s+{_NAME_WORD})*)\s+(?:a\s+)?[a-zé]+"
)
_FIRST_PERSON = re.compile(
    r"(?<![\w’'-])(?:I|(?i:I’m|I'm|my|ich|mir|mich|mein|meine|je|j’|j'|moi|yo|io|jeg|jag|mig|"
    r"meg))(?![\w’'-])"
)
_PLURAL_PRONOUNS = frozenset("they de ils elles ellos ellas loro".split())
_THOUGHT_LINK = re.compile(r", (?:dass|daß|que|qu’|qu'|att|at|che) ")
_UNCLOSED_OPENING = re.compile(r"\s*([“„«»\"‘”])\s*(?=\w)")
_CLOSERS = '”“»«"’'
_GLUED_DASH = re.compile(r"(?<=[.!?…])\s?([–—])\s*(?=[A-ZÀ-Þ])")
_DASH_OPENING = re.compile(r"\s*([–—]|-(?=\s))\s*(?=\w)")
_REFLEXIVE_FIRST = re.compile(r"(?:(?:se|si)\s+|s[’'])(?=\w)")
# The place of an attribution after a quote: a lowercase verb (and a reflexive), then its
# subject; or, in English, the subject, then a verb in -s or -ed ending the clause.
_INVERSION = re.compile(
    rf"(?!(?:{DETERMINERS}|{STOPS}|{PRONOUNS}|und|and|et|y|og|och|e|o|or|oder|ou|das|dies|"
    r"cela|ce|esto|eso|det|was|is|ist|est|es|er|also|so|nur|aber|doch|dann|then|just|only|"
    r"but|mais|pero|men|ma|wie|like|comme|como|come|when|wenn|als|quand|cuando|quando|där|"
    r"where|wo|où|donde|dove)\s)"
    r"[a-zß-ÿ]{3,}(?:\s+(?:sich|se|seg|sig))?(?=\s+\S)"
)
_SUBJECT_THEN_VERB = re.compile(rf"((?:{PRONOUNS})|{_NAME})\s+[a-z]{{3,}}(?:s|ed)(?=\s*[.,;])")


# A role that is someone's age: "der 86-Jährige", "the 52-year-old", "52-åringen".
_AGE_ROLE = re.compile(
    r"(\w+)\s+(?:(?:mittlerweile|inzwischen|erst|heute|now)\s+)?\d{1,3}(?:-| )?"
    r"(?:[Jj]ährige[rn]?|year-old|årige|åringen|åriga|enne|añero|ans|"
    r"Jahre\s+alte[rn]?(?:\s+[\w-]+)?)"
)
_ARTICLE_GENDER = {"der": "m", "le": "m", "el": "m", "il": "m", "la": "f", "die": None}
# "der junge Mann", "the woman", "la mujer": a plain person's noun with a definite article
# stands for someone named before, as an age does ("der 35-Jährige").
_PLAIN_PERSON = re.compile(
    r"(?:(?:der|die|the|le|la|el|il)\s+|l’|l')(?:(?:junge|alte|young|old|jeune|joven|giovane)\s+)?"
    r"(?i:(mann|frau|man|woman|homme|femme|hombre|mujer|uomo|donna))"
)
_NOUN_GENDER = {"mann": "m", "man": "m", "homme": "m", "hombre": "m", "uomo": "m"}


_DEFINITE_ARTICLES = frozenset("the der die le la el il".split())
# Articles and demonstratives that point back at something named: "this ministry".
_BACK_POINTING = _DEFINITE_ARTICLES | frozenset(
    "this that das dieser diese dieses ce cet cette este esta ese esa questo questa".split()
)
# Nouns of kin and company: a description with one is someone related to the person the
# story is about, not that person ("die Mutter" of the victim).
_RELATIONAL_NOUNS = frozenset(
    "mother father son daughter wife husband brother sister friend partner widow "
    "mutter vater sohn tochter ehefrau ehemann bruder schwester freund freundin witwe "
    "mère père fils fille épouse mari frère sœur ami amie veuve madre padre hijo hija esposa "
    "esposo hermano hermana amigo amiga viuda moglie marito fratello sorella mor far søn "
    "sønn datter kone mand mann bror søster syster".split()
)
# Titles, lowercased, as the nouns of descriptions: "the president", "der CEO".
_TITLE_NOUNS = frozenset(title.casefold() for title in TITLES) | frozenset(
    "ceo mp premier vorsitzende vorsitzender abgeordnete abgeordneter konzernchef".split()
)


def _definite_person(name: str) -> bool:
    """ "der Virologe", "el gremialista": a definite article and a person's noun (one
    adjective at most), a description of someone rather than a body or a new voice."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0].casefold() not in _DEFINITE_ARTICLES:
        return False
    noun = words[-1].casefold()
    if _NEW_VOICE.search(noun) or noun.endswith(("ment", "ion", "ung", "ente", "enti")):
        return False
    if noun.endswith("in") and not noun.endswith(("erin", "istin", "entin", "antin", "orin")):
        return False  # "le Kremlin": the German feminine ending only on a person's noun
    noun = noun.rsplit("-", 1)[-1]  # "die ehemalige Grünen-Vorsitzende"
    return noun in PERSON_NOUNS or noun in _TITLE_NOUNS or _PERSON_NOUN.fullmatch(noun) is not None


# A spokesperson, a source: someone new speaking for others, not one described again.
_NEW_VOICE = re.compile(r"sprecher|spokes|portavo|porte-parole|talsm|talsperson|fuente|source")


def _anaphoric_gender(name: str) -> tuple[bool, str | None]:
    """Whether a role is a description of someone named before ("der mittlerweile 21 Jahre
    alte Mann", "the woman"), and the gender its article or noun gives."""
    age = _AGE_ROLE.fullmatch(name)
    if age:
        return True, _ARTICLE_GENDER.get(age.group(1).casefold())
    plain = _PLAIN_PERSON.fullmatch(name)
    if plain is None:
        return False, None
    return True, _NOUN_GENDER.get(plain.group(1).casefold(), "f")


# German reports speech in the subjunctive: "Sie wolle …", "Er mache …", "… sei …".
_SUBJUNCTIVE = re.compile(
    r"(?<![\w’'-])(?:sei|seien|habe|könne|müsse|wolle|solle|werde|dürfe|möge|gebe|wisse|hätten|"
    r"(?:(?:[Ee]r|[Ss]ie|man)\s+(?!alle|beide|gerne|lange|heute|eine|keine|seine|ihre|"
    r"diese|jede|ganze|selbe|gleiche|bereits)[a-zäöüß]{3,}e))(?![\w’'-])"
)
_PLURAL_ENDINGS = ("ron", "an", "en", "ano", "ono", "ero", "nno", "ent", "ont")
# A Spanish or Italian verb in the third person plural after "que"/"no"/"ya": "reclaman".
_PLURAL_VERB = re.compile(r"(?<![\w’'-])(?:no|que|che|non)\s+[a-záéíóú]{3,}(?:an|en|ano|ono)\b")


def _verb_after_adverb(following: str) -> bool:
    """Whether an adverb, then a verb of speech, follow a word: "Trump first called", "Ruiz
    also said", "Holm then told": the word is their subject."""
    words = following.split(None, 2)
    adverb = bool(words) and (
        _BETWEEN_RE.fullmatch(words[0]) or words[0] in ("first", "again", "repeatedly")
    )
    return adverb and len(words) > 1 and _verb_at(words[1], 0) is not None


# After a verb that puts its subject second: a name, German "er"/"sie" (whatever follows:
# "Über seine Freilassung sagte er"), or a Nordic pronoun closing the clause ("Etterpå sa
# han:"), since "Hansen sier han er glad" has the pronoun open what was said.
_NAME_OR_PRONOUN_AFTER = re.compile(
    rf"\s+(?:{_NAME_WORD}|(?:er|sie)(?![\w’'-])|(?:han|hun|hon)(?=\s*[,.:;\x00]))"
)


def _inverted(following: str) -> bool:
    """Whether a verb that puts its subject after it, then its subject, follow a word:
    `Videre fortsetter Jackson`, `Entspannung findet Judy Lybke`, `Über seine Freilassung
    sagte er`: the word is not the subject."""
    verb = _verb_at(following.lstrip(" "), 0)
    if verb is None or verb.group() not in V2_VERB_FORMS:
        return False
    rest = following.lstrip(" ")[verb.end() :]
    return bool(_NAME_OR_PRONOUN_AFTER.match(rest))


_INCISE_PRONOUN = re.compile(r",\s+(?:a-t-|[\w’'-]+-t-|[\w’'-]+-)(il|elle)[.,]\s")


def _verb_word_after_comma(quoted: str) -> bool:
    """Whether a word right after a ", " can open a verb of speech: one, or the auxiliary of
    a pair ("a dit"). Only the words there are read, not all of a long quotation's."""
    at = quoted.find(", ")
    while at >= 0:
        word = _TOKEN.match(quoted, at + 2)
        if word is not None:
            folded = word.group().casefold()
            if folded in SPEECH_VERB_FORMS or folded in _AUXILIARY_FORMS:
                return True
        at = quoted.find(", ", at + 1)
    return False


def _incise(quoted: str) -> _Speaker | None:
    """A quotation interrupted by its own attribution, the marks left around the whole:
    `« Absurde. Ce processus est la norme, explique Antony Fastier, toxicologue. Les études
    … »`, `« Cette loi est mauvaise, affirme-t-elle. Je crois … »`. The verb, set off by a
    comma, then its subject and a comma or full stop."""
    inverted = _INCISE_PRONOUN.search(quoted)
    if inverted:
        return _pronoun(inverted.group(1))
    if not _verb_word_after_comma(quoted):
        return None  # no verb set off by a comma: most quotations, without reading their words
    for verb in _verbs(quoted):
        if not quoted[: verb.start()].endswith(", ") or verb.group() in CALLING_VERB_FORMS:
            continue
        phrase, end = _phrase_after(quoted, verb.end())
        if not phrase or quoted[end - 1 : end] not in (",", ".") or not quoted[end:].strip():
            continue
        found = _after_verb(quoted, verb.end())
        name = found.name if found else None
        if name and (" " in name or _DETERMINER_RE.fullmatch(name.split()[0])):
            return found
    return None


_COMPLEMENTIZER = re.compile(r"\s*,?\s*(?:que|that|dass|daß|che|att|at)\s|\s*,?\s*qu[’']")


def _governed(before: str, verb: _Verb, verbs: tuple[_Verb, ...]) -> bool:
    """Whether a verb stands in what an earlier verb of speech reports, and the quotation is
    not its own words: in `Vásquez remarcó que las tendencias apuntan a la creación de
    espacios “amigables”` the words are Vásquez's; in `recordó que su mamá decía: ‘…’` they
    are the mother's, whose verb introduces them."""
    after = before[verb.end() :]
    if after.rstrip().endswith(":") or len(after.split()) <= 1:
        return False
    return any(
        earlier.end() < verb.start()
        # English may leave "that" out: "He said the government pledged …"
        and (_COMPLEMENTIZER.match(before, earlier.end()) or earlier.group() in ("said", "says"))
        and not any(mark in before[earlier.end() : verb.start()] for mark in ",.;:!?\x00")
        for earlier in verbs
    )


def _is_statement(name: str) -> bool:
    """Whether a phrase is a statement ("un comunicado", "einer Erklärung des Ministeriums"):
    its noun, after the article and adjectives, names words, not who said them."""
    for word in name.split()[:4]:
        folded = word.casefold()
        if folded in _OF:
            return False
        if folded in _STATEMENT_NOUNS:
            return True
    return False


def _plural(verb: str) -> bool:
    """Whether a verb's form is plural by its ending: "afirmaron", "han dicho", "sagten"."""
    return any(word.endswith(_PLURAL_ENDINGS) for word in verb.split())


def _left_out_subject(verb: str) -> _Speaker:
    """The speaker a verb without its subject stands for: whoever is speaking, or, for a
    plural ("afirmaron", "dichiarano", "déclarent"), a group, which only a subject naming
    several people can be ("Los Reyes Felipe VI y Letizia … se declararon")."""
    plural = _plural(verb)
    return _Speaker(None, pronoun=True, gender="pl" if plural else None, left_out=not plural)


def _left_out(narration: str, verb: _Verb) -> _Speaker:
    """ "”, zanjó." / "», ha spiegato.": a verb with its subject left out speaks for whoever
    is speaking. Only where a language leaves subjects out, or where the verb ends the
    clause; a verb followed by a subject the rules could not read ("erklärte der für die
    Aufsicht zuständige Vizechef …") names someone, and guessing the last speaker for it
    would be a wrong speaker: the quotation is attributed, to nobody the rules can name."""
    rest = narration[verb.end() : verb.end() + 2].lstrip()
    if verb.group() in PRO_DROP_VERB_FORMS or not rest or rest[0] in ".,;:!?":
        return _left_out_subject(verb.group())
    return _Speaker(None)


_PERSON_AFTER = re.compile(
    rf",\s+(?:(?:who|som|quien|qui|der|die|che)\s|(?i:{DETERMINERS})\s+[\w-]+|[a-zà-ÿ]+(?:ando|endo|iendo|ing)\s)"
)
# A role, then the name in apposition, then the verb: "colistier de X, JD Vance, a tenu".
_ROLE_THEN_NAME = re.compile(rf"[^,;:.!?\x00]{{1,80}},\s+({_NAME}),\s+(?=[a-zà-ÿ])")
# The lowercase words of a role before the name that ends it ("former harbour master").
_ROLE_BEFORE_NAME = re.compile(r"^(?:[a-zà-ÿß][\w’'-]*\s+){1,4}(?=[A-ZÀ-Þ])")
# A clause before the subject, set off by a comma, opening with a preposition or a
# conjunction of time: "Instead of being cowed, X …", "After the vote, X …".
_FRONTED = re.compile(
    r"(?i:instead|after|before|despite|following|during|when|while|since|although|though|in|"
    r"on|at|for|with|asked|speaking|après|avant|malgré|lors|pendant|tras|después|antes|"
    r"durante|pese|dopo|prima)\b[^,.;:!?\x00]{0,80},\s+(?=[A-ZÀ-Þ])"
)
# Where the clause nearest a colon begins: after a comma or a subordinator.
_LAST_CLAUSE = re.compile(r",\s+|\s(?:que|qu[’']|that|dass|daß|att|at|che)\s*(?=[A-ZÀ-Þ])")
# A lead before a colon ending in its attribution: ", minnes hun", ", qui développe".
_ATTRIBUTION_ENDING = re.compile(
    rf",\s+([a-zà-ÿß][\w’'-]{{2,}})\s+((?:{PRONOUNS})|(?:{_HONORIFICS}?{_NAME}))\s*$"
)
_RELATIVE_ENDING = re.compile(
    rf"({_HONORIFICS}?{_NAME}),\s+"
    r"(?:qui|who|der|die|som|quien|che)\s+[a-zà-ÿß][\w’'-]+(?:\s+[a-zà-ÿß][\w’'-]+)?\s*$"
)
_ENUMERATION_BEFORE = re.compile(rf"{_NAME_WORD},\s+$")
_LOWERCASE_NEXT = re.compile(r"\s+[a-z]")
_COMMA = re.compile(r",\s+")
_PRETERITE = re.compile(r" [a-záéíñú]{2,}i?(?:ó|ò)(?![\w’'-])")
# An adverb set off by a comma before the subject: "Posteriormente, Berríos emitió …".
_FRONTED_ADVERB = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]{3,}(?:mente|ment|ly|weise|vis),\s+(?=[A-ZÀ-Þ])")
# Words that may open a sentence before its subject: "Yet Sondland has…", "Aber Kabayel …".
_OPENING_LINKS = frozenset(
    "Yet But And So Still Meanwhile However Aber Doch Und Auch Denn Mais Et Pourtant Pero Y "
    "Sin Men Og Och Ma E".split()
)


# Nouns for people by their ending: agents, trades, titles, nationalities ("el holandés").
_PERSON_NOUN = re.compile(
    r"[a-zà-ÿß-]{3,}(?:ista|istas|ero|era|dor|dora|ante|ente|ario|aria|ólogo|óloga|ologe|"
    r"ologin|eur|euse|ien|ienne|ier|ière|iste|tore|trice|er|or|ist|ian|in|és|esa|ano|ana|ón|ona|ige|ige[rn]|"
    r"ent|ant|eon|ade|ese|man|woman)"
)


def _names_a_person(words: list[str]) -> bool:
    """Whether the words after a role's article name a person ("eine junge Anwältin", "la
    miembro de la Plataforma", "the skipper"), not a thing ("das Gesamturteil", "la première
    fois"): a noun of the words for people, or one whose ending makes it an agent, a trade
    or a title, among the words before its complement."""
    for word in words[:3]:
        noun = word.strip(",.;:").casefold()
        if noun in _PREPOSITIONS or noun in _OF:
            return False
        if noun in PERSON_NOUNS or noun.endswith("logue"):
            return True
        if noun in _BEFORE_NOUNS or noun.endswith(("ment", "ion")):
            continue
        if _PERSON_NOUN.fullmatch(noun):
            return True
    return False


_BEFORE_NOUNS = frozenset(
    "primer primera nuevo nueva former later other another first new premier première dernier "
    "dernière prochain prochaine ancien ancienne "
    "nouveau nouvelle ehemalige ehemaliger neue neuer".split()
)


# An English article, a lowercase description, a capital: a name (German capitalises nouns,
# but its articles are its own).
_ENGLISH_DESCRIBED = re.compile(r"(?:The|A|An)\s+(?:[a-z][\w-]*\s+){1,3}[A-Z]")


def _person_role(article: str, rest: str) -> str | None:
    """ "El tetracampeón eligió …", "the engineer said": a role whose noun names a person,
    directly after its article and followed by a verb (a lowercase word)."""
    words = rest.split()[:3]
    noun = words[0].casefold() if words else ""
    if noun in _BEFORE_NOUNS:
        return None  # "El primer ministro": an adjective, the noun comes after it
    person = noun in PERSON_NOUNS or (
        _PERSON_NOUN.fullmatch(noun) is not None and not noun.endswith(("ment", "ion"))
    )
    if len(words) < 2 or not person:
        return None  # "the government", "the commission": bodies, not one person
    if not words[1][:1].islower() or not words[1].isalpha() or words[1] in _PREPOSITIONS:
        return None
    if _STOP_RE.fullmatch(words[1]) or words[1] in _CONJUNCTIONS:
        return None
    return f"{article} {words[0]}"


def _coordinated_subject(clause: str) -> _Speaker | None:
    """Who "und betonte", "and said" shares as subject with the verb before "and": the
    sentence's opening name, or its pronoun, first or right after the first verb (German,
    Nordic and French put it there: "Zugleich verteidigte sie … und betonte"), or the
    subject after a verb of speech ending the clause ("…, sagt der Philosoph Jan Roe, und
    fügt hinzu")."""
    verbs = _verbs(clause)
    inverted = bool(verbs) and clause[: verbs[-1].start()].rstrip()[-1:] in (",", _MASK)
    if inverted:
        # "…“, sagt der Philosoph Jan Roe, und fügt hinzu": not "Bennett kritisierte Gideon
        # Roe … und sagte", whose name after the verb is its object.
        _, end = _phrase_after(clause, verbs[-1].end())
        found = _after_verb(clause, verbs[-1].end())
        rest = clause[end:].replace(",", " ").split()
        if found and found.name and all(word.casefold() in _CONJUNCTIONS for word in rest):
            return found
    name = _subject(clause)
    if name and " " in name:
        return _Speaker(name)
    words = clause.split()[:3]
    opening = clause.split()[:8]
    if (
        len(opening) > 2
        and _DETERMINER_RE.fullmatch(opening[0])
        and opening[0][:1].isupper()
        and opening[0].casefold() not in _PREPOSITIONS
        and opening[1][:1].islower()
    ):
        # "El ministro de Exteriores propone que … y recalcó que «…»": the role opening the
        # sentence, up to its verb (a lowercase word after the complement's capital, or the
        # word before "que").
        role = [opening[0]]
        for word, following in itertools.pairwise([*opening[1:], ""]):
            if following.casefold() in ("que", "that", "dass", "che") or (
                word[:1].islower() and role[-1][:1].isupper() and len(role) > 1
            ):
                break
            role.append(word)
        if len(role) > 1 and role[-1].isalpha():
            return _Speaker(" ".join(role))
    for index in (0, 2):
        if len(words) > index and _PRONOUN_RE.fullmatch(words[index]):
            return _pronoun(words[index])
    return None


def _final_name(sentence: str) -> str | None:
    """The full name a sentence ends on, which introduces that person: "Das ist die Aufgabe
    von Co-Chefin Kerstin Wahala.", "So auch der Bürgermeister von Kragsø, Jan Holm."."""
    text = sentence.rstrip(" .\x00")
    runs = _NAME_RUN.findall(text)
    if not runs or not text.endswith(runs[-1]):
        return None
    at = len(text) - len(runs[-1])
    before = text[:at].split()[-1:]
    if before and (before[0].casefold() in _PREPOSITIONS or before[0] == "a"):
        return None  # "… para estudiantes en Panamá Oeste.": a place
    if before and before[0].casefold() in _CONJUNCTIONS:
        return None  # "… auch Ole Marten und Jan Holm.": two people
    # "Aufgabe von Co-Chefin Kerstin Wahala": the name after the complement's particle.
    *complement, last = re.split(r"\s(?:von|de|of|du|del)\s(?=\S+\s+\S)", runs[-1])
    if not complement and _german_noun_first(text, at):
        return None  # "Es fehlen in erster Linie Fähren.": nouns
    name = _clean(last)
    return name if name and " " in name and _is_person(name) else None


def _subject(sentence: str) -> str | None:
    """The person a sentence opens with as its subject, or None.

    A capitalised name (with an apposition after it: "Sondland, a wealthy hotelier …, is")
    followed by a lowercase word, its verb. A sentence that opens with anything else (a
    time, a place, a preposition, a role) gives nothing: German and the Nordic languages put
    their subject after the verb there, and a role is not known to be a person.
    """
    text = sentence[:300].lstrip(" \x00–—-")  # a subject opens its sentence: read no more
    if not text[:1].isupper():
        return None  # "und dann …", a quote's tail: no subject opens the sentence
    first = text.split(None, 1)
    while first and first[0].strip(",") in _OPENING_LINKS:
        text = first[1] if len(first) > 1 else ""
        first = text.split(None, 1)
    fronted = _FRONTED.match(text) or _FRONTED_ADVERB.match(text)
    if fronted:
        text = text[fronted.end() :]  # "But instead of being cowed, Fischer fought back"
        first = text.split(None, 1)
    opening = text.split(None, 1)
    if opening and opening[0][:2] in ("L'", "L’") and len(opening[0]) > 2:
        opening = [opening[0][:2], text[2:]]  # "L'adjoint de …": the article elided
    if len(opening) == 2 and _DETERMINER_RE.fullmatch(opening[0]) and opening[0][:1].isupper():
        named = _ROLE_THEN_NAME.match(opening[1])
        if named and " " in named.group(1) and _is_person(named.group(1)):
            return _clean(named.group(1))  # "Le colistier de Donald Trump, JD Vance, a tenu"
        role = _ROLE_BEFORE_NAME.match(opening[1])
        if role and any(word in _OF or word in _PREPOSITIONS for word in role.group().split()):
            return None  # "El ministro de Exteriores": the capital is the complement's
        text = opening[1][role.end() :] if role else opening[1]  # "the captain Ana Roe"
        if text.split(None, 1)[0].casefold() in PERSON_NOUNS:
            return _person_role(opening[0], text)  # "Eine Frau kommt": German capitalises
        if opening[0].casefold() in _GERMAN_ONLY_DETERMINERS:
            # "Die sexuelle Gewalt, …", "Die Läuferin Eva Roe sagt": the first capital is
            # the noun, a name only after it.
            noun = _NAME_RUN.match(text)
            if noun is None or " " not in noun.group().strip():
                return None
            text = text[len(noun.group().split(None, 1)[0]) :].lstrip()
    match = _NAME_RUN.match(text)
    if match is None and len(opening) == 2 and _DETERMINER_RE.fullmatch(opening[0]):
        return _person_role(opening[0], opening[1])
    if match is None or match.group().split()[0] in FUNCTION_WORDS:
        return None
    if match.group().split()[0].casefold() in _PREPOSITIONS:
        return None  # "Durante su diatriba …": a time or a place opens the sentence
    if _HONORIFIC.match(match.group()) is None and match.group().split()[0] in FUNCTION_WORDS:
        return None
    name = _clean(match.group())
    if not name or not _is_person(name) or _MASK in name:
        return None
    after = re.sub(r"^\s*\([^()]*\)", "", text[match.end() :])  # "X (SPD) sagt", "X („Titel“)"
    if after.startswith(","):
        apposition = re.match(r",[^,;:.!?\x00]{1,100},", after)
        if apposition is None:
            return None
        after = after[apposition.end() :]
    next_word = after.split(None, 1)[:1]
    if not next_word or not next_word[0][:1].islower() or not next_word[0][:1].isalpha():
        return None
    if next_word[0] in _PREPOSITIONS or _STOP_RE.fullmatch(next_word[0]):
        return None
    if next_word[0] in _CONJUNCTIONS or next_word[0] in ("&", "or", "oder", "ou", "o", "eller"):
        return None  # "Tom Ash and Rolf Berg argued": two people, neither the subject alone
    return name


@dataclass(slots=True)
class _Stretch:
    """Narration remembered but not yet read for its sentences' subjects."""

    narration: str
    start: int
    end: int
    named: list[int]  # where people are named in it
    paragraph: int
    time: float  # the speech clock when it was read


class QuoteFinder:
    """Finds quotations paragraph by paragraph, remembering who spoke and who was named.

    Following everyone a story names is most of the cost. Past `deadline` (in
    `time.thread_time()` seconds), so that a page of megabytes is read in bounded time, the
    finder goes on listing every quotation but stops following people: a quotation then
    keeps only the speaker its own attribution names ("…,” said Jane Roe"); a pronoun, a
    left-out subject or a voice carried on gives null, unsure rather than wrong.
    """

    def __init__(self, deadline: float | None = None) -> None:
        self._deadline = deadline
        self._hurried = False
        self._people = _People()
        self._paragraph = 0
        self.last_speaker: str | None = None
        self._last_speaker_at = (-1, -1)  # (paragraph, mention count) when they spoke
        self._introduced: str | None = None  # a speaker the last paragraph ended introducing
        self._pending: str | None = None  # the paragraph before, not read yet (no quotes)
        self._topic: tuple[str, int] | None = None  # the last sentence's person, and where
        self._clock = 0  # counts speeches, to tell whether a topic came after the last one
        self._topic_time: float = 0
        self._speech_time = 0
        self._unread: list[_Stretch] = []  # narration not yet read for the topic
        # Mentions in the sentence of an attribution ("said Ana Roe, who advised Tom Ash."):
        # who the speaker is or whom they told, never a new voice.
        self._asides: set[int] = set()
        self._last_aside = -1  # the newest of them, to skip the set when none is in question
        # Whom the last question was put to, and in which paragraph: "she replied" is them.
        self._asked: tuple[str, int] | None = None

    # --- who a pronoun means -------------------------------------------------------------

    def _referent(self, gender: str | None = None, *, left_out: bool = False) -> str | None:
        """Who "he", "she" or a left-out subject means, or None when it is not plain.

        The last speaker, if nobody of that gender was named since; otherwise the one
        person of that gender the paragraph and the one before name. A left-out subject
        carries on the subject before it, never an object: the person the sentences since
        the last speech are about, else the last speaker, however many people were named
        since without being anyone's subject ("y explicó que … Vladimir Putin ha adquirido
        «…»").
        """
        if gender == "pl":
            topic = self._topic_for("pl")
            joined = topic is not None and any(
                word in _CONJUNCTIONS for word in topic.casefold().split()
            )
            return topic if joined else None
        genders = self._people.genders
        mentions = self._people.mentions
        reach = self._persons_in_reach()
        # No gender ("sie", a left-out subject): anyone; else that gender or one not known.
        compatible = [
            name for name in reach if gender is None or genders.get(name) in (None, gender)
        ]
        paragraph, count = self._last_speaker_at
        speaker = self.last_speaker
        topic = self._topic_for(gender)
        if topic and self._topic_time > self._speech_time and topic != speaker:
            # "the senator said …" then "The Soros family gives … He has stated, “…”": the
            # sentences since the last speech are about someone else.
            return topic
        if left_out and speaker is not None and paragraph >= self._paragraph - 1:
            # A new paragraph about one other person: "Si è detto soddisfatto Matteo Roe.
            # «…», ha scritto" is Roe, not the voice that closed the paragraph before.
            here = {name for where, name in mentions[count:] if where == self._paragraph}
            if paragraph < self._paragraph and len(here) == 1 and speaker not in here:
                newcomer = here.pop()
                if " " in newcomer and _is_person(newcomer):
                    return newcomer
            return speaker
        if speaker and paragraph >= self._paragraph - 1 and genders.get(speaker) in (None, gender):
            newer = self._named_since_last_speech() & set(compatible)
            if not newer - {speaker}:
                return speaker
        if len(compatible) == 1:
            return compatible[0]
        return self._topic_for(gender)

    def _persons_in_reach(self) -> list[str]:
        return [name for name in self._people.in_reach(self._paragraph) if _is_person(name)]

    def _named_since_last_speech(self) -> set[str]:
        """Everyone named since the last speaker spoke, but in the attribution's sentence."""
        mentions = self._people.mentions
        start = self._last_speaker_at[1]
        if self._last_aside < start:
            return {name for _, name in mentions[start:]}
        return {
            mentions[index][1] for index in range(start, len(mentions)) if index not in self._asides
        }

    def _only_person(self) -> str | None:
        """The one person this paragraph and the one before name, if only one."""
        reach = self._persons_in_reach()
        return reach[0] if len(reach) == 1 else None

    def _still_speaking(self) -> str | None:
        """The last speaker, named in this paragraph or the one before, when nobody was
        named since."""
        speaker = self.last_speaker
        if speaker is None or self._last_speaker_at[0] < self._paragraph - 1 or " " not in speaker:
            return None
        if _DETERMINER_RE.fullmatch(speaker.split()[0]) or not _is_person(speaker):
            return None  # a role or a body spoke last, not someone to describe again
        return None if self._named_since_last_speech() - {speaker} else speaker

    def _described_topic(self, description: str) -> str | None:
        """`… jemanden froh: Donald Trump. Der US-Präsident schrieb, er sei „glücklich“`: a
        description of the person the sentences are about, when that is someone's full
        name. Not a relative of theirs ("die Mutter", "his son")."""
        noun = description.split()[-1].rsplit("-", 1)[-1].casefold()
        if noun in _RELATIONAL_NOUNS:
            return None
        topic = self._topic_for(_ARTICLE_GENDER.get(description.split()[0].casefold()))
        if topic is None or " " not in topic or _DETERMINER_RE.fullmatch(topic.split()[0]):
            return None
        speaker = self.last_speaker
        if speaker not in (None, topic) and self._last_speaker_at[0] >= self._paragraph - 1:
            return None  # someone else just spoke: the description may be either of them
        return topic if _is_person(topic) else None

    def _topic_for(self, gender: str | None) -> str | None:
        """The person the last sentence was about, when a pronoun can stand for them: "Yet
        Sondland has amended his testimony — “I now do recall,” he said"."""
        self._read_topic()
        if self._topic is None:
            return None
        name, paragraph = self._topic
        if paragraph < self._paragraph - 1:
            return None
        return name if self._people.genders.get(name) in (None, gender) else None

    def _spoke(self, speaker: str | None) -> None:
        if speaker:
            self._people.spoke.add(speaker)
            self._clock += 1
            self._speech_time = self._clock
            self.last_speaker = speaker
            self._last_speaker_at = (self._paragraph, len(self._people.mentions))

    def _people_named(self, narration: str, start: int = 0, end: int | None = None):
        """The people a stretch of narration names, with where: see `_remember`."""
        end = len(narration) if end is None else end
        runs, starts = _name_runs(narration)
        for match in runs[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
            if match.end() > end:
                continue
            run = match.group()
            name = _name_of_run(run)
            at = match.start()
            if name is None:
                words = run.split()
                if len(words) < 4 or words[0] not in _OPENING_GERMAN_ARTICLES:
                    continue
                # "Der Student Alejandro Donaire floh": an article and its noun open the
                # sentence, then the name.
                rest = " ".join(words[2:])
                name = _name_of_run(rest)
                if name is None:
                    continue
                at = narration.find(rest, at)
            preceding = narration[max(0, at - 30) : at].rsplit(None, 1)
            word_before = preceding[-1] if preceding else ""
            folded_before = word_before.casefold()
            german_article = folded_before in _GERMAN_ARTICLES
            if not german_article and folded_before in _NOT_A_PERSON_AFTER.words:
                continue
            if word_before[:1].isdigit() and _COUNT.fullmatch(word_before):
                continue  # "19 Prozent Mehrwertsteuer": a measure
            if folded_before in _COUNT_WORDS:
                continue  # "sieben Millionen Euro"
            if german_article or (
                word_before.endswith(_GERMAN_ADJECTIVE_ENDINGS)
                and _german_noun_first(narration, at)
            ):
                # "dem israelischen Sender Channel 13", "die erfahrene Läuferin Eva Roe": an
                # article and an adjective make the first capital a German noun (the surname
                # index reads runs the same way).
                rest = run.split(None, 1)
                name = _name_of_run(rest[1]) if len(rest) > 1 and rest[1][0].isupper() else None
                if name is None or rest[0].casefold().endswith(_PLACE_NOUN_ENDINGS):
                    continue  # "im Nachbarland Costa Rica": a place's noun, then its name
                at = narration.find(rest[1], at)
            if " y " in run and _ENUMERATION_BEFORE.search(narration[max(0, at - 40) : at]):
                continue  # "anexionar Kherson, Mykolaiv y Odesa": a list, not "Ortega y Gasset"
            if " " in name or self._people.knows(name) or _titled(run):
                yield at, name  # "Frau Chuba", "Mr Holm": a title makes one word a person
                continue
            following = narration[match.end() : match.end() + 30]
            # A single word is a person when a verb of speech follows ("Campo explica") or
            # it reads as a surname: hyphenated ("Al-Riyami") and not a function word.
            after_quote = narration[max(0, match.start() - 3) : match.start()].rstrip(" ,")
            if (
                (after_quote[-1:] in (_MASK, ",") and _LOWERCASE_NEXT.match(following))
                or (
                    "-" in name
                    and _HYPHENATED_NAME.fullmatch(name)
                    and name not in FUNCTION_WORDS
                    # "Nord-Koreas leder Kim Jong-un": a place's genitive, not a surname
                    and not (name.endswith("s") and re.match(r"\s+[a-zæøåäö]", following))
                )
                or (_verb_at(following.lstrip(" "), 0) and not _inverted(following))
                or _verb_after_adverb(following)  # "Trump first called", "Ruiz also said"
                or (
                    name == run
                    and _opens_sentence(narration, match.start())
                    and (
                        _APPOSITION_OR_AUXILIARY.match(following)
                        or (
                            _SUBJECT_VERB.match(following)
                            and " the " in narration  # English: the rule reads its verbs only
                        )
                    )
                )
            ):
                yield at, name

    def _remember(self, narration: str, start: int, end: int, aside_until: int = -1) -> None:
        """Record the people the narration names between start and end.

        A run of two or more capitalised words counts unless it names an organisation or
        stands after an article or a preposition ("the New York Times", "told Rest of
        World", "die Schweizer Gemeinde"); a single word counts when it is the surname of
        someone already met, or when it is the subject of a verb ("Campo explica",
        "Al-Riyami seemed").
        """
        named: list[tuple[int, str]] = []
        for where, name in self._people_named(narration, start, end):
            if where < aside_until:
                self._last_aside = len(self._people.mentions)
                self._asides.add(self._last_aside)
            named.append((where, self._people.meet(name, self._paragraph)))
            honorific = narration[max(0, where - 5) : where].split()[-1:]
            if honorific and honorific[0] in _HONORIFIC_GENDER:
                self._people.genders.setdefault(named[-1][1], _HONORIFIC_GENDER[honorific[0]])
        # Between the speeches before and after it in time: see `_referent`.
        self._unread.append(
            _Stretch(
                narration, start, end, [at for at, _ in named], self._paragraph, self._clock + 0.5
            )
        )
        self._learn_genders(narration, start, end, named)

    def _learn_subjects(self, stretch: _Stretch) -> bool:
        """The person the last sentence opening in a stretch of narration that names someone
        is about: its subject, or nobody the rules can place. Read from the last sentence
        back, since only the newest one decides; False when no sentence does."""
        narration, start, end = stretch.narration, stretch.start, stretch.end
        ends = _sentence_ends(narration)
        openings = [0] if start == 0 else []
        openings += ends[bisect.bisect_left(ends, start) : bisect.bisect_left(ends, end)]
        for at in reversed(openings):
            sentence_end = _sentence_end(narration, at)
            stop = min(end, sentence_end)
            sentence = narration[at : min(sentence_end, at + 300)]  # quotes in it are masked
            whole = narration[at:stop] if stop - at <= 300 else ""  # a cut sentence cuts names
            subject = _subject(sentence) or _final_name(whole)
            if subject and _anaphoric_gender(subject)[0]:
                continue  # "Dort hat der 21 Jahre alte Mann berichtet": about whom came before
            if subject and " " not in subject:
                where = narration.find(subject, at + len(sentence) - len(sentence.lstrip()))
                described = _ENGLISH_DESCRIBED.match(sentence.lstrip())  # "The elder Soros"
                if not described and not self._named_before(subject, narration, where):
                    subject = None  # "War and unrest can…": one word must be known as a name
            if subject:
                # Not a person met for pronouns to weigh: "Der Trierer Politikwissenschaftler
                # Uwe Jun", but also "Die Schweizer Gemeinde Crans-Montana" open sentences.
                self._topic = (self._people.person(subject), stretch.paragraph)
                self._topic_time = stretch.time
                return True
            if any(at <= where < stop for where in stretch.named):
                self._topic = None  # a sentence about someone the rules cannot place
                return True
        return False

    def _read_topic(self) -> None:
        """Read the stretches remembered since the topic was last asked for, newest first:
        most stories never ask, and then reading sentences for their subjects costs nothing."""
        while self._unread:
            if self._learn_subjects(self._unread.pop()):
                break
        self._unread.clear()

    def _named_before(self, word: str, narration: str, at: int) -> bool:
        """Whether a capitalised word opening a sentence is a name: the surname of someone
        met, or followed by what follows people ("Buckley, who …", "Sondland, a wealthy
        hotelier", "Campo explica"). German capitalises every noun, so a capital proves
        nothing."""
        if word in self._people.spoke or self._people.knows(word):
            return True
        following = narration[at + len(word) : at + len(word) + 40]
        # "Finalmente, indicaron": a comma parts the word from the verb, which is not its own.
        # A Spanish or Italian preterite is a verb by its form: "Berríos emitió".
        verb = _verb_at(following.lstrip(" "), 0) or _PRETERITE.match(following)
        return bool(_PERSON_AFTER.match(following) or verb is not None)

    def _learn_genders(
        self, narration: str, start: int, end: int, named: list[tuple[int, str]]
    ) -> None:
        """ "Ana Roe … and she expects": one person named, then a gendered pronoun."""
        genders = self._people.genders
        # A pronoun teaches a gender only after someone whose gender is not known yet, in
        # their sentence: only those stretches are searched (nobody left: nothing is).
        unknown = sorted(where for where, name in named if name not in genders)
        for reach_start, reach_end in _sentence_reaches(narration, unknown, end):
            for token in _GENDERED_RE.finditer(narration, reach_start, reach_end):
                gender = _GENDERED.get(token.group().casefold())
                if gender is None:
                    continue  # "hım": a case-blind match of another letter, no pronoun
                floor = _sentence_start(narration, token.start())
                people = {name for where, name in named if floor <= where < token.start()}
                if len(people) == 1:
                    self._people.genders.setdefault(people.pop(), gender)

    def _resolve(self, speaker: _Speaker | None) -> str | None:
        if speaker is None:
            return None
        if speaker.pronoun:
            if self._hurried:
                return None  # nobody followed: who "she" is, is not known
            asked, where = self._asked or (None, -1)
            if (
                speaker.replying
                and asked
                and where >= self._paragraph - 1
                and self._people.genders.get(asked) in (None, speaker.gender)
            ):
                return asked  # "a reporter asked Ana Roe, “…?” … “…,” she replied": Ana Roe
            referent = self._referent(speaker.gender, left_out=speaker.left_out)
            if referent and speaker.gender:
                self._people.genders.setdefault(referent, speaker.gender)
            return referent
        name = speaker.name
        if name is not None and _is_statement(name):
            # "die gemeinsame Aussage von DGB-Vertretern", "un comunicado": a statement
            # speaks for whoever made it, when the words say; it is nobody itself.
            owner = _STATEMENT_OF.search(name)
            return _clean(name[owner.end() :]) if owner else None
        is_role = name is not None and bool(_DETERMINER_RE.fullmatch(name.split()[0]))
        anaphoric, gender = _anaphoric_gender(name) if is_role and name else (False, None)
        if anaphoric and not self._hurried:
            # "sagte der 86-Jährige", "said the 52-year-old", "sagt der Mann": the person
            # named before, when a pronoun of that gender would find one.
            return self._referent(gender) or name
        if is_role and name and not self._hurried and _definite_person(name):
            # "…“, sagt Jonas Roe. „…“, sagt der Virologe": the one who just spoke, when nobody
            # was named since.
            return self._still_speaking() or self._described_topic(name) or name
        if is_role and name and not self._hurried:
            body = self._named_body(name)
            if body:
                return body
        if name and name[0].isupper() and not is_role and _is_person(name):
            return self._people.meet(name, self._paragraph)
        return name

    def _named_body(self, role: str) -> str | None:
        """`… fuentes del Ministerio de Sanidad gazatí … “…”, informó este ministerio`: a
        body named by its noun alone is the body whose full name, opening with that noun,
        the paragraph or the one before gave."""
        words = role.split()
        if len(words) != 2 or words[0].casefold() not in _BACK_POINTING or not words[1].islower():
            return None  # "La Chine" is a name with its article already
        noun = words[1].casefold()
        capital = words[1][:1].upper() + words[1][1:]
        for text in reversed(self._people.history[-2:]):
            if capital not in text:
                continue  # most roles: no capitalised body of that noun to search for
            runs = [run for run in _NAME_RUN.findall(text) if run.split()[0].casefold() == noun]
            if runs and " " in runs[-1]:
                return _clean(runs[-1])
        return None

    # --- the rules -----------------------------------------------------------------------

    def _after(self, text: str, narration: str, span: _Span) -> _Speaker | None:
        """Rule 1: the clause right after the closing mark."""
        first = _NON_SPACE.search(narration, span.end)
        if first is None or first.group() == _MASK:
            return None
        first_mark = first.group()
        if first_mark in "([":
            return None  # "«…?» (Die Zeitung berichtete, dass …)": an aside, not who spoke
        opens_clause = first_mark in ",;–—-" or first_mark.islower()
        if not opens_clause and span.text.rstrip()[-1:] not in ",?!…":
            return None
        start = _CLAUSE_OPENING.match(narration, span.end).end()
        inverted = _INVERTED.match(narration, span.end)
        if inverted:
            return _pronoun(inverted.group().rsplit("-", 1)[-1].split()[0])
        thus = _THUS_SAID.match(narration, start)
        if thus:
            # "« Un choc », c'est ainsi qu'il a qualifié …": the clause points back at the words.
            subject = thus.group(1)
            if _PRONOUN_RE.fullmatch(subject):
                return _pronoun(subject)
            found = _role_or_name(subject, before_verb=True)
            if found:
                return found
        according = _ACCORDING.match(narration, start)
        told = according and _verb_at(narration, according.end())
        if told:
            # "«…», según asegura Campo": "according to" with a verb, then who.
            found = _after_verb(narration, told.end())
            if found:
                return found
        if according:
            phrase, _ = _phrase_after(narration, according.end())
            found = _role_or_name(phrase, before_verb=False)
            return _Speaker(found.name, found.pronoun, strong=False) if found else None
        if _IMPERSONAL.match(narration, start):
            # "», peut-on lire.", "“, hieß es.", "– …, lyder det.": written or said by nobody
            # named here. A quotation opening its sentence goes on in the voice of the one
            # before ("Das Ministerium forderte … „…“, hieß es."); one after words of its own
            # sentence is theirs to attribute, or nobody's, never the voice before.
            if not narration[_sentence_start(narration, span.start) : span.start].strip():
                return None
            return _Speaker(None, strong=False)
        reflexive = _REFLEXIVE_FIRST.match(narration, start)
        verb = _verb_at(narration, reflexive.end() if reflexive else start)
        punctuated = first_mark in ",;–—-" or span.text.rstrip()[-1:] in ",?!…"
        if verb and not punctuated and verb.group() not in CALLING_VERB_FORMS:
            punctuated = narration[span.end : verb.start()].strip() == ""  # «…» sagte er
        if verb and punctuated:
            # "”, zanjó." — the subject left out: whoever is speaking.
            return _after_verb(narration, verb.end()) or _left_out(narration, verb)
        if punctuated and verb is None:
            inside = span.text.rstrip()[-1:] in ",?!"  # “…,” Ana Roe shares. / – …! ropte de.
            unlisted = self._unlisted_verb(narration, start, comma=inside)
            if unlisted:
                return unlisted
        written = _WRITTEN_IN.match(narration, start)
        if written:
            # "„…“, heißt es in dem Bericht", "”, står det i åtalet": the text that says it.
            phrase, _ = _phrase_after(narration, written.end())
            words = phrase.split()
            if words and (_DETERMINER_RE.fullmatch(words[0]) or words[0] in ("dem", "den")):
                return _Speaker(_role(words) or phrase)
            found = _role_or_name(phrase, before_verb=False)
            if found and not found.pronoun:
                return found
            if words and words[0].islower() and words[0].endswith(_NORDIC_DEFINITE):
                return _Speaker(words[0])  # "i åtalet": a Nordic noun with its article
        report = _REPORTED_BY.match(narration, start)
        if report:
            # "„…“, wie die Lokalzeitung berichtet": who reported it, not who said it.
            found = _role_or_name(
                _phrase_before(narration, report.end(1), report.start(1)), before_verb=True
            )
            return _Speaker(found.name, strong=False) if found and not found.pronoun else None
        so = _SO.match(narration, start)
        if so:  # „…“, so Kopp.
            return _after_verb(narration, so.end() - 1)
        # “…,” X said / “…,” the coach said: a subject, then the verb.
        window = narration[start : start + 200]
        verbs = _verbs(window)
        honorific = _HONORIFIC.match(window)
        lead = window[honorific.end() if honorific else 0 : verbs[0].start()] if verbs else ""
        leading = _LEADING_NAME.match(lead) if "," in lead else None
        if leading and " " in leading.group(1).strip() and _is_person(leading.group(1)):
            # "”, Dr. Ana Roe, the director of the hospital in …, said": the name, however
            # long its apposition.
            return _Speaker(_clean(leading.group(1)))
        for verb in verbs:
            before = window[: verb.start()]
            # A sentence's end, not a title's abbreviation ("”, Gov. Ana Roe said").
            ended = _SENTENCE_END.search(before + " A") or ";" in before or _MASK in before
            if ended or len(before.split()) > 16:
                break
            found = _role_or_name(_phrase_before(window, verb.start(), 0), before_verb=True)
            if found:
                return found
        return self._sentence_final(narration, start)

    def _unlisted_verb(self, narration: str, start: int, *, comma: bool = False) -> _Speaker | None:
        """`„…“, lacht Kerstin Wahala.` / `“…,” he snaps.`: a verb no list holds, in the place
        after a quotation where only an attribution stands, when its subject is plainly
        someone: a pronoun, a person's full name, a role with its article or a surname met
        before, and the clause ends with it."""
        if (
            not comma
            and not narration[start - 2 : start].strip().startswith(",")
            and not narration[start - 3 : start].strip(" \x00").endswith(",")
        ):
            return None  # after a dash or nothing: not the place of an attribution
        inverted = _INVERSION.match(narration, start)
        if inverted:
            phrase, end = _phrase_after(narration, inverted.end())
            tail = narration[end:].lstrip()
            ends = (
                narration[end - 1 : end] in (".", ",", ";", ":", "!", "?")
                or not tail
                or tail[0] in ".,;:!?\x00"
                or bool(_STOP_RE.fullmatch(tail.split()[0]))
            )
            joined = any(word.casefold() in _CONJUNCTIONS for word in phrase.split())
            if not phrase or not ends or joined:
                return None  # "…“, kam die Glücksgöttin und segnete ihn": a clause goes on
            if phrase.strip(",.;").casefold() in _PLURAL_PRONOUNS:
                return _Speaker(None, pronoun=True, gender="pl")  # "– …! skanderade de."
            found = _after_verb(narration, inverted.end())
        else:
            subject_first = _SUBJECT_THEN_VERB.match(narration, start)
            if subject_first is None:
                return None
            found = _role_or_name(subject_first.group(1), before_verb=True)
        if found is None or (found.name is None and not found.pronoun):
            return None
        if found.pronoun or _DETERMINER_RE.fullmatch(found.name.split()[0]):
            return found
        if " " in found.name:
            return found if _is_person(found.name) else None
        # "”, alertó Murátov, quien …": a Spanish or Italian preterite is a verb by its form,
        # so the word after it is its subject.
        preterite = inverted is not None and inverted.group().endswith(("ó", "ò"))
        # "”, détaille Mme Cardenal": an honorific makes the one word a person's name.
        titled = inverted is not None and _HONORIFIC.match(
            narration, _next_word(narration, inverted.end())
        )
        return (
            found
            if preterite
            or titled
            or self._people.knows(found.name)
            or (inverted is not None and self._ends_with_person(narration, inverted.end()))
            else None
        )

    def _ends_with_person(self, narration: str, start: int) -> bool:
        """`„…“, erinnert Daman.`, `», glisse Zineb, étudiante en lettres.`, `– …, innrømmer
        Fredrik, som …`, `skrek Fredrik til Vetle`: one capitalised word after an unlisted
        verb is a person when the sentence ends with it, or a relative clause, a lowercase
        apposition (a role) or a word of where or when follows it."""
        word = _TOKEN.match(narration, _next_word(narration, start))
        if word is None or word.group() in FUNCTION_WORDS or word.group() in NOT_PEOPLE:
            return False
        rest = narration[word.end() : word.end() + 40]
        following = rest.split(None, 1)[:1]
        if following and _STOP_RE.fullmatch(following[0]):
            return True  # "utbryter Klocke før han …", "skrek Fredrik til Vetle": where, when
        return bool(re.match(r"\s*(?:[.!?]|$)", rest) or _PERSON_AFTER.match(rest)) or bool(
            re.match(r",\s+[a-zà-ÿ]{4,}(?:\s|[,.])", rest)
            and not re.match(rf",\s+(?:{STOPS}|und|and|et|y|og|och)\b", rest)
        )

    def _sentence_final(self, narration: str, start: int) -> _Speaker | None:
        """`… signals a “commitment” to tackling it, says Belinda Schäpe.`: the attribution
        that closes the sentence covers the quotes inside it."""
        end = _sentence_end(narration, start)
        clause = narration[start:end]
        for comma in _COMMA.finditer(clause):
            verb = _verb_at(clause, comma.end())
            # Whether a quotation stands after the comma: looked up, not copied for each comma.
            quoted_after = clause.find(_MASK, comma.end()) >= 0
            if verb and not quoted_after:
                found = _after_verb(narration, start + verb.end())
                # "…, señaló.": the subject left out, whoever is speaking.
                moved = _Verb(start + verb.at, start + verb.until, verb.word)
                return found or _left_out(narration, moved)
            according = _ACCORDING.match(clause, comma.end())
            if according and not quoted_after:
                phrase, _ = _phrase_after(clause, according.end())
                found = _role_or_name(phrase, before_verb=False)
                return _Speaker(found.name, found.pronoun, strong=False) if found else None
        return None

    def _before(self, narration: str, span: _Span) -> _Speaker | None:
        """Rule 2: the sentence before the opening mark."""
        floor = _sentence_start(narration, span.start)
        before = narration[floor : span.start]
        according = next(reversed(list(_ACCORDING.finditer(before))), None)
        told = according and (
            _verb_at(before, according.end()) or _PRETERITE.match(before, according.end() - 1)
        )
        if told:
            # "Según informó la DGSA a la diaria, …", "según dijo el alcalde": a verb after
            # "according to", then who.
            found = _after_verb(before, told.end())
            if found and not found.pronoun:
                return found
        if according and not before[according.end() :].strip(" ,:\x00").count(" ") > 6:
            phrase, end = _phrase_after(before, according.end())
            at = end - 1 if before[end - 1 : end] == "," else end
            named = _APPOSITION_AFTER.match(before[at:])
            if named and " " in named.group(1) and _is_person(named.group(1)):
                return _Speaker(_clean(named.group(1)))  # "According to his aunt, Jane Roe, “…”"
            found = _role_or_name(phrase, before_verb=False)
            if found:
                return found
        verbs_before = _verbs(before)
        for verb in reversed(verbs_before):
            if _governed(before, verb, verbs_before):
                continue  # "Vásquez remarcó que las tendencias apuntan a espacios “…”"
            preceding = before[: verb.start()].split()
            auxiliary = preceding[-1:] in (["a"], ["ha"]) and verb.group().endswith(
                ("é", "ado", "ido", "ato", "uto", "ito")
            )  # "a ordonné", "ha dichiarato": the auxiliary, not the article
            if preceding and _DETERMINER_RE.fullmatch(preceding[-1]) and not auxiliary:
                continue  # "le juge", "the note": a noun, not the verb
            if preceding and _PARTICIPLE.search(verb.group()):
                # "Tester has spoken out against them, calling it “toxic”", "El portavoz,
                # Ana Ruiz, respondió en la radio diciendo: «…»": a participle has no
                # subject of its own; the sentence's subject speaks.
                subject = _subject(before[: verb.start()])
                found = _Speaker(subject) if subject else None
                found = found or self._sentence_subject(before[: verb.start()])
                if found:
                    return found
                if preceding[-1].endswith(","):
                    continue
            perfect = _PERFECT_AUXILIARY.search(before, 0, verb.start())
            if perfect and not before[perfect.end() : verb.start()].count(","):
                # "…, hat Hendel dem Sender erzählt: „…“": the subject after the auxiliary.
                found = _after_verb(before, perfect.end())
                if found:
                    return found
            phrase = _phrase_before(before, verb.start(), 0)
            found = (
                _coordinated_subject(before[: verb.start()])
                if phrase == "&"
                else self._inverted_subject(before, verb, phrase)
                or _role_or_name(phrase, before_verb=True)
            )
            if found:
                return found
            phrase, end = _phrase_after(before, verb.end())
            after = before[end:].strip()
            opening = before[: verb.start()].split()[:1]
            adverbial = bool(opening) and (
                opening[0].casefold() in _PREPOSITIONS or opening[0] in FUNCTION_WORDS
            )
            # "called Ana Roe’s plan “…”", "describing the leader as “…”": whom a verb of
            # calling names is what it calls, not who speaks (German puts its subject there).
            calling = verb.group() in CALLING_VERB_FORMS - V2_CALLING_VERB_FORMS
            if (
                phrase
                and not (calling and not phrase.endswith(":"))
                and (
                    not after
                    or after[0] in ":\x00"
                    or phrase.endswith(":")
                    or (adverbial and _APPOSITION_TAIL.fullmatch(after))
                    or (adverbial and not phrase[:1].isupper() and bool(_NAME_RUN.search(phrase)))
                )
            ):
                # "sagte der Sprecher: „…“": the subject after the verb, right before the quote;
                # a pronoun only there ("Darüber sagte er: „…“").
                found = _after_verb(before, verb.end())
                closes = not after or after[0] in ":\x00" or phrase.endswith(":")
                if found and (not found.pronoun or (closes and len(phrase.split()) == 1)):
                    return found
            if verb.group() in V2_VERB_FORMS:
                # "understreger formand for Naalakkersuisut, Múte B. Egede, ”…”": the name
                # after the role's complement, and only the quote after it.
                found = _after_verb(before, verb.end())
                name = found.name if found and not found.pronoun else None
                if (
                    name
                    and " " in name
                    and not before[before.rfind(name) + len(name) :].strip(" ,:\x00")
                ):
                    return found
        if according and not before[: according.start()].strip(" \x00") and not _verbs(before):
            # "According to federal prosecutors, the ministry “…”": no verb of speech, so the
            # words are the source's, unless it is a publication reporting them.
            phrase, end = _phrase_after(before, according.end())
            words = phrase.strip(" ,").split()
            found = None
            if before[end - 1 : end] == ",":
                found = _role_or_name(phrase, before_verb=False)
                if found is None and 0 < len(words) <= 3 and _bare_plural_role(words[-1]):
                    found = _Speaker(" ".join(words))
            if found and not found.pronoun and not _is_publication(found.name):
                return found
        opinion = _OPINION_OF.match(before)
        if opinion:
            found = self._person_in(opinion.group(1))
            if found:
                return found
        statement = _STATEMENT_OF.search(before)
        if statement:
            # "In einer Stellungnahme der Familie hieß es: „…“", "a statement by a Sussex
            # spokesperson read: “…”": whose statement it is.
            phrase, _ = _phrase_after(before, statement.end())
            found = _role_or_name(phrase, before_verb=False)
            if found and not found.pronoun:
                return found
        # Its words are matched as written, so a sentence without their first letters is
        # ruled out in C rather than tried at each place.
        source = _STATEMENT_FROM.search(before) if _could_be_from(before) else None
        if source:
            # "Von der Reederei heißt es dazu: „…“": whose statement it is.
            found = _role_or_name(source.group(1), before_verb=False)
            if found and not found.pronoun:
                return found
        group = _FROM_BODY.match(before)
        if group:
            # "Desde esta Asociación reclaman que …, ya que no comprenden «…»": a body speaking
            # through its people.
            return _Speaker(group.group(1))
        if before.rstrip().endswith(":"):
            return self._colon_subject(before.rstrip()[:-1])
        verbs = [verb for verb in _verbs(before) if verb.group() in PRO_DROP_VERB_FORMS]
        if verbs:
            # "se declararon «…»": who speaks. Words before the verb that the rules could not
            # read as its subject ("una vecina del barrio y socia de … comenta") name someone:
            # not the last speaker, nobody the rules can name.
            unread = _phrase_before(before, verbs[-1].start(), 0).strip(" ,")
            if unread not in ("", "&"):
                return _Speaker(None)
            verb = verbs[-1].group()
            if _plural(verb) and before[: verbs[-1].start()].split()[-2:] == ["que", "se"]:
                return None  # "a lo que se añaden «…»": a passive, nobody new speaking
            return _left_out_subject(verb)
        return self._complement_subject(before)

    def _complement_subject(self, before: str) -> _Speaker | None:
        """`Albares dejó claro que España “…”`, `Muratov opinó que la guerra “…”`: a verb no
        list holds, known by its form and place, since a clause of what someone said or
        thinks follows it (Spanish and Italian preterites, English past tenses, German
        past tenses before ", dass"); its subject is who speaks. Only a subject that is
        plainly someone counts: a name, a pronoun, a role with its article."""
        if not any(word in before for word in _COMPLEMENT_WORDS):
            return None  # the pattern needs one of them: ruled out in C, not position by position
        verb = next(reversed(list(_COMPLEMENT_VERB.finditer(before))), None)
        if verb is None:
            return None
        phrase = _phrase_before(before, verb.start(), 0)
        if phrase == "&":
            return _coordinated_subject(before[: verb.start()])
        found = _role_or_name(phrase, before_verb=True)
        if found is None:
            return _left_out_subject(verb.group(1)) if not phrase and verb.group(1) else None
        if found.pronoun or (found.name and _DETERMINER_RE.fullmatch(found.name.split()[0])):
            return found
        name = found.name or ""
        at = before.rfind(name, 0, verb.start())
        # "Albares dejó claro que": a word opening its sentence, then the verb, is its subject.
        between = before[at + len(name) : verb.start()].strip()
        apposition = between.startswith(",") and between.endswith(",")  # "Arrieta, que …,"
        opens = _opens_sentence(before, at) and (not between or apposition)
        return found if " " in name or opens or self._named_before(name, before, at) else None

    def _inverted_subject(self, sentence: str, verb: _Verb, phrase: str) -> _Speaker | None:
        """German and the Nordic languages put the verb second, so a word opening the
        sentence before it need not be its subject: in `Entspannung findet Judy Lybke …` and
        `Videre fortsetter Jackson:` the subject is the person after the verb. A word met
        before as a person stays the subject."""
        words = phrase.split()
        asking = verb.group() in V2_ASKING_VERB_FORMS
        if verb.group() not in V2_VERB_FORMS and not asking:
            return None
        following = sentence[verb.end() :].split(None, 1)[:1]
        pronoun = following[0].rstrip(",:") if following else ""
        if len(words) != 1 and _PRONOUN_RE.fullmatch(pronoun) and not (asking and pronoun == "sie"):
            # "In Anlehnung an den Soziologen Hartmut Rosa fragte er:": the pronoun after the
            # verb is its subject ("fragte sie" may be asking her), the words before say how.
            return _pronoun(pronoun)
        lead = sentence[_sentence_start(sentence, verb.start()) : verb.start()].split()
        adverbial = bool(lead) and lead[0].casefold() in _PREPOSITIONS and _MASK not in lead[-1]
        if not words and not asking and adverbial and lead[0][:1].isupper():
            # "Auf weitere Nachfrage sagt Keuter, er …": an adverbial opening, then the verb,
            # then its subject.
            found = _after_verb(sentence, verb.end())
            if found and found.name and found.name[:1].isupper():
                return found
        if asking or len(words) != 1 or not words[0][:1].isupper():
            return None
        if self._people.knows(words[0]) or words[0] in self._people.spoke:
            return None
        if _PRONOUN_RE.fullmatch(words[0]) or words[0].casefold() in _FIRST_PERSONS:
            return None  # "Er erklärte MDR SACHSEN-ANHALT …": a pronoun is the subject
        if not _opens_sentence(sentence, verb.start() - len(phrase) - 1):
            return None
        found = _after_verb(sentence, verb.end())
        if found is None or found.pronoun:
            return found
        name = found.name or ""
        if name[:1].islower():
            # "Selv fortalte nordmannen": a Nordic noun with its article is a role; "sagt
            # auch, dass" is no subject.
            nordic = name.endswith(_NORDIC_DEFINITE) and verb.group() in _NORDIC_VERBS
            return found if nordic else None
        if " " in name or _DETERMINER_RE.fullmatch(name.split()[0]) or self._people.knows(name):
            return found
        after = sentence[verb.end() :].lstrip()
        if _PERSON_AFTER.match(after[len(name) :]):
            return found  # "Videre fortsetter Jackson, som …"
        return _Speaker(None)  # one unknown word after the verb may be anything

    def _person_in(self, phrase: str) -> _Speaker | None:
        """A phrase that is plainly someone: a pronoun, a full name or one met before, or a
        role whose noun is a person's ("la toxicologue", "el ministro")."""
        words = phrase.split()
        if len(words) == 1 and _PRONOUN_RE.fullmatch(words[0]):
            return _pronoun(words[0])
        found = _role_or_name(phrase, before_verb=False)
        if found is None or found.name is None:
            return None
        first = found.name.split()
        if _DETERMINER_RE.fullmatch(first[0]):
            return found if _names_a_person(first[1:]) else None  # "la première fois"
        return found if " " in found.name or self._people.knows(found.name) else None

    def _sentence_subject(self, sentence: str) -> _Speaker | None:
        """Who a sentence is about: the person it names first, else how it opens."""
        names = [name for _, name in self._people_named(sentence)]
        if names:
            return _Speaker(names[0])
        words = sentence.split()
        if not words:
            return None
        if _PRONOUN_RE.fullmatch(words[0]):
            return _pronoun(words[0])
        if _DETERMINER_RE.fullmatch(words[0]):
            return _role_or_name(_phrase_after(sentence, 0)[0], before_verb=False)
        first = words[0].strip(",")
        if first.casefold() in _PREPOSITIONS:
            return None  # "Durante su visita, …": when, not who
        if first[:1].isupper() and first not in FUNCTION_WORDS and len(words) > 1:
            return _Speaker(first) if words[1][:1].islower() else None
        return None

    def _met(self, name: str) -> bool:
        """Whether one word was met as a person lately (the last 50 people named)."""
        return any(name == met for _, met in self._people.mentions[-50:])

    def _colon_subject(self, lead: str) -> _Speaker | None:
        """`Scholz: „…“`, `She had a simple plan: “…”`: the sentence's person or role.

        A lead that ends in its own attribution speaks for its subject: a verb and its
        subject after a comma (`Det var en lang vinter for Eriksen, minnes han:`) or a
        relative clause on a name (`…, raconte Mme Lebrun, qui ajoute :`)."""
        words = lead.split()
        if not words:
            return None
        inverted = _ATTRIBUTION_ENDING.search(lead)
        if inverted and not _STOP_RE.fullmatch(inverted.group(1)):
            subject = inverted.group(2)
            if _PRONOUN_RE.fullmatch(subject):
                return _pronoun(subject)
            name = _clean(subject)
            if name and _is_person(name) and (" " in name or self._people.knows(name)):
                return _Speaker(name)
        cuts = list(_LAST_CLAUSE.finditer(lead))
        clause = lead[cuts[-1].end() :] if cuts else ""
        if (
            cuts
            and "," in cuts[-1].group()
            and _NAME_RUN.fullmatch(clause)
            and " " in clause
            and _is_person(clause)
        ):
            return _Speaker(_clean(clause))  # "…, auch er, Benjamin Roe: «…»": the name set off
        subject = _subject(clause) if clause[:1].isupper() else None
        if subject and (" " in subject or "," not in cuts[-1].group()):
            # "A través de su cuenta, Ana Ruiz escribió:", "… pour que Mediapart révèle :":
            # the clause nearest the colon has a subject of its own, a person when the
            # rules know it for one, and never the pronoun opening the sentence ("Il n'a
            # pas fallu longtemps pour que …").
            known = self._met(subject) or self._named_before(subject, clause, 0)
            return _Speaker(subject) if " " in subject or known else None
        relative = _RELATIVE_ENDING.search(lead)
        if relative:
            name = _clean(relative.group(1))
            if name and _is_person(name) and name.split()[0] not in FUNCTION_WORDS:
                return _Speaker(name)
        owner = _POSSESSOR_GENDER.get(words[0].casefold(), "")
        if owner != "" and len(words) <= 8 and not _verbs(lead):
            # "Seine Prognose: „…“", "Her verdict: “…”", "Su respuesta: «…»": the words of
            # whoever the possessive stands for, as a pronoun would.
            return _Speaker(None, pronoun=True, gender=owner)
        if (
            len(words) <= 6
            and not _DETERMINER_RE.fullmatch(words[0])  # "Das Problem:": a thing
            and not any(w[0].islower() for w in words if not _DETERMINER_RE.fullmatch(w))
        ):
            name = _clean(lead)
            if name:
                return _Speaker(name)
        if _PRONOUN_RE.fullmatch(words[0]):
            return _pronoun(words[0])
        subject = _subject(lead)
        if subject and (" " in subject or self._named_before(subject, lead, lead.find(subject))):
            return _Speaker(subject)  # "Rubio, dando il benvenuto, l'ha poi definita: «…»"
        if _DETERMINER_RE.fullmatch(words[0]) and len(words) > 1:
            # No verb of speech: only a role whose noun is a person's ("The skipper had one
            # rule:"), not a thing ("Das Urteil fiel hart aus:", "En revanche, …:").
            phrase, _ = _phrase_after(lead, 0)
            return self._person_in(phrase)
        names = [name for _, name in self._people_named(lead)]
        return _Speaker(names[0]) if names else None

    def _attribute(self, text: str, narration: str, span: _Span) -> _Speaker | None:
        incise = _incise(span.text)
        if incise:
            return incise
        after = self._after(text, narration, span)
        if after is not None and after.pronoun and self._asked:
            clause = narration[span.end : span.end + 40]
            if any(verb.group() in REPLY_VERB_FORMS for verb in _verbs(clause)):
                after = dataclasses.replace(after, replying=True)  # "“…,” she replied."
        unplain = after is not None and after.pronoun
        if unplain and self._referent(after.gender, left_out=after.left_out) is None:
            # "sieht Marc Olefs, Leiter …: „…“, sagte er": "er" alone is unplain, but the
            # sentence that introduced the quotation names him.
            before = self._before(narration, span)
            if before and before.name and not before.pronoun and " " in before.name:
                return before
        if after and after.strong and not _is_publication(after.name):
            if not self._hurried and self._introduced_right_before(narration, span):
                # "da sa treneren min «Ikke over», sier Retzius": Retzius reports what the
                # coach said; the verb right before the quote names who said it.
                before = self._before(narration, span)
                if before and before.name and not before.pronoun:
                    return before
            return after
        if self._hurried:
            return None  # only the attribution right after the quote is read
        before = self._before(narration, span)
        if before is None and after is not None and not after.strong:
            lead = narration[_sentence_start(narration, span.start) : span.start]
            if _verbs(lead.rsplit(_MASK, 1)[-1]):
                # "X … and called the plan “heartbreaking,” according to the Times": a verb
                # names whoever spoke, whom the rules could not read; the paper reported it.
                return _Speaker(None)
        return before or after

    def _quoted_speech(self, text: str, span: _Span) -> bool:
        """Whether a quotation inside a line of dialogue is someone's speech the line reports
        (`sa treneren min «…»`), not a phrase of the line's own (`tenker jeg at «…»`)."""
        return self._introduced_right_before(_masked(text, [span]), span)

    def _introduced_right_before(self, narration: str, span: _Span) -> bool:
        """Whether a verb of speech and its subject stand right before the opening mark,
        with nothing but a colon between: `sa treneren min «…»`, `said the coach: “…”`."""
        lead = narration[max(0, span.start - 60) : span.start].rstrip(" :")
        if not lead or lead[-1:] in ",.;!?\x00":
            return False
        words = lead.split()[-5:]
        return any(word.casefold() in SPEECH_VERB_FORMS for word in words[:-1])

    # --- reading a paragraph -------------------------------------------------------------

    def _catch_up(self) -> None:
        """Read the paragraph before for people and a speaker it introduces.

        Deferred until a paragraph with quotations needs it: most paragraphs have none,
        and reading them would be most of the cost of finding quotes.
        """
        if self._pending is None:
            return
        previous, self._pending = self._pending, None
        self._paragraph -= 1
        self._remember(previous, 0, len(previous))
        self._introduced = self._introduces(previous, [])
        self._paragraph += 1

    def _dash_quotes(self, text: str) -> list[_Span]:
        """Dialogue set with a dash, as Nordic papers print it: `– Vi åpner i mai, sier
        ordføreren.` A paragraph whose line breaks were lost holds several lines of it, each
        dash right after a sentence's end (`… som kommer.– Som en viktig aktør …, avslutter
        Syversen.`): each is read as a line of its own."""
        if text[:3].lstrip()[:1] not in "–—-":
            return []
        body = text.rstrip()
        cuts = [match.start(1) for match in _GLUED_DASH.finditer(body)]
        spans: list[_Span] = []
        for start, stop in itertools.pairwise([0, *cuts, len(body)]):
            span = self._dash_quote(body[:stop], start, last=stop == len(body))
            if span is None:
                break
            spans.append(span)
        return spans

    def _unclosed_quote(self, text: str, spans: list[_Span]) -> _Span | None:
        """A paragraph that opens with a quotation mark never closed in it (a speech that
        goes on into the next paragraph, or a closing mark the page forgot) is quotation to
        its end, or to its own attribution (`»Vi åbner i maj, siger hun.`): read like a line
        of dash dialogue, the mark standing for the dash."""
        indent = len(text) - len(text.lstrip())
        if text[indent : indent + 1] not in _OPENERS or any(s.start == indent for s in spans):
            return None
        span = self._dash_quote(text, indent, opening_re=_UNCLOSED_OPENING)
        if span is not None:
            span.text = span.text.rstrip(" " + _CLOSERS)
        return span

    def _dash_quote(
        self,
        text: str,
        start: int = 0,
        *,
        last: bool = True,
        opening_re: re.Pattern[str] = _DASH_OPENING,
    ) -> _Span | None:
        """One line of dash dialogue from `start`. The quotation runs from the dash to the
        comma (or the question or exclamation mark) before the last verb of speech; a line
        with no attribution is all quotation when it ends the paragraph and an en or em dash
        opens it, or a hyphen after a paragraph that introduced a speaker (a bare hyphen
        also opens list items). `sa` is Nordic "said" only outside French, where it is
        "her" (`_verbs`)."""
        opening = opening_re.match(text, start)
        if opening is None:
            return None
        body = text.rstrip()
        for verb in reversed(_verbs(body)):
            before = body[: verb.start()]
            if before.endswith((", ", "? ", "! ")) and verb.start() > opening.end():
                end = verb.start() - (2 if before.endswith(", ") else 1)
                return _Span(opening.start(), end, body[opening.end() : end].strip())
        unlisted = [
            match for match in _DASH_ATTRIBUTION.finditer(body) if match.start() > opening.end()
        ]
        if unlisted and not _SENTENCE_END.search(body, unlisted[-1].end()):
            # "– …, innrømmer Fredrik, som …", "– Ta ham tilbake! ropte de.": a verb no list
            # holds, by its place: after the line's comma or mark, before its subject, in the
            # last sentence of the line.
            end = unlisted[-1].start() - (1 if body[unlisted[-1].start() - 1] == "," else 0)
            return _Span(opening.start(), end, body[opening.end() : end].strip())
        if not last:
            return None
        if opening.group(1) == "-":
            self._catch_up()
            introduced = (self._introduced or "").split()
            if not introduced or _DETERMINER_RE.fullmatch(introduced[0]):
                return None  # only after a paragraph that named the one who speaks next
        closed = body[-1:] in _CLOSERS and opening_re is _UNCLOSED_OPENING  # “…" closes it
        ended = body.rstrip(_CLOSERS)[-1:] in ".!?…" or closed
        if not ended or not _speech_like(body[opening.end() :]):
            return None
        return _Span(opening.start(), len(body), body[opening.end() :].strip())

    def _past_deadline(self) -> bool:
        return self._deadline is not None and time.thread_time() > self._deadline

    def feed(self, text: str, section: int = 0) -> list[Quote]:
        self._hurried = self._past_deadline()
        spans = [span for span in _find_spans(text) if _WORD.search(span.text)]
        dashes = self._dash_quotes(text)
        inside = [span for span in spans if dashes and span.start < dashes[-1].end]
        if dashes and inside and not any(self._quoted_speech(text, span) for span in inside):
            # "– …, og noen ganger tenker jeg at «ubåt langs kysten» hadde vært …, sier X": a
            # phrase in marks inside the line is part of the line, not a quotation of its own.
            spans = [span for span in spans if span.start >= dashes[-1].end]
        if dashes and not any(span.start < dashes[-1].end for span in spans):
            # A quotation that a verb of speech introduces inside the dialogue ("– Then the
            # coach said «Not over»") keeps its marks' reading: one quote inside another is
            # not two quotes of one paragraph.
            spans = [*dashes, *spans]
        unclosed = None if dashes else self._unclosed_quote(text, spans)
        if unclosed is not None:
            spans = [unclosed, *(span for span in spans if span.start >= unclosed.end)]
        elif not dashes:
            going_on = _speech_going_on(text, spans)
            if going_on is not None:
                spans = [*spans, going_on]
        if self._hurried:
            self._pending = None  # nor is any paragraph indexed for surnames: see __init__
        if not spans:
            if not self._hurried:
                self._people.history.append(text)
                self._pending = text
            self._introduced = None
            self._paragraph += 1
            return []
        self._catch_up()
        narration = _masked(text, spans)
        if not self._hurried:
            self._people.history.append(narration)  # names inside quotes are not people met
        quotes: list[Quote] = []
        spoken: list[tuple[_Span, Quote, bool]] = []  # each quote, and whether attributed
        remembered = 0
        aside_until = -1  # where the sentence of the last attributed quote ends
        introduced = self._introduced
        self._introduced = None
        for span in spans:
            self._hurried = self._hurried or self._past_deadline()  # a paragraph of megabytes
            if not self._hurried:
                self._remember(narration, remembered, span.start, aside_until)
                self._reported(narration, remembered, span.start)
            remembered = span.end
            found = self._attribute(text, narration, span)
            title = self._is_title(narration, span, found)
            one_word = found is not None and _word_count(span.text) < 2
            lead, calling = "", False
            if title or one_word:  # only these ask what the words before the quote are
                sentence = narration[_sentence_start(narration, span.start) : span.start]
                lead = sentence.rsplit(_MASK, 1)[-1][-120:]
                calling = bool(_verbs(lead, CALLING_VERB_FORMS) or _AS_BEFORE.search(lead))
            if (
                title
                and not (calling and " " not in span.text)
                and not self._right_after(narration, span)
            ):
                continue  # „Begeisterung, Kraft, Zugewandtheit“, findet X: words, not a title
            if found is None and not _speech_like(span.text):
                if _goes_on_reporting(narration, span, spoken):
                    pass  # the voice of the quote before it: see `_same_voice`
                elif _word_count(span.text) < 2 or not _reports_speech(narration, span):
                    if not self._verb_attributes(narration, span):
                        continue
                    # "…, calling the carrier’s account “misleading”": a verb attributes the
                    # words, to someone the rules cannot name (not the voice before or after),
                    # unless German names them after it ("hält das Gericht für „…“").
                    found = _classing_subject(narration, span) or _Speaker(None)
                else:
                    # "Sie wolle auf dieser „starken …“": reported speech, the voice speaking
                    found = _Speaker(None, pronoun=True, left_out=True)
            if one_word and not (
                calling or _verbs(lead[-45:]) or self._right_after(narration, span)
            ):
                continue  # one word: only when a verb attributes it ("called it “toxic”")
            speaker = self._resolve(found) if found else None
            if speaker and found is not None and found.pronoun and _named_inside(speaker, span):
                speaker = None  # "»Stine og jeg …«, fortæller hun": she is not Stine
            attributed = found is not None
            if not attributed and not self._hurried:
                speaker = self._same_voice(narration, span, spoken, introduced)
            quote = Quote(text=span.text.rstrip(" ,"), speaker=speaker, section=section)
            if speaker and not attributed:
                self._spoke(speaker)  # the voice carried on is the one speaking now
            if attributed and not speaker and found.pronoun and not found.left_out:
                # "„…“, sagt er." with "er" unresolved: someone spoke whom the rules cannot
                # name, so the voice before is no longer the one speaking.
                self.last_speaker = None
            if attributed and speaker:
                self._spoke(speaker)
                # “One.” “Two,” said X: the quote just before, unattributed, is X's too.
                if spoken and not spoken[-1][2] and spoken[-1][1].speaker is None:
                    gap = narration[spoken[-1][0].end : span.start]
                    if not gap.strip(" ,.;:–—"):
                        spoken[-1][1].speaker = speaker
            spoken.append((span, quote, attributed))
            quotes.append(quote)
            if speaker and span.text.rstrip().endswith("?"):
                asked = self._asked_whom(narration, span)
                self._asked = (asked, self._paragraph) if asked else None
            ends = span.text.rstrip()[-1:] in ".!?…"  # „… ist.“ Patrick Dury wird …
            aside_until = _sentence_end(narration, span.end) if speaker and not ends else -1
        if not self._hurried:
            self._remember(narration, remembered, len(narration), aside_until)
        self._attribute_back(narration, spoken)
        self._introduced = None if self._hurried else self._introduces(narration, quotes)
        self._paragraph += 1
        return quotes

    def _asked_whom(self, narration: str, span: _Span) -> str | None:
        """`a reporter asked Ana Roe, “…?”`: the full name a question was put to, whom a
        reply after it means."""
        lead = narration[_sentence_start(narration, span.start) : span.start]
        asking = [verb for verb in _verbs(lead) if verb.group() in ASKING_VERB_FORMS]
        found = _after_verb(lead, asking[-1].end()) if asking else None
        name = found.name if found and not found.pronoun else None
        return self._people.person(name) if name and name[:1].isupper() else None

    def _verb_attributes(self, narration: str, span: _Span) -> bool:
        """Whether a verb of calling or classing, close before a short quoted phrase, makes
        the phrase someone's words: `… calling it “misleading”`, `bezeichnete es die Fachwelt
        als „Gamechanger“`, `classé « cancérogène probable »`. Not a bare "as"/"som" (`beskriver
        hun sig som ”Stine fra blokken”` is a label), nor a title, set aside before."""
        sentence = narration[_sentence_start(narration, span.start) : span.start]
        lead = sentence.rsplit(_MASK, 1)[-1][-60:]
        if _MASK in sentence:
            # "als „Wertediktatur“ bezeichnet und … als „die Lösung“": a verb right after the
            # quotation before is that quotation's, as German sets it last.
            lead = lead.lstrip(" ,").partition(" ")[2]
        if not lead.strip():
            return False
        return bool(_verbs(lead, CALLING_VERB_FORMS) or _CLASSED_AS.search(lead))

    def _reported(self, narration: str, start: int, end: int) -> None:
        """`Serhii Radio says that …`, `X told the paper the demand is growing`: reported
        speech makes its subject the voice speaking."""
        stretch = narration[start:end]
        if _MASK in stretch:
            return
        verbs = _verbs(stretch)
        for verb in verbs:
            if _governed(stretch, verb, verbs):
                continue  # "Pompeo said that … Washington had concluded": Pompeo's words
            floor = _stretch_sentence_start(narration, start, verb.start())
            if len(_ASIDE_DASH.findall(stretch, floor, verb.start())) % 2:
                continue  # "— the late author wrote of it in a book —": an aside, no voice
            phrase = _phrase_before(stretch, verb.start(), floor)
            found = self._inverted_subject(stretch, verb, phrase) or _role_or_name(
                phrase, before_verb=True
            )
            if found is None and stretch[: verb.start()].rstrip().endswith(","):
                # "The key to its success, says Buser, is …": an attribution set in commas.
                after, end = _phrase_after(stretch, verb.end())
                if stretch[end - 1 : end] == "," and after[:1].isupper():
                    found = _role_or_name(after, before_verb=False)
            if found and not found.pronoun:
                self._spoke(self._resolve(found))
        for link in _THOUGHT_LINK.finditer(stretch) if ", " in stretch else ():
            # "KIT-Forscher Fink geht davon aus, dass …": a full name opening the sentence of
            # a clause of what someone thinks or says is its voice, whatever the verb.
            floor = _stretch_sentence_start(narration, start, link.start())
            subject = _subject(stretch[floor : link.start()])
            if subject and " " in subject:
                self._spoke(self._resolve(_Speaker(subject)))

    def _attribute_back(self, narration: str, spoken: list[tuple[_Span, Quote, bool]]) -> None:
        """A quote left without a speaker takes the one named after it in the paragraph.

        `“…” Así ha resumido el consejero, Antonio Sanz, …` (a sentence that points back
        at the words), and `“A.” Narration. “B,” so Aimen.` when nobody else is named
        between the two quotes.
        """
        alone = not any(item[2] for item in spoken)  # no quote here says whose it is
        # The next quote that its own attribution gave a speaker, for each: found once, from
        # the end, so that a paragraph of many quotations is read in linear time.
        next_attributed: list[tuple[_Span, Quote, bool] | None] = []
        following = None
        for item in reversed(spoken):
            next_attributed.append(following)
            if item[2] and item[1].speaker:
                following = item
        next_attributed.reverse()
        for index, (span, quote, attributed) in enumerate(spoken):
            if quote.speaker is not None or attributed:
                continue
            end = _sentence_end(narration, span.end - 1)
            pointer = _POINTS_BACK.match(narration, end)
            if pointer:
                sentence = narration[pointer.start() : _sentence_end(narration, pointer.end())]
                for verb in _verbs(sentence)[:1]:
                    found = _after_verb(sentence, verb.end())
                    if found and not found.pronoun:
                        quote.speaker = self._resolve(found)
                if quote.speaker:
                    continue
            if index == 0 and alone and not narration[: span.start].strip(" \x00–—-"):
                # "„…“ Deutschlands Chefcoach Gordon Herbert war bester Laune nach …": a
                # paragraph opening with the words, then a sentence about their speaker.
                following = narration[end : _sentence_end(narration, end)]
                subject = _subject(following.lstrip(" \x00"))
                if subject and " " in subject and _MASK not in following:
                    others = [
                        run.group()
                        for run in _NAME_RUN.finditer(following)
                        if " " in run.group() and subject not in run.group()
                    ]
                    if not others:
                        quote.speaker = self._resolve(_Speaker(subject))
                        continue
            later = next_attributed[index]
            if later is None:
                continue
            between = narration[span.end : later[0].start]
            if not any(True for _ in self._people_named(between)) and _MASK not in between.strip(
                _MASK
            ):
                quote.speaker = later[1].speaker

    def _is_title(self, narration: str, span: _Span, found: _Speaker | None) -> bool:
        """A name or a title in quotation marks, not something said.

        «Wall Street Journal» (every word capitalised, short); a title-case phrase used as a
        noun ("their “Best of the Bench.”", "von „Die Stadt und die Hunde“"), or standing
        unattributed without a sentence's end.
        """
        count = _word_count(span.text)
        if count > 8:
            return False  # too long for either kind: spares two more readings of every quote
        if count <= 6 and _is_name_like(span.text):
            return True
        if not _is_title_like(span.text):
            return False
        before = narration[max(0, span.start - 20) : span.start].split()
        as_noun = bool(before) and (
            bool(_DETERMINER_RE.fullmatch(before[-1]))
            or before[-1].casefold() in _NOUN_MARKERS
            or before[-1].endswith(_POSSESSIVE_S)
        )
        return as_noun or (found is None and span.text.rstrip()[-1:] not in ".!?…")

    def _right_after(self, narration: str, span: _Span) -> bool:
        rest = narration[span.end : span.end + 40]
        comma = re.match(r"\s*,\s*", rest)
        verb = comma is not None and _verb_at(rest, comma.end()) is not None
        return verb or bool(_INVERTED.match(narration, span.end))

    def _same_voice(
        self,
        narration: str,
        span: _Span,
        spoken: list[tuple[_Span, Quote, bool]],
        introduced: str | None,
    ) -> str | None:
        """Rule 3: a quote with no attribution of its own continues the voice speaking."""
        if not narration[: span.start].strip(" \x00–—-"):
            # A paragraph that opens with the quotation: the voice introduced just before;
            # one that is only a quotation in the first person ("»Jeg kom …«" after a
            # paragraph about Stine Roe): the one person a pronoun would mean.
            if introduced or self._hurried or narration[span.end :].strip(" \x00.,–—-"):
                return introduced
            if not _FIRST_PERSON.search(span.text):
                return None
            # "»Jakob og jeg …«" after a paragraph about Stine Roe and Jakob Berg: nobody
            # names themselves, so of the people in reach, the one the quotation does not name.
            others = [
                person for person in self._persons_in_reach() if not _named_inside(person, span)
            ]
            return others[0] if len(others) == 1 else None
        own_sentence = _sentence_start(narration, span.start) > spoken[-1][0].end if spoken else 0
        lead = narration[_sentence_start(narration, span.start) : span.start]
        if spoken and spoken[-1][1].speaker and not (own_sentence and _PLURAL_VERB.search(lead)):
            # Not "Desde la Asociación reclaman que …, ya que no comprenden «…»": a sentence
            # of its own whose verbs are plural is a group speaking, not the voice before.
            previous_speaker = spoken[-1][1].speaker
            if not self._named_since_last_speech() - {previous_speaker}:
                return previous_speaker
        start = _sentence_start(narration, span.start)
        if not narration[start : span.start].strip(" \x00–—-") and start > 0:
            # A sentence that is all quotation after one that reports speech: "…, sagte sie."
            return (
                self._introduces(narration, [], start)
                or self._subject_before(narration, start)
                or self._reported_voice(narration, start)
            )
        recent = self.last_speaker is not None and self._last_speaker_at[0] >= self._paragraph - 1
        if recent and _reports_speech(narration, span):
            # "Auch die Regierungsfraktionen hätten „…“": German reported speech goes on in
            # the voice of the last speaker; its own subject is what the speaker talks about.
            return self.last_speaker
        return None

    def _reported_voice(self, narration: str, start: int) -> str | None:
        """`Franz Webhofer sagte der Zeitung, dass es einen Plan gibt. Seit Samstag wurde …
        „Wir lüfteten händisch.“`: a sentence of quotation in a paragraph whose reported
        speech gave a speaker, with nobody named since; or after a sentence of German
        reported speech that goes on from the paragraph before (`Auch die Demokraten hätten
        ihn nicht unterstützt. «…»` after `…», erklärt Thomas Jäger.`)."""
        if self.last_speaker is None or self._last_speaker_at[0] < self._paragraph - 1:
            return None
        if self._last_speaker_at[0] < self._paragraph:
            previous = narration[_sentence_start(narration, start - 1) : start]
            if _MASK in previous or not _SUBJUNCTIVE.search(previous):
                return None
        return None if self._named_since_last_speech() - {self.last_speaker} else self.last_speaker

    def _subject_before(self, narration: str, start: int) -> str | None:
        """`Patrick Dury wird später noch deutlicher. „…“`: a sentence of quotation after a
        sentence about one person, who is its subject and the only person it names."""
        previous = narration[_sentence_start(narration, start - 1) : start]
        if _MASK in previous:
            return None
        subject = _subject(previous) or _final_name(previous)
        if subject is None or (" " not in subject and not self._people.knows(subject)):
            return None
        person = self._people.person(subject)
        others = [
            run.group()
            for run in _NAME_RUN.finditer(previous)
            if (" " in run.group() or self._people.knows(run.group()))
            and _is_person(run.group())
            and run.group().split()[-1] not in person.split()
        ]
        return None if others else person  # "walked with Tor Lien": either may speak

    def _introduces(
        self, narration: str, quotes: list[Quote], end: int | None = None
    ) -> str | None:
        """Who the next paragraph's bare quotation will belong to, if anyone.

        The last quote's speaker when the paragraph ends on it; otherwise a speaker this
        paragraph's last sentence introduces ("The director told the council that…").
        With `end`, the narration is read as if it stopped there (the sentences before a
        quotation), without a copy whose sentences would be found again: a paragraph of
        a thousand quotations would take a thousand times its length.
        """
        end = len(narration) if end is None else end
        stop = end
        while stop and narration[stop - 1].isspace():
            stop -= 1
        # Before `stop - 1`: an end at `stop` itself ends nothing before it.
        last_sentence = narration[_sentence_start(narration, stop - 1) : end]
        if _MASK in last_sentence:
            return quotes[-1].speaker if quotes else None
        for verb in reversed(_verbs(last_sentence)):
            phrase = _phrase_before(last_sentence, verb.start(), 0)
            found = self._inverted_subject(last_sentence, verb, phrase) or _role_or_name(
                phrase, before_verb=True
            )
            if found is None and verb.group() not in CALLING_VERB_FORMS:
                # "Dazu sagte der Minister …": the subject after the verb; never the object
                # of a verb of calling ("Holm first called the plan a waste").
                found = _after_verb(last_sentence, verb.end())
            if found:
                speaker = self._resolve(found)
                self._spoke(speaker)
                return speaker
        statement = next(reversed(list(_STATEMENT_OF.finditer(last_sentence))), None)
        if statement:
            # "Later, I got an email reply from a Google representative." then the reply.
            phrase, phrase_end = _phrase_after(last_sentence, statement.end())
            found = _role_or_name(phrase, before_verb=False)
            if found and not found.pronoun and not last_sentence[phrase_end:].strip(" .:"):
                speaker = self._resolve(found)
                self._spoke(speaker)
                return speaker
        if narration[stop - 1 : stop] == ":":
            found = self._colon_subject(last_sentence.rstrip()[:-1])
            return self._resolve(found)
        return None

    def block_quote(self, text: str, section: int = 0, lead_in: str = "") -> Quote:
        """A block quote is a quotation: its speaker is a trailing "— Name", or the one the
        sentence before it introduced."""
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        speaker = None
        if len(lines) > 1 and re.match(r"^[-–—]\s*\S", lines[-1]):
            speaker = _clean(lines.pop()[1:])
        elif len(lines) > 1 and _SIGNATURE.fullmatch(lines[-1]) and _is_person(lines[-1]):
            speaker = lines.pop()  # a pull quote's name on a line of its own
        body = " ".join(lines).strip()
        signed = None if speaker else _SIGNED.search(body)
        if signed and _is_person(signed.group(1)):
            # "… des peurs fortes.François Héran": the name the page set after the quote,
            # run on by the text.
            speaker, body = signed.group(1), body[: signed.start(1)].strip()
        if body[:1] in _OPENERS and body[-1:] in '”“»«’"':
            body = body[1:-1].strip()
        if speaker is None and lead_in:
            self._catch_up()
            speaker = self._introduced
        if speaker:
            speaker = self._people.meet(speaker, self._paragraph)
            self._spoke(speaker)
        self._introduced = speaker
        self._paragraph += 1
        return Quote(text=body, speaker=speaker, section=section)


# A name of two to four words, as a pull quote is signed.
_SIGNATURE = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}")
_SIGNED = re.compile(rf"(?<=[.!?…])({_SIGNATURE.pattern})$")
_HEADLINE_SUBJECT = re.compile(
    rf"^(?:(?i:{DETERMINERS})\s+)?(?:{_NAME_WORD}[ \t]+)*(?:[a-zß-ÿ][\w’'-]*[ \t]+)?"
    rf"(?:{_NAME}(?=[ \t]))?"
)


def headline_quotes(title: str) -> list[Quote]:
    """The quotations of a headline, where a quoted phrase of any length is one.

    "Kremlin insider defies Putin: He was “ready to be shot”": a pronoun before the quote
    stands for the headline's subject, the noun phrase it opens with ("Kremlin insider");
    otherwise the speaker is whoever the ordinary rules find, or None.
    """
    quotes: list[Quote] = []
    finder = QuoteFinder()
    found = {quote.text: quote.speaker for quote in finder.feed(title)}
    narration = _masked(title, _find_spans(title))
    for span in _find_spans(title):
        if not _WORD.search(span.text) or _is_name_like(span.text):
            continue
        text = span.text.rstrip(" ,")
        speaker = found.get(text)
        lead = narration[: span.start].rstrip()
        clause = lead.rsplit(":", 1)[-1].split() if ":" in lead else []
        if speaker is None and clause and _PRONOUN_RE.fullmatch(clause[0]):
            subject = _HEADLINE_SUBJECT.match(lead.split(":", 1)[0])
            words = subject.group().split() if subject else []
            speaker = (
                " ".join(words) if len(words) > 1 or (words and words[0][0].isupper()) else None
            )
        quotes.append(Quote(text=text, speaker=speaker, section=0))
    return quotes


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Every quotation in `paragraphs` (one story, in order), section 0."""
    finder = QuoteFinder()
    return [quote for paragraph in paragraphs for quote in finder.feed(paragraph)]
