"""ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (Porter stemming) and bootstrap confidence intervals.

Scores come from Google's `rouge_score` package, the implementation most papers report.
ROUGE-Lsum reads one sentence a line, so summaries are joined with "\\n" and references are
split into sentences with our splitter first. With several references a cluster's score is
the mean over its references. Scores are fractions in [0, 1].
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..text.segment import split_sentences

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


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def _f1(overlap: int, predicted: int, target: int) -> float:
    # rouge_score's n-gram F1 from counts: its precision and recall, its fmeasure
    from rouge_score.scoring import fmeasure

    return float(fmeasure(overlap / max(predicted, 1), overlap / max(target, 1)))


def _overlap(target: Counter[Any], predicted: Counter[Any]) -> int:
    return sum(min(c, predicted[g]) for g, c in target.items() if g in predicted)


def greedy_oracle(
    texts: Sequence[str], n_words: Sequence[float], references: Sequence[str], words: int
) -> list[int]:
    """The greedy extractive oracle: add, one at a time, the sentence that raises the summary's
    ROUGE-1 + ROUGE-2 F1 most (mean over references), until none fits in `words` or none helps.
    Indices in reading order. Scores are rouge_score's own, worked out from n-gram counts (the
    summary's tokens are its sentences' tokens in order, so bigrams also span two sentences),
    about 100x faster than calling the scorer for every try. It reads the references: a
    training label and a ceiling, never a system."""
    tok = _tokenizer()
    tokens = [tok.tokenize(t) for t in texts]
    uni = [Counter(t) for t in tokens]
    bi = [Counter(zip(t, t[1:], strict=False)) for t in tokens]
    refs = []
    for ref in references:
        t = tok.tokenize(reference_lines(ref))
        ru, rb = Counter(t), Counter(zip(t, t[1:], strict=False))
        refs.append((ru, sum(ru.values()), rb, sum(rb.values())))
    chosen: list[int] = []
    best, left = 0.0, float(words)
    while True:
        pick = None
        for i in range(len(texts)):
            if i in chosen or n_words[i] > left or not tokens[i]:
                continue
            order = sorted([*chosen, i])
            u: Counter[Any] = Counter()
            b: Counter[Any] = Counter()
            for j in order:
                u.update(uni[j])
                b.update(bi[j])
            seq = [tokens[j] for j in order if tokens[j]]
            for x, y in zip(seq, seq[1:], strict=False):
                b[(x[-1], y[0])] += 1
            nu, nb = sum(u.values()), sum(b.values())
            total = sum(
                _f1(_overlap(ru, u), nu, cu) + _f1(_overlap(rb, b), nb, cb)
                for ru, cu, rb, cb in refs
            ) / len(refs)
            if total > best:
                best, pick = total, i
        if pick is None:
            return sorted(chosen)
        chosen.append(pick)
        left -= float(n_words[pick])


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
