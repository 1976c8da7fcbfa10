"""Invented news and options shared by the service tests (imported by name: no package here)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from storyweave.config import Config
from storyweave.serve import ServeOptions, create_app
from storyweave.stream.store import Store

# briefs in tests: tf-idf (no model to load) and no spaCy pass, unless a test asks for analysis
FAST = Config(embedder="tfidf", analysis=False)
TOKEN = "test-token-0123456789abcdef"

FERRY = [
    "The Kestrel Bay ferry ran aground on Saturday morning off the Tollan headland.",
    "All 212 passengers were taken ashore by lifeboats, the coastguard said.",
    "The operator, Bluewake Lines, said the cause of the grounding was not yet known.",
    "Divers will inspect the hull of the ferry on Monday, the harbour master said.",
    "Passengers described a loud scrape and the ship listing to one side.",
]
MINE = [
    "The Orrin copper mine will close in June after forty years, its owner said on Thursday.",
    "About 800 workers will lose their jobs when the Orrin mine shuts, the union said.",
    "Ridgeline Metals blamed falling copper prices for the closure of the mine.",
    "The regional council asked the government for help to retrain the miners.",
]


def article(story: list[str], n: int, outlet: str, **extra: Any) -> dict[str, Any]:
    """An invented article: the story's lead, its n-th other sentence, and lines of its own."""
    own = (
        f"Reporters from {outlet} spoke to people at the scene on the day. "
        f"{outlet.capitalize()} will update this report as more is known."
    )
    body = f"{story[0]} {story[1 + n % (len(story) - 1)]} {own}"
    return {"title": story[0][:60], "source": outlet, "text": body, **extra}


def client_for(store: Store, **options: Any) -> TestClient:
    """A test client of the app over a store; options as ServeOptions takes them."""
    options.setdefault("config", FAST)
    return TestClient(create_app(store, ServeOptions(**options)))
