"""Print every conflict the brief lists for Multi-News validation clusters, to read as an editor.

The labelled clusters judge only the conflicts whose sides fall on labelled evidence; an editor
reads them all. This briefs each cluster of a range (its documents of 40 words or more, each its
own outlet) and prints each listed conflict with its sides, for a person to judge real or false.
It scores nothing: use it on clusters no figure is reported on, and write what was read down.

    nice .venv/bin/python benchmarks/read_conflicts.py --clusters 3000:3750 --embedder minilm
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from storyweave.brief import brief
from storyweave.config import Config
from storyweave.model import Article, Conflict

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"
MIN_WORDS = 40  # shorter documents are page furniture (a tweet widget, an archive notice)


def clusters(path: Path, start: int, end: int) -> Iterator[tuple[int, list[Article]]]:
    """The clusters start..end-1 of the validation file, as articles."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= end:
                return
            if n < start:
                continue
            docs = [d for d in json.loads(line)["documents"] if len(d.split()) > MIN_WORDS]
            yield n, [Article(f"v{n}-d{i}", f"outlet{i}", "", d, raw=d) for i, d in enumerate(docs)]


def show(n: int, c: Conflict) -> str:
    lines = [f"[{n}] {c.kind}: {c.topic}"]
    for side in c.sides:
        for e in side.evidence:
            lines.append(f"    {side.value!r:32.32} {e.article_id}: {' '.join(e.text.split())[:230]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clusters", default="3000:3100", help="START:END of validation.jsonl.gz")
    ap.add_argument("--embedder", default="minilm", choices=("minilm", "tfidf"))
    ap.add_argument("--data", type=Path, default=DATA, help="the validation.jsonl.gz file")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found; see ../shared/data/README.md", file=sys.stderr)
        return 2
    start, end = (int(x) for x in args.clusters.split(":"))
    config = Config(embedder=args.embedder)
    listed = briefed = 0
    for n, articles in clusters(args.data, start, end):
        if len(articles) < 2:
            continue
        briefed += 1
        for c in brief(articles, config).conflicts:
            listed += 1
            print(show(n, c), end="\n\n", flush=True)
    print(f"{listed} conflicts listed in {briefed} clusters of {start}:{end}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
