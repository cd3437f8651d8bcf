"""Search queries: FTS5's syntax, over an index that no longer knows where words are.

The full-text index keeps, for each word, only which stories hold it (`detail=none`,
schema 8), so FTS5 itself can answer words, prefixes, AND, OR and NOT, but not phrases,
NEAR or column filters. A query is parsed here into a tree; the index is asked a looser
query (a phrase's words anywhere, a column filter dropped), which finds every story the
real one would and some more; those are then checked against the stored text, so the
results are exactly the stories the query describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tuinews.library.snippets import fold

_TOKEN = re.compile(r"[^\W_]+")  # the index's tokenizer: unicode61, separators dropped
_LEXEME = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"]|"")*")
      | (?P<columns>-?(?:\{[^}]*\}|[^\W]+)\s*:)
      | (?P<punct>[()+*,^])
      | (?P<word>[^\s()"+*,^:{}]+)
    )""",
    re.VERBOSE,
)
COLUMNS = ("title", "body")


class QuerySyntaxError(ValueError):
    """A query FTS5 would not accept either."""


@dataclass(frozen=True)
class Phrase:
    terms: tuple[str, ...]
    prefix: bool = False  # the last term is a prefix (`word*`)
    columns: frozenset[str] | None = None  # None: any column

    @property
    def loose(self) -> bool:
        return len(self.terms) > 1 or self.columns is not None


@dataclass(frozen=True)
class Near:
    phrases: tuple[Phrase, ...]
    distance: int
    columns: frozenset[str] | None = None
    loose: bool = True


@dataclass(frozen=True)
class Boolean:
    operator: str  # AND, OR or NOT (the first part without any of the others)
    parts: tuple[Node, ...]
    loose: bool = False


Node = Phrase | Near | Boolean


@dataclass(frozen=True)
class Query:
    """A parsed query: what the index is asked, and whether hits must be checked."""

    tree: Node | None
    fts: str  # empty: nothing can match

    @property
    def needs_check(self) -> bool:
        return self.tree is not None and self.tree.loose

    def matches(self, title: str, body: str) -> bool:
        """Whether a story the index found really answers the query."""
        if self.tree is None:
            return False
        tokens = {"title": _tokens(title), "body": _tokens(body)}
        return _matches(self.tree, tokens)


def parse(query: str) -> Query:
    tree = _Parser(query).parse()
    return Query(tree, _fts(tree) if tree is not None else "")


def _tokens(text: str) -> list[str]:
    return [fold(token) for token in _TOKEN.findall(text)]


class _Parser:
    def __init__(self, query: str) -> None:
        self.lexemes: list[tuple[str, str]] = []
        position = 0
        while position < len(query):
            if query[position:].strip() == "":
                break
            match = _LEXEME.match(query, position)
            if match is None:
                raise QuerySyntaxError(f"cannot read the query at {query[position:]!r}")
            kind = match.lastgroup
            assert kind is not None
            self.lexemes.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0

    def peek(self) -> tuple[str, str] | None:
        return self.lexemes[self.at] if self.at < len(self.lexemes) else None

    def take(self) -> tuple[str, str]:
        lexeme = self.peek()
        if lexeme is None:
            raise QuerySyntaxError("the query ends too soon")
        self.at += 1
        return lexeme

    def parse(self) -> Node | None:
        if not self.lexemes:
            return None
        tree = self.disjunction()
        if self.peek() is not None:
            raise QuerySyntaxError(f"unexpected {self.peek()[1]!r}")  # type: ignore[index]
        return tree

    def disjunction(self) -> Node | None:
        parts = [self.conjunction()]
        while self.peek() == ("word", "OR"):
            self.take()
            parts.append(self.conjunction())
        return _boolean("OR", parts)

    def conjunction(self) -> Node | None:
        parts = [self.negation()]
        while (lexeme := self.peek()) is not None and lexeme not in (
            ("word", "OR"),
            ("punct", ")"),
        ):
            if lexeme == ("word", "AND"):
                self.take()
            parts.append(self.negation())
        return _boolean("AND", parts)

    def negation(self) -> Node | None:
        parts = [self.primary()]
        while self.peek() == ("word", "NOT"):
            self.take()
            parts.append(self.primary())
        if len(parts) > 1 and parts[0] is None:
            return None  # nothing NOT something: nothing
        return _boolean("NOT", parts)

    def primary(self, columns: frozenset[str] | None = None) -> Node | None:
        kind, text = self.take()
        if kind == "columns":
            return self.primary(_columns(text))
        if kind == "punct" and text == "^":
            return self.primary(columns)
        if kind == "punct" and text == "(":
            tree = self.disjunction()
            if self.take() != ("punct", ")"):
                raise QuerySyntaxError("a '(' is not closed")
            return _with_columns(tree, columns)
        if kind == "word" and text == "NEAR" and self.peek() == ("punct", "("):
            return self.near(columns)
        if kind in ("word", "string") and text not in ("AND", "OR", "NOT"):
            return self.phrase(kind, text, columns)
        raise QuerySyntaxError(f"unexpected {text!r}")

    def phrase(self, kind: str, text: str, columns: frozenset[str] | None) -> Phrase | None:
        terms = _tokens(text[1:-1].replace('""', '"') if kind == "string" else text)
        prefix = False
        while True:
            if self.peek() == ("punct", "*"):
                self.take()
                prefix = True
            if self.peek() != ("punct", "+"):
                break
            self.take()
            kind, text = self.take()
            if kind not in ("word", "string"):
                raise QuerySyntaxError("'+' must join two words")
            terms += _tokens(text[1:-1].replace('""', '"') if kind == "string" else text)
        return Phrase(tuple(terms), prefix, columns) if terms else None

    def near(self, columns: frozenset[str] | None) -> Node | None:
        self.take()  # (
        phrases: list[Phrase] = []
        distance = 10
        while (lexeme := self.take()) != ("punct", ")"):
            kind, text = lexeme
            if lexeme == ("punct", ","):
                kind, text = self.take()
                if not text.isdigit():
                    raise QuerySyntaxError("NEAR's distance must be a number")
                distance = int(text)
                continue
            if kind not in ("word", "string"):
                raise QuerySyntaxError(f"unexpected {text!r} in NEAR")
            found = self.phrase(kind, text, None)
            if found is not None:
                phrases.append(found)
        if not phrases:
            return None
        return Near(tuple(phrases), distance, columns)


