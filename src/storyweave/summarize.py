"""Extractive multi-document summary with citations and a word budget.

Usable sentences (junk skipped) are embedded once. Each gets a salience score, a
weighted sum of a few features: how central it is to the story (cosine to the cluster
centroid), its support in the other articles (best cosine in each), how many articles share
its words and word pairs, where it sits in its article (news leads carry the story) and its
length. A greedy MMR pass fills the word budget with complete sentences and never takes a
sentence that says what a chosen one already says; the result is put back in reading order.
Every chosen sentence cites its own article and every article holding a near-paraphrase.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from .analysis.quotes import (
    PROMO_LABELS,
    capital_labels,
    open_after,
    quote_marks,
    quote_roles,
    transcript_labels,
)
from .embed import CountCache, Embedder, Matrix, batched, similarity
from .model import Article, Sentence, SummarySentence
from .text.segment import strip_dateline

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .text.annotate import Annotations


class Summarizer(Protocol):
    """Articles and their sentences -> cited summary sentences within `words` words."""

    def __call__(
        self,
        articles: Sequence[Article],
        sentences: Mapping[str, Sequence[Sentence]],
        *,
        words: int,
        embedder: Embedder,
    ) -> list[SummarySentence]: ...


FEATURES = (
    "centrality",  # cosine to the centroid of the story's usable sentences
    "lexrank",  # PageRank over the sentences linked by a cosine above a threshold (LexRank)
    "support",  # mean over the other articles of the best cosine in each
    "best_other",  # best cosine to a sentence of another article
    "leads",  # mean cosine to the opening sentences of the articles
    "own_lead",  # cosine to the opening sentence of its own article (1 for the opening)
    "shared_words",  # mean share of articles that use each content word of the sentence
    "shared_pairs",  # share of the sentence's word pairs found in two or more articles
    "word_cover",  # sum of article counts of its content words found in 2+ articles, per word
    "pair_cover",  # the same for word pairs: the bigram concepts a summary should cover
    "frequency",  # mean frequency of its content words across the story's sentences
    "lead",  # first usable sentence of its article
    "position",  # 1 / (1 + rank / 4), rank among the article's usable sentences
    "depth",  # min(rank, 30) / 30
    "relative",  # rank / usable sentences of its article
    "last",  # last usable sentence of its article (often cut off or a sign-off)
    "first_article",  # from the first article of the input
    "article_order",  # article index / articles
    "article_share",  # share of the story's usable words that its article holds
    "length",  # 1 for 15-35 words, falling off outside
    "words",  # min(words, 60) / 30
    "function_words",  # share of its words that are function words: prose, not a list or label
    "attributed",  # says who said it: "said", "told", "according to"
    "quoted",  # holds a quotation mark
    "number",  # holds a digit
    "dangling",  # opens on a pronoun or connective that needs the sentence before
)

_WEIGHTS_FILE = Path(__file__).with_name("summary_weights.json")


@dataclass(frozen=True, slots=True)
class Weights:
    """Tunable knobs of the storyweave summarizer.

    `features` holds one weight per name in FEATURES. The presets come from
    `summary_weights.json`, written by `benchmarks/fit_summary_weights.py`: a ridge fit of each
    candidate sentence's ROUGE-1 + ROUGE-2 precision against the human summary on Multi-News
    clusters that the reported held-out scores do not use.
    """

    features: tuple[float, ...]
    redundancy: float = 0.2  # MMR penalty on the best cosine to a chosen sentence
    max_per_article: int = 40  # usable sentences per article; later ones rarely matter
    # dense cosine at which two sentences carry the same fact; at 0.72, MiniLM's "same" also
    # covered sentences that add their own details to a shared fact (held out, 0.8 gained
    # +0.1 to +0.3 ROUGE-1 on three slices)
    same_dense: float = 0.8
    same_sparse: float = 0.5  # tf-idf cosine at which two sentences carry the same fact
    lexical: float = 0.5  # share of content words that makes a near miss the same fact
    floor_dense: float = 0.55  # the lexical check needs at least this cosine (dense)
    floor_sparse: float = 0.3  # ... or this one (tf-idf)
    # an article is cited for a chosen sentence when one of its sentences comes this close (and
    # gives no other value of its figures, `_backs`): real outlets paraphrase more loosely than
    # "same" allows. From the lower `near` cosine up, the two must also share a word few of
    # the story's sentences use (`_Story.specific`): topic words ("the Linnet Street
    # Footbridge") alone are not a fact. On the raw-dev dev clusters' labelled facts, each
    # candidate on one against each other article: tf-idf 0.2, or 0.15 with a specific word,
    # cites 74% of the articles stating it at 93.5% precision (0.15 alone: 75% at 92.3%; 0.2
    # alone 57% at 96%); the dense cosine alone (until session 14) 0.55, or 0.5 with a specific
    # word, 76% at 93.6% (0.52 alone: 75% at 91.7%).
    # With a dense embedder the citer now reads 0.4 x the dense cosine + 0.6 x the TF-IDF one (as
    # claims align sentences, `_citing`). On the raw-dev dev and dev2 summaries (MiniLM), summary
    # sentences of a labelled fact that leave out one of its articles: 0.283 -> 0.268 (dev2) and
    # 0.288 -> 0.271 (dev), citations outside the fact's labelled articles 34 -> 27, against the
    # dense cosine alone at 0.55 / 0.5 / 0.4
    cite_dense: float = 0.32
    cite_sparse: float = 0.2
    near_dense: float = 0.27
    near_sparse: float = 0.15
    facts_dense: float = 0.24
    facts_sparse: float = 0.05
    link_dense: float = 0.4  # LexRank links two sentences from this dense cosine up
    link_sparse: float = 0.1  # ... or this tf-idf cosine (Erkan & Radev's threshold)
    context: bool = (
        True  # a sentence that opens on "He", "But", "This" ... comes with the one before
    )

    def __post_init__(self) -> None:
        if len(self.features) != len(FEATURES):
            raise ValueError(
                f"{len(FEATURES)} feature weights are needed, not {len(self.features)}"
            )


def load_weights(path: Path = _WEIGHTS_FILE) -> dict[str, Weights]:
    """The weight presets by embedder kind ("dense", "sparse") from a fitted weights file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    presets: dict[str, Weights] = {}
    for kind, preset in data["presets"].items():
        names = list(preset["features"])
        if names != list(FEATURES):
            raise ValueError(
                f"{path}: preset {kind!r} has weights for {names}, but the summarizer computes "
                f"{list(FEATURES)}; refit with benchmarks/fit_summary_weights.py"
            )
        knobs = {k: v for k, v in preset.items() if k not in ("features", "fit")}
        presets[kind] = Weights(tuple(float(preset["features"][f]) for f in FEATURES), **knobs)
    return presets


