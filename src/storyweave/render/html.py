"""One self-contained HTML page for a Brief (the web page uses the same template)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Brief, SummarySentence

if TYPE_CHECKING:
    import jinja2

_WORD = re.compile(r"\d+|\w{4,}")  # numbers, and words long enough to carry meaning


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    import jinja2  # here, not above: `import storyweave` binds `render` and should stay light

    return jinja2.Environment(
        loader=jinja2.PackageLoader("storyweave.render", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def to_html(b: Brief) -> str:
    """The brief as one HTML page with inline CSS, citations linking to the sources."""
    return (
        _env()
        .get_template("brief.html.j2")
        .render(b=b, num=b.number, cited=cited_sentences(b), web_url=web_url)
    )


def cited_sentences(b: Brief) -> Callable[[SummarySentence, str], str]:
    """For a summary sentence and an article it cites, the sentence of that article saying it."""
    claims = {a.claim.id: a.claim for a in b.agreements} | {c.id: c for c in b.single_source}
    texts = {a.id: a.text for a in b.articles}
    split: dict[str, list[str]] = {}  # each article's sentences, split once
    from ..text.segment import split_sentences  # here: blingfire is not needed to import render

    def cited(s: SummarySentence, article_id: str) -> str:
        if article_id == s.article_id:
            return s.text
        for claim_id in s.claims:
            claim = claims.get(claim_id)
            for ev in claim.evidence if claim else ():
                if ev.article_id == article_id:
                    return ev.text
        if article_id not in split:
            split[article_id] = split_sentences(texts.get(article_id, ""))
        return closest_sentence(s.text, split[article_id])

    return cited


def closest_sentence(text: str, sentences: list[str]) -> str:
    """The sentence sharing the most words with text ('' when none shares two)."""
    words = set(_WORD.findall(text.lower()))
    best, best_shared = "", 1
    for sentence in sentences:
        shared = len(words & set(_WORD.findall(sentence.lower())))
        if shared > best_shared:
            best, best_shared = sentence, shared
    return best


def web_url(url: str | None) -> str | None:
    """The URL when it is a web address; never a javascript: or data: link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
