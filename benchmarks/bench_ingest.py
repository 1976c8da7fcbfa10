#!/usr/bin/env python
"""Ingest throughput and memory as the store grows, and the time to list stories and fetch a brief.

    nice .venv/bin/python benchmarks/bench_ingest.py [--n 10000] [--step 1000] [--workers 0]
    nice .venv/bin/python benchmarks/bench_ingest.py --n 100000 --step 5000

Every article goes through the whole ingest (read as a reader would give it, clean, dedupe,
vectorize, cluster, store in 200-article transactions) into a fresh SQLite store; the growth
table gives articles per second (wall clock, and per CPU-second of this process and its
--workers: on a shared machine the second is the one that compares), the process's resident
memory, the store's size on disk, the stories the clusterer holds open (and their terms and
names, its in-memory index), the seconds each part of ingest took in that step, how many
earlier articles a new one was compared with as a possible copy (LSH candidates, each compared
on its stored shingle hashes) and the machine's load average
(others' work on the shared cores) after every --step articles; a second table splits the whole
run the same way.

The pile. Up to 15,317 articles (`--n 10000`: the real pile) it is the non-empty documents of
Multi-News validation (`validation.jsonl.gz`), shuffled with a fixed seed, as the benchmark has
always used them. Multi-News has no more, so a bigger --n (the 100,000 pile) is: every one of
those documents, every raw-dev document (298), and as many *recombined* articles as it takes to
reach n, all shuffled together. A recombined article is made of 4 paragraphs drawn at random
(seeded by its number) from 4 documents of 4 different Multi-News clusters. A paragraph is a
run of whole lines of a raw-dev document, or of whole sentences of a validation document (those
are flattened to one line), of 40 words or more; only documents that give at least 3 paragraphs
give any, and only paragraphs of at most 80 words and at most 40% of their document's distinct
4-word shingles (what dedupe compares), and no recombined article holds two paragraphs of one
document. So a recombined article is no copy of a real one (it shares at most 40% of any
document's shingles and of its own, under the 0.5 Jaccard and 0.8 containment that make a copy) nor of another recombined one (two share a paragraph at most now
and then: a quarter of their words), and recombined articles are not one story: each mixes four
real stories, as a roundup does. Every article's title is the first 14 words of its first
sentence (Multi-News has no headlines) and its outlet one of 97 made-up names; no article has a
date (Multi-News has none), so stories close by the open-story cap, not by time.

`--pad N` fills the store up to N articles with copied rows written straight into the tables
(not ingested; the output says so), to time the queries at a size without ingesting it.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews"
SEED = 13
PARTS_PER_ARTICLE = 4
MIN_PARTS_PER_DOCUMENT = 3
MAX_PART_SHARE = 0.4  # of its document's 4-word shingles
MIN_PART_WORDS, MAX_PART_WORDS = 40, 80
_SENTENCE = re.compile(r"(?<=[.!?\"'”’])\s+(?=[\"“‘'(]?[A-Z0-9])")


def validation(data: Path) -> list[tuple[str, str]]:
    """(origin, text) of every non-empty validation document, shuffled with the fixed seed."""
    docs = []
    with gzip.open(data / "validation.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            for j, d in enumerate(obj["documents"]):
                if d.strip():
                    docs.append((f"validation {obj['id']} doc {j}", d))
    random.Random(SEED).shuffle(docs)
    return docs


def raw_dev(data: Path) -> list[tuple[str, str]]:
    """(origin, text) of every non-empty raw-dev document, in file order."""
    docs = []
    with open(data / "raw-dev.jsonl", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            for j, d in enumerate(obj["documents"]):
                if d.strip():
                    docs.append((f"raw-dev {obj['id']} doc {j}", d))
    return docs


def paragraphs(text: str) -> list[str]:
    """A document's paragraphs: runs of its lines (or, in one line, its sentences) of 40+ words."""
    lines = [" ".join(b.split()) for b in text.split("\n") if b.strip()]
    units = lines if len(lines) > 1 else _SENTENCE.split(text.strip())
    out, run = [], []
    for unit in units:
        run.append(unit)
        if sum(len(u.split()) for u in run) >= MIN_PART_WORDS:
            out.append(" ".join(run))
            run = []
    return out


