"""The story store on SQLite and PostgreSQL: stored once, copies linked, stories, briefs kept current."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

import pytest

from storyweave import Store
from storyweave.config import Config
from storyweave.errors import InputError
from storyweave.model import Article
from storyweave.stream import schema
from storyweave.stream.store import parse_since, utcnow

FAST = Config(embedder="tfidf", analysis=False, words=60)


def test_ingest_twice_stores_nothing_twice(store, invent) -> None:
    first = store.ingest(invent.pile())
    again = store.ingest(invent.pile())
    assert len(first.stored) == 9 and not first.duplicates
    assert again.stored == [] and len(again.duplicates) == 9
    assert store.counts()["articles"] == 9
    assert store.check() == []


def test_same_url_or_same_text_is_one_article(store, invent) -> None:
    a = invent.story("bridge", 0)
    store.ingest([a])
    moved = replace(a, id="other-id", url="https://elsewhere.example/x", origin="moved")
    edited = replace(invent.story("bridge", 1), url=a.url, id="edited")
    report = store.ingest([moved, edited])
    assert [(d.input, d.existing_id, d.reason) for d in report.duplicates] == [
        ("moved", a.id, "same text"),
        ("invented bridge-1", a.id, "same URL"),
    ]
    assert store.counts()["articles"] == 1


def test_the_three_invented_stories_come_out_as_three(store, invent) -> None:
    store.ingest(invent.pile())
    found = store.stories(members=True)
    groups = sorted(sorted(m.id.split("-")[0] for m in s.members) for s in found)
    assert groups == [["bridge"] * 3, ["strike"] * 3, ["wildfire"] * 3]
    assert all(s.articles == 3 and s.outlets == 3 for s in found)


def test_a_syndicated_copy_is_linked_to_the_first_and_adds_no_outlet(store, invent) -> None:
    original = invent.story("wildfire", 0)
    store.ingest([original, invent.story("wildfire", 1)])
    report = store.ingest([invent.copy(original, "Valley Times")])
    assert [(n.duplicate_of, round(n.jaccard, 1) >= 0.5) for n in report.near_duplicates] == [
        (original.id, True)
    ]
    (story,) = store.stories(members=True)
    assert story.articles == 3 and story.outlets == 2
    links = {m.id: m.duplicate_of for m in story.members}
    assert links[f"{original.id}-copy"] == original.id
    # a brief reads each report once: the copy is left out
    assert [a.id for a in store.articles(story.id)] == [original.id, "wildfire-1"]


def test_a_copy_of_a_copy_links_to_the_first_copy(store, invent) -> None:
    original = invent.story("strike", 0)
    first = invent.copy(original, "Valley Times")
    second = replace(
        invent.copy(first, "Hill Gazette", "again"), text=first.text, raw=first.text + " More."
    )
    store.ingest([original, first])
    report = store.ingest([second])
    assert [n.duplicate_of for n in report.near_duplicates] == [original.id]


def test_a_new_store_object_finds_copies_of_old_articles(store_url, invent) -> None:
    original = invent.story("bridge", 2)
    with Store(store_url) as s:
        s.ingest([original])
    with Store(store_url) as s:  # nothing in memory: the LSH bands are read from the store
        report = s.ingest([invent.copy(original, "Valley Times")])
        assert [n.duplicate_of for n in report.near_duplicates] == [original.id]


def test_different_reports_of_one_event_are_not_copies(store, invent) -> None:
    report = store.ingest([invent.story("bridge", k) for k in range(4)])
    assert report.near_duplicates == []


def test_stories_since_lists_only_those_changed_since(store, invent) -> None:
    store.ingest([invent.story("bridge", 0), invent.story("strike", 0)])
    mark = utcnow()
    assert store.stories(since=mark + timedelta(seconds=1)) == []
    store.ingest([invent.story("strike", 1)])
    changed = store.stories(since=mark)
    assert [s.headline.startswith("Ashcombe") for s in changed] == [True]
    assert len(store.stories()) == 2


def test_brief_is_cached_until_the_story_changes(store, invent, monkeypatch) -> None:
    import sys

    brief_module = sys.modules["storyweave.brief"]  # the package's `brief` is the function
    calls = []
    real = brief_module.brief
    monkeypatch.setattr(brief_module, "brief", lambda *a, **k: calls.append(1) or real(*a, **k))
    store.ingest([invent.story("bridge", 0), invent.story("bridge", 1)])
    (story,) = store.stories()
    first = store.brief(story.id, "json", config=FAST)
    assert store.brief(story.id, "json", config=FAST) == first
    assert len(calls) == 1
    store.ingest([invent.story("bridge", 2)])
    rebuilt = store.brief(story.id, "json", config=FAST)
    assert len(calls) == 2
    assert '"bridge-2"' in rebuilt and '"bridge-2"' not in first
    store.brief(story.id, "md", config=FAST)  # another format is another brief
    assert len(calls) == 3
    # a brief cached by another release is rebuilt: the analysis changes between releases
    monkeypatch.setattr("storyweave.stream.store.__version__", "99.0.0")
    store.brief(story.id, "md", config=FAST)
    assert len(calls) == 4


def test_brief_of_an_unknown_story_says_how_to_find_one(store) -> None:
    with pytest.raises(InputError, match="storyweave stories"):
        store.brief("no-such-story")


def test_broken_articles_are_reported_and_the_rest_stored(store, invent) -> None:
    good = invent.pile()
    empty = replace(good[0], id="empty", text="  \n", raw="", origin="feed.jsonl line 4")
    huge = replace(good[0], id="huge", text="word " * 500_000, raw="", origin="big.txt")
    report = store.ingest([empty, *good[:4], huge, "not an article", *good[4:]])  # type: ignore[list-item]
    reasons = {s.input: s.reason for s in report.skipped}
    assert set(reasons) == {"feed.jsonl line 4", "big.txt", "'not an article'"}
    assert "no text" in reasons["feed.jsonl line 4"]
    assert "million characters" in reasons["big.txt"]
    assert "not an Article" in reasons["'not an article'"]
    assert len(report.stored) == 9 and store.counts()["articles"] == 9


def test_an_article_that_is_all_page_furniture_is_skipped(store, invent) -> None:
    junk = Article(
        id="junk", source="x", title="", text="Share this:\nFacebook\nTwitter\n", origin="junk.txt"
    )
    report = store.ingest([junk, invent.story("bridge", 0)])
    assert [s.input for s in report.skipped] == ["junk.txt"]
    assert report.stored == ["bridge-0"]


def test_recluster_keeps_every_article_and_the_stories(store, invent) -> None:
    store.ingest(invent.pile())
    store.ingest([invent.copy(invent.story("bridge", 0), "Valley Times")])
    before = sorted(sorted(m.id for m in s.members) for s in store.stories(members=True))
    assert store.recluster() == 3
    after = sorted(sorted(m.id for m in s.members) for s in store.stories(members=True))
    assert after == before
    assert store.check() == []


def test_published_times_give_first_and_last_seen(store, invent) -> None:
    a = invent.story("strike", 0, published="2024-03-04T09:00:00+01:00")
    b = invent.story("strike", 1, published="2024-03-05T10:30:00Z")
    store.ingest([a, b])
    (s,) = store.stories()
    assert (s.first_seen.isoformat(), s.last_seen.isoformat()) == (
        "2024-03-04T08:00:00",
        "2024-03-05T10:30:00",
    )


def test_a_store_from_a_newer_storyweave_is_refused(tmp_path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (schema.LATEST + 1,))
    with pytest.raises(InputError, match="newer storyweave"):
        Store(path)


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(InputError, match="cannot be opened as a story store"):
        Store(path)


def test_parse_since_reads_ages_and_dates() -> None:
    now = utcnow()
    assert now - parse_since("2d", now) == timedelta(days=2)
    assert now - parse_since("30m", now) == timedelta(minutes=30)
    assert parse_since("2024-05-01").isoformat() == "2024-05-01T00:00:00"
    with pytest.raises(Exception, match="30m, 12h, 2d"):
        parse_since("yesterday-ish")


def test_a_backfilled_article_meets_the_stories_of_its_own_time(store, invent) -> None:
    dated = {0: "2020-01-01T08:00:00Z", 1: "2020-01-02T08:00:00Z", 2: "2024-06-01T08:00:00Z"}
    store.ingest([invent.story("bridge", k, published=dated[k]) for k in range(3)])
    by_year = {s.first_seen.year: s for s in store.stories(members=True)}
    assert sorted(by_year) == [2020, 2024]  # four years apart: not one story
    store.ingest([invent.story("bridge", 3, published="2020-01-03T08:00:00Z")])
    old = store.story(by_year[2020].id)
    assert sorted(m.id for m in old.members) == ["bridge-0", "bridge-1", "bridge-3"]


def test_a_story_merged_away_is_still_found_by_its_old_id(store, invent) -> None:
    from storyweave.stream.cluster import Params

    apart = Params(threshold=2.0)  # nothing joins anything: one story per article
    store.ingest([invent.story("bridge", k) for k in range(3)], params=apart)
    old_ids = [s.id for s in store.stories()]
    assert len(old_ids) == 3
    assert store.recluster() == 1
    (now,) = store.stories()
    assert {store.story(old).id for old in old_ids} == {now.id}
    assert "Linnet Street" in store.brief(old_ids[0], "md", config=FAST)
    with pytest.raises(InputError, match="no such story"):
        store.story("never-was")


def test_a_version_1_store_is_upgraded_on_open(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:  # make it look like a store written by version 1
        conn.execute("DROP TABLE story_aliases")
        conn.execute("UPDATE schema_version SET version = 1")
    with Store(path) as s:
        assert s.counts()["stories"] == 0
        with s.read() as conn:  # the table version 2 added is there
            assert conn.exec_driver_sql("SELECT count(*) FROM story_aliases").scalar() == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (schema.LATEST,)


def test_text_no_database_can_hold_is_skipped_with_the_field_named(store, invent) -> None:
    good = invent.pile()
    nul = replace(good[0], id="nul", text="Mayor\x00 said", raw="", origin="a.jsonl line 2")
    half = replace(good[1], id="half", title="Caf\ud800", url=None, origin="a.jsonl line 3")
    report = store.ingest([nul, half, *good[2:]])
    assert {(s.input, s.reason.split(" holds")[0]) for s in report.skipped} == {
        ("a.jsonl line 2", 'field "text"'),
        ("a.jsonl line 3", 'field "title"'),
    }
    assert len(report.stored) == 7


def test_an_article_the_database_refuses_is_skipped_and_the_batch_goes_on(
    store, invent, monkeypatch
) -> None:
    from storyweave.stream import ingest as ingest_module

    real = ingest_module._article_row

    def row(item):  # one row breaks a NOT NULL constraint, as a surprise from the database would
        out = real(item)
        return {**out, "content_hash": None} if item.article.id == "strike-1" else out

    monkeypatch.setattr(ingest_module, "_article_row", row)
    report = store.ingest(invent.pile())
    assert [s.input for s in report.skipped] == ["invented strike-1"]
    assert "the store refused it" in report.skipped[0].reason
    assert sorted(report.stored) == sorted(a.id for a in invent.pile() if a.id != "strike-1")
    assert len(report.stored) == store.counts()["articles"] == 8
    assert store.check() == []


def test_an_empty_url_is_no_url(store, invent) -> None:
    a, b = (replace(invent.story("bridge", k), url="") for k in (0, 1))
    assert len(store.ingest([a, b]).stored) == 2


def test_workers_prepare_ahead_with_the_same_outcome(tmp_path, invent) -> None:
    pile = [*invent.pile(), replace(invent.story("strike", 0), id="e", text=" ", raw="")]
    outcomes = []
    for workers in (0, 1):
        with Store(tmp_path / f"w{workers}.db") as s:
            report = s.ingest(pile, batch_size=2, workers=workers)
            groups = sorted(sorted(m.id for m in st.members) for st in s.stories(members=True))
            outcomes.append((sorted(report.stored), [x.input for x in report.skipped], groups))
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[1][0]) == 9 and outcomes[1][1] == ["invented strike-0"]


def _refuse_to_shingle(monkeypatch) -> None:
    """Make re-shingling a stored article's text fail the test."""
    from storyweave.stream import ingest as ingest_module

    def refuse(text):
        raise AssertionError("a stored article's text was shingled again")

    monkeypatch.setattr(ingest_module, "shingles", refuse)


