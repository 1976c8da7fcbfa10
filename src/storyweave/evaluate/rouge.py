"""ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (Porter stemming) and bootstrap confidence intervals.

Scores come from Google's `rouge_score` package, the implementation most papers report.
ROUGE-Lsum reads one sentence a line, so summaries are joined with "\\n" and references are
split into sentences with our splitter first. With several references a cluster's score is
the mean over its references. Scores are fractions in [0, 1].
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..segment import split_sentences

METRICS = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeLsum": "R-Lsum"}

BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20190728  # fixed: the same scores always give the same interval


@lru_cache(maxsize=1)
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def _lines(sentences: Sequence[str]) -> str:
    # A newline inside a sentence would split it for Lsum; keep one sentence per line.
    return "\n".join(" ".join(s.split()) for s in sentences if s.strip())


def reference_lines(reference: str) -> str:
    """A reference summary as one sentence a line, the form ROUGE-Lsum expects."""
    return _lines(split_sentences(reference))


def score(summary: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """F1 per metric of summary sentences against references (mean over references)."""
    if not references:
        raise ValueError("at least one reference is needed")
    prediction = _lines(summary)
    totals = dict.fromkeys(METRICS, 0.0)
    for ref in references:
        result = _scorer().score(reference_lines(ref), prediction)
        for m in METRICS:
            totals[m] += result[m].fmeasure
    return {m: totals[m] / len(references) for m in METRICS}


def bootstrap_interval(
    values: Sequence[float],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    confidence: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean, resampling clusters with replacement."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(resamples, data.size))].mean(axis=1)
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return (float(low), float(high))