class Pile:
    """The articles to ingest, made one step at a time so the pile itself holds little memory."""

    def __init__(self, data: Path, n: int) -> None:
        self.n = n
        self.real = validation(data)
        self.kind = "real"
        if n > len(self.real):
            self.real += raw_dev(data)
            self.kind = "recombined"
        self.real = self.real[:n]
        self.order = list(range(n))
        self.pool: list[tuple[str, int, str]] = []  # (cluster, document number, paragraph)
        if self.kind == "recombined":
            from storyweave.stream.dedupe import shingles

            random.Random(SEED).shuffle(self.order)
            for k, (origin, text) in enumerate(self.real):
                parts = paragraphs(text)
                if len(parts) >= MIN_PARTS_PER_DOCUMENT:
                    cluster = origin.rsplit(" doc ", 1)[0]
                    most = MAX_PART_SHARE * len(shingles(text))
                    self.pool += [
                        (cluster, k, p) for p in parts
                        if len(p.split()) <= MAX_PART_WORDS and len(shingles(p)) <= most
                    ]  # fmt: skip

    def describe(self) -> str:
        """One line: what the pile is made of."""
        made = self.n - len(self.real)
        if not made:
            return f"{self.n} Multi-News validation documents"
        return (
            f"{len(self.real)} real documents (validation + raw-dev) and {made} recombined "
            f"articles ({PARTS_PER_ARTICLE} paragraphs of 4 clusters each, from a pool of "
            f"{len(self.pool)} paragraphs)"
        )

    def document(self, k: int) -> tuple[str, str]:
        """The k-th (origin, text) of the pile, before shuffling."""
        if k < len(self.real):
            return self.real[k]
        rng = random.Random(SEED * 1_000_003 + k)
        picked: dict[str, str] = {}
        while len(picked) < PARTS_PER_ARTICLE:
            cluster, _, text = self.pool[rng.randrange(len(self.pool))]
            picked.setdefault(cluster, text)
        return f"recombined {k}", "\n\n".join(picked.values())

    def steps(self, step: int) -> Iterator[list[Any]]:
        """The pile's articles, `step` at a time, in arrival order."""
        for start in range(0, self.n, step):
            ks = self.order[start : start + step]
            yield articles([self.document(k) for k in ks], start)


