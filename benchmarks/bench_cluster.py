#!/usr/bin/env python
"""Story clustering of a shuffled pile of Multi-News documents against the gold stories.

    nice .venv/bin/python benchmarks/bench_cluster.py                 # held-out piles, the table
    nice .venv/bin/python benchmarks/bench_cluster.py --tune          # the tuning grid (tune pile)
    nice .venv/bin/python benchmarks/bench_cluster.py --speed         # CPU ms an article by open stories
    nice .venv/bin/python benchmarks/bench_cluster.py --embedder minilm   # with the dense signal
    nice .venv/bin/python benchmarks/bench_cluster.py --fit           # the dense join model
    nice .venv/bin/python benchmarks/bench_cluster.py --ideas         # ideas tried, every pile
    nice .venv/bin/python benchmarks/bench_cluster.py --recluster     # store recluster by period
    nice .venv/bin/python benchmarks/bench_cluster.py --recluster --tune  # its merge bar, 0-999

Each Multi-News cluster is one story; its documents are pooled with those of the other clusters
and shuffled with a fixed seed (arrival order). Scored: B-cubed precision, recall and F1 (Bagga
and Baldwin 1998, averaged over documents) and the adjusted Rand index, for
`StreamClusterer` in arrival order (incremental), `batch_cluster`, and the baseline: TF-IDF of the
whole document (scikit-learn defaults, English stop words) + average-linkage agglomerative
clustering on cosine distance at its best threshold, chosen on the answers of each pile.

Split: the clusterer's thresholds and weights were tuned on validation clusters 0-999 only
(`--tune`); the numbers reported are on validation clusters 1000-1999 and on all 100 raw-dev
clusters, never tuned on. Neither pile has dates, so the time feature is absent (its scale of a
few days is set by reasoning, not tuned). Documents with fewer than 20 words are left out.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "multinews"
CACHE = Path(tempfile.gettempdir()) / "storyweave-bench-cluster"

from storyweave.stream.cluster import (  # noqa: E402
    Assignment,
    DocVector,
    Params,
    StreamClusterer,
    _Score,
    _time_factor,
    batch_cluster,
    dense_lead,
    embed_leads,
    vectorize,
)

Doc = tuple[str, str, str]  # (doc id "pile:cluster:index", text, gold story)


def load_pile(name: str, start: int, stop: int, seed: int = 0) -> list[Doc]:
    """Cleaned documents of clusters [start, stop) of a Multi-News file, shuffled (fixed seed).

    Cleaned as ingest cleans them: a page that is all furniture (web-archive notices, tweet
    widgets) has no text left and is not clustered, as ingest skips it."""
    from storyweave.text.clean import clean_text

    path = DATA / ("validation.jsonl.gz" if name == "validation" else "raw-dev.jsonl")
    opener = gzip.open if path.suffix == ".gz" else open
    docs: list[Doc] = []
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= stop:
                break
            if i < start:
                continue
            for j, raw in enumerate(json.loads(line)["documents"]):
                text = clean_text(raw)[0]
                if len(text.split()) >= 20:
                    docs.append((f"{name}:{i}:{j}", text, f"{name}:{i}"))
    random.Random(seed).shuffle(docs)
    return docs


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1, averaged over items."""
    pair = Counter(zip(pred, gold, strict=True))
    psize, gsize = Counter(pred), Counter(gold)
    p = sum(c * c / psize[pr] for (pr, _), c in pair.items()) / len(pred)
    r = sum(c * c / gsize[g] for (_, g), c in pair.items()) / len(pred)
    return p, r, 2 * p * r / (p + r)


def score(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float, float]:
    """(B-cubed P, R, F1, ARI)."""
    from sklearn.metrics import adjusted_rand_score

    return (*bcubed(pred, gold), adjusted_rand_score(gold, pred))


