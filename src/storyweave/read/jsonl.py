"""JSON Lines: one article object per line; a bad line is skipped and the rest go on."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..model import Article, Skipped
from ._common import (
    MAX_BYTES,
    Unreadable,
    article_from_text,
    decode,
    load_bytes,
    outlet_from_url,
)
from .html import html_article
from .outlet import named_outlet

_FIELDS = ("url", "source", "title", "published")
# what a JSON reader calls each value Python decodes it to
_JSON_TYPES = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    list: "an array",
    dict: "an object",
    type(None): "null",
}


def json_type(value: object) -> str:
    """A JSON value's type as a person names it: 'an integer', 'an array', 'null'."""
    return _JSON_TYPES.get(type(value), f"a {type(value).__name__}")


def read_jsonl(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Skipped]]:
    """Articles from a JSONL file, and the lines that were skipped."""
    text = decode(load_bytes(path, max_bytes))
    return jsonl_articles(text.split("\n"), prefix=str(path), default_source=path.name)


def jsonl_articles(
    lines: Iterable[str], *, prefix: str, default_source: str
) -> tuple[list[Article], list[Skipped]]:
    """Articles from JSONL lines; origin of each is '{prefix} line {n}'. A record that names
    no outlet (no `source`, no `url`, no name in its text) is an outlet of its own, called
    '{default_source}:{n}': one file of articles is no one outlet, and counting its records
    as one would hide every agreement between them."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{prefix} line {n}"
        try:
            articles.append(_article(line, origin, f"{default_source}:{n}"))
        except Unreadable as e:
            skipped.append(Skipped(origin, str(e)))
    return articles, skipped


def _article(line: str, origin: str, default_source: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise Unreadable(
            f"is not JSON ({e.msg} at column {e.colno}); each line must be one JSON object"
        ) from None
    if not isinstance(obj, dict):
        raise Unreadable(
            f'is {json_type(obj)}, not an object; each line must be one {{"text": ...}} object'
        )
    fields: dict[str, str | None] = {}
    for key in _FIELDS:
        value = obj.get(key)
        fields[key] = None if value is None or value == "" else str(value)
    source = fields["source"] or outlet_from_url(fields["url"])
    for key in ("text", "html"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise Unreadable(f'field "{key}" is {json_type(value)}, not a string')
    text, html = obj.get("text"), obj.get("html")
    if text and text.strip():
        article = article_from_text(
            text,
            source=source or named_outlet(text, default_source),
            origin=origin,
            title=fields["title"],
            url=fields["url"],
            published=fields["published"],
        )
        if not article.text.strip():
            raise Unreadable('field "text" has a title line but no body text')
        return article
    if html and html.strip():
        return html_article(
            html,
            origin=origin,
            fallback_source=default_source,
            source=fields["source"],
            url=fields["url"],
            title=fields["title"],
            published=fields["published"],
        )
    if "text" in obj or "html" in obj:
        raise Unreadable('field "text" (or "html") is empty; give the article body there')
    raise Unreadable('field "text" is missing; each object needs "text" or "html" with the body')
