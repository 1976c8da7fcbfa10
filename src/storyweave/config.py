"""One options object for a brief. CLI flags and HTTP query parameters map onto it one to one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Config:
    words: int = 250  # summary length budget in words
    embedder: str = "minilm"  # "minilm" (dense, default), "tfidf", or a model folder/hub name
    analysis: bool = True  # entities, quotes, claims, timeline
    strict: bool = False  # any skipped input is fatal