def vectors(docs: Sequence[Doc], params: Params) -> list[tuple[str, DocVector]]:
    """Each document's vector as ingest makes it; Multi-News has no titles or dates. The dense
    vectors are kept in CACHE (keyed by the texts and settings): a pile takes minutes to embed
    on two shared cores."""
    leads = [dense_lead("", text, params) for _, text, _ in docs]
    key = hashlib.sha1("\x00".join([params.embedder, *leads]).encode()).hexdigest()[:16]
    path = CACHE / f"{key}.npy"
    if params.embedder and path.exists():
        dense: np.ndarray | None = np.load(path)
    else:
        dense = embed_leads(leads, params)
        if dense is not None:
            CACHE.mkdir(parents=True, exist_ok=True)
            np.save(path, dense)
    return [
        (did, vectorize("", text, None, params, None if dense is None else dense[i]))
        for i, (did, text, _) in enumerate(docs)
    ]


def incremental(
    items: Sequence[tuple[str, DocVector]],
    params: Params,
    make: type[StreamClusterer] | None = None,
) -> dict[str, str]:
    """Arrival-order clustering, following merges to each article's final story."""
    clusterer = (make or StreamClusterer)(params=params)
    story_of: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for aid, vec in items:
        a = clusterer.add(aid, vec)
        for old, new in a.merged.items():
            for m in members.pop(old, []):
                story_of[m] = new
                members.setdefault(new, []).append(m)
        story_of[aid] = a.story_id
        members.setdefault(a.story_id, []).append(aid)
    return story_of


