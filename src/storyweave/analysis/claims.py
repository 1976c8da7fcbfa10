"""Claim alignment across articles: agreements, conflicts and single-source claims.

Every sentence worth aligning is embedded once; each one keeps its top-k neighbours from other
articles (blockwise numpy, so 200 articles stay bounded), and neighbours above a per-embedder
threshold are merged agglomeratively (at most one sentence per article, average linkage) into
claims. Conflicts are looked for inside claims and between related sentences: opposite polarity,
an explicit denial, different numbers of the same kind, different years. Outlets are counted
independently: one source counts once, and near-verbatim copies (syndication) count once.

Figures are read by `quantities` (values, hedges, ranges, units) and measured by `frames`:
the shared spaCy parse (`annotate`) says what the regular expressions cannot, a figure's frame
(the thing it counts, the verb it hangs on, that verb's subject, whose age it is), so two figures
conflict only when they measure the same thing of the same subject (`frames.parse_frame`,
`frames.same_measure`). Negated predicates and denials are read by `polarity`; a negation's scope (a `neg` on the very verb both sentences assert, of the same
subject or object, the positive one asserted as fact: `predicates`, `opposed`); and whose
statement a denial denies (`denied_party`). An agreement whose outlets give different values of
one quantity is a conflict (`_hidden_pairs`). Values, hedges and units stay with the regular
expressions, which read them better than the model's number entities.

Sentences of two outlets that tell one event are also compared slot by slot (`slots`): the day
and clock time of one act, counts whose clauses name one place and tell one fate (hurt,
killed), one relative or several in one role, two names in one slot ("education for Wella" /
"for ... Coty Inc."), and a name spelt two ways by outlets that keep to their own spelling.
One value of one thing given by two outlets in sentences that tell other facts too is an
agreement on that fact (`_value_groups`), so a sentence may back two agreements.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

if TYPE_CHECKING:  # spaCy loads only when a brief is analysed
    from spacy.tokens import Span, Token

from ..embed import Embedder, Matrix, similarity
from ..model import (
    Agreement,
    Article,
    Claim,
    Conflict,
    ConflictSide,
    Entity,
    Evidence,
    Quote,
    Sentence,
)
from ..text.annotate import Annotations, annotate
from ..text.segment import strip_dateline
from .entities import fold
from .entities.lexicon import _gazetteer
from .entities.words import _HONORIFICS, _ROLES
from .frames import (
    _CHILD,
    _LIGHT,
    _MODALS,
    _PERSON_NOUNS,
    _SUBJECTS,
    Frame,
    _key,
    _number_token,
    _person,
    _person_word,
    _same_person,
    _two_times,
    one_fall,
    parse_frame,
    same_measure,
)
from .polarity import (
    _ACCUSATION,
    _ANTONYMS,
    _MONEY_WORDS,
    _absent,
    _found,
    _positive_phrase,
    denial_clause,
    negated_predicates,
)
from .quantities import (
    _LENGTH,
    _LOWER,
    _METRES,
    _MONEY,
    _PEOPLE,
    _SCALE,
    _SPELLED_VALUE,
    _STOP,
    _UPPER,
    _WORD,
    Quantity,
    _irregular,
    _lemma,
    _year_frames,
    day_dates,
    figures,
    quantities,
    years,
)
from .quotes import quote_marks, unattributed_quotes
from .quotes.syntax import _SPEECH_LEMMAS
from .slots import (
    KIN_WORDS,
    Slot,
    clash,
    clause_head,
    clock_slots,
    context,
    day_slots,
    fate,
    kin_slots,
    name_forms,
    named_slots,
    one_act,
    other_names,
    spellings,
)
from .timeline import _MONTHS, _WEEKDAYS
from .unionfind import UnionFind

# Cosine thresholds per embedder: (align into one claim, related enough to compare for conflicts).
# Within one story every sentence is on topic: MiniLM alone gives unrelated sentences of one story
# 0.15-0.65 (seeds, one celebrity everywhere: up to 0.68) and restatements of one fact 0.5-0.9;
# TF-IDF only sees shared words, so lower. A dense embedder's cosine is taken together with
# TF-IDF's (see `_vectors`), so its thresholds sit between the two.
# An edge also needs two shared content words (names, numbers, verbs) as a lexical anchor.
THRESHOLDS: dict[str, tuple[float, float]] = {
    "minilm": (0.40, 0.28),
    "tfidf": (0.35, 0.22),
}
DEFAULT_THRESHOLDS = THRESHOLDS["minilm"]
TOPIC_SHARE = 0.12  # a word in more than this share of sentences is the story's topic
TOP_K = 12  # neighbours kept per sentence; bounds the work on big stories
MIN_WORDS = 6  # shorter sentences are captions, bylines or fragments ...
MIN_WORDS_CLOSED = 3  # ... unless they end on a full stop: "Nobody was killed."
# Two sums of money further apart than this are different things (a weekly running cost and a
# repair bill), not one figure the outlets disagree on
_MONEY_RATIO = 5.0
# ... and two counts more than this apart ("4,200 people fled" / "310 people spent the night in
# shelters"): outlets that disagree on one count are seldom further apart (17 / 23 injured,
# 34,000 / 43,000 patients, 412 / 380 pupils)
_COUNT_RATIO = 3.0
# ... and two ages more than this apart are two people ("the 36-year-old" and "her
# 3-month-old son"): a misreported age is off by a year or two
_AGE_RATIO = 1.5
SYNDICATION_JACCARD = 0.8  # word 5-shingle Jaccard above which two articles are copies
# ... or the share of the shorter article's shingles found in the longer one: a page that prints
# a wire story or a press release whole, with its own lines around it, is that story's copy
SYNDICATION_CONTAINED = 0.8
CONTAINED_MIN = 50  # shingles the shorter needs: two short items may share most of their words
MAX_SINGLE = 60  # single-source claims kept (the most specific first)

_BOILERPLATE = re.compile(
    r"^\s*(?:watch|read more|more from|click|sign up|subscribe|follow us|share|advertisement|"
    r"image via|photo|related|check out|see also)\b|cookie|newsletter|all rights reserved|"
    r"getty images|wireimage|©|reached out to .{0,40} for comment",
    re.IGNORECASE,
)

# --- outlets ------------------------------------------------------------------------------


def _shingles(text: str, k: int = 5) -> set[int]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1)}


def independent_outlets(articles: Sequence[Article]) -> list[int]:
    """Per article, the index of its independent outlet (same source or a syndicated copy)."""
    n = len(articles)
    uf = UnionFind(n)
    first: dict[str, int] = {}
    for i, a in enumerate(articles):
        key = (a.source or "").strip().lower() or f"\0{a.id}"
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
    # Shingle sets as a sparse binary matrix: one product gives every pair's overlap.
    vocab: dict[int, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, a in enumerate(articles):
        for h in _shingles(a.text):
            rows.append(i)
            cols.append(vocab.setdefault(h, len(vocab)))
    if vocab and n > 1:
        x = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), (n, len(vocab)))
        sizes = np.asarray(x.sum(axis=1)).ravel()
        inter = (x @ x.T).tocoo()
        for i, j, v in zip(inter.row, inter.col, inter.data, strict=True):
            if i >= j:
                continue
            copied = v / max(sizes[i] + sizes[j] - v, 1.0) > SYNDICATION_JACCARD
            shorter = min(sizes[i], sizes[j])
            contained = shorter >= CONTAINED_MIN and v / shorter >= SYNDICATION_CONTAINED
            if copied or contained:
                uf.union(int(i), int(j))
    return [uf.find(i) for i in range(n)]


# --- alignment -----------------------------------------------------------------------------


@dataclass
class _Item:
    art: int  # article position
    sent: Sentence
    source: str
    outlet: int
    nums: frozenset[tuple[str, float]] = field(default_factory=frozenset)
    ents: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)
    qs: tuple[Quantity, ...] = ()
    yrs: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    figures: frozenset[str] = field(default_factory=frozenset)
    plain: frozenset[str] = field(default_factory=frozenset)
    span: Span | None = None  # the sentence's tokens in the shared parse
    frames: tuple[Frame | None, ...] = ()  # per quantity in `qs`, what it measures
    named: dict[str, str] | None = None  # `slots.named_slots`, read when first needed
    slots: list[Slot] | None = None  # its days and clock times, read when first needed


_NOBODY = re.compile(r"\b(?:no[ -]one|nobody|none)\b", re.IGNORECASE)


_NUMBER_TOKEN = re.compile(r"\d[\d,.]*\d|\d")


def _anchor_words(words: Iterable[str], text: str) -> frozenset[str]:
    """Lemmas of the content words among `words`, and the numbers of `text`."""
    lemmas = {_lemma(w) for w in words if w.lower() not in _STOP and len(w) > 2}
    return frozenset(lemmas | set(_NUMBER_TOKEN.findall(text)))


def _content(text: str) -> frozenset[str]:
    """Lemmas of the content words and the numbers of a sentence, for lexical anchoring
    ("no one" and "none" read as "nobody": "Nobody was killed" / "No one was killed")."""
    return _anchor_words(_WORD.findall(_NOBODY.sub("nobody", text)), text)


_NAME_WORDS = frozenset(_ROLES) | frozenset(_HONORIFICS)
_WHEN_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)  # capitalised, but a fact, not a name


def _plain(text: str, lower_seen: set[str]) -> frozenset[str]:
    """The content lemmas and numbers of a sentence outside its names and the role words next
    to them ("the former Gossip Girl star", "club president Rui Valadares"): what it says,
    not whom it is about. A capitalised first word is a name only when the story never writes
    it in lower case. In a sentence in capitals (or title case) case tells nothing: no names."""
    toks = [m.group() for m in _WORD.finditer(_NOBODY.sub("nobody", text))]
    cased = 3 * sum(w[0].islower() for w in toks) >= len(toks)
    name = [
        cased
        and w[0].isupper()
        and (k > 0 or w.lower() not in lower_seen)
        and w.lower() not in _WHEN_WORDS
        for k, w in enumerate(toks)
    ]
    for k, w in enumerate(toks):
        if not name[k] and w.lower() in _NAME_WORDS:
            name[k] = (k > 0 and name[k - 1]) or (k + 1 < len(toks) and name[k + 1])
    return _anchor_words((w for w, is_name in zip(toks, name, strict=True) if not is_name), text)


def _topic(items: Sequence[_Item], keys: Callable[[_Item], Iterable[str]]) -> set[str]:
    """The keys (words, names) found in more than TOPIC_SHARE of a story's sentences, when it
    has enough sentences to tell."""
    if len(items) < 20:
        return set()
    counts = Counter(k for it in items for k in keys(it))
    return {k for k, c in counts.items() if c > TOPIC_SHARE * len(items)}


def _usable(text: str) -> bool:
    words = _WORD.findall(text)
    closed = text.rstrip(" \"'”’").endswith((".", "!"))
    if len(words) < (MIN_WORDS_CLOSED if closed else MIN_WORDS) or _BOILERPLATE.search(text):
        return False
    if text.rstrip(" \"'”’").endswith(("?", "...", "…", ":")):
        # a question asserts nothing; a sentence the page cut off ("... and...") is not whole;
        # one that ends on a colon introduces what follows ("Here is her tweet from March 21:")
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 0.5 * len(text.replace(" ", ""))


def _dot(x: Matrix, a: Sequence[int], b: Sequence[int]) -> np.ndarray:
    out = x[list(a)] @ x[list(b)].T
    if sp.issparse(out):
        out = out.toarray()
    return np.asarray(out, dtype=np.float32)


def _neighbours(x: Matrix, arts: np.ndarray, k: int, floor: float) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for i<j among each row's top-k rows from other articles above floor."""
    n = x.shape[0]
    pairs: dict[tuple[int, int], float] = {}
    block = 512
    xt = x.T
    for s in range(0, n, block):
        e = min(n, s + block)
        sims = x[s:e] @ xt
        sims = sims.toarray() if sp.issparse(sims) else np.asarray(sims)
        sims = sims.astype(np.float32, copy=False)
        sims[arts[s:e, None] == arts[None, :]] = -1.0  # same article never aligns
        kk = min(k, n - 1)
        if kk <= 0:
            break
        top = (
            np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
            if kk < n
            else np.tile(np.arange(n), (e - s, 1))
        )
        for r in range(e - s):
            i = s + r
            for j in top[r]:
                v = float(sims[r, j])
                if v >= floor:
                    key = (i, int(j)) if i < j else (int(j), i)
                    pairs[key] = max(v, pairs.get(key, -1.0))
    return sorted(((v, i, j) for (i, j), v in pairs.items()), key=lambda t: (-t[0], t[1], t[2]))