def _columns(text: str) -> frozenset[str]:
    spec = text.rstrip(":").strip()
    negated = spec.startswith("-")
    names = spec.lstrip("-").strip("{}").split()
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise QuerySyntaxError(f"no such column: {unknown[0]}")
    chosen = frozenset(names)
    return frozenset(COLUMNS) - chosen if negated else chosen


def _with_columns(tree: Node | None, columns: frozenset[str] | None) -> Node | None:
    """A column filter in front of a parenthesis applies to every phrase inside it."""
    if tree is None or columns is None:
        return tree
    if isinstance(tree, Phrase):
        return Phrase(tree.terms, tree.prefix, columns)
    if isinstance(tree, Near):
        return Near(tree.phrases, tree.distance, columns)
    parts = [_with_columns(part, columns) for part in tree.parts]
    return _boolean(tree.operator, parts)


def _boolean(operator: str, parts: list[Node | None]) -> Node | None:
    """Parts without any words (a query of punctuation) match nothing: an AND or the
    first part of a NOT with one is nothing; elsewhere it is left out."""
    if operator == "AND" and any(part is None for part in parts):
        return None
    if operator == "NOT" and parts[0] is None:
        return None
    kept = [part for part in parts if part is not None]
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    return Boolean(operator, tuple(kept), loose=any(part.loose for part in kept))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts(node: Node) -> str:
    """The looser query the index can answer: it finds at least what `node` matches."""
    if isinstance(node, Phrase):
        words = [_quoted(term) for term in node.terms]
        if node.prefix:
            words[-1] += "*"
        return words[0] if len(words) == 1 else "(" + " AND ".join(words) + ")"
    if isinstance(node, Near):
        return "(" + " AND ".join(_fts(phrase) for phrase in node.phrases) + ")"
    if node.operator == "NOT":
        first, *rest = node.parts
        # Leaving out a loose part of a NOT finds more, never less.
        exact = [part for part in rest if not part.loose]
        return "(" + " NOT ".join([_fts(first), *(_fts(part) for part in exact)]) + ")"
    return "(" + f" {node.operator} ".join(_fts(part) for part in node.parts) + ")"


def _matches(node: Node, tokens: dict[str, list[str]]) -> bool:
    if isinstance(node, Phrase):
        return any(_positions(node, tokens[column]) for column in node.columns or COLUMNS)
    if isinstance(node, Near):
        return any(_near(node, tokens[column]) for column in node.columns or COLUMNS)
    if node.operator == "AND":
        return all(_matches(part, tokens) for part in node.parts)
    if node.operator == "OR":
        return any(_matches(part, tokens) for part in node.parts)
    first, *rest = node.parts
    return _matches(first, tokens) and not any(_matches(part, tokens) for part in rest)


def _positions(phrase: Phrase, tokens: list[str]) -> list[int]:
    """Where the phrase starts in `tokens`."""
    size = len(phrase.terms)
    last = size - 1
    found = []
    for start in range(len(tokens) - size + 1):
        for offset, term in enumerate(phrase.terms):
            token = tokens[start + offset]
            if token != term and not (phrase.prefix and offset == last and token.startswith(term)):
                break
        else:
            found.append(start)
    return found


def _near(near: Near, tokens: list[str]) -> bool:
    """Every phrase within `distance` tokens of the others, as FTS5 counts: the tokens
    between the first phrase's end and the last one's start."""
    spans = [
        [(start, start + len(p.terms)) for start in _positions(p, tokens)] for p in near.phrases
    ]
    if not all(spans):
        return False
    for first_start, first_end in spans[0]:
        window_start, window_end = first_start, first_end
        for others in spans[1:]:
            best = min(
                others,
                key=lambda span: max(span[1], window_end) - min(span[0], window_start),
            )
            window_start, window_end = min(best[0], window_start), max(best[1], window_end)
        length = sum(len(p.terms) for p in near.phrases)
        if window_end - window_start - length <= near.distance:
            return True
    return False
