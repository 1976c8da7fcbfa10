#!/usr/bin/env python
"""What reading a feed costs: feed parsing, page fetching and page extraction, per article.

    nice .venv/bin/python benchmarks/bench_feeds.py [DATA] [--limit 300]

Raw-dev documents are served as HTML pages (and one RSS feed linking them) by a local server
on 127.0.0.1, built in memory at run time; nothing is written or reached outside. The fetcher
runs with no rate limit (min_interval 0) so the table shows storyweave's own cost; a real site
adds its latency and the polite interval (1 s a host by default). CPU seconds are the process's
(server threads included), the honest number on a shared machine; wall seconds are shown too.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from storyweave.read.feeds import read_feed
from storyweave.read.fetch import PAGE_TYPES, FetchConfig, Fetcher

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews" / "raw-dev.jsonl"


def _documents(path: Path, limit: int) -> list[str]:
    """Documents of 80 words or more, in file order."""
    docs: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            docs.extend(d for d in json.loads(line)["documents"] if len(d.split()) >= 80)
            if len(docs) >= limit:
                break
    return docs[:limit]


def _site(docs: list[str], base: str) -> dict[str, tuple[str, bytes]]:
    """Path -> (content type, body): one page a document, and /feed.rss listing them all."""
    routes: dict[str, tuple[str, bytes]] = {}
    items = []
    for i, doc in enumerate(docs):
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in doc.split("\n") if p.strip())
        page = (
            f"<html><head><title>Story {i}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Story {i}</h1>{paras}</article><footer>About us</footer></body></html>"
        )
        routes[f"/a/{i}"] = ("text/html; charset=utf-8", page.encode())
        items.append(
            f"<item><title>Story {i}</title><link>{base}/a/{i}</link>"
            f"<description>{html.escape(doc[:300])}</description>"
            "<pubDate>Mon, 02 Mar 2026 09:30:00 GMT</pubDate></item>"
        )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{"".join(items)}'
    routes["/feed.rss"] = ("application/rss+xml", (feed + "</channel></rss>").encode())
    return routes


def _serve(routes: dict[str, tuple[str, bytes]]) -> ThreadingHTTPServer:
    """A threaded server on 127.0.0.1 answering from the routes (404 elsewhere)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            ctype, body = routes.get(self.path, ("text/plain", b"not here"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


def _measure(fn: Callable[[], int]) -> tuple[int, float, float]:
    """Articles made, wall seconds, CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    n = fn()
    return n, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DATA))
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"{args.data}: no such file; give a raw-dev.jsonl path", file=sys.stderr)
        return 2
    docs = _documents(Path(args.data), args.limit)
    routes: dict[str, tuple[str, bytes]] = {}
    server = _serve(routes)  # the links need the port, so the pages come after the server
    base = f"http://127.0.0.1:{server.server_address[1]}"
    routes.update(_site(docs, base))
    config = FetchConfig(min_interval=0.0)

    def feed(fetch_pages: bool) -> Callable[[], int]:
        def run() -> int:
            with Fetcher(config) as fetcher:
                return len(read_feed(f"{base}/feed.rss", fetcher=fetcher, fetch_pages=fetch_pages))

        return run

    def fetch_only() -> int:
        with Fetcher(config) as fetcher:
            got = fetcher.fetch_many([f"{base}/a/{i}" for i in range(len(docs))], accept=PAGE_TYPES)
        return len(got)

    rows = [
        ("feed, entry text only", _measure(feed(False))),
        ("fetch pages only", _measure(fetch_only)),
        ("feed + pages (trafilatura)", _measure(feed(True))),
    ]
    server.shutdown()
    load = os.getloadavg()[0]
    print(
        f"{len(docs)} raw-dev documents as pages on 127.0.0.1; load {load:.1f}, {os.cpu_count()} cores"
    )
    print("| what | articles | wall s | CPU s | ms CPU / article | articles / CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, (n, wall, cpu) in rows:
        print(f"| {label} | {n} | {wall:.2f} | {cpu:.2f} | {cpu / n * 1000:.1f} | {n / cpu:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