def _figure_pairs(
    x: Matrix, items: Sequence[_Item], topic_words: set[str], related_t: float
) -> list[tuple[int, int]]:
    """Sentences of two outlets that give the same figure of the same thing ("suspended for
    at least two weeks" / "will halt production for at least two weeks") and share two more
    content words, however differently the rest is worded. `align_claims` lets them merge at
    the align threshold, after every plainly similar pair, and average linkage still guards a
    cluster; their cosine only has to rule out noise."""
    by_figure: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        for f in it.figures:
            by_figure.setdefault(f, []).append(i)
    out: set[tuple[int, int]] = set()
    for i, j, sim in _bucket_pairs(x, items, by_figure, 40, 0.0):
        # the figure and two more words; a sentence of three words ("The town has about
        # 9,000 residents.") can share only one more
        need = min(3, len(items[i].words) - 1, len(items[j].words) - 1)
        shared = len((items[i].words & items[j].words) - topic_words)
        if shared >= max(need, 2) and sim >= 0.5 * related_t:
            out.add((i, j))
        elif _distinctive(items[i].figures & items[j].figures):
            # "412 pupils", "286 passengers": a count of ten or more of one thing, given by two
            # outlets, is one fact however long the sentences around it
            out.add((i, j))
    return sorted(out)


def _distinctive(shared: Iterable[str]) -> bool:
    """Whether a shared figure is a count of ten or more of something (not a year, not a
    share): specific enough to tell one fact of a story by itself."""
    for f in shared:
        value, _, unit = f.partition(" ")
        if unit and unit != "percent" and value.replace(".", "", 1).isdigit():
            if float(value) >= 10:
                return True
    return False


def _contained_pairs(
    edges: Sequence[tuple[float, int, int]], items: Sequence[_Item], topic_words: set[str]
) -> list[tuple[int, int]]:
    """Sentences of two outlets where the shorter says nothing the longer does not: all but a
    fifth of its content words, and three beyond the story's topic, are in the longer one
    ("Check the serial number under the footboard." / "..., which said owners should check the
    serial number printed under the footboard."). A sentence of one fact and a longer one that
    tells it among others have a low cosine; containment is the sign that they share it."""
    out: set[tuple[int, int]] = set()
    for _, i, j in edges:
        a, b = items[i].words, items[j].words
        small, big = (a, b) if len(a) <= len(b) else (b, a)
        shared = small & big
        if len(shared - topic_words) >= 3 and len(shared) >= 0.8 * len(small):
            out.add((i, j) if i < j else (j, i))
    return sorted(out)


def _bucket_pairs(
    x: Matrix, items: Sequence[_Item], buckets: Mapping[str, list[int]], cap: int, floor: float
) -> Iterator[tuple[int, int, float]]:
    """(i, j, cosine), i < j, for two sentences of different outlets in one bucket (the first
    `cap` of it) whose cosine reaches `floor`."""
    for key in sorted(buckets):
        ids = buckets[key][:cap]
        if len({items[i].outlet for i in ids}) < 2:
            continue
        sims = _dot(x, ids, ids)
        for p, i in enumerate(ids):
            for q in range(p + 1, len(ids)):
                j = ids[q]
                if items[i].outlet != items[j].outlet and sims[p, q] >= floor:
                    yield i, j, float(sims[p, q])


def _row_sum(x: Matrix, rows: Sequence[int]) -> np.ndarray:
    return np.asarray(x[list(rows)].sum(axis=0), dtype=np.float32).ravel()


def _cluster(
    x: Matrix,
    items: Sequence[_Item],
    edges: Sequence[tuple[float, int, int]],
    threshold: float,
    anchored: frozenset[tuple[int, int]] = frozenset(),
    anchor_floor: float = 0.0,
    avoid: frozenset[int] = frozenset(),
) -> list[list[int]]:
    """Agglomerative merge over edges (best first): one sentence per article, average linkage.
    An `anchored` pair (same figure, see `_figure_pairs`) needs only `anchor_floor` of average
    linkage, and never joins a cluster holding a sentence in `avoid`."""
    uf = UnionFind(len(items))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    arts: dict[int, set[int]] = {i: {items[i].art} for i in range(len(items))}
    sums: dict[int, np.ndarray] = {}  # row sums of merged clusters: average linkage in O(dim)
    for score, i, j in edges:
        if score < threshold:
            break
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or arts[ri] & arts[rj]:
            continue
        a, b = members[ri], members[rj]
        sa = sums[ri] if ri in sums else _row_sum(x, a)
        sb = sums[rj] if rj in sums else _row_sum(x, b)
        floor = 0.8 * threshold
        if (i, j) in anchored:
            if avoid.intersection(a + b):
                continue
            floor = anchor_floor
        if len(a) * len(b) > 1 and float(sa @ sb) / (len(a) * len(b)) < floor:
            continue  # average linkage stops chains drifting from one fact to another
        r = uf.union(ri, rj)
        other = rj if r == ri else ri
        members[r] = sorted(members[r] + members.pop(other))
        arts[r] = arts[r] | arts.pop(other)
        sums.pop(other, None)
        sums[r] = sa + sb
    return sorted(members.values(), key=lambda m: m[0])


# --- conflicts -----------------------------------------------------------------------------


@dataclass
class _Pair:
    kind: str
    group: str  # pairs joined into one conflict share this key and a sentence
    topic: str
    i: int
    j: int
    vi: str
    vj: str


def _shared(a: str, b: str) -> list[str]:
    """Content words of `a` that `b` has too, in `a`'s order and as `a` writes them."""
    wb = {w.lower() for w in _WORD.findall(b)}
    out: list[str] = []
    seen: set[str] = set()
    for w in _WORD.findall(a):
        lw = w.lower()
        if lw in wb and lw not in _STOP and len(lw) > 2 and lw not in seen:
            seen.add(lw)
            out.append(w)
    return out


def _shared_words(a: str, b: str, limit: int = 3) -> str:
    return " ".join(w.lower() for w in _shared(a, b)[:limit])


# what a reader asks of two values of one kind that cannot both be true
_QUESTIONS = {
    "money": "how much",
    "percent": "what share",
    "age": "how old",
    "duration": "how long",
    "length": "what length",
    "day": "which day",
    "time": "what time",
    "year": "which year",
}
_WHEN_LOWER = frozenset(w.lower() for w in _WHEN_WORDS)


def _event_words(a: str, b: str) -> set[str]:
    """The content words two sentences share beyond their dates' words ("Jan", "Friday")."""
    return {w.lower() for w in _shared(a, b)} - _WHEN_LOWER


def _question(label: str, a: str, b: str, counted: str = "") -> str:
    """A conflict's topic as a reader asks it, with the words both sentences share: "how many
    people (Middleton, Wednesday)", "which day (vote, April)"."""
    if label.startswith("count:"):
        counted = counted or label.removeprefix("count:")
    question = f"how many {counted}" if counted else _QUESTIONS.get(label, label)
    asked = set(question.lower().split()) | _SPELLED_VALUE.keys() | _SCALE.keys()  # not values
    if label in ("day", "year"):
        asked |= _WHEN_LOWER
    shared = [w for w in _shared(a, b) if w.lower() not in asked][:3]
    return f"{question} ({', '.join(shared)})" if shared else question


def _counted_word(x: Quantity, y: Quantity) -> str:
    """The word of `x` naming what both counts count ("people" of "three people hurt")."""
    both = x.heads & y.heads
    words = (w for w in re.findall(r"[A-Za-z'’-]+", x.text) if _lemma(w.lower()) in both)
    return next(words, "").lower()


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0")


def _number_pairs(
    items: Sequence[_Item],
    i: int,
    j: int,
    loose: bool = False,
    stated: bool = False,
    aligned: bool = False,
) -> list[_Pair]:
    """Different values of one kind of quantity; `loose` pairs also need shared context;
    `stated` compares the figures a bound states (see `Quantity.interval`); `aligned`: the
    sentences were aligned as one fact (see `frames.same_measure`)."""
    ti, tj = items[i].sent.text, items[j].sent.text
    qi, qj = items[i].qs, items[j].qs
    out: list[_Pair] = []
    for x in qi:
        a = [q for q in qi if _same_count(items[i], x, items[i], q)]
        b = [q for q in qj if _same_count(items[i], x, items[j], q)]
        if len(a) != 1 or len(b) != 1:
            # "Nine people were crushed to death and more than 50 injured": the fate tells;
            # "for $38 a share in cash, valuing it at $2.1 billion": the unit of the rate
            a, b = _of_fate(items[i], x, a), _of_fate(items[i], x, b, items[j])
            a, b = [q for q in a if q.per == x.per], [q for q in b if q.per == x.per]
        if len(a) != 1 or len(b) != 1:
            continue  # several amounts of one kind: cannot tell which matches which
        y = b[0]
        if not _same_count(items[i], x, items[j], y, rates=True):
            continue  # "$100,000 a year" / "$100,000": a rate and a total
        fx, fy = _frame_of(items[i], x), _frame_of(items[j], y)
        if not same_measure(fx, fy, x.kind, loose, aligned):
            continue  # a share of another thing, another subject's count, a model number
        same_frame = len(x.frame.split()) == 2 and x.frame == y.frame and x.heads == y.heads
        same_frame = same_frame or (x.kind == "length" and one_fall(fx, fy))
        # one fate of one story's people: "Nine people were crushed to death" / "Eleven died"
        same_frame = same_frame or _fate_of(items[i], x) == _fate_of(items[j], y) == "killed"
        if loose and not (x.context & y.context) - x.heads - _MONEY_WORDS and not same_frame:
            continue  # "cost" alone does not make two sums one figure; "which has 412 pupils"
            # and "which has about 380 pupils" say one thing in one frame
        (lo1, hi1), (lo2, hi2) = x.interval(stated), y.interval(stated)
        if x.kind == "length" and (half := _converted(x, y)):
            (lo1, hi1), (lo2, hi2) = (lo1 - half[0], hi1 + half[0]), (lo2 - half[1], hi2 + half[1])
        if lo1 <= hi2 and lo2 <= hi1:
            continue  # the ranges overlap: both can be true
        if x.kind == "money" and _currency(x.text) != _currency(y.text):
            continue  # "$19.6 million" and "almost £14m" can be one sum in two currencies
        if x.kind == "money" and max(x.value, y.value) > _MONEY_RATIO * min(x.value, y.value):
            continue  # "$9,000 a week" and "$4.2 million": two different sums, not one disputed
        if _counted(x) and max(x.value, y.value) > _COUNT_RATIO * max(min(x.value, y.value), 1.0):
            continue  # "4,200 people fled" and "310 spent the night in shelters": two counts
        if x.kind == "age" and max(x.value, y.value) > _AGE_RATIO * min(x.value, y.value):
            continue
        if _adds_up(fx, y) or _adds_up(fy, x):
            continue  # "an adult and two teenagers died" / "three people died": one toll
        if _writes(items, items[j].outlet, x) or _writes(items, items[i].outlet, y):
            continue  # "his 211-game suspension ... lowered to 162 games": an outlet giving
            # both figures tells of two moments or two things, not of a dispute
        counted = _counted_word(x, y) if x.kind.startswith("count:") else ""
        topic = _question(x.kind, ti, tj, counted)
        group = "number:count:" + "/".join(sorted(x.heads & y.heads)) if x.heads else x.kind
        out.append(_Pair("number", f"number:{group}", topic, i, j, x.text, y.text))
    return out


