"""The evaluation harness: loaders, the budget rule, ROUGE, bootstrap, sumy peers, the CLI."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from storyweave.errors import ConfigError, InputError
from storyweave.evaluate import Cluster, evaluate, format_table, load
from storyweave.evaluate import cli as evaluate_cli
from storyweave.evaluate.rouge import METRICS, bootstrap_interval, greedy_oracle, score
from storyweave.evaluate.systems import SYSTEMS, budget_indices, fit_budget, lead
from storyweave.text.segment import split_sentences

# Invented text only.
DOC_A = (
    "The Lanterne ferry ran aground near Port Verity on Tuesday morning. "
    "All forty passengers were brought ashore by the coast guard. "
    "The harbour master said fog had covered the channel since dawn. "
    "An inquiry will open next week."
)
DOC_B = (
    "Forty passengers were rescued after the Lanterne ferry struck a sandbar off Port Verity. "
    "Coast guard boats reached the ferry within twenty minutes. "
    "The operator said the captain had twenty years of experience. "
    "Ferry service resumed on Wednesday."
)
DOC_C = (
    "Fog closed the Port Verity channel for most of Tuesday. "
    "The Lanterne ferry was refloated at high tide. "
    "Nobody was hurt, the harbour master said."
)
REFERENCE = (
    "The Lanterne ferry ran aground in fog near Port Verity on Tuesday. "
    "The coast guard brought all forty passengers ashore and nobody was hurt."
)


def words_of(sentences: list[str]) -> int:
    return sum(len(s.split()) for s in sentences)


# --- loaders -----------------------------------------------------------------------------------


def test_jsonl_summary_and_summaries(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    rows = [
        {"id": "a", "documents": [DOC_A, DOC_B], "summary": REFERENCE},
        {"id": 7, "documents": [DOC_C], "summaries": [REFERENCE, "Fog closed the channel."]},
        {"document": f"{DOC_A} ||||| {DOC_B}", "summary": REFERENCE},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    clusters = list(load(path))
    assert [c.id for c in clusters] == ["a", "7", "3"]
    assert clusters[0].documents == [DOC_A, DOC_B]
    assert clusters[1].references == [REFERENCE, "Fog closed the channel."]
    assert clusters[2].documents == [DOC_A, DOC_B]
    assert [c.id for c in load(path, limit=2)] == ["a", "7"]


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 1, "documents": [DOC_A], "summary": REFERENCE}) + "\n")
    (cluster,) = load(path)
    assert cluster == Cluster("1", [DOC_A], [REFERENCE])


def test_bad_jsonl_records_are_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok", "documents": [DOC_A], "summary": REFERENCE}),
                "{not json",
                json.dumps({"id": "nodocs", "summary": REFERENCE}),
                json.dumps({"id": "nosum", "documents": [DOC_A]}),
                json.dumps({"id": "empty", "documents": ["  "], "summary": REFERENCE}),
                json.dumps({"id": "ok2", "documents": [DOC_B], "summary": REFERENCE}),
            ]
        ),
        encoding="utf-8",
    )
    errors: list[InputError] = []
    clusters = list(load(path, on_error=errors.append))
    assert [c.id for c in clusters] == ["ok", "ok2"]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path} line {n}" for n in (2, 3, 4, 5)]
    assert "documents" in str(errors[1]) and "summary" in str(errors[2])


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such"):
        list(load(tmp_path / "absent.jsonl"))


def test_multinews_src_tgt(tmp_path: Path) -> None:
    src_line = (
        "The Lanterne ferry ran aground. NEWLINE_CHAR NEWLINE_CHAR All passengers were safe. "
        "||||| Fog closed the channel. NEWLINE_CHAR The ferry was refloated. |||||"
    )
    (tmp_path / "test.src").write_text(src_line + "\n" + "||||| \n", encoding="utf-8")
    (tmp_path / "test.tgt").write_text(f"– {REFERENCE}\n– Fog.\n", encoding="utf-8")
    errors: list[InputError] = []
    for given in ("test.src", "test.tgt", "test"):
        errors.clear()
        (cluster,) = load(tmp_path / given, on_error=errors.append)
        assert cluster.documents == [
            "The Lanterne ferry ran aground.\n\nAll passengers were safe.",
            "Fog closed the channel.\nThe ferry was refloated.",
        ]
        assert cluster.references == [REFERENCE]
        assert len(errors) == 1 and "test.src line 2" in str(errors[0])


def test_duc_folder_sgml_and_plain(tmp_path: Path) -> None:
    one = tmp_path / "d001t"
    one.mkdir()
    (one / "APW001.sgml").write_text(
        "<DOC><DOCNO> APW001 </DOCNO><TEXT><P>\n"
        + DOC_A
        + "\n</P></TEXT></DOC>\n<DOC><DOCNO>APW002</DOCNO><TEXT>"
        + DOC_B
        + " Fish &amp; chips.</TEXT></DOC>",
        encoding="utf-8",
    )
    (one / "note.txt").write_text(DOC_C, encoding="utf-8")
    (one / "models").mkdir()
    (one / "models" / "A").write_text(REFERENCE, encoding="utf-8")
    two = tmp_path / "d002t"
    two.mkdir()
    (two / "doc1.txt").write_text(DOC_C, encoding="utf-8")
    (two / "human.ref1.txt").write_text("Fog closed the channel.", encoding="utf-8")
    three = tmp_path / "d003t"  # references in a DUC-style root models folder
    three.mkdir()
    (three / "doc.txt").write_text(DOC_B, encoding="utf-8")
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "D003.M.100.T.A").write_text(REFERENCE, encoding="utf-8")
    empty = tmp_path / "d004t"  # no reference: reported, skipped
    empty.mkdir()
    (empty / "doc.txt").write_text(DOC_A, encoding="utf-8")

    errors: list[InputError] = []
    clusters = {c.id: c for c in load(tmp_path, on_error=errors.append)}
    assert sorted(clusters) == ["d001t", "d002t", "d003t"]
    first = clusters["d001t"]
    assert first.documents == [DOC_A, DOC_B + " Fish & chips.", DOC_C]
    assert first.references == [REFERENCE]
    assert clusters["d002t"].documents == [DOC_C]
    assert clusters["d002t"].references == ["Fog closed the channel."]
    assert clusters["d003t"].references == [REFERENCE]
    assert len(errors) == 1 and "d004t" in str(errors[0])


# --- budget rule -------------------------------------------------------------------------------


def test_budget_skips_an_overflowing_sentence_for_a_shorter_one() -> None:
    sentences = ["one two three four", "a b c d e f", "x y", "repeat me", "Repeat  me"]
    assert budget_indices(sentences, 6) == [0, 2]
    assert fit_budget(sentences, 100) == sentences[:4]  # exact repeats are dropped
    assert fit_budget(sentences, 1) == []


def _check_budget(name: str, words: int) -> None:
    documents = [DOC_A, DOC_B, DOC_C]
    summary = SYSTEMS[name](documents, words)
    assert words_of(summary) <= words
    assert all(s.strip() and any(s in d for d in documents) for s in summary)
    whole = {s for d in documents for s in split_sentences(d)}
    assert all(s in whole for s in summary)
    if words >= 30:
        assert summary


@pytest.mark.parametrize("name", ["lead", "lexrank", "textrank", "lsa", "storyweave-tfidf"])
@pytest.mark.parametrize("words", [1, 12, 30, 1000])
def test_systems_keep_the_budget_with_whole_sentences(name: str, words: int) -> None:
    _check_budget(name, words)


@pytest.mark.slow
def test_dense_storyweave_keeps_the_budget() -> None:
    for words in (12, 40):
        _check_budget("storyweave", words)


def test_lead_is_round_robin() -> None:
    summary = lead([DOC_A, DOC_B, DOC_C], 60)
    assert summary[0].startswith("The Lanterne ferry ran aground")
    assert summary[1].startswith("Forty passengers were rescued")
    assert summary[2].startswith("Fog closed the Port Verity channel")


def test_sumy_peers_need_no_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk data was asked for")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    for name in ("lexrank", "textrank", "lsa"):
        summary = SYSTEMS[name]([DOC_A, DOC_B, DOC_C], 40)
        assert summary and words_of(summary) <= 40


# --- ROUGE -------------------------------------------------------------------------------------


def test_rouge_identical_is_one_and_disjoint_is_zero() -> None:
    sentences = ["The ferry ran aground in fog.", "Forty passengers were rescued."]
    same = score(sentences, [" ".join(sentences)])
    assert all(same[m] == pytest.approx(1.0) for m in METRICS)
    disjoint = score(["Quiet violins hum softly."], [" ".join(sentences)])
    assert all(disjoint[m] == 0.0 for m in METRICS)


def test_rouge_means_over_references() -> None:
    summary = ["The ferry ran aground in fog."]
    both = score(summary, [summary[0], "Quiet violins hum softly."])
    assert both["rouge1"] == pytest.approx(0.5)


def _slow_oracle(texts: list[str], refs: list[str], words: int) -> list[int]:
    # the definition, with rouge_score itself scoring every try
    chosen: list[int] = []
    best, left = 0.0, words
    while True:
        pick = None
        for i, t in enumerate(texts):
            if i in chosen or len(t.split()) > left:
                continue
            s = score([texts[j] for j in sorted([*chosen, i])], refs)
            if s["rouge1"] + s["rouge2"] > best:
                best, pick = s["rouge1"] + s["rouge2"], i
        if pick is None:
            return sorted(chosen)
        chosen.append(pick)
        left -= len(texts[pick].split())


@pytest.mark.parametrize("words", [12, 30, 60, 200])
def test_greedy_oracle_scores_exactly_as_rouge_score(words: int) -> None:
    # bigrams across sentence boundaries count, stemming applies: the counts must agree with
    # the scorer on every try, or the picks drift apart
    texts = split_sentences(" ".join([DOC_A, DOC_B, DOC_C]))
    refs = [REFERENCE, "Fog closed the channel. The ferry was refloated and service resumed."]
    n_words = [len(t.split()) for t in texts]
    picks = greedy_oracle(texts, n_words, refs, words)
    assert picks == _slow_oracle(texts, refs, words)
    assert picks and sum(n_words[i] for i in picks) <= words


def test_bootstrap_interval_contains_the_mean_and_is_fixed() -> None:
    values = [0.1, 0.5, 0.35, 0.42, 0.2, 0.61, 0.33, 0.28]
    low, high = bootstrap_interval(values)
    assert low <= sum(values) / len(values) <= high
    assert low < high
    assert bootstrap_interval(values) == (low, high)
    assert bootstrap_interval([0.4] * 5) == pytest.approx((0.4, 0.4))


# --- runner and CLI ----------------------------------------------------------------------------


def _fixture(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    rows = [
        {"id": "ferry", "documents": [DOC_A, DOC_B, DOC_C], "summary": REFERENCE},
        {"id": "fog", "documents": [DOC_C, DOC_A], "summaries": [REFERENCE, DOC_C]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_evaluate_report(tmp_path: Path) -> None:
    report = evaluate(_fixture(tmp_path), systems=["lead", "lexrank"], words=40)
    assert report.clusters == 2 and [r.system for r in report.results] == ["lead", "lexrank"]
    for r in report.results:
        for m in METRICS:
            low, high = r.intervals[m]
            assert 0.0 < r.scores[m] <= 1.0 and low <= r.scores[m] <= high
        assert r.clusters_per_second > 0 and r.peak_mib >= 0
    assert report.results[1].speed_vs_baseline == pytest.approx(1.0)
    data = json.loads(report.to_json())
    assert data["results"][0]["system"] == "lead" and "per_cluster" not in data["results"][0]
    table = format_table(report)
    assert "R-Lsum" in table and "speed vs lexrank" in table


def test_evaluate_unknown_system_lists_the_names(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Available: .*lexrank.*storyweave"):
        evaluate(_fixture(tmp_path), systems=["lead", "gpt"])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storyweave")
    evaluate_cli.add_parser(parser.add_subparsers(dest="command"))
    return parser


def test_cli_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parser().parse_args(
        ["evaluate", str(_fixture(tmp_path)), "--system", "lead", "--system", "textrank",
         "--words", "40", "--limit", "1"]
    )  # fmt: skip
    assert evaluate_cli.run(args) == 0
    out = capsys.readouterr().out
    assert "1 clusters, budget 40 words" in out
    assert "| lead " in out and "| textrank " in out and "R-2" in out


def test_cli_json_and_unknown_system(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(_fixture(tmp_path))
    args = _parser().parse_args(["evaluate", data, "--system", "lead", "--format", "json"])
    assert evaluate_cli.run(args) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["system"] == "lead"
    args = _parser().parse_args(["evaluate", data, "--system", "nope"])
    assert evaluate_cli.run(args) == 2
    err = capsys.readouterr().err
    assert "no system named 'nope'" in err and "lexrank" in err


def test_sumy_is_not_imported_for_lead(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from storyweave.evaluate import evaluate;"
        f"evaluate({str(_fixture(tmp_path))!r}, systems=['lead']);"
        "assert 'sumy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_exit_code_3_when_records_were_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _fixture(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "\n{broken\n", encoding="utf-8")
    args = _parser().parse_args(["evaluate", str(path), "--system", "lead"])
    assert evaluate_cli.run(args) == 3
    captured = capsys.readouterr()
    assert "| lead " in captured.out and f"{path} line 3" in captured.err


class _CountingEmbedder:
    """A dense, order-independent stand-in for MiniLM: vectors from word hashes, calls counted."""

    name = "counting"
    independent = True

    def __init__(self) -> None:
        self.calls: list[int] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        import zlib

        self.calls.append(len(texts))
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, zlib.crc32(w.encode()) % 64] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_many_clusters_are_encoded_in_one_batch_with_the_same_summaries() -> None:
    from storyweave.evaluate.systems import StoryweaveSystem

    clusters = [[DOC_A, DOC_B], [DOC_C, DOC_A], ["", "   "], [DOC_B, DOC_C]]
    system = StoryweaveSystem("unused")
    system._embedder = one = _CountingEmbedder()
    alone = [system(c, 40) for c in clusters]
    system._embedder = batched = _CountingEmbedder()
    assert system.many(clusters, 40) == alone
    assert alone[2] == []  # a cluster with no text gets an empty summary, the rest go on
    assert len(batched.calls) == 1 and len(one.calls) == 3


def test_precomputed_serves_known_texts_and_encodes_new_ones() -> None:
    from storyweave.embed import Precomputed, TfidfEmbedder

    inner = _CountingEmbedder()
    pre = Precomputed(inner, ["alpha beta", "gamma", "alpha beta"])
    assert inner.calls == [2]  # repeats encoded once
    got = pre.encode(["gamma", "delta epsilon", "alpha beta"])
    assert inner.calls == [2, 1]  # only the unseen text went to the model
    np.testing.assert_allclose(got, inner.encode(["gamma", "delta epsilon", "alpha beta"]))
    with pytest.raises(ValueError, match="tfidf"):
        Precomputed(TfidfEmbedder(), ["a"])


def test_tfidf_clusters_summarized_together_match_one_at_a_time() -> None:
    from storyweave.evaluate.systems import StoryweaveSystem

    clusters = [[DOC_A, DOC_B], [DOC_C, DOC_A], ["", "   "], [DOC_B, DOC_C]]
    system = StoryweaveSystem("tfidf")
    alone = [system(c, 40) for c in clusters]
    assert any(alone)
    assert system.many(clusters, 40) == alone
