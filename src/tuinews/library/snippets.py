"""Search snippets made from a story's stored text.

The full-text index keeps no copy of the words (schema 6), so FTS5's `snippet()` has
nothing to cut from; this does what it did: the 16-token stretch of the body with the
most distinct query terms, matched words marked, "…" where text was left out. Tokens
and folding follow the index's tokenizer (unicode61, diacritics removed, any case).
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")
# Query syntax that is not a term: operators, column filters, grouping and quoting.
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUERY_TERM = re.compile(r"(?:\w+:)?(\"[^\"]*\"|[^\s()\"^+:]+\*?)")
_WIDTH = 16


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


def snippet(text: str, query: str, start_mark: str, end_mark: str) -> str:
    words, prefixes = query_terms(query)
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ""
    hits = [fold(token.group()) if fold(token.group()) in words else None for token in tokens]
    if prefixes:
        for index, token in enumerate(tokens):
            folded = fold(token.group())
            if hits[index] is None and folded.startswith(prefixes):
                hits[index] = next(p for p in prefixes if folded.startswith(p))
    best, best_score = 0, -1
    for first in range(max(len(tokens) - _WIDTH, 0) + 1):
        score = len({hit for hit in hits[first : first + _WIDTH] if hit is not None})
        if score > best_score:
            best, best_score = first, score
    last = min(best + _WIDTH, len(tokens)) - 1
    parts = ["…"] if best > 0 else []
    position = tokens[best].start()
    for index in range(best, last + 1):
        token = tokens[index]
        parts.append(text[position : token.start()])
        if hits[index] is not None:
            parts.append(f"{start_mark}{token.group()}{end_mark}")
        else:
            parts.append(token.group())
        position = token.end()
    if last < len(tokens) - 1:
        parts.append("…")
    else:
        parts.append(text[position:])
    return "".join(parts)
