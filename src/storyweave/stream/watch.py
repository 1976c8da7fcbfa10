"""Watch: ingest folders and feeds again and again as new articles arrive.

A folder is rescanned each round and only files that are new or changed since the last round
are read; a feed is fetched with the ETag/Last-Modified it last answered (one Fetcher for the
life of the watch), and pages the store already holds are not fetched again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..read import Batch, read_path
from .ingest import IngestReport, ingest
from .store import Store


class KnownUrls:
    """The URLs a store holds, as a container a feed reader can ask `url in known`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and self.store.has_url(url)


class _Folder:
    """Files of a folder (or one file) not yet read, or changed since they were."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[Path, tuple[float, int]] = {}

    def new_files(self) -> list[Path]:
        """Files added or modified since the last call, in name order."""
        files = [self.path] if self.path.is_file() else sorted(self.path.rglob("*"))
        out = []
        for f in files:
            rel = f.relative_to(self.path).parts if f != self.path else ()
            if not f.is_file() or any(p.startswith(".") for p in rel):
                continue
            st = f.stat()
            stamp = (st.st_mtime, st.st_size)
            if self.seen.get(f) != stamp:
                self.seen[f] = stamp
                out.append(f)
        return out


def _is_url(source: str) -> bool:
    """Whether a watched source is an http(s) address."""
    return source.lower().startswith(("http://", "https://"))


def read_round(sources: Sequence[Any], store: Store, fetcher: Any) -> Batch:
    """Everything new in the sources since the last round."""
    batch = Batch()
    for src in sources:
        if isinstance(src, _Folder):
            for f in src.new_files():
                articles, skipped = read_path(f, fetcher=fetcher)
                batch.extend(articles)
                batch.skipped.extend(skipped)
        else:
            from ..read.feeds import read_url

            got = read_url(src, fetcher=fetcher, known_urls=KnownUrls(store))
            batch.extend(got)
            batch.skipped.extend(got.skipped)
    return batch


def watch(
    sources: Sequence[str],
    store: Store,
    *,
    every: float = 300.0,
    rounds: int | None = None,
    on_round: Callable[[int, IngestReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    fetcher: Any = None,
    **ingest_options: Any,
) -> IngestReport:
    """Ingest the sources every `every` seconds (for `rounds` rounds, or until interrupted)."""
    watched: list[Any] = []
    for s in sources:
        if _is_url(s):
            watched.append(s)
        elif Path(s).exists():
            watched.append(_Folder(Path(s)))
        else:
            raise InputError("no such file, folder or URL", input=s, hint="check the path")
    total = IngestReport()
    own = fetcher is None and any(isinstance(w, str) for w in watched)
    if own:
        fetcher = _fetcher()
    try:
        n = 0
        while rounds is None or n < rounds:
            n += 1
            batch = read_round(watched, store, fetcher)
            report = ingest(batch, store, **ingest_options)
            total.add(report)
            if on_round is not None:
                on_round(n, report)
            if rounds is None or n < rounds:
                sleep(every)
    finally:
        if own:
            fetcher.close()
    return total


def _fetcher() -> Any:
    """One polite Fetcher for the whole watch (it keeps ETags and rate limits)."""
    from ..read.fetch import Fetcher

    return Fetcher()


__all__ = ["KnownUrls", "read_round", "watch"]