# the people a toll counts, whatever the story calls them: "nine fans" / "eleven people"
_PERSONS = frozenset(
    _lemma(w)
    for w in "people person fan passenger victim worker miner resident child student civilian "
    "soldier pilgrim spectator migrant patient climber tourist".split()
)


def _fate_of(it: _Item, q: Quantity) -> str:
    frame = _frame_of(it, q)
    return fate(frame.anchors | {frame.verb}) if frame is not None else ""


def _same_count(ix: _Item, x: Quantity, iq: _Item, q: Quantity, rates: bool = False) -> bool:
    """Whether `q` counts what `x` counts: the same kind (`rates`: and both rates of one unit
    or both totals), or people of one fate ("killed nine fans" / "Eleven people died")."""
    if q.compatible(x, rates=rates):
        return True
    if not (x.kind.startswith("count:") and q.kind.startswith("count:")):
        return False
    persons = bool(x.heads & _PERSONS) and bool(q.heads & _PERSONS)
    return persons and _fate_of(ix, x) != "" and _fate_of(ix, x) == _fate_of(iq, q)


def _of_fate(ix: _Item, x: Quantity, qs: list[Quantity], iq: _Item | None = None) -> list[Quantity]:
    """Of several counts in one sentence, those of `x`'s fate (killed, or harmed)."""
    want = _fate_of(ix, x)
    return [q for q in qs if want and _fate_of(iq or ix, q) == want] if want else qs


def _writes(items: Sequence[_Item], outlet: int, q: Quantity) -> bool:
    """Whether an outlet states the figure `q` in any of its sentences: a quantity of the same
    kind and value, or the figure in digits (10 or more: "a 211-game suspension"). A count
    under 10 is too common a figure to tell."""
    mine = [it for it in items if it.outlet == outlet]
    if q.value < 10 and q.kind.startswith("count:"):
        return False  # "two" people of another phrase may sit beside a disputed "five"
    if any(o.compatible(q, rates=False) and o.value == q.value for it in mine for o in it.qs):
        return True
    if q.value < 10 or q.value != int(q.value):
        return False
    forms = "|".join(re.escape(f) for f in {f"{int(q.value):,}", str(int(q.value))})
    pattern = re.compile(rf"(?<![\d.,])(?:{forms})(?![\d]|[.,]\d)")
    return any(pattern.search(it.sent.text) for it in mine)


def _tells_toll(items: Sequence[_Item], outlet: int, q: Quantity, frame: Frame | None) -> bool:
    """Whether an outlet gives the count `q` (10 or more) of the same fate itself: "at least 15
    people were wounded" is no toll of 15 killed."""
    if frame is None or q.value < 10:
        return False
    want = fate(frame.anchors | {frame.verb})
    for it in (it for it in items if it.outlet == outlet):
        for o, f in zip(it.qs, it.frames, strict=False):
            if f is not None and o.value == q.value and o.compatible(q, rates=False):
                if fate(f.anchors | {f.verb}) == want:
                    return True
    return False


def _unit(q: Quantity) -> str:
    m = _LENGTH.search(q.text)
    return m.group("unit").lower().rstrip("s") if m else ""


def _converted(x: Quantity, y: Quantity) -> tuple[float, float] | None:
    """Half a unit of each of two lengths in different units (in metres), or None: a figure
    converted from another unit is rounded ("about six feet" / "two metres" above the sea)."""
    ux, uy = _unit(x), _unit(y)
    if not ux or not uy or _METRES[ux] == _METRES[uy]:
        return None
    return 0.5 * _METRES[ux], 0.5 * _METRES[uy]


def _adds_up(part: Frame | None, whole: Quantity) -> bool:
    """Whether a count is one group of a list whose groups add up to the other figure."""
    return part is not None and part.whole > 0 and part.whole == whole.value


def _counted(q: Quantity) -> bool:
    """A count or a duration: values far apart are two things, not one told two ways."""
    return q.kind.startswith("count:") or q.kind == "duration"


_CURRENCY_WORDS = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥"}


def _currency(text: str) -> str:
    """The currency a sum is written in: "$" for "US$9", "$4m" and "9 dollars"."""
    m = _MONEY.search(text)
    if m is None:
        return ""
    if m.group("cur"):
        return m.group("cur")[-1]
    return _CURRENCY_WORDS.get(m.group("cur2").lower().rstrip("s"), "")


def _frame_of(it: _Item, q: Quantity) -> Frame | None:
    """The parse frame of one of an item's quantities."""
    for k, other in enumerate(it.qs):
        if other is q and k < len(it.frames):
            return it.frames[k]
    return None


def _year_pairs(items: Sequence[_Item], i: int, j: int, days: bool = True) -> list[_Pair]:
    """Different years (and days, with `days`) of two sentences, one of each in each. Days of
    merely related sentences are compared as slots (`_slot_pairs`): "arrested on April 14" and
    "charged on April 16" are two acts."""
    out: list[_Pair] = []
    for vi, vj, label in (
        (items[i].yrs, items[j].yrs, "year"),
        (items[i].days, items[j].days, "day") if days else ((), (), "day"),
    ):
        if len(vi) != 1 or len(vj) != 1 or vi == vj:
            continue
        if label == "year" and _other_actors(items[i], vi[0], items[j], vj[0]):
            continue  # "Voyager 1, launched in 1977" / "Voyager 2 was launched in 1979"
        if label == "day" and not _one_day_act(items[i], items[j]):
            continue  # "stopped by police on June 24" / "on June 21 beat Haiman"
        if not _event_words(items[i].sent.text, items[j].sent.text):
            continue  # no word in common but the date's: two events, each with its own date
        topic = _question(label, items[i].sent.text, items[j].sent.text)
        out.append(_Pair("date", f"date:{label}", topic, i, j, vi[0], vj[0]))
    return out


def _one_day_act(a: _Item, b: _Item) -> bool:
    """Whether the one day each of two sentences gives may date one act (`slots.one_act`)."""
    da, db = ([x for x in _slots_of(it) if x.kind == "day"] for it in (a, b))
    return len(da) != 1 or len(db) != 1 or one_act(da[0], db[0])


def _year_actor(it: _Item, year: str) -> Token | None:
    """Who did the act a year dates: the subject of the year's clause, or the noun a
    participle describes ("Pluto, discovered in 1930"); None when the parse does not say."""
    tok = next((t for t in it.span or () if t.text == year), None)
    if tok is None:
        return None
    head = clause_head(tok)
    if head.dep_ in {"acl", "relcl"}:
        return head.head
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
    return subjects[0] if subjects and head.pos_ in {"VERB", "AUX"} else None


def _other_actors(a: _Item, year_a: str, b: _Item, year_b: str) -> bool:
    """Whether two years date acts of two different actors: two names, or two kinds of thing
    (a name against a noun may be one thing twice: "the Kestrel Star" / "the vessel")."""
    x, y = _year_actor(a, year_a), _year_actor(b, year_b)
    if x is None or y is None or not _key(x) or not _key(y):
        return False
    if (x.pos_ == "PROPN") != (y.pos_ == "PROPN"):
        # a noun named otherwise is another thing: "Pluto" / "a Kuiper Belt object"
        noun, name = (x, y) if y.pos_ == "PROPN" else (y, x)
        names = {c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"}
        return bool(names) and name.lower_ not in names
    return _key(x) != _key(y)


def _antonym_pairs(items: Sequence[_Item], i: int, j: int) -> list[_Pair]:
    """ "Found guilty" against "found innocent": antonyms in related sentences."""
    wi = {w.lower() for w in _WORD.findall(items[i].sent.text)}
    wj = {w.lower() for w in _WORD.findall(items[j].sent.text)}
    out: list[_Pair] = []
    for w in sorted(wi & _ANTONYMS.keys()):
        ant = _ANTONYMS[w]
        if _negated(items[i], w) or _negated(items[j], ant):
            continue  # "found not guilty" says what "innocent" says
        if ant in wj and ant not in wi and w not in wj:
            x, y = _said_of(items[i].span, w), _said_of(items[j].span, ant)
            if x and y and not _same_person(x, y):
                continue  # "Kevin Ewing was found alive" / "Tierne Ewing was found dead"
            shared = _shared_words(items[i].sent.text, items[j].sent.text, 2)
            group = "/".join(sorted((w, ant)))
            out.append(
                _Pair("polarity", f"polarity:{group}", f"{shared} {group}".strip(), i, j, w, ant)
            )
    return out


def _negated(it: _Item, word: str) -> bool:
    return _negated_word(it.sent.text, word) or _negation_raised(it.span, word)


# verbs whose negation is their complement's: "I do not believe I am guilty" is "I believe I
# am not guilty"
_NEG_RAISING = frozenset("believe think expect suppose feel imagine".split())


def _negation_raised(span: Span | None, word: str) -> bool:
    """Whether a word sits in the complement of a negated believing verb."""
    for tok in span if span is not None else ():
        if tok.lower_ != word:
            continue
        head = tok
        while head.dep_ in {"acomp", "attr", "ccomp", "xcomp", "advmod"} and head.head.i != head.i:
            head = head.head
            if head.lemma_.lower() in _NEG_RAISING and any(c.dep_ == "neg" for c in head.children):
                return True
    return False


def _negated_word(text: str, word: str) -> bool:
    """Whether a word is negated where the sentence gives it ("found not guilty", "never
    convicted"): it then says what its antonym says."""
    return re.search(rf"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?{word}\b", text, re.I) is not None


def _said_of(span: Span | None, word: str) -> str:
    """The name an antonym is said of: the full name of its clause's subject ("Kevin Ewing"
    of "Kevin Ewing was found alive"), "" when that subject is no name."""
    tok = next((t for t in span or () if t.lower_ == word), None)
    if tok is None:
        return ""
    head = clause_head(tok)
    subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    subject = _person(subject) if subject is not None else None  # "her husband, Kevin Ewing,"
    if subject is None or subject.pos_ != "PROPN":
        return ""
    names = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.lower_ for t in (*names, subject))


@dataclass(frozen=True, slots=True)
class Predicate:
    """A verb as its sentence uses it: negated or not, asserted as fact or not, and the
    subject and object it has."""

    lemma: str
    negated: bool
    asserted: bool  # no modal, not an infinitive under another verb, not a condition
    subject: str
    object: str
    phrase: str
    # inside quotation marks (a speaker's words, not the outlet's), or what it says is in a
    # clause of its own ("doesn't believe the object is there"): not a flat yes or no
    quoted: bool = False
    where: frozenset[str] = frozenset()  # nouns of its prepositional adjuncts ("near X")
    words: frozenset[str] = frozenset()  # the content lemmas of its sentence


_UNREAL_MARKS = frozenset("if unless whether until when once".split())
_NOT_ASSERTED = frozenset({"xcomp", "csubj", "pcomp", "amod", "relcl", "acl"})


