"""Fetching pages and feeds politely over http(s), with httpx.

    with Fetcher(FetchConfig(min_interval=2.0)) as fetcher:
        page = fetcher.fetch("https://news.example/a/1")       # -> Fetched
        html = page_text(page)

What a Fetcher does on every request: http and https only; robots.txt honoured (fetched once
per host, kept a day; a server error there means "disallow", RFC 9309); a minimum interval
between two requests to one host (or the host's Crawl-delay, if longer); a User-Agent naming
storyweave and its version; connect and read timeouts plus a deadline for the whole body;
redirects followed by hand, at most `max_redirects`, each hop checked like the first, a loop
named as one; the body streamed and abandoned past `max_bytes`; the content type checked
against what the caller accepts. With `conditional=True` the response's ETag/Last-Modified is
kept and sent on the next fetch of the URL; a 304 gives back the kept body with
`not_modified=True` (feeds re-read by `watch`). `fetch_many` asks several hosts at once
(threads), each host's URLs one after another.

Every failure raises FetchError, an InputError whose `input` is the URL asked for and whose
reason says what went wrong and what to do; readers turn it into a Skipped.
Clock and sleep are injectable so tests check the rate limit without waiting.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from types import TracebackType
from typing import TypeVar
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..errors import InputError
from ._common import Unreadable, decode, human_size

USER_AGENT = f"storyweave/{__version__} (news brief builder; python-httpx/{httpx.__version__})"

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        # servers often label feeds loosely; feedparser decides what they are
        "text/plain",
        "application/octet-stream",
    }
)
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
ROBOTS_TTL = 24 * 3600.0  # RFC 9309: a cached robots.txt should not be used for over a day
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay longer than this would stall a whole batch
# a watch runs for months: what a Fetcher remembers per URL is bounded, the oldest forgotten
KEPT_BODIES = 1_000  # responses kept for conditional GET (the feeds a watch re-reads)
KEPT_REDIRECTS = 20_000  # where redirected links led (a feed's tracking links to stored pages)

_V = TypeVar("_V")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class FetchError(InputError):
    """A URL that could not be fetched; `input` is the URL, the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How politely and how far a Fetcher goes."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two chunks of a response
    total_timeout: float = 60.0  # longest time for one response, body included
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    min_interval: float = 1.0  # seconds between two requests to one host
    hosts_at_once: int = 8  # fetch_many: hosts fetched in parallel, one request at a time each
    robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body with where it came from."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None  # media type, lower case, without parameters
    charset: str | None  # from the Content-Type header
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # a 304: body is the one kept from the last fetch


