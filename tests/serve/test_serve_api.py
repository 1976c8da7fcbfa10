"""The JSON API over the story store: what a tool posting articles and reading briefs sees."""

from __future__ import annotations

from dataclasses import fields

from fastapi.testclient import TestClient
from servekit import FERRY, MINE, article

from storyweave.config import Config
from storyweave.stream.store import Store


def test_a_batch_answers_per_article_stored_duplicate_rejected(client: TestClient, store: Store):
    first = article(FERRY, 0, "coastwatch", url="https://coastwatch.example/ferry")
    r = client.post("/articles", json={"articles": [first, article(MINE, 0, "minerstimes")]})
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["stored", "stored"]

    again = dict(first, title="Same URL, posted again")
    batch = [again, {"text": "   ", "source": "blank"}, article(MINE, 1, "ridgegazette")]
    body = client.post("/articles", json=batch).json()  # a bare array is a batch too
    got = {x["index"]: x for x in body["results"]}
    assert got[0]["status"] == "duplicate" and got[0]["reason"] == "same URL"
    assert got[0]["duplicate_of"] == r.json()["results"][0]["id"]
    assert got[1]["status"] == "rejected" and "empty" in got[1]["reason"]
    assert got[2]["status"] == "stored"
    assert (body["stored"], body["duplicates"], body["rejected"]) == (1, 1, 1)
    assert store.counts()["articles"] == 3


def test_stories_newest_first_filtered_by_words_and_time(client: TestClient, stories):
    listed = client.get("/stories").json()
    assert {s["id"] for s in listed["stories"]} == set(stories.values())
    times = [s["updated_at"] for s in listed["stories"]]
    assert times == sorted(times, reverse=True)
    assert "articles" not in listed["stories"][0]  # members only when asked

    found = client.get("/stories", params={"q": "KESTREL bay"}).json()["stories"]
    assert [s["id"] for s in found] == [stories["ferry"]]
    by_outlet = client.get("/stories", params={"q": "ridgegazette"}).json()["stories"]
    assert [s["id"] for s in by_outlet] == [stories["mine"]]
    assert client.get("/stories", params={"q": "volcano"}).json()["stories"] == []
    assert client.get("/stories", params={"since": "2999-01-01"}).json()["stories"] == []
    assert len(client.get("/stories", params={"since": "1h"}).json()["stories"]) == 2

    page = client.get("/stories", params={"limit": 1}).json()
    assert len(page["stories"]) == 1 and page["next_offset"] == 1
    rest = client.get("/stories", params={"limit": 1, "offset": 1}).json()
    assert rest["next_offset"] is None and rest["stories"][0]["id"] != page["stories"][0]["id"]


def test_a_bad_time_filter_says_what_to_give(client: TestClient):
    r = client.get("/stories", params={"since": "last tuesday"})
    assert r.status_code == 400 and "30m, 12h, 2d" in r.json()["detail"]


def test_one_story_lists_its_articles(client: TestClient, stories):
    story = client.get(f"/stories/{stories['ferry']}").json()
    assert story["article_count"] == 3
    assert {a["outlet"] for a in story["articles"]} == {"coastwatch", "harbourpost", "islandnews"}


def test_unknown_malformed_and_path_like_story_ids_are_refused(client: TestClient, stories):
    r = client.get("/stories/0123456789ab")
    assert r.status_code == 404 and "no such story" in r.json()["detail"]
    r = client.get("/stories/a.b/brief")
    assert r.status_code == 422 and "not a story id" in r.json()["detail"]
    for path in ("/stories/..%2F..%2Fetc%2Fpasswd", "/stories/%2e%2e", "/story/..%2Fx"):
        r = client.get(path)
        assert 400 <= r.status_code < 500, path
        assert "root:" not in r.text


def test_brief_in_each_format_with_config_as_query_parameters(client: TestClient, stories):
    sid = stories["ferry"]
    brief = client.get(f"/stories/{sid}/brief", params={"format": "json", "words": 40})
    assert brief.headers["content-type"].startswith("application/json")
    data = brief.json()
    assert data["summary"] and len(data["articles"]) == 3
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 60
    md = client.get(f"/stories/{sid}/brief", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("# ")
    html = client.get(f"/stories/{sid}/brief", params={"format": "html"})
    assert html.headers["content-type"].startswith("text/html") and "Kestrel Bay" in html.text


def test_brief_options_are_checked_and_named(client: TestClient, stories):
    sid = stories["mine"]
    r = client.get(f"/stories/{sid}/brief", params={"words": 5})
    assert r.status_code == 422 and "words" in r.json()["detail"]
    r = client.get(f"/stories/{sid}/brief", params={"embedder": "/etc/passwd"})
    assert r.status_code == 422 and "tfidf" in r.json()["detail"]
    r = client.get(f"/stories/{sid}/brief", params={"format": "pdf"})
    assert r.status_code == 422 and "format" in r.json()["detail"]


def test_every_config_field_is_a_query_parameter_of_the_brief(client: TestClient):
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/stories/{story_id}/brief"]["get"]["parameters"]}
    assert params == {f.name for f in fields(Config)} | {"story_id", "format"}
    assert {"/articles", "/stories", "/stories/{story_id}", "/health"} <= set(spec["paths"])
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]["application/json"]
    assert "articles" in body["schema"]["properties"]


def test_health(client: TestClient):
    assert client.get("/health").json()["status"] == "ok"