def _quoted(tok: Token, span: Span) -> bool:
    """Whether a word sits inside a quotation opened earlier in its sentence."""
    before = span.text[: tok.idx - span.start_char]  # the span's text: Doc.text is rebuilt
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _subject_of(verb: Token) -> str:
    """The subject of a verb; a verb joined by "and" shares the subject of the first."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            return _key(subjects[0]) if subjects else ""
        verb = verb.head


def predicates(span: Span) -> list[Predicate]:
    """Every full verb of a sentence with its polarity (a `neg` on the verb itself), whether it
    is asserted, and its subject and object."""
    out: list[Predicate] = []
    words = frozenset(t.lemma_.lower() for t in span if t.pos_ in {"NOUN", "PROPN", "VERB"})
    for tok in span:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in _LIGHT:
            continue
        kids = list(tok.children)
        negs = [c for c in kids if c.dep_ == "neg" and not _not_only(c) and not _manner(tok)]
        auxes = [c for c in kids if c.dep_ in {"aux", "auxpass"}]
        modal = any(c.lower_ in _MODALS or c.lemma_.lower() in _MODALS for c in auxes)
        cond = any(c.dep_ == "mark" and c.lower_ in _UNREAL_MARKS for c in kids)
        # an infinitive ("could act to raise rates") names an aim, not what happened
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        # a relative clause describes a class ("drinks that don't list milk"), not an event
        asserted = not (modal or cond or infinitive or tok.dep_ in _NOT_ASSERTED)
        # the object, or the agent of a passive: "fined by the Commission" fines with it
        objects = [c for c in kids if c.dep_ == "dobj"]
        objects += [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        first = min([tok, *auxes, *negs], key=lambda t: t.i)
        phrase = span.doc[first.i : tok.i + 1].text
        out.append(
            Predicate(
                tok.lemma_.lower(),
                bool(negs),
                asserted,
                _subject_of(tok),
                next((k for k in map(_key, objects) if k), ""),
                phrase,
                _quoted(tok, span) or any(c.dep_ in {"ccomp", "xcomp"} for c in kids),
                _adjuncts(tok, objects),
                words,
            )
        )
    return out


_FOCUS = frozenset("just only merely simply".split())
# adverbs of time, degree or stance, which leave a "not" on the verb ("did not really win")
_NOT_MANNER = frozenset(
    "really actually early only fully entirely exactly necessarily currently previously "
    "formerly likely".split()
)


def _manner(verb: Token) -> bool:
    """Whether a verb has a manner adverb ("did not respond directly", "did not take him
    seriously"): the "not" denies the manner, not that the act took place."""
    return any(
        c.dep_ == "advmod" and c.lower_.endswith("ly") and c.lower_ not in _NOT_MANNER
        for c in verb.children
    )


def _not_only(neg: Token) -> bool:
    """A "not" that says more, not no: "not just adopt a baby", "not only won but ..."."""
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in _FOCUS


_ADJUNCT_PREPS = frozenset("in at near on inside outside from into around behind".split())
_WHEN_ENTS = frozenset({"DATE", "TIME"})  # "on Monday" says when, not where


def _adjuncts(verb: Token, objects: Sequence[Token]) -> frozenset[str]:
    """The nouns of the place adjuncts of a verb or its object ("did not find the scent near
    other apartments"): a denial so placed is about that place."""
    heads = [verb, *objects]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    nouns = [
        g
        for p in preps
        if p.lower_ in _ADJUNCT_PREPS
        for g in p.children
        if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"} and g.ent_type_ not in _WHEN_ENTS
    ]
    # "near other apartments" names places other than those the other outlet names
    return frozenset(
        ("other " if any(c.lower_ in {"other", "another"} for c in g.children) else "")
        + g.lemma_.lower()
        for g in nouns
    )


def opposed(neg: Predicate, pos: Predicate) -> bool:
    """Whether a negated predicate denies what an asserted one says: the same verb, the
    same subject (or the same object, the subjects not differing)."""
    if not neg.negated or pos.negated or not pos.asserted or neg.lemma != pos.lemma:
        return False
    if neg.quoted or pos.quoted or not neg.asserted:
        return False  # a speaker's words or a hedged denial are not the outlet's assertion
    if not neg.where <= pos.words:
        return False  # "did not find it near other apartments" / "found it in a mulch pile"
    if neg.subject and neg.subject == pos.subject:
        return True
    clash = neg.subject and pos.subject and neg.subject != pos.subject
    return bool(neg.object) and neg.object == pos.object and not clash


def _polarity_pairs(
    items: Sequence[_Item], x: Matrix, skip: Iterable[int], floor: float
) -> list[_Pair]:
    """A negated predicate against the same predicate, same subject or object, asserted by
    another outlet ("the children have not been deported" / "the children were deported")."""
    preds = {i: predicates(it.span) for i, it in enumerate(items) if it.span is not None}
    for i in skip:
        preds.pop(i, None)  # a denial flips what it quotes; the denial check handles it
    index: dict[str, list[int]] = {}
    for i, ps in preds.items():
        for lemma in {p.lemma for p in ps if not p.negated and p.asserted}:
            index.setdefault(lemma, []).append(i)
    out: list[_Pair] = []
    for i, ps in preds.items():
        for neg in (p for p in ps if p.negated and not _says_both(ps, p.lemma)):
            cands = [
                j
                for j in index.get(neg.lemma, [])[:400]
                if items[j].outlet != items[i].outlet and not _says_both(preds[j], neg.lemma)
            ]
            if not cands:
                continue
            sims = _dot(x, [i], cands)[0]
            for j, sim in zip(cands, sims, strict=True):
                pos = next((p for p in preds[j] if opposed(neg, p)), None)
                if pos is None or sim < floor:
                    continue
                topic = f"{neg.subject or neg.object} {neg.lemma}".strip()
                lo, hi = (i, j) if i < j else (j, i)
                va, vb = (neg.phrase, pos.phrase) if lo == i else (pos.phrase, neg.phrase)
                out.append(_Pair("polarity", f"polarity:{neg.lemma}", topic, lo, hi, va, vb))
    return out


def _says_both(preds: Sequence[Predicate], lemma: str) -> bool:
    """Whether a sentence says yes and no of one verb ("did not meet with Fidel Castro but met
    several times with his brother"): it tells of two things, and is no side of a flat yes or
    no about either."""
    said = {p.negated for p in preds if p.lemma == lemma and (p.negated or p.asserted)}
    return len(said) == 2


def _hidden_pairs(
    clusters: Sequence[Sequence[int]], items: Sequence[_Item], checked: set[tuple[int, int]]
) -> list[_Pair]:
    """Different values of one quantity, or dates of one thing, inside a would-be agreement:
    outlets that tell one fact with different figures disagree on it ("Four people are in
    custody" / "Malaysia has three people in custody")."""
    out: list[_Pair] = []
    for members in clusters:
        for p, i in enumerate(members):
            for j in members[p + 1 :]:
                lo, hi = min(i, j), max(i, j)
                if items[lo].outlet == items[hi].outlet:
                    continue
                out.extend(_name_slot_pairs(items, lo, hi))
                stated = _number_pairs(items, lo, hi, stated=True, aligned=True)
                if (lo, hi) in checked:  # compared already: only what a stated bound adds
                    seen = _number_pairs(items, lo, hi)
                    out.extend(p for p in stated if p not in seen)
                    continue
                checked.add((lo, hi))
                out.extend(stated)
                out.extend(_year_pairs(items, lo, hi))
    return out


def _named_slots(it: _Item) -> dict[str, str]:
    """An item's names by slot (`slots.named_slots`), read once."""
    if it.named is None:
        it.named = named_slots(it.span) if it.span is not None else {}
    return it.named


def _name_slot_pairs(items: Sequence[_Item], i: int, j: int) -> list[_Pair]:
    """Two names in one slot of one told fact ("vice president of education for Wella" /
    "... for beauty products giant Coty Inc.", "a Kansas City couple" / "the Liberty couple")."""
    a, b = _named_slots(items[i]), _named_slots(items[j])
    out: list[_Pair] = []
    for key in sorted(a.keys() & b.keys()):
        if other_names(a[key], b[key], items[i].sent.text, items[j].sent.text):
            topic = f"{key.removeprefix('mod:')}: {a[key]} or {b[key]}"
            out.append(_Pair("name", f"name:{key}", topic, i, j, a[key], b[key]))
    return out


_STATEMENT_NOUNS = frozenset(
    "statement claim report allegation assertion accusation suggestion rumor rumour".split()
)


def denied_party(span: Span, entities: Sequence[Entity]) -> str:
    """Whose statement a denial calls false, when it names them ("Kelly's statement that ...",
    "claims by the ministry that ..."): the story's entity of that name, or the words."""
    for tok in span:
        if tok.lemma_.lower() not in _STATEMENT_NOUNS:
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [g for c in tok.children if c.lower_ == "by" for g in c.children]
        for owner in owners:
            if owner.pos_ != "PROPN":
                continue
            words = span.doc[owner.left_edge.i : owner.i + 1].text
            named = [e.name for e in entities if owner.text in e.variants or words in e.variants]
            return max(named, key=len) if named else words
    return ""


def _named_denials(
    items: Sequence[_Item],
    denials: Mapping[int, tuple[str, str]],
    entities: Sequence[Entity],
    done: set[int],
) -> list[Conflict]:
    """A denial that names whose statement it denies is a dispute between the two parties,
    even when no other sentence asserts the statement ("Kelly's statement that Daniel was
    deported from the US is false")."""
    out: list[Conflict] = []
    for i, (clause, words) in sorted(denials.items()):
        span = items[i].span
        if i in done or span is None:
            continue
        party = denied_party(span, entities)
        if not party:
            continue
        ev = (_evidence(items[i]),)
        topic = " ".join(_WORD.findall(clause)[:8])
        sides = (ConflictSide(f"{party}: {clause}", ev), ConflictSide(words, ev))
        out.append(Conflict("denial", topic, sides))
    return out


def name_deniers(conflicts: Sequence[Conflict], quotes: Sequence[Quote]) -> list[Conflict]:
    """A denial's side says who speaks it when the text names the speaker of its sentence:
    "Fahi Takesh Hallin: is false", not "is false"."""
    said = {(q.article_id, q.sentence): q.speaker for q in quotes if q.speaker_kind == "named"}
    out: list[Conflict] = []
    for c in conflicts:
        if c.kind == "denial":
            c = replace(c, sides=tuple(_spoken(side, said) for side in c.sides))
        out.append(c)
    return out


def _spoken(side: ConflictSide, said: Mapping[tuple[str, int], str | None]) -> ConflictSide:
    speakers = {said.get((e.article_id, e.sentence)) for e in side.evidence}
    if ":" in side.value or len(speakers) != 1 or None in speakers:
        return side
    return replace(side, value=f"{speakers.pop()}: {side.value}")


def _sides(
    group: Sequence[tuple[int, str]], items: Sequence[_Item], kind: str = ""
) -> tuple[ConflictSide, ...]:
    """One side per value. Of a number conflict, one side per figure however it is worded:
    "12 cracks in its welded joints" and "12 cracks in welds" are one side, worded as first."""
    by_value: dict[str, list[int]] = {}
    shown: dict[str, str] = {}
    for idx, value in group:
        key = value
        if kind == "number":
            qs = _value_quantities(value)
            key = f"{qs[0].kind}:{qs[0].value:g}" if qs else value
        shown.setdefault(key, value)
        by_value.setdefault(key, [])
        if idx not in by_value[key]:
            by_value[key].append(idx)
    return tuple(
        ConflictSide(
            shown[key],
            tuple(_evidence(items[k]) for k in sorted(ks, key=lambda k: _pos(items[k]))),
        )
        for key, ks in by_value.items()
    )


@cache
def _value_quantities(value: str) -> tuple[Quantity, ...]:
    """The quantities of a side's value, read once per value however many conflicts give it."""
    return tuple(quantities(value))


def _evidence(it: _Item) -> Evidence:
    return Evidence(it.sent.article_id, it.source, it.sent.index, it.sent.text)


def _pos(it: _Item) -> tuple[int, int]:
    return (it.art, it.sent.index)


def _conflicts(pairs: Sequence[_Pair], items: Sequence[_Item]) -> list[Conflict]:
    """Pairs joined into conflicts per group; each side a value with its evidence."""
    out: list[Conflict] = []
    seen: set[tuple[str, frozenset[tuple[int, str]]]] = set()
    grouped: dict[str, list[_Pair]] = {}
    for p in pairs:
        grouped.setdefault(p.group, []).append(p)
    for ps in grouped.values():
        kind = ps[0].kind
        nodes = sorted({p.i for p in ps} | {p.j for p in ps})
        index = {n: k for k, n in enumerate(nodes)}
        uf = UnionFind(len(nodes))
        for p in ps:
            uf.union(index[p.i], index[p.j])
        comps: dict[int, list[tuple[int, str]]] = {}
        topics: dict[int, str] = {}
        for p in ps:
            root = uf.find(index[p.i])
            topics.setdefault(root, p.topic)
            comps.setdefault(root, []).extend([(p.i, p.vi), (p.j, p.vj)])
        for root, comp in comps.items():
            topic = topics[root]
            key = (kind, frozenset(comp))
            if key in seen:
                continue
            seen.add(key)
            sides = _sides(comp, items, kind)
            arts = {e.article_id for s in sides for e in s.evidence}
            if len(sides) >= 2 and len(arts) >= 2:
                out.append(Conflict(kind, topic, sides))  # type: ignore[arg-type]
    return out


def _backed(
    conflict: Conflict,
    items: Sequence[_Item],
    topic_words: set[str],
    at: Mapping[tuple[str, int], int],
    by_value: Mapping[str, Sequence[int]],
) -> Conflict:
    """A number conflict with every outlet that gives a side's figure on that side: a sentence
    of another outlet holding the same quantity (one of its kind, equal value) and two content
    words of the side's own sentences beyond the story's topic. "$4.2 million" said by three
    outlets against "$6 million" said by one reads differently from one against one."""
    if conflict.kind != "number":
        return conflict
    sides = []
    taken = {(e.article_id, e.sentence) for side in conflict.sides for e in side.evidence}
    for side in conflict.sides:
        own = [items[at[(e.article_id, e.sentence)]] for e in side.evidence]
        figure = [(q, _frame_of(it, q)) for it in own for q in it.qs if q.text == side.value]
        words = frozenset().union(*(it.words for it in own)) - topic_words
        outlets = {it.outlet for it in own}
        extra = []
        if figure:
            x, fx = figure[0]
            for k in dict.fromkeys(by_value.get(_value_key(x.value), ())):
                it = items[k]
                key = (it.sent.article_id, it.sent.index)
                if key in taken or it.outlet in outlets or len(it.words & words) < 2:
                    continue
                same = [q for q in it.qs if q.compatible(x)]
                if len(same) != 1:
                    continue
                # a small count recurs by chance ("attack three people" does not back "three
                # people in custody"); one exact sum of money seldom does
                if x.kind != "money" and not same_measure(fx, _frame_of(it, same[0]), x.kind, True):
                    continue
                if abs(same[0].value - x.value) <= 0.005 * x.value:
                    extra.append(k)
                    outlets.add(it.outlet)
                    taken.add(key)
        backers = [at[(e.article_id, e.sentence)] for e in side.evidence] + extra
        backers.sort(key=lambda k: _pos(items[k]))
        sides.append(ConflictSide(side.value, tuple(_evidence(items[k]) for k in backers)))
    return Conflict(conflict.kind, conflict.topic, tuple(sides))


def _value_key(value: float) -> str:
    """A figure's value to three digits: the sentences that may give it are looked up by it."""
    return f"{value:.3g}"


# --- the stage ------------------------------------------------------------------------------


@dataclass
class _Story:
    """One story's sentences as the conflict and agreement finders see them."""

    items: list[_Item]
    x: Matrix  # one embedding row per item
    edges: list[tuple[float, int, int]]  # anchored neighbour pairs, best first
    topic_words: set[str]
    align_t: float
    related_t: float
    denials: dict[int, tuple[str, str]]  # item -> (denied clause, denial words)
    dx: Matrix  # one row per denied clause, in the order of sorted(denials)

    def different(self, i: int, j: int) -> bool:
        return self.items[i].outlet != self.items[j].outlet


def align_claims(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    entities: Sequence[Entity],
    *,
    embedder: Embedder,
    annotations: Annotations | None = None,
    outlets: Sequence[int] | None = None,
) -> tuple[list[Agreement], list[Conflict], list[Claim]]:
    """Agreements (>= 2 independent outlets), conflicts, and single-source claims that matter.
    `outlets`: each article's independent outlet, when the caller has them already."""
    if annotations is None:
        annotations = annotate(articles, sentences)
    if outlets is None:
        outlets = independent_outlets(articles)
    items = _items(articles, sentences, entities, annotations, outlets)
    if not items:
        return [], [], []
    story = _story(items, embedder)
    plain = _cluster(story.x, items, story.edges, story.align_t)
    # Conflicts are judged within the plainly similar (below, agreements may also join two
    # outlets that give the same figure of the same thing in different words).
    pairs, checked = _conflict_pairs(story, plain)
    found = _conflicts(pairs, items)
    denied = {p.i if p.i in story.denials else p.j for p in pairs if p.kind == "denial"}
    found.extend(_named_denials(items, story.denials, entities, denied))
    found.extend(_spelling_conflicts(story))
    conflicts: list[Conflict] = []
    disputes: dict[int, set[int]] = {}  # sentence -> the conflicts it is a side (or backer) of
    _add_conflicts(story, conflicts, disputes, found)
    side = _sides_of(story, found)
    clusters = _agreement_clusters(story, plain, side)
    if getattr(embedder, "name", "") != "tfidf":
        clusters = _lexically_backed(story, _completed(story, clusters, side))
    # An agreement in which one outlet gives another value for the same quantity is a conflict.
    hidden = _conflicts(_hidden_pairs(clusters, items, checked), items)
    _add_conflicts(story, conflicts, disputes, hidden, backers_disputed=False)
    groups = _value_groups(story, clusters, disputes)
    unattributed = _unattributed(articles, sentences)
    drafts = [d for members in clusters if (d := _draft(story, members, disputes, unattributed))]
    # a value group is worded by its shortest sentence, the one most about that value
    drafts += [d for m in groups if (d := _draft(story, m, disputes, unattributed, short=True))]
    return _split_claims(drafts, conflicts)


def _items(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    entities: Sequence[Entity],
    annotations: Annotations,
    outlet_of: Sequence[int],
) -> list[_Item]:
    """The sentences worth aligning (each text once per article, no headline), read once."""
    ents_at: dict[tuple[str, int], set[str]] = {}
    for ent in entities:
        for m in ent.mentions:
            ents_at.setdefault((m.article_id, m.sentence), set()).add(ent.id)
    items: list[_Item] = []
    for a_pos, art in enumerate(articles):
        seen_text = {" ".join(art.title.lower().split())}  # a headline paraphrases the story
        for s in sentences.get(art.id, ()):
            norm = " ".join(s.text.lower().split())
            if norm in seen_text or not _usable(s.text):
                continue
            seen_text.add(norm)
            span = annotations.span(art.id, s.index)
            ents = frozenset(ents_at.get((art.id, s.index), ()))
            items.append(_item(a_pos, art, outlet_of[a_pos], s, ents, span))
    lower_seen = {w for it in items for w in _WORD.findall(it.sent.text) if w.islower()}
    for it in items:
        it.plain = _plain(_unattributed_text(it.sent.text, it.span), lower_seen)
    return items


_INFORMANTS = frozenset({"source", "insider"})
_PLACED = frozenset({"close", "familiar", "knowledge"})  # "a person familiar with the matter"


def _unattributed_text(text: str, span: Span | None) -> str:
    """The sentence with an unnamed informant's description blanked out ("A source close to
    the situation tells E! News that ...", "..., people familiar with the talks said"): the
    words that place the source are not the fact ("close" of "a source close to the
    situation" is no fact shared with "close to it"). A named or described speaker stays:
    "Cruz, now 45, told TODAY" tells his age."""
    if span is None or span.text != text:
        return text
    drop = {
        t.i
        for tok in span
        if tok.lemma_ in _SPEECH_LEMMAS and tok.pos_ == "VERB"
        for c in tok.children
        if _informant(c)
        for t in c.subtree
    }
    if not drop:
        return text
    return "".join(" " * len(t.text_with_ws) if t.i in drop else t.text_with_ws for t in span)


def _informant(tok: Token) -> bool:
    """Whether a speech verb's subject is an unnamed informant: a source or insider, or
    someone described only by being close to, familiar with or knowing about the matter."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return tok.lemma_ in _INFORMANTS or any(
        c.lemma_ in _PLACED for c in tok.subtree if c.head == tok or c.head.head == tok
    )


def _item(
    a_pos: int, art: Article, outlet: int, s: Sentence, ents: frozenset[str], span: Span | None
) -> _Item:
    """One sentence with its figures, dates, words and what each figure measures."""
    qs = tuple(quantities(s.text))
    yrs = tuple(years(s.text))
    nums = frozenset((q.kind, q.value) for q in qs) | frozenset(("year", float(y)) for y in yrs)
    measured = tuple(parse_frame(span, q) if span is not None else None for q in qs)
    return _Item(
        a_pos,
        s,
        art.source,
        outlet,
        nums,
        ents,
        _content(s.text),
        qs,
        yrs,
        tuple(day_dates(s.text)),
        figures(s.text),
        span=span,
        frames=measured,
    )


def _unattributed(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> set[tuple[str, int]]:
    """Sentences quoting a source whose speaker is named elsewhere."""
    return {
        (s.article_id, s.index)
        for art in articles
        for s, flag in zip(
            sentences.get(art.id, ()), unattributed_quotes(sentences.get(art.id, ())), strict=True
        )
        if flag
    }


def _story(items: list[_Item], embedder: Embedder) -> _Story:
    """Embed the sentences (and denied clauses) and keep the anchored neighbour pairs."""
    denials = {
        i: d
        for i, it in enumerate(items)
        if (d := denial_clause(it.sent.text)) and _states(it.span, d[0])
    }
    texts = [it.sent.text for it in items] + [denials[i][0] for i in sorted(denials)]
    # One encode call: a TF-IDF embedder is fitted per call, so every text shares one space.
    allx = _vectors(embedder, texts)
    n = len(items)
    x = allx[:n]
    align_t, related_t = THRESHOLDS.get(getattr(embedder, "name", ""), DEFAULT_THRESHOLDS)
    arts = np.array([it.art for it in items])
    raw_edges = _neighbours(x, arts, TOP_K, related_t - 0.1)
    # Words in a large share of the story's sentences (the celebrity's name, "custody") tie
    # every sentence to every other: they are the topic, not an anchor for one fact.
    topic_words = _topic(items, lambda it: it.words)
    dense = getattr(embedder, "name", "") != "tfidf"
    edges = _anchored(raw_edges, items, topic_words, related_t, CLOSE if dense else None)
    return _Story(items, x, edges, topic_words, align_t, related_t, denials, allx[n:])


def _states(span: Span | None, clause: str) -> bool:
    """Whether a denied clause states something (has a verb): "his win was the biggest" does,
    "Some of Trump's claims" (... are false) names claims without saying which."""
    start = span.text.find(clause) if span is not None else -1
    if span is None or start < 0:
        return True
    end = span.start_char + start + len(clause)
    begin = span.start_char + start
    return any(t.pos_ in ("VERB", "AUX") for t in span if begin <= t.idx < end)


def _vectors(embedder: Embedder, texts: Sequence[str]) -> Matrix:
    """The sentences' vectors; a dense embedding is joined by TF-IDF so that a cosine weighs
    both (DENSE_SHARE of the dense one): meaning and shared words together tell one fact."""
    x = embedder.encode(texts)
    if getattr(embedder, "name", "") == "tfidf":
        return x
    from ..embed import DENSE_SHARE, get_embedder

    lex = get_embedder("tfidf").encode(texts)
    dense = sp.csr_matrix(np.asarray(x, dtype=np.float32) * np.float32(DENSE_SHARE**0.5))
    return sp.hstack([dense, lex * (1.0 - DENSE_SHARE) ** 0.5], format="csr", dtype=np.float32)


CLOSE = 0.45  # a dense + TF-IDF cosine this high needs no lexical anchor ("posing as" /
# "impersonating" Queen Elizabeth and Prince Charles share names but no plain word)


def _anchored(
    raw_edges: Sequence[tuple[float, int, int]],
    items: Sequence[_Item],
    topic_words: set[str],
    related_t: float,
    close: float | None = None,
) -> list[tuple[float, int, int]]:
    """Neighbour pairs with a lexical anchor, boosted by shared names and figures; with
    `close`, a pair that similar is kept without an anchor."""
    # ... and so are the names in them: sharing the celebrity is no sign of sharing a fact
    topic_ents = _topic(items, lambda it: it.ents)
    edges: list[tuple[float, int, int]] = []
    for sim, i, j in raw_edges:
        a, b = items[i], items[j]
        # the anchor: two shared content words, or one and a figure of the same thing
        # ("the jury spent two days ..." / "The jury had deliberated for two days."), and
        # a shared word beyond whom they are about ("the Gossip Girl star" is no fact)
        anchor = len((a.words & b.words) - topic_words) + len(a.figures & b.figures) >= 2
        if not (anchor and (a.plain & b.plain) - topic_words):
            if close is not None and sim >= close:
                edges.append((sim, i, j))
            continue
        shared_ents = len((a.ents & b.ents) - topic_ents)
        boost = 0.05 * min(2, shared_ents) + (0.08 if a.nums & b.nums else 0.0)
        edges.append((sim + boost if sim >= related_t - 0.05 else sim, i, j))
    edges.sort(key=lambda t: (-t[0], t[1], t[2]))
    return edges


# --- conflict candidates: same claim, related neighbours, or a shared subject ----------------


def _conflict_pairs(
    story: _Story, plain: Sequence[Sequence[int]]
) -> tuple[list[_Pair], set[tuple[int, int]]]:
    """Every pair of sentences of two outlets that disagree, and the pairs compared so far."""
    checked: set[tuple[int, int]] = set()
    pairs = _edge_pairs(story, plain, checked)
    pairs += _age_pairs(story, checked)
    pairs += _bucketed_number_pairs(story, checked)
    pairs += _year_frame_pairs(story)
    # Polarity: a negated verb against the same verb asserted, of the same subject or object.
    pairs += _polarity_pairs(story.items, story.x, story.denials, 0.25 * story.related_t)
    pairs += _absent_pairs(story)
    pairs += _denial_pairs(story)
    pairs += _slot_pairs(story)
    pairs += _placed_count_pairs(story, checked)
    pairs += _kin_pairs(story)
    pairs += _casualty_pairs(story)
    return [p for p in pairs if not _both_dates_told(story.items, p)], checked


_ORDINAL_END = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")


def _both_dates_told(items: Sequence[_Item], p: _Pair) -> bool:
    """A date pair of which either outlet also writes the other side's day or hour ("the
    images from March 15" / "since her disappearance on March 13", each outlet giving both):
    two events, not one disputed date."""
    if p.kind != "date":
        return False

    def writes(outlet: int, value: str) -> bool:
        value = _ORDINAL_END.sub("", value.lower()).strip()
        if not re.search(r"\d", value) or len(value) < 4:
            return False
        pattern = re.compile(rf"(?<![\w:]){re.escape(value)}(?![\w:]|\.\d)")
        return any(
            it.outlet == outlet and pattern.search(_ORDINAL_END.sub("", it.sent.text.lower()))
            for it in items
        )

    return writes(items[p.i].outlet, p.vj) or writes(items[p.j].outlet, p.vi)


def _casualties(it: _Item) -> list[tuple[Quantity, str]]:
    """The counts of people a sentence says were killed or hurt, with that fate."""
    out: list[tuple[Quantity, str]] = []
    for q, frame in zip(it.qs, it.frames, strict=False):
        if frame is None or not frame.people or not q.kind.startswith("count:"):
            continue
        if told := fate(frame.anchors | {frame.verb}):
            out.append((q, told))
    return out


def _casualty_pairs(story: _Story) -> list[_Pair]:
    """One toll counted by different nouns ("15 Palestinians were killed" / "killing at least
    17 people"): sentences of two outlets with one count of people of one fate each, that
    share a common noun beyond the story's topic, the fate and whom it counts (the place:
    "school"; a shared day or figure tells of no one place)."""
    items = story.items
    counts = {i: c for i, it in enumerate(items) if (c := _casualties(it))}
    buckets: dict[str, list[int]] = {}
    for i, told in sorted({(i, t) for i, c in counts.items() for _, t in c}):
        buckets.setdefault(told, []).append(i)
    pairs: list[_Pair] = []
    for key, ids in sorted(buckets.items()):
        # the shared word is the gate: two tellings of one toll may share little else
        for i, j, _ in _bucket_pairs(story.x, items, {key: ids}, 40, 0.0):
            a = [q for q, t in counts[i] if t == key]
            b = [q for q, t in counts[j] if t == key]
            shared = (_nouns(items[i]) & _nouns(items[j])) - story.topic_words - _toll_words()
            if len(a) == 1 and len(b) == 1 and shared:
                pairs.extend(_count_pair(items, i, j, a[0], b[0], _FATE_WORD[key]))
    return pairs


_FATE_WORD = {"killed": "killed", "harmed": "hurt"}


def _kin_pairs(story: _Story) -> list[_Pair]:
    """One or several of someone's relatives in one role of one verb ("discovered by his wife
    and daughters" / "The victim's wife and daughter discovered his body")."""
    items = story.items
    kin = {i: k for i, it in enumerate(items) if it.span is not None and (k := kin_slots(it.span))}
    buckets: dict[str, list[int]] = {}
    for i, ks in kin.items():
        for key in sorted({k.key for k in ks}):
            buckets.setdefault(key, []).append(i)
    pairs: list[_Pair] = []
    for key, ids in sorted(buckets.items()):
        for i, j, _ in _bucket_pairs(story.x, items, {key: ids}, 40, 0.25 * story.related_t):
            a = [k for k in kin[i] if k.key == key]
            b = [k for k in kin[j] if k.key == key]
            if len(a) == 1 and len(b) == 1 and a[0].plural != b[0].plural:
                topic = f"{key.split()[-1]}s: one or more"
                pairs.append(
                    _Pair("number", f"number:kin:{key}", topic, i, j, a[0].text, b[0].text)
                )
    return pairs


@dataclass(frozen=True, slots=True)
class _Placed:
    """A count with the proper nouns and the fate (hurt, killed) its clause tells."""

    q: Quantity
    names: frozenset[str]
    fate: str
    verb: str


def _placed_counts(it: _Item) -> list[_Placed]:
    """The counts of a sentence whose clause names a place, a firm or a person."""
    out: list[_Placed] = []
    if it.span is None:
        return out
    for q, frame in zip(it.qs, it.frames, strict=False):
        num = _number_token(it.span, q.start) if q.kind.startswith("count:") else None
        if num is None or frame is None or frame.skip:
            continue
        keys, names = context(num)
        if names:
            out.append(_Placed(q, names, fate(keys), frame.verb))
    return out


def _placed_count_pairs(story: _Story, checked: set[tuple[int, int]]) -> list[_Pair]:
    """Counts of one thing in clauses naming one place ("left three people hurt" at an office
    complex in Middleton / "four people were shot at a software company ... in Middleton"),
    of one fate (both hurt, both killed, or the same verb), that cannot both be true."""
    items = story.items
    placed = {i: p for i, it in enumerate(items) if (p := _placed_counts(it))}
    buckets: dict[str, list[int]] = {}
    for i, ps in placed.items():
        for name in sorted({n for p in ps for n in p.names}):
            buckets.setdefault(name, []).append(i)
    pairs: list[_Pair] = []
    seen: set[tuple[int, int]] = set()
    for i, j, _ in _bucket_pairs(story.x, items, buckets, 40, 0.25 * story.related_t):
        if (i, j) in seen:
            continue
        seen.add((i, j))
        for a in placed[i]:
            b = [p for p in placed[j] if p.q.compatible(a.q) and p.names & a.names]
            mine = [p for p in placed[i] if p.q.compatible(a.q) and b and p.names & b[0].names]
            if len(b) == 1 and len(mine) == 1 and _same_fate(a, b[0]):
                pairs.extend(_count_pair(items, i, j, a.q, b[0].q))
    return pairs


def _same_fate(a: _Placed, b: _Placed) -> bool:
    """Whether two counts tell one fate: both hurt, both killed, or the same verb."""
    if a.fate or b.fate:
        return a.fate == b.fate
    return bool(a.verb) and a.verb == b.verb


def _count_pair(
    items: Sequence[_Item], i: int, j: int, x: Quantity, y: Quantity, counted: str = ""
) -> list[_Pair]:
    """Two counts of one thing as a number conflict, when they cannot both be true; `counted`
    says what they count where their words differ ("Palestinians" / "people": "killed")."""
    (lo1, hi1), (lo2, hi2) = x.interval(), y.interval()
    if lo1 <= hi2 and lo2 <= hi1:
        return []
    if max(x.value, y.value) > _COUNT_RATIO * max(min(x.value, y.value), 1.0):
        return []
    if _two_times(_frame_of(items[i], x), _frame_of(items[j], y)):
        return []  # "On Friday ... 666 points" / "On Monday ... 1,175 points"
    if _adds_up(_frame_of(items[i], x), y) or _adds_up(_frame_of(items[j], y), x):
        return []  # "an adult and two teenagers died" / "three people died": one toll
    fx, fy = _frame_of(items[i], x), _frame_of(items[j], y)
    if _tells_toll(items, items[j].outlet, x, fx) or _tells_toll(items, items[i].outlet, y, fy):
        return []  # "left 77 people dead ... where he killed 69 people": a whole and a part
    counted = _counted_word(x, y) or counted
    topic = _question(x.kind, items[i].sent.text, items[j].sent.text, counted)
    group = "number:number:count:" + "/".join(sorted(x.heads & y.heads))  # as `_number_pairs`
    return [_Pair("number", group, topic, i, j, x.text, y.text)]


def _slots_of(it: _Item) -> list[Slot]:
    """An item's days and clock times (`slots`), read once."""
    if it.slots is None:
        digits = it.span is not None and any(c.isdigit() for c in it.sent.text)
        it.slots = day_slots(it.span) + clock_slots(it.span) if it.span and digits else []
    return it.slots


def _slot_pairs(story: _Story) -> list[_Pair]:
    """Two days or two clock times of one event (see `slots`): sentences of two outlets, each
    with one value of the kind, whose clauses share a verb or noun, or a proper noun."""
    items = story.items
    found: dict[int, list[Slot]] = {}
    buckets: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        found[i] = _slots_of(it)
        for slot in found[i]:
            # a clock time is of a moment of the story: one person's, or one act's
            names = it.ents if slot.kind == "clock" else frozenset()
            # a date is of an act: people take part in many ("the mother" called on the
            # 12th and reported her missing on the 18th), so a person word keys nothing
            acts = {k for k in slot.keys if not _person_word(k) and k not in KIN_WORDS}
            for key in sorted(acts | {f"\0{e}" for e in names}):
                buckets.setdefault(f"{slot.kind}:{key}", []).append(i)
    pairs: list[_Pair] = []
    seen: set[tuple[int, int, str]] = set()
    for key, ids in buckets.items():
        kind = key.split(":", 1)[0]
        for i, j, _ in _bucket_pairs(story.x, items, {key: ids}, 40, 0.25 * story.related_t):
            if (i, j, kind) in seen:
                continue
            seen.add((i, j, kind))
            a = [v for v in found[i] if v.kind == kind]
            b = [v for v in found[j] if v.kind == kind]
            if len(a) == 1 and len(b) == 1 and clash(a[0], b[0]) and one_act(a[0], b[0]):
                if not _event_words(items[i].sent.text, items[j].sent.text):
                    continue  # no word in common but the date's: two events, each its own
                label = "day" if kind == "day" else "time"
                topic = _question(label, items[i].sent.text, items[j].sent.text)
                pairs.append(_Pair("date", f"date:{label}", topic, i, j, a[0].text, b[0].text))
    return pairs


def _edge_pairs(
    story: _Story, plain: Sequence[Sequence[int]], checked: set[tuple[int, int]]
) -> list[_Pair]:
    """Numbers, antonyms and dates of neighbours: of one claim, or related enough."""
    cluster_of = {i: c for c, members in enumerate(plain) for i in members}
    items = story.items
    pairs: list[_Pair] = []
    for sim, i, j in story.edges:
        if not story.different(i, j):
            continue
        same = cluster_of[i] == cluster_of[j]
        if sim < story.related_t and not same:
            continue
        checked.add((i, j))
        # sentences of one claim state one figure; merely related ones must share its context
        pairs.extend(_number_pairs(items, i, j, loose=not same))
        pairs.extend(_antonym_pairs(items, i, j))
        if same:  # related sentences name the years of many acts ("killed in 1994", "sued in 1997")
            pairs.extend(_year_pairs(items, i, j))
        pairs.extend(_name_slot_pairs(items, i, j))
    return pairs


def _age_pairs(story: _Story, checked: set[tuple[int, int]]) -> list[_Pair]:
    """Ages belong to a person: compare them across sentences naming the same entity, or whose
    ages the parse gives one owner ("Connor Cummings, 20" / "20-year-old Connor Cummings")."""
    items = story.items
    by_ent: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        if any(k == "age" for k, _ in it.nums):
            for e in it.ents:
                by_ent.setdefault(e, []).append(i)
            for q, measure in zip(it.qs, it.frames, strict=False):
                if q.kind == "age" and measure is not None and measure.owner:
                    by_ent.setdefault(f"\0{measure.owner.split()[-1]}", []).append(i)
    pairs: list[_Pair] = []
    for ids in by_ent.values():
        for p, i in enumerate(ids[:50]):
            for j in ids[p + 1 : 50]:
                if story.different(i, j) and (i, j) not in checked:
                    checked.add((i, j))
                    pairs.extend(q for q in _number_pairs(items, i, j) if q.group == "number:age")
    return pairs


def _bucketed_number_pairs(story: _Story, checked: set[tuple[int, int]]) -> list[_Pair]:
    """Values of one kind (a currency, a counted noun) far apart in the text but near the same
    words ("damage at £5 million" / "cost of the damage at £8 million"): loose pairs."""
    buckets: dict[str, list[int]] = {}
    for i, it in enumerate(story.items):
        for key in {k for q in it.qs for k in (q.heads or {q.kind})}:
            buckets.setdefault(key, []).append(i)
    pairs: list[_Pair] = []
    for i, j, _ in _bucket_pairs(story.x, story.items, buckets, 60, 0.4 * story.related_t):
        if (i, j) not in checked:
            checked.add((i, j))
            pairs.extend(_number_pairs(story.items, i, j, loose=True))
    return pairs


def _year_frame_pairs(story: _Story) -> list[_Pair]:
    """One year after the same verb ("built in 2006" / "a ro-ro ferry built in 2009"): one
    event dated twice, however differently the rest of the two sentences reads."""
    items = story.items
    frames = {i: f for i, it in enumerate(items) if (f := _year_frames(it.sent.text))}
    framed: dict[str, list[int]] = {}
    for i, f in frames.items():
        for frame in f:
            framed.setdefault(frame, []).append(i)
    pairs: list[_Pair] = []
    for i, j, _ in _bucket_pairs(story.x, items, framed, 40, 0.25 * story.related_t):
        fi, fj = frames[i], frames[j]
        for frame in set(fi) & set(fj):
            if fi[frame] != fj[frame] and not _other_actors(
                items[i], fi[frame], items[j], fj[frame]
            ):
                topic = _question("year", items[i].sent.text, items[j].sent.text)
                pairs.append(_Pair("date", "date:year", topic, i, j, fi[frame], fj[frame]))
    return pairs


def _absent_pairs(story: _Story) -> list[_Pair]:
    """ "There is no asbestos in that building" against "Asbestos was found in the ceiling": one
    outlet says a thing is not there, another that it was found there."""
    items = story.items
    absent = {i: gone for i, it in enumerate(items) if (gone := _absent(it.sent.text))}
    if not absent:
        return []
    found_at: dict[str, list[tuple[int, str]]] = {}
    for k, it in enumerate(items):
        for noun, found_text in _found(it.sent.text):
            found_at.setdefault(noun, []).append((k, found_text))
    pairs: list[_Pair] = []
    for i, (noun, none_words) in absent.items():
        finds = [(k, t) for k, t in found_at.get(noun, [])[:50] if story.different(i, k)]
        if not finds:
            continue
        found_sims = _dot(story.x, [i], [k for k, _ in finds])[0]
        for (k, found_words), sim in zip(finds, found_sims, strict=True):
            if sim < 0.25 * story.related_t:
                continue
            lo, hi = (i, k) if i < k else (k, i)
            va, vb = (none_words, found_words) if lo == i else (found_words, none_words)
            pairs.append(_Pair("polarity", f"polarity:no-{noun}", f"{noun} found", lo, hi, va, vb))
    return pairs


def _common_words(text: str) -> frozenset[str]:
    """The content words of `text` written in lower case: what it says, not whom it names."""
    return _content(" ".join(w for w in _WORD.findall(text) if w[:1].islower()))


def _denial_pairs(story: _Story) -> list[_Pair]:
    """A sentence calling a statement false against another outlet asserting it."""
    denials, items = story.denials, story.items
    if not denials:
        return []
    dsims = similarity(story.dx, story.x)
    pairs: list[_Pair] = []
    for r, i in enumerate(sorted(denials)):
        clause, denial_words = denials[i]
        for j in (int(j) for j in np.argsort(-dsims[r], kind="stable")[:5]):
            if j == i or j in denials or not story.different(i, j):
                continue
            if dsims[r, j] < (story.align_t + story.related_t) / 2:
                continue
            if negated_predicates(items[j].sent.text) and not _clause_is_negative(clause):
                continue
            if _asks(items[j].span):
                continue  # "asked if the reunion signals ...": a question asserts nothing
            if _ERROR_WORDS.search(items[j].sent.text):
                continue  # "incorrectly referred to Hidden Figures as ...": the same mistake
            # the story's topic ("the Copperline Fire") is shared by every sentence
            shared = sorted((_content(clause) & items[j].words) - story.topic_words)
            if len(shared) < 2 or not set(shared) & _common_words(clause):
                continue  # names alone ("the United States", "American") tie no one claim
            topic = " ".join(_WORD.findall(clause)[:8])
            lo, hi = (i, j) if i < j else (j, i)
            asserted = _asserted(items[j].sent.text, clause, shared)
            va, vb = (denial_words, asserted) if lo == i else (asserted, denial_words)
            pairs.append(_Pair("denial", f"denial:{i}", topic, lo, hi, va, vb))
    return pairs


_ASKING = frozenset({"ask", "wonder", "question", "query"})
# words by which a sentence tells of a mistake rather than asserting what was mistaken
_ERROR_WORDS = re.compile(
    r"\b(?:mistaken(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|wrongly|falsely|inaccurately|"
    r"misspoke|misstated|misidentified|misnamed)\b",
    re.I,
)


def _asks(span: Span | None) -> bool:
    """Whether a sentence puts a question ("When asked by a reporter if the show is ...",
    "Reporters asked whether ..."): what follows "if" or "whether" is asked, not asserted."""
    if span is None:
        return False
    return any(
        t.lower_ in ("if", "whether") and t.dep_ == "mark" and t.head.head.lemma_ in _ASKING
        for t in span
    )


# --- from pairs to conflicts and agreements ---------------------------------------------------


def _spelling_conflicts(story: _Story) -> list[Conflict]:
    """One name spelt two ways by two sets of outlets, each keeping to its own spelling
    ("Dimitri Olivares" / "Dimitri Oliveras"): the sentences of each spelling, one per
    article, are its side."""
    items = story.items
    forms: dict[tuple[str, str], list[int]] = {}  # (word before, spelling) -> its sentences
    texts: dict[int, list[str]] = {}
    for i, it in enumerate(items):
        texts.setdefault(it.outlet, []).append(it.sent.text)
        for form in dict.fromkeys(name_forms(it.span) if it.span is not None else ()):
            forms.setdefault(form, []).append(i)
    outlets = {f: sorted({items[i].outlet for i in ids}) for f, ids in forms.items()}
    joined = {o: " ".join(t) for o, t in texts.items()}
    out: list[Conflict] = []
    regions, cities = _gazetteer()
    for a, b in spellings(outlets, joined):
        names = [fold(f"{prefix} {form}") for prefix, form in (a, b)]
        if any(n in regions or n in cities for n in names):
            continue  # "Los Angles" is a typo of a place everyone knows, not a dispute
        sides = tuple(
            ConflictSide(
                f"{prefix.title()} {form}",
                tuple(_evidence(items[i]) for i in _first_per_article(items, forms[prefix, form])),
            )
            for prefix, form in (a, b)
        )
        out.append(Conflict("name", f"spelling of {a[0].title()} {a[1]}", sides))
    return out


def _first_per_article(items: Sequence[_Item], ids: Sequence[int]) -> list[int]:
    """The first of the sentences in each article."""
    first: dict[int, int] = {}
    for i in sorted(ids, key=lambda k: _pos(items[k])):
        first.setdefault(items[i].art, i)
    return list(first.values())


def _sides_of(story: _Story, conflicts: Sequence[Conflict]) -> frozenset[int]:
    """The items that are a side of one of the conflicts."""
    sides = {(e.article_id, e.sentence) for c in conflicts for s in c.sides for e in s.evidence}
    return frozenset(
        i for i, it in enumerate(story.items) if (it.sent.article_id, it.sent.index) in sides
    )


def _add_conflicts(
    story: _Story,
    conflicts: list[Conflict],
    disputes: dict[int, set[int]],
    new: Sequence[Conflict],
    backers_disputed: bool = True,
) -> None:
    """Append conflicts with their backers (see `_backed`), and mark their sentences (the
    backers' too, unless told not to) as disputed."""
    items = story.items
    at = {(it.sent.article_id, it.sent.index): k for k, it in enumerate(items)}
    by_value: dict[str, list[int]] = {}
    for k, it in enumerate(items):
        for q in it.qs:
            by_value.setdefault(_value_key(q.value), []).append(k)
    for c in new:
        if c in conflicts:
            continue  # found both between neighbours and inside an agreement
        # A side's other backers are listed with it, and stay free to agree among themselves.
        backed = _backed(c, items, story.topic_words, at, by_value)
        k, backed = _place(conflicts, backed)
        for c_side in backed.sides if backers_disputed else c.sides:
            for ev in c_side.evidence:
                disputes.setdefault(at[(ev.article_id, ev.sentence)], set()).add(k)


def _place(conflicts: list[Conflict], c: Conflict) -> tuple[int, Conflict]:
    """Where a conflict goes: joined into the dispute it is one with, else appended."""
    for k, old in enumerate(conflicts):
        if (shared := _one_dispute(old, c)) is not None:
            conflicts[k] = _joined(old, c, shared)
            return k, conflicts[k]
    conflicts.append(c)
    return len(conflicts) - 1, c


_JOINED_KINDS = frozenset({"number", "date", "name"})  # kinds whose sides are values


def _one_dispute(a: Conflict, b: Conflict) -> tuple[int, int] | None:
    """The sides (of `a`, of `b`) by which two conflicts of values are one dispute: the same
    value in the same sentence ("Seventeen people were injured" against "16 people injured"
    in one outlet and "wounding 16 people" in another is one disagreement, not two rows; so is
    "education for Wella" against "for Coty Inc." found twice)."""
    if a.kind != b.kind or a.kind not in _JOINED_KINDS or len(a.sides) != 2 or len(b.sides) != 2:
        return None
    for i, x in enumerate(a.sides):
        for j, y in enumerate(b.sides):
            if x.value == y.value and set(x.evidence) & set(y.evidence):
                return i, j
    return None


def _joined(a: Conflict, b: Conflict, shared: tuple[int, int]) -> Conflict:
    """One dispute of two: the shared side's evidence joined, and `b`'s other side joined to
    `a`'s when it gives the same figure ("16 people injured" / "wounding 16 people"), else
    added as a third side."""
    i, j = shared
    sides = list(a.sides)
    sides[i] = _with(sides[i], b.sides[j])
    other, theirs = sides[1 - i], b.sides[1 - j]
    if _same_value(a.kind, other.value, theirs.value):
        sides[1 - i] = _with(other, theirs)
    else:
        sides.append(theirs)
    return replace(a, sides=tuple(sides))


def _with(side: ConflictSide, more: ConflictSide) -> ConflictSide:
    return ConflictSide(side.value, tuple(dict.fromkeys(side.evidence + more.evidence)))


def _same_value(kind: str, a: str, b: str) -> bool:
    """Whether two sides' values are one: a figure however worded, else the same words."""
    if kind == "number":
        return {q.value for q in quantities(a)} == {q.value for q in quantities(b)}
    return a.lower() == b.lower()


def _agreement_clusters(
    story: _Story, plain: list[list[int]], side: frozenset[int]
) -> list[list[int]]:
    """Plain clusters, with two outlets giving the same figure of the same thing (or one
    sentence nearly inside another) joined too, never pulling in a side of a conflict (its
    cluster would then be dropped as disputed, and the figure's other outlets with it)."""
    items, edges, align_t = story.items, story.edges, story.align_t
    close = {(i, j) for sim, i, j in edges if sim >= align_t}  # merge on their own anyway
    anchored = frozenset(
        (i, j)
        for i, j in _figure_pairs(story.x, items, story.topic_words, story.related_t)
        + _contained_pairs(edges, items, story.topic_words)
        if i not in side and j not in side and (i, j) not in close
    )
    if not anchored:
        return plain
    scored = {(i, j) for _, i, j in edges}
    agreeing = [(align_t if (i, j) in anchored else sim, i, j) for sim, i, j in edges]
    agreeing.extend((align_t, i, j) for i, j in anchored - scored)
    agreeing.sort(key=lambda t: (-t[0], t[1], t[2]))
    return _cluster(story.x, items, agreeing, align_t, anchored, 0.5 * story.related_t, side)


COMPLETE_T = 0.31  # mean dense + TF-IDF cosine to an agreement's sentences that joins it


def _completed(story: _Story, clusters: list[list[int]], side: frozenset[int]) -> list[list[int]]:
    """Each agreement asks every article not in it for its sentence closest to the agreement's
    (mean cosine >= COMPLETE_T, two words beyond the topic shared with one of them): a third
    outlet telling the fact in other words is counted. Sentences already in an agreement, or
    a side of a conflict, stay where they are."""
    items = story.items
    taken = {i for m in clusters if len(m) >= 2 for i in m} | set(side)
    moved: set[int] = set()
    out: list[list[int]] = []
    for members in clusters:
        if len({items[i].outlet for i in members}) >= 2:
            joined = _joiners(story, members, taken)
            moved.update(joined)
            taken.update(joined)
            members = sorted(members + joined)
        out.append(members)
    return [m for m in out if len(m) >= 2 or m[0] not in moved]  # a joiner leaves its own


def _joiners(story: _Story, members: list[int], taken: set[int]) -> list[int]:
    """The best sentence of each article not in `members` that tells the same fact."""
    items, topic = story.items, story.topic_words
    arts = {items[i].art for i in members}
    cand = [k for k in range(len(items)) if items[k].art not in arts and k not in taken]
    if not cand:
        return []
    best: dict[int, tuple[float, int]] = {}
    for k, sim in zip(cand, _dot(story.x, cand, members).mean(axis=1), strict=True):
        a = items[k].art
        if sim < COMPLETE_T or (a in best and best[a][0] >= sim):
            continue
        if any(len((items[k].words & items[j].words) - topic) >= 2 for j in members):
            best[a] = (float(sim), k)
    return [k for _, k in best.values()]


LEXICAL_GATE = 0.15  # TF-IDF cosine a dense agreement's sentence needs with another outlet's


def _lexically_backed(story: _Story, clusters: list[list[int]]) -> list[list[int]]:
    """Dense agreements kept to sentences that share words with another outlet's: a sentence
    embedding puts any two sentences of one story close, words say whether they tell one fact."""
    from ..embed import get_embedder

    lex = get_embedder("tfidf").encode([it.sent.text for it in story.items])
    out: list[list[int]] = []
    for members in clusters:
        if len({story.items[i].outlet for i in members}) < 2:
            out.append(members)
            continue
        sims = _dot(lex, members, members)
        keep = [
            m
            for p, m in enumerate(members)
            if any(
                sims[p][q] >= LEXICAL_GATE and story.different(m, n) for q, n in enumerate(members)
            )
        ]
        keep = keep if len(keep) >= 2 else []
        out.extend([keep] if keep else [])
        out.extend([m] for m in members if m not in keep)  # each a claim of its own outlet
    return out


def _value_keys(it: _Item) -> set[str]:
    """What a sentence's values are values of: an age and whose, a figure and what it
    counts or measures, a clock time, a day."""
    keys: set[str] = set()
    for q, frame in zip(it.qs, it.frames, strict=False):
        if frame is None or frame.skip or q.hedge in _LOWER | _UPPER:
            continue
        what = frame.owner.split()[-1] if q.kind == "age" and frame.owner else frame.thing
        if q.kind == "age" and not frame.owner:
            continue
        if q.kind.startswith("count:") and q.value < 10 and _person_word(frame.thing):
            continue  # "two women", "two men": a few people recur in every fact of a story
        keys.add(f"{q.kind}|{_value_key(q.value)}|{what}")
    keys.update(f"{v.kind}|{v.value}" for v in _slots_of(it))
    return keys


SHARED = 1  # content words beyond the topic and the figure a value group's sentences share


def _numbers(it: _Item) -> set[str]:
    """The numbers written in a sentence."""
    return set(_NUMBER_TOKEN.findall(it.sent.text))


_FATE_WORDS = (
    "kill killed killing die died dead death wound wounded injure injured injury hurt other"
)


def _nouns(it: _Item) -> set[str]:
    """The common nouns of a sentence, as `_content` writes them."""
    if it.span is None:
        return set()
    return {_lemma(t.text) for t in it.span if t.pos_ == "NOUN" and len(t.text) > 2}


@cache
def _toll_words() -> frozenset[str]:
    """The words (as `_content` writes them) of a toll itself: its fate and whom it counts."""
    words = set(_FATE_WORDS.split()) | _PERSON_NOUNS | _CHILD | set(_PEOPLE)
    return frozenset(words | {_lemma(w) for w in words})


def _value_groups(
    story: _Story, clusters: Sequence[Sequence[int]], disputes: Mapping[int, set[int]]
) -> list[list[int]]:
    """Outlets giving one value of one thing ("Sementilli, 49," / "the 49-year-old
    Sementilli", "about 7:30 p.m. Wednesday" / "just before 7:30 p.m."), told in sentences
    that say other things too and so joined no claim together: one agreement on that fact,
    its sentences free to be in other agreements as well. One sentence per outlet, each
    sharing a content word beyond the story's topic with the first."""
    items = story.items
    together = [list(m) for m in clusters if len(m) > 1]
    keys_of = {i: _value_keys(it) for i, it in enumerate(items)}
    by_key: dict[str, list[int]] = {}
    for i in keys_of:
        if i not in disputes:
            for key in keys_of[i]:
                by_key.setdefault(key, []).append(i)
    out: list[list[int]] = []
    for key in sorted(by_key):
        first: dict[int, int] = {}
        for i in by_key[key]:
            first.setdefault(items[i].outlet, i)
        ids = sorted(first.values())
        if len(ids) < 2:
            continue
        lead = items[ids[0]]
        # a person's age is one fact whatever else the sentences say
        ids = [ids[0]] + [
            i
            for i in ids[1:]
            if key.startswith("age|")
            or len((lead.plain & items[i].plain) - story.topic_words - _numbers(lead)) >= SHARED
        ]
        arts = {items[i].art for i in ids}
        # an agreement of these articles holding one of these sentences may well tell it
        told = any(set(ids) & set(m) and arts <= {items[k].art for k in m} for m in together)
        if len(ids) >= 2 and len(arts) == len(ids) and not told:
            out.append(ids)
            together.append(ids)

    return out


_Draft = tuple[int, tuple[int, int], str, tuple[Evidence, ...], tuple[str, ...], str]


def _draft(
    story: _Story,
    members: Sequence[int],
    disputes: Mapping[int, set[int]],
    unattributed: set[tuple[str, int]],
    short: bool = False,
) -> _Draft | None:
    """A cluster as a claim: (outlets, position, text, evidence, entity ids, kind), or None
    when it is disputed or a single outlet's sentence that is not worth listing."""
    items = story.items
    outlets = len({items[i].outlet for i in members})
    ordered = sorted(members, key=lambda k: _pos(items[k]))
    evidence = tuple(_evidence(items[k]) for k in ordered)
    ent_ids = tuple(sorted({e for k in members for e in items[k].ents}))
    pos = _pos(items[ordered[0]])
    if outlets >= 2:
        # Disputed when two of its sentences are sides of one conflict: the outlets differ
        # on this very fact. One side alone is a sentence with a second, disputed fact in
        # it ("convicted on seven counts ... linked to about £1.3 million"): the claim
        # stands, and the conflict is reported beside it.
        per_conflict = Counter(c for k in members for c in disputes.get(k, ()))
        if any(v >= 2 for v in per_conflict.values()):
            return None
        rep = (
            min(ordered, key=lambda k: len(items[k].sent.text))
            if short
            else _representative(story, ordered, disputes)
        )
        return (outlets, pos, strip_dateline(items[rep].sent.text), evidence, ent_ids, "statement")
    first = items[ordered[0]].sent
    if (first.article_id, first.index) in unattributed:
        return None  # a source's words with the speaker elsewhere: not the outlet's claim
    text = strip_dateline(first.text)
    if _ACCUSATION.search(text):
        kind = "accusation"
    elif any(q.text[:1].isdigit() or q.kind == "money" for q in items[ordered[0]].qs):
        kind = "number"
    else:
        return None
    return (1, pos, text, evidence, ent_ids, kind)


def _representative(story: _Story, ordered: Sequence[int], disputes: Mapping[int, set[int]]) -> int:
    """The sentence that words an agreement: the most central whole sentence with no disputed
    figure in it."""
    if len(ordered) == 1:
        return ordered[0]
    items = story.items
    # rounded: in a pair both sums are 1 + their cosine, equal but for the last bit of float
    # arithmetic, which differs across CPUs; a tie goes to the first
    sims = np.round(_dot(story.x, ordered, ordered).sum(axis=1), 4)
    # the claim reads as a whole sentence: one that opens a quotation and leaves it open
    # ('"Now they're on a bus ...') is the wording only if all are so
    whole = np.array([quote_marks(items[k].sent.text) % 2 == 0 for k in ordered])
    if whole.any():
        sims = np.where(whole, sims, -np.inf)
    # ... and not one with a disputed figure in it, which would read as agreed
    free = np.array([k not in disputes for k in ordered]) & np.isfinite(sims)
    if free.any():
        sims = np.where(free, sims, -np.inf)
    return ordered[int(np.argmax(sims))]


def _split_claims(
    drafts: list[_Draft], conflicts: list[Conflict]
) -> tuple[list[Agreement], list[Conflict], list[Claim]]:
    """Drafts numbered in order (most outlets first) as agreements and single-source claims."""
    drafts.sort(key=lambda d: (-d[0], d[1]))
    worded: set[str] = set()
    kept: list[_Draft] = []
    for d in drafts:
        if d[0] < 2 or d[2] not in worded:  # one fact worded alike twice is shown once
            kept.append(d)
            worded.add(d[2] if d[0] >= 2 else "")
    agreements: list[Agreement] = []
    single: list[Claim] = []
    for k, (outlets, _, text, evidence, ent_ids, kind) in enumerate(kept, 1):
        claim = Claim(f"c{k}", text, evidence, outlets, ent_ids, kind)
        if outlets >= 2:
            agreements.append(Agreement(claim))
        elif len(single) < MAX_SINGLE:
            single.append(claim)
    return agreements, conflicts, single


def disputes_of(conflicts: Sequence[Conflict], article_id: str, sentence: int) -> tuple[int, ...]:
    """The conflicts (their indices) a sentence gives one side of: a summary sentence with a
    disputed value is shown as disputed, with every side cited, never as plain fact."""
    return tuple(
        k
        for k, c in enumerate(conflicts)
        if any(
            e.article_id == article_id and e.sentence == sentence
            for s in c.sides
            for e in s.evidence
        )
    )


def _asserted(text: str, clause: str, shared: Sequence[str]) -> str:
    """The words of `text` that assert what `clause` says: a verb phrase when one is shared."""
    for w in _WORD.findall(clause):
        lem = _lemma(w)
        if lem in shared and (w.lower().endswith("ed") or _irregular(w.lower())):
            phrase = _positive_phrase(text, lem)
            if phrase:
                return phrase
    return text if len(text) <= 120 else text[:117].rstrip() + "..."


def _clause_is_negative(clause: str) -> bool:
    return bool(negated_predicates(clause))