def test_a_copy_is_checked_on_the_stored_shingle_hashes(store, invent, monkeypatch) -> None:
    original = invent.story("bridge", 0)
    store.ingest([original, invent.story("bridge", 1)])
    _refuse_to_shingle(monkeypatch)
    report = store.ingest([invent.copy(original, "Valley Times")])
    assert [n.duplicate_of for n in report.near_duplicates] == [original.id]
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM shingle_hashes").scalar() == 3


def test_a_version_2_store_is_upgraded_and_finds_copies_of_old_articles(
    store_url, invent, monkeypatch
) -> None:
    from storyweave.stream.dedupe import jaccard, shingles

    original = invent.story("wildfire", 0)
    with Store(store_url) as s:
        s.ingest([original])
        with s.write() as conn:  # make it look like a store written by version 2
            conn.exec_driver_sql("DROP TABLE shingle_hashes")
            conn.exec_driver_sql("UPDATE schema_version SET version = 2")
    with Store(store_url) as s:
        with s.read() as conn:
            assert conn.exec_driver_sql("SELECT version FROM schema_version").scalar() == (
                schema.LATEST
            )
        report = s.ingest([invent.copy(original, "Valley Times")])
        (story,) = s.stories()
        clean = {a.id: a.text for a in s.articles(story.id, copies=True)}
        # the old article had no stored hashes: it was shingled from its text, with the same result
        expected = jaccard(shingles(clean[original.id]), shingles(clean[f"{original.id}-copy"]))
        assert [(n.duplicate_of, n.jaccard) for n in report.near_duplicates] == [
            (original.id, expected)
        ]
        _refuse_to_shingle(monkeypatch)  # and its hashes were kept: not shingled a second time
        body = original.text + " Distributed to Hill Gazette readers by the wire."
        later = replace(invent.copy(original, "Hill Gazette", "again"), text=body, raw=body)
        again = s.ingest([later])
        assert [n.duplicate_of for n in again.near_duplicates] == [original.id]
        assert s.check() == []


