"""Reading a POST /articles body: size, encoding, JSON, nesting, fields; each failure says what to fix.

Every check runs before anything is stored, so a refused request stores nothing.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_BODY_BYTES = 10 * 1024 * 1024  # 50 long articles are about 1 MB
MAX_ARTICLES = 500  # one request is one transaction: keep it short for other writers
MAX_DEPTH = 4  # {"articles": [{"text": ...}]} is 3 deep


class BodyError(Exception):
    """A request body that cannot be used, with the HTTP status that says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class ArticleIn(BaseModel):
    """One article as a client sends it; the same fields as a JSONL line for `ingest`."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article body (plain text); or give html")
    html: str | None = Field(None, description="the article page as HTML, read by trafilatura")
    title: str | None = Field(None, max_length=2000, description="headline; else the first line")
    url: str | None = Field(None, max_length=4000, description="where it was published")
    source: str | None = Field(None, max_length=500, description="outlet; else the URL's domain")
    published: str | None = Field(None, max_length=64, description="ISO 8601 date or time")


class BatchIn(BaseModel):
    """The body of POST /articles."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(description="the articles, stored in one transaction")


@dataclass(frozen=True, slots=True)
class Limits:
    """How large a POST /articles body may be."""

    max_bytes: int = MAX_BODY_BYTES
    max_articles: int = MAX_ARTICLES
    max_depth: int = MAX_DEPTH


async def read_limited(
    chunks: AsyncIterator[bytes], declared: str | None, max_bytes: int
) -> bytes:
    """The whole body, refused (413) as soon as it is longer than max_bytes."""
    too_big = BodyError(
        413,
        f"the body is larger than {max_bytes:,} bytes; send fewer articles per request",
    )
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    data = bytearray()
    async for chunk in chunks:
        data += chunk
        if len(data) > max_bytes:
            raise too_big
    return bytes(data)


def parse_batch(data: bytes, content_type: str | None, limits: Limits) -> BatchIn:
    """A validated batch from a raw body, or BodyError naming what to fix."""
    if content_type and "json" not in content_type.split(";")[0].lower():
        raise BodyError(
            415, f"the body is {content_type}; send JSON with Content-Type: application/json"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BodyError(
            400,
            f"the body is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "encode the JSON as UTF-8",
        ) from None
    value = _loads(text)
    _check_depth(value, limits.max_depth)
    if isinstance(value, list):  # a bare array is taken as the article list
        value = {"articles": value}
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        n = len(value["articles"])
        if n > limits.max_articles:
            raise BodyError(
                413,
                f"{n} articles in one request; at most {limits.max_articles}: split the batch",
            )
    try:
        return BatchIn.model_validate(value)
    except ValidationError as e:
        raise BodyError(422, describe(e)) from None


def _loads(text: str) -> Any:
    if not text.strip():
        raise BodyError(400, 'the body is empty; send {"articles": [{"text": ...}, ...]}')
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BodyError(
            400,
            f"the body is not JSON ({e.msg} at line {e.lineno} column {e.colno}); "
            'send {"articles": [{"text": ...}, ...]}',
        ) from None
    except RecursionError:
        raise BodyError(400, _too_deep(None)) from None


def _too_deep(limit: int | None) -> str:
    most = f"at most {limit} levels" if limit else "far too deep"
    return (
        f"the JSON is nested {most}; an article batch is "
        '{"articles": [{"text": "...", ...}]}, with plain strings as values'
    )


def _check_depth(value: Any, limit: int) -> None:
    """Refuse JSON nested deeper than `limit` (counting objects and arrays)."""
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise BodyError(400, _too_deep(limit))
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))


def describe(e: ValidationError) -> str:
    """Pydantic's errors as one readable line per problem: where, what, what to do."""
    allowed = ", ".join(ArticleIn.model_fields)
    lines = []
    for err in e.errors()[:20]:
        where = _where(err["loc"])
        if err["type"] == "extra_forbidden":
            lines.append(f"{where}: unknown field; the fields are {allowed}")
        elif err["type"] == "missing":
            lines.append(f'{where}: missing; send {{"articles": [...]}}')
        else:
            lines.append(f"{where}: {err['msg']}")
    more = len(e.errors()) - 20
    if more > 0:
        lines.append(f"... and {more} more")
    return "; ".join(lines)


def _where(loc: tuple[Any, ...]) -> str:
    """A Pydantic location as a JSON path: articles[2].body."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the body"
