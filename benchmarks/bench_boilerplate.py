"""Boilerplate removal quality and speed on the labelled set, against justext as a peer.

Run: .venv/bin/python benchmarks/bench_boilerplate.py [path/to/boilerplate.jsonl]

The set is one JSON object per line: {"id", "source", "lines": [{"text", "junk"}, ...]}; the
raw text is the lines joined with newlines and line 1 is the headline. Scores are line-level
precision / recall / F1 for junk over non-blank body lines (the headline line becomes the
title and is not a cleaning decision, so it is left out of the score).
"""

from __future__ import annotations

import html
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import justext

from storyweave.model import Article
from storyweave.read import article_from_text
from storyweave.text.clean import clean_articles

DATA = Path(__file__).parent / "data" / "boilerplate.jsonl"

# Used only while the labelled set is missing; invented text.
_SAMPLE: list[dict[str, object]] = [
    {
        "id": "sample-1",
        "source": "Harbour Gazette",
        "lines": [
            {"text": "Harbour Bridge Reopens After Repairs", "junk": False},
            {"text": "Jane Porter/Getty Images", "junk": True},
            {"text": "The bridge reopened on Monday after three months of repairs.", "junk": False},
            {"text": "\u201cWe are glad it is over,\u201d the mayor said.", "junk": False},
            {"text": "READ MORE: Harbour Ferry Fares Rise Again", "junk": True},
            {"text": "Crews replaced 40 cables and repainted the deck.", "junk": False},
            {"text": "He refused.", "junk": False},
            {"text": "  \u2022 Share", "junk": True},
            {"text": "What do you think of the new bridge?", "junk": True},
        ],
    },
    {
        "id": "sample-2",
        "source": "Coast Daily",
        "lines": [
            {"text": "Bridge Open Again", "junk": False},
            {"text": "Sign up for our daily newsletter", "junk": True},
            {"text": "Traffic crossed the harbour bridge again on Monday morning.", "junk": False},
            {"text": "Repairs", "junk": False},
            {"text": "The repairs cost 12 million dollars, officials said.", "junk": False},
            {"text": "READ MORE: Harbour Ferry Fares Rise Again", "junk": True},
            {"text": "We use cookies on this site. By using the site you consent.", "junk": True},
        ],
    },
]


@dataclass
class Doc:
    id: str
    article: Article
    labels: list[bool | None]  # per raw line; None for blank lines and the headline
    body_offset: int  # raw line index (0-based) of body line 1, minus 1


def load(path: Path) -> tuple[list[Doc], str]:
    """The labelled documents, and where they came from."""
    if path.exists():
        records = [
            json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()
        ]
        origin = str(path)
    else:
        records, origin = _SAMPLE, f"built-in invented sample ({path} not found)"
    docs = []
    for r in records:
        lines = r["lines"]
        texts = [str(x["text"]) for x in lines]
        raw = "\n".join(texts)
        article = article_from_text(
            raw, source=str(r.get("source") or r["id"]), origin=str(r["id"])
        )
        head = next(i for i, t in enumerate(texts) if t.strip())
        labels: list[bool | None] = [
            None if (not t.strip() or i == head) else bool(x["junk"])
            for i, (t, x) in enumerate(zip(texts, lines, strict=True))
        ]
        docs.append(Doc(str(r["id"]), article, labels, head))
    return docs, origin


def score(docs: Sequence[Doc], predicted: Sequence[set[int]]) -> tuple[float, float, float, int]:
    """Precision, recall, F1 for junk, and the number of lines scored."""
    tp = fp = fn = n = 0
    for doc, pred in zip(docs, predicted, strict=True):
        for i, label in enumerate(doc.labels):
            if label is None:
                continue
            n += 1
            p = i in pred
            tp += p and label
            fp += p and not label
            fn += (not p) and label
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, n


def _removed_indices(doc: Doc, article: Article) -> set[int]:
    # body line k (1-based) is raw line head + k (0-based)
    return {doc.body_offset + r.line for r in article.removed}


