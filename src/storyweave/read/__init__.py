"""Readers: files, folders and stdin into Articles; what cannot be read is skipped with a reason.

Formats by extension: .txt (and unknown extensions that decode as text) plain text,
.html/.htm through trafilatura, .jsonl/.ndjson one object per line. "-" reads stdin.
RSS/Atom feeds (.rss, .atom, .xml with a feed inside) and http(s) URLs go through feeds.py.
"""

from __future__ import annotations

import sys
from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Article, Skipped
from ._common import (
    MAX_BYTES,
    Unreadable,
    article_from_text,
    check_size,
    decode,
    outlet_from_filename,
    outlet_from_url,
)
from .html import html_article, read_html
from .jsonl import jsonl_articles, read_jsonl
from .text import read_text, text_article

if TYPE_CHECKING:
    from .fetch import Fetcher

__all__ = [
    "MAX_BYTES",
    "Batch",
    "article_from_text",
    "outlet_from_filename",
    "outlet_from_url",
    "read",
    "read_path",
    "read_stdin",
    "stream",
]

HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}


class Batch(list[Article]):
    """Articles read from sources, with the inputs that were skipped and why."""

    def __init__(self, articles: Iterable[Article] = (), skipped: Iterable[Skipped] = ()):
        super().__init__(articles)
        self.skipped: list[Skipped] = list(skipped)


def read(
    *sources: str | Path | Iterable[str | Path],
    strict: bool = False,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
    known_urls: Container[str] = frozenset(),
) -> Batch:
    """Articles from paths, folders, "-" (stdin) and http(s) URLs; strict makes a skip an error.

    Pages whose URL is in `known_urls` (already stored) are not fetched. A list of sources may
    stand for several: `read(["a.html", "b.html"])` is `read("a.html", "b.html")`.
    """
    batch = Batch()
    for src in _flat(sources):
        if str(src) == "-":
            articles, skipped = read_stdin(max_bytes=max_bytes)
        elif str(src).lower().startswith(("http://", "https://")):
            from .feeds import read_url  # loads httpx and feedparser only when a URL is given

            got = read_url(str(src), fetcher=fetcher, known_urls=known_urls)
            articles, skipped = list(got), got.skipped
        else:
            path = Path(src)
            if not path.exists():
                raise InputError(
                    "no such file or folder", input=str(src), hint="check the path and try again"
                )
            articles, skipped = read_path(
                path, max_bytes=max_bytes, fetcher=fetcher, known_urls=known_urls
            )
        if strict and skipped:
            raise InputError(skipped[0].reason, input=skipped[0].input)
        batch.extend(articles)
        batch.skipped.extend(skipped)
    return batch


def _flat(sources: Iterable[str | Path | Iterable[str | Path]]) -> Iterator[str | Path]:
    for src in sources:
        if isinstance(src, (str, Path)):
            yield src
        elif isinstance(src, Iterable):
            yield from _flat(src)
        else:
            raise InputError(
                f"a source is a path, a URL or '-', not {type(src).__name__}",
                input=repr(src),
                hint="pass file or folder paths, URLs, or '-' for stdin",
            )


class ArticleStream:
    """Articles read one file at a time as they are iterated (a big folder or many files never
    sit in memory at once); `skipped` fills as the reading goes."""

    def __init__(self, sources: Iterable[str | Path], **options: object) -> None:
        self.sources = list(sources)
        self.options = options
        self.skipped: list[Skipped] = []
        for src in self.sources:  # a mistyped path is an error before anything is stored
            text = str(src)
            if text != "-" and not text.lower().startswith(("http://", "https://")):
                if not Path(src).exists():
                    raise InputError(
                        "no such file or folder", input=text, hint="check the path and try again"
                    )

    def __iter__(self) -> Iterator[Article]:
        for src in self.sources:
            path = Path(src)
            parts = _files(path) if path.is_dir() else [src]
            for part in parts:
                batch = read(part, **self.options)  # type: ignore[arg-type]
                self.skipped.extend(batch.skipped)
                yield from batch


def stream(*sources: str | Path, **options: object) -> ArticleStream:
    """Like `read`, but lazy: articles come one file at a time (for `storyweave ingest`)."""
    return ArticleStream(sources, **options)


def _files(folder: Path) -> list[Path]:
    """A folder's files, sorted, recursive, hidden ones left out."""
    return [
        f
        for f in sorted(p for p in folder.rglob("*") if p.is_file())
        if not any(part.startswith(".") for part in f.relative_to(folder).parts)
    ]


def read_path(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    fetcher: Fetcher | None = None,
    known_urls: Container[str] = frozenset(),
) -> tuple[list[Article], list[Skipped]]:
    """Articles from one file or a folder (sorted, recursive, hidden files ignored)."""
    if not path.is_dir():
        return _read_file(path, max_bytes, fetcher, known_urls)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for f in _files(path):
        a, s = _read_file(f, max_bytes, fetcher, known_urls)
        articles.extend(a)
        skipped.extend(s)
    return articles, skipped


def _read_file(
    path: Path,
    max_bytes: int,
    fetcher: Fetcher | None = None,
    known_urls: Container[str] = frozenset(),
) -> tuple[list[Article], list[Skipped]]:
    ext = path.suffix.lower()
    if ext in (".rss", ".atom", ".xml"):
        from .feeds import looks_like_feed, read_feed  # httpx and feedparser load only here

        if looks_like_feed(path):
            got = read_feed(path, fetcher=fetcher, max_bytes=max_bytes, known_urls=known_urls)
            return list(got), got.skipped
    try:
        if ext in JSONL_EXT:
            return read_jsonl(path, max_bytes=max_bytes)
        if ext in HTML_EXT:
            return [read_html(path, max_bytes=max_bytes)], []
        return [read_text(path, max_bytes=max_bytes)], []
    except Unreadable as e:
        return [], [Skipped(str(path), str(e))]
    except OSError as e:
        return [], [Skipped(str(path), f"cannot be opened ({e.strerror}); check its permissions")]


def read_stdin(*, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Skipped]]:
    """JSONL from stdin when it starts with "{", else one plain-text article."""
    buffer = getattr(sys.stdin, "buffer", None)
    try:
        if buffer is not None:
            data = buffer.read(max_bytes + 1)
            check_size(len(data), max_bytes)
            text = decode(data)
        else:  # a text stream without bytes underneath (tests, some embedders)
            text = sys.stdin.read(max_bytes + 1)
            check_size(len(text.encode("utf-8")), max_bytes)
            if not text.strip():
                raise Unreadable("is empty; nothing to read")
        if text.lstrip().startswith("{"):
            return jsonl_articles(text.split("\n"), prefix="stdin", default_source="stdin")
        if text.lstrip().startswith("<") and "<html" in text[:2000].lower():
            return [html_article(text, origin="stdin", fallback_source="stdin")], []
        return [text_article(text, origin="stdin", name="stdin")], []
    except Unreadable as e:
        return [], [Skipped("stdin", str(e))]