def baseline(docs: Sequence[Doc]) -> tuple[float, tuple[float, float, float, float]]:
    """TF-IDF + average-linkage at the threshold with the best B-cubed F1 on this pile."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english").fit_transform([t for _, t, _ in docs])
    dist = np.clip(1.0 - (x @ x.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), "average")
    gold = [g for _, _, g in docs]
    best: tuple[float, tuple[float, float, float, float]] = (0.0, (0.0, 0.0, 0.0, 0.0))
    for th in np.arange(0.50, 0.99, 0.02):
        labels = [str(v) for v in fcluster(tree, th, "distance")]
        s = score(labels, gold)
        if s[2] > best[1][2]:
            best = (float(th), s)
    return best


def evaluate(docs: Sequence[Doc], params: Params) -> dict[str, tuple[float, float, float, float]]:
    """Scores of incremental and batch clustering on a pile."""
    items = vectors(docs, params)
    gold = [g for _, _, g in docs]
    out = {}
    for name, fn in (("incremental", incremental), ("batch", batch_cluster)):
        story_of = fn(items, params)
        out[name] = score([story_of[d] for d, _, _ in docs], gold)
    return out


def row(name: str, pile: str, n_docs: int, n_gold: int, s: Sequence[float], note: str = "") -> str:
    return (
        f"| {name} | {pile} | {n_docs} | {n_gold} | {s[0]:.3f} | {s[1]:.3f} | {s[2]:.3f} "
        f"| {s[3]:.3f} | {note} |"
    )


def report(params: Params, with_baseline: bool) -> None:
    """The table on the held-out piles."""
    piles = {
        "validation 1000-1999": load_pile("validation", 1000, 2000),
        "raw-dev 0-99": load_pile("raw-dev", 0, 100),
    }
    print("| method | pile | docs | stories | B3 P | B3 R | B3 F1 | ARI | note |")
    print("|---|---|---|---|---|---|---|---|---|")
    for pile, docs in piles.items():
        n_gold = len({g for _, _, g in docs})
        for name, s in evaluate(docs, params).items():
            print(row(name, pile, len(docs), n_gold, s), flush=True)
        if with_baseline:
            th, s = baseline(docs)
            note = f"best distance threshold {th:.2f}, chosen on the answers"
            print(row("tf-idf + average linkage", pile, len(docs), n_gold, s, note), flush=True)


def tune(grid: dict[str, Sequence[float]], base: Params) -> None:
    """B-cubed F1 of incremental clustering on validation 0-999 over a grid of parameters."""
    docs = load_pile("validation", 0, 1000)
    gold = [g for _, _, g in docs]
    print("| params | B3 P | B3 R | B3 F1 | ARI |")
    print("|---|---|---|---|---|")
    cache: dict[tuple[int, float, float], list[tuple[str, DocVector]]] = {}
    for combo in _combos(grid):
        params = replace(base, **combo)  # type: ignore[arg-type]  # the grid holds numbers
        key = (params.lead_words, params.title_weight, params.bigram_weight)
        if key not in cache:
            cache[key] = vectors(docs, params)
        story_of = incremental(cache[key], params)
        s = score([story_of[d] for d, _, _ in docs], gold)
        label = ", ".join(f"{k}={v}" for k, v in combo.items())
        print(f"| {label} | {s[0]:.3f} | {s[1]:.3f} | {s[2]:.3f} | {s[3]:.3f} |", flush=True)


def fit(params: Params) -> None:
    """Fit the join model (Params.dense_logit) on validation 0-999: replay the gold stories in
    arrival order and learn, from each article's similarities with the open stories, which
    story is its own (logistic regression on tf-idf, its root, dense cosine, ln size)."""
    from sklearn.linear_model import LogisticRegression

    params = params if params.embedder else replace(params, embedder="minilm")
    docs = load_pile("validation", 0, 1000)
    clusterer = StreamClusterer(params=replace(params, max_open=10**6))
    rows, labels = [], []
    for (_, vec), (_, _, story) in zip(vectors(docs, params), docs, strict=True):
        sizes = {s.story_id: s.n for s in clusterer.stories()}
        for sid, (tfidf, dense, _) in clusterer.similarities(vec).items():
            if dense is not None:
                rows.append([tfidf, np.sqrt(max(tfidf, 0.0)), dense, np.log(sizes[sid])])
                labels.append(sid == story)
        clusterer.place(story, vec)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(np.array(rows), np.array(labels))
    coef = [float(model.intercept_[0]), *(float(c) for c in model.coef_[0])]
    print(f"{len(rows)} (article, story) pairs, {sum(labels)} joins")
    print("dense_logit = (" + ", ".join(f"{c:.2f}" for c in coef) + ")")


# --- session 14: ideas measured against the default (`--ideas`) -------------------------


class _Margin(StreamClusterer):
    """A clear winner scores more: each score plus 0.3 x its lead over the runner-up."""

    gain = 0.3

    def _score(self, vec: DocVector) -> dict[str, _Score]:
        out = super()._score(vec)
        top = [*sorted((sc.score for sc in out.values()), reverse=True), 0.0, 0.0]
        lead = {sid: max(0.0, sc.score - top[1]) for sid, sc in out.items()}
        return {sid: sc._replace(score=sc.score + self.gain * lead[sid]) for sid, sc in out.items()}


class _MergePass(StreamClusterer):
    """After every 200 articles (an ingest batch) each story changed in them is merged with
    those of its 5 closest stories whose centroid cosine with it reaches 0.35."""

    every, closest, cosine = 200, 5, 0.35

    def __init__(self, params: Params) -> None:
        super().__init__(params=params)
        self._seen = 0
        self._batch: set[str] = set()

    def add(self, article_id: str, vec: DocVector) -> Assignment:
        got = super().add(article_id, vec)
        self._batch.add(got.story_id)
        self._seen += 1
        if self._seen % self.every:
            return got
        merged = dict(got.merged)  # values are always the final survivor (see _merge)
        for sid in self._batch:
            self._merge_close(merged.get(sid, sid), merged)
        self._batch = set()
        return Assignment(merged.get(got.story_id, got.story_id), merged)

    def _merge_close(self, sid: str, merged: dict[str, str]) -> None:
        """Merge a story with its close neighbours by centroid."""
        if sid not in self._stories:
            return
        story = self._stories[sid]
        terms = np.array(sorted(story.terms), dtype=np.int64)
        weights = np.array([story.terms[t] for t in terms.tolist()], dtype=np.float32)
        weights /= float(np.linalg.norm(weights)) or 1.0
        slots, cosines = self._tfidf(DocVector(terms, weights, np.zeros(0, np.int64), None))
        for i in np.argsort(-cosines)[: self.closest + 1].tolist():
            other = self._slots.sids[slots[i]]
            if other == sid or other not in self._stories:
                continue
            if self._story_cosine(self._stories[sid], self._stories[other]) >= self.cosine:
                sid = self._merge(sid, other, merged)


class _NamesIdf(StreamClusterer):
    """Shared names weighted by their rarity: IDF over the open stories naming them."""

    def similarities(self, vec: DocVector) -> dict[str, tuple[float, float | None, float]]:
        out = super().similarities(vec)
        ents = vec.entities.tolist()
        if not ents:
            return out
        df = Counter(e for st in self._stories.values() for e in st.entities)
        n = len(self._stories)
        idf = {e: math.log((1 + n) / (1 + c)) + 1.0 for e, c in df.items()}
        top = math.log(1 + n) + 1.0  # a name no open story uses
        q = math.sqrt(sum(idf.get(e, top) ** 2 for e in ents))
        result = {}
        for sid, (tf, dense, _) in out.items():
            counts = self._stories[sid].entities
            dot = sum(idf[e] ** 2 * counts[e] for e in ents if e in counts)
            norm = math.sqrt(sum((c * idf[e]) ** 2 for e, c in counts.items())) or 1.0
            result[sid] = (tf, dense, dot / (q * norm))
        return result


class _Learned(StreamClusterer):
    """Join-or-new by a logistic model of TF-IDF cosine, its root, names, ln size and the lead
    over the runner-up, fitted on the default rule's own decisions on the tuning pile."""

    coef = np.zeros(6)
    bar = 0.25
    pairs: list[tuple[str, list[float]]] | None = None  # logged while fitting

    def _score(self, vec: DocVector) -> dict[str, _Score]:
        p, sims, out = self.params, self.similarities(vec), {}
        tfs = [*sorted((v[0] for v in sims.values()), reverse=True), 0.0, 0.0]
        for sid, (tf, _, names) in sims.items():
            story = self._stories[sid]
            lead = tf - (tfs[1] if tf == tfs[0] else tfs[0])
            f = [tf, math.sqrt(max(tf, 0.0)), names, math.log(max(story.n, 1)), lead]
            if self.pairs is not None:  # fitting: decide by the default rule
                self.pairs.append((sid, f))
                out[sid] = _Score(tf + p.entity_weight * names, self._bar(story), p.bridge_score)
                continue
            z = float(self.coef[0] + np.dot(self.coef[1:], f))
            out[sid] = _Score(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))), self.bar, 2.0)
        return out


