"""Fetching against a local HTTP server on 127.0.0.1: limits, robots.txt, rate limit, encodings."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from storyweave import __version__
from storyweave.errors import InputError
from storyweave.read.fetch import FEED_TYPES, FetchConfig, Fetcher, FetchError, page_text

PAGE = (
    b"<html><head><title>Bridge closes</title></head><body><article>"
    b"<h1>Bridge closes</h1><p>The old bridge closed on Monday after inspectors found cracks "
    b"in two of its piers, the council said.</p></article></body></html>"
)


@dataclass
class Reply:
    """What the test server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds to wait before answering
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes
    drip: float = 0.0  # seconds between 1 KB pieces of the body (a slow server)
    meet: threading.Barrier | None = None  # answer only once another request waits here too


class Server:
    """A threaded HTTP server on 127.0.0.1 answering from a table of paths; logs each request."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # a handler still sleeping must not hold up teardown
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Reply(data, **kwargs)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            server.log.append((self.path, dict(self.headers)))
            reply = server.routes.get(self.path, Reply(b"missing", status=404))
            time.sleep(reply.delay)
            if reply.meet is not None:
                try:
                    reply.meet.wait()
                except threading.BrokenBarrierError:
                    reply = Reply(b"nobody came", status=500)
            etag = reply.headers.get("ETag")
            status = 304 if etag and self.headers.get("If-None-Match") == etag else reply.status
            try:
                self.send_response(status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if reply.send_length:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if status != 304:
                    _write(self.wfile, reply.body, reply.drip)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on purpose (size limit, timeout)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def _write(out, body: bytes, drip: float) -> None:
    """Send the body at once, or a kilobyte at a time with pauses."""
    if not drip:
        out.write(body)
        return
    for start in range(0, len(body), 1024):
        out.write(body[start : start + 1024])
        out.flush()
        time.sleep(drip)


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.close()


def quick(**kwargs) -> Fetcher:
    """A Fetcher with short timeouts and no waiting between requests."""
    options = {"min_interval": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0, **kwargs}
    return Fetcher(FetchConfig(**options))


class FakeClock:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_fetches_a_page_naming_storyweave_in_the_user_agent(server):
    url = server.add("/news/bridge", PAGE)
    with quick() as fetcher:
        got = fetcher.fetch(url)
    assert "inspectors found cracks" in page_text(got)
    assert got.status == 200 and got.content_type == "text/html" and got.final_url == url
    agent = server.log[-1][1]["User-Agent"]
    assert agent.startswith(f"storyweave/{__version__}")


def test_a_page_that_times_out_is_an_input_error_naming_the_url(server):
    url = server.add("/slow", PAGE, delay=1.5)
    with quick(read_timeout=0.3) as fetcher, pytest.raises(InputError) as err:
        fetcher.fetch(url)
    assert err.value.input == url
    assert "timeout" in err.value.reason


@pytest.mark.parametrize("send_length", [True, False])
def test_a_page_over_the_size_limit_is_refused(server, send_length):
    url = server.add("/huge", b"<html>" + b"x" * 300_000, send_length=send_length)
    with quick(max_bytes=100_000) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert err.value.input == url
    assert "up to 98 KB" in err.value.reason and "max_bytes" in err.value.reason


def test_a_redirect_is_followed_and_a_loop_is_named(server):
    target = server.add("/final", PAGE)
    start = server.add("/moved", status=301, headers={"Location": "/final"})
    server.add("/a", status=302, headers={"Location": "/b"})
    server.add("/b", status=302, headers={"Location": server.url("/a")})
    with quick() as fetcher:
        assert fetcher.fetch(start).final_url == target
        with pytest.raises(FetchError) as err:
            fetcher.fetch(server.url("/a"))
    assert "loop" in err.value.reason and err.value.input == server.url("/a")


def test_redirects_are_bounded(server):
    for i in range(8):
        server.add(f"/hop{i}", status=302, headers={"Location": f"/hop{i + 1}"})
    server.add("/hop8", PAGE)
    with quick(max_redirects=3) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(server.url("/hop0"))
    assert "more than 3 times" in err.value.reason
    assert server.hits("/hop4") == 0


def test_robots_txt_is_honoured_and_read_once_per_host(server):
    rules = "User-agent: *\nDisallow: /private/\n\nUser-agent: storyweave\nDisallow: /drafts/\n"
    server.add("/robots.txt", rules, headers={"Content-Type": "text/plain"})
    open_url = server.add("/public/a", PAGE)
    server.add("/private/a", PAGE)
    server.add("/drafts/a", PAGE)
    with quick() as fetcher:
        fetcher.fetch(open_url)
        # a group naming storyweave replaces the '*' group for it (RFC 9309)
        fetcher.fetch(server.url("/private/a"))
        with pytest.raises(FetchError) as err:
            fetcher.fetch(server.url("/drafts/a"))
    assert "robots.txt disallows storyweave from fetching /drafts/a" in err.value.reason
    assert server.hits("/robots.txt") == 1
    assert server.hits("/drafts/a") == 0


def test_robots_txt_missing_allows_and_a_server_error_there_disallows(server):
    url = server.add("/page", PAGE)
    with quick() as fetcher:
        assert fetcher.fetch(url).status == 200  # no /robots.txt: 404
    server.add("/robots.txt", "oops", status=503, headers={"Content-Type": "text/plain"})
    with quick() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert "robots.txt could not be read (HTTP 503)" in err.value.reason


def test_requests_to_one_host_are_spaced_and_other_hosts_are_not_held_up(server):
    clock = FakeClock()
    seen: list[tuple[str, str, float]] = []

    def record(request: httpx.Request) -> None:
        seen.append((request.url.host, request.url.path, clock.now))

    pages = [server.add(f"/p{i}", PAGE) for i in range(3)]
    other = server.url("/p0", host="localhost")
    client = httpx.Client(event_hooks={"request": [record]})
    config = FetchConfig(min_interval=5.0)
    with client, Fetcher(config, client=client, clock=clock, sleep=clock.sleep) as fetcher:
        for url in [pages[0], other, pages[1], pages[2]]:
            fetcher.fetch(url)
    local = [t for host, path, t in seen if host == "127.0.0.1"]
    assert [p for h, p, _ in seen if h == "127.0.0.1"] == ["/robots.txt", "/p0", "/p1", "/p2"]
    assert all(b - a >= 5.0 for a, b in zip(local, local[1:], strict=False))
    first_other = next(t for host, _, t in seen if host == "localhost")
    assert first_other == local[1]  # the other host went at once, between two waits


def test_crawl_delay_longer_than_ours_is_used(server):
    clock = FakeClock()
    server.add(
        "/robots.txt", "User-agent: *\nCrawl-delay: 30\n", headers={"Content-Type": "text/plain"}
    )
    urls = [server.add(f"/c{i}", PAGE) for i in range(2)]
    with Fetcher(FetchConfig(min_interval=1.0), clock=clock, sleep=clock.sleep) as fetcher:
        for url in urls:
            fetcher.fetch(url)
    assert clock.now >= 30.0


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file", "file:///etc/passwd", "javascript:x"])
def test_only_http_and_https(url):
    with quick() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert "only http and https" in err.value.reason and err.value.input == url


def test_a_redirect_to_another_scheme_is_refused(server):
    url = server.add("/sneaky", status=302, headers={"Location": "file:///etc/passwd"})
    with quick() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert "redirected to file:///etc/passwd" in err.value.reason


def test_http_errors_and_wrong_content_types_are_reported(server):
    image = server.add("/photo", b"\x89PNG....", headers={"Content-Type": "image/png"})
    with quick() as fetcher:
        with pytest.raises(FetchError) as err:
            fetcher.fetch(server.url("/nowhere"))
        assert err.value.reason.startswith("HTTP 404")
        with pytest.raises(FetchError) as err:
            fetcher.fetch(image)
        assert "is image/png" in err.value.reason
        assert fetcher.fetch(server.add("/f", "<rss/>", headers={}), accept=FEED_TYPES).body


@pytest.mark.parametrize(
    "headers, head",
    [
        ({"Content-Type": "text/html; charset=windows-1252"}, ""),
        ({"Content-Type": "text/html"}, '<meta charset="iso-8859-1">'),
    ],
)
def test_a_page_in_a_legacy_encoding_is_decoded(server, headers, head):
    html = f"<html><head>{head}</head><body><p>Caf\u00e9 owners \u00bbwelcome\u00ab it.</p>"
    url = server.add("/latin", html.encode("latin-1"), headers=headers)
    with quick() as fetcher:
        text = page_text(fetcher.fetch(url))
    assert "Café owners »welcome« it." in text


def test_a_binary_body_labelled_html_is_a_clear_error(server):
    url = server.add("/blob", bytes(range(256)) * 4)
    with quick() as fetcher:
        got = fetcher.fetch(url)
    with pytest.raises(FetchError) as err:
        page_text(got)
    assert err.value.input == url and "binary" in err.value.reason


def test_conditional_get_gives_back_the_kept_body_on_304(server):
    url = server.add(
        "/feed.xml", "<rss/>", headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'}
    )
    with quick() as fetcher:
        first = fetcher.fetch(url, accept=FEED_TYPES, conditional=True)
        again = fetcher.fetch(url, accept=FEED_TYPES, conditional=True)
    assert not first.not_modified and again.not_modified and again.body == b"<rss/>"
    assert server.log[-1][1].get("If-None-Match") == '"v1"'


def test_a_compressed_body_is_limited_by_its_unpacked_size(server):
    packed = gzip.compress(b"<html>" + b" " * 2_000_000)
    url = server.add(
        "/bomb", packed, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    assert len(packed) < 10_000
    with quick(max_bytes=100_000) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert "stopped reading" in err.value.reason


def test_a_server_dripping_its_body_past_the_deadline_is_given_up(server):
    url = server.add("/drip", b"<html>" + b"x" * 20_000, drip=0.05)
    with quick(total_timeout=0.2) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert "took over 0.2 s" in err.value.reason and err.value.input == url


def test_fetch_many_asks_two_hosts_at_once_and_one_host_in_turn(server):
    meet = threading.Barrier(2, timeout=3.0)
    one = server.add("/one", PAGE, meet=meet)
    two = server.url("/two", host="localhost")
    server.add("/two", PAGE, meet=meet)  # answers only while /one is waiting: both at once
    later = server.add("/later", PAGE)
    with quick() as fetcher:
        got = fetcher.fetch_many([one, later, two, one])
    assert {url: r.status for url, r in got.items()} == {one: 200, later: 200, two: 200}
    local = [path for path, _ in server.log if path in ("/one", "/later")]
    assert local == ["/one", "/later"]  # one host: in the order given, the duplicate once


def test_a_long_running_fetcher_remembers_a_bounded_number_of_urls(server, monkeypatch):
    from storyweave.read import fetch

    monkeypatch.setattr(fetch, "KEPT_BODIES", 2)
    monkeypatch.setattr(fetch, "KEPT_REDIRECTS", 2)
    headers = {"Content-Type": "application/rss+xml", "ETag": '"v1"'}
    feeds = [server.add(f"/feed{i}.xml", "<rss/>", headers=headers) for i in range(3)]
    links = [server.add(f"/t{i}", status=302, headers={"Location": "/page"}) for i in range(3)]
    server.add("/page", PAGE)
    with quick() as fetcher:
        for url in [*feeds, *links]:
            fetcher.fetch(url, accept=FEED_TYPES | {"text/html"}, conditional=True)
        assert list(fetcher.redirects) == links[1:]  # the oldest forgotten
        # the two feeds read last still answer 304 to their kept ETag; the first is read whole
        again = [fetcher.fetch(u, accept=FEED_TYPES, conditional=True) for u in feeds[::-1]]
    assert [g.not_modified for g in again] == [True, True, False]
