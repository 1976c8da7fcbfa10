"""Story clustering for a stream: each article joins the story it belongs to or starts one.

After Miranda et al. 2018 ("Multilingual Clustering of Streaming News"): a story keeps the sum of
its articles' term vectors and counts of the names they mention; a new article is scored against
the open stories by TF-IDF cosine of title + text (up to 1,000 words), shared named entities
and closeness in time, joins the best one when the score clears a threshold tuned on held-apart
data (higher for a bigger story, whose smoother centroid scores everything higher), and two
stories that one article scores highly with are merged. Terms are hashed words and adjacent
word pairs of the title and text; names are runs of capitalised words; time is days since the
epoch. Without dates (Multi-News has none) the time factor is 1 and the rest works alone.
Measured in benchmarks/bench_cluster.py (B-cubed, ARI, cost per article) and benchmarks/README.md.

With `Params(embedder="minilm")` an article also carries a sentence embedding of its title and
lead (one batch per ingest batch, `vectorize_many`), a story the sum of them, and join-or-new is a
logistic model of TF-IDF cosine, dense cosine, shared names and story size (`_join_probability`);
a vector or story without one is scored as above.

IDF is kept incrementally, as *story* frequency over the open stories (how many of them use a
term), not taken from a fixed background: the stream's own recent vocabulary says what is common
this week ("election" in an election week), no corpus ships with the package, and a new process
that loads the same open stories computes the same IDF. Article vectors carry raw term weights
only, so `vectorize` needs no fitted state at all.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import repeat
from typing import NamedTuple

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyweave.errors import InputError

_WORD = re.compile(r"\w[\w'’-]*\w|\w")
_NAME = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w'’.-]*))*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"'“”‘’(\[\n—-])\s*$")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "mr", "mrs", "ms", "just", "like"}
_NAME_STOP = frozenset(w.capitalize() for w in _STOP) | {"I", "A"}
_VEC_MAGIC, _VEC_MAGIC2 = b"SWV1", b"SWV2"  # 2: with a dense vector
_STORY_MAGIC, _STORY_MAGIC2 = b"SWS1", b"SWS2"


@dataclass(frozen=True)
class Params:
    """Knobs of the clusterer. threshold, size_slope, bigram_weight and idf_power were tuned on
    Multi-News validation clusters 0-999; the time, name and window settings were set by
    reasoning (Multi-News has no dates, and its lower-cased text few names)."""

    threshold: float = 0.12  # join the best story when its score is at least this
    size_slope: float = 0.05  # a story of n articles needs threshold + size_slope * ln(n)
    merge_threshold: float = 0.45  # two stories whose centroids' cosine reaches this become one
    bridge_score: float = 0.4  # so do two stories that one article scores at least this with
    entity_weight: float = 0.15  # bonus for names shared with the story (cosine of name counts)
    title_weight: float = 2.0  # a title word counts as this many lead words
    bigram_weight: float = 0.5  # two adjacent content words, as a term of their own
    idf_power: float = 2.0  # IDF raised to this power weighs rare words more (2: more than TF-IDF)
    # words of text read after the title: reading more helps (validation 0-999: 100 words 0.811,
    # 150 0.823, 300 0.829; raw-dev, whose articles run to ~470 words, 300 0.914 -> 1000 0.925),
    # and 1000 bounds what a very long article costs (bench_cluster --ideas)
    lead_words: int = 1000
    time_scale_days: float = 3.0  # a story older than the grace by this much scores e^-1 as well
    time_grace_days: float = 1.0  # no penalty within a day of the story's first/last article
    window_days: float = 7.0  # stories quiet for longer than this are closed (store loads these)
    max_open: int = 2000  # at most this many open stories; the least recently updated close first
    common_share: float = 0.05  # a term in more than this share of open stories is not scored
    max_candidates: int = 64  # stories scored in full for an article (the closest by cosine)
    max_story_terms: int = 400  # a story keeps its heaviest terms only, so memory stays bounded
    # The dense signal: a sentence embedding of title + lead ("" = TF-IDF and names only).
    # With it, join-or-new is a logistic model of the similarities (Miranda et al. 2018).
    # Off by default: MiniLM costs ingest more CPU per article than all the rest together, for
    # B3 F1 +0.013 on validation 1000-1999 and -0.014 on raw-dev (bench_cluster --embedder minilm)
    embedder: str = ""
    dense_words: int = 90  # title + this many words of text: about 128 word pieces
    # bias, TF-IDF cosine, its square root, dense cosine, ln(story size): fitted by logistic
    # regression on the join decisions of validation 0-999 (benchmarks/bench_cluster.py --fit)
    dense_logit: tuple[float, ...] = (-11.14, 5.42, 8.44, 11.83, -0.42)
    # names count as in the plain score (0.15 of TF-IDF cosine, ~12 logit units each): by
    # reasoning, as Multi-News is lower-cased and teaches the model nothing about names
    name_logit: float = 1.8
    join_prob: float = 0.25  # join the best story when the model gives it this probability
    bridge_prob: float = 0.6  # two stories one article gets this probability with are one
    dense_floor: float = 0.6  # stories sharing no scored term are candidates above this cosine
    # recluster: a story of one period is one with a story of an earlier period when their
    # centroids score period_merge + size_slope ln(larger's size) + period_size_slope
    # ln(smaller's size) (`story_match`); both tuned on validation 0-999 (bench_cluster
    # --recluster --tune): a one-article story joins about as its article would
    period_merge: float = 0.10
    period_size_slope: float = 0.10


@dataclass(frozen=True)
class DocVector:
    """One article as the clusterer sees it: hashed term weights, name hashes, time in days."""

    terms: np.ndarray  # int64 term hashes, sorted, unique
    weights: np.ndarray  # float32, unit length
    entities: np.ndarray  # int64 name hashes, unique
    time: float | None  # days since 1970-01-01 UTC, or None when the date is unknown
    dense: np.ndarray | None = None  # float32 unit embedding of title + lead, when made

    def to_bytes(self) -> bytes:
        """Compact bytes for the store; `from_bytes` reads them back."""
        t = math.nan if self.time is None else self.time
        parts = [
            self.terms.astype("<i8").tobytes(),
            self.weights.astype("<f4").tobytes(),
            self.entities.astype("<i8").tobytes(),
        ]
        if self.dense is None:
            head = _VEC_MAGIC + struct.pack("<IId", len(self.terms), len(self.entities), t)
        else:  # half precision: a cosine moves by ~1e-3, the row takes half the disk
            head = _VEC_MAGIC2 + struct.pack(
                "<IIdI", len(self.terms), len(self.entities), t, len(self.dense)
            )
            parts.append(self.dense.astype("<f2").tobytes())
        return head + b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes) -> DocVector:
        """Read a vector written by `to_bytes`."""
        if data[:4] not in (_VEC_MAGIC, _VEC_MAGIC2):
            raise InputError("not a storyweave document vector", hint="re-run ingest to rebuild it")
        try:
            return cls._read(data)
        except (ValueError, struct.error) as exc:
            raise InputError(
                f"document vector is cut short ({exc})", hint="re-run ingest to rebuild it"
            ) from exc

    @classmethod
    def _read(cls, data: bytes) -> DocVector:
        nt, ne, t = struct.unpack_from("<IId", data, 4)
        nd = struct.unpack_from("<I", data, 20)[0] if data[:4] == _VEC_MAGIC2 else -1
        off = 4 + (16 if nd < 0 else 20)
        terms = np.frombuffer(data, "<i8", nt, off).astype(np.int64)
        weights = np.frombuffer(data, "<f4", nt, off + 8 * nt).astype(np.float32)
        ents = np.frombuffer(data, "<i8", ne, off + 12 * nt).astype(np.int64)
        off += 12 * nt + 8 * ne
        dense = None if nd < 0 else np.frombuffer(data, "<f2", nd, off).astype(np.float32)
        return cls(terms, weights, ents, None if math.isnan(t) else t, dense)


@dataclass
class StoryState:
    """What the clusterer keeps of one story: summed term vector, name counts, size, time span."""

    story_id: str
    terms: dict[int, float] = field(default_factory=dict)
    entities: dict[int, int] = field(default_factory=dict)
    n: int = 0
    first: float | None = None
    last: float | None = None
    dense: np.ndarray | None = None  # float32 sum of its articles' dense vectors

    def to_bytes(self) -> bytes:
        """Compact bytes for the store; `from_bytes` reads them back."""
        sid = self.story_id.encode()
        first = math.nan if self.first is None else self.first
        last = math.nan if self.last is None else self.last
        sizes = (len(sid), self.n, len(self.terms), len(self.entities), first, last)
        if self.dense is None:
            head = _STORY_MAGIC + struct.pack("<IIIIdd", *sizes)
        else:
            head = _STORY_MAGIC2 + struct.pack("<IIIIddI", *sizes, len(self.dense))
        return b"".join(
            [
                head,
                sid,
                np.fromiter(self.terms.keys(), "<i8", len(self.terms)).tobytes(),
                np.fromiter(self.terms.values(), "<f4", len(self.terms)).tobytes(),
                np.fromiter(self.entities.keys(), "<i8", len(self.entities)).tobytes(),
                np.fromiter(self.entities.values(), "<i4", len(self.entities)).tobytes(),
                b"" if self.dense is None else self.dense.astype("<f4").tobytes(),
            ]
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryState:
        """Read a story written by `to_bytes`."""
        if data[:4] not in (_STORY_MAGIC, _STORY_MAGIC2):
            raise InputError("not a storyweave story state", hint="run `storyweave recluster`")
        try:
            return cls._read(data)
        except (ValueError, struct.error, UnicodeDecodeError) as exc:
            raise InputError(
                f"story state is cut short ({exc})", hint="run `storyweave recluster`"
            ) from exc

    @classmethod
    def _read(cls, data: bytes) -> StoryState:
        ls, n, nt, ne, first, last = struct.unpack_from("<IIIIdd", data, 4)
        nd = struct.unpack_from("<I", data, 36)[0] if data[:4] == _STORY_MAGIC2 else -1
        off = 4 + (32 if nd < 0 else 36)
        sid = data[off : off + ls].decode()
        off += ls
        keys = np.frombuffer(data, "<i8", nt, off).tolist()
        vals = np.frombuffer(data, "<f4", nt, off + 8 * nt).tolist()
        off += 12 * nt
        ekeys = np.frombuffer(data, "<i8", ne, off).tolist()
        evals = np.frombuffer(data, "<i4", ne, off + 8 * ne).tolist()
        off += 12 * ne
        dense = None if nd < 0 else np.frombuffer(data, "<f4", nd, off).copy()
        return cls(
            sid,
            dict(zip(keys, vals, strict=True)),
            dict(zip(ekeys, evals, strict=True)),
            n,
            None if math.isnan(first) else first,
            None if math.isnan(last) else last,
            dense,
        )


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, and stories merged on the way (old id -> new id)."""

    story_id: str
    merged: dict[str, str] = field(default_factory=dict)


