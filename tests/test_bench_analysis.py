"""The analysis benchmark's scorer, checked on hand-made Briefs (brief() is never called)."""

from __future__ import annotations

import dataclasses
from types import ModuleType

import pytest

from storyweave.model import (
    Agreement,
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Event,
    Evidence,
    Quote,
)


@pytest.fixture(scope="module")
def bench(benchmark_module) -> ModuleType:
    return benchmark_module("bench_analysis")


BODY_A = (
    "The mill at Fenwick closed on Friday, putting 80 people out of work.\n\n"
    "\u201cWe tried everything,\u201d said owner Ada Kowalczyk."
)
BODY_B = (
    "Kowalczyk's mill shut its doors on Friday after 80 jobs were lost, a source close "
    "to the family said. The mill lost 2 million last year."
)
BODY_C = "The Fenwick mill closed with 95 jobs lost. The mill lost 3 million last year."

STORY = {
    "id": "t-mill",
    "split": "dev",
    "articles": [
        {
            "id": "a1",
            "source": "Ledger",
            "title": "Mill closes",
            "published": "2024-05-04",
            "text": BODY_A,
        },
        {
            "id": "a2",
            "source": "Courier",
            "title": "Mill shuts",
            "published": "2024-05-04",
            "text": BODY_B,
        },
        {
            "id": "a3",
            "source": "Post",
            "title": "Mill gone",
            "published": "2024-05-05",
            "text": BODY_C,
        },
    ],
    "gold": {
        "entities": [
            {"name": "Ada Kowalczyk", "kind": "person", "variants": ["Ada Kowalczyk", "Kowalczyk"]},
            {"name": "Fenwick", "kind": "place", "variants": ["Fenwick"]},
        ],
        "quotes": [
            {
                "article": "a1",
                "text_contains": "We tried everything",
                "speaker": "Ada Kowalczyk",
                "kind": "named",
            },
            {
                "article": "a2",
                "text_contains": "shut its doors",
                "speaker": "a source close to the family",
                "kind": "unnamed",
            },
        ],
        "agreements": [
            {
                "fact": "80 jobs lost",
                "articles": ["a1", "a2"],
                "keywords": ["80"],
                "independent_outlets": 2,
            },
        ],
        "conflicts": [
            {
                "kind": "number",
                "topic": "jobs lost",
                "sides": [
                    {"articles": ["a1", "a2"], "keywords": ["80"]},
                    {"articles": ["a3"], "keywords": ["95"]},
                ],
            },
            {
                "kind": "number",
                "topic": "last year's loss",
                "sides": [
                    {"articles": ["a2"], "keywords": ["2 million"]},
                    {"articles": ["a3"], "keywords": ["3 million"]},
                ],
            },
        ],
        "events": [
            {"date": "2024-05-03", "precision": "day", "article": "a1", "keywords": ["closed"]},
            {"date": "2023", "precision": "year", "article": "a3", "keywords": ["lost"]},
        ],
    },
}


def ev(aid: str, text: str, sentence: int = 0) -> Evidence:
    return Evidence(aid, {"a1": "Ledger", "a2": "Courier", "a3": "Post"}[aid], sentence, text)


def perfect() -> Brief:
    s_a1 = "The mill at Fenwick closed on Friday, putting 80 people out of work."
    s_a2 = (
        "Kowalczyk's mill shut its doors on Friday after 80 jobs were lost, "
        "a source close to the family said."
    )
    return Brief(
        "Mill closes",
        (),
        (Article("a1", "Ledger", "Mill closes", BODY_A),),
        entities=(
            Entity("e1", "Ada Kowalczyk", "person", ("Ada Kowalczyk", "Kowalczyk")),
            Entity("e2", "Fenwick", "place", ("Fenwick",)),
        ),
        quotes=(
            Quote("\u201cWe tried everything,\u201d", "Ada Kowalczyk", "named", "a1", "Ledger", 1),
            Quote(
                "Kowalczyk's mill shut its doors on Friday",
                "a source close to the family",
                "unnamed",
                "a2",
                "Courier",
                0,
                direct=False,
            ),
        ),
        agreements=(Agreement(Claim("c1", "80 jobs lost", (ev("a1", s_a1), ev("a2", s_a2)), 2)),),
        conflicts=(
            Conflict(
                "number",
                "jobs",
                (
                    ConflictSide("80", (ev("a1", s_a1),)),
                    ConflictSide("95", (ev("a3", "The Fenwick mill closed with 95 jobs lost."),)),
                ),
            ),
            Conflict(
                "number",
                "loss",
                (
                    ConflictSide("3 million", (ev("a3", "The mill lost 3 million last year.", 1),)),
                    ConflictSide("2 million", (ev("a2", "The mill lost 2 million last year.", 1),)),
                ),
            ),
        ),
        timeline=(
            Event("2024-05-03", "day", "on Friday", s_a1, ev("a1", s_a1)),
            Event(
                "2023",
                "year",
                "last year",
                "The mill lost 3 million last year.",
                ev("a3", "The mill lost 3 million last year.", 1),
            ),
        ),
    )