def articles(docs: list[tuple[str, str]], start: int = 0) -> list[Any]:
    """Articles as a reader would give them; outlets made up (Multi-News names none)."""
    from storyweave.read import article_from_text

    # a document is one flattened line: its first words stand in for the missing headline
    return [
        article_from_text(
            text,
            source=f"Outlet {i % 97}",
            origin=origin,
            title=" ".join(text.split(". ")[0].split()[:14]),
        )  # fmt: skip
        for i, (origin, text) in enumerate(docs, start)
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


def _counted(module: Any, name: str, checked: list[int]) -> None:
    """Wrap module.name (best_copy) so the candidates it checks add up in checked[0]."""
    real: Callable[..., Any] = getattr(module, name)

    def wrapper(fp: Any, candidates: list[Any]) -> Any:
        checked[0] += len(candidates)
        return real(fp, candidates)

    setattr(module, name, wrapper)


PARTS = ("_prepare", "_store_batch", "_find_copies", "_assign", "_insert", "_refresh_stories")


def _live_blocks() -> float:
    """Thousands of memory blocks live Python objects hold now (after a collection).

    Against RSS it tells a leak (both grow) from a fragmented heap (RSS grows alone)."""
    gc.collect()
    return sys.getallocatedblocks() / 1e3


def _open_stories(store: Any) -> str:
    """How many stories the ingest's clusterer holds, and their terms and names in all."""
    cached = store._ingest_state
    if cached is None:
        return "- | -"
    held = cached.clusterer.stories()
    entries = sum(len(s.terms) + len(s.entities) for s in held)
    return f"{len(held)} | {entries}"


def store_mb(db: str) -> float:
    """The SQLite store's size on disk (database and write-ahead log), in MB."""
    return sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*")) / 1e6


def run_ingest(
    store: Any, pile: Pile, step: int, db: str, workers: int = 0, embedder: str = ""
) -> dict[str, float]:
    """Ingest the pile a step at a time, printing a row of the growth table after each step."""
    from storyweave.stream import ingest as ingest_module
    from storyweave.stream.cluster import Params

    params = Params(embedder=embedder) if embedder else Params()
    spent: dict[str, float] = {}
    for name in PARTS:
        _timed(ingest_module, name, spent)
    checked = [0]  # stored or earlier articles checked as copies: LSH candidates, exactly compared
    _counted(ingest_module, "best_copy", checked)
    print(
        "| articles | art/s (step) | art/s (so far) | art per CPU-s (step) | art per CPU-s (so "
        "far) | RSS MB | live Python blocks (k) | store MB | open stories | their terms and names | prepare s | locked s "
        "| copies s | copy candidates an article | cluster s | insert s | recount s | load |"
    )
    print("|" + "---:|" * 18, flush=True)
    total = cpu_total = 0.0
    done = 0
    for part in pile.steps(step):
        before, checked_before = dict(spent), checked[0]
        started, cpu = time.perf_counter(), cpu_seconds()
        store.ingest(part, workers=workers, params=params)
        took, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        total += took
        cpu_total += cpu
        done += len(part)
        split = [f"{spent.get(k, 0.0) - before.get(k, 0.0):.1f}" for k in PARTS]
        split.insert(3, f"{(checked[0] - checked_before) / len(part):.1f}")
        print(
            f"| {done} | {len(part) / took:.0f} | {done / total:.0f} | {len(part) / cpu:.0f} "
            f"| {done / cpu_total:.0f} | {rss_mb():.0f} | {_live_blocks():.0f} | {store_mb(db):.0f} | "
            f"{_open_stories(store)} | {' | '.join(split)} | {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
    spent["total"] = total
    return spent


def print_split(spent: dict[str, float], workers: int) -> None:
    """The whole run's time by part of ingest."""
    print("| part | seconds | share |\n|---|---:|---:|")
    labels = {
        "_prepare": "clean, fingerprint, vectorize (no lock)",
        "_store_batch": "dedupe lookups, cluster, insert (locked)",
        "_find_copies": "... of which near-duplicate lookups",
        "_assign": "... of which StreamClusterer.add",
        "_insert": "... of which inserts",
        "_refresh_stories": "... of which recounting stories",
    }
    for name, label in labels.items():
        if name == "_prepare" and workers:
            label += f", in {workers} worker process(es) beside the rest"
        print(f"| {label} | {spent.get(name, 0):.1f} | {spent.get(name, 0) / spent['total']:.0%} |")


def pad(store: Any, target: int) -> int:
    """Fill the store up to `target` articles by copying rows under new ids; how many added."""
    from sqlalchemy import func, select

    from storyweave.stream import schema as t

    with store.write() as conn:
        have = conn.execute(select(func.count()).select_from(t.articles)).scalar_one()
        src = conn.execute(select(t.articles)).mappings().all()
        vec = dict(
            conn.execute(select(t.article_vectors.c.article_id, t.article_vectors.c.vector)).all()
        )
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
                rows.append(
                    {**r, "id": aid, "url": None, "content_hash": f"{k}:{r['content_hash']}"[:40]}
                )
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


def _cli_ms(db: str, *args: str, repeat: int = 3) -> float:
    """Wall milliseconds of a `storyweave` command in its own process, best of `repeat`."""
    cmd = [sys.executable, "-c", "from storyweave.cli import main; raise SystemExit(main())",
           *args, "--db", db]  # fmt: skip
    return _ms(lambda: subprocess.run(cmd, check=True, capture_output=True), repeat)


def query_times(store: Any, db: str) -> list[tuple[str, float]]:
    """Milliseconds for the listings a user asks for, and a cached brief."""
    from storyweave.config import Config

    config = Config(embedder="tfidf")
    biggest = max(store.stories(limit=200), key=lambda s: s.articles)
    started = time.perf_counter()
    store.brief(biggest.id, "json", config=config)
    build = (time.perf_counter() - started) * 1000
    newest = lambda: (store.stories(limit=50), store.count_stories())  # noqa: E731
    return [
        ("stories (the CLI's default: the 50 newest, and how many in all)", _ms(newest)),
        (
            "stories --since 1h --limit 50 --format json",
            _ms(lambda: store.stories("1h", limit=50, members=True)),
        ),
        ("stories --limit 0 (all, table)", _ms(lambda: store.stories(), 3)),
        (f"brief --story (build, {biggest.articles} articles, tfidf)", build),
        ("brief --story (cached)", _ms(lambda: store.brief(biggest.id, "json", config=config))),
        ("`storyweave stories` as a command (process start included)", _cli_ms(db, "stories")),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA), help="the multinews folder")
    parser.add_argument("--n", type=int, default=10000, help="articles to ingest")
    parser.add_argument("--step", type=int, default=1000, help="articles per growth-table row")
    parser.add_argument("--pad", type=int, default=0, help="fill the store up to this many")
    parser.add_argument("--db", help="store path (default: a temporary file)")
    parser.add_argument("--workers", type=int, default=0, help="processes preparing ahead")
    parser.add_argument(
        "--embedder", default="", help="the clusterer's dense signal (default: none, as ingest)"
    )
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "validation.jsonl.gz").exists() or not (data / "raw-dev.jsonl").exists():
        print(f"{data}: give the Multi-News folder holding validation.jsonl.gz and raw-dev.jsonl",
              file=sys.stderr)  # fmt: skip
        return 2
    from storyweave import Store

    pile = Pile(data, args.n)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="bench-ingest-")) / "stories.db")
    store = Store(db)
    dense = f"; dense signal {args.embedder}" if args.embedder else ""
    print(f"store {db}; {pile.describe()}{dense}; RSS before {rss_mb():.0f} MB\n")
    spent = run_ingest(store, pile, args.step, db, args.workers, args.embedder)
    counts = store.counts()
    print(
        f"\n{counts['articles']} articles in {counts['stories']} stories, {counts['duplicates']} "
        f"copies; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6:.0f} MB\n"
    )
    print_split(spent, args.workers)
    if args.pad > counts["articles"]:
        added = pad(store, args.pad)
        print(
            f"\npadded with {added} copied rows (not ingested) to {store.counts()['articles']} "
            f"articles, {store.counts()['stories']} stories"
        )
    print("\n| query | ms |\n|---|---:|")
    for label, ms in query_times(store, db):
        print(f"| {label} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
