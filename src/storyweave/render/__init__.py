"""Render a Brief as JSON, Markdown or one self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import unknown_choice
from ..model import Brief
from .html import to_html
from .json import to_dict, to_json
from .markdown import to_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": to_json,
    "md": to_markdown,
    "markdown": to_markdown,
    "html": to_html,
}


def render(brief: Brief, fmt: str = "md") -> str:
    """The brief as text in one of RENDERERS' formats."""
    try:
        fn = RENDERERS[fmt]
    except KeyError:
        raise unknown_choice("output format", fmt, list(RENDERERS)) from None
    return fn(brief)


__all__ = ["RENDERERS", "render", "to_dict", "to_html", "to_json", "to_markdown"]
