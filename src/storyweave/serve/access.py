"""Who may call what: bearer tokens, compared in constant time, never logged or echoed."""

from __future__ import annotations

import hmac
import ipaddress
from pathlib import Path

from fastapi import HTTPException, Request

from ..errors import ConfigError

COOKIE = "storyweave_token"  # the page's login keeps the token here (HttpOnly, SameSite=Strict)


def is_loopback(host: str) -> bool:
    """Whether binding to this host keeps the server on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(path: str | Path) -> str:
    """The token in a file (its first line), refused when the file is missing or too short."""
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(
            f"cannot be read ({type(e).__name__})",
            input=f"--token-file {path}",
            hint="write a long random token on its first line, e.g. `openssl rand -hex 32 > FILE`",
        ) from None
    token = lines[0].strip() if lines else ""
    if len(token) < 16:
        raise ConfigError(
            "holds a token shorter than 16 characters",
            input=f"--token-file {path}",
            hint="use a long random one, e.g. `openssl rand -hex 32 > FILE`",
        )
    return token


def check_binding(host: str, token: str | None) -> None:
    """Refuse to serve beyond this machine without a token."""
    if token is None and not is_loopback(host):
        raise ConfigError(
            f"--host {host} lets other machines write to the store, so a token is required",
            hint="give --token-file FILE, or bind to 127.0.0.1",
        )


def matches(given: str | None, token: str) -> bool:
    """Whether a presented token is the token, in time that does not depend on where they differ."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def presented(request: Request, *, cookie: bool) -> str | None:
    """The token a request carries: `Authorization: Bearer ...`, else (reads) the login cookie."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" else None
    # writes take the header only: a cookie rides along on requests other sites make
    return request.cookies.get(COOKIE) if cookie else None


def require(request: Request, token: str | None, what: str, *, cookie: bool = False) -> None:
    """Raise 401 unless the request carries the token (when one is configured)."""
    if token is None or matches(presented(request, cookie=cookie), token):
        return
    raise HTTPException(
        status_code=401,
        detail=f"{what} needs the server's token: send the header 'Authorization: Bearer TOKEN' "
        "(the token is in the file given to --token-file)",
        headers={"WWW-Authenticate": "Bearer"},
    )
