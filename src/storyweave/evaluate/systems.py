"""Summarizers under evaluation, by name: storyweave itself and the classic baselines.

Every system is a callable `(documents, words) -> summary sentences`. All of them obey one
budget rule, enforced by `fit_budget`: the summary is whole sentences of the input, at most
`words` words in total (a word is a whitespace token); a sentence that would overflow is
skipped and a later, shorter one may still fit.

The baselines read the documents as given (no cleaning), as published baselines do;
storyweave runs the brief's own path: `brief.prepare` (clean + segment) then `summarize`.
The sumy peers (LexRank, TextRank, LSA) rank every sentence, and the ranking fills the budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..errors import StoryweaveError, unknown_choice

System = Callable[[list[str], int], list[str]]

_SPACE = re.compile(r"\s+")
# Letters with inner apostrophes or hyphens, like sumy's own word filter: no numbers, no
# punctuation, so the peers see the words their published versions see.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def count_words(text: str) -> int:
    """Words as the budget counts them: whitespace-separated tokens."""
    return len(text.split())


def budget_indices(candidates: Sequence[str], words: int) -> list[int]:
    """Indices of candidates, in the order given, kept by the budget rule (repeats dropped)."""
    chosen: list[int] = []
    seen: set[str] = set()
    used = 0
    for i, text in enumerate(candidates):
        n = count_words(text)
        key = _SPACE.sub(" ", text).strip().lower()
        if n == 0 or key in seen or used + n > words:
            continue
        chosen.append(i)
        seen.add(key)
        used += n
        if used >= words:
            break
    return chosen


def fit_budget(candidates: Iterable[str], words: int) -> list[str]:
    """The candidate sentences, in the order given, that the budget rule keeps."""
    items = [c.strip() for c in candidates]
    return [items[i] for i in budget_indices(items, words)]


def cluster_articles(documents: Sequence[str]) -> list[Any]:
    """A cluster's plain documents as Articles; evaluation documents carry no title line."""
    from ..model import Article

    return [
        Article(id=f"doc{i}", source=f"doc{i}", title="", text=d, raw=d, origin=f"doc{i}")
        for i, d in enumerate(documents)
    ]


# --- storyweave --------------------------------------------------------------------------------


class StoryweaveSystem:
    """The brief's summary path over plain documents, with one embedder held for the run."""

    def __init__(self, embedder: str) -> None:
        self.embedder_name = embedder
        self._embedder: Any = None

    def warm_up(self) -> None:
        """Load the embedding model now, so that timing measures summarizing only."""
        self._get_embedder().encode(["The bridge reopened on Monday.", "Repairs took weeks."])

    def _get_embedder(self) -> Any:
        from ..embed import get_embedder

        if self._embedder is None:
            self._embedder = get_embedder(self.embedder_name)
        return self._embedder

    def __call__(self, documents: list[str], words: int) -> list[str]:
        return self.many([documents], words)[0]

    def many(self, clusters: Sequence[list[str]], words: int) -> list[list[str]]:
        """Summaries of several clusters, summarized together (`summarize.summarize_many`).

        A cluster with nothing usable left after cleaning gets an empty summary; when the
        batch fails, each cluster is summarized alone, so one bad cluster costs only its own.
        """
        from ..brief import prepare
        from ..summarize import summarize_many

        prepared = []
        for documents in clusters:
            try:
                kept, sentences, _ = prepare(cluster_articles(documents))
            except StoryweaveError:
                kept, sentences = [], {}
            prepared.append((kept, sentences))
        embedder = self._get_embedder()
        stories = [(kept, sentences) for kept, sentences in prepared if kept]
        try:
            summaries = iter(summarize_many(stories, words=words, embedder=embedder))
        except StoryweaveError:
            summaries = iter(self._alone(stories, words, embedder))
        return [
            fit_budget((s.text for s in next(summaries)), words) if kept else []
            for kept, _ in prepared
        ]

    @staticmethod
    def _alone(stories: list[Any], words: int, embedder: Any) -> list[Any]:
        from ..summarize import summarize

        out = []
        for kept, sentences in stories:
            try:
                out.append(summarize(kept, sentences, words=words, embedder=embedder))
            except StoryweaveError:  # one bad cluster does not cost the others their summary
                out.append([])
        return out


# --- lead --------------------------------------------------------------------------------------


def lead(documents: list[str], words: int) -> list[str]:
    """First sentences of each document in turn (1st of every document, then 2nd, ...)."""
    split = [split_sentences(d) for d in documents]
    ordered = [
        doc[r]
        for r in range(max((len(s) for s in split), default=0))
        for doc in split
        if r < len(doc)
    ]
    return fit_budget(ordered, words)


# --- sumy peers --------------------------------------------------------------------------------


class SumyTokenizer:
    """sumy's Tokenizer interface on our splitter, so no nltk punkt data is needed."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


class _Ranking:
    """A sumy `sentences_count` that records the full ranking, best first, and keeps it all."""

    def __init__(self) -> None:
        self.ranked: list[Any] = []

    def __call__(self, infos: list[Any]) -> list[Any]:
        # sumy hands over SentenceInfo tuples sorted by rating, best first (stable on ties).
        self.ranked = list(infos)
        return infos


class SumySystem:
    """A sumy summarizer whose ranking fills the word budget; output in document order."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._summarizer: Any = None
        self._tokenizer = SumyTokenizer()

    def _build(self) -> Any:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        classes = {
            "lexrank": LexRankSummarizer,
            "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer,
        }
        summarizer = classes[self.kind](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        return summarizer

    def __call__(self, documents: list[str], words: int) -> list[str]:
        import warnings

        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        if self._summarizer is None:
            self._summarizer = self._build()
        # One paragraph per document, split by our splitter, so no sentence spans two documents.
        paragraphs = [
            Paragraph([Sentence(s, self._tokenizer) for s in split_sentences(d)]) for d in documents
        ]
        document = ObjectDocumentModel(tuple(paragraphs))
        sentences = document.sentences
        ranking = _Ranking()
        with warnings.catch_warnings():
            # LSA warns when a cluster has fewer distinct words than sentences; it still ranks.
            warnings.simplefilter("ignore", UserWarning)
            # LexRank's power method divides by zero on a cluster of one repeated sentence.
            warnings.simplefilter("ignore", RuntimeWarning)
            self._summarizer(document, ranking)
        ranked = [info.order for info in ranking.ranked]
        texts = [str(sentences[o]) for o in ranked]
        kept = sorted(ranked[i] for i in budget_indices(texts, words))
        return [str(sentences[o]) for o in kept]


# --- registry ----------------------------------------------------------------------------------

SYSTEMS: dict[str, System] = {
    "storyweave": StoryweaveSystem("minilm"),
    "storyweave-tfidf": StoryweaveSystem("tfidf"),
    "lead": lead,
    "lexrank": SumySystem("lexrank"),
    "textrank": SumySystem("textrank"),
    "lsa": SumySystem("lsa"),
}

DEFAULT_SYSTEM = "storyweave"


def split_sentences(text: str) -> list[str]:
    """The sentence splitter of `text.segment` (blingfire and numpy load on first use)."""
    from ..text.segment import split_sentences as split

    return split(text)


def get_system(name: str) -> System:
    """A system by registered name; the error lists the names there are."""
    if name not in SYSTEMS:
        raise unknown_choice("system", name, list(SYSTEMS))
    return SYSTEMS[name]