_PRESETS = load_weights()
DENSE_WEIGHTS = _PRESETS["dense"]
SPARSE_WEIGHTS = _PRESETS["sparse"]
DEFAULT_WEIGHTS = DENSE_WEIGHTS

MIN_WORDS = 6

_CLOSE = "\"'”’)\\]"
_TERMINAL = re.compile(rf"[.!?…][{_CLOSE}]*$")
_QUESTION = re.compile(rf"\?[!?{_CLOSE}]*$")  # "... children?!" too
# Page furniture a cleaner may leave behind; matched anywhere, case-insensitively.
_JUNK = re.compile(
    r"click here|sign up|subscribe|newsletter|originally (?:published|appeared)|"
    r"all rights reserved|copyright|©|\bphoto(?:s|graph)?\s*(?::|by\b|credit)|"
    r"getty images|\bap photo\b|follow (?:us|him|her|them|@)|share (?:this|on)|"
    r"read more|related:|advertisement|contributed to this report|"
    r"this (?:article|story) (?:was|has been)|e-?mail (?:us|me)|https?://|www\.|@\w",
    re.IGNORECASE,
)
# Every phrase of _JUNK holds one of these: a substring test spares the regex on nearly every
# sentence (it was most of `is_junk`'s time). A new phrase of _JUNK must hold one of them.
_JUNK_KEYS = (
    "click here", "sign up", "subscribe", "newsletter", "originally", "all rights reserved",
    "copyright", "©", "photo", "getty images", "follow ", "share ", "read more", "related:",
    "advertisement", "contributed to this report", "this article", "this story", "mail ",
    "http", "www.", "@",
)  # fmt: skip


def _junk_phrase(text: str) -> bool:
    folded = text.casefold()
    return any(k in folded for k in _JUNK_KEYS) and _JUNK.search(text) is not None


# Frequent verbs and verb endings: a line with none of them is a label, not a statement.
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|"
    r"shall|should|may|might|must|said|says|say|told|tell|get|got|make|made|take|took|"
    r"go|went|come|came|see|saw|know|knew|think|thought|want|found|find|left|put|"
    r"\w+ed|\w+ing|\w{3,}s)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_STOP = frozenset(
    "a an the and or but if of to in on at by for with from as into about over after before "
    "is are was were be been being has have had do does did will would can could should may "
    "might must that this these those it its he she they them his her their we our you your "
    "i me my not no so than then there here which who whom whose what when where why how "
    "said says say also just more most very up out s t".split()
)
_TOKEN = r"(?u)\b\w+\b"
_FUNCTION = ENGLISH_STOP_WORDS  # sklearn's list of 318: the glue of written prose
_SAID = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_QUOTE_MARK = re.compile('["“”]')
_DANGLING = re.compile(
    r"^[\"“'‘(]?(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|so|also|"
    r"however|still|then|yet)\b",
    re.IGNORECASE,
)

# Words quoted from someone the sentence calls only "he", "she" or "they" ("“No,” she said."):
# the name is in a sentence before.
_PRONOUN_SPEAKER = re.compile(
    r"(?:[,.!?][\"”’']?|[\"”’'])\s+(?:he|she|they)\s+"
    r"(?:said|says|added|adds|explained|wrote|continued|told)\b",
    re.IGNORECASE,
)
# A teaser or a quotation cut off by the page: "..., with witnesses saying..."
_CUT_OFF = re.compile(rf"(?:\.\.\.|…)[{_CLOSE}]*$")


def is_junk(text: str, *, paired: bool = False) -> bool:
    """Whether a sentence is page furniture, a caption, a question or a quote fragment.

    `paired`: it opens or carries on a quotation together with its neighbour, so an odd
    number of quotation marks is no sign of a fragment."""
    words = text.split()
    n = len(words)
    if n < MIN_WORDS or _QUESTION.search(text) or _junk_phrase(text):
        return True
    # No end punctuation on a line of under 20 words: a caption or a headline, not a sentence.
    if not _TERMINAL.search(text) and n < 20:
        return True
    if not _VERBISH.search(text):
        return True
    marks = quote_marks(text)
    # A short piece of a quote that runs over several sentences, out of context.
    if marks % 2 == 1 and n < 25 and not paired:
        return True
    if marks >= 2 and sum(len(m) for m in _QUOTED.findall(text)) > 0.9 * len(text):
        return True
    return sum(map(str.isalpha, text)) < 0.6 * len(text)


