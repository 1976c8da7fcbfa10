"""The real-news benchmark's scorer, checked on an invented cluster and hand-built Briefs."""

from __future__ import annotations

import json
from pathlib import Path
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
    Mention,
    Quote,
    SummarySentence,
)

DOCS = [
    "The mill at Fenwick closed on Friday, putting 80 people out of work. "
    "\u201cWe tried everything,\u201d said Ada Kowalczyk. Photo: Jo Bloggs/Fenwick Echo",
    "Kowalczyk's mill in Fenwick shut on Friday and 80 jobs were lost. "
    "The mill opened in 1921. \u201cIt is a sad day,\u201d a neighbour said.",
    "The Fenwick mill closed with 95 jobs lost. It opened in 1921, the owner said. "
    "The weather was grey.",
]
LABEL = {
    "cluster": 0,
    "id": "mill",
    "facts": [
        {
            "fact": "The mill closed on Friday.",
            "docs": [0, 1],
            "evidence": ["The mill at Fenwick closed on Friday", "mill in Fenwick shut on Friday"],
        },
        {
            "fact": "The mill opened in 1921.",
            "docs": [1, 2],
            "evidence": ["The mill opened in 1921.", "It opened in 1921"],
        },
    ],
    "conflicts": [
        {
            "about": "jobs lost",
            "kind": "number",
            "sides": [
                {"docs": [0, 1], "value": "80", "evidence": ["80 people", "80 jobs were lost"]},
                {"docs": [2], "value": "95", "evidence": ["closed with 95 jobs lost"]},
            ],
        }
    ],
    "quotes": [
        {"doc": 0, "quote": "We tried everything,", "speaker": "Ada Kowalczyk", "direct": True},
        {"doc": 1, "quote": "It is a sad day,", "speaker": "unnamed: a neighbour", "direct": True},
    ],
    "entities": [
        {
            "name": "Ada Kowalczyk",
            "kind": "person",
            "variants": ["Ada Kowalczyk", "Kowalczyk"],
            "docs": [0, 1],
        },
        {"name": "Fenwick", "kind": "place", "variants": ["Fenwick"], "docs": [0, 1, 2]},
    ],
    "events": [
        {"what": "opened", "date": "1921", "doc": 1, "evidence": "The mill opened in 1921."}
    ],
    "junk": [{"doc": 0, "text": "Photo: Jo Bloggs/Fenwick Echo"}],
}


@pytest.fixture(scope="module")
def bench(benchmark_module) -> ModuleType:
    return benchmark_module("bench_real")


@pytest.fixture()
def gold(bench):
    return bench.Gold.from_label(LABEL)


def ev(doc: int, text: str, sentence: int = 0) -> Evidence:
    return Evidence(f"c0-d{doc}", "", sentence, text)


def agreement(*evidence: Evidence, outlets: int = 2) -> Agreement:
    return Agreement(Claim("c", evidence[0].text, evidence, outlets))


def make_brief(**parts) -> Brief:
    arts = tuple(Article(f"c0-d{i}", "", "", d) for i, d in enumerate(DOCS))
    return Brief("t", parts.pop("summary", ()), parts.pop("articles", arts), **parts)


def score(bench, gold, brief: Brief):
    docs = {f"c0-d{i}": d for i, d in enumerate(DOCS)}
    return bench.score_cluster(brief, gold, docs)


CLOSED = agreement(
    ev(0, "The mill at Fenwick closed on Friday, putting 80 people out of work."),
    ev(1, "Kowalczyk's mill in Fenwick shut on Friday and 80 jobs were lost."),
)
HIDDEN = agreement(
    ev(1, "Kowalczyk's mill in Fenwick shut on Friday and 80 jobs were lost."),
    ev(2, "The Fenwick mill closed with 95 jobs lost."),
)
UNLABELLED = agreement(ev(0, "The weather was grey today."), ev(2, "The weather was grey."))


def test_overlap_rule(bench):
    assert bench.overlaps("So \u201cthe mill\u2014closed\u201d on Friday.", "the mill - closed")
    assert bench.overlaps(
        "The mill opened in 1921.", "It was old. The mill opened in 1921. It shut."
    )
    assert bench.overlaps(
        "Fenwick's old mill shut down on Friday", "The mill at Fenwick shut Friday"
    )
    assert not bench.overlaps("He said.", "He said the mill closed on Friday.")
    assert not bench.overlaps("The bakery opened on Monday.", "The mill at Fenwick shut Friday")


