"""The web page: the story list and a story's brief, server-rendered, readable without JavaScript."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import ConfigError
from ..stream.store import StoryInfo, utcnow
from .access import COOKIE, matches, presented
from .api import STORY_ID, store_of, story_or_404

PAGE_SIZE = 50
SINCE_CHOICES = [("", "any time"), ("1h", "last hour"), ("12h", "last 12 hours"),
                 ("1d", "last day"), ("1w", "last week"), ("4w", "last 4 weeks")]  # fmt: skip
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_MAIN = re.compile(r"<main>(.*)</main>", re.S)

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyweave.serve", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ago"] = ago
    env.filters["when"] = lambda d: d.strftime("%Y-%m-%d %H:%M UTC")
    return env


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env().get_template(name).render(**context), status_code=status)


def ago(d: datetime, now: datetime | None = None) -> str:
    """A time as a reader says it: 'just now', '5 min ago', '3 h ago', '2 days ago', a date."""
    s = ((now or utcnow()) - d).total_seconds()
    if s < 60:
        return "just now"
    if s < 3600:
        return f"{int(s // 60)} min ago"
    if s < 86400:
        return f"{int(s // 3600)} h ago"
    if s < 14 * 86400:
        days = int(s // 86400)
        return f"{days} day{'s' if days > 1 else ''} ago"
    return d.strftime("%d %b %Y")


def _allowed(request: Request) -> bool:
    opts = request.app.state.options
    return not opts.private or matches(presented(request, cookie=True), opts.token)


def _login(request: Request) -> HTMLResponse:
    return _page("login.html.j2", 401, next=request.url.path)


def outlets(s: StoryInfo) -> list[str]:
    """The story's outlets, each once, in the order they first reported."""
    return list(dict.fromkeys(a.outlet for a in s.members))


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=40)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The newest stories, filtered by words and time, a page at a time."""
    if not _allowed(request):
        return _login(request)
    error = None
    try:
        found = store_of(request).stories(
            since or None, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE,
            members=True, text=q or None,
        )  # fmt: skip
    except ConfigError as e:
        found, error = [], str(e)
    return _page(
        "stories.html.j2",
        400 if error else 200,
        stories=found[:PAGE_SIZE],
        outlets=outlets,
        q=q,
        since=since,
        since_choices=SINCE_CHOICES,
        error=error,
        prev_link=list_link(q, since, page - 1) if page > 1 else None,
        next_link=list_link(q, since, page + 1) if len(found) > PAGE_SIZE else None,
        page=page,
    )


def list_link(q: str, since: str, page: int) -> str:
    """The list page's address for a filter and a page number."""
    params = {"q": q, "since": since, "page": str(page) if page > 1 else ""}
    return "/?" + urlencode({k: v for k, v in params.items() if v})


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    """A story's brief inside the site's frame, with its outlets and times."""
    if not _allowed(request):
        return _login(request)
    if not re.fullmatch(STORY_ID, story_id):
        return _page("missing.html.j2", 404, story_id=story_id, malformed=True)
    store = store_of(request)
    try:
        story = story_or_404(store, story_id)
    except HTTPException:
        return _page("missing.html.j2", 404, story_id=story_id, malformed=False)
    html = store.brief(story_id, "html", config=request.app.state.options.config)
    style, main = split_brief(html)
    return _page(
        "story.html.j2", story=story, outlets=outlets(story), brief_style=style, brief_main=main
    )


def split_brief(html: str) -> tuple[str, str]:
    """The style sheet and the <main> of a rendered HTML brief (its text is escaped inside)."""
    style, main = _STYLE.search(html), _MAIN.search(html)
    return (style.group(1) if style else ""), (main.group(1) if main else "")


@router.post("/login")
async def login(request: Request) -> Response:
    """Keep the token in an HttpOnly cookie so a browser can read a private server."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    token = (form.get("token") or [""])[0]
    target = (form.get("next") or ["/"])[0]
    if not target.startswith("/") or target.startswith("//"):
        target = "/"  # only this site's own pages: never an open redirect
    opts = request.app.state.options
    if opts.token is None or not matches(token, opts.token):
        return _page("login.html.j2", 401, next=target, failed=True)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", max_age=30 * 86400)
    return response
