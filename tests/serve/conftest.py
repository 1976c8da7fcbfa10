"""Fixtures of the service tests: a store in a temporary folder, the app over it, invented news."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from servekit import FERRY, MINE, article, client_for

from storyweave.serve import Limits
from storyweave.stream.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty story store in a temporary folder."""
    with Store(tmp_path / "stories.db") as s:
        yield s


@pytest.fixture
def client(store: Store) -> TestClient:
    """The app with no token, small limits so the limit tests stay small."""
    return client_for(store, limits=Limits(max_bytes=200_000, max_articles=20))


@pytest.fixture
def stories(client: TestClient) -> dict[str, str]:
    """Two stories stored through the API: their ids by name (ferry, mine)."""
    arts = [article(FERRY, i, o, url=f"https://{o}.example/ferry") for i, o in
            enumerate(["coastwatch", "harbourpost", "islandnews"])]  # fmt: skip
    arts += [article(MINE, i, o, published=f"2026-01-0{i + 1}T08:00:00Z") for i, o in
             enumerate(["minerstimes", "ridgegazette"])]  # fmt: skip
    r = client.post("/articles", json={"articles": arts})
    assert r.status_code == 200, r.text
    listed = client.get("/stories", params={"members": "true"}).json()["stories"]
    ids = {}
    for s in listed:
        outlets = {a["outlet"] for a in s["articles"]}
        ids["ferry" if "coastwatch" in outlets else "mine"] = s["id"]
    assert len(ids) == 2, listed
    return ids