def test_agreement_right_hidden_and_unjudged(bench, gold):
    s = score(bench, gold, make_brief(agreements=(CLOSED, HIDDEN, UNLABELLED)))
    pr = s.pr["agreements"]
    assert (pr.right, pr.judged, pr.predicted) == (1, 2, 3)
    assert (pr.found, pr.gold) == (1, 2)
    assert (s.share["hidden disagreements"].num, s.share["hidden disagreements"].den) == (1, 3)
    assert s.share["hidden disagreements (hard)"].num == 1
    assert (s.share["agreement outlets (acc)"].num, s.share["agreement outlets (acc)"].den) == (
        1,
        1,
    )


def test_agreement_outlets_must_equal_the_fact_docs(bench, gold):
    wrong = agreement(*CLOSED.claim.evidence, outlets=3)
    s = score(bench, gold, make_brief(agreements=(wrong,)))
    assert s.share["agreement outlets (acc)"].num == 0


def test_one_sentence_printed_by_an_unlabelled_outlet_is_not_judged(bench, gold):
    same = agreement(ev(0, "It opened in 1921."), ev(2, "It opened in 1921."))
    junk = agreement(ev(0, "Photo: Jo Bloggs/Fenwick Echo"), ev(2, "The weather was grey."))
    s = score(bench, gold, make_brief(agreements=(same, junk)))
    assert (s.pr["agreements"].right, s.pr["agreements"].judged) == (0, 1)


def test_agreement_on_two_different_facts_is_false(bench, gold):
    mixed = agreement(ev(0, "The mill at Fenwick closed on Friday."), ev(2, "It opened in 1921."))
    s = score(bench, gold, make_brief(agreements=(mixed,)))
    assert (s.pr["agreements"].right, s.pr["agreements"].judged) == (0, 1)


def side(value: str, *evidence: Evidence) -> ConflictSide:
    return ConflictSide(value, evidence)


def test_conflicts(bench, gold):
    right = Conflict(
        "number",
        "jobs",
        (side("80", ev(1, "80 jobs were lost.")), side("95", ev(2, "closed with 95 jobs lost"))),
    )
    agree = Conflict(
        "date",
        "opening",
        (side("a", ev(1, "The mill opened in 1921.")), side("b", ev(2, "It opened in 1921."))),
    )
    unjudged = Conflict(
        "polarity", "weather", (side("a", ev(2, "The weather was grey.")), side("b", ev(0, "Sun.")))
    )
    s = score(bench, gold, make_brief(conflicts=(right, agree, unjudged)))
    pr = s.pr["conflicts"]
    assert (pr.right, pr.judged, pr.predicted, pr.found, pr.gold) == (1, 2, 3, 1, 1)
    assert s.share["conflict recall (hard)"].as_dict()["value"] == 1.0
    assert dict(s.conflicts_by_kind) == {"number": 1, "number found": 1}


def test_conflict_side_from_the_wrong_document_does_not_match(bench, gold):
    swapped = Conflict(
        "number",
        "jobs",
        (side("80", ev(2, "80 jobs were lost.")), side("95", ev(2, "closed with 95 jobs lost"))),
    )
    assert score(bench, gold, make_brief(conflicts=(swapped,))).pr["conflicts"].found == 0


def quote(doc: int, text: str, speaker: str | None, kind: str) -> Quote:
    return Quote(text, speaker, kind, f"c0-d{doc}", "", 0)  # type: ignore[arg-type]


def test_quotes_and_speakers(bench, gold):
    brief = make_brief(
        quotes=(
            quote(0, "We tried everything", "Kowalczyk", "named"),
            quote(1, "It is a sad day, he said", "a neighbour", "unnamed"),
            quote(0, "Photo: Jo Bloggs/Fenwick Echo", "Jo Bloggs", "named"),
            quote(2, "It opened in 1921", "the owner", "unnamed"),
        )
    )
    s = score(bench, gold, brief)
    pr = s.pr["quotes"]
    assert (pr.right, pr.judged, pr.predicted, pr.found) == (2, 3, 4, 2)
    assert (s.share["quote speakers (acc)"].num, s.share["quote speakers (acc)"].den) == (2, 2)


