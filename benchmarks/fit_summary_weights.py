#!/usr/bin/env python
"""Fit the summarizer's feature weights and write them to summary_weights.json.

Usage::

    python benchmarks/fit_summary_weights.py --embedder tfidf --write
    python benchmarks/fit_summary_weights.py --embedder minilm --train DATA:600:1400 --write

Every candidate sentence of every training cluster gets the features `summarize` computes
(the same `brief.prepare` + `summarize._story` code) and two labels, both against the cluster's
human summary (mean over references):

- precision: its ROUGE-1 plus ROUGE-2 precision, how much of the sentence a summary writer kept;
- oracle: 1 when the greedy extractive oracle (`evaluate.rouge.greedy_oracle`, 260 words) takes
  it, else 0: which sentences *together* cover the reference, the label of supervised extractive
  summarizers since SummaRuNNer (Nallapati et al., 2017).

The fitted label is their mix, each standardised and weighted 1 : `--oracle-weight` (1.5), on
the precision label's scale so the MMR redundancy penalty keeps its meaning. Precision alone
prefers dense sentences one by one; the oracle adds what a summary of several sentences needs
(session 8: +0.3 ROUGE-1 and +0.3-0.4 ROUGE-2 on three held-out slices). A ridge regression of
label on features gives the weights; the greedy MMR selection in `summarize` then fills the word
budget by this score.

The default training slice is validation clusters 600-2999, so the first 600 validation
clusters and all of raw-dev stay held out: report those as the numbers nobody tuned on.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from itertools import islice
from pathlib import Path

import numpy as np

from storyweave.brief import prepare
from storyweave.embed import get_embedder
from storyweave.evaluate.datasets import load
from storyweave.evaluate.rouge import greedy_oracle
from storyweave.evaluate.systems import cluster_articles
from storyweave.summarize import _WEIGHTS_FILE, DEFAULT_WEIGHTS, FEATURES, _story

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews"
DEFAULT_TRAIN = f"{DATA / 'validation.jsonl.gz'}:600:3000"
ORACLE_WEIGHT = 1.5


def _slice(spec: str) -> tuple[str, int, int | None]:
    """PATH[:START[:END]] -> (path, start, end); END empty or absent means to the end."""
    path, *bounds = spec.split(":")
    if not bounds or len(bounds) > 2 or not all(b.isdigit() or b == "" for b in bounds):
        return spec, 0, None
    start = int(bounds[0] or 0)
    end = int(bounds[1]) if len(bounds) == 2 and bounds[1] else None
    return path, start, end


def _label(spec: str) -> str:
    """A training slice as the weights file records it: relative to shared/data when there."""
    path, start, end = _slice(spec)
    try:
        shown = str(Path(path).resolve().relative_to(DATA.parent))
    except ValueError:
        shown = Path(path).name
    return f"{shown}:{start}:{'' if end is None else end}"


def examples(
    spec: str, embedder_name: str, words: int = 260
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Features, precision labels and oracle labels of every candidate sentence in the slice;
    and the cluster count."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    embedder = get_embedder(embedder_name)
    path, start, end = _slice(spec)
    xs, ys, os_, clusters = [], [], [], 0
    for cluster in islice(load(path), start, end):
        kept, sentences, _ = prepare(cluster_articles(cluster.documents))
        story = _story(kept, sentences, embedder, DEFAULT_WEIGHTS) if kept else None
        if story is None:
            continue
        labels = np.zeros(len(story.texts))
        for ref in cluster.references:
            for i, text in enumerate(story.texts):
                r = scorer.score(ref, text)
                labels[i] += r["rouge1"].precision + r["rouge2"].precision
        oracle = np.zeros(len(story.texts))
        oracle[greedy_oracle(story.texts, story.n_words, list(cluster.references), words)] = 1.0
        xs.append(story.features)
        ys.append(labels / len(cluster.references))
        os_.append(oracle)
        clusters += 1
    return np.vstack(xs), np.concatenate(ys), np.concatenate(os_), clusters


def mixed_label(precision: np.ndarray, oracle: np.ndarray, oracle_weight: float) -> np.ndarray:
    """Both labels standardised, weighted 1 : oracle_weight, on the precision label's scale."""
    sp_, so = float(precision.std()) or 1.0, float(oracle.std()) or 1.0
    return (precision / sp_ + oracle_weight * oracle / so) / (1.0 + oracle_weight) * sp_


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="tfidf", help="tfidf or minilm (or a model)")
    parser.add_argument(
        "--train", action="append", help=f"PATH[:START[:END]] (default {DEFAULT_TRAIN})"
    )
    parser.add_argument("--alpha", type=float, default=1.0, help="ridge penalty")
    parser.add_argument(
        "--oracle-weight",
        type=float,
        default=ORACLE_WEIGHT,
        help=f"weight of the oracle label against precision (default {ORACLE_WEIGHT}; 0: precision)",
    )
    parser.add_argument("--write", action="store_true", help=f"update {_WEIGHTS_FILE.name}")
    args = parser.parse_args(argv)
    from sklearn.linear_model import Ridge

    specs = args.train or [DEFAULT_TRAIN]
    started = time.perf_counter()
    parts = [examples(s, args.embedder) for s in specs]
    x = np.vstack([p[0] for p in parts])
    y = mixed_label(
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
        args.oracle_weight,
    )
    clusters = sum(p[3] for p in parts)
    model = Ridge(alpha=args.alpha).fit(x, y)
    weights = {f: round(float(c), 3) for f, c in zip(FEATURES, model.coef_, strict=True)}
    print(
        f"{clusters} clusters, {len(y)} sentences, {time.perf_counter() - started:.0f} s, "
        f"R^2 {model.score(x, y):.3f}"
    )
    print("| feature | weight |\n|---|---:|")
    for f, w in weights.items():
        print(f"| {f} | {w:+.3f} |")
    if args.write:
        kind = "sparse" if args.embedder == "tfidf" else "dense"
        data = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
        preset = data["presets"].setdefault(kind, {})
        preset["features"] = weights
        preset["fit"] = {
            "embedder": args.embedder,
            "train": [_label(s) for s in specs],
            "clusters": clusters,
            "sentences": int(len(y)),
            "alpha": args.alpha,
            "label": f"precision + oracle, 1 : {args.oracle_weight:g}",
            "date": datetime.date.today().isoformat(),
        }
        tmp = _WEIGHTS_FILE.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        tmp.replace(_WEIGHTS_FILE)
        print(f"wrote the {kind} preset to {_WEIGHTS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
