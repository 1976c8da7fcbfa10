"""The stream commands as a user runs them: ingest, stories, brief --story, watch, recluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave import Store
from storyweave.cli import main
from storyweave.stream.watch import watch

FAST = ["--embedder", "tfidf", "--no-analysis", "--words", "60"]


def _jsonl(path: Path, articles, extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [
        json.dumps(
            {"url": a.url, "source": a.source, "title": a.title, "text": a.text,
             "published": a.published}  # fmt: skip
        )
        for a in articles
    ]
    path.write_text("\n".join([*lines[:2], *extra_lines, *lines[2:]]) + "\n", encoding="utf-8")
    return path


def test_ingest_reports_bad_lines_and_exits_3(tmp_path, invent, capsys) -> None:
    src = _jsonl(tmp_path / "feed.jsonl", invent.pile(), ("{not json", '{"text": ""}'))
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(src), "--db", db]) == 3
    err = capsys.readouterr().err
    assert "feed.jsonl line 3: is not JSON" in err
    assert "feed.jsonl line 4" in err and "empty" in err
    assert "9 stored" in err
    # the same source again: nothing new, still says what it skipped
    assert main(["ingest", str(src), "--db", db]) == 3
    assert "0 stored" in capsys.readouterr().err and Store(db).counts()["articles"] == 9


def test_a_folder_with_broken_files_stores_the_rest(tmp_path, invent, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _jsonl(inbox / "good.jsonl", invent.pile())
    (inbox / "binary.txt").write_bytes(b"\x00\x01\xff\xfe" * 50)
    latin = "Caf\xe9 owners in Ashcombe\n\nThe caf\xe9 on the square shut its doors today."
    (inbox / "latin.txt").write_bytes(latin.encode("cp1252"))
    (inbox / "huge.txt").write_text("word " * 20_000)
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(inbox), "--db", db, "--max-bytes", "50000"]) == 3
    err = capsys.readouterr().err
    assert "binary.txt: is not text" in err
    assert "huge.txt: is 98 KB" in err
    assert "10 stored" in err  # nine invented articles and the cp1252 one
    assert "Café owners in Ashcombe" in {s.headline for s in Store(db).stories()}


def test_ingest_of_clean_input_exits_0(tmp_path, invent, capsys) -> None:
    src = _jsonl(tmp_path / "a.jsonl", invent.pile()[:3])
    assert main(["ingest", str(src), "--db", str(tmp_path / "s.db")]) == 0


def test_stories_json_lists_articles_with_their_copies(tmp_path, invent, capsys) -> None:
    original = invent.story("bridge", 0)
    src = _jsonl(tmp_path / "a.jsonl", [original, invent.copy(original, "Valley Times")])
    db = str(tmp_path / "s.db")
    main(["ingest", str(src), "--db", db])
    capsys.readouterr()
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)
    assert (story["article_count"], story["outlet_count"]) == (2, 1)
    (first,) = [a for a in story["articles"] if a["duplicate_of"] is None]
    (copy,) = [a for a in story["articles"] if a["duplicate_of"] is not None]
    assert copy["duplicate_of"] == first["id"]
    assert copy["url"] == "https://valleytimes.example/bridge-0"
    assert set(first) >= {"id", "url", "outlet", "duplicate_of"}


def test_stories_table_and_since(tmp_path, invent, capsys) -> None:
    db = str(tmp_path / "s.db")
    main(["ingest", str(_jsonl(tmp_path / "a.jsonl", invent.pile())), "--db", db])
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["story", "articles", "outlets"] and len(lines) == 4
    main(["stories", "--db", db, "--since", "2000-01-01", "--limit", "1"])
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2
    assert "the 1 most recently changed of 3 stories" in err


def test_brief_of_a_stored_story(tmp_path, invent, capsys) -> None:
    db = str(tmp_path / "s.db")
    main(["ingest", str(_jsonl(tmp_path / "a.jsonl", invent.pile())), "--db", db])
    story = next(s for s in Store(db).stories() if s.headline.startswith("Wildfire"))
    capsys.readouterr()
    assert main(["brief", "--story", story.id, "--db", db, "--format", "md", *FAST]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Wildfire forces Cedar Hollow evacuation")
    assert "Cedar Hollow" in out
    assert main(["brief", "--story", "nope", "--db", db, *FAST]) == 1
    assert "storyweave stories" in capsys.readouterr().err


def test_brief_needs_articles_or_a_story(tmp_path, capsys) -> None:
    assert main(["brief"]) == 2
    assert "--story" in capsys.readouterr().err


def test_a_missing_store_folder_is_a_clear_error(tmp_path, invent, capsys) -> None:
    src = str(_jsonl(tmp_path / "a.jsonl", invent.pile()))
    assert main(["ingest", src, "--db", str(tmp_path / "no" / "s.db")]) == 1
    assert "folder does not exist" in capsys.readouterr().err


def test_reading_a_store_that_is_not_there_is_an_error_not_an_empty_store(tmp_path, capsys):
    db = tmp_path / "typo.db"
    for command in (["stories"], ["recluster"], ["brief", "--story", "s1"]):
        assert main([*command, "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert f"{db}: no story store here" in err and "storyweave ingest" in err
    assert not db.exists()


def test_recluster_command(tmp_path, invent, capsys) -> None:
    db = str(tmp_path / "s.db")
    main(["ingest", str(_jsonl(tmp_path / "a.jsonl", invent.pile())), "--db", db])
    assert main(["recluster", "--db", db, "--since", "1d"]) == 0
    assert "into 3 stories" in capsys.readouterr().err


def test_watch_ingests_files_that_arrive_between_rounds(tmp_path, invent) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _jsonl(inbox / "1.jsonl", [invent.story("strike", 0)])
    arrivals = [[invent.story("strike", 1)], [invent.story("strike", 2)]]

    def sleep(_seconds: float) -> None:  # a new file lands while watch waits
        _jsonl(inbox / f"{len(arrivals) + 1}.jsonl", arrivals.pop(0))

    rounds = []
    with Store(tmp_path / "s.db") as store:
        total = watch([str(inbox)], store, every=60, rounds=3, sleep=sleep,
                      on_round=lambda n, r: rounds.append(len(r.stored)))  # fmt: skip
        assert rounds == [1, 1, 1]  # files already read are not read again
        assert len(total.stored) == 3 and store.stories()[0].articles == 3


def test_watch_command_runs_rounds(tmp_path, invent, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _jsonl(inbox / "1.jsonl", invent.pile()[:2])
    db = str(tmp_path / "s.db")
    assert main(["watch", str(inbox), "--db", db, "--every", "0.01s", "--rounds", "2"]) == 0
    err = capsys.readouterr().err
    assert "round 1: 2 stored" in err and "round 2: 0 stored" in err


def test_ingest_of_a_feed_file(tmp_path, capsys) -> None:
    items = "".join(
        f"<item><title>Ferry {i} sails again</title><guid>ferry-{i}</guid>"
        f"<pubDate>Mon, 0{i} Jan 2024 10:00:00 GMT</pubDate><description>The island ferry "
        f"number {i} sailed again on Monday after repairs to its engine, the operator said. "
        f"Passengers queued from dawn at the harbour to board ferry {i}.</description></item>"
        for i in range(1, 4)
    )
    feed = tmp_path / "news.rss"
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Island News</title>'
        f"{items}</channel></rss>",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(feed), "--db", db]) == 0
    assert Store(db).counts()["articles"] == 3


def _page(a) -> str:
    paragraphs = "".join(f"<p>{s}.</p>" for s in a.text.split(". "))
    return f"<html><head><title>{a.title}</title></head><body><article><h1>{a.title}</h1>" \
        f"{paragraphs}</article></body></html>"


def _rss(base: str, names: list[str]) -> str:
    items = "".join(
        f"<item><title>{n}</title><link>{base}/{n}.html</link><guid>{n}</guid></item>"
        for n in names
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>' \
        f"{items}</channel></rss>"


def test_watch_a_feed_fetches_only_new_pages(tmp_path, invent) -> None:
    import functools
    import http.server
    import os
    import threading

    from storyweave.read.fetch import FetchConfig, Fetcher

    site = tmp_path / "site"
    site.mkdir()
    arts = [invent.story("wildfire", k) for k in range(3)]
    for a in arts:
        (site / f"{a.id}.html").write_text(_page(a), encoding="utf-8")
    asked: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            asked.append(self.path)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = site / "feed.xml"
    feed.write_text(_rss(base, [a.id for a in arts[:2]]), encoding="utf-8")

    def sleep(_seconds: float) -> None:  # a third item appears in the feed between rounds
        feed.write_text(_rss(base, [a.id for a in arts]), encoding="utf-8")
        later = feed.stat().st_mtime + 10
        os.utime(feed, (later, later))

    rounds: list[int] = []
    try:
        with Store(tmp_path / "s.db") as store, Fetcher(FetchConfig(min_interval=0)) as fetcher:
            watch([f"{base}/feed.xml"], store, every=60, rounds=2, sleep=sleep, fetcher=fetcher,
                  on_round=lambda n, r: rounds.append(len(r.stored)))  # fmt: skip
            assert store.stories()[0].articles == 3
    finally:
        server.shutdown()
    assert rounds == [2, 1]
    pages = [p for p in asked if p.endswith(".html")]
    assert sorted(pages) == sorted(f"/{a.id}.html" for a in arts)  # none fetched twice


def test_ingest_embedder_chooses_the_clusterers_dense_signal(tmp_path, invent, capsys) -> None:
    from storyweave.stream import schema
    from storyweave.stream.cluster import DocVector

    src = str(_jsonl(tmp_path / "a.jsonl", invent.pile()))
    for embedder, dense in (("tfidf", False), ("minilm", True)):
        db = str(tmp_path / f"{embedder}.db")
        assert main(["ingest", src, "--db", db, "--embedder", embedder, "--workers", "0"]) == 0
        with Store(db, create=False) as store, store.read() as conn:
            blobs = conn.execute(schema.article_vectors.select()).all()
            stories = store.stories()
        assert len(blobs) == 9 and len(stories) == 3
        assert {DocVector.from_bytes(b.vector).dense is not None for b in blobs} == {dense}


def test_ingest_refuses_an_unknown_embedder(tmp_path, invent, capsys) -> None:
    src = str(_jsonl(tmp_path / "a.jsonl", invent.pile()))
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", src, "--db", str(tmp_path / "s.db"), "--embedder", "bert"])
    assert exit_.value.code == 2
    assert "--embedder" in capsys.readouterr().err and not (tmp_path / "s.db").exists()


def test_recluster_period_flag_sets_the_articles_a_period(
    tmp_path, invent, capsys, monkeypatch
) -> None:
    from storyweave.stream import ingest as ingest_module

    db = str(tmp_path / "s.db")
    src = str(_jsonl(tmp_path / "a.jsonl", invent.pile()))
    assert main(["ingest", src, "--db", db]) == 0
    held: list[int] = []
    real = ingest_module.batch_cluster
    monkeypatch.setattr(
        ingest_module, "batch_cluster", lambda items, p: held.append(len(items)) or real(items, p)
    )
    assert main(["recluster", "--db", db]) == 0
    sizes = sorted(s.articles for s in Store(db).stories())
    assert main(["recluster", "--db", db, "--period", "2"]) == 0
    # the default holds all nine at once; 2 takes one story at a time, whatever the stories are
    # (the invented pile's two closest stories may come out as one: the order of equal arrival
    # times is the articles' ids)
    assert held[0] == 9 and sorted(held[1:]) == sizes and len(held) == 1 + len(sizes)
    assert sum(s.articles for s in Store(db).stories()) == 9


@pytest.mark.parametrize("bad", ["0", "-5"])
def test_recluster_rejects_a_period_under_one_article(tmp_path, invent, capsys, bad) -> None:
    db = str(tmp_path / "s.db")
    main(["ingest", str(_jsonl(tmp_path / "a.jsonl", invent.pile())), "--db", db])
    capsys.readouterr()
    assert main(["recluster", "--db", db, f"--period={bad}"]) == 2
    err = capsys.readouterr().err
    assert "--period must be a number of articles, 1 or more" in err and bad in err


def test_recluster_help_documents_the_period(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["recluster", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--period N" in out and "articles reclustered at once (default 5000)" in out