def test_wrong_speakers(bench, gold):
    brief = make_brief(
        quotes=(
            quote(0, "We tried everything", "a source", "unnamed"),
            quote(1, "It is a sad day", "Ada Kowalczyk", "named"),
        )
    )
    s = score(bench, gold, brief)
    assert s.share["quote speakers (acc)"].num == 0
    # counted by kind, so that a held-out split says where it fails without its text
    assert dict(s.speaker_errors) == {
        "named -> unnamed": 1,
        "unnamed -> another named entity": 1,
    }


def test_quote_in_another_document_does_not_match(bench, gold):
    s = score(bench, gold, make_brief(quotes=(quote(2, "We tried everything", "Ada", "named"),)))
    assert s.pr["quotes"].found == 0


def entity(name: str, kind: str, *variants: str) -> Entity:
    return Entity(name, name, kind, (name, *variants))  # type: ignore[arg-type]


def test_entities(bench, gold):
    brief = make_brief(
        entities=(
            entity("Ada Kowalczyk", "person", "Kowalczyk"),
            entity("Fenwick", "organization"),
            entity("Jo Bloggs", "person"),
            entity("Friday", "other"),
            entity("Neighbour Club", "organization"),
        )
    )
    s = score(bench, gold, brief)
    pr = s.pr["entities"]
    assert (pr.right, pr.judged, pr.predicted, pr.found, pr.gold) == (2, 4, 5, 2, 2)
    assert (s.share["entity kind (acc)"].num, s.share["entity kind (acc)"].den) == (1, 2)
    assert (s.share["entity clutter rows"].num, s.share["entity clutter rows"].den) == (2, 5)
    assert s.pr["entity merge pairs"].right == 1
    assert s.share["one row, two things"].num == 0


def test_one_row_two_things(bench, gold):
    s = score(bench, gold, make_brief(entities=(entity("Fenwick", "place", "Kowalczyk"),)))
    assert s.share["one row, two things"].num == 1
    assert s.pr["entity merge pairs"].right == 0


def test_entity_audit_judges_every_row_of_the_table(bench):
    label = {
        **LABEL,
        "parts": ["audit"],
        "entities": [
            *LABEL["entities"],
            {"name": "Fenwick Echo", "kind": "organization", "variants": ["Fenwick Echo"],
             "docs": [0]},
        ],
    }
    def named(name: str, kind: str, *variants: str, doc: int = 0) -> Entity:
        seen = (Mention(f"c0-d{doc}", 0, 0, 1, name),)
        return Entity(name, name, kind, (name, *variants), seen)  # type: ignore[arg-type]

    brief = make_brief(
        entities=(
            named("Ada Kowalczyk", "person"),
            named("Kowalczyk", "organization"),  # split off, and of the wrong kind
            named("Fenwick", "place", "Fenwick Echo"),  # two things in one row
            named("Friday", "other"),  # not a name
            named("Weather Office", "organization", doc=7),  # in no labelled document
        )
    )
    s = score(bench, bench.Gold.from_label(label), brief)
    pr = s.pr["entity rows (audit)"]
    assert (pr.right, pr.judged, pr.found, pr.gold) == (1, 4, 3, 3)
    share = {k: (v.num, v.den) for k, v in s.share.items() if k.startswith("audit")}
    assert share == {
        "audit: row not a name": (1, 4),
        "audit: row kind (acc)": (2, 3),
        "audit: row split off": (1, 4),
        "audit: one row, two things": (1, 3),
    }


def event(date: str | None, doc: int, text: str) -> Event:
    prec = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
    return Event(date, prec, "", text, ev(doc, text))  # type: ignore[arg-type]


def test_events(bench, gold):
    brief = make_brief(
        timeline=(
            event("1921", 1, "The mill opened in 1921."),
            event("1922", 1, "The mill opened in 1921."),
            event("1960", 1, "The mill opened in 1921 and shut in 1960."),
            event("1921", 2, "It opened in 1921, the owner said."),
            event(None, 0, "The mill at Fenwick closed on Friday."),
        )
    )
    s = score(bench, gold, brief)
    pr = s.pr["events"]
    assert (pr.right, pr.judged, pr.predicted, pr.found, pr.gold) == (1, 2, 4, 1, 1)
    assert (s.share["events undated"].num, s.share["events undated"].den) == (1, 5)


def test_date_precision(bench):
    assert bench.date_ok("2017-01-23", "2017-01")
    assert not bench.date_ok("2017", "2017-01-23")
    assert not bench.date_ok("2017-02-23", "2017-01")


