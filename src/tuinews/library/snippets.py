"""Search snippets made from a story's stored text.

The full-text index keeps no copy of the words (schema 7), so FTS5's `snippet()` has
nothing to cut from; this does what it did: the 16-token stretch of the body with the
most distinct query terms, matched words marked, "…" where text was left out. Tokens
and folding follow the index's tokenizer (unicode61, diacritics removed, any case).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

_TOKEN = re.compile(r"[^\W_]+")
# Query syntax that is not a term: operators, column filters, grouping and quoting.
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUERY_TERM = re.compile(r"(?:\w+:)?(\"[^\"]*\"|[^\s()\"^+:]+\*?)")
_WIDTH = 16
# Non-ASCII characters as the index folds them, filled in as they are met.
_FOLDS: dict[int, str] = {}
_LEAD_IN = 2
_NEAR = 120  # characters: about the stretch 16 words take
_REGION = 600


def fold(word: str) -> str:
    """A token as the index sees it: lower case, without diacritics."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_terms(query: str) -> tuple[set[str], tuple[str, ...]]:
    """(whole words, prefixes) a query asks for, folded."""
    words: set[str] = set()
    prefixes: list[str] = []
    for match in _QUERY_TERM.finditer(query):
        part = match.group(1)
        if part in _OPERATORS:
            continue
        is_prefix = part.endswith("*")
        tokens = [fold(token) for token in _TOKEN.findall(part)]
        if is_prefix and tokens:
            prefixes.append(tokens.pop())
        words.update(tokens)
    return words, tuple(prefixes)


def _folded_in_place(text: str) -> str | None:
    """`text` folded character for character, so that offsets stay; None if it cannot be."""
    if text.isascii():  # most stories, and lower() alone is ten times faster
        return text.lower()
    for char in set(text):
        if not char.isascii() and ord(char) not in _FOLDS:
            base = fold(char)
            _FOLDS[ord(char)] = base if len(base) == 1 else char
    folded = text.translate(_FOLDS).lower()
    return folded if len(folded) == len(text) else None


def _pattern(words: set[str], prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """The query's terms as one expression over folded text, whole tokens only."""
    choices = [re.escape(word) for word in words]
    choices += [re.escape(prefix) + r"[^\W_]*" for prefix in prefixes]
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(choices)})(?![^\W_])") if choices else None


def _hits(
    text: str, folded_text: str | None, spans: list[tuple[int, int]], query: str
) -> dict[int, str]:
    """{token index: the query term it matches} for the tokens of `text` at `spans`;
    `folded_text`: `text` folded in place, if it can be."""
    words, prefixes = query_terms(query)
    hits: dict[int, str] = {}
    if folded_text is None:  # a rare letter that folds into two: word by word
        for index, (start, end) in enumerate(spans):
            folded = fold(text[start:end])
            if folded in words:
                hits[index] = folded
            elif prefixes and folded.startswith(prefixes):
                hits[index] = next(prefix for prefix in prefixes if folded.startswith(prefix))
        return hits
    pattern = _pattern(words, prefixes)
    starts = [start for start, _ in spans]
    for match in pattern.finditer(folded_text) if pattern else ():
        found = match.group()
        term = found if found in words else next(p for p in prefixes if found.startswith(p))
        hits[bisect_left(starts, match.start())] = term
    return hits


def _is_word(char: str) -> bool:
    return char.isalnum()


def _region(text: str, folded: str | None, query: str) -> tuple[int, int]:
    """The stretch of a long text the snippet is cut from: around its best matches, found
    by one expression over the whole text, so only that stretch is split into words."""
    if len(text) <= _REGION:
        return 0, len(text)
    anchor = 0
    pattern = _pattern(*query_terms(query)) if folded is not None else None
    if folded is not None and pattern is not None:
        found = [(match.start(), match.group()) for match in pattern.finditer(folded)]
        best_score = 0
        for at, _ in found:
            score = len({term for other, term in found if at <= other < at + _NEAR})
            if score > best_score:
                anchor, best_score = at, score
    start = max(anchor - _NEAR, 0)
    end = min(start + _REGION, len(text))
    while 0 < start < end and _is_word(text[start - 1]) and _is_word(text[start]):
        start += 1  # not from the middle of a word
    while start < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        end -= 1
    return (start, end) if start < end else (0, len(text))


def snippet(text: str, query: str, start_mark: str, end_mark: str) -> str:
    folded = _folded_in_place(text)  # once: it is most of a snippet's time
    offset, stop = _region(text, folded, query)
    part = text[offset:stop]
    spans = [match.span() for match in _TOKEN.finditer(part)]
    if not spans:
        return ""
    hits = _hits(part, folded[offset:stop] if folded is not None else None, spans, query)
    # The windows worth weighing start just before a match (two words of lead-in).
    best, best_score = 0, 0
    for hit in hits:
        first = max(min(hit - _LEAD_IN, len(spans) - _WIDTH), 0)
        score = len({term for at, term in hits.items() if first <= at < first + _WIDTH})
        if score > best_score:
            best, best_score = first, score
    last = min(best + _WIDTH, len(spans)) - 1
    parts = ["…"] if _TOKEN.search(text, 0, offset + spans[best][0]) else []
    position = spans[best][0]
    for index in range(best, last + 1):
        start, end = spans[index]
        parts.append(part[position:start])
        word = part[start:end]
        parts.append(f"{start_mark}{word}{end_mark}" if index in hits else word)
        position = end
    after = offset + spans[last][1]
    parts.append("…" if _TOKEN.search(text, after) else text[after:])
    return "".join(parts)
