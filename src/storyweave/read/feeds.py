"""RSS and Atom feeds through feedparser, from a file or a URL; each entry becomes an Article.

For ingest and watch (the store's side):

    read_feed(source: str | Path, *, fetch_pages: bool = True, fetcher: Fetcher | None = None,
              known_urls: Container[str] = frozenset(), max_bytes: int = MAX_BYTES) -> Batch
    read_url(url: str, *, fetch_pages: bool = True, fetcher: Fetcher | None = None,
             known_urls: Container[str] = frozenset()) -> Batch      # a feed, or one HTML page
    is_url(source) -> bool;  looks_like_feed(path) -> bool

An entry's page is fetched (politely: see fetch.py) and read by the HTML reader (trafilatura);
when it cannot be, the entry's own content or summary is the text and the page's failure is
reported as a Skipped naming the page URL. An entry with no text at all is a Skipped naming
"<feed> entry N". Outlet: the entry's <source>, else the feed's title, else the link's domain.
`published` is ISO 8601 in UTC.

`watch` keeps one Fetcher for the life of the process and passes it every round: a feed that
has not changed answers 304 to the kept ETag/Last-Modified and gives an empty Batch. Entries
whose link is in `known_urls` (already stored; `ingest` and `watch` pass the store's) are left
out without fetching their pages, and so is a page URL given itself.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import feedparser
import lxml.html
from lxml import etree

from ..model import Article, Skipped
from ._common import MAX_BYTES, Unreadable, article_from_text, load_bytes, outlet_from_url
from .fetch import FEED_TYPES, PAGE_TYPES, Fetched, Fetcher, FetchError, page_text
from .html import html_article

if TYPE_CHECKING:
    from . import Batch

FEED_EXT = {".rss", ".atom"}
_PAGES_AT_ONCE = 32
_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf")
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


@dataclass(frozen=True, slots=True)
class _Feed:
    """What every entry of one feed shares."""

    name: str  # the file or URL, for messages
    title: str | None
    fetch_pages: bool
    known_urls: Container[str]


def is_url(source: object) -> bool:
    """Whether a source given to read() is an http(s) address rather than a path."""
    return str(source).lower().startswith(("http://", "https://"))


def looks_like_feed(path: Path) -> bool:
    """Whether a file is a feed: .rss/.atom, or .xml whose top has an rss/feed/RDF element."""
    ext = path.suffix.lower()
    if ext in FEED_EXT:
        return True
    if ext != ".xml":
        return False
    try:
        with path.open("rb") as f:
            head = f.read(2048).lower()
    except OSError:
        return False  # the reader proper reports why it cannot be opened
    return any(mark in head for mark in _FEED_MARKS)


def read_feed(
    source: str | Path,
    *,
    fetch_pages: bool = True,
    fetcher: Fetcher | None = None,
    known_urls: Container[str] = frozenset(),
    max_bytes: int = MAX_BYTES,
) -> Batch:
    """Articles from an RSS/Atom feed file or feed URL; what cannot be read is skipped."""
    if is_url(source):
        return read_url(
            str(source), fetch_pages=fetch_pages, fetcher=fetcher, known_urls=known_urls
        )
    name = str(source)
    try:
        data = load_bytes(Path(source), max_bytes)
    except Unreadable as e:
        return _batch([], [Skipped(name, str(e))])
    except OSError as e:
        return _batch([], [Skipped(name, f"cannot be opened ({e.strerror}); check the path")])
    parsed = feedparser.parse(data)
    with _using(fetcher) as f:
        return _feed_batch(parsed, name, f, fetch_pages, known_urls)


def read_url(
    url: str,
    *,
    fetch_pages: bool = True,
    fetcher: Fetcher | None = None,
    known_urls: Container[str] = frozenset(),
) -> Batch:
    """Articles from a URL: every entry of a feed, or the one article of an HTML page."""
    if url in known_urls:
        return _batch()  # a page already stored: not fetched again
    with _using(fetcher) as f:
        try:
            got = f.fetch(url, accept=FEED_TYPES | PAGE_TYPES, conditional=True)
        except FetchError as e:
            return _batch([], [Skipped(url, e.reason)])
        if got.not_modified:
            return _batch()  # unchanged since the last round of watch
        headers = {"content-type": got.content_type or "", "content-location": got.final_url}
        parsed = feedparser.parse(got.body, response_headers=headers)
        if _is_feed(parsed) or not _is_page(got.content_type, got.body):
            return _feed_batch(parsed, url, f, fetch_pages, known_urls)
        try:
            return _batch([_page_article(got.final_url, page_text(got), None)])
        except (FetchError, Unreadable) as e:
            return _batch([], [Skipped(url, _reason(e))])


def _feed_batch(
    parsed: Any, name: str, fetcher: Fetcher, fetch_pages: bool, known_urls: Container[str]
) -> Batch:
    """Articles from a parsed feed, or one Skipped when it is not a feed."""
    if not _is_feed(parsed):
        why = parsed.get("bozo_exception")
        detail = f" ({why})" if why else ""
        return _batch(
            [],
            [Skipped(name, f"is not an RSS or Atom feed{detail}; check the address or file")],
        )
    feed = _Feed(name, _clean(parsed.feed.get("title")), fetch_pages, known_urls)
    entries = [(n, entry, _link(entry)) for n, entry in enumerate(parsed.entries, 1)]
    entries = [(n, e, link) for n, e, link in entries if not _known(link, known_urls, fetcher)]
    articles: list[Article] = []
    skipped: list[Skipped] = []
    # pages are fetched a chunk at a time so that a long feed never holds every body at once
    for start in range(0, len(entries), _PAGES_AT_ONCE):
        chunk = entries[start : start + _PAGES_AT_ONCE]
        wanted = [link for _, _, link in chunk if link] if fetch_pages else []
        pages = fetcher.fetch_many(wanted, accept=PAGE_TYPES)
        for n, entry, link in chunk:
            article, notes = _entry_article(entry, n, feed, link, pages.get(link or ""))
            if article is not None:
                articles.append(article)
            skipped.extend(notes)
    return _batch(articles, skipped)


def _link(entry: Any) -> str | None:
    """The entry's http(s) link; a relative or non-web link names nothing storyweave can fetch."""
    link = entry.get("link") or None
    return link if link is not None and is_url(link) else None


