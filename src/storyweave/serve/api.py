"""The JSON API: POST /articles, GET /stories, /stories/{id}, /stories/{id}/brief, /health."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from .. import __version__
from ..config import Config
from ..embed import EMBEDDERS
from ..errors import InputError
from ..read.jsonl import jsonl_articles
from ..stream.store import Store, StoryInfo, utcnow
from .access import require
from .body import BatchIn, parse_batch, read_limited

STORY_ID = r"^[A-Za-z0-9_~-]{1,64}$"  # what the store's ids look like: no dots, no slashes
MEDIA = {"json": "application/json", "md": "text/markdown", "html": "text/html"}
PAGE_MAX = 200


class ArticleOutcome(BaseModel):
    """What became of one article of a batch (index: its place in the request, from 0)."""

    index: int
    status: Literal["stored", "duplicate", "rejected"]
    id: str | None = None
    copy_of: str | None = None  # stored, and a copy (syndicated, lightly edited) of this one
    duplicate_of: str | None = None  # not stored: the store already holds this article
    reason: str | None = None


class IngestOut(BaseModel):
    """The answer to POST /articles: counts, the stories changed, and one outcome per article."""

    stored: int
    duplicates: int
    rejected: int
    stories: list[str]
    results: list[ArticleOutcome]


def store_of(request: Request) -> Store:
    """The store the app serves."""
    store: Store = request.app.state.store
    return store


def reader(request: Request) -> None:
    """Reads are open unless the server was started private."""
    opts = request.app.state.options
    if opts.private:
        require(request, opts.token, "reading this server", cookie=True)


def writer(request: Request) -> None:
    """Writes need the token whenever one is configured."""
    require(request, request.app.state.options.token, "POST /articles")


StoryId = Annotated[
    str,
    Path(
        pattern=STORY_ID,
        description="a story id as GET /stories lists it",
        examples=["3f2a9c01b7de"],
    ),
]
router = APIRouter()


@router.get("/health", summary="Whether the server and its store answer")
def health(request: Request) -> dict[str, Any]:
    """`ok` and the version, once the store has answered a query."""
    store_of(request).counts()  # touches the store: a broken one fails here, not silently
    return {"status": "ok", "version": __version__}


@router.post(
    "/articles",
    response_model=IngestOut,
    dependencies=[Depends(writer)],
    summary="Add a batch of articles to the store",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": BatchIn.model_json_schema()}},
        }
    },
)
async def post_articles(request: Request) -> IngestOut:
    """Store a batch in one transaction; answer per article: stored, duplicate, or rejected."""
    limits = request.app.state.options.limits
    data = await read_limited(
        request.stream(), request.headers.get("content-length"), limits.max_bytes
    )
    batch = parse_batch(data, request.headers.get("content-type"), limits)
    return await run_in_threadpool(ingest_batch, store_of(request), batch)


def ingest_batch(store: Store, batch: BatchIn) -> IngestOut:
    """Read the batch as the JSONL reader reads lines, ingest it whole, and map the report back."""
    prefix = f"POST /articles {utcnow():%Y-%m-%dT%H:%M:%S.%fZ}"
    lines = [json.dumps(a.model_dump(exclude_none=True)) for a in batch.articles]
    articles, unreadable = jsonl_articles(lines, prefix=prefix, default_source="unknown-outlet")
    place = {f"{prefix} line {i}": i - 1 for i in range(1, len(lines) + 1)}
    out: dict[int, ArticleOutcome] = {}
    for s in unreadable:
        out[place[s.input]] = ArticleOutcome(index=place[s.input], status="rejected", reason=s.reason)
    report = store.ingest(articles, batch_size=max(1, len(articles)))
    by_id = {a.id: place[a.origin] for a in articles}
    copies = {n.article_id: n.duplicate_of for n in report.near_duplicates}
    for aid in report.stored:
        out[by_id[aid]] = ArticleOutcome(
            index=by_id[aid], status="stored", id=aid, copy_of=copies.get(aid)
        )
    for d in report.duplicates:
        i = place[d.input]
        out[i] = ArticleOutcome(
            index=i, status="duplicate", id=d.article_id, duplicate_of=d.existing_id,
            reason=d.reason,
        )  # fmt: skip
    for s in report.skipped:
        out[place[s.input]] = ArticleOutcome(index=place[s.input], status="rejected", reason=s.reason)
    results = [out[i] for i in sorted(out)]
    return IngestOut(
        stored=len(report.stored),
        duplicates=len(report.duplicates),
        rejected=sum(r.status == "rejected" for r in results),
        stories=sorted(report.stories),
        results=results,
    )


@router.get("/stories", dependencies=[Depends(reader)], summary="List stories, newest first")
def list_stories(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=200, description="words in a headline, title or outlet")
    ] = None,
    since: Annotated[
        str | None, Query(max_length=40, description="changed since: 30m, 12h, 2d, 1w or a date")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    members: Annotated[bool, Query(description="list each story's articles")] = False,
) -> dict[str, Any]:
    """A page of stories (most recently updated first) and the offset of the next page."""
    found = store_of(request).stories(
        since, limit=limit + 1, offset=offset, members=members, text=q
    )
    return {
        "stories": [_story_dict(s, members) for s in found[:limit]],
        "next_offset": offset + limit if len(found) > limit else None,
    }


def _story_dict(s: StoryInfo, members: bool) -> dict[str, Any]:
    d = s.to_dict()
    if not members:
        del d["articles"]
    return d


def story_or_404(store: Store, story_id: str) -> StoryInfo:
    """The story, or a 404 that says where to find the ids."""
    try:
        return store.story(story_id)
    except InputError as e:
        raise HTTPException(404, detail=str(e)) from None


@router.get("/stories/{story_id}", dependencies=[Depends(reader)], summary="One story")
def get_story(request: Request, story_id: StoryId) -> dict[str, Any]:
    """A story's counts, times and articles (copies marked with the article they copy)."""
    return story_or_404(store_of(request), story_id).to_dict()


