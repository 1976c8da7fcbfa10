"""The golden brief of the bundled examples: a person reviews the diff when it changes.

Regenerate deliberately with STORYWEAVE_UPDATE_GOLDEN=1 and read the diff before committing.
The golden uses the TF-IDF embedder: its output is exact on any CPU, where dense float sums
may differ in the last bit between instruction sets and flip a tie.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyweave import Config, brief, read, render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbour-bridge"
GOLDEN = ROOT / "tests" / "golden" / "harbour-bridge.md"


def test_brief_of_the_examples_matches_the_reviewed_golden(tfidf) -> None:
    text = render(brief(read(EXAMPLES), Config(embedder="tfidf"), embedder=tfidf), "md")
    if os.environ.get("STORYWEAVE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
        pytest.skip("golden rewritten; review the diff")
    assert GOLDEN.exists(), "no golden yet: run with STORYWEAVE_UPDATE_GOLDEN=1 and review it"
    expected = GOLDEN.read_text(encoding="utf-8")
    assert text == expected, "brief changed: review `git diff tests/golden` after regenerating"
