"""Invented attribution and disagreement shapes, scored: a regression check, not the measure.

    nice .venv/bin/python benchmarks/bench_shapes.py                 # every set
    nice .venv/bin/python benchmarks/bench_shapes.py --misses h7     # what a set gets wrong

`data/shapes/speakers-*.json`: [text, key, want] cases, each a short invented article, a phrase
only the tested quotation holds, and its speaker as an editor reads it ("unnamed: ..." for a
source the text never names). Sets h1-h8 and m1-m8 (400 cases: wire, metro, business,
celebrity, sports, science, UK and international copy, interviews; m-sets as scraped pages with
junk lines) were written in session 29 by helpers that never read `src/`; s28-b1..b16 in session
28 by the team. `data/shapes/conflicts-k*.json`: 60 invented stories told by two or three
outlets, with the disagreements, agreements and traps (what must not be called a conflict) their
writer put in. A quote is right when every quote holding the key has the wanted speaker; a
conflict is found when two sides of one reported conflict hold snippets of two different
articles' sides; an agreement hides a conflict when its sentences hold two sides of one.
The real measure stays `bench_real.py` on real labelled news.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from storyweave import Config, brief
from storyweave.model import Article, Evidence

SHAPES = Path(__file__).resolve().parent / "data" / "shapes"


def _brief(texts: list[str]):
    arts = [
        Article(id="ABC"[i], source=f"Outlet {'ABC'[i]}", title="", text=t, raw=t, origin="x")
        for i, t in enumerate(texts)
    ]
    return brief(arts, Config(embedder="tfidf"))


def speakers(path: Path, misses: bool) -> tuple[int, int]:
    right = 0
    cases = json.loads(path.read_text())
    for n, (text, key, want) in enumerate(cases):
        try:
            qs = [q for q in _brief([text]).quotes if key.lower() in q.text.lower()]
        except Exception as e:  # a crash is a miss, and printed: the brief must never crash
            print(f"  {path.stem} #{n}: crashed: {e!r}")
            continue
        got = [(q.speaker_kind, q.speaker or "") for q in qs]
        unnamed = want.startswith("unnamed")
        ok = bool(qs) and all(
            (k == "unnamed") if unnamed else s.lower() == want.lower() for k, s in got
        )
        right += ok
        if misses and not ok:
            print(f"  {path.stem} #{n}: want {want!r}, got {got}")
    return right, len(cases)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _holds(evidence: tuple[Evidence, ...], spots: list[list[str]]) -> set[str]:
    """Articles whose evidence holds their own snippet."""
    return {
        art
        for art, snippet in spots
        for e in evidence
        if e.article_id == art and _words(snippet) in _words(e.text)
    }


def _two_sides(sides, spots: list[list[str]]) -> bool:
    """Two predicted sides each holding a snippet, of two different articles."""
    held = [_holds(s.evidence, spots) for s in sides]
    return sum(1 for h in held if h) >= 2 and len(set().union(*held)) >= 2


def conflicts(path: Path, misses: bool) -> dict[str, int]:
    out = dict.fromkeys(("gold", "found", "listed", "right", "agreements", "hiding"), 0)
    for n, case in enumerate(json.loads(path.read_text())):
        b = _brief(case["articles"])
        out["gold"] += len(case["conflicts"])
        out["listed"] += len(b.conflicts)
        out["agreements"] += len(b.agreements)
        sides = [spot for g in case["conflicts"] for spot in g["sides"]]
        for g in case["conflicts"]:
            found = any(_two_sides(c.sides, g["sides"]) for c in b.conflicts)
            out["found"] += found
            if misses and not found:
                print(f"  {path.stem} #{n}: missed {g['what']!r}")
        for c in b.conflicts:
            out["right"] += sum(1 for s in c.sides if _holds(s.evidence, sides)) >= 2
        for a in b.agreements:
            gold = case["conflicts"]
            out["hiding"] += any(len(_holds(a.claim.evidence, g["sides"])) >= 2 for g in gold)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", nargs="*", default=None, help="print the misses of these sets")
    args = ap.parse_args()
    show = set(args.misses or [])
    print("| set | right | cases |\n|---|---:|---:|")
    total = [0, 0]
    for path in sorted(SHAPES.glob("speakers-*.json")):
        name = path.stem.removeprefix("speakers-")
        r, n = speakers(path, args.misses is not None and (not show or name in show))
        total[0] += r
        total[1] += n
        print(f"| {name} | {r} | {n} |")
    print(f"| **all** | **{total[0]}** | **{total[1]}** |\n")
    print("| set | conflicts found / gold | right / listed | agreements hiding one / agreements |")
    print("|---|---:|---:|---:|")
    for path in sorted(SHAPES.glob("conflicts-*.json")):
        name = path.stem.removeprefix("conflicts-")
        o = conflicts(path, args.misses is not None and (not show or name in show))
        print(
            f"| {name} | {o['found']}/{o['gold']} | {o['right']}/{o['listed']} |"
            f" {o['hiding']}/{o['agreements']} |"
        )


if __name__ == "__main__":
    main()
