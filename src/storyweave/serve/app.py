"""The FastAPI app: the JSON API and the web page over one story store, with its guards."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Config
from ..errors import StoryweaveError
from ..stream.store import Store
from . import api, pages
from .body import BodyError, Limits

# the page runs only its own script file: inline scripts and javascript: links never run
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        b"img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


@dataclass(frozen=True)
class ServeOptions:
    """How the server guards and answers: token, private reads, body limits, brief defaults."""

    token: str | None = None
    private: bool = False  # reads need the token too
    limits: Limits = field(default_factory=Limits)
    config: Config = field(default_factory=Config)  # brief options a request does not give


def create_app(store: Store, options: ServeOptions | None = None) -> FastAPI:
    """The app serving a store; the caller opens and closes the store."""
    app = FastAPI(
        title="storyweave",
        version=__version__,
        description="Stories from many news articles, each with a cited brief.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json stays
        redoc_url=None,
        openapi_url=None,  # served below, behind the read guard of a private server
    )

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(api.reader)])
    def openapi() -> dict[str, Any]:
        return app.openapi()

    app.state.store = store
    app.state.options = options or ServeOptions()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    _errors(app)
    app.add_middleware(SecurityHeaders)
    return app


def _errors(app: FastAPI) -> None:
    """Every refusal is JSON {"detail": "..."} saying what to fix."""

    @app.exception_handler(BodyError)
    async def _body(_: Request, exc: BodyError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=exc.status)

    @app.exception_handler(StoryweaveError)
    async def _core(_: Request, exc: StoryweaveError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _describe(exc.errors())}, status_code=422)


def _describe(errors: Any) -> str:
    """FastAPI's parameter errors as one readable line each: 'query parameter words: ...'."""
    out = []
    for err in list(errors)[:10]:
        loc = [str(x) for x in err.get("loc", ())]
        kind = {"query": "query parameter", "path": "path part"}.get(loc[0] if loc else "", "")
        name = ".".join(loc[1:]) if kind else ".".join(loc)
        msg = err.get("msg", "is not valid")
        if name == "story_id":
            msg = "is not a story id: ids are letters, digits, '-', '_' and '~' (see GET /stories)"
        out.append(f"{kind} {name}: {msg}".strip())
    return "; ".join(out)


class SecurityHeaders:
    """Adds the security headers to every response (plain ASGI: no per-request task)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on; add the headers as the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)
