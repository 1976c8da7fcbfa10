"""The editor's verdicts on agreements: rows keyed without text, tallied against what is listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_a_row_is_its_cluster_and_evidence_whatever_the_order_or_spacing(benchmark_module) -> None:
    read = benchmark_module("read_agreements")
    a = read.sentence_key("c1-d0", "The bridge  was closed on Monday.")
    b = read.sentence_key("c1-d1", "Engineers shut the bridge.")
    assert a == read.sentence_key("c1-d0", "the bridge was closed on monday.")
    assert "bridge" not in a  # a hash, no text of the article
    assert read.row_key(1, [a, b]) == read.row_key(1, [b, a])
    assert read.row_key(1, [a, b]) != read.row_key(2, [a, b])


def test_tally_counts_verdicts_unread_rows_and_outlet_counts(
    tmp_path: Path, benchmark_module
) -> None:
    read = benchmark_module("read_agreements")
    keys = [read.sentence_key("c1-d0", "x y z"), read.sentence_key("c1-d1", "x y w")]
    rows = [
        {"cluster": 1, "evidence": keys, "outlets": 2, "verdict": "different", "outlets_true": 1}
    ]
    path = tmp_path / "v.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    verdicts = read.read_verdicts(path)
    table = read.tally([(read.row_key(1, keys), 2), (read.row_key(2, keys), 2)], verdicts)
    assert table.splitlines()[-1] == "| 2 | 0 | 0 | 1 | 0 | 0 | 1 | 0.000 | 0 / 1 / 0 |"


def test_a_verdict_it_does_not_know_is_an_error_naming_the_line(
    tmp_path: Path, benchmark_module
) -> None:
    read = benchmark_module("read_agreements")
    path = tmp_path / "v.jsonl"
    path.write_text(json.dumps({"cluster": 1, "evidence": [], "verdict": "maybe"}) + "\n")
    with pytest.raises(ValueError, match="line 1: verdict must be one of"):
        read.read_verdicts(path)


def test_held_out_splits_are_refused(capsys: pytest.CaptureFixture[str], benchmark_module) -> None:
    read = benchmark_module("read_agreements")
    assert read.main(["--split", "test"]) == 2
    assert "held-out" in capsys.readouterr().err
