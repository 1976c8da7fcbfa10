#!/usr/bin/env python
"""How far storyweave's summary is from what its own candidate sentences allow, one table.

Usage::

    python benchmarks/bench_ceiling.py                                # raw-dev, 100 clusters
    python benchmarks/bench_ceiling.py ../shared/data/multinews/validation.jsonl.gz --limit 200

For the first N clusters of DATA, on the same candidate sentences (`brief.prepare`, then the
junk filter of `summarize`) and under the same 260-word rule, three rows:

- storyweave: the shipped scorer and MMR selection (tf-idf embedder, the preset's weights);
- perfect ranker: the same MMR selection, but each sentence scored by its true ROUGE-1 +
  ROUGE-2 precision against the reference, the label the weights are fitted to. No scorer
  trained on that label can do better than this row with this selection;
- greedy oracle: sentences added one by one, each time the one that raises the summary's
  ROUGE-1 + ROUGE-2 F1 most, until none fits or none helps (it reads the reference).

The oracle rows read the reference: they are ceilings for reading the other numbers, not systems.
"""

from __future__ import annotations

import argparse
import sys
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from storyweave.brief import prepare
from storyweave.embed import get_embedder
from storyweave.evaluate.datasets import load
from storyweave.evaluate.rouge import METRICS, greedy_oracle, score
from storyweave.evaluate.systems import cluster_articles
from storyweave.summarize import SPARSE_WEIGHTS, _select, _story, _weight_vector

RAW_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "raw-dev.jsonl"


def _precision(scorer: Any, refs: list[str], text: str) -> float:
    """The fitted label: ROUGE-1 + ROUGE-2 precision of one sentence, mean over references."""
    total = 0.0
    for ref in refs:
        r = scorer.score(ref, text)
        total += r["rouge1"].precision + r["rouge2"].precision
    return total / len(refs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(RAW_DEV))
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--words", type=int, default=260)
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    embedder = get_embedder("tfidf")
    w = SPARSE_WEIGHTS
    rows: dict[str, list[dict[str, float]]] = {
        "storyweave (tfidf)": [],
        "perfect ranker": [],
        "greedy oracle": [],
    }
    for cluster in islice(load(args.data), args.limit):
        kept, sentences, _ = prepare(cluster_articles(cluster.documents))
        story = _story(kept, sentences, embedder, w) if kept else None
        refs = list(cluster.references)
        if story is None:
            for r in rows.values():
                r.append(score([], refs))
            continue
        label = np.array([_precision(scorer, refs, t) for t in story.texts])
        picks = {
            "storyweave (tfidf)": _select(
                story, story.features @ _weight_vector(w), args.words, w.redundancy, w.context
            ),
            "perfect ranker": _select(story, label, args.words, w.redundancy, w.context),
            "greedy oracle": greedy_oracle(story.texts, story.n_words, refs, args.words),
        }
        for name, chosen in picks.items():
            rows[name].append(score([story.texts[i] for i in chosen], refs))
    n = len(rows["greedy oracle"])
    print(f"{args.data}: {n} clusters, budget {args.words} words, ROUGE F1 x100\n")
    print("| selection | R-1 | R-2 | R-Lsum |\n|:--|--:|--:|--:|")
    for name, scores in rows.items():
        means = [100 * float(np.mean([s[m] for s in scores])) for m in METRICS]
        print(f"| {name} | " + " | ".join(f"{v:.2f}" for v in means) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
