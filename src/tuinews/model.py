"""The article model of DESIGN.md: plain dataclasses with an exact JSON form.

Everything above this module (extract, library, feeds, cli, app) speaks in these types, so the
JSON produced by `to_dict()` is also the storage format and the `show --json`
contract. `from_dict(to_dict(x)) == x` holds for every value these types can hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args

BlockKind = Literal[
    "paragraph", "blockquote", "list", "figure", "also_read", "preformatted", "table"
]
BLOCK_KINDS: tuple[str, ...] = get_args(BlockKind)


def _parse_datetime(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"published date without a time zone: {value!r}")
    return parsed


@dataclass
class Link:
    """A link inside an also-read block; `target_id` is set once the story is stored."""

    title: str
    url: str | None = None
    target_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "target_id": self.target_id}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(title=data["title"], url=data.get("url"), target_id=data.get("target_id"))


@dataclass
class Block:
    """One block of a section.

    `text` is always the block's readable plain text (for a list its items joined by
    newlines, for a figure its caption), so search and plain rendering never need to
    know the kind. The other fields only appear in the JSON of the kinds they belong to.
    """

    kind: BlockKind
    text: str = ""
    links: list[Link] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    ordered: bool = False
    rows: list[list[str]] = field(default_factory=list)
    url: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.kind == "also_read":
            data["links"] = [link.to_dict() for link in self.links]
        elif self.kind == "list":
            data["items"] = list(self.items)
            data["ordered"] = self.ordered
        elif self.kind == "table":
            data["rows"] = [list(row) for row in self.rows]
        elif self.kind == "figure":
            data["url"] = self.url
            data["caption"] = self.caption
            data["credit"] = self.credit
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        kind = data["kind"]
        if kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {kind!r}")
        return cls(
            kind=kind,
            text=data.get("text", ""),
            links=[Link.from_dict(link) for link in data.get("links", [])],
            items=list(data.get("items", [])),
            ordered=bool(data.get("ordered", False)),
            rows=[list(row) for row in data.get("rows", [])],
            url=data.get("url"),
            caption=data.get("caption"),
            credit=data.get("credit"),
        )


@dataclass
class Section:
    """A run of blocks under one heading; the first section of a story often has none."""

    title: str | None = None
    blocks: list[Block] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "blocks": [block.to_dict() for block in self.blocks]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(
            title=data.get("title"),
            blocks=[Block.from_dict(block) for block in data.get("blocks", [])],
        )


@dataclass
class Quote:
    """A quotation found anywhere in the story; `speaker` only when the story says who."""

    text: str
    speaker: str | None = None
    section: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "section": self.section}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(text=data["text"], speaker=data.get("speaker"), section=data.get("section", 0))


@dataclass
class AlsoRead:
    """An also-read link in reading order, with the section it stands in."""

    title: str
    url: str | None = None
    section: int = 0
    target_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "section": self.section,
            "target_id": self.target_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AlsoRead:
        return cls(
            title=data["title"],
            url=data.get("url"),
            section=data.get("section", 0),
            target_id=data.get("target_id"),
        )


@dataclass
class Image:
    """The lead image: where it is, what the site called it, its caption and credit."""

    url: str | None = None
    name: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "name": self.name, "caption": self.caption, "credit": self.credit}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Image:
        return cls(
            url=data.get("url"),
            name=data.get("name"),
            caption=data.get("caption"),
            credit=data.get("credit"),
        )


@dataclass
class Article:
    """A story with its structure; absent values stay None or empty, never invented."""

    title: str
    id: int | None = None
    url: str | None = None
    byline: str | None = None
    published: datetime | None = None
    feed: str | None = None
    category: str | None = None
    lede: str | None = None
    image: Image | None = None
    sections: list[Section] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    also_read: list[AlsoRead] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        if self.published is not None and self.published.tzinfo is None:
            raise ValueError("Article.published must be an aware datetime")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "feed": self.feed,
            "category": self.category,
            "lede": self.lede,
            "image": self.image.to_dict() if self.image else None,
            "sections": [section.to_dict() for section in self.sections],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "also_read": [link.to_dict() for link in self.also_read],
            "sources": list(self.sources),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        image = data.get("image")
        return cls(
            id=data.get("id"),
            url=data.get("url"),
            title=data["title"],
            byline=data.get("byline"),
            published=_parse_datetime(data.get("published")),
            feed=data.get("feed"),
            category=data.get("category"),
            lede=data.get("lede"),
            image=Image.from_dict(image) if image is not None else None,
            sections=[Section.from_dict(section) for section in data.get("sections", [])],
            quotes=[Quote.from_dict(quote) for quote in data.get("quotes", [])],
            also_read=[AlsoRead.from_dict(link) for link in data.get("also_read", [])],
            sources=list(data.get("sources", [])),
            text=data.get("text", ""),
        )

    def body_text(self) -> str:
        """The readable text of the story: lede, headings and blocks, one per paragraph.

        Used when an extractor did not fill `text`, and as the full-text index body.
        Figures and also-read boxes are left out: captions describe pictures, and the
        links belong to other stories.
        """
        parts: list[str] = []
        if self.lede:
            parts.append(self.lede)
        for section in self.sections:
            if section.title:
                parts.append(section.title)
            parts.extend(
                block.text
                for block in section.blocks
                if block.text and block.kind not in ("also_read", "figure")
            )
        return "\n\n".join(parts)


@dataclass
class Feed:
    """A subscription as the library knows it, with the state of its last fetch."""

    url: str
    title: str
    id: int | None = None
    folder: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    last_fetched: datetime | None = None
    last_success: datetime | None = None
    next_fetch_after: datetime | None = None
    failures: int = 0
    gone: bool = False
    full_text: bool = False
    unread: int = 0
    total: int = 0


@dataclass
class ArticleSummary:
    """One row of an article list: what a list shows, without the document."""

    id: int
    title: str
    url: str | None
    feed: str | None
    published: datetime | None
    read: bool
    starred: bool
    saved: bool
    sort_ts: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "feed": self.feed,
            "published": self.published.isoformat() if self.published else None,
            "read": self.read,
            "starred": self.starred,
            "saved": self.saved,
        }
