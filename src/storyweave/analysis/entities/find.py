"""`find_entities`: the story's mentions, resolved and ranked into `Entity` rows."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ...model import Article, Entity, Sentence
from ...text.annotate import Annotations
from .lexicon import (
    _common_acronym,
    _common_word,
    _demonyms,
    _fragment,
    _in_prose,
    _shouted,
)
from .mentions import _LOWER_WORD, _chunk_mentions, _with_ner
from .resolve import (
    _CLOCK_ZONES,
    _NAME_ADJECTIVE,
    _TIME_ZONES,
    _after_clock,
    _bracketed_aliases,
    _numbered,
    _resolve,
    _trimmed,
)
from .words import _HONORIFICS, _ROLES

if TYPE_CHECKING:
    pass


def find_entities(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    annotations: Annotations | None = None,
) -> list[Entity]:
    """People, organisations and places named in a story, resolved across its articles; with
    the shared parse, the NER model's labels and spans join the chunker's (`_with_ner`)."""
    if not articles:
        return []
    raws = _chunk_mentions(articles, sentences)
    if annotations is not None:
        raws = _with_ner(raws, articles, annotations)
    raws = _numbered(raws, articles, annotations)
    # "Boston-based", "NATO-led", "EU-wide": an adjective made from a name, not a mention of
    # it; "1400 GMT": a clock's zone, which the model reads as an organisation
    raws = [_trimmed(r, articles[r.article].text) for r in raws]
    raws = [
        r
        for r in raws
        if not _NAME_ADJECTIVE.search(r.text)
        and r.key not in _TIME_ZONES
        and not (r.key in _CLOCK_ZONES and _after_clock(articles[r.article].text, r.start))
        and "%" not in r.text  # a share price's line: "BP., +0.88% BP"
    ]
    if not raws:
        return []
    lower = frozenset(w for a in articles for w in _LOWER_WORD.findall(a.text))
    found = _resolve(raws, _bracketed_aliases(raws, articles), lower)
    if annotations is None:
        return found
    texts = {a.id: a.text for a in articles}
    name_words = {w.lower() for e in found for v in e.variants if " " in v for w in v.split()}
    return [
        e
        for e in found
        if _in_prose(e, annotations)
        and not _fragment(e, texts, lower, annotations)
        and not _common_acronym(e.name, texts.values())
        and not _common_word(e, lower, name_words)
        and not _shouted(e.name)
        and not _ROMAN.fullmatch(e.name)
        and not _of_a_people(e.name)
        and not all(_only_titles(v) for v in e.variants)
    ]


def _of_a_people(name: str) -> bool:
    """A people's adjective joined to a word: "Russian-language", "Japanese-Americans",
    "Mexican-American" describe, and name no person, body or place."""
    first, dash, _ = name.partition("-")
    return bool(dash) and " " not in name and first.lower() in _demonyms()


# words that only ever go with a title: "Vice President", "Deputy Director", "Dear Mr. Chairman"
_WITH_TITLES = frozenset("vice deputy assistant acting former chief senior dear".split())


def _only_titles(form: str) -> bool:
    """Whether a form is a title and nothing else ("President", "Deputy Attorney"): no name."""
    words = [w.lower().strip(".,") for w in form.split()]
    return all(w in _ROLES or w in _HONORIFICS or w in _WITH_TITLES for w in words)


# "Level I, II and III": numbers of a series, no name ("VX" is a nerve agent's)
_ROMAN = re.compile(r"(?=[IVX]{2,4}$)X{0,3}(?:IX|IV|V?I{0,3})")