class _Recent(OrderedDict[str, _V]):
    """A dict of at most `size` entries by URL; writing one past that forgets the oldest."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: str, value: _V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


@dataclass(frozen=True, slots=True)
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed (no robots.txt)
    disallow_all: str | None  # the reason when the server could not say
    read_at: float


class Fetcher:
    """Fetches URLs one at a time, keeping per-host robots.txt, rate limit and validators."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.config = config or FetchConfig()
        self._client = client
        self._own_client = client is None
        self._clock = clock
        self._sleep = sleep
        self._next_at: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self._kept: _Recent[Fetched] = _Recent(KEPT_BODIES)
        # where a redirected URL ended, so watch knows a feed's tracking link is a stored page
        self.redirects: _Recent[str] = _Recent(KEPT_REDIRECTS)
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client when this Fetcher made it."""
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        """The httpx client, made on first use so that an unused Fetcher costs nothing."""
        if self._client is None:
            self._client = httpx.Client(follow_redirects=False)
        return self._client

    def fetch(
        self, url: str, *, accept: Collection[str] = PAGE_TYPES, conditional: bool = False
    ) -> Fetched:
        """The body at `url` after redirects; FetchError naming the URL on any failure."""
        current = url
        seen = [url]
        for _ in range(self.config.max_redirects + 1):
            _check_scheme(url, current)
            self._check_robots(url, current)
            result = self._get(url, current, accept, conditional)
            if isinstance(result, Fetched):
                if current != url:
                    self.redirects[url] = current
                return result
            current = result
            if current in seen:
                chain = " -> ".join([*seen[seen.index(current) :], current])
                raise FetchError(
                    f"redirects in a loop ({chain}); the site is misconfigured, skip it",
                    input=url,
                )
            seen.append(current)
        raise FetchError(
            f"redirected more than {self.config.max_redirects} times (last to {current}); "
            "give the final address instead",
            input=url,
        )

    def fetch_many(
        self, urls: Iterable[str], *, accept: Collection[str] = PAGE_TYPES
    ) -> dict[str, Fetched | FetchError]:
        """Each URL's Fetched or FetchError; hosts in parallel, each host's URLs in turn."""
        by_host: dict[str, list[str]] = {}
        for url in dict.fromkeys(urls):
            by_host.setdefault(_host(url), []).append(url)
        results: dict[str, Fetched | FetchError] = {}

        def one_host(host_urls: list[str]) -> None:
            for url in host_urls:
                try:
                    results[url] = self.fetch(url, accept=accept)
                except FetchError as e:
                    results[url] = e

        if len(by_host) <= 1:
            for host_urls in by_host.values():
                one_host(host_urls)
            return results
        workers = max(1, min(self.config.hosts_at_once, len(by_host)))
        with ThreadPoolExecutor(workers, thread_name_prefix="storyweave-fetch") as pool:
            for done in [pool.submit(one_host, u) for u in by_host.values()]:
                done.result()  # anything but a FetchError is a bug: let it surface
        return results

    def _get(
        self, url: str, current: str, accept: Collection[str], conditional: bool
    ) -> Fetched | str:
        """One request: a Fetched, or the absolute URL a redirect points to."""
        kept = self._kept.get(current) if conditional else None
        self._wait_turn(current)
        try:
            with self.client.stream(
                "GET",
                current,
                headers=self._headers(kept),
                timeout=self._timeout(),
                follow_redirects=False,
            ) as response:
                if response.has_redirect_location:
                    return urljoin(current, response.headers["location"])
                if response.status_code == 304 and kept is not None:
                    return replace(kept, url=url, not_modified=True)
                _check_status(url, response.status_code)
                ctype, charset = _content_type(response.headers.get("content-type"))
                _check_type(url, ctype, accept)
                body = self._read_body(url, response, self.config.max_bytes)
        except httpx.TimeoutException as e:
            raise FetchError(_timeout_reason(e, self.config), input=url) from None
        except httpx.HTTPError as e:
            raise FetchError(
                f"could not be fetched ({type(e).__name__}: {e or 'no detail'}); "
                "check the address and that the site is up",
                input=url,
            ) from None
        fetched = Fetched(
            url=url,
            final_url=current,
            status=response.status_code,
            content_type=ctype,
            charset=charset,
            body=body,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        if conditional and (fetched.etag or fetched.last_modified):
            self._kept[current] = fetched
        return fetched

    def _headers(self, kept: Fetched | None) -> dict[str, str]:
        """Request headers: who we are, and the validators of a kept copy."""
        headers = {"User-Agent": self.config.user_agent}
        if kept is not None and kept.etag:
            headers["If-None-Match"] = kept.etag
        if kept is not None and kept.last_modified:
            headers["If-Modified-Since"] = kept.last_modified
        return headers

    def _timeout(self) -> httpx.Timeout:
        """Connect and read limits for one request."""
        c = self.config
        return httpx.Timeout(c.read_timeout, connect=c.connect_timeout)

    def _read_body(self, url: str, response: httpx.Response, limit: int) -> bytes:
        """The body, streamed, refused once it passes `limit` bytes or the deadline."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(_too_big(int(declared), limit), input=url)
        deadline = time.monotonic() + self.config.total_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(_too_big(size, limit, stopped=True), input=url)
            if time.monotonic() > deadline:
                raise FetchError(
                    f"took over {self.config.total_timeout:g} s to send its "
                    f"{human_size(size)} so far; the server is too slow, try again later",
                    input=url,
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        """Book this host's next free slot, then sleep until it comes."""
        host = _host(url)
        # booking under a lock keeps two threads (a redirect to a host another thread is
        # fetching from) from taking the same slot
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_at.get(host, now))
            self._next_at[host] = slot + self._interval(url)
        if slot > now:
            self._sleep(slot - now)

    def _interval(self, url: str) -> float:
        """The gap between two requests to a host: ours, or its Crawl-delay when longer."""
        robots = self._robots.get(_origin(url))
        delay = None
        if robots is not None and robots.parser is not None:
            delay = robots.parser.crawl_delay(self.config.user_agent)
        if delay is None:
            return self.config.min_interval
        return max(self.config.min_interval, min(float(delay), MAX_CRAWL_DELAY))

    def _check_robots(self, url: str, current: str) -> None:
        """FetchError when the host's robots.txt keeps storyweave away from `current`."""
        if not self.config.robots:
            return
        robots = self._robots_for(current)
        if robots.disallow_all is not None:
            raise FetchError(robots.disallow_all, input=url)
        if robots.parser is not None and not robots.parser.can_fetch(
            self.config.user_agent, current
        ):
            raise FetchError(
                f"{_robots_url(current)} disallows storyweave from fetching "
                f"{urlsplit(current).path or '/'}; the site asks crawlers to keep away",
                input=url,
            )

    def _robots_for(self, url: str) -> _Robots:
        """The host's robots.txt, read once a day."""
        origin = _origin(url)
        robots = self._robots.get(origin)
        if robots is None or self._clock() - robots.read_at > ROBOTS_TTL:
            robots = self._read_robots(url)
            self._robots[origin] = robots
        return robots

    def _read_robots(self, url: str) -> _Robots:
        """Fetch and parse robots.txt: 4xx allows everything, 5xx or no answer allows nothing."""
        robots_url = _robots_url(url)
        self._wait_turn(robots_url)
        now = self._clock()
        try:
            with self.client.stream(
                "GET",
                robots_url,
                headers={"User-Agent": self.config.user_agent},
                timeout=self._timeout(),
                follow_redirects=True,
            ) as response:
                status = response.status_code
                body = b"" if status >= 400 else self._read_body(url, response, ROBOTS_MAX_BYTES)
        except (httpx.HTTPError, FetchError) as e:
            reason = e.reason if isinstance(e, FetchError) else type(e).__name__
            return _Robots(None, _unreachable(robots_url, reason), now)
        if status >= 500:
            return _Robots(None, _unreachable(robots_url, f"HTTP {status}"), now)
        if status >= 400:
            return _Robots(None, None, now)
        parser = RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return _Robots(parser, None, now)


