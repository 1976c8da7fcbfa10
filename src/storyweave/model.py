"""The one data model every stage speaks: frozen dataclasses, nothing else.

Every fact in a Brief points back to an article id and a sentence index, so a reader
can check any line against its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "1.0"

EntityKind = Literal["person", "organization", "place", "other"]
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner took out of an article, and why."""

    line: int  # 1-based line number in the raw text; 0 for a title line taken out
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. `text` is the clean text once `cleaned` is True, else the raw text."""

    id: str
    source: str  # outlet: source field, URL domain or file name
    title: str
    text: str
    raw: str = ""
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime as given, if known
    origin: str = ""  # where it was read from: a path, "stdin line 3", ...
    removed: tuple[RemovedLine, ...] = ()
    cleaned: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's clean text, with its character span in that text."""

    article_id: str
    index: int  # position in the article, 0-based
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """A pointer to the sentence a fact comes from."""

    article_id: str
    source: str
    sentence: int  # Sentence.index
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    sentence: int
    start: int  # char offsets in the article's clean text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization, place or other name, with every surface form seen."""

    id: str
    name: str  # canonical form
    kind: EntityKind
    variants: tuple[str, ...] = ()  # every surface form, canonical included
    mentions: tuple[Mention, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker, direct (in quotation marks) or reported."""

    text: str
    speaker: str | None  # display name: "Daniel Giersch", "a source close to the situation"
    speaker_kind: Literal["named", "unnamed", "unresolved"]
    article_id: str
    source: str
    sentence: int  # index of the first sentence the quote touches
    entity_id: str | None = None  # Entity.id when the speaker is a resolved entity
    verb: str | None = None  # "says", "told ABC News", "statement reads", "according to"
    direct: bool = True


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement and the sentences, across articles, that make it."""

    id: str
    text: str  # representative wording
    evidence: tuple[Evidence, ...]
    outlets: int  # independent outlets (syndicated copies count once)
    entities: tuple[str, ...] = ()  # Entity.id
    kind: str = "statement"  # statement | number | accusation | date


@dataclass(frozen=True, slots=True)
class Agreement:
    claim: Claim

    @property
    def outlets(self) -> int:
        return self.claim.outlets


@dataclass(frozen=True, slots=True)
class ConflictSide:
    value: str  # what this side says: "was deported", "46", "2012"
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Statements that cannot both be true, each side with its evidence and outlets."""

    kind: Literal["polarity", "number", "date", "denial", "name", "quote"]
    topic: str  # what the sides disagree about
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event. `date` is an ISO prefix at its precision: 2012, 2015-04, 2015-12-05."""

    date: str | None  # None when a relative date could not be resolved
    precision: Precision | None
    expression: str  # the words in the text: "the following year", "Dec. 5"
    text: str  # the sentence (what happened)
    evidence: Evidence
    resolved: bool = True  # False when relative and no anchor was known
    anchored_by: str | None = None  # another article whose page date anchored a relative date


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    article_id: str  # where the words were taken from
    sentence: int
    citations: tuple[str, ...]  # every article that carries the same information
    entities: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    disputed: tuple[int, ...] = ()  # Brief.conflicts it states one side of: shown as disputed


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was reported and left out, with the reason."""

    input: str
    reason: str


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    summary: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    agreements: tuple[Agreement, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    single_source: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[Event, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    meta: dict[str, object] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION

    def number(self, article_id: str) -> int:
        """The 1-based citation number of an article in this brief."""
        for i, a in enumerate(self.articles, 1):
            if a.id == article_id:
                return i
        raise KeyError(article_id)
