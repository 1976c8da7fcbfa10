"""The CoNLL-2003 entity benchmark's reader and scoring, on a tiny invented file."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

CONLL = """-DOCSTART- -X- -X- O

PORT NNP I-NP I-LOC
ALDOUS NNP I-NP I-LOC
1996-08-30 CD I-NP O

Ada NNP I-NP I-PER
Kowalczyk NNP I-NP I-PER
of IN I-PP O
Fenwick NNP I-NP I-ORG
Mills NNP I-NP I-ORG
said VBD I-VP O
( ( O O
" " O O
no DT I-NP O
" " O O
) ) O O
. . O O

-DOCSTART- -X- -X- O

Leeds NNP I-NP I-ORG
Bradford NNP I-NP B-ORG
play VBP I-VP O
in IN I-PP O
English JJ I-NP I-MISC
Paris NNP I-NP I-LOC
Jo NNP I-NP I-PER
's POS B-NP O
win NN I-NP O
. . O O
"""


@pytest.fixture(scope="module")
def bench(benchmark_module) -> ModuleType:
    return benchmark_module("bench_conll")


@pytest.fixture()
def docs(bench, tmp_path: Path):
    path = tmp_path / "ner" / "conll2003-eng.testa"
    path.parent.mkdir()
    path.write_text(CONLL)
    return bench.read_conll(path)


def test_reader_splits_documents_and_sentences(docs):
    assert len(docs) == 2
    assert [len(d.sentences) for d in docs] == [2, 1]


def test_text_reads_as_prose_one_sentence_a_line(docs):
    assert docs[0].text() == 'PORT ALDOUS 1996-08-30\nAda Kowalczyk of Fenwick Mills said ("no").'
    assert docs[1].text() == "Leeds Bradford play in English Paris Jo's win."


def test_gold_spans_iob1(docs):
    assert docs[0].gold() == {
        ("PORT ALDOUS", "place"),
        ("Ada Kowalczyk", "person"),
        ("Fenwick Mills", "organization"),
    }
    # B- starts a new name; MISC ends the name before it and is not scored
    assert docs[1].gold() == {
        ("Leeds", "organization"),
        ("Bradford", "organization"),
        ("Paris", "place"),
        ("Jo", "person"),
    }


def test_micro_scores_over_documents(bench, docs):
    def system(text: str) -> set[tuple[str, str]]:
        if text.startswith("PORT"):
            return {("Ada Kowalczyk", "person"), ("Fenwick Mills", "place")}
        if "Leeds" in text:
            raise ValueError("boom")
        return set()

    res = bench.score("fake", system, docs).as_dict()
    assert (res["right"], res["predicted"], res["gold"], res["docs"]) == (1, 2, 7, 2)
    assert res["precision"] == 0.5 and res["recall"] == round(1 / 7, 4)
    assert res["errors"] == ["document 1: ValueError: boom"]


def test_first_document_without_docstart(bench, tmp_path):
    path = tmp_path / "f"
    path.write_text("Jo NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nLeeds NNP I-NP I-ORG\n")
    assert [d.gold() for d in bench.read_conll(path)] == [
        {("Jo", "person")},
        {("Leeds", "organization")},
    ]


def test_missing_file_and_bad_line_are_named(bench, tmp_path):
    with pytest.raises(SystemExit, match="no such file"):
        bench.main(["--data", str(tmp_path)])
    path = tmp_path / "ner" / "conll2003-eng.testa"
    path.parent.mkdir()
    path.write_text("Jo NNP I-NP I-PER\nlonely\n")
    with pytest.raises(SystemExit, match="line 2: expected 'token POS chunk tag'"):
        bench.main(["--data", str(tmp_path)])
