"""Command line door: parses arguments, calls the core, prints. No logic lives here.

Exit codes: 0 done; 1 nothing could be done (every input bad, a model missing);
2 usage error; 3 the brief was written but some inputs were skipped (see stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import Config
from .errors import StoryweaveError
from .stream import cli as stream_cli

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def _brief_parser(sub: argparse._SubParsersAction) -> None:
    defaults = Config()
    p = sub.add_parser(
        "brief",
        help="brief a pile of articles about one story",
        description="Read articles (text, HTML, JSONL files, folders, or - for stdin) and "
        "write one cited brief; or, with --story ID, the brief of a story in the store (kept "
        "until the story changes).",
        epilog="Exit codes: 0 done, 1 nothing usable, 2 usage error, "
        "3 brief written but some inputs were skipped.",
    )
    p.add_argument("inputs", nargs="*", metavar="ARTICLES", help="files, folders, or - (stdin)")
    p.add_argument("--story", help="brief this story of the store instead (see `stories`)")
    stream_cli.add_db(p)
    p.add_argument("--format", "-f", default="md", choices=["md", "json", "html"])
    p.add_argument("--words", type=int, default=defaults.words, help="summary length budget")
    p.add_argument(
        "--embedder",
        default=defaults.embedder,
        help="minilm (dense, default), tfidf (fast), or a local sentence-transformers folder",
    )
    p.add_argument(
        "--no-analysis", action="store_true", help="summary only, no cross-source analysis"
    )
    p.add_argument("--strict", action="store_true", help="any skipped input is fatal")
    p.add_argument(
        "--max-bytes", type=int, default=None, help="largest input file read (default 50 MB)"
    )
    p.add_argument("-o", "--output", type=Path, help="write here instead of stdout")


def _run_brief(args: argparse.Namespace) -> int:
    from .api import brief, read
    from .render import render

    if args.words < 20:
        raise SystemExit("storyweave brief: --words must be at least 20")
    if args.story is not None:
        if args.inputs:
            print("storyweave brief: give ARTICLES or --story, not both", file=sys.stderr)
            return EXIT_USAGE
        return stream_cli.run_story_brief(args)
    if not args.inputs:
        print("storyweave brief: give ARTICLES (files, folders, -) or --story ID", file=sys.stderr)
        return EXIT_USAGE
    config = Config(
        words=args.words, embedder=args.embedder, analysis=not args.no_analysis, strict=args.strict
    )
    kwargs = {} if args.max_bytes is None else {"max_bytes": args.max_bytes}
    batch = read(*args.inputs, strict=args.strict, **kwargs)
    for s in batch.skipped:
        print(f"storyweave: skipped {s.input}: {s.reason}", file=sys.stderr)
    result = brief(batch, config)
    late = result.skipped[len(batch.skipped) :]
    for s in late:
        print(f"storyweave: skipped {s.input}: {s.reason}", file=sys.stderr)
    if config.strict and result.skipped:
        print("storyweave: --strict: stopping because inputs were skipped", file=sys.stderr)
        return EXIT_FAIL
    text = render(result, args.format)
    if args.output:
        _write_atomic(args.output, text)
        print(f"storyweave: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a brief."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _serve_parser(sub: argparse._SubParsersAction) -> None:
    defaults = Config()
    p = sub.add_parser(
        "serve",
        help="serve the story store over HTTP: a JSON API and a web page",
        description="Serve the story store: the web page at / and the JSON API "
        "(POST /articles, GET /stories, /stories/ID, /stories/ID/brief, /health, /openapi.json).",
    )
    stream_cli.add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--token-file",
        type=Path,
        help="file whose first line is the bearer token writes need (required off loopback)",
    )
    p.add_argument("--private", action="store_true", help="reads need the token too")
    p.add_argument("--words", type=int, default=defaults.words, help="default summary budget")
    p.add_argument(
        "--embedder", default=defaults.embedder, help="default embedder: minilm or tfidf"
    )
    p.add_argument(
        "--no-analysis", action="store_true", help="briefs default to the summary only"
    )


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import ServeSettings, serve

    serve(
        ServeSettings(
            db=args.db, host=args.host, port=args.port, token_file=args.token_file,
            private=args.private,
            config=Config(words=args.words, embedder=args.embedder, analysis=not args.no_analysis),
        )  # fmt: skip
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyweave", description="Many news articles about one story -> one cited brief."
    )
    parser.add_argument("--version", action="version", version=f"storyweave {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _brief_parser(sub)
    stream_cli.add_parsers(sub)
    _serve_parser(sub)
    try:
        from .evaluate import cli as evaluate_cli
    except ImportError:  # evaluation extras (sumy) not installed
        evaluate_cli = None  # type: ignore[assignment]
    if evaluate_cli is not None:
        evaluate_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `storyweave` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "brief":
            return _run_brief(args)
        if args.command in stream_cli.COMMANDS:
            return stream_cli.run(args)
        if args.command == "serve":
            return _run_serve(args)
        from .evaluate import cli as evaluate_cli

        return evaluate_cli.run(args)
    except StoryweaveError as exc:
        print(f"storyweave: error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `storyweave brief ... | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