def summ(doc: int, text: str, *cited: int, sentence: int = 0) -> SummarySentence:
    return SummarySentence(text, f"c0-d{doc}", sentence, tuple(f"c0-d{c}" for c in cited))


def test_summary(bench, gold):
    brief = make_brief(
        summary=(
            summ(2, "The weather was grey.", 2),
            summ(0, "The mill at Fenwick closed on Friday, putting 80 people out of work.", 0, 1),
            summ(2, "It opened in 1921, the owner said.", 2),
            summ(0, "Photo: Jo Bloggs/Fenwick Echo", 0),
        )
    )
    s = score(bench, gold, brief)
    assert (s.share["summary on junk"].num, s.share["summary on junk"].den) == (1, 4)
    assert (s.share["summary misses a citation"].num, s.share["summary misses a citation"].den) == (
        1,
        2,
    )
    assert s.share["summary hides a conflict"].num == 1
    assert s.share["fact in first two sentences"].num == 1


def test_summary_sentence_marked_disputed(bench, gold):
    text = "putting 80 people out of work."
    plain = summ(0, text, 0, 1)
    flagged = SummarySentence(text, "c0-d0", 0, ("c0-d0",), disputed=(0,))
    for sent, hidden in ((plain, 1), (flagged, 0)):
        s = score(bench, gold, make_brief(summary=(sent,)))
        assert s.share["summary hides a conflict"].num == hidden


def test_outlets_named(bench):
    assert bench.is_outlet_name(Article("a1", "Reuters", "", ""))
    assert bench.is_outlet_name(Article("a1", "latimes.com", "", ""))
    for source in ("", "a1", "story.txt", "doc3", "3f2a9c1b77"):
        assert not bench.is_outlet_name(Article("a1", source, "", ""))


def write_data(root: Path, label_id: str = "mill") -> Path:
    folder = root / "multinews" / "labels"
    folder.mkdir(parents=True)
    rows = [{"id": "mill", "documents": DOCS, "summary": "s"}, {"id": "x", "documents": DOCS}]
    (root / "multinews" / "raw-dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (folder / "raw-dev-a.jsonl").write_text(json.dumps({**LABEL, "id": label_id}) + "\n")
    test_label = {**LABEL, "cluster": 1, "id": "x"}
    (folder / "raw-dev-b.jsonl").write_text(json.dumps(test_label) + "\n")
    return root


def test_loads_both_splits(bench, tmp_path):
    clusters = bench.load_clusters(write_data(tmp_path), ("dev", "test"))
    assert [(c.number, c.split) for c in clusters] == [(0, "dev"), (1, "test")]
    arts = clusters[1].articles()
    assert [a.id for a in arts] == ["c1-d0", "c1-d1", "c1-d2"]
    assert all(a.source == "" and a.title == "" and a.raw == a.text for a in arts)


def test_label_of_another_cluster_is_refused(bench, tmp_path):
    with pytest.raises(SystemExit, match="cluster 0 id does not match"):
        bench.main(["--data", str(write_data(tmp_path, "other")), "--split", "dev"])


@pytest.mark.parametrize("args", [["--split", "test"], ["--split", "all"], ["--clusters", "1"]])
def test_misses_refuse_the_test_split(bench, tmp_path, args):
    with pytest.raises(SystemExit, match="--misses refuses the held-out splits"):
        bench.main(["--data", str(write_data(tmp_path)), "--misses", *args])


def test_run_split_scores_and_reports_a_crash(bench, tmp_path):
    clusters = bench.load_clusters(write_data(tmp_path), ("dev",))
    good = bench.run_split(clusters, lambda arts: make_brief(agreements=(CLOSED,)))
    assert good.score.pr["agreements"].found == 1 and not good.errors

    def crash(arts):
        raise ValueError("boom")

    bad = bench.run_split(clusters, crash)
    assert bad.errors == {0: "ValueError: boom"} and bad.score.pr["agreements"].found == 0
    assert "ERROR cluster 0" in bench.format_table("dev", bad)


def test_a_cluster_past_its_time_limit_is_reported(bench, tmp_path):
    clusters = bench.load_clusters(write_data(tmp_path), ("dev",))

    def slow(arts):
        while True:
            pass

    res = bench.run_split(clusters, slow, timeout=0.2)
    assert res.errors == {0: "ClusterTimeout: brief took more than 0.2s"}