def _fit_learned(docs: Sequence[Doc], params: Params) -> np.ndarray:
    """Coefficients of `_Learned`: each (article, candidate) the default rule met is labelled by
    whether the candidate's most common gold story is the article's."""
    from sklearn.linear_model import LogisticRegression

    gold = {d: g for d, _, g in docs}
    clusterer = _Learned(params=params)
    members: dict[str, list[str]] = {}
    rows, labels = [], []
    for aid, vec in vectors(docs, params):
        clusterer.pairs = []
        got = clusterer.add(aid, vec)
        for sid, f in clusterer.pairs:
            if members.get(sid):
                rows.append(f)
                major = Counter(map(gold.get, members[sid])).most_common(1)[0][0]
                labels.append(major == gold[aid])
        for old, new in got.merged.items():
            members.setdefault(new, []).extend(members.pop(old, []))
        members.setdefault(got.story_id, []).append(aid)
    model = LogisticRegression(max_iter=5000).fit(np.array(rows), np.array(labels))
    return np.array([model.intercept_[0], *model.coef_[0]])


class _DenseAdded(StreamClusterer):
    """The plain score plus 0.4 x (dense cosine - 0.55) where article and story have one."""

    def _score(self, vec: DocVector) -> dict[str, _Score]:
        p, out = self.params, {}
        for sid, (tf, dense, names) in self.similarities(vec).items():
            story = self._stories[sid]
            sc = tf + p.entity_weight * names + (0.0 if dense is None else 0.4 * (dense - 0.55))
            sc *= _time_factor(vec.time, story, p)
            out[sid] = _Score(sc, self._bar(story), p.bridge_score)
        return out