def _entry_article(
    entry: Any, n: int, feed: _Feed, link: str | None, page: Fetched | FetchError | None
) -> tuple[Article | None, list[Skipped]]:
    """One entry's Article (its page's text, else its own text) and what went wrong on the way."""
    source = _clean((entry.get("source") or {}).get("title")) or feed.title
    title = _clean(entry.get("title"))
    published = _published(entry)
    notes: list[Skipped] = []
    if link is not None and page is not None:
        got = _read_page(page, (source, title, published))
        if isinstance(got, Article):
            return got, []
        notes.append(Skipped(link, f"page not read: {got}"))
    text = _entry_text(entry)
    if not text:
        why = "has no link and no text" if link is None else "has no summary or content"
        return None, [*notes, Skipped(f"{feed.name} entry {n}", f"{why}; nothing to read")]
    if notes:
        notes = [Skipped(s.input, f"{s.reason}; the feed's own text was used") for s in notes]
    article = article_from_text(
        text,
        source=source or outlet_from_url(link) or _name_outlet(feed.name),
        origin=link or f"{feed.name} entry {n}",
        title=title or "",
        url=link,
        published=published,
    )
    return article, notes


def _read_page(
    page: Fetched | FetchError, meta: tuple[str | None, str | None, str | None]
) -> Article | str:
    """The Article of a fetched page, or why there is none."""
    if isinstance(page, FetchError):
        return page.reason
    try:
        return _page_article(page.final_url, page_text(page), meta)
    except (FetchError, Unreadable) as e:
        return _reason(e)


def _page_article(
    url: str, html: str, meta: tuple[str | None, str | None, str | None] | None
) -> Article:
    """An Article from a fetched page; the feed's outlet, title and date win over the page's."""
    source, title, published = meta or (None, None, None)
    return html_article(
        html,
        origin=url,
        fallback_source=outlet_from_url(url) or url,
        source=source,
        url=url,
        title=title,
        published=published,
    )


def _known(link: str | None, known_urls: Container[str], fetcher: Fetcher) -> bool:
    """Whether the entry's page is already stored, under its link or where the link redirected."""
    if link is None:
        return False
    final = fetcher.redirects.get(link)
    return link in known_urls or (final is not None and final in known_urls)


def _is_feed(parsed: Any) -> bool:
    """Whether feedparser found a feed (a version, or at least one entry)."""
    return bool(parsed.get("version") or parsed.entries)


def _is_page(content_type: str | None, body: bytes) -> bool:
    """Whether a response that is no feed is an HTML page, by its type or its first bytes."""
    if content_type is not None:
        return content_type in PAGE_TYPES
    return b"<html" in body[:4096].lower()


def _published(entry: Any) -> str | None:
    """The entry's date as ISO 8601 in UTC (feedparser has already read it into UTC)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content and summary, as plain text with paragraphs."""
    values = [c.get("value", "") for c in entry.get("content") or []]
    values.append(entry.get("summary", ""))
    texts = [_html_to_text(v) for v in values if v and v.strip()]
    return max(texts, key=len, default="")


def _html_to_text(html: str) -> str:
    """Plain text from a feed's HTML snippet, a paragraph a line."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    """A title as one line of plain text, or None."""
    if not isinstance(value, str):
        return None
    text = " ".join(_html_to_text(value).split())
    return text or None


def _name_outlet(name: str) -> str:
    """An outlet for an entry with neither feed title nor link: the feed's host or file stem."""
    if is_url(name):
        return outlet_from_url(name) or name
    return Path(name).stem or name


def _reason(error: Exception) -> str:
    """The reason of a FetchError or Unreadable, without the URL it names."""
    return error.reason if isinstance(error, FetchError) else str(error)


def _batch(articles: list[Article] | None = None, skipped: list[Skipped] | None = None) -> Batch:
    """A Batch; imported here because read/__init__ imports this module."""
    from . import Batch

    return Batch(articles or [], skipped or [])


@contextmanager
def _using(fetcher: Fetcher | None) -> Iterator[Fetcher]:
    """The caller's Fetcher, or a fresh one closed afterwards."""
    if fetcher is not None:
        yield fetcher
        return
    with Fetcher() as own:
        yield own