def _hash(token: str) -> int:
    return zlib.crc32(token.encode()) & 0x7FFFFFFF


def _tokens(text: str) -> list[str]:
    """Content words of a text, lower-cased; stop words and short numbers dropped."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 2 or w in _STOP or (w.isdigit() and len(w) < 3):
            continue
        out.append(w)
    return out


def _names(text: str) -> set[str]:
    """Names written with capitals: runs of capitalised words not explained by a sentence start."""
    found: set[str] = set()
    for m in _NAME.finditer(text):
        words = m.group().split()
        at_start = _SENTENCE_END.search(text, max(0, m.start() - 3), m.start()) is not None
        while words and (words[0] in _NAME_STOP or words[0].rstrip(".") in _NAME_STOP):
            words = words[1:]
            at_start = False
        if not words or (at_start and len(words) == 1):
            continue
        name = " ".join(w.strip(".'’").lower() for w in words)
        found.add(name)
        if len(words) > 1:
            found.add(words[-1].strip(".'’").lower())  # "Brown" after "Dan Brown"
    return found


def published_at(published: str | None) -> datetime | None:
    """An ISO date or datetime as an aware UTC time (naive ones are UTC); None when missing
    or unreadable."""
    if not published:
        return None
    try:
        d = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return d.astimezone(UTC) if d.tzinfo else d.replace(tzinfo=UTC)


def _days(published: str | None) -> float | None:
    """An ISO date or datetime as days since the epoch; None when missing or unreadable."""
    d = published_at(published)
    return None if d is None else d.timestamp() / 86400.0


def vectorize(
    title: str,
    text: str,
    published: str | None,
    params: Params | None = None,
    dense: np.ndarray | None = None,
) -> DocVector:
    """One pass over title and lead: hashed term weights, names, time (and the dense vector
    given, from `embed_leads`). No fitted state."""
    p = params or Params()
    lead = " ".join((text or "").split()[: p.lead_words])
    counts: dict[int, float] = {}
    for part, weight in ((lead, 1.0), (title or "", p.title_weight)):
        toks = _tokens(part)
        for tok in toks:
            h = _hash(tok)
            counts[h] = counts.get(h, 0.0) + weight
        if p.bigram_weight > 0:
            for a, b in zip(toks, toks[1:], strict=False):
                h = _hash(a + " " + b)
                counts[h] = counts.get(h, 0.0) + weight * p.bigram_weight
    terms = np.array(sorted(counts), dtype=np.int64)
    w = np.array([1.0 + math.log(counts[t]) for t in terms.tolist()], dtype=np.float32)
    norm = float(np.linalg.norm(w))
    if norm > 0:
        w /= norm
    ents = np.array(sorted({_hash("E:" + n) for n in _names((title or "") + "\n" + lead)}))
    return DocVector(terms, w, ents.astype(np.int64), _days(published), dense)


def dense_lead(title: str, text: str, params: Params | None = None) -> str:
    """What the dense embedder reads of an article: its title and the first words of its text."""
    words = (text or "").split()[: (params or Params()).dense_words]
    return ((title or "").strip() + "\n" + " ".join(words)).strip()


def embed_leads(leads: Sequence[str], params: Params | None = None) -> np.ndarray | None:
    """Dense unit vectors of `dense_lead` texts in one batch; None when params name no
    embedder. MiniLM runs in bfloat16 on a CPU with AMX (same decisions, several times faster)."""
    from storyweave.embed import SentenceTransformerEmbedder, get_embedder

    name = (params or Params()).embedder
    if name in ("", "tfidf") or not leads:
        return None
    emb = SentenceTransformerEmbedder(bf16=True) if name == "minilm" else get_embedder(name)
    return np.asarray(emb.encode(list(leads)), dtype=np.float32)


def vectorize_many(
    articles: Sequence[tuple[str, str, str | None]], params: Params | None = None
) -> list[DocVector]:
    """`vectorize` of many (title, text, published) at once, dense vectors in one batch."""
    p = params or Params()
    dense = embed_leads([dense_lead(t, x, p) for t, x, _ in articles], p)
    return [
        vectorize(t, x, when, p, None if dense is None else dense[i])
        for i, (t, x, when) in enumerate(articles)
    ]


class _Score(NamedTuple):
    """How an article scores with a story: the score, what joining needs, what merging needs."""

    score: float
    bar: float
    bridge: float


class StreamClusterer:
    """Assigns articles to open stories in arrival order, merging stories that turn out one."""

    def __init__(self, stories: Iterable[StoryState] = (), params: Params | None = None):
        self.params = params or Params()
        self._stories: dict[str, StoryState] = {}
        # term -> {slot of a story using it: the story's weight of it}; ordered, so scores sum
        # in one order, and holding the weights, so scoring reads no story
        self._postings: dict[int, dict[int, float]] = {}
        self._slots = _Slots()
        self._touched: dict[str, int] = {}  # in order of last change: the first is the stalest
        self._idf_n = 0  # the number of open stories _idfs was worked out for
        self._idfs: dict[int, float] = {}  # IDF by the number of open stories using a term
        self._changed: dict[str, StoryState] = {}
        self._clock = 0
        self._norms_at = 0  # number of open stories when every norm was last recomputed
        self._newest: float | None = None
        self._dense = _DenseIndex()
        for story in stories:
            self._open(story)
            if story.last is not None:
                self._newest = max(self._newest or story.last, story.last)

    @property
    def window_days(self) -> float:
        """Stories whose last article is older than this, before the newest, are closed."""
        return self.params.window_days

    def __len__(self) -> int:
        return len(self._stories)

    def stories(self) -> list[StoryState]:
        """The open stories (for inspection and tests)."""
        return list(self._stories.values())

    def add(self, article_id: str, vec: DocVector) -> Assignment:
        """Put one article in its story (or a new one); report stories merged because of it."""
        scores = self._score(vec)
        best = max(scores, key=lambda k: scores[k].score - scores[k].bar, default=None)
        if best is None or scores[best].score < scores[best].bar:
            sid = self._new_id(article_id)
            self._open(StoryState(sid))
        else:
            sid = best
        self._join(self._stories[sid], vec)
        merged: dict[str, str] = {}
        if sid == best:  # a new story merges with nothing yet
            sid = self._merge_around(sid, scores, merged)
        self._housekeep(vec.time)
        return Assignment(sid, merged)

    def _merge_around(self, sid: str, scores: dict[str, _Score], merged: dict[str, str]) -> str:
        """Merge into the joined story the others the article showed to be the same story."""
        top = scores[sid]
        bridging = top.score >= top.bridge
        for other, sc in sorted(scores.items(), key=lambda kv: -kv[1].score):
            if sc.score < sc.bar or other == sid or other not in self._stories:
                continue
            if (bridging and sc.score >= sc.bridge) or self._story_cosine(
                self._stories[sid], self._stories[other]
            ) >= self.params.merge_threshold:
                sid = self._merge(sid, other, merged)
        return sid

    def reassign(self, article_id: str, vec: DocVector, story_of: dict[str, str]) -> bool:
        """Move an article to the story that scores it best without it (batch refinement)."""
        own = self._stories[story_of[article_id]]
        self._leave(own, vec)
        scores = self._score(vec)
        mine = scores.get(own.story_id)
        stay = (mine.score - mine.bar if mine else -1.0) if own.n else -2.0
        best = max(scores, key=lambda k: scores[k].score - scores[k].bar, default=None)
        target = own
        if best is not None and best != own.story_id:
            sc = scores[best]
            if sc.score - sc.bar > stay and sc.score >= sc.bar:
                target = self._stories[best]
        if target is not own:
            self._changed[own.story_id] = own
            if not own.n:
                self._close(own.story_id)
                self._changed.pop(own.story_id, None)
        self._join(target, vec)
        story_of[article_id] = target.story_id
        return target is not own

    def changed(self) -> list[StoryState]:
        """The stories changed since the last call, to write back after a batch."""
        out = [s for sid, s in self._changed.items() if sid in self._stories or s.n > 0]
        self._changed = {}
        return out

    def _bar(self, story: StoryState) -> float:
        """The score an article needs to join a story; a bigger story's centroid is smoother."""
        return self.params.threshold + self.params.size_slope * math.log(max(story.n, 1))

    def _new_id(self, article_id: str) -> str:
        sid, k = article_id, 1
        while sid in self._stories:
            k += 1
            sid = f"{article_id}~{k}"
        return sid

    def _idf(self, term: int) -> float:
        df = len(self._postings.get(term, ()))
        return self._idf_table().get(df) or self._idf_of(df)

    def _idf_table(self) -> dict[int, float]:
        """IDF by story frequency while the number of open stories stays as it is: a few
        hundred values, each worked out once."""
        if len(self._stories) != self._idf_n:
            self._idf_n, self._idfs = len(self._stories), {}
        return self._idfs

    def _idf_of(self, df: int) -> float:
        """IDF of a term `df` open stories use (IDF is never 0: `_idf_table().get(df) or`)."""
        idf = (math.log((1 + len(self._stories)) / (1 + df)) + 1.0) ** self.params.idf_power
        self._idf_table()[df] = idf
        return idf

    def _norm(self, story: StoryState) -> float:
        """The length of a story's IDF-weighted term vector, kept until it or IDF changes."""
        slot = self._slots.of[story.story_id]
        norm = float(self._slots.norms[slot])
        if math.isnan(norm):
            idfs = self._idf_table()
            dfs = list(map(len, map(self._postings.__getitem__, story.terms)))
            for df in set(dfs).difference(idfs):
                self._idf_of(df)
            # sum((v * idf(t)) ** 2 for ...) as map, so the loop runs in C: the same floats
            weighted = map(operator.mul, story.terms.values(), map(idfs.__getitem__, dfs))
            norm = math.sqrt(sum(map(pow, weighted, repeat(2)))) or 1.0
            self._slots.norms[slot] = norm
        return norm

    def _score(self, vec: DocVector) -> dict[str, _Score]:
        """How the article scores with each candidate story, and what joining it needs."""
        p = self.params
        out = {}
        for sid, (tfidf, dense, names) in self.similarities(vec).items():
            story = self._stories[sid]
            if dense is None:
                s, bar, bridge = tfidf + p.entity_weight * names, self._bar(story), p.bridge_score
            else:
                s = _join_probability(tfidf, dense, names, story.n, p)
                bar, bridge = p.join_prob, p.bridge_prob
            out[sid] = _Score(s * _time_factor(vec.time, story, p), bar, bridge)
        return out

    def similarities(self, vec: DocVector) -> dict[str, tuple[float, float | None, float]]:
        """(TF-IDF cosine, dense cosine or None, names cosine) with the open stories closest to
        the article (`_closest`) among those sharing a scored term with it or whose dense
        centroid is close to it."""
        slots, tfidf = self._tfidf(vec)
        cosines = self._dense.cosines(vec.dense)
        if cosines is None:
            keep = self._closest(tfidf)
            sids = [self._slots.sids[s] for s in slots[keep].tolist()]
            tfidf = tfidf[keep]
        else:
            sids, tfidf = self._with_dense(slots, tfidf, cosines)
        ents = vec.entities.tolist()
        out: dict[str, tuple[float, float | None, float]] = {}
        for sid, tf in zip(sids, tfidf.tolist(), strict=True):
            story = self._stories[sid]
            names = _entity_cosine(ents, story.entities) if ents and story.entities else 0.0
            row = self._dense.rows.get(sid)
            dense = None if cosines is None or row is None else float(cosines[row])
            out[sid] = (tf, dense, names)
        return out

    def _tfidf(self, vec: DocVector) -> tuple[np.ndarray, np.ndarray]:
        """The TF-IDF cosine of the article with each story sharing a scored term with it
        (slots, in the order first met, and cosines)."""
        slots, dots, qnorm = self._dots(vec)
        norms = self._slots.norms[slots]
        for i in np.flatnonzero(np.isnan(norms)).tolist():
            norms[i] = self._norm(self._stories[self._slots.sids[slots[i]]])
        return slots, np.where(dots != 0.0, dots / (qnorm * norms), 0.0)

    def _closest(self, tfidf: np.ndarray) -> np.ndarray:
        """Positions of the `max_candidates` highest cosines, in the order given. A word shared
        with half the open stories makes hundreds of candidates, nearly all far below any bar."""
        k = self.params.max_candidates
        if len(tfidf) <= k:
            return np.arange(len(tfidf))
        # as heapq.nlargest: of equal cosines at the k-th the stories met first are kept
        kth = np.partition(tfidf, len(tfidf) - k)[len(tfidf) - k]
        above = np.flatnonzero(tfidf > kth)
        return np.union1d(above, np.flatnonzero(tfidf == kth)[: k - len(above)])

    def _with_dense(
        self, slots: np.ndarray, tfidf: np.ndarray, cosines: np.ndarray
    ) -> tuple[list[str], np.ndarray]:
        """The candidates with the dense signal: the closest by TF-IDF and by dense cosine,
        among the stories sharing a term and those whose centroid is within `dense_floor`."""
        sids = [self._slots.sids[s] for s in slots.tolist()]
        met = set(sids)
        close = np.flatnonzero(cosines >= self.params.dense_floor).tolist()
        sids += [sid for sid in (self._dense.sids[i] for i in close) if sid and sid not in met]
        tfidf = np.concatenate([tfidf, np.zeros(len(sids) - len(slots))])  # "" is a free row
        keep = set(self._closest(tfidf).tolist())
        if len(sids) > self.params.max_candidates:
            rows = self._dense.rows
            dense = {i: float(cosines[rows[sid]]) for i, sid in enumerate(sids) if sid in rows}
            keep.update(heapq.nlargest(self.params.max_candidates, dense, key=dense.__getitem__))
        chosen = sorted(keep)
        return [sids[i] for i in chosen], tfidf[chosen]

    def join_stories(self, stories: Sequence[StoryState]) -> dict[str, str]:
        """Take in the stories of a new period: each merges into the open story it is one with
        (`story_match`, among those open before the period) or opens. Returns the merges (old id
        -> surviving id); `changed()` then gives the survivors."""
        matches = [(st, self.story_match(st)) for st in stories]
        merged: dict[str, str] = {}
        for st, _ in matches:
            self._open(st)
            self._prune(st)  # as a joined story is: the index stays bounded
        for st, target in matches:
            a, b = merged.get(target or "", target), merged.get(st.story_id, st.story_id)
            if a is not None and a != b:
                self._merge(a, b, merged)
        times = [st.last for st in stories if st.last is not None]
        self._housekeep(max(times) if times else None)
        return merged

    def story_match(self, story: StoryState) -> str | None:
        """The open story another story is one with: the best by centroid (TF-IDF cosine plus
        shared names, times closeness in time) among those it clears the bar with, else None.
        The smaller of two stories joins the larger much as an article would (`size_slope` ln
        of the larger's size), and needs more the more articles it has: its centroid is
        smoother than one article and scores everything higher."""
        if not story.terms:
            return None
        p = self.params
        terms = np.array(sorted(story.terms), dtype=np.int64)
        weights = np.array([story.terms[t] for t in terms.tolist()], dtype=np.float32)
        weights /= float(np.linalg.norm(weights)) or 1.0
        slots, tfidf = self._tfidf(DocVector(terms, weights, np.zeros(0, np.int64), None))
        best, lead = None, 0.0
        for i in self._closest(tfidf).tolist():
            other = self._stories[self._slots.sids[slots[i]]]
            names = _counts_cosine(story.entities, other.entities)
            sc = (float(tfidf[i]) + p.entity_weight * names) * _span_factor(story, other, p)
            small, big = sorted((max(story.n, 1), max(other.n, 1)))
            bar = p.period_merge + p.size_slope * math.log(big)
            bar += p.period_size_slope * math.log(small)
            if sc - bar >= lead:
                best, lead = other.story_id, sc - bar
        return best

    def place(self, story_id: str, vec: DocVector) -> None:
        """Put an article in a named story, opened if need be (replaying known stories)."""
        if story_id not in self._stories:
            self._open(StoryState(story_id))
        self._join(self._stories[story_id], vec)

    def _dots(self, vec: DocVector) -> tuple[np.ndarray, np.ndarray, float]:
        """IDF-weighted dot products with the stories sharing a scored term (their slots, in
        the order first met, and the products), and the article's norm."""
        # a word most open stories use says little and costs a pass over all of them: skipped
        common = max(50, int(self.params.common_share * len(self._stories)))
        idfs, idf_of, postings = self._idf_table(), self._idf_of, self._postings
        slots: list[int] = []
        weights: list[float] = []
        coefs: list[float] = []
        sizes: list[int] = []
        qnorm2 = 0.0
        for t, w in zip(vec.terms.tolist(), vec.weights.tolist(), strict=True):
            posting = postings.get(t)
            df = len(posting) if posting else 0
            idf = idfs.get(df) or idf_of(df)
            qw = w * idf
            qnorm2 += qw * qw
            if posting and df <= common:
                slots += posting
                weights += posting.values()
                coefs.append(qw * idf)
                sizes.append(df)
        qnorm = math.sqrt(qnorm2) or 1.0
        if not slots:
            return np.zeros(0, dtype=np.intp), np.zeros(0), qnorm
        at = np.array(slots, dtype=np.intp)
        # bincount adds in the order given, term by term, as a loop over the postings would
        acc = np.bincount(at, np.repeat(coefs, sizes) * np.array(weights))
        # the order stories are first met in, so that ties between them break alike
        first = np.full(len(acc), len(at))
        np.minimum.at(first, at, np.arange(len(at)))
        met = np.flatnonzero(first < len(at))
        order = met[np.argsort(first[met])]
        return order, acc[order], qnorm

    def _open(self, story: StoryState) -> None:
        self._stories[story.story_id] = story
        slot = self._slots.take(story.story_id)
        for t, v in story.terms.items():
            self._postings.setdefault(t, {})[slot] = v
        self._touch(story.story_id)

    def _close(self, sid: str) -> None:
        story = self._stories.pop(sid)
        slot = self._slots.of[sid]
        for t in story.terms:
            self._drop_posting(t, slot)
        self._slots.free(sid)
        self._touched.pop(sid, None)
        self._dense.drop(sid)

    def _touch(self, sid: str) -> None:
        self._clock += 1
        self._touched.pop(sid, None)  # to the end: _touched stays in order of change
        self._touched[sid] = self._clock
        self._slots.norms[self._slots.of[sid]] = math.nan
        self._dense.put(sid, self._stories[sid].dense)

    def _join(self, story: StoryState, vec: DocVector) -> None:
        """Add an article's vector, names and time to a story."""
        sid = story.story_id
        self._add_terms(story, zip(vec.terms.tolist(), vec.weights.tolist(), strict=True))
        for e in vec.entities.tolist():
            story.entities[e] = story.entities.get(e, 0) + 1
        if vec.dense is not None:
            story.dense = _plus(story.dense, vec.dense)
        story.n += 1
        if vec.time is not None:
            story.first = vec.time if story.first is None else min(story.first, vec.time)
            story.last = vec.time if story.last is None else max(story.last, vec.time)
        self._prune(story)
        self._touch(sid)
        self._changed[sid] = story

    def _leave(self, story: StoryState, vec: DocVector) -> None:
        """Take an article's vector and names out of its story (times are left as they were)."""
        slot, terms = self._slots.of[story.story_id], story.terms
        for t, w in zip(vec.terms.tolist(), vec.weights.tolist(), strict=True):
            if t in terms:
                v = terms[t] - w
                if v <= 1e-6:
                    del terms[t]
                    self._drop_posting(t, slot)
                else:
                    terms[t] = v
                    self._postings[t][slot] = v
        for e in vec.entities.tolist():
            if story.entities.get(e, 0) > 1:
                story.entities[e] -= 1
            else:
                story.entities.pop(e, None)
        if (
            vec.dense is not None
            and story.dense is not None
            and story.dense.shape == vec.dense.shape
        ):
            story.dense = story.dense - vec.dense
        story.n -= 1
        self._touch(story.story_id)

    def _add_terms(self, story: StoryState, weights: Iterable[tuple[int, float]]) -> None:
        """Add term weights to a story, its postings following."""
        slot, terms, postings = self._slots.of[story.story_id], story.terms, self._postings
        for t, w in weights:
            v = terms.get(t, 0.0) + w
            terms[t] = v
            postings.setdefault(t, {})[slot] = v

    def _drop_posting(self, term: int, slot: int) -> None:
        posting = self._postings[term]
        posting.pop(slot, None)
        if not posting:
            del self._postings[term]

    def _prune(self, story: StoryState) -> None:
        """Keep a story's heaviest terms only, so a big story costs no more than a mid-sized one."""
        cap = self.params.max_story_terms
        if len(story.terms) <= cap * 3 // 2:
            return
        keep = sorted(story.terms, key=story.terms.__getitem__, reverse=True)[:cap]
        kept = set(keep)
        slot = self._slots.of[story.story_id]
        for t in [t for t in story.terms if t not in kept]:
            del story.terms[t]
            self._drop_posting(t, slot)

    def _story_cosine(self, a: StoryState, b: StoryState) -> float:
        if len(b.terms) < len(a.terms):
            a, b = b, a
        idf = self._idf
        dot = sum(v * b.terms[t] * idf(t) ** 2 for t, v in a.terms.items() if t in b.terms)
        return dot / (self._norm(a) * self._norm(b))

    def _merge(self, a: str, b: str, merged: dict[str, str]) -> str:
        """Fold the smaller of two stories into the larger; returns the survivor's id."""
        keep, gone = (a, b) if self._stories[a].n >= self._stories[b].n else (b, a)
        src = self._stories[gone]
        self._close(gone)
        dst = self._stories[keep]
        self._add_terms(dst, src.terms.items())
        for e, c in src.entities.items():
            dst.entities[e] = dst.entities.get(e, 0) + c
        if src.dense is not None:
            dst.dense = _plus(dst.dense, src.dense)
        dst.n += src.n
        for when in (src.first, src.last):
            if when is not None:
                dst.first = when if dst.first is None else min(dst.first, when)
                dst.last = when if dst.last is None else max(dst.last, when)
        self._prune(dst)
        self._touch(keep)
        self._changed.pop(gone, None)
        self._changed[keep] = dst
        for old, new in merged.items():
            if new == gone:
                merged[old] = keep
        merged[gone] = keep
        return keep

    def _housekeep(self, time: float | None) -> None:
        """Close stories gone quiet or beyond the cap; refresh norms when IDF has drifted."""
        p = self.params
        if time is not None and (self._newest is None or time > self._newest):
            self._newest = time
            cutoff = time - p.window_days
            for sid in [
                s for s, st in self._stories.items() if st.last is not None and st.last < cutoff
            ]:
                self._close(sid)
        while len(self._stories) > p.max_open:
            self._close(next(iter(self._touched)))  # the least recently changed
        n = len(self._stories)
        if abs(n - self._norms_at) > max(20, self._norms_at // 2):  # IDF drifts slowly
            self._slots.norms[:] = math.nan
            self._norms_at = n


class _Slots:
    """A number for each open story (postings name stories by it) and its cached norm."""

    def __init__(self) -> None:
        self.of: dict[str, int] = {}
        self.sids: list[str] = []  # story of each slot ("" for a free one)
        self.norms = np.zeros(0)  # NaN: not known
        self._free: list[int] = []

    def take(self, sid: str) -> int:
        """A slot for a story just opened."""
        slot = self._free.pop() if self._free else len(self.sids)
        if slot == len(self.sids):
            self.sids.append("")
        if slot >= len(self.norms):
            self.norms = np.concatenate([self.norms, np.full(max(64, len(self.norms)), math.nan)])
        self.of[sid] = slot
        self.sids[slot] = sid
        self.norms[slot] = math.nan
        return slot

    def free(self, sid: str) -> None:
        """Give a closed story's slot back."""
        slot = self.of.pop(sid)
        self.sids[slot] = ""
        self._free.append(slot)


class _DenseIndex:
    """The open stories' dense centroids as rows of one matrix, so one product scores them all."""

    def __init__(self) -> None:
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.rows: dict[str, int] = {}
        self.sids: list[str] = []  # story of each row ("" for a free row)
        self._free: list[int] = []

    def put(self, sid: str, dense: np.ndarray | None) -> None:
        """Set a story's row to its unit centroid (or drop the row when it has none)."""
        norm = 0.0 if dense is None else float(np.linalg.norm(dense))
        if dense is None or norm == 0.0 or (self.rows and len(dense) != self.matrix.shape[1]):
            self.drop(sid)  # a vector of another length is another model's: not comparable
            return
        row = self.rows.get(sid)
        if row is None:
            row = self._row(len(dense))
            self.rows[sid] = row
            self.sids[row] = sid
        self.matrix[row] = dense / norm

    def _row(self, dim: int) -> int:
        """A free row for a vector of `dim` numbers, the matrix grown if need be."""
        if not self.rows and self.matrix.shape[1] != dim:  # empty, or only another model's
            self.matrix, self.sids, self._free = np.zeros((0, dim), dtype=np.float32), [], []
        if self._free:
            return self._free.pop()
        row = len(self.sids)
        if row >= self.matrix.shape[0]:
            bigger = np.zeros((max(64, 2 * row), dim), dtype=np.float32)
            bigger[:row] = self.matrix[:row]
            self.matrix = bigger
        self.sids.append("")
        return row

    def drop(self, sid: str) -> None:
        """Free a story's row."""
        row = self.rows.pop(sid, None)
        if row is not None:
            self.matrix[row] = 0.0
            self.sids[row] = ""
            self._free.append(row)

    def cosines(self, dense: np.ndarray | None) -> np.ndarray | None:
        """Cosine of a unit vector with every row (0 for free rows); None when not comparable."""
        if dense is None or not self.rows or len(dense) != self.matrix.shape[1]:
            return None
        out: np.ndarray = self.matrix[: len(self.sids)] @ dense
        return out


def _plus(total: np.ndarray | None, dense: np.ndarray) -> np.ndarray:
    """A running sum of dense vectors (a copy: the article's vector is not to be changed)."""
    if total is None or total.shape != dense.shape:
        return np.array(dense, dtype=np.float32)
    return total + dense


def _join_probability(tfidf: float, dense: float, names: float, n: int, p: Params) -> float:
    """The logistic model's probability that an article belongs to a story of n articles."""
    b, w_tfidf, w_root, w_dense, w_size = p.dense_logit
    z = b + w_tfidf * tfidf + w_root * math.sqrt(max(tfidf, 0.0)) + w_dense * dense
    z += w_size * math.log(max(n, 1)) + p.name_logit * names
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def _entity_cosine(ents: list[int], counts: dict[int, int]) -> float:
    dot = sum(counts.get(e, 0) for e in ents)
    if not dot:
        return 0.0
    return dot / (math.sqrt(len(ents)) * math.sqrt(sum(c * c for c in counts.values())))


def _counts_cosine(a: dict[int, int], b: dict[int, int]) -> float:
    """Cosine of two stories' name counts."""
    if len(b) < len(a):
        a, b = b, a
    dot = sum(c * b[e] for e, c in a.items() if e in b)
    if not dot:
        return 0.0
    norms = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norms


def _span_factor(a: StoryState, b: StoryState, p: Params) -> float:
    """`_time_factor` for two stories: by the gap between their time spans."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return 1.0
    gap = max(a.first - b.last, b.first - a.last, 0.0)
    return math.exp(-max(0.0, gap - p.time_grace_days) / p.time_scale_days)


def _time_factor(time: float | None, story: StoryState, p: Params) -> float:
    """1 within the grace of the story's span, decaying with a few days' scale beyond it."""
    if time is None or story.first is None or story.last is None:
        return 1.0
    gap = max(story.first - time, time - story.last, 0.0)
    return math.exp(-max(0.0, gap - p.time_grace_days) / p.time_scale_days)


def batch_cluster(
    items: Sequence[tuple[str, DocVector]], params: Params | None = None, rounds: int = 2
) -> dict[str, str]:
    """Recluster a period from scratch: article id -> story id.

    One pass in time order (given order when some dates are missing), then `rounds` passes that
    move each article to the story that now scores it best, itself left out of its own story,
    as k-means does; an article that arrived early is judged against the stories as they ended.
    """
    timed = all(v.time is not None for _, v in items)
    order = sorted(items, key=lambda kv: kv[1].time or 0.0) if timed else list(items)
    p = replace(params or Params(), window_days=math.inf, max_open=max(len(items), 1))
    clusterer = StreamClusterer(params=p)
    story_of: dict[str, str] = {}
    for aid, vec in order:
        got = clusterer.add(aid, vec)
        if got.merged:
            story_of = {a: got.merged.get(s, s) for a, s in story_of.items()}
        story_of[aid] = got.story_id
    for _ in range(rounds):
        moved = sum(clusterer.reassign(aid, vec, story_of) for aid, vec in order)
        if not moved:
            break
    return story_of