def ideas(params: Params) -> None:
    """B-cubed of incremental clustering for each idea of session 14 on the tuning pile and
    the held-out piles (settings from the tuning pile; kept only when the held-out piles gain)."""
    piles = {
        "tune 0-999": load_pile("validation", 0, 1000),
        "validation 1000-1999": load_pile("validation", 1000, 2000),
        "raw-dev 0-99": load_pile("raw-dev", 0, 100),
    }
    _Learned.coef = _fit_learned(piles["tune 0-999"], params)
    print("learned join: (bias, tf-idf, root, names, ln size, lead) =", np.round(_Learned.coef, 2))
    variants: list[tuple[str, Params, type[StreamClusterer] | None]] = [
        ("default", params, None),
        ("text: 100 words", replace(params, lead_words=100), None),
        ("text: 150 words", replace(params, lead_words=150), None),
        ("text: 300 words (the default before)", replace(params, lead_words=300), None),
        ("text: all of it", replace(params, lead_words=10**7), None),
        ("merge threshold 0.3", replace(params, merge_threshold=0.3), None),
        ("+ 0.3 x lead over the runner-up, threshold 0.14", replace(params, threshold=0.14),
         _Margin),  # fmt: skip
        ("story merge pass every 200 articles", params, _MergePass),
        ("names weighted by IDF", params, _NamesIdf),
        ("learned join, p >= 0.25", params, _Learned),
    ]
    if params.embedder:
        variants.append(("dense added: 0.4 x (cosine - 0.55)", params, _DenseAdded))
    print("| idea | " + " | ".join(f"{p}: B3 F1 (P/R)" for p in piles) + " |")
    print("|---" * (1 + len(piles)) + "|")
    for label, p, make in variants:
        cells = []
        for docs in piles.values():
            story_of = incremental(vectors(docs, p), p, make)
            s = score([story_of[d] for d, _, _ in docs], [g for _, _, g in docs])
            cells.append(f"{s[2]:.3f} ({s[0]:.3f}/{s[1]:.3f})")
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


def _combos(grid: dict[str, Sequence[float]]) -> list[dict[str, float]]:
    combos: list[dict[str, float]] = [{}]
    for key, values in grid.items():
        combos = [{**c, key: v} for c in combos for v in values]
    return combos


def speed(params: Params) -> None:
    """CPU milliseconds an article for vectorize and add, by how many stories are open.

    CPU time of this process (`time.process_time`), not wall time: the machine is shared, and
    what ingest can reach on two cores is what one article costs a core."""
    docs = load_pile("validation", 0, 2500)
    clusterer = StreamClusterer(params=params)
    buckets = [(0, 500), (500, 1000), (1000, 1500), (1500, 2000), (2000, 3000), (3000, 10**9)]
    cost = {b: [0, 0.0, 0.0] for b in buckets}  # articles, vectorize s, add s
    for did, text, _ in docs:
        t0 = time.process_time()
        vec = vectorize("", text, None, params)
        t1 = time.process_time()
        bucket = next(b for b in buckets if b[0] <= len(clusterer) < b[1])
        clusterer.add(did, vec)
        t2 = time.process_time()
        c = cost[bucket]
        c[0], c[1], c[2] = c[0] + 1, c[1] + t1 - t0, c[2] + t2 - t1
    size = sum(len(s.to_bytes()) for s in clusterer.stories()) / max(len(clusterer), 1)
    print(f"{len(docs)} articles, {len(clusterer)} open stories at the end, {size:.0f} bytes each")
    print("| open stories | articles | vectorize ms | add ms |")
    print("|---|---|---|---|")
    for (lo, hi), (n, tv, ta) in cost.items():
        if n:
            top = "" if hi > 10**6 else hi
            print(f"| {lo}-{top} | {n} | {1000 * tv / n:.3f} | {1000 * ta / n:.3f} |")
    _long_cost(clusterer, params)


