"""The weight-fitting script stays in step with the summarizer's features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from storyweave.summarize import FEATURES

# Invented text only.
DOCS = [
    "The Lanterne ferry ran aground near Port Verity on Tuesday morning. "
    "A bakery on the quay sold out of bread by noon on the same day. "
    "All forty passengers were brought ashore by the coast guard.",
    "Fog had covered the channel since dawn, the harbour master said. "
    "The town's football club won its match on Saturday afternoon. "
    "An inquiry into the grounding of the ferry will open next week.",
]
REFERENCE = "The Lanterne ferry ran aground near Port Verity on Tuesday morning in fog."


def test_examples_give_one_labelled_row_per_candidate(tmp_path: Path, benchmark_module) -> None:
    fit = benchmark_module("fit_summary_weights")
    data = tmp_path / "train.jsonl"
    lines = [json.dumps({"id": i, "documents": DOCS, "summary": REFERENCE}) for i in range(3)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    x, y, oracle, clusters = fit.examples(f"{data}:1:3", "tfidf")  # clusters 1 and 2 only
    assert clusters == 2 and oracle.shape == y.shape
    assert x.shape == (len(y), len(FEATURES)) and len(y) % 2 == 0
    half = len(y) // 2
    np.testing.assert_allclose(y[:half], y[half:])  # the same cluster twice, the same rows
    assert np.all((y >= 0) & (y <= 2))
    # the opening sentence, every word of it in the reference, is labelled best
    assert int(np.argmax(y[:half])) == 0 and y[0] > 1.5
    # the oracle takes that sentence, and nothing that only adds words the reference lacks
    assert oracle[0] == 1.0 and oracle[:half].sum() == 1.0


def test_mixed_label_keeps_the_precision_scale_and_weighs_the_oracle(benchmark_module) -> None:
    fit = benchmark_module("fit_summary_weights")
    precision = np.array([0.2, 0.9, 0.4, 0.6])
    oracle = np.array([1.0, 0.0, 0.0, 1.0])
    np.testing.assert_allclose(fit.mixed_label(precision, oracle, 0.0), precision)
    mixed = fit.mixed_label(precision, oracle, 1.5)
    # an oracle sentence rises above a better-precision one the oracle passed over
    assert mixed[3] > mixed[1] and mixed[0] > mixed[2]
    assert mixed.std() > 0.5 * precision.std()
