"""The editor's reading list: every conflict the brief lists for a range of clusters."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

# Invented text only: two outlets give two tolls of one shooting; a third cluster is one page.
INJURED = [
    "Sixteen people were injured Sunday night when gunfire erupted at a block party in "
    "Bunny Friend Park, police said. The party had drawn hundreds of people to the park for "
    "a music video shoot. Officers found shell casings across the playground and the street. "
    "No arrests had been made by Monday morning, a police spokesman said.",
    "Police said 17 people were injured Sunday night after gunfire erupted at a block party in "
    "Bunny Friend Park. Hundreds of people had gathered in the park for a music video shoot. "
    "Detectives asked anyone with video of the shooting to come forward. The mayor called the "
    "shooting senseless and promised more patrols.",
]


def _validation(tmp_path: Path, *clusters: list[str]) -> Path:
    """A validation file of these clusters (each a list of documents), as the data has it."""
    data = tmp_path / "validation.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": n, "documents": d}) + "\n" for n, d in enumerate(clusters))
    return data


def test_lists_each_conflict_with_its_sides_and_skips_single_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    read = benchmark_module("read_conflicts")
    data = _validation(tmp_path, INJURED, [INJURED[0]])
    assert read.main(["--clusters", "0:2", "--embedder", "tfidf", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "[0] number:" in out and "v0-d0" in out and "v0-d1" in out
    assert out.strip().endswith("1 conflicts listed in 1 clusters of 0:2")


COOKIES = (
    "We use cookies to personalise content and ads, to provide social media features and to "
    "analyse our traffic. We also share information about your use of our site with our social "
    "media, advertising and analytics partners. By continuing to use this site you agree to our "
    "use of cookies and our privacy policy."
)


def test_a_cluster_of_page_furniture_is_skipped_and_the_rows_found_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    read = benchmark_module("read_conflicts")
    data = _validation(tmp_path, INJURED, [COOKIES, COOKIES])
    rows = tmp_path / "rows.jsonl"
    args = ["--clusters", "0:2", "--embedder", "tfidf", "--data", str(data), "--rows", str(rows)]
    assert read.main(args) == 0
    captured = capsys.readouterr()
    assert "[1] skipped: " in captured.err
    assert captured.out.strip().endswith("1 conflicts listed in 1 clusters of 0:2")
    assert len(rows.read_text().splitlines()) == 1


def test_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    read = benchmark_module("read_conflicts")
    assert read.main(["--data", str(tmp_path / "none.jsonl.gz")]) == 2
    assert "not found" in capsys.readouterr().err


def test_verdicts_written_down_count_the_rows_listed_at_another_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    read = benchmark_module("read_conflicts")
    data = _validation(tmp_path, INJURED)
    rows = tmp_path / "rows.jsonl"
    args = ["--clusters", "0:1", "--embedder", "tfidf", "--data", str(data)]
    assert read.main([*args, "--rows", str(rows)]) == 0
    (listed,) = [json.loads(line) for line in rows.read_text().splitlines()]
    assert listed["kind"] == "number" and len(listed["sides"]) == 2
    # the reader judges the row; the side order and the topic's words do not matter
    judged = {**listed, "verdict": "real", "topic": "reworded", "sides": listed["sides"][::-1]}
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text(json.dumps(judged) + "\n")
    capsys.readouterr()
    assert read.main([*args, "--verdicts", str(verdicts)]) == 0
    assert "| 1 | 1 | 0 | 0 | 0 | 1.00 | 1.00 |" in capsys.readouterr().out
    # a row read with other sides is another row: unread
    other = {**judged, "sides": [{**judged["sides"][0], "value": "18 people"}, judged["sides"][1]]}
    verdicts.write_text(json.dumps(other) + "\n")
    assert read.main([*args, "--verdicts", str(verdicts)]) == 0
    assert "| 1 | 0 | 0 | 0 | 1 | - | - |" in capsys.readouterr().out
    # verdicts of two reads together: the row read in the second file counts
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({**judged, "verdict": "false"}) + "\n")
    assert read.main([*args, "--verdicts", str(verdicts), str(later)]) == 0
    assert "| 1 | 0 | 0 | 1 | 0 | 0.00 | 0.00 |" in capsys.readouterr().out
    verdicts.write_text(json.dumps({**listed, "verdict": "maybe"}) + "\n")
    assert read.main([*args, "--verdicts", str(verdicts)]) == 2
    assert "verdict must be one of real, soft, false" in capsys.readouterr().err


def test_real_pages_are_read_by_cluster_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], benchmark_module
) -> None:
    read = benchmark_module("read_conflicts")
    raw = tmp_path / "raw-dev.jsonl"
    raw.write_text(
        json.dumps({"documents": [INJURED[0]]}) + "\n" + json.dumps({"documents": INJURED}) + "\n"
    )
    data = str(tmp_path / "validation.jsonl.gz")  # only its folder is used
    assert read.main(["--raw-dev", "0,1", "--embedder", "tfidf", "--data", data]) == 0
    out = capsys.readouterr().out
    assert "[1] number:" in out and "r1-d0" in out and "r1-d1" in out
    assert out.strip().endswith("1 conflicts listed in 1 clusters of raw-dev 0,1")
