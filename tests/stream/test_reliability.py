"""Crashes and concurrency: a killed ingest and several ingests at once lose or double nothing."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

import pytest

from storyweave import Store
from storyweave.model import Article

# no test here waits a fixed time for another process: each waits on what it needs (a message,
# a process ending); this bound only turns a hang into a failure
HANG = 600

_VOCAB = (
    "council harbour river school budget police minister hospital election farmers drought "
    "storm bridge railway court strike union factory museum festival vaccine airport port "
    "bank prices housing tenants mayor judge trial ferry tunnel wildfire flood coast village "
    "engineers nurses teachers pupils drivers pilots miners dockers fishermen bakers"
).split()


def many(n: int, seed: int = 7) -> list[Article]:
    """n different invented articles (no two copies of each other)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = " ".join(rng.choice(_VOCAB) for _ in range(60))
        text = f"Report number {i} from the desk. {words.capitalize()}. Item {i} ends here."
        out.append(
            Article(
                id=f"art-{i:05d}", source=f"Outlet {i % 7}", title=f"Report {i}: {words[:40]}",
                text=text, raw=text, url=f"https://news.example/{i}", origin=f"item {i}",
            )  # fmt: skip
        )
    return out


def _fork(target, *args) -> multiprocessing.process.BaseProcess:
    ctx = multiprocessing.get_context("fork")
    p = ctx.Process(target=target, args=args)
    p.start()
    return p


def _ingest_in_child(url: str, articles: list[Article], batch_size: int) -> None:
    with Store(url) as s:
        s.ingest(articles, batch_size=batch_size)


def _ingest_then_hang(url: str, articles: list[Article], ready: Connection, hold: Any) -> None:
    """Ingest, but stop inside the third batch's transaction (rows written, not committed),
    say so on `ready`, and stay there until killed or until the test's end of `hold` closes."""
    from storyweave.stream import ingest as ingest_module

    keep, parent_end = hold
    parent_end.close()  # only the test's copy may keep the pipe open
    real = ingest_module._refresh_stories
    batches = []

    def refresh(conn, story_ids):
        real(conn, story_ids)
        batches.append(1)
        if len(batches) == 3:
            ready.send("in the third batch")
            try:
                keep.recv()  # waits on the test, however loaded the machine is
            except EOFError:
                pass
            os._exit(1)  # the test is gone: never commit the batch

    ingest_module._refresh_stories = refresh  # type: ignore[assignment]
    _ingest_in_child(url, articles, 10)


@contextmanager
def _hung_ingest(url: str, articles: list[Article]) -> Iterator[BaseProcess]:
    """A child process stopped inside its third batch's transaction; killed on the way out."""
    ready_r, ready_w = multiprocessing.Pipe(duplex=False)
    hold = multiprocessing.Pipe(duplex=False)
    child = _fork(_ingest_then_hang, url, articles, ready_w, hold)
    ready_w.close()
    try:
        # whichever comes first: the child is in its third batch, or it ended without getting there
        wait([ready_r, child.sentinel])
        assert ready_r.poll(), f"the child never reached its third batch ({child.exitcode})"
        yield child
    finally:
        if child.exitcode is None:
            os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        for end in (ready_r, *hold):
            end.close()


def _assert_whole(url: str, n: int) -> None:
    """Exactly n articles, each once, each in one story, counts right."""
    with Store(url) as s:
        assert s.check() == []
        assert s.counts()["articles"] == n
        found = s.stories(members=True)
        ids = [m.id for story in found for m in story.members]
        assert len(ids) == len(set(ids)) == n
        assert sum(story.articles for story in found) == n
        if s.dialect == "sqlite":
            with s.read() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.timeout(HANG)
def test_sigkill_inside_a_batch_then_rerun_loses_and_doubles_nothing(store_url) -> None:
    articles = many(60)
    Store(store_url).close()  # created before the child, so the kill hits ingest, not setup
    with _hung_ingest(store_url, articles) as child:
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        assert child.exitcode == -signal.SIGKILL
    _assert_whole(store_url, 20)  # two batches committed, the third rolled back whole
    with Store(store_url) as s:
        report = s.ingest(articles, batch_size=10)
    assert (len(report.stored), len(report.duplicates)) == (40, 20)
    _assert_whole(store_url, 60)


@pytest.mark.timeout(HANG)
def test_three_ingests_at_once_lose_and_double_nothing(store_url) -> None:
    articles = many(90)
    Store(store_url).close()
    children = []
    for seed in range(3):
        mine = articles[:]
        random.Random(seed).shuffle(mine)  # every process holds every article, in its own order
        children.append(_fork(_ingest_in_child, store_url, mine, 15))
    for c in children:
        c.join()  # as long as they take: a slow machine is no failure (a hang is, at HANG)
    assert [c.exitcode for c in children] == [0, 0, 0]
    _assert_whole(store_url, 90)


def test_one_broken_article_in_many_is_skipped_the_rest_stored(store) -> None:
    articles = many(150)
    broken = Article(id="broken", source="x", title="t", text="", raw="", origin="feed line 77")
    report = store.ingest([*articles[:75], broken, *articles[75:]], batch_size=40)
    assert [(s.input, s.reason) for s in report.skipped] == [("feed line 77", "has no text")]
    assert len(report.stored) == 150


@pytest.mark.timeout(HANG)
def test_the_store_opens_and_lists_while_another_process_holds_the_write_lock(store_url) -> None:
    with Store(store_url) as s:
        s.ingest(many(10))
    with _hung_ingest(store_url, many(60, seed=8)), Store(store_url) as s:
        # the child is inside a batch's transaction now
        assert s.counts()["articles"] == 10 + 20  # its two committed batches, not the third
        assert sum(story.articles for story in s.stories()) == 30
