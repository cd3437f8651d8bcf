"""JSON Schemas of the command-line output: the contract of DESIGN.md in checkable form."""

from __future__ import annotations

from typing import Any

NULLABLE_STRING: dict[str, Any] = {"type": ["string", "null"]}
NULLABLE_ID: dict[str, Any] = {"type": ["integer", "null"]}
DATETIME: dict[str, Any] = {
    "type": ["string", "null"],
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2})$",
}

LINK = {
    "type": "object",
    "required": ["title", "url", "target_id"],
    "additionalProperties": False,
    "properties": {"title": {"type": "string"}, "url": NULLABLE_STRING, "target_id": NULLABLE_ID},
}

BLOCK = {
    "type": "object",
    "required": ["kind", "text"],
    "properties": {
        "kind": {
            "enum": [
                "paragraph",
                "blockquote",
                "list",
                "figure",
                "also_read",
                "preformatted",
                "table",
            ]
        },
        "text": {"type": "string"},
        "links": {"type": "array", "items": LINK},
        "items": {"type": "array", "items": {"type": "string"}},
        "ordered": {"type": "boolean"},
        "rows": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
        "url": NULLABLE_STRING,
        "caption": NULLABLE_STRING,
        "credit": NULLABLE_STRING,
    },
    "additionalProperties": False,
    "allOf": [
        {"if": {"properties": {"kind": {"const": "also_read"}}}, "then": {"required": ["links"]}},
        {
            "if": {"properties": {"kind": {"const": "figure"}}},
            "then": {"required": ["caption", "credit"]},
        },
        {"if": {"properties": {"kind": {"const": "list"}}}, "then": {"required": ["items"]}},
    ],
}

ARTICLE = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "url",
        "title",
        "byline",
        "published",
        "feed",
        "category",
        "lede",
        "image",
        "sections",
        "quotes",
        "also_read",
        "sources",
        "text",
    ],
    "properties": {
        "id": {"type": "integer"},
        "url": NULLABLE_STRING,
        "title": {"type": "string"},
        "byline": NULLABLE_STRING,
        "published": DATETIME,
        "feed": NULLABLE_STRING,
        "category": NULLABLE_STRING,
        "lede": NULLABLE_STRING,
        "image": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "required": ["url", "name", "caption", "credit"],
            "properties": {
                "url": NULLABLE_STRING,
                "name": NULLABLE_STRING,
                "caption": NULLABLE_STRING,
                "credit": NULLABLE_STRING,
            },
        },
        "sections": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "blocks"],
                "properties": {
                    "title": NULLABLE_STRING,
                    "blocks": {"type": "array", "items": BLOCK},
                },
            },
        },
        "quotes": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "speaker", "section"],
                "properties": {
                    "text": {"type": "string"},
                    "speaker": NULLABLE_STRING,
                    "section": {"type": "integer", "minimum": 0},
                },
            },
        },
        "also_read": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "url", "section", "target_id"],
                "properties": {
                    "title": {"type": "string"},
                    "url": NULLABLE_STRING,
                    "section": {"type": "integer", "minimum": 0},
                    "target_id": NULLABLE_ID,
                },
            },
        },
        "sources": {"type": "array", "items": {"type": "string"}},
        "text": {"type": "string"},
    },
}

SUMMARY = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "url", "feed", "published", "read", "starred", "saved"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": NULLABLE_STRING,
        "feed": NULLABLE_STRING,
        "published": DATETIME,
        "read": {"type": "boolean"},
        "starred": {"type": "boolean"},
        "saved": {"type": "boolean"},
    },
}
SUMMARY_LIST = {"type": "array", "items": SUMMARY}
SEARCH_LIST = {
    "type": "array",
    "items": {
        **SUMMARY,
        "required": [*SUMMARY["required"], "snippet", "rank"],
        "properties": {
            **SUMMARY["properties"],
            "snippet": {"type": "string"},
            "rank": {"type": "number"},
        },
    },
}
