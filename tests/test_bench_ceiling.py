"""The ceiling benchmark: its oracle rows really read the reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Invented text only.
DOCS = [
    "The Lanterne ferry ran aground near Port Verity on Tuesday morning. "
    "A bakery on the quay sold out of bread by noon. "
    "All forty passengers were brought ashore by the coast guard.",
    "Fog covered the channel since dawn, the harbour master said. "
    "The town's football club won its match on Saturday. "
    "An inquiry into the grounding will open next week.",
]
REFERENCE = (
    "The Lanterne ferry ran aground near Port Verity on Tuesday morning. "
    "All forty passengers were brought ashore by the coast guard."
)


def test_greedy_oracle_finds_the_sentences_of_the_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    bench = benchmark_module("bench_ceiling")
    data = tmp_path / "one.jsonl"
    data.write_text(json.dumps({"id": "c1", "documents": DOCS, "summary": REFERENCE}) + "\n")
    assert bench.main([str(data), "--limit", "1", "--words", "25"]) == 0
    rows = {
        line.split("|")[1].strip(): [float(c) for c in line.split("|")[2:5]]
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("| ") and not line.startswith("| selection")
    }
    assert set(rows) == {"storyweave (tfidf)", "perfect ranker", "greedy oracle"}
    # only the two reference sentences fit in 25 words together: both ceilings find them
    assert rows["greedy oracle"] == [100.0, 100.0, 100.0]
    assert rows["perfect ranker"] == [100.0, 100.0, 100.0]