def _length_prior(n_words: np.ndarray) -> np.ndarray:
    """1 for 15-35 words, falling off linearly outside."""
    short = np.clip((n_words - MIN_WORDS) / (15 - MIN_WORDS), 0.0, 1.0)
    long = np.clip(1.0 - (n_words - 35) / 35.0, 0.0, 1.0)
    return np.minimum(short, long).astype(np.float32)


def _lexrank(sim: np.ndarray, threshold: float, damping: float = 0.85) -> np.ndarray:
    """LexRank (Erkan & Radev 2004): PageRank on the graph of sentences whose cosine is above
    `threshold`, scaled so that the mean is 1. By hand: ten lines of numpy on a matrix we hold,
    where sumy's version loops in Python and networkx would be a dependency for one call."""
    n = sim.shape[0]
    links = (sim > threshold).astype(np.float64)
    np.fill_diagonal(links, 0.0)
    degree = links.sum(axis=1, keepdims=True)
    # a sentence linked to nothing spreads its rank evenly (the random surfer's jump)
    step = np.divide(links, degree, out=np.full_like(links, 1.0 / n), where=degree > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(50):
        new = (1.0 - damping) / n + damping * (step.T @ rank)
        if np.abs(new - rank).sum() < 1e-6:
            rank = new
            break
        rank = new
    return (rank * n).astype(np.float32)


def _row_mean(x: sp.csr_matrix, values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Per row of a binary matrix, the mean of `values` over its non-zero columns that the 0/1
    `mask` keeps."""
    total = np.asarray(x @ (values * mask)).ravel()
    count = np.asarray(x @ mask).ravel()
    return np.divide(total, count, out=np.zeros_like(total), where=count > 0)


@dataclass(slots=True)
class _Story:
    """Everything the scorer, the selector and the citer read, computed once per call."""

    order: list[str]  # article ids with sentences, in input order
    sentences: list[Sentence]  # the usable sentences (candidates), article by article
    texts: list[str]
    doc: np.ndarray  # article index of every candidate
    n_words: np.ndarray
    features: np.ndarray  # (candidates, FEATURES)
    sim: np.ndarray  # (candidates, candidates) embedder cosine
    same: np.ndarray  # (candidates, candidates) bool: the two carry the same fact
    dense: bool  # the embedder gave dense vectors
    prev: np.ndarray  # the candidate read just before, in the same article; -1 for an opening
    dangling: np.ndarray  # bool: opens on a pronoun or connective and is not an opening
    carried: np.ndarray  # bool: opens a quotation that the next candidate carries on
    specific: np.ndarray  # (candidates, candidates) words shared that few sentences use


def _misshapen(sentences: Sequence[Sentence]) -> list[bool]:
    """Sentences no reader should meet alone in a summary, whatever their words.

    A line in capitals amid normal text (a TV station's caption feed; an article all in
    capitals is still read), a promo behind a capital label, each turn of a transcript (two or
    more speaker labels) from its label to the end of its paragraph, and, where the article is
    written in normal case, a sentence opening in lower case (a line of a hard-wrapped PDF, a
    piece of a broken sentence). A lower-cased corpus has no case to go by, so there only the
    labels count (and it has none)."""
    texts = [s.text.lstrip("\"'“‘(") for s in sentences]
    upper_first = sum(1 for t in texts if t[:1].isupper())
    cased = upper_first >= 0.5 * len(texts)
    # a capital label: a transcript's speaker or a promo's ("TRAILER: ...", "WATCH: ...")
    labels = capital_labels(texts)
    transcript = any(transcript_labels(labels))
    last_paragraph = sentences[-1].paragraph if sentences else 0
    shouting = [_shouting(t) for t in texts]
    # an article all in capitals is still read (badly); capitals amid normal text are not
    shouting_counts = not all(shouting)
    out: list[bool] = []
    turn = -1  # paragraph of the transcript turn being read
    for i, (s, t, label, shouts) in enumerate(zip(sentences, texts, labels, shouting, strict=True)):
        bad = False
        if label and (transcript or label.split()[0] in PROMO_LABELS):
            bad, turn = True, s.paragraph if transcript else -1
        elif transcript and s.paragraph == turn:
            bad = True
        elif shouts and shouting_counts:
            bad = True  # a TV station's caption feed, a warning in capitals
        elif cased:
            first = (t.split(maxsplit=1) or [""])[0]
            # opens mid-sentence ("iPhone", "eBay" keep their capital)
            bad = first[:1].islower() and first == first.lower()
        ends_paragraph = i + 1 == len(sentences) or sentences[i + 1].paragraph != s.paragraph
        if not bad and ends_paragraph and _CUT_OFF.search(t.rstrip()):
            # a teaser or a quotation cut off by the page ("..., with witnesses saying...");
            # mid-paragraph, "..." is a pause the writer chose and the text goes on
            bad = True
        if not bad and s.paragraph < last_paragraph and not _TERMINAL.search(t.rstrip()):
            # a paragraph that stops without a full stop before the article goes on: a pull
            # quote ("... then I'm happy with it Dr Mike Brown, Caltech"), a heading, a caption
            # (the last paragraph may be cut short by the page or the dataset; it is spared)
            bad = True
        out.append(bad)
    return out


def _shouting(text: str) -> bool:
    """At least 20 letters, nine in ten of them capitals (counted in C: this runs on every
    sentence)."""
    lower = sum(map(str.islower, text))
    if lower > 2 and lower * 4 > len(text):
        return False  # plainly normal case
    letters = sum(map(str.isalpha, text))
    return letters >= 20 and letters - lower >= 0.9 * letters


_PAIRED = frozenset({"continued", "closing", "opener"})  # quote roles read with a neighbour


def _fine(
    sents: Sequence[Sentence], roles: Sequence[str | None], misshapen: Sequence[bool], i: int
) -> bool:
    """Sentence i is whole and readable (its quote role aside)."""
    paired = roles[i] in _PAIRED or roles[i + 1 : i + 2] in (["continued"], ["closing"])
    return not misshapen[i] and not is_junk(sents[i].text.strip(), paired=paired)


_Candidates = tuple[list[str], list[Sentence], list[int], list[bool]]


def _candidates(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]], limit: int
) -> _Candidates:
    """Article order, the usable sentences (the first `limit` of each article), their ranks,
    and which of them carry on a quotation from the sentence before (kept only after it)."""
    order = [a.id for a in articles if sentences.get(a.id)]
    kept: list[Sentence] = []
    ranks: list[int] = []
    leans: list[bool] = []
    for aid in order:
        sents = sentences[aid]
        roles = quote_roles(sents)
        misshapen = _misshapen(sents)
        usable = [False] * len(sents)
        for i, role in enumerate(roles):
            if role is None:
                usable[i] = _fine(sents, roles, misshapen, i)
            elif role in ("continued", "closing"):  # only after the sentence it leans on
                usable[i] = i > 0 and usable[i - 1] and _fine(sents, roles, misshapen, i)
            elif role == "opener":  # only when the sentence closing its quotation can follow
                usable[i] = _fine(sents, roles, misshapen, i) and _fine(
                    sents, roles, misshapen, i + 1
                )
        # A quotation that runs on past the sentence carrying it on ('He said: "I cry. | I
        # miss them. | I call every night."') cannot be shown whole: neither the carrying
        # sentence nor the one it leans on is usable, or the summary leaves a quotation open.
        # Only where the next sentence of the paragraph does close it: in flattened text
        # (a lower-cased feed) straight marks are too often mis-paired to tell.
        still_open = open_after(sents) if "continued" in roles else []
        for i, role in enumerate(roles[:-1] if still_open else ()):
            after = sents[i + 1]
            if (
                role == "continued"
                and usable[i]
                and still_open[i]
                and after.paragraph == sents[i].paragraph
                and not open_after([after])[0]
                and quote_marks(after.text) % 2
            ):
                usable[i] = usable[i - 1] = False
        _seal_quotations(sents, roles, usable)
        rank = 0
        for s, role, ok in zip(sents, roles, usable, strict=True):
            if rank >= limit:
                break
            if ok:
                kept.append(s)
                ranks.append(rank)
                leans.append(role in ("continued", "closing"))
                rank += 1
    return order, kept, ranks, leans


def _seal_quotations(
    sents: Sequence[Sentence], roles: Sequence[str | None], usable: list[bool]
) -> None:
    """Mark unusable every sentence that would show a quotation cut in two: one leaving it open
    unless the next sentence closes it and can come with it, and one starting inside it unless
    it comes with the sentence that opened it."""
    if len({s.paragraph for s in sents}) < 2:
        return  # flattened text: straight marks are too often mis-paired to tell (see above)
    still = open_after(sents)
    leaning = [r in ("continued", "closing") for r in roles]
    for i in reversed(range(len(sents))):
        after = i + 1 < len(sents) and sents[i + 1].paragraph == sents[i].paragraph
        if still[i] and not (after and usable[i + 1] and leaning[i + 1] and not still[i + 1]):
            usable[i] = False
    for i in range(1, len(sents)):
        inside = still[i - 1] and sents[i - 1].paragraph == sents[i].paragraph
        if inside and not (leaning[i] and usable[i - 1]):
            usable[i] = False


def _word_vectorizer() -> CountVectorizer:
    return CountVectorizer(
        lowercase=True, token_pattern=_TOKEN, ngram_range=(1, 2), dtype=np.float32
    )


def word_counter(texts: Sequence[str] = ()) -> CountCache:
    """Word and word-pair counts of these candidate texts (of many stories) for `summarize`."""
    return CountCache(_word_vectorizer, texts)


_LOCAL = threading.local()


def _local_counter() -> CountCache:
    """This thread's counter: one vectorizer, reused (fitting mutates it)."""
    cache = getattr(_LOCAL, "counter", None)
    if cache is None:
        cache = _LOCAL.counter = word_counter()
    return cache


def _story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    embedder: Embedder,
    w: Weights,
    counter: CountCache | None = None,
    candidates: _Candidates | None = None,
) -> _Story | None:
    """Candidates, features and similarities of a story. From `summarize_many`: `counter`
    holds the word counts of many stories' candidates, counted in one pass, and `candidates`
    this story's `_candidates`; by default both are worked out here."""
    order, kept, ranks, leans = candidates or _candidates(articles, sentences, w.max_per_article)
    if not kept:
        return None
    texts = [s.text.strip() for s in kept]
    n = len(kept)
    index = {aid: d for d, aid in enumerate(order)}
    doc = np.array([index[s.article_id] for s in kept])
    n_words = np.array([len(t.split()) for t in texts], dtype=np.float32)
    rank = np.array(ranks, dtype=np.float32)

    # Junk is never embedded: it is never chosen, and paraphrases of a chosen fact live in
    # other articles' usable sentences. Embedding is most of the time a call takes.
    vectors: Matrix = embedder.encode(texts)
    dense = not sp.issparse(vectors)
    if not dense:
        vectors = sp.csr_matrix(vectors, dtype=np.float32)
    sim = similarity(vectors)
    words = _Words.count(texts, doc, len(order), counter)

    def flags(pattern: re.Pattern[str]) -> np.ndarray:
        return np.array([bool(pattern.search(t)) for t in texts], dtype=np.float32)

    columns = {
        **_cosine_columns(vectors, sim, doc, rank),
        "lexrank": _lexrank(sim, w.link_dense if dense else w.link_sparse),
        **words.columns(n_words),
        **_position_columns(doc, rank, n_words, len(order)),
        "attributed": flags(_SAID),
        "quoted": flags(_QUOTE_MARK),
        "number": flags(_DIGIT),
        "dangling": flags(_DANGLING),
    }
    features = np.column_stack([columns[f] for f in FEATURES]).astype(np.float32)
    # Junk between two candidates is gone from the cleaned text, so they read as neighbours.
    prev = np.where(rank > 0, np.arange(n) - 1, -1)
    lean = np.array(leans, dtype=bool)
    speaker_he = flags(_PRONOUN_SPEAKER) > 0  # words of a speaker called only he/she/they
    dangling = ((columns["dangling"] > 0) | lean | speaker_he) & (rank > 0)
    carried = np.zeros(n, dtype=bool)
    carried[:-1] = lean[1:] & (rank[1:] > 0)
    return _Story(
        order,
        kept,
        texts,
        doc,
        n_words,
        features,
        sim,
        words.same_fact(sim, dense, w),
        dense,
        prev,
        dangling,
        carried,
        words.specific(),
    )


def _cosine_columns(
    vectors: Matrix, sim: np.ndarray, doc: np.ndarray, rank: np.ndarray
) -> dict[str, np.ndarray]:
    """Features from the sentences' cosines: to the story's centroid, to the best sentence of
    each other article (`support`, `best_other`), and to the articles' opening sentences (the
    leads state what the story is)."""
    n = len(doc)
    centroid = np.asarray(vectors.mean(axis=0)).ravel().astype(np.float32)
    norm = float(np.linalg.norm(centroid))
    centrality = np.asarray(vectors @ (centroid / (norm or 1.0)), dtype=np.float32).ravel()
    present = np.unique(doc)
    starts = np.searchsorted(doc, present)  # candidates are grouped article by article
    if present.size > 1:
        best = np.maximum.reduceat(sim, starts, axis=1)  # (candidates, articles present)
        best[np.arange(n), np.searchsorted(present, doc)] = 0.0
        support = best.sum(axis=1) / (present.size - 1)
        best_other = best.max(axis=1)
    else:
        support = best_other = np.zeros(n, dtype=np.float32)
    return {
        "centrality": centrality,
        "support": support,
        "best_other": best_other,
        "leads": sim[:, rank == 0].mean(axis=1),
        "own_lead": sim[np.arange(n), starts[np.searchsorted(present, doc)]],
    }


def _position_columns(
    doc: np.ndarray, rank: np.ndarray, n_words: np.ndarray, n_docs: int
) -> dict[str, np.ndarray]:
    """Features of where a sentence stands in its article and of its article in the story."""
    per_article = np.bincount(doc, minlength=n_docs).astype(np.float32)
    article_words = np.bincount(doc, weights=n_words, minlength=n_docs).astype(np.float32)
    return {
        "lead": (rank == 0).astype(np.float32),
        "position": 1.0 / (1.0 + rank / 4.0),
        "depth": np.minimum(rank, 30.0) / 30.0,
        "relative": rank / per_article[doc],
        "last": (rank == per_article[doc] - 1).astype(np.float32),
        "first_article": (doc == 0).astype(np.float32),
        "article_order": doc / n_docs,
        "article_share": article_words[doc] / max(float(article_words.sum()), 1.0),
        "length": _length_prior(n_words),
        "words": np.minimum(n_words, 60.0) / 30.0,
    }


@dataclass
class _Words:
    """Word and word-pair statistics of a story's candidates, across its articles: what
    several outlets say is the story."""

    counts: sp.csr_matrix  # candidates x vocabulary (words and word pairs)
    x: sp.csr_matrix  # binary: does the sentence hold the word (pair)
    content: np.ndarray  # 0/1 mask of content words
    pair_mask: np.ndarray  # 0/1 mask of word pairs
    is_function: np.ndarray
    df: np.ndarray  # articles holding each term
    sentence_freq: np.ndarray  # candidates holding each term
    n_docs: int

    @classmethod
    def count(
        cls, texts: Sequence[str], doc: np.ndarray, n_docs: int, counter: CountCache | None
    ) -> _Words:
        n = len(texts)
        counted = (counter or _local_counter()).counts(texts)
        if counted is None:  # no token at all
            counted = sp.csr_matrix((n, 1), dtype=np.float32), np.array(["."])
        counts, vocab = counted
        x = counts.copy()
        x.data[:] = 1.0
        # Word kinds are masks over the whole vocabulary, not column slices: a slice rebuilds
        # the matrix each time, and a product with a 0/1 mask sums the same terms (plus exact
        # zeros), so every feature is bit for bit what the slices gave.
        is_pair = np.char.find(vocab, " ") >= 0
        # set lookups: np.isin on strings sorts both arrays, ten times slower at these sizes
        terms = vocab.tolist()
        is_function = np.fromiter(map(_FUNCTION.__contains__, terms), dtype=bool, count=len(terms))
        is_stop = np.fromiter(map(_STOP.__contains__, terms), dtype=bool, count=len(terms))
        in_doc = sp.csr_matrix((np.ones(n, dtype=np.float32), (doc, np.arange(n))))
        # column counts by bincount: whole numbers, so exactly what a sparse sum gives
        df = np.bincount((in_doc @ x).indices, minlength=len(terms)).astype(np.float32)
        sentence_freq = np.bincount(x.indices, minlength=len(terms)).astype(np.float32)
        content = (~is_pair & ~is_stop).astype(np.float32)
        pair_mask = is_pair.astype(np.float32)
        return cls(counts, x, content, pair_mask, is_function, df, sentence_freq, n_docs)

    def columns(self, n_words: np.ndarray) -> dict[str, np.ndarray]:
        """Shared words and pairs, Gillick & Favre's concept cover (article counts of the
        shared words and word pairs a sentence holds, per word), frequency, function words."""
        x, content, pair_mask, df = self.x, self.content, self.pair_mask, self.df
        n = x.shape[0]
        function = np.asarray(self.counts @ self.is_function.astype(np.float32)).ravel()
        unigram_total = np.asarray(self.counts @ (1.0 - pair_mask)).ravel()
        cover = np.where(df >= 2, df, 0.0).astype(np.float32)
        per_word = np.maximum(n_words, 1.0)
        return {
            "shared_words": _row_mean(x, df / self.n_docs, content),
            "shared_pairs": _row_mean(x, (df >= 2).astype(np.float32), pair_mask),
            "word_cover": np.asarray(x @ (cover * content)).ravel() / per_word,
            "pair_cover": np.asarray(x @ (cover * pair_mask)).ravel() / per_word,
            "frequency": _row_mean(x, self.sentence_freq / n * 10, content),
            "function_words": function / np.maximum(unigram_total, 1.0),
        }

    def same_fact(self, sim: np.ndarray, dense: bool, w: Weights) -> np.ndarray:
        """Same fact: a high cosine, or a near miss that shares most content words."""
        x, content = self.x, self.content
        bag = x.copy()
        bag.data *= content[bag.indices]  # content words only (the rest stored as exact zeros)
        overlap = np.asarray((bag @ bag.T).toarray(), dtype=np.float32)
        sizes = np.asarray(x @ content, dtype=np.float32).ravel()
        smaller = np.minimum.outer(sizes, sizes)
        lexical = np.divide(overlap, smaller, out=np.zeros_like(overlap), where=smaller > 0)
        high, floor = (w.same_dense, w.floor_dense) if dense else (w.same_sparse, w.floor_sparse)
        return (sim >= high) | ((sim >= floor) & (lexical >= w.lexical))

    def specific(self) -> np.ndarray:
        """Per pair of candidates, the words of a tenth of the story's sentences or fewer they
        share: what a sentence adds to the topic."""
        n = self.x.shape[0]
        rare_mask = self.content * (self.sentence_freq <= max(2.0, 0.1 * n))
        rare = sp.csr_matrix(self.x.multiply(rare_mask))
        return np.asarray((rare @ rare.T).toarray(), dtype=np.float32)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    """The numbers written in digits in a sentence, thousands separators dropped."""
    return {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}


def _weight_vector(w: Weights) -> np.ndarray:
    return np.array(w.features, dtype=np.float32)


def summarize(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    words: int,
    embedder: Embedder,
    annotations: Annotations | None = None,
) -> list[SummarySentence]:
    """A cited extractive summary of articles about one story, at most `words` words; with the
    story's parse (`annotations`), an outlet repeating a sentence's facts is cited too."""
    return summarize_with(
        articles, sentences, words=words, embedder=embedder, annotations=annotations
    )


def summarize_many(
    stories: Sequence[tuple[Sequence[Article], Mapping[str, Sequence[Sentence]]]],
    *,
    words: int,
    embedder: Embedder,
) -> list[list[SummarySentence]]:
    """`summarize` for many stories (articles, sentences) at once, each summary the same as
    alone: the candidates of all of them are tokenized in one pass and, by a model whose
    vectors do not depend on the other texts, encoded in one batch (a GPU stays busy)."""
    limit = DEFAULT_WEIGHTS.max_per_article
    found = [_candidates(articles, sentences, limit) for articles, sentences in stories]
    texts = [s.text.strip() for c in found for s in c[1]]
    counter = word_counter(texts)
    many = batched(embedder, texts)
    return [
        summarize_with(a, s, words=words, embedder=many, counter=counter, candidates=c)
        for (a, s), c in zip(stories, found, strict=True)
    ]


def summarize_with(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    words: int,
    embedder: Embedder,
    weights: Weights | None = None,
    counter: CountCache | None = None,
    candidates: _Candidates | None = None,
    annotations: Annotations | None = None,
) -> list[SummarySentence]:
    """`summarize` with explicit weights (default: the preset for the embedder's kind);
    `counter` and `candidates` come from `summarize_many`."""
    if words <= 0:
        return []
    story = _story(articles, sentences, embedder, weights or DEFAULT_WEIGHTS, counter, candidates)
    if story is None:
        return []
    w = weights or (DENSE_WEIGHTS if story.dense else SPARSE_WEIGHTS)
    score = story.features @ _weight_vector(w)
    chosen = _select(story, score, words, w.redundancy, w.context)
    out: list[SummarySentence] = []
    cite = (w.cite_dense, w.near_dense) if story.dense else (w.cite_sparse, w.near_sparse)
    floor = w.facts_dense if story.dense else w.facts_sparse
    facts = _story_facts(story, annotations) if annotations is not None else None
    citing = _citing(story) if story.dense and chosen else story
    for k in chosen:
        cited = _citations(citing, k, cite, facts, floor)
        s = story.sentences[k]
        # the reader gets the sentence, not the wire dateline before it
        text = strip_dateline(story.texts[k])
        out.append(
            SummarySentence(text, s.article_id, s.index, tuple(story.order[d] for d in cited))
        )
    return _lead_first(out, _runs(story, chosen), [float(score[k]) for k in chosen])


def _runs(story: _Story, chosen: Sequence[int]) -> list[list[int]]:
    """Positions in `chosen` grouped so that a sentence leaning on the one before it (a
    dangling opener, or a quotation carried on) stays with it."""
    runs: list[list[int]] = []
    for i, k in enumerate(chosen):
        leans = i > 0 and chosen[i - 1] == k - 1 and (story.dangling[k] or story.carried[k - 1])
        if leans and runs:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _lead_first(
    out: list[SummarySentence], runs: list[list[int]], score: Sequence[float]
) -> list[SummarySentence]:
    """The summary opens on what most outlets say: when the first sentence in reading order is
    cited by fewer articles than another, the best-scored of the most cited comes first (with
    the sentence it leans on); the rest stays in reading order. Reading order alone opened on
    whatever the first article's first chosen sentence was ("A source close to the
    investigation said ...", one outlet's detail, above three outlets' account of the shooting)."""
    most = max((len(out[r[0]].citations) for r in runs), default=0)
    if len(runs) < 2 or len(out[runs[0][0]].citations) == most:
        return out
    lead = min(runs, key=lambda r: (-len(out[r[0]].citations), -score[r[0]], r[0]))
    return [out[i] for i in lead] + [out[i] for r in runs if r is not lead for i in r]


def _citing(story: _Story) -> _Story:
    """The story as the citer reads it: a dense cosine weighed with the TF-IDF cosine of the
    same sentences. Sentence embeddings rate any two sentences of one story as close; shared
    words tell whether they state one fact."""
    from .embed import DENSE_SHARE, get_embedder

    lex = similarity(get_embedder("tfidf").encode(story.texts))
    mixed = DENSE_SHARE * story.sim + (1.0 - DENSE_SHARE) * lex
    return replace(story, sim=mixed.astype(np.float32))


def _citations(
    story: _Story,
    k: int,
    cite: tuple[float, float],
    facts: _Facts | None = None,
    floor: float = 0.0,
) -> list[int]:
    """The articles (positions) that say what candidate k says: its own, and each holding a
    sentence close to it (`_close`) unless the article gives another value of its figures."""
    close = _close(story, k, cite, facts, floor)
    own = _numbers(story.texts[k])
    measures = _measures(story.texts[k]) if own else {}
    # an outlet disputes a figure in a sentence less close than one that backs the rest
    loose = close | (story.sim[k] >= floor) if own else close
    stances: dict[int, set[str]] = {}  # article -> how its sentences stand on k's figures
    for j in np.flatnonzero(loose):
        stance = _stance(own, measures, story.texts[j])
        if close[j] or stance == "clashes":
            stances.setdefault(int(story.doc[j]), set()).add(stance)
    backing = {d for d, stance in stances.items() if _backs(stance)}
    return sorted(backing | {int(story.doc[k])})


def _close(
    story: _Story, k: int, cite: tuple[float, float], facts: _Facts | None, floor: float
) -> np.ndarray:
    """Candidates saying what k says: of the same fact or, unless k quotes someone, within the
    citation cosine alone or read with the next sentence (`cite`: the cosine, and the lower
    one that needs a specific word shared) or, from the cosine `floor` up, repeating two of
    k's `facts`, one of them beyond the story's topic (every sentence names the bridge; few
    give its age)."""
    # a quotation's words are its fact, so only a sentence that repeats them backs it
    close = story.same[k].copy()
    if quote_marks(story.texts[k]) >= 2:
        return close
    close |= (story.sim[k] >= cite[0]) | ((story.sim[k] >= cite[1]) & (story.specific[k] > 0))
    close |= _in_pairs(story, k, cite[0])
    if facts is None or len(facts[0][k]) < 2:
        return close
    found, topic = facts
    near = np.flatnonzero((story.sim[k] >= floor) & (story.doc != story.doc[k]))
    for j in near:
        shared = found[k] & found[j]
        close[j] |= len(shared) >= 2 and bool(shared - topic)
    return close


def _in_pairs(story: _Story, k: int, cite: float) -> np.ndarray:
    """Candidates that, read with the next one of their article, come within the cosine
    `cite` of k (an outlet may split one fact over two sentences); both are marked."""
    j = np.flatnonzero(story.prev[1:] == np.arange(len(story.prev) - 1))
    sim = story.sim
    # the cosine to the sum of two unit vectors, from the cosines alone
    pair = (sim[k, j] + sim[k, j + 1]) / np.sqrt(np.maximum(2.0 + 2.0 * sim[j, j + 1], 1e-6))
    hit = j[(pair >= cite) & (story.doc[j] != story.doc[k])]
    marked = np.zeros(len(story.prev), dtype=bool)
    marked[hit] = marked[hit + 1] = True
    return marked


def _measures(text: str) -> dict[str, set[float]]:
    """The values a sentence gives of each kind of quantity (money, percent, age, a count of
    one thing), read by the claims stage's quantity reader."""
    from .analysis.quantities import quantities

    out: dict[str, set[float]] = {}
    for q in quantities(text):
        out.setdefault(q.kind, set()).add(q.value)
    return out


def _stance(own: set[str], measures: dict[str, set[float]], text: str) -> str:
    """How a sentence stands on the figures `own` (`measures`) of another: it "repeats" one of
    them, "clashes" (another value of the same quantity, "17 cracks" against "12 cracks"),
    or is "silent" on them (no figure, or figures of other things)."""
    theirs = _numbers(text)
    if not own or not theirs:
        return "silent"
    if own & theirs:
        return "repeats"
    other = _measures(text)
    clash = any(kind in measures and not values & measures[kind] for kind, values in other.items())
    return "clashes" if clash else "differs"


def _backs(stance: set[str]) -> bool:
    """Whether an article whose close sentences take these stances backs the sentence.

    Outlets often repeat a fact without its figure, so a sentence silent on it backs it (on
    the raw-dev dev clusters' labelled facts, requiring a repeated figure lost 6 to 10 of
    every 100 cited outlets); but not when another sentence of the same article gives another
    value of it: that outlet disputes the figure.
    """
    return "repeats" in stance or ("silent" in stance and "clashes" not in stance)


# named-entity kinds that name who or what a fact is about (dates and amounts are figures)
_NAMED = frozenset("PERSON ORG GPE LOC FAC NORP EVENT PRODUCT WORK_OF_ART LAW".split())
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}


