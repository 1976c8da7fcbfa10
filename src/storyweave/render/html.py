"""One self-contained HTML page for a Brief (the web page uses the same template)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import jinja2

from ..model import Brief, SummarySentence


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
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

    def cited(s: SummarySentence, article_id: str) -> str:
        if article_id == s.article_id:
            return s.text
        for claim_id in s.claims:
            claim = claims.get(claim_id)
            for ev in claim.evidence if claim else ():
                if ev.article_id == article_id:
                    return ev.text
        return ""  # cited for the same information, worded too differently to pin down

    return cited


def web_url(url: str | None) -> str | None:
    """The URL when it is a web address; never a javascript: or data: link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
