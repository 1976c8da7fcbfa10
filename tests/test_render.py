"""Rendered output: what a reader sees in JSON, Markdown and HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from storyweave.errors import ConfigError
from storyweave.model import (
    Agreement,
    Article,
    Brief,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Event,
    Evidence,
    Mention,
    Quote,
    RemovedLine,
    Skipped,
    SummarySentence,
)
from storyweave.render import render, to_dict

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "src/storyweave/render/schema.json").read_text()
)


def _brief() -> Brief:
    a1 = Article(
        "x1",
        "Coast Courier",
        "Bridge shut",
        "Inspectors shut the bridge. <b>Bold</b>",
        removed=(RemovedLine(2, "Getty Images", "photo credit"),),
        cleaned=True,
        url="https://coast.example/a",
        published="2024-03-04",
    )
    a2 = Article("x2", "Metro Wire", "Cracks close bridge", "The bridge was closed.", cleaned=True)
    a3 = Article("x3", "Ledger", "Span closed", "Repairs cost $6 million.", cleaned=True)
    e1 = Evidence("x1", "Coast Courier", 0, "Inspectors shut the bridge.")
    e2 = Evidence("x2", "Metro Wire", 0, "The bridge was closed.")
    e3 = Evidence("x3", "Ledger", 0, "Repairs cost $6 million.")
    claim = Claim("c1", "Inspectors shut the bridge.", (e1, e2), 2, ("e1",))
    return Brief(
        title="Bridge shut",
        summary=(
            SummarySentence("Inspectors shut the bridge.", "x1", 0, ("x1", "x2"), ("e1",), ("c1",)),
            SummarySentence("Repairs cost $6 million.", "x3", 0, ("x3",)),
        ),
        articles=(a1, a2, a3),
        agreements=(Agreement(claim),),
        conflicts=(
            Conflict(
                "number",
                "cost of repairs",
                (ConflictSide("$4.2 million", (e2,)), ConflictSide("$6 million", (e3,))),
            ),
        ),
        single_source=(Claim("c2", "Repairs cost $6 million.", (e3,), 1, kind="number"),),
        quotes=(
            Quote(
                "It is unsafe.", "Margit Oyelaran", "named", "x1", "Coast Courier", 0, "e1", "said"
            ),
            Quote(
                "the city knew",
                "a source close to the council",
                "unnamed",
                "x2",
                "Metro Wire",
                0,
                None,
                "told",
                direct=False,
            ),
        ),
        entities=(
            Entity(
                "e1",
                "Margit Oyelaran",
                "person",
                ("Margit Oyelaran", "Oyelarran"),
                (Mention("x1", 0, 0, 5, "Margit"),),
            ),
        ),
        timeline=(
            Event("2024-03-04", "day", "Monday", "Inspectors shut the bridge.", e1),
            Event(None, None, "next spring", "It may reopen next spring.", e2, resolved=False),
        ),
        skipped=(Skipped("bad.jsonl line 3", "not JSON"),),
    )


def test_json_follows_the_published_schema() -> None:
    doc = json.loads(render(_brief(), "json"))
    jsonschema.validate(doc, SCHEMA)
    assert doc["schema_version"] == SCHEMA["properties"]["schema_version"]["const"]
    assert doc["summary"][0]["citations"] == [1, 2]
    assert doc["conflicts"][0]["sides"][1]["evidence"][0]["article"] == 3
    assert doc["articles"][0]["removed"][0]["reason"] == "photo credit"


def test_schema_rejects_a_broken_brief() -> None:
    doc = to_dict(_brief())
    doc["summary"][0]["citations"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_markdown_cites_numbers_and_lists_every_section() -> None:
    md = render(_brief(), "md")
    assert "Inspectors shut the bridge. [1][2]" in md
    for heading in (
        "## Summary",
        "## Agreed by several outlets",
        "## Where outlets differ",
        "## Who said what",
        "## People, organisations and places",
        "## Timeline",
        "## Sources",
        "## Removed as boilerplate",
        "## Skipped inputs",
    ):
        assert heading in md
    assert "**2 outlets**" in md
    assert "$4.2 million" in md and "[3] Ledger" in md
    assert "Oyelarran" in md
    assert "line 2: `Getty Images` (photo credit)" in md
    assert "not resolved" in md
    assert re.search(r"^1\. \*\*Coast Courier\*\*", md, re.M)


def test_html_is_one_self_contained_escaped_page() -> None:
    html = render(_brief(), "html")
    assert html.startswith("<!doctype html>")
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert not re.search(r"<(link|script)[^>]+(href|src)=", html)
    assert 'href="#src-2"' in html and 'id="src-2"' in html
    assert "Where outlets differ" in html


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(ConfigError, match="html"):
        render(_brief(), "pdf")
