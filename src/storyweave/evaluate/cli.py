"""The `storyweave evaluate` subcommand: argument parsing and printing around `evaluate()`."""

from __future__ import annotations

import argparse
import sys

from ..errors import ConfigError
from . import DEFAULT_SYSTEM, DEFAULT_WORDS, SYSTEMS, evaluate, format_table

# As the main CLI: 0 done, 1 nothing usable (raised to it), 2 usage error, 3 records skipped.
EXIT_OK, EXIT_USAGE, EXIT_SKIPPED = 0, 2, 3


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `evaluate` on the main CLI's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate",
        help="score summarizers with ROUGE on clusters with reference summaries",
        description="Summarize every cluster of DATA with each system and score it against the "
        "references with ROUGE-1, ROUGE-2 and ROUGE-Lsum (F1, Porter stemming, 95% bootstrap "
        "intervals), with speed and peak memory. DATA: a .jsonl[.gz] file, a Multi-News "
        ".src/.tgt pair (either file or the stem), or a DUC-style folder.",
        epilog=f"Systems: {', '.join(SYSTEMS)}. Exit codes: 0 done, 1 nothing usable, "
        "2 usage error, 3 done but some records were skipped (see stderr).",
    )
    p.add_argument("data", metavar="DATA", help="evaluation data (see above)")
    p.add_argument(
        "--system",
        action="append",
        metavar="NAME",
        dest="systems",
        help=f"a system to evaluate; repeat for several, 'all' for every one "
        f"(default: {DEFAULT_SYSTEM})",
    )
    p.add_argument(
        "--words",
        type=int,
        default=DEFAULT_WORDS,
        help=f"summary budget in words (default: {DEFAULT_WORDS})",
    )
    p.add_argument("--limit", type=int, default=None, metavar="N", help="first N clusters only")
    p.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    p.set_defaults(command="evaluate")
    return p


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Run `storyweave evaluate` from parsed arguments; print the report; an exit code."""
    names: list[str] = args.systems or [DEFAULT_SYSTEM]
    if "all" in names:
        names = list(SYSTEMS)
    try:
        report = evaluate(
            args.data, systems=names, words=args.words, limit=args.limit, progress=_progress
        )
    except ConfigError as exc:
        print(f"storyweave evaluate: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(report.to_json() if args.format == "json" else format_table(report))
    return EXIT_SKIPPED if report.skipped else EXIT_OK
