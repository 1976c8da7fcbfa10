"""A real browser (Debian's chromium driven by Playwright) against a real uvicorn on loopback."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from servekit import FAST, FERRY, MINE, article

from storyweave.serve import ServeOptions, create_app
from storyweave.stream.store import Store

HOSTILE = "<script>window.pwned = true; document.title = 'pwned'</script>"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium under Playwright, or a skip that says what is missing."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.skip("no chromium here: `apt-get install chromium` (make test does it as root)")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=path, args=["--disable-gpu"])
        except Exception as e:  # a browser that cannot start in this sandbox
            pytest.skip(f"chromium at {path} cannot start here: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server on a free loopback port over a store with two invented stories."""
    store = Store(tmp_path_factory.mktemp("site") / "stories.db")
    arts = [article(FERRY, i, o) for i, o in enumerate(["coastwatch", "harbourpost"])]
    arts[0]["text"] += f" One reader posted {HOSTILE} under the report."
    arts += [article(MINE, i, o) for i, o in enumerate(["minerstimes", "ridgegazette"])]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store, ServeOptions(config=FAST)), host="127.0.0.1",
                       port=port, log_level="warning")  # fmt: skip
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    import httpx

    assert httpx.post(f"{base}/articles", json={"articles": arts}).json()["stored"] == 4
    yield base
    server.should_exit = True
    thread.join(10)
    store.close()


def test_list_story_citation_and_script_shown_as_text(browser: Any, site: str) -> None:
    # the page's script policy would stop Playwright's own probes; lifting it also shows
    # that escaping alone keeps the article's script from running
    page = browser.new_page(bypass_csp=True)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site + "/")
    rows = page.locator("tr.story-row")
    assert rows.count() == 2

    page.fill("#q", "copper")  # filtered as you type: no button pressed
    page.wait_for_function("document.querySelectorAll('tr.story-row').length === 1")
    assert "Orrin copper mine" in page.inner_text("#results")
    page.fill("#q", "Kestrel")
    page.wait_for_function("document.querySelectorAll('tr.story-row').length === 1 && "
                           "document.querySelector('#results').innerText.includes('Kestrel')")  # fmt: skip
    assert "q=Kestrel" in page.url

    page.click("a.headline")
    page.wait_for_selector("main.brief h1")
    assert "Kestrel Bay" in page.inner_text("main.brief h1")

    # a summary citation carrying one of the story's sentences, as its article words it
    cites = page.locator("main.brief .summary a.cite").all()
    quoted = [(c, (c.get_attribute("data-quote") or "").split(": ", 1)[-1]) for c in cites]
    cite, sentence = next((c, q) for c, q in quoted if q in FERRY)
    cite.hover()
    assert sentence in page.inner_text(".popover")

    target = cite.get_attribute("href") or ""
    cite.click()
    assert page.url.endswith(target)
    mark = page.locator(f"li{target} details[open] mark.cited")
    assert mark.inner_text() == sentence

    # the article's <script> is on the page as words, and never ran
    page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    assert HOSTILE in page.inner_text("main.brief")
    assert page.evaluate("window.pwned") is None
    assert page.title() != "pwned" and not dialogs
    page.close()
