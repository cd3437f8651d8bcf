"""Search snippets made from a story's stored text.

The full-text index keeps no copy of the words (schema 6), so FTS5's `snippet()` has
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
    for char in set(text):
        if not char.isascii() and ord(char) not in _FOLDS:
            base = fold(char)
            _FOLDS[ord(char)] = base if len(base) == 1 else char
    folded = text.translate(_FOLDS).lower()
    return folded if len(folded) == len(text) else None


def _hits(text: str, spans: list[tuple[int, int]], query: str) -> dict[int, str]:
    """{token index: the query term it matches} for the tokens of `text` at `spans`."""
    words, prefixes = query_terms(query)
    hits: dict[int, str] = {}
    folded_text = _folded_in_place(text)
    if folded_text is None:  # a rare letter that folds into two: word by word
        for index, (start, end) in enumerate(spans):
            folded = fold(text[start:end])
            if folded in words:
                hits[index] = folded
            elif prefixes and folded.startswith(prefixes):
                hits[index] = next(prefix for prefix in prefixes if folded.startswith(prefix))
        return hits
    # One regular expression finds the matches; no loop over every word of the text.
    choices = [re.escape(word) for word in words]
    choices += [re.escape(prefix) + r"[^\W_]*" for prefix in prefixes]
    if not choices:
        return hits
    pattern = re.compile(rf"(?<![^\W_])(?:{'|'.join(choices)})(?![^\W_])")
    starts = [start for start, _ in spans]
    for match in pattern.finditer(folded_text):
        found = match.group()
        term = found if found in words else next(p for p in prefixes if found.startswith(p))
        hits[bisect_left(starts, match.start())] = term
    return hits


def snippet(text: str, query: str, start_mark: str, end_mark: str) -> str:
    spans = [match.span() for match in _TOKEN.finditer(text)]
    if not spans:
        return ""
    hits = _hits(text, spans, query)
    # The windows worth weighing start just before a match (two words of lead-in).
    best, best_score = 0, 0
    for hit in hits:
        first = max(min(hit - _LEAD_IN, len(spans) - _WIDTH), 0)
        score = len({term for at, term in hits.items() if first <= at < first + _WIDTH})
        if score > best_score:
            best, best_score = first, score
    last = min(best + _WIDTH, len(spans)) - 1
    parts = ["…"] if best > 0 else []
    position = spans[best][0]
    for index in range(best, last + 1):
        start, end = spans[index]
        parts.append(text[position:start])
        word = text[start:end]
        parts.append(f"{start_mark}{word}{end_mark}" if index in hits else word)
        position = end
    parts.append("…" if last < len(spans) - 1 else text[position:])
    return "".join(parts)