def _long_cost(clusterer: StreamClusterer, params: Params) -> None:
    """CPU ms an article for long articles (raw-dev: median ~470 words, validation ~150) by
    how much of the text is read, added to the clusterer as it stands."""
    docs = load_pile("raw-dev", 0, 100)
    print(f"\nraw-dev articles at {len(clusterer)} open stories")
    print("| words read | articles | terms an article | vectorize ms | add ms |")
    print("|---|---|---|---|---|")
    for words in sorted({300, params.lead_words, 10**7}):
        p = replace(params, lead_words=words)
        tv = ta = 0.0
        terms = 0
        for did, text, _ in docs:
            t0 = time.process_time()
            vec = vectorize("", text, None, p)
            t1 = time.process_time()
            clusterer.add(f"{did}:{words}", vec)
            tv, ta, terms = tv + t1 - t0, ta + time.process_time() - t1, terms + len(vec.terms)
        n = len(docs)
        label = "all" if words >= 10**7 else str(words)
        print(f"| {label} | {n} | {terms / n:.0f} | {1000 * tv / n:.3f} | {1000 * ta / n:.3f} |")


# --- session 15: recluster a store period by period (`--recluster`) ----------------------

PERIODS = (1000, 2500, 5000, 0)  # articles a period; 0: all at once
MERGE_GRID = (math.inf, 0.08, 0.10, 0.12, 0.15)  # period_merge; period_size_slope as set


def build_store(docs: Sequence[Doc], path: Path) -> None:
    """A SQLite store holding the pile, ingested in the pile's own (arrival) order."""
    from storyweave.model import Article
    from storyweave.stream.store import Store

    articles = [Article(id=d, source=f"outlet {i % 97}", title="", text=text, origin=d)
                for i, (d, text, _) in enumerate(docs)]  # fmt: skip
    with Store(path) as store:
        report = store.ingest(articles, workers=0)
    print(f"ingested: {report.summary()}", flush=True)


def recluster_one(db: str, period: int, merge: float) -> None:
    """(In a process of its own, so that its peak memory is its own.) Recluster a store and
    print seconds, CPU seconds, RSS at the start and at the peak, and the stories made."""
    import resource

    from storyweave.stream.store import Store

    start_rss = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    with Store(db, create=False) as store:
        n = store.recluster(period_articles=period or 10**9, params=Params(period_merge=merge))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"stories": n, "s": wall, "cpu": cpu, "rss0": start_rss, "peak": peak}))


def _rss_mb() -> float:
    """This process's resident memory now, in MiB."""
    import os

    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _stored_stories(db: Path) -> dict[str, str]:
    """Article id -> story id, as the store holds them."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT article_id, story_id FROM memberships"))


def _copy_store(src: Path, dst: Path) -> None:
    import sqlite3

    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def recluster_table(tuning: bool, clusters: str = "1000:2000") -> None:
    """B-cubed and ARI of `storyweave recluster` by period size, before and after the merge
    across periods, with seconds and peak RSS; `tuning`: the merge bar's grid on 0-999."""
    start, stop = (0, 1000) if tuning else tuple(int(x) for x in clusters.split(":"))
    docs = load_pile("validation", start, stop)
    gold = {d: g for d, _, g in docs}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "pile.db"
        build_store(docs, base)
        print(f"validation {start}-{stop - 1}, {len(docs)} documents, {len(set(gold.values()))} "
              "stories; seconds and CPU seconds of the recluster, RSS of its process")  # fmt: skip
        print("| recluster | period | merge bar | stories | B3 P | B3 R | B3 F1 | ARI | seconds "
              "| CPU s | RSS start MB | peak RSS MB |")  # fmt: skip
        print("|---|---|---|---:|---|---|---|---|---:|---:|---:|---:|")
        _recluster_row("ingest only (none)", base, gold, None)
        bars = MERGE_GRID if tuning else (math.inf, Params().period_merge)
        periods = (1000, 2500) if tuning else PERIODS
        for bar in bars:
            for period in periods if bar < math.inf else PERIODS:
                db = Path(tmp) / "copy.db"
                db.unlink(missing_ok=True)
                _copy_store(base, db)
                label = "before (no merge)" if bar == math.inf else "with the merge"
                _recluster_row(label, db, gold, (period, bar))


