#!/usr/bin/env python
"""Ingest throughput and memory, and the time to list stories and fetch a cached brief.

    nice .venv/bin/python benchmarks/bench_ingest.py [--n 10000] [--pad 100000] [--workers 1]

Articles are the documents of Multi-News validation clusters (`validation.jsonl.gz`), in a fixed
shuffled order, each with its first words as title and a made-up outlet; they go through the
whole ingest (clean, dedupe, vectorize, cluster, store in 200-article transactions) into a fresh
SQLite store. The first table gives articles per second (wall clock, and per CPU-second of this
process and its --workers: on a shared machine the second is the one that compares) and the
process's memory as the store grows; the second splits the time between the work done before
the write lock (clean, fingerprint, vectorize) and the work inside it (lookups, clustering,
inserts).

`--pad N` then fills the store up to N articles with rows written straight into the tables
(copies of the ingested ones under new ids, spread over new stories), so listing and brief
fetching can be timed at a size whose real ingest would take too long on two shared cores;
those rows never went through ingest and the table says so.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"


def documents(path: Path, n: int, seed: int = 13) -> list[tuple[str, str]]:
    """n (origin, text) documents of the validation clusters, shuffled with a fixed seed."""
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            for j, d in enumerate(obj["documents"]):
                if d.strip():
                    docs.append((f"validation {obj['id']} doc {j}", d))
    random.Random(seed).shuffle(docs)
    return docs[:n]


def articles(docs: list[tuple[str, str]]) -> list[Any]:
    """Articles as a reader would give them; outlets made up (Multi-News names none)."""
    from storyweave.read import article_from_text

    # a document is one flattened line: its first words stand in for the missing headline
    return [
        article_from_text(
            text, source=f"Outlet {i % 97}", origin=origin,
            title=" ".join(text.split(". ")[0].split()[:14]),
        )  # fmt: skip
        for i, (origin, text) in enumerate(docs)
    ]


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the --workers processes)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _timed(module: Any, name: str, spent: dict[str, float]) -> None:
    """Wrap module.name so its wall time adds up in spent[name]."""
    real: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

    setattr(module, name, wrapper)


def run_ingest(
    store: Any, arts: list[Any], step: int, workers: int = 0
) -> tuple[list[tuple], dict[str, float]]:
    """Ingest in steps; rows of (articles so far, rates: step, so far, per CPU second; RSS MB)."""
    from storyweave.stream import ingest as ingest_module

    spent: dict[str, float] = {}
    for name in ("_prepare", "_store_batch", "_assign", "_clusterer"):
        _timed(ingest_module, name, spent)
    rows = []
    total = cpu_total = 0.0
    for i in range(0, len(arts), step):
        part = arts[i : i + step]
        started, cpu = time.perf_counter(), cpu_seconds()
        store.ingest(part, workers=workers)
        took = time.perf_counter() - started
        total += took
        cpu_total += cpu_seconds() - cpu
        done = i + len(part)
        rows.append((done, len(part) / took, done / total, done / cpu_total, rss_mb()))
    spent["total"] = total
    return rows, spent


def pad(store: Any, target: int) -> int:
    """Fill the store up to `target` articles by copying rows under new ids; how many added."""
    from sqlalchemy import func, select

    from storyweave.stream import schema as t

    with store.write() as conn:
        have = conn.execute(select(func.count()).select_from(t.articles)).scalar_one()
        src = conn.execute(select(t.articles)).mappings().all()
        vec = dict(conn.execute(select(t.article_vectors.c.article_id, t.article_vectors.c.vector)).all())
        state = conn.execute(select(t.stories.c.state).limit(1)).scalar_one()
        added, k = 0, 0
        while have + added < target:
            k += 1
            rows, stories, members, vectors = [], [], [], []
            for r in src[: target - have - added]:
                aid = f"{r['id']}-pad{k}"
                new_story = added % 3 == 0 or not stories
                sid = f"{aid}-s" if new_story else stories[-1]["id"]
                if new_story:
                    stories.append({
                        "id": sid, "headline": r["title"][:200], "first_seen": r["seen_at"],
                        "last_seen": r["seen_at"], "updated_at": r["ingested_at"], "version": 1,
                        "article_count": 3, "outlet_count": 3, "state": state,
                    })  # fmt: skip
                rows.append({**r, "id": aid, "url": None, "content_hash": f"{k}:{r['content_hash']}"[:40]})
                members.append({"article_id": aid, "story_id": sid})
                vectors.append({"article_id": aid, "vector": vec[r["id"]]})
                added += 1
            conn.execute(t.stories.insert(), stories)
            conn.execute(t.articles.insert(), rows)
            conn.execute(t.article_vectors.insert(), vectors)
            conn.execute(t.memberships.insert(), members)
    return added


def _ms(fn: Callable[[], Any], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def query_times(store: Any) -> list[tuple[str, float]]:
    """Milliseconds for the listings a user asks for, and a cached brief."""
    from storyweave.config import Config

    config = Config(embedder="tfidf")
    biggest = max(store.stories(limit=200), key=lambda s: s.articles)
    started = time.perf_counter()
    store.brief(biggest.id, "json", config=config)
    build = (time.perf_counter() - started) * 1000
    return [
        ("stories --limit 50 (table)", _ms(lambda: store.stories(limit=50))),
        ("stories --since 1h --limit 50 --format json", _ms(lambda: store.stories("1h", limit=50, members=True))),
        ("stories (all, table)", _ms(lambda: store.stories(), 3)),
        (f"brief --story (build, {biggest.articles} articles, tfidf)", build),
        ("brief --story (cached)", _ms(lambda: store.brief(biggest.id, "json", config=config))),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--n", type=int, default=10000, help="articles to ingest")
    parser.add_argument("--step", type=int, default=1000, help="rows of the growth table")
    parser.add_argument("--pad", type=int, default=0, help="fill the store up to this many")
    parser.add_argument("--db", help="store path (default: a temporary file)")
    parser.add_argument("--workers", type=int, default=0, help="processes preparing ahead")
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"{args.data}: not found; give Multi-News validation.jsonl.gz", file=sys.stderr)
        return 2
    from storyweave import Store

    arts = articles(documents(Path(args.data), args.n))
    db = args.db or str(Path(tempfile.mkdtemp(prefix="bench-ingest-")) / "stories.db")
    store = Store(db)
    print(f"store {db}; {len(arts)} Multi-News validation documents; RSS before {rss_mb():.0f} MB\n")
    rows, spent = run_ingest(store, arts, args.step, args.workers)
    print("| articles | articles/s (step) | articles/s (so far) | articles per CPU-second "
          "(so far) | RSS MB |\n|---:|---:|---:|---:|---:|")
    for n, step_rate, rate, cpu_rate, mem in rows:
        print(f"| {n} | {step_rate:.0f} | {rate:.0f} | {cpu_rate:.0f} | {mem:.0f} |")
    counts = store.counts()
    print(f"\n{counts['articles']} articles in {counts['stories']} stories, {counts['duplicates']} "
          f"copies; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB\n")
    print("| part | seconds | share |\n|---|---:|---:|")
    for name, label in (("_prepare", "clean, fingerprint, vectorize (no lock)"),
                        ("_store_batch", "dedupe lookups, cluster, insert (locked)"),
                        ("_assign", "... of which StreamClusterer.add"),
                        ("_clusterer", "... of which loading open stories")):
        if name == "_prepare" and args.workers:
            label += f", in {args.workers} worker process(es) beside the rest"
        print(f"| {label} | {spent.get(name, 0):.1f} | {spent.get(name, 0) / spent['total']:.0%} |")
    if args.pad > counts["articles"]:
        added = pad(store, args.pad)
        print(f"\npadded with {added} copied rows (not ingested) to {store.counts()['articles']} "
              f"articles, {store.counts()['stories']} stories")
    print("\n| query | ms |\n|---|---:|")
    for label, ms in query_times(store):
        print(f"| {label} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