def brief_config(
    request: Request,
    words: Annotated[int | None, Query(ge=20, le=5000, description="summary length budget")] = None,
    embedder: Annotated[
        str | None, Query(description=f"one of: {', '.join(EMBEDDERS)}")
    ] = None,
    analysis: Annotated[
        bool | None, Query(description="entities, quotes, claims, timeline (false: summary only)")
    ] = None,
    strict: Annotated[bool | None, Query(description="any skipped input is fatal")] = None,
) -> Config:
    """The brief's options: Config's fields one to one, the server's defaults where not given."""
    if embedder is not None and embedder not in EMBEDDERS:
        # a path or hub name would load files or download: only the registered ones over HTTP
        raise HTTPException(
            422, detail=f"query parameter embedder: no embedder {embedder!r}; "
            f"available: {', '.join(EMBEDDERS)}",
        )  # fmt: skip
    given: dict[str, Any] = {"words": words, "embedder": embedder, "analysis": analysis, "strict": strict}
    base: Config = request.app.state.options.config
    return replace(base, **{k: v for k, v in given.items() if v is not None})


@router.get(
    "/stories/{story_id}/brief",
    dependencies=[Depends(reader)],
    summary="A story's cited brief",
    responses={200: {"content": {m: {} for m in MEDIA.values()}}},
)
def get_brief(
    request: Request,
    story_id: StoryId,
    config: Annotated[Config, Depends(brief_config)],
    format: Annotated[Literal["json", "md", "html"], Query()] = "json",
) -> Response:
    """The brief as JSON, Markdown or a self-contained HTML page; cached until the story changes."""
    store = store_of(request)
    try:
        body = store.brief(story_id, format, config=config)
    except InputError as e:
        raise HTTPException(404, detail=str(e)) from None
    return Response(body, media_type=f"{MEDIA[format]}; charset=utf-8")