def run_storyweave(docs: Sequence[Doc], batch: bool) -> tuple[list[set[int]], list[Article]]:
    if batch:
        cleaned = clean_articles([d.article for d in docs])
    else:
        cleaned = [clean_articles([d.article])[0] for d in docs]
    return [_removed_indices(d, a) for d, a in zip(docs, cleaned, strict=True)], cleaned


def run_justext(docs: Sequence[Doc]) -> list[set[int]]:
    """justext over the body lines, each line one <p>, English stoplist."""
    stoplist = justext.get_stoplist("English")
    out = []
    for d in docs:
        idx = [i for i, label in enumerate(d.labels) if label is not None]
        lines = d.article.raw.split("\n")
        texts = [lines[i - d.body_offset - 1].strip() for i in idx]
        page = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in texts) + "</body>"
        paragraphs = justext.justext(page.encode("utf-8"), stoplist)
        pred = set()
        if len(paragraphs) == len(idx):
            pred = {i for i, p in zip(idx, paragraphs, strict=True) if p.is_boilerplate}
        else:  # justext merged or dropped a paragraph: match by text
            bad = {p.text.strip() for p in paragraphs if p.is_boilerplate}
            kept = {p.text.strip() for p in paragraphs if not p.is_boilerplate}
            pred = {i for i, t in zip(idx, texts, strict=True) if t in bad or t not in kept}
        out.append(pred)
    return out


def timed(fn: Callable[[], object], lines: int, repeat: int = 3) -> float:
    """Lines per second, best of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return lines / best if best > 0 else float("inf")


def main(argv: Sequence[str]) -> None:
    path = Path(argv[0]) if argv else DATA
    docs, origin = load(path)
    total_lines = sum(len(d.labels) for d in docs)
    junk = sum(1 for d in docs for x in d.labels if x)
    scored = sum(1 for d in docs for x in d.labels if x is not None)
    print(f"data: {origin}: {len(docs)} articles, {scored} scored lines, {junk} junk")
    print()

    batch_pred, batch_articles = run_storyweave(docs, batch=True)
    single_pred, _ = run_storyweave(docs, batch=False)
    jt_pred = run_justext(docs)
    speed = {
        "storyweave (batch)": timed(lambda: run_storyweave(docs, True), total_lines),
        "storyweave (per article)": timed(lambda: run_storyweave(docs, False), total_lines),
        "justext (English stoplist)": timed(lambda: run_justext(docs), total_lines),
    }
    rows = [
        ("storyweave (batch)", batch_pred),
        ("storyweave (per article)", single_pred),
        ("justext (English stoplist)", jt_pred),
    ]
    base = speed["storyweave (batch)"]
    print(f"{'system':<28} {'P':>6} {'R':>6} {'F1':>6} {'lines/s':>10} {'speed':>7}")
    for name, pred in rows:
        p, r, f1, _ = score(docs, pred)
        print(
            f"{name:<28} {p:6.3f} {r:6.3f} {f1:6.3f} {speed[name]:10.0f} {speed[name] / base:6.2f}x"
        )
    print()

    labels = {(d.id, i): x for d in docs for i, x in enumerate(d.labels)}
    by_reason: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for d, a in zip(docs, batch_articles, strict=True):
        for r in a.removed:
            label = labels.get((d.id, d.body_offset + r.line))
            if label is None:
                continue
            by_reason[r.reason] += 1
            right[r.reason] += bool(label)
    print(f"{'reason (batch run)':<28} {'removed':>8} {'junk':>6} {'P':>6}")
    for reason, n in by_reason.most_common():
        print(f"{reason:<28} {n:8d} {right[reason]:6d} {right[reason] / n:6.3f}")
    missed = Counter(
        "missed junk"
        for d, pred in zip(docs, batch_pred, strict=True)
        for i, x in enumerate(d.labels)
        if x and i not in pred
    )
    print(f"{'(junk left in)':<28} {missed['missed junk']:8d}")


if __name__ == "__main__":
    main(sys.argv[1:])
