"""One self-contained HTML page for a Brief (the web page uses the same template)."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from ..model import Brief


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
    return _env().get_template("brief.html.j2").render(b=b, num=b.number)
