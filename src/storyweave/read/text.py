"""Plain-text articles: first non-empty line is the title, the rest is the body."""

from __future__ import annotations

from pathlib import Path

from ..model import Article
from ._common import (
    MAX_BYTES,
    Unreadable,
    article_from_text,
    decode,
    load_bytes,
    outlet_from_filename,
)
from .outlet import named_outlet


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """One article from a text file; outlet from the file name."""
    return text_article(decode(load_bytes(path, max_bytes)), origin=str(path), name=path.name)


def text_article(text: str, *, origin: str, name: str) -> Article:
    """One article from decoded plain text, its outlet from the file name or its own words;
    raises Unreadable when there is no body."""
    source = named_outlet(text, outlet_from_filename(name))
    article = article_from_text(text, source=source, origin=origin)
    if not article.text.strip():
        raise Unreadable("has a title line but no body text")
    return article
