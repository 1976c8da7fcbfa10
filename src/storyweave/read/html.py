"""HTML pages: main text and metadata through trafilatura."""

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
    outlet_from_url,
)
from .outlet import named_outlet


def read_html(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """One article from an HTML file."""
    html = decode(load_bytes(path, max_bytes))
    return html_article(html, origin=str(path), fallback_source=outlet_from_filename(path.name))


def html_article(
    html: str,
    *,
    origin: str,
    fallback_source: str,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> Article:
    """One article from an HTML string; given fields win over the page's metadata."""
    import trafilatura  # 0.2 s to import: only when a page is read, not for every command

    text = trafilatura.extract(
        html, url=url, output_format="txt", include_comments=False, include_tables=False
    )
    if not text or not text.strip():
        raise Unreadable(
            "has no main text that trafilatura could find; save the article as .txt instead"
        )
    meta = trafilatura.extract_metadata(html, default_url=url)
    page_url = url or (meta.url if meta else None)
    outlet = (
        source
        or (meta.sitename if meta else None)
        or outlet_from_url(page_url)
        or (meta.hostname if meta else None)
        or named_outlet(text, fallback_source)
    )
    return article_from_text(
        text,
        source=outlet,
        origin=origin,
        title=title or (meta.title if meta and meta.title else None),
        url=page_url,
        published=published or (meta.date if meta else None),
    )