def test_recluster_of_the_whole_store_holds_one_period_at_a_time(
    store, invent, monkeypatch
) -> None:
    from storyweave.stream import ingest as ingest_module

    store.ingest(invent.pile())  # three stories of three articles
    before = sorted(sorted(m.id for m in s.members) for s in store.stories(members=True))
    held: list[int] = []
    real = ingest_module.batch_cluster

    def counting(items, params):
        held.append(len(items))
        return real(items, params)

    monkeypatch.setattr(ingest_module, "batch_cluster", counting)
    assert store.recluster(period_articles=4) == 3
    assert held == [3, 3, 3]  # one story a period, each redone once
    after = sorted(sorted(m.id for m in s.members) for s in store.stories(members=True))
    assert after == before
    assert store.check() == []


def test_recluster_since_leaves_older_stories_alone(store, invent) -> None:
    old = [invent.story("bridge", k) for k in range(3)]
    store.ingest([replace(a, published=f"2020-03-0{k + 1}T10:00:00Z") for k, a in enumerate(old)])
    store.ingest([invent.story("wildfire", k) for k in range(3)])
    (bridge,) = [s for s in store.stories() if "Linnet" in s.headline]
    assert store.recluster("30d") == 1
    assert store.story(bridge.id).articles == 3
    assert store.check() == []


