"""The stream's commands for the `storyweave` door: ingest, stories, brief --story, watch, recluster.

Each parses its arguments, calls the store, prints. Exit codes as `brief`: 0 done, 1 nothing
could be done, 2 usage error, 3 done but some inputs were skipped (listed on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
DEFAULT_DB = os.environ.get("STORYWEAVE_DB", "stories.db")
COMMANDS = ("ingest", "stories", "watch", "recluster")
_DB_HELP = "the story store: a SQLite path or a postgresql:// URL (default stories.db)"


def add_db(p: argparse.ArgumentParser) -> None:
    """The --db option every stream command takes."""
    p.add_argument("--db", default=DEFAULT_DB, help=_DB_HELP)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the stream commands."""
    p = sub.add_parser(
        "ingest",
        help="add articles to the story store",
        description="Read articles (files, folders, JSONL, HTML, RSS/Atom feeds, URLs) and add "
        "them to the story store; running it twice stores nothing twice.",
        epilog="Exit codes: 0 done, 1 failed, 2 usage error, 3 done but some inputs skipped.",
    )
    p.add_argument("inputs", nargs="+", metavar="SOURCE", help="files, folders, feeds, URLs, -")
    add_db(p)
    p.add_argument("--batch-size", type=int, default=200, help="articles per transaction")
    p.add_argument(
        "--max-bytes", type=int, default=None, help="largest input file read (default 50 MB)"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1 if (os.cpu_count() or 1) > 1 else 0,
        help="processes that clean and vectorize ahead of the one that stores (0: none; "
        "default 1 on a machine with two cores or more)",
    )
    p.add_argument(
        "--embedder",
        default="tfidf",
        choices=["tfidf", "minilm"],
        help="the clusterer's signal: tfidf (words and word pairs, names, time; the default) "
        "or minilm, which adds a MiniLM embedding of title and lead: held-out B-cubed F1 "
        "+0.013 on Multi-News validation, -0.014 on raw-dev, several times the CPU an article",
    )
    p = sub.add_parser("stories", help="list the stories in the store")
    add_db(p)
    p.add_argument("--since", help="only stories changed since: 30m, 12h, 2d, 1w or a date")
    p.add_argument(
        "--limit", type=int, default=50, help="the N most recently changed (default 50; 0: all)"
    )
    p.add_argument("--format", "-f", default="table", choices=["table", "json"])
    p = sub.add_parser("watch", help="keep ingesting folders and feeds as new articles arrive")
    p.add_argument("inputs", nargs="+", metavar="FOLDER|FEED_URL")
    add_db(p)
    p.add_argument("--every", default="5m", help="time between rounds: 30s, 5m, 1h")
    p.add_argument("--rounds", type=int, default=0, help="stop after this many rounds (0: never)")
    p = sub.add_parser(
        "recluster",
        help="redo the stories of a period in one batch",
        description="Recluster the stories active since a time (default: all), a period of "
        "--period articles at a time, least recently active first, so memory stays bounded; "
        "then a story of one period that is one with a story of an earlier period (by their "
        "words, names and times) is merged into it.",
    )
    add_db(p)
    p.add_argument("--since", help="stories active since: 12h, 2d, 1w or a date (default: all)")
    p.add_argument(
        "--period",
        type=int,
        default=5000,
        metavar="N",
        help="articles reclustered at once (default 5000); memory grows with it, about 40 MB "
        "a thousand articles",
    )


def run(args: argparse.Namespace) -> int:
    """Run one of the stream commands."""
    from .store import Store

    if args.command == "recluster" and args.period < 1:
        print(f"storyweave recluster: --period must be a number of articles, 1 or more (got "
              f"{args.period}; the default is 5000)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    with Store(args.db, create=args.command in ("ingest", "watch")) as store:
        if args.command == "ingest":
            return _ingest(args, store)
        if args.command == "stories":
            return _stories(args, store)
        if args.command == "watch":
            return _watch(args, store)
        n = store.recluster(args.since, period_articles=args.period)
        print(f"storyweave: reclustered into {n} stories", file=sys.stderr)
        return EXIT_OK


def _report(report: Any) -> int:
    """Print what was skipped and the counts; the exit code that goes with them."""
    for s in report.skipped:
        print(f"storyweave: skipped {s.input}: {s.reason}", file=sys.stderr)
    print(f"storyweave: {report.summary()}", file=sys.stderr)
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def _ingest(args: argparse.Namespace, store: Any) -> int:
    """`storyweave ingest`: read the sources, ingest with a progress bar, report."""
    from ..read import stream

    if args.batch_size < 1:
        print("storyweave ingest: --batch-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    from .cluster import Params
    from .watch import KnownUrls

    sizes = {} if args.max_bytes is None else {"max_bytes": args.max_bytes}
    # pages the store already holds are not fetched again
    # read one file at a time as the store takes them: a big folder never sits in memory
    batch = stream(*args.inputs, known_urls=KnownUrls(store), **sizes)
    bar = _progress(None)
    try:
        report = store.ingest(
            batch,
            batch_size=args.batch_size,
            params=Params(embedder=args.embedder),
            progress=bar.update if bar else None,
            workers=max(0, args.workers),
        )
    finally:
        if bar is not None:
            bar.close()
    return _report(report)


def _progress(total: int | None) -> Any:
    """A progress bar on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr)


def _stories(args: argparse.Namespace, store: Any) -> int:
    """`storyweave stories`: one line a story, or JSON with each story's articles."""
    found = store.stories(args.since, limit=args.limit or None, members=args.format == "json")
    if args.limit and len(found) == args.limit:
        total = store.count_stories(args.since)
        if total > len(found):
            print(f"storyweave: the {len(found)} most recently changed of {total} stories; "
                  "--limit 0 lists all", file=sys.stderr)  # fmt: skip
    if args.format == "json":
        json.dump([s.to_dict() for s in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{'story':<14} {'articles':>8} {'outlets':>7}  {'first seen':<16}  {'last seen':<16}  "
          "headline")  # fmt: skip
    for s in found:
        print(
            f"{s.id:<14} {s.articles:>8} {s.outlets:>7}  {s.first_seen:%Y-%m-%d %H:%M}  "
            f"{s.last_seen:%Y-%m-%d %H:%M}  {s.headline[:80]}"
        )
    return EXIT_OK


def _watch(args: argparse.Namespace, store: Any) -> int:
    """`storyweave watch`: ingest the sources every --every until stopped."""
    from .store import parse_since, utcnow
    from .watch import watch

    now = utcnow()
    every = (now - parse_since(args.every, now)).total_seconds()
    if every <= 0:
        print("storyweave watch: --every must be a duration such as 30s or 5m", file=sys.stderr)
        return EXIT_USAGE

    def on_round(n: int, report: Any) -> None:
        for s in report.skipped:
            print(f"storyweave: skipped {s.input}: {s.reason}", file=sys.stderr)
        print(f"storyweave: round {n}: {report.summary()}", file=sys.stderr)

    total = watch(args.inputs, store, every=every, rounds=args.rounds or None, on_round=on_round)
    return EXIT_SKIPPED if total.skipped else EXIT_OK


def run_story_brief(args: argparse.Namespace) -> int:
    """`storyweave brief --story ID`: the story's brief from the store, cached when current."""
    from ..config import Config
    from .store import Store

    config = Config(words=args.words, embedder=args.embedder, analysis=not args.no_analysis)
    with Store(args.db, create=False) as store:
        text = store.brief(args.story, args.format, config=config)
    if args.output:
        tmp = args.output.with_name(f".{args.output.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.output)
        print(f"storyweave: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
