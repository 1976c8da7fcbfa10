#!/usr/bin/env python
"""Near-duplicate precision and recall of `stream.dedupe.find_copies` on labelled document pairs.

    nice .venv/bin/python benchmarks/bench_dedupe.py            # score against the labels
    nice .venv/bin/python benchmarks/bench_dedupe.py --label    # (re)write the labelled pairs

Piles: the 100 raw-dev clusters and validation clusters 0-999, each document cleaned as ingest
cleans it (`clean.clean_text`; `find_copies` sees the clean text, as the store's shingles do).
Pairs (benchmarks/data/dedupe_pairs.json holds cluster and document indices only, never text):
every pair of documents inside one cluster (syndicated copies sit there), and every pair across
clusters that shares at least 5 word 4-shingles. A pair is a copy when one document repeats most
of the other: at least 80% of the shorter one's 4-shingles are in the longer one (containment,
a different measure from the Jaccard that dedupe thresholds) and it is at least half as long;
under 30% it is not; the pairs in between, and short pieces inside a longer one (a tweet quoted
by an article, a teaser), were read and labelled by hand (`"how": "read"`).

Scored: MinHash LSH as `find_copies` runs it (4-word shingles, 128 permutations, 25 bands of 5
rows, kept at exact Jaccard >= 0.5), a pair predicted a copy when both land in one copy group;
and, to show where the threshold sits, exact Jaccard >= t for a few t on the same pairs.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "multinews"
LABELS = ROOT / "benchmarks" / "data" / "dedupe_pairs.json"
PILES = {"raw-dev": ("raw-dev.jsonl", 100), "validation": ("validation.jsonl.gz", 1000)}

from storyweave.stream.dedupe import find_copies, jaccard, shingles  # noqa: E402

Key = tuple[int, int]  # (cluster index, document index)


def load(pile: str) -> dict[Key, str]:
    """Clean text of every document of a pile, by (cluster, document)."""
    from storyweave.text.clean import clean_text

    name, limit = PILES[pile]
    path = DATA / name
    opener = gzip.open if path.suffix == ".gz" else open
    docs: dict[Key, str] = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(itertools.islice(f, limit)):
            for j, raw in enumerate(json.loads(line)["documents"]):
                text = clean_text(raw)[0]
                if text.strip():
                    docs[(i, j)] = text
    return docs


def candidates(sh: dict[Key, set[str]]) -> set[tuple[Key, Key]]:
    """Pairs inside a cluster, and pairs across clusters sharing at least 5 shingles."""
    by_cluster: dict[int, list[Key]] = {}
    for k in sh:
        by_cluster.setdefault(k[0], []).append(k)
    pairs = {p for keys in by_cluster.values() for p in itertools.combinations(sorted(keys), 2)}
    postings: dict[str, list[Key]] = {}
    for k, s in sh.items():
        for g in s:
            postings.setdefault(g, []).append(k)
    shared: Counter[tuple[Key, Key]] = Counter()
    for keys in postings.values():
        if 1 < len(keys) <= 50:  # a shingle in more than 50 documents is a phrase, not a copy
            shared.update(itertools.combinations(sorted(keys), 2))
    return pairs | {p for p, c in shared.items() if c >= 5}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & big) / len(small) if small else 0.0


def label(read: dict[str, bool]) -> list[dict[str, object]]:
    """Labelled pairs of both piles; `read` holds the hand labels of the middle band."""
    rows: list[dict[str, object]] = []
    for pile in PILES:
        sh = {k: shingles(t) for k, t in load(pile).items()}
        for a, b in sorted(candidates(sh)):
            c = containment(sh[a], sh[b])
            ratio = min(len(sh[a]), len(sh[b])) / max(len(sh[a]), len(sh[b]), 1)
            key = f"{pile}:{a[0]}:{a[1]}|{b[0]}:{b[1]}"
            if (c >= 0.8 and ratio >= 0.5) or c < 0.3:
                rows.append({"pile": pile, "a": a, "b": b, "copy": c >= 0.8, "how": "rule"})
            elif key in read:
                rows.append({"pile": pile, "a": a, "b": b, "copy": read[key], "how": "read"})
            else:
                print(f"to read: {key} containment {c:.2f}", file=sys.stderr)
    return rows


def score(rows: list[dict[str, object]]) -> None:
    """The table: precision and recall of find_copies and of exact Jaccard thresholds."""
    print("| pile | method | labelled pairs | copies | P | R | F1 |")
    print("|---|---|---|---|---|---|---|")
    for pile in PILES:
        docs = load(pile)
        keys = sorted(docs)
        sh = {k: shingles(docs[k]) for k in keys}
        mine = [r for r in rows if r["pile"] == pile]
        gold = [bool(r["copy"]) for r in mine]
        pairs = [(tuple(r["a"]), tuple(r["b"])) for r in mine]  # type: ignore[arg-type]
        found = find_copies([docs[k] for k in keys])
        group = {keys[i]: keys[found[i][0]] if i in found else keys[i] for i in range(len(keys))}
        preds = {"find_copies (MinHash LSH, J >= 0.5)": [group[a] == group[b] for a, b in pairs]}
        for t in (0.3, 0.4, 0.5, 0.6, 0.8):
            preds[f"exact Jaccard >= {t}"] = [jaccard(sh[a], sh[b]) >= t for a, b in pairs]
        for name, pred in preds.items():
            tp = sum(p and g for p, g in zip(pred, gold, strict=True))
            p = tp / max(sum(pred), 1)
            r = tp / max(sum(gold), 1)
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"| {pile} | {name} | {len(mine)} | {sum(gold)} | {p:.3f} | {r:.3f} | {f:.3f} |")


def _dump(read: dict[str, bool], rows: list[dict[str, object]]) -> str:
    """The labels file: one pair a line, [pile, cluster a, doc a, cluster b, doc b, copy, how]."""
    lines = [
        json.dumps([r["pile"], *r["a"], *r["b"], r["copy"], r["how"]])  # type: ignore[misc]
        for r in rows
    ]
    pairs = ",\n".join(lines)
    return f'{{"read": {json.dumps(read)},\n"pairs": [\n{pairs}\n]}}\n'


def _rows(data: dict[str, list[list[object]]]) -> list[dict[str, object]]:
    keys = ("pile", "a0", "a1", "b0", "b1", "copy", "how")
    out = []
    for row in data["pairs"]:
        r = dict(zip(keys, row, strict=True))
        out.append(
            {
                "pile": r["pile"],
                "a": (r["a0"], r["a1"]),
                "b": (r["b0"], r["b1"]),
                "copy": r["copy"],
                "how": r["how"],
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--label", action="store_true", help="rewrite the labelled pairs")
    args = parser.parse_args(argv)
    if args.label:
        old = json.loads(LABELS.read_text()) if LABELS.exists() else {"read": {}}
        old["read"] = old.get("read", {})
        rows = label(old["read"])
        LABELS.write_text(_dump(old["read"], rows))
        print(f"{LABELS}: {len(rows)} pairs, {sum(bool(r['copy']) for r in rows)} copies")
        return 0
    if not LABELS.exists():
        print(f"{LABELS}: not found; run with --label first", file=sys.stderr)
        return 2
    score(_rows(json.loads(LABELS.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
