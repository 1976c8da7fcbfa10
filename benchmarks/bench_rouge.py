#!/usr/bin/env python
"""ROUGE, speed and memory of storyweave against the lead and sumy baselines, one table.

Usage::

    python benchmarks/bench_rouge.py                                  # raw-dev, all systems
    python benchmarks/bench_rouge.py DATA --limit 20 --system lead --system lexrank
    python benchmarks/bench_rouge.py --json                           # machine-readable

DATA is anything `storyweave evaluate` reads (default: ../shared/data/multinews/raw-dev.jsonl).
Every system runs in this one process, one after the other, on the same clusters; the
"speed vs lexrank" column divides each system's clusters/second by sumy LexRank's.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from storyweave.evaluate import DEFAULT_WORDS, SYSTEMS, evaluate, format_table

RAW_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "raw-dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Run every (or the named) system on DATA and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(RAW_DEV), help="evaluation data")
    parser.add_argument("--system", action="append", dest="systems", choices=list(SYSTEMS))
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    if not Path(args.data).exists() and not Path(f"{args.data}.src").exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    report = evaluate(
        args.data,
        systems=args.systems or list(SYSTEMS),
        words=args.words,
        limit=args.limit,
        progress=lambda message: print(message, file=sys.stderr, flush=True),
    )
    if args.json:
        print(report.to_json())
    else:
        print(format_table(report))
        # Speed depends on what else the machine runs; say how busy it was.
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"\n{os.cpu_count()} CPUs, load average after the run (1, 5, 15 min): {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
