"""Tally an editor's verdicts on the agreements the brief lists for labelled raw-dev clusters.

`bench_real.py` judges an agreement only where its sentences fall on labelled evidence, and
counts it right when its sentences overlap one gold fact's snippets. An editor reading every
listed agreement is stricter: is it one fact that each outlet states? Session 26 had every
agreement of the tuning clusters (dev and dev2, 451 at 5b54253) read blind, from the evidence
sentences alone, by readers who never saw the code; their verdicts are in
`data/editor/agreements-s26.jsonl`: "same" (every sentence states the claim), "partial" (two
outlets do, another sentence does not), "different" (no two outlets state one fact: a shared
name, topic or stock phrase), "disagree" (different values of one thing) or "junk" (a caption,
headline or other furniture), with the outlets that truly state it.

    nice .venv/bin/python benchmarks/read_agreements.py --split dev,dev2 \
        --verdicts benchmarks/data/editor/agreements-s26.jsonl

A row is keyed by its cluster and its evidence (each sentence's article and a hash of its
words), so no Multi-News text is stored; a listed agreement whose evidence differs from every
read row is counted unread. `--rows FILE` writes the listed agreements as such rows (with their
text for the reader, to be removed before the verdicts are committed). Held-out splits are
refused: reading their agreements would tune on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_real  # noqa: E402

VERDICTS = ("same", "partial", "different", "disagree", "junk")
HELD_OUT = frozenset({"test", "qtest", "etest"})


def sentence_key(article_id: str, text: str) -> str:
    """An evidence sentence as its article and a hash of its words (no text stored)."""
    words = " ".join(text.lower().split())
    return f"{article_id}:{hashlib.sha1(words.encode()).hexdigest()[:12]}"


def row_key(cluster: int, keys: list[str]) -> str:
    return json.dumps([cluster, sorted(set(keys))])


def read_verdicts(path: Path) -> dict[str, dict[str, object]]:
    """Each read row by its key; a line without a known verdict is an error."""
    out: dict[str, dict[str, object]] = {}
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("verdict") not in VERDICTS:
            raise ValueError(f"{path} line {k}: verdict must be one of {', '.join(VERDICTS)}")
        out[row_key(int(r["cluster"]), list(r["evidence"]))] = r
    return out


def tally(listed: list[tuple[str, int]], verdicts: dict[str, dict[str, object]]) -> str:
    """Verdicts of the listed agreements, and how often the outlet count is the editor's."""
    got: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for key, outlets in listed:
        r = verdicts.get(key)
        got[str(r["verdict"]) if r else "unread"] += 1
        if r is not None:
            true = int(r["outlets_true"])  # type: ignore[call-overload]
            counts["right" if true == outlets else "over" if outlets > true else "under"] += 1
    read = sum(got[v] for v in VERDICTS)
    share = f"{got['same'] / read:.3f}" if read else "-"
    head = (
        "| listed | "
        + " | ".join(VERDICTS)
        + " | unread | same / read | outlets right / over / under |"
    )
    lines = [head, "|" + "---:|" * (len(VERDICTS) + 4)]
    cells = " | ".join(str(got[v]) for v in VERDICTS)
    lines.append(
        f"| {len(listed)} | {cells} | {got['unread']} | {share} "
        f"| {counts['right']} / {counts['over']} / {counts['under']} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev,dev2", help="labelled raw-dev splits (tuning only)")
    ap.add_argument("--embedder", default="minilm", choices=("minilm", "tfidf"))
    ap.add_argument("--data", type=Path, default=bench_real.DATA)
    ap.add_argument("--rows", type=Path, help="write each listed agreement here as a JSON line")
    ap.add_argument("--verdicts", type=Path, nargs="+", help="verdict files (later files win)")
    args = ap.parse_args(argv)
    splits = [s for s in args.split.split(",") if s]
    if HELD_OUT.intersection(splits):
        print("held-out splits are not read: use dev or dev2", file=sys.stderr)
        return 2
    verdicts: dict[str, dict[str, object]] = {}
    for path in args.verdicts or ():
        if not path.is_file():
            print(f"{path}: not found", file=sys.stderr)
            return 2
        verdicts |= read_verdicts(path)
    run = bench_real.make_brief_fn(args.embedder)
    listed: list[tuple[str, int]] = []
    out = args.rows.open("w", encoding="utf-8") if args.rows else None
    for c in bench_real.load_clusters(args.data, splits):
        for a in run(c.articles()).agreements:
            keys = [sentence_key(e.article_id, e.text) for e in a.claim.evidence]
            listed.append((row_key(c.number, keys), a.claim.outlets))
            if out is not None:
                texts = [{"doc": e.article_id, "sentence": e.text} for e in a.claim.evidence]
                row = {"cluster": c.number, "evidence": keys, "outlets": a.claim.outlets}
                out.write(json.dumps({**row, "claim": a.claim.text, "text": texts}) + "\n")
    if out is not None:
        out.close()
    print(f"{len(listed)} agreements listed in the {args.split} clusters ({args.embedder})")
    if args.verdicts:
        print(tally(listed, verdicts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