def test_a_reclustered_story_never_takes_the_id_of_a_story_outside_the_period(
    store, invent, monkeypatch
) -> None:
    from storyweave.stream import ingest as ingest_module

    old = [invent.story("bridge", k) for k in range(3)]
    store.ingest([replace(a, published=f"2020-03-0{k + 1}T10:00:00Z") for k, a in enumerate(old)])
    store.ingest([invent.story("wildfire", k) for k in range(3)])
    (bridge,) = [s for s in store.stories() if "Linnet" in s.headline]
    # as if the clusterer named the new story after an article whose id a kept story holds
    monkeypatch.setattr(
        ingest_module, "batch_cluster", lambda items, params: {a: bridge.id for a, _ in items}
    )
    assert store.recluster("30d") == 1
    assert sorted(m.id for m in store.story(bridge.id).members) == [a.id for a in old]
    (fire,) = [s for s in store.stories() if s.id != bridge.id]
    assert fire.articles == 3 and fire.id.startswith(bridge.id + "~")
    assert store.check() == []


def test_recluster_joins_a_story_split_across_two_periods(store, invent) -> None:
    from storyweave.stream.cluster import Params

    apart = Params(threshold=2.0)  # ingest joins nothing: one story per article
    store.ingest([invent.story(s, k) for s in ("bridge", "wildfire") for k in range(3)],
                 params=apart)  # fmt: skip
    old_ids = [s.id for s in store.stories()]
    # periods of two articles, by id: bridge 0-1 | bridge 2, wildfire 0 | wildfire 1-2
    assert store.recluster(period_articles=2) == 2
    groups = sorted(sorted(m.id for m in s.members) for s in store.stories(members=True))
    assert groups == [[f"bridge-{k}" for k in range(3)], [f"wildfire-{k}" for k in range(3)]]
    assert {store.story(old).id for old in old_ids} == {s.id for s in store.stories()}
    assert store.check() == []


