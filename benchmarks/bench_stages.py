#!/usr/bin/env python
"""Where the time of one summary goes, stage by stage, beside sumy LexRank on the same clusters.

    nice .venv/bin/python benchmarks/bench_stages.py [DATA] [--limit 300] [--repeat 3]

For each stage of the evaluated path (`StoryweaveSystem` with the TF-IDF embedder: clean, split
into sentences, summarize) the table gives milliseconds a cluster, the best of `--repeat` runs.
The last column sets each against the whole time a summary may take to be 30x faster than
LexRank (issue 3's target): a stage that needs more than 100% of that alone rules the target
out, whatever the rest does.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DATA))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"{args.data}: not found; give a Multi-News JSONL file", file=sys.stderr)
        return 2

    from storyweave.embed import get_embedder
    from storyweave.evaluate.datasets import load
    from storyweave.evaluate.systems import SYSTEMS, StoryweaveSystem, cluster_articles
    from storyweave.summarize import summarize_many
    from storyweave.text.clean import clean_articles
    from storyweave.text.segment import segment

    clusters = [c.documents for c in load(args.data, limit=args.limit)]
    n = len(clusters)
    articles = [cluster_articles(docs) for docs in clusters]
    cleaned = [clean_articles(arts) for arts in articles]
    stories = []
    for arts in cleaned:
        sents = {a.id: segment(a) for a in arts}
        kept = [a for a in arts if sents[a.id]]
        if kept:
            stories.append((kept, {a.id: sents[a.id] for a in kept}))
    tfidf = get_embedder("tfidf")
    lexrank = SYSTEMS["lexrank"]
    storyweave = StoryweaveSystem("tfidf")
    lexrank(clusters[0], 260)  # warm-up: imports and the stemmer
    storyweave(clusters[0], 260)

    def summarize_all() -> None:
        for i in range(0, len(stories), 64):  # as `evaluate` batches them
            summarize_many(stories[i : i + 64], words=260, embedder=tfidf)

    def whole() -> None:
        for i in range(0, n, 64):
            storyweave.many(clusters[i : i + 64], 260)

    times = {
        "sumy lexrank (the peer)": _best(lambda: [lexrank(c, 260) for c in clusters], args.repeat),
        "clean (clean_articles)": _best(lambda: [clean_articles(a) for a in articles], args.repeat),
        "split sentences (segment)": _best(
            lambda: [segment(a) for arts in cleaned for a in arts], args.repeat
        ),
        "summarize (tf-idf, batched)": _best(summarize_all, args.repeat),
        "storyweave-tfidf, whole": _best(whole, args.repeat),
    }
    budget = times["sumy lexrank (the peer)"] / 30
    print(f"{args.data}: {n} clusters, best of {args.repeat}\n")
    print("| stage | ms / cluster | share of a 30x-LexRank budget |")
    print("|---|---:|---:|")
    for name, t in times.items():
        print(f"| {name} | {1000 * t / n:.2f} | {100 * t / budget:.0f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