def _recluster_row(
    label: str, db: Path, gold: dict[str, str], run: tuple[int, float] | None
) -> None:
    """One row: recluster the store in a child process (unless `run` is None) and score it."""
    import subprocess

    cost = {"s": 0.0, "cpu": 0.0, "rss0": 0.0, "peak": 0.0}
    if run is not None:
        cmd = [sys.executable, __file__, "--recluster-one", str(db), str(run[0]), str(run[1])]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        cost = json.loads(out.strip().splitlines()[-1])
    story_of = _stored_stories(db)
    ids = sorted(a for a in story_of if a in gold)
    s = score([story_of[a] for a in ids], [gold[a] for a in ids])
    period = "-" if run is None else ("all" if run[0] == 0 else f"{run[0]:,}")
    bar = "-" if run is None or run[1] == math.inf else f"{run[1]:.2f}"
    print(
        f"| {label} | {period} | {bar} | {len(set(story_of.values()))} | {s[0]:.3f} "
        f"| {s[1]:.3f} | {s[2]:.3f} | {s[3]:.3f} | {cost['s']:.1f} | {cost['cpu']:.1f} "
        f"| {cost['rss0']:.0f} | {cost['peak']:.0f} |",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid on validation 0-999")
    parser.add_argument("--speed", action="store_true", help="CPU ms an article by open stories")
    parser.add_argument("--fit", action="store_true", help="fit the dense join model on 0-999")
    parser.add_argument("--ideas", action="store_true", help="session 14's ideas, every pile")
    parser.add_argument("--embedder", help="dense embedder, e.g. minilm (default: none)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--recluster", action="store_true", help="store recluster by period")
    parser.add_argument("--clusters", default="1000:2000",
                        help="--recluster: validation clusters START:STOP (held out: 1000 on)")  # fmt: skip
    parser.add_argument("--recluster-one", nargs=3, metavar=("DB", "PERIOD", "BAR"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args(argv)
    if args.recluster_one:
        db, period, bar = args.recluster_one
        recluster_one(db, int(period), float(bar))
        return 0
    if not DATA.exists():
        print(f"{DATA}: not found; see /work/shared/data/README.md", file=sys.stderr)
        return 2
    params = Params() if args.embedder is None else Params(embedder=args.embedder)
    run: Callable[[], None]
    if args.recluster:
        run = lambda: recluster_table(args.tune, args.clusters)  # noqa: E731
    elif args.tune:
        run = lambda: tune(GRID, params)  # noqa: E731
    elif args.ideas:
        run = lambda: ideas(params)  # noqa: E731
    elif args.fit:
        run = lambda: fit(params)  # noqa: E731
    elif args.speed:
        run = lambda: speed(params)  # noqa: E731
    else:
        run = lambda: report(params, not args.no_baseline)  # noqa: E731
    run()
    return 0


GRID: dict[str, Sequence[float]] = {
    "join_prob": [0.2, 0.25, 0.3],  # with --embedder minilm
    "bridge_prob": [0.5, 0.6, 0.7],
}

if __name__ == "__main__":
    sys.exit(main())
