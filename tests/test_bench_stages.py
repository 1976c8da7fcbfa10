"""The stage benchmark: every stage timed, set against a 30x-LexRank budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Invented text only.
DOCS = [
    "The Lanterne ferry ran aground near Port Verity on Tuesday morning. "
    "All forty passengers were brought ashore by the coast guard, officials said.",
    "Fog covered the channel since dawn, the harbour master said. "
    "An inquiry into the grounding of the Lanterne will open next week.",
]


def test_every_stage_is_timed_against_the_budget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    bench = benchmark_module("bench_stages")
    data = tmp_path / "two.jsonl"
    lines = [json.dumps({"id": f"c{i}", "documents": DOCS, "summary": DOCS[0]}) for i in range(2)]
    data.write_text("\n".join(lines) + "\n")
    assert bench.main([str(data), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "ms" not in line]
    names = [r.split("|")[1].strip() for r in rows]
    assert names == [
        "sumy lexrank (the peer)",
        "clean (clean_articles)",
        "split sentences (segment)",
        "summarize (tf-idf, batched)",
        "storyweave-tfidf, whole",
    ]
    # the peer's own time is the budget thirty times over
    assert rows[0].split("|")[3].strip() == "3000%"


def test_missing_data_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    bench = benchmark_module("bench_stages")
    assert bench.main([str(tmp_path / "none.jsonl")]) == 2
    assert "not found" in capsys.readouterr().err