def page_text(fetched: Fetched) -> str:
    """The text of a fetched page: a BOM, the header's charset, a <meta> charset, then a guess."""
    body = fetched.body
    declared = [] if body.startswith(_BOMS) else [fetched.charset, _meta_charset(body)]
    for name in declared:
        if not name:
            continue
        try:
            text = body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue  # a wrong or unknown label: let the bytes speak for themselves
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        if text.strip():
            return text
    try:
        return decode(body)
    except Unreadable as e:
        raise FetchError(str(e), input=fetched.url) from None


def _meta_charset(body: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def _check_scheme(url: str, current: str) -> None:
    """Only http and https: a file: or ftp: link (or a redirect to one) is refused."""
    parts = urlsplit(current)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        where = "" if current == url else f" (redirected to {current})"
        raise FetchError(
            f"is not an http(s) address{where}; storyweave fetches only http and https",
            input=url,
        )


def _check_status(url: str, status: int) -> None:
    """FetchError for an HTTP error status, saying what it usually means."""
    if status < 400:
        return
    meaning = {
        401: "needs a login",
        403: "is forbidden to us",
        404: "was not found",
        410: "is gone",
        429: "the site says we ask too often; try again later",
    }.get(status, "the server failed; try again later" if status >= 500 else "was refused")
    raise FetchError(f"HTTP {status}: {meaning}", input=url)


def _check_type(url: str, ctype: str | None, accept: Collection[str]) -> None:
    """FetchError when the server says the body is something the caller cannot read."""
    if ctype is None or _accepted(ctype, accept):
        return
    raise FetchError(
        f"is {ctype}, not one of {', '.join(sorted(accept))}; give the address of an "
        "HTML page or an RSS/Atom feed",
        input=url,
    )


def _accepted(ctype: str, accept: Collection[str]) -> bool:
    """Whether a media type is one the caller reads, or a common spelling of one.

    Feeds are served under pre-registration names (application/x-rss+xml, x-atom+xml) and under
    either top type (text/rss+xml): an "x-" subtype counts as its plain name, and an XML
    subtype under application/ as under text/ and back.
    """
    if ctype in accept:
        return True
    top, _, sub = ctype.partition("/")
    sub = sub.removeprefix("x-")
    tops = ("application", "text") if sub == "xml" or sub.endswith("+xml") else (top,)
    return any(f"{t}/{sub}" in accept for t in tops)


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """Media type and charset from a Content-Type header."""
    if not header:
        return None, None
    media, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def _timeout_reason(error: httpx.TimeoutException, config: FetchConfig) -> str:
    """Why a request timed out, in the user's terms."""
    if isinstance(error, httpx.ConnectTimeout):
        return (
            f"did not accept a connection within {config.connect_timeout:g} s (timeout); "
            "check the address, or try again later"
        )
    return (
        f"sent nothing for {config.read_timeout:g} s (read timeout); the server is slow or "
        "down, try again later"
    )


def _too_big(size: int, limit: int, *, stopped: bool = False) -> str:
    """The reason for a body over the size limit."""
    what = (
        f"sent over {human_size(limit)} (stopped reading)"
        if stopped
        else (f"is {human_size(size)}")
    )
    return f"{what}; storyweave fetches up to {human_size(limit)}: raise max_bytes to read it"


def _unreachable(robots_url: str, why: str) -> str:
    """The reason when robots.txt cannot be read, which RFC 9309 treats as 'disallow all'."""
    return (
        f"{robots_url} could not be read ({why}), which means 'keep away' until it can; "
        "try again later"
    )


def _origin(url: str) -> str:
    """Scheme, host and port: the unit a robots.txt applies to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{parts.port or ''}"


def _host(url: str) -> str:
    """Host and port: the unit the rate limit applies to, whatever the scheme."""
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"


def _robots_url(url: str) -> str:
    """The robots.txt address for a URL's host."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"