_Facts = tuple[list[frozenset[str]], frozenset[str]]  # by candidate, and the story's topic


def _facts(span: Span | None, text: str) -> frozenset[str]:
    """What a sentence states facts about: the names the parse finds (each by its last word,
    so "Snochia Moseley" and "Moseley" meet) and its figures, digits or words ("four")."""
    found = set(_numbers(text))
    if span is None:
        return frozenset(found)
    for ent in span.ents:
        if ent.label_ in _NAMED and ent[-1].text[:1].isalpha():
            found.add(ent[-1].text.lower())
    for tok in span:
        if tok.pos_ == "NUM" and tok.lower_ in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[tok.lower_])
    return frozenset(found)


def _story_facts(story: _Story, annotations: Annotations) -> _Facts:
    """`_facts` of every candidate of a story, read off the story's parse, and those the story
    keeps repeating (in more than a tenth of its sentences, and more than two): its topic."""
    facts = [
        _facts(annotations.span(s.article_id, s.index), t)
        for s, t in zip(story.sentences, story.texts, strict=True)
    ]
    counts = Counter(f for found in facts for f in found)
    most = max(2.0, 0.1 * len(facts))
    return facts, frozenset(f for f, c in counts.items() if c > most)


def _select(
    story: _Story, score: np.ndarray, budget: int, redundancy: float, context: bool = True
) -> list[int]:
    """Greedy MMR within the word budget; candidate indices in reading order.

    With `context`, a sentence that opens on a pronoun or connective ("He was charged ...",
    "But the court ...") is taken only together with the sentence before it, when both fit;
    otherwise it is passed over, so no summary sentence points at a sentence the reader lacks.
    Likewise a sentence whose quotation runs on into the next comes only with that one.
    This costs about 0.1 ROUGE-1 on Multi-News and removes about 90% of such orphans.
    """
    n_words = story.n_words
    max_sim = np.zeros(n_words.size, dtype=np.float32)
    alive = np.ones(n_words.size, dtype=bool)
    taken = np.zeros(n_words.size, dtype=bool)
    left = float(budget)

    def take(k: int) -> None:
        nonlocal left
        taken[k] = True
        left -= float(n_words[k])
        np.maximum(max_sim, story.sim[:, k], out=max_sim)
        alive[k] = False
        alive[:] &= ~story.same[:, k]

    while True:
        # A sentence that would overflow is skipped; a shorter one may still fit.
        alive &= n_words <= left
        if not alive.any():
            break
        gain = np.where(alive, score - redundancy * max_sim, -np.inf)
        k = int(np.argmax(gain))  # ties go to the earliest sentence: deterministic
        # The sentence k leans on: the one before a dangling opener, or the one a quotation
        # opened here runs on into. Both are taken or neither.
        partner = -1
        if context and story.dangling[k] and not taken[story.prev[k]]:
            partner = int(story.prev[k])
        elif context and story.carried[k] and not taken[k + 1]:
            partner = k + 1
        if partner < 0:
            take(k)
        elif alive[partner] and n_words[partner] + n_words[k] <= left:
            take(partner)
            take(k)
        else:
            alive[k] = False
    # Reading order: article by article, each in its own order.
    return [int(k) for k in np.flatnonzero(taken)]


SUMMARIZERS: dict[str, Summarizer] = {"storyweave": summarize}
