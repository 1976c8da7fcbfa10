"""Print every conflict the brief lists for Multi-News validation clusters, to read as an editor.

The labelled clusters judge only the conflicts whose sides fall on labelled evidence; an editor
reads them all. This briefs each cluster of a range (its documents of 40 words or more, each its
own outlet) and prints each listed conflict with its sides, for a person to judge real or false.
It scores nothing: use it on clusters no figure is reported on, and write what was read down.

    nice .venv/bin/python benchmarks/read_conflicts.py --clusters 3000:3750 --embedder minilm

What was read is data, so a later commit is counted without reading again: `--rows FILE` writes
each listed conflict as a JSON line for a reader to add `"verdict"` ("real", "soft": real by the
labels' convention of rounding, a reworded remark or a typo; or "false") and `"why"`;
`--verdicts FILE...` (such lines, from any commit; a later file's verdict wins) then tallies the rows listed now: each row takes
the verdict of the row read with the same cluster, kind and sides (values and articles), and the
rest are counted unread.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from storyweave.brief import brief
from storyweave.config import Config
from storyweave.errors import InputError
from storyweave.model import Article, Conflict

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"
RAW = DATA.with_name("raw-dev.jsonl")  # real pages, cased; each of its clusters is in a split
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


def raw_clusters(path: Path, numbers: list[int]) -> Iterator[tuple[int, list[Article]]]:
    """Clusters of raw-dev.jsonl by number, as articles: real pages, as a user gives them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for n in numbers:
        docs = [d for d in json.loads(lines[n])["documents"] if len(d.split()) > MIN_WORDS]
        yield n, [Article(f"r{n}-d{i}", f"outlet{i}", "", d, raw=d) for i, d in enumerate(docs)]


def row(n: int, c: Conflict) -> dict[str, object]:
    """One listed conflict as a JSON-able row to read and judge."""
    sides = [
        {
            "value": side.value,
            "evidence": [
                {"article": e.article_id, "text": " ".join(e.text.split())} for e in side.evidence
            ],
        }
        for side in c.sides
    ]
    return {"cluster": n, "kind": c.kind, "topic": c.topic, "sides": sides}


def row_key(r: dict[str, object]) -> str:
    """What makes a row the same row at another commit: cluster, kind, each side's value and
    articles (not the topic's wording, nor the order of sides)."""
    sides = sorted(
        json.dumps([str(s["value"]).lower(), sorted({e["article"] for e in s["evidence"]})])
        for s in r["sides"]  # type: ignore[attr-defined]
    )
    return json.dumps([r["cluster"], r["kind"], sides])


def read_verdicts(path: Path) -> dict[str, str]:
    """Each judged row's verdict by its key; a line without a known verdict is an error."""
    out: dict[str, str] = {}
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("verdict") not in VERDICTS:
            raise ValueError(f"{path} line {k}: verdict must be one of {', '.join(VERDICTS)}")
        out[row_key(r)] = r["verdict"]
    return out


VERDICTS = ("real", "soft", "false")


def tally(rows: list[dict[str, object]], verdicts: dict[str, str]) -> str:
    """How many listed rows an editor read as real, soft or false, and how many are unread."""
    got = Counter(verdicts.get(row_key(r), "unread") for r in rows)
    read = sum(got[v] for v in VERDICTS)
    lines = ["| listed | real | soft | false | unread | real / read | real + soft / read |"]
    lines.append("|---:|---:|---:|---:|---:|---:|---:|")
    share = (lambda x: f"{x / read:.2f}") if read else (lambda x: "-")
    lines.append(
        f"| {len(rows)} | {got['real']} | {got['soft']} | {got['false']} | {got['unread']} "
        f"| {share(got['real'])} | {share(got['real'] + got['soft'])} |"
    )
    return "\n".join(lines)


def show(n: int, c: Conflict) -> str:
    lines = [f"[{n}] {c.kind}: {c.topic}"]
    for side in c.sides:
        for e in side.evidence:
            lines.append(
                f"    {side.value!r:32.32} {e.article_id}: {' '.join(e.text.split())[:230]}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clusters", default="3000:3100", help="START:END of validation.jsonl.gz")
    ap.add_argument("--embedder", default="minilm", choices=("minilm", "tfidf"))
    ap.add_argument("--data", type=Path, default=DATA, help="the validation.jsonl.gz file")
    ap.add_argument("--rows", type=Path, help="write each listed conflict here as a JSON line")
    ap.add_argument(
        "--verdicts",
        type=Path,
        nargs="+",
        help="files of JSON lines with verdicts (later files win): tally the rows listed",
    )
    ap.add_argument(
        "--raw-dev",
        help="N,N,...: read these clusters of raw-dev.jsonl (beside --data) instead of a range",
    )
    args = ap.parse_args(argv)
    if args.raw_dev:
        args.data = args.data.with_name(RAW.name)
    if not args.data.is_file():
        print(f"{args.data}: not found; see ../shared/data/README.md", file=sys.stderr)
        return 2
    verdicts: dict[str, str] | None = {} if args.verdicts else None
    for path in args.verdicts or ():
        if not path.is_file():
            print(f"{path}: not found; give a --rows file with verdicts added", file=sys.stderr)
            return 2
        try:
            verdicts = {**(verdicts or {}), **read_verdicts(path)}
        except (ValueError, json.JSONDecodeError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 2
    config = Config(embedder=args.embedder)
    rows: list[dict[str, object]] = []
    briefed = 0
    if args.raw_dev:
        where = f"raw-dev {args.raw_dev}"
        found = raw_clusters(args.data, [int(x) for x in args.raw_dev.split(",")])
    else:
        where = args.clusters
        start, end = (int(x) for x in args.clusters.split(":"))
        found = clusters(args.data, start, end)
    out = args.rows.open("w", encoding="utf-8") if args.rows else None
    for n, articles in found:
        if len(articles) < 2:
            continue
        try:
            conflicts = brief(articles, config).conflicts
        except InputError as exc:  # every page of the cluster was furniture
            print(f"[{n}] skipped: {exc}", file=sys.stderr)
            continue
        briefed += 1
        for c in conflicts:
            rows.append(row(n, c))
            print(show(n, c), end="\n\n", flush=True)
            if out is not None:  # as found: a long read stopped half-way keeps its rows
                out.write(json.dumps(rows[-1]) + "\n")
                out.flush()
    if out is not None:
        out.close()
    print(f"{len(rows)} conflicts listed in {briefed} clusters of {where}")
    if verdicts is not None:
        print(tally(rows, verdicts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