def test_without_the_merge_across_periods_the_split_story_stays_split(store, invent) -> None:
    from storyweave.stream.cluster import Params

    store.ingest([invent.story("bridge", k) for k in range(3)], params=Params(threshold=2.0))
    # periods of two articles split the bridge story: bridge 0-1 | bridge 2
    assert store.recluster(period_articles=2, params=Params(period_merge=math.inf)) == 2
    assert store.recluster(period_articles=2) == 1
    assert store.check() == []


def test_recluster_keeps_apart_one_topic_told_years_apart(store, invent) -> None:
    from storyweave.stream.cluster import Params

    dated = {0: "2020-01-01T08:00:00Z", 1: "2020-01-02T08:00:00Z", 2: "2024-06-01T08:00:00Z"}
    store.ingest([invent.story("bridge", k, published=dated[k]) for k in range(3)],
                 params=Params(threshold=2.0))  # fmt: skip
    # periods of two articles, oldest first: bridge 0-1 (2020) | bridge 2 (2024)
    assert store.recluster(period_articles=2) == 2
    by_year = {s.first_seen.year: s.articles for s in store.stories()}
    assert by_year == {2020: 2, 2024: 1}


def test_the_same_texts_recluster_alike_whatever_folder_they_were_read_from(tmp_path) -> None:
    from conftest import STORIES

    bridge, fire = STORIES["bridge"][1], STORIES["wildfire"][1]
    texts = {  # B and D each bridge the two topics: the pass's order decides where they go
        "A": bridge[0:4], "B": bridge[2:4] + fire[0:2], "C": fire[0:4], "D": bridge[4:6] + fire[4:6],
    }  # fmt: skip

    def groups(folder: str, order: str) -> list[list[str]]:
        # ids hash the path read from; here they sort in `order` (CDBA splits the pile in two)
        arts = [
            Article(id=f"{order.index(k)}-{folder}", source=f"Outlet {k}", title="",
                    text=" ".join(s), url=f"https://{folder}.example/{k}", origin=f"{folder}/{k}")
            for k, s in texts.items()
        ]  # fmt: skip
        store = Store(tmp_path / f"{folder}.db")
        store.ingest(arts)
        store.recluster()
        text_of = {a.id: a.text[:20] for a in arts}
        found = [sorted(text_of[m.id] for m in s.members) for s in store.stories(members=True)]
        store.close()
        return sorted(found)

    assert groups("inbox", "CDBA") == groups("archive", "ABCD")