def test_perfect_prediction_scores_one(bench: ModuleType) -> None:
    score = bench.score_story(STORY, perfect())
    for part in bench.COUNT_PARTS:
        c = score.counts[part]
        assert (c.precision, c.recall) == (1.0, 1.0), part
    for part in bench.ACC_PARTS:
        assert score.accs[part].accuracy == 1.0, part


def test_empty_prediction_has_zero_recall(bench: ModuleType) -> None:
    score = bench.score_story(STORY, Brief("x", (), ()))
    for part in bench.COUNT_PARTS:
        assert score.counts[part].recall == 0.0, part
        assert score.counts[part].n_pred == 0


def test_wrong_speaker_lowers_speaker_accuracy(bench: ModuleType) -> None:
    b = perfect()
    wrong = dataclasses.replace(b.quotes[0], speaker="Fenwick mayor")
    score = bench.score_story(STORY, dataclasses.replace(b, quotes=(wrong, b.quotes[1])))
    assert score.counts["quotes"].recall == 1.0  # the quote is still found
    assert score.accs["quote speakers"].accuracy == 0.5


def test_split_entity_and_wrong_kind(bench: ModuleType) -> None:
    b = dataclasses.replace(
        perfect(),
        entities=(
            Entity("e1", "Ada Kowalczyk", "person", ("Ada Kowalczyk",)),
            Entity("e3", "Kowalczyk", "organization", ("Kowalczyk",)),
            Entity("e2", "Fenwick", "place", ("Fenwick",)),
        ),
    )
    score = bench.score_story(STORY, b)
    assert score.counts["entity merge pairs"].recall == 0.0
    assert score.counts["entities"].precision == pytest.approx(2 / 3)
    assert score.counts["entities (any kind)"].precision == 1.0


def test_wrong_outlets_kind_and_event_date(bench: ModuleType) -> None:
    b = perfect()
    agr = Agreement(dataclasses.replace(b.agreements[0].claim, outlets=3))
    con = dataclasses.replace(b.conflicts[0], kind="polarity")
    evt = dataclasses.replace(b.timeline[0], date="2024-05-04")
    score = bench.score_story(
        STORY,
        dataclasses.replace(
            b, agreements=(agr,), conflicts=(con, b.conflicts[1]), timeline=(evt, b.timeline[1])
        ),
    )
    assert score.counts["agreements"].recall == 1.0
    assert score.accs["agreement outlets"].accuracy == 0.0
    assert score.accs["conflict kind"].accuracy == 0.5
    assert score.counts["events"].recall == 0.5


def test_keyword_matching(bench: ModuleType) -> None:
    assert bench.has_kw("About 120 staff", "120")
    assert not bench.has_kw("About 1,200 staff", "200")
    assert not bench.has_kw("About 1200 staff", "120")
    assert bench.has_kw("they were evacuated", "evacuat")
    assert bench.has_kw("Lúcia Ferreira", "lucia ferreira")
    assert bench.norm("\u201cIt\u2019s\u201d") == '"it\'s"'


def test_shipped_gold_is_coherent(bench: ModuleType) -> None:
    stories = bench.load_stories("all")
    assert len(stories) >= 8
    assert {s["split"] for s in stories} == {"dev", "test"}
    assert [p for s in stories for p in bench.check_story(s)] == []
    for s in stories:  # a Brief built from the gold must score 1.0 everywhere
        score = bench.score_story(s, bench.oracle_brief(s))
        for part in bench.COUNT_PARTS:
            c = score.counts[part]
            assert c.n_gold == 0 or (c.precision, c.recall) == (1.0, 1.0), (s["id"], part)
