"""Hostile and broken requests: each refused with a 4xx that says what to fix, nothing stored."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from servekit import FERRY, MINE, TOKEN, article, client_for

from storyweave.cli import main
from storyweave.errors import ConfigError
from storyweave.serve.access import check_binding, read_token
from storyweave.stream.store import Store

GOOD = {"articles": [article(FERRY, 0, "coastwatch")]}


def _post(client: TestClient, body: bytes, content_type: str = "application/json", **headers):
    return client.post("/articles", content=body, headers={"content-type": content_type, **headers})


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b'{"articles": [{"text": "unclosed', 400, "not JSON"),
        (b"", 400, "empty"),
        (b'{"articles": [{"text": "caf\xe9 au lait"}]}', 400, "UTF-8"),
        (b"[" * 5000 + b"]" * 5000, 400, "nested"),
        (json.dumps({"articles": [{"text": {"a": {"b": ["c"]}}}]}).encode(), 400, "nested"),
        (json.dumps({"articles": [{"text": "x", "body": "y"}]}).encode(), 422, "articles[0].body"),
        (json.dumps({"stories": []}).encode(), 422, "articles"),
        (json.dumps({"articles": [{"text": 7}]}).encode(), 422, "articles[0].text"),
        (json.dumps({"articles": [GOOD["articles"][0]] * 21}).encode(), 413, "at most 20"),
        (json.dumps({"articles": [{"text": "x" * 250_000}]}).encode(), 413, "larger than"),
    ],
    ids=["malformed", "empty", "not-utf8", "deep", "deep-in-field", "unknown-field",
         "no-articles", "wrong-type", "too-many", "too-large"],  # fmt: skip
)
def test_bad_bodies_are_refused_and_store_nothing(client, store: Store, body, status, says):
    r = _post(client, body)
    assert r.status_code == status, r.text
    assert says in r.json()["detail"]
    assert store.counts()["articles"] == 0


def test_a_refused_batch_stores_none_of_its_good_articles(client, store: Store):
    batch = {"articles": [article(MINE, 0, "minerstimes"), {"text": "fine", "colour": "red"}]}
    r = client.post("/articles", json=batch)
    assert r.status_code == 422 and "colour" in r.json()["detail"]
    assert store.counts()["articles"] == 0


def test_a_body_that_is_not_json_by_type_is_refused(client):
    r = _post(client, b"text=hello", "application/x-www-form-urlencoded")
    assert r.status_code == 415 and "application/json" in r.json()["detail"]


def test_writes_need_the_token_when_one_is_configured(store: Store):
    client = client_for(store, token=TOKEN)
    assert client.post("/articles", json=GOOD).status_code == 401
    wrong = client.post("/articles", json=GOOD, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and TOKEN not in wrong.text
    assert wrong.headers["www-authenticate"] == "Bearer"
    # a cookie is not enough to write: other sites' requests carry it too
    client.cookies.set("storyweave_token", TOKEN)
    assert client.post("/articles", json=GOOD).status_code == 401
    assert store.counts()["articles"] == 0
    ok = client.post("/articles", json=GOOD, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["stored"] == 1
    assert client.get("/stories").status_code == 200  # reads stay open


def test_a_private_server_needs_the_token_to_read(store: Store):
    client = client_for(store, token=TOKEN, private=True)
    assert client.get("/stories").status_code == 401
    assert client.get("/openapi.json").status_code == 401  # the API's shape is private too
    spec = client.get("/openapi.json", headers={"Authorization": f"Bearer {TOKEN}"})
    assert spec.status_code == 200 and "/stories" in spec.json()["paths"]
    page = client.get("/")
    assert page.status_code == 401 and "private" in page.text
    assert client.get("/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    bad = client.post("/login", content=b"token=guess&next=/", follow_redirects=False)
    assert bad.status_code == 401
    good = client.post(
        "/login", content=f"token={TOKEN}&next=//evil.example".encode(), follow_redirects=False
    )
    assert good.status_code == 303 and good.headers["location"] == "/"
    assert "httponly" in good.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200  # the cookie now opens the page


def test_binding_beyond_loopback_needs_a_token(tmp_path):
    check_binding("127.0.0.1", None)
    check_binding("::1", None)
    with pytest.raises(ConfigError, match="token"):
        check_binding("0.0.0.0", None)
    short = tmp_path / "short"
    short.write_text("abc\n")
    with pytest.raises(ConfigError, match="shorter than 16"):
        read_token(short)
    good = tmp_path / "token"
    good.write_text(TOKEN + "\n")
    assert read_token(good) == TOKEN
    with pytest.raises(ConfigError, match="cannot be read"):
        read_token(tmp_path / "missing")


def test_serve_refuses_to_start_open_to_the_network(tmp_path, capsys):
    code = main(["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert code == 1
    assert "--token-file" in capsys.readouterr().err
