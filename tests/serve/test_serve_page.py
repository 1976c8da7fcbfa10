"""The web page as a browser receives it: escaped article text, a strict script policy, paging."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from servekit import FERRY, article

from storyweave.serve.pages import ago, list_link
from storyweave.stream.store import Store, utcnow

HOSTILE = "<script>document.title='pwned'</script>"


def _hostile(client: TestClient) -> str:
    outlets = [(f"coast{HOSTILE}watch", "javascript:alert(1)"),
               ("harbourpost", "https://harbourpost.example/f")]  # fmt: skip
    arts = [article(FERRY, i, o, url=link) for i, (o, link) in enumerate(outlets)]
    arts[0]["text"] += f" A reader wrote {HOSTILE} in the comments."
    assert client.post("/articles", json={"articles": arts}).json()["stored"] == 2
    return client.get("/stories").json()["stories"][0]["id"]


def test_article_text_is_escaped_on_the_list_and_the_story_page(client: TestClient):
    sid = _hostile(client)
    for page in (client.get("/"), client.get(f"/story/{sid}")):
        assert page.status_code == 200
        assert HOSTILE not in page.text
        assert "&lt;script&gt;document.title=" in page.text
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    story = client.get(f"/story/{sid}").text
    assert 'href="javascript:' not in story and 'href="https://harbourpost.example/f"' in story


def test_the_story_page_shows_outlets_and_cited_sentences(client: TestClient, stories):
    page = client.get(f"/story/{stories['ferry']}").text
    for outlet in ("coastwatch", "harbourpost", "islandnews"):
        assert outlet in page
    # each citation carries the sentence it cites, for the pop-over (and the title tooltip)
    cited = re.findall(r'class="cite" href="#src-(\d)" title="(\w+): ([^"]*)"', page)
    assert any(text in FERRY for _, _, text in cited)
    for n, outlet, _ in cited:  # the pop-over names the outlet of the article cited
        assert re.search(rf'<li id="src-{n}"><strong>{outlet}</strong>', page)
    assert 'id="src-1"' in page and "/static/page.js" in page


def test_the_list_filters_and_pages_without_javascript(client: TestClient, stories):
    page = client.get("/", params={"q": "copper"}).text
    assert "Orrin copper mine" in page and "Kestrel Bay" not in page
    assert "No story matches" in client.get("/", params={"q": "volcano"}).text
    bad = client.get("/", params={"since": "yesterday-ish"})
    assert bad.status_code == 400 and "30m, 12h, 2d" in bad.text
    assert list_link("ferry bay", "1d", 2) == "/?q=ferry+bay&since=1d&page=2"
    assert list_link("", "", 1) == "/?"


def test_missing_and_malformed_story_pages_say_so(client: TestClient, store: Store):
    assert "no story" in client.get("/story/0123456789ab").text.lower()
    r = client.get("/story/bad.id")
    assert r.status_code == 404 and "is not a story id" in r.text


def test_times_read_as_a_newsroom_says_them():
    now = utcnow()
    from datetime import timedelta

    assert ago(now, now) == "just now"
    assert ago(now - timedelta(minutes=5), now) == "5 min ago"
    assert ago(now - timedelta(hours=3), now) == "3 h ago"
    assert ago(now - timedelta(days=2), now) == "2 days ago"


def test_a_citation_worded_otherwise_shows_the_closest_sentence_of_its_article():
    from storyweave.render.html import closest_sentence

    sentences = ["The weather was fine.", "All 212 passengers reached the shore in lifeboats."]
    said = "All 212 passengers were taken ashore by lifeboats, the coastguard said."
    assert closest_sentence(said, sentences) == sentences[1]
    assert closest_sentence("Copper prices fell sharply.", sentences) == ""
