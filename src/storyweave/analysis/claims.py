"""Claim alignment across articles: agreements, conflicts and single-source claims.

Every sentence worth aligning is embedded once; each one keeps its top-k neighbours from other
articles (blockwise numpy, so 200 articles stay bounded), and neighbours above a per-embedder
threshold are merged agglomeratively (at most one sentence per article, average linkage) into
claims. Conflicts are looked for inside claims and between related sentences: opposite polarity,
an explicit denial, different numbers of the same kind, different years. Outlets are counted
independently: one source counts once, and near-verbatim copies (syndication) count once.

The shared spaCy parse (`annotate`) says what the regular expressions cannot: a figure's frame
(the thing it counts, the verb it hangs on, that verb's subject, whose age it is), so two figures
conflict only when they measure the same thing of the same subject (`parse_frame`,
`same_measure`); a negation's scope (a `neg` on the very verb both sentences assert, of the same
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
from ..text.annotate import Annotations, annotate, spacy_module
from ..text.segment import strip_dateline
from .entities import _HONORIFICS, _ROLES, _gazetteer, fold
from .quotes import _SPEECH_LEMMAS, quote_marks, unattributed_quotes
from .slots import (
    KIN_WORDS,
    PAGE_DATE,
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
MAX_SINGLE = 60  # single-source claims kept (the most specific first)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BOILERPLATE = re.compile(
    r"^\s*(?:watch|read more|more from|click|sign up|subscribe|follow us|share|advertisement|"
    r"image via|photo|related|check out|see also)\b|cookie|newsletter|all rights reserved|"
    r"getty images|wireimage|©|reached out to .{0,40} for comment",
    re.IGNORECASE,
)
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    has have had do does did will would can could should may might must that this these those it
    its he she they them his her their our we you i me my not no so than then there here who whom
    which what when where why how also just said says say told tells according after before over
    into about up out more most very all any some such only own same other new one two""".split()
)

# --- numbers --------------------------------------------------------------------------------

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SPELLED = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty hundred"
).split()
_SPELLED_VALUE = {w: str(i) for i, w in enumerate(_SPELLED[:19], 2)} | {
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100",
}  # fmt: skip
# Counts and ages are also spelled out ("Four people are in custody", "a three-year-old son");
# "hundred" stays a scale word, never a count by itself
_SPELLED_COUNT = "|".join(_SPELLED[:-1])
_MONEY = re.compile(
    rf"(?P<cur>(?:US|A|C|NZ|HK)?\$|€|£|¥)\s?(?P<n>{_NUM})(?:\s*(?P<scale>thousand|million|"
    rf"billion|trillion|bn|mn|[kmb])\b)?"
    rf"|\b(?P<n2>{_NUM})(?:\s*(?P<scale2>thousand|million|billion|trillion))?\s+"
    rf"(?P<cur2>dollars|euros|pounds|yen)\b",
    re.IGNORECASE,
)
# a share under one may be written without its zero: a blood alcohol level "of .26%"
_PERCENT = re.compile(
    rf"(?:(?<![\d.,])(?=\.\d)|\b)(?P<n>\.\d+|{_NUM})\s?(?:%|percent\b|per cent\b)", re.IGNORECASE
)
_AGE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|(?i:one|{_SPELLED_COUNT}))"
    r"(?P<half>[-\s]and[-\s]a[-\s]half|½)?[-\s](?P<unit>year|month)s?[-\s]old\b"
    r"|\baged?\s+(?:of\s+)?(?P<n2>\d{1,3})\b"
    r"|\b[A-Z][a-z]+,\s(?P<n3>\d{1,3}),"
    r"|\bwho\s+(?:was|is)\s+(?P<n4>\d{1,3})(?=\s*[,.;])",
)
# A length, in metres: "fell nine stories" and "slipped 25 feet" measure one fall. Not
# "a 52-story hotel" (a hyphen: the height of a thing, an adjective).
_LENGTH = re.compile(
    rf"(?<![\d.,-])\b(?P<n>{_NUM}|(?i:{_SPELLED_COUNT}))\s?"
    r"(?P<unit>(?i:feet|foot|ft|metres|meters|metre|meter|m|yards|yard|stories|storeys|floors))"
    r"(?![\w-])"
)
_METRES = {
    "feet": 0.3048,
    "foot": 0.3048,
    "ft": 0.3048,
    "metre": 1.0,
    "meter": 1.0,
    "m": 1.0,
    "yard": 0.9144,
    "storie": 3.5,  # a storey is three to four metres: ten stories and 25 feet are not one fall
    "storey": 3.5,
    "floor": 3.5,
}
# Time before the telling: "around 49,000 years ago", "three weeks ago".
_AGO = re.compile(
    rf"\b(?P<n>{_NUM}|(?i:{_SPELLED_COUNT}))(?:\s*(?P<scale>thousand|million|billion))?"
    r"\s+(?P<unit>years|months|weeks|days|decades|centuries)\s+ago\b",
    re.IGNORECASE,
)
# How long something lasted, in minutes: "a 77-minute news conference", "for 80 minutes",
# "nearly an hour and a half". Not an offset ("two hours later") nor a distance ("30 minutes
# from the city").
_DURATION = re.compile(
    rf"(?<![\d.,:-])\b(?:(?P<n>{_NUM}|(?i:{_SPELLED_COUNT}))(?P<half>\s+and\s+a\s+half)?[-\s]"
    r"(?P<unit>(?i:minute|hour))s?|(?P<long>(?i:an|one)\s+hour\s+and\s+a\s+half)"
    r"|(?P<short>(?i:half\s+an\s+hour)))\b"
    r"(?![-\s]+(?i:later|earlier|ago|away|from|before|after|of|each|a\s+day|per)\b)"
)
_COUNT = re.compile(
    rf"(?<![\d.,:-])\b(?P<n>{_NUM}|(?:{_SPELLED_COUNT})\b)"
    rf"(?:\s*(?P<scale>thousand|million|billion|k)\b)?"
    rf"(?!\s*(?:to|or|and|-|–)\s*(?:{_NUM}|(?:{_SPELLED_COUNT})\b))"  # a range's low end
    # the words after it are looked at, not taken: a number they hold is read in its turn
    # ("on July 22 that left 77 people dead": the day is no count, the 77 is)
    rf"(?=(?P<after>(?:\s+[A-Za-z0-9'’-]+){{1,5}}))",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:May|(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*)\b\.?"
)
_DAY_DATE = re.compile(
    r"\b(?P<mon>(?i:january|february|march|april|may|june|july|august|september|october|"
    r"november|december))\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    # the day first, as British and wire copy write it: "on 11 February", "the 4th of March"
    # ("may" only as a capitalised month: "the 3 may have ...")
    r"|\b(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>May|(?i:january|"
    r"february|march|april|june|july|august|september|october|november|december))\b"
)
_YEAR = re.compile(
    r"\b(?P<prep>since|in|from|until|till|by|during|of|before|after)\s+(?:(?:early|late|mid)[- ])?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+)?(?P<y>(?:19|20)\d\d)\b(?![,.]?\d)",
    re.IGNORECASE,
)
# A hedge turns a value into a range: "over 100" is consistent with 120, "about 120" with 125.
_HEDGE = re.compile(
    r"\b(?P<h>over|more than|at least|upwards of|above|exceeding|less than|fewer than|under|"
    r"up to|below|about|around|nearly|almost|roughly|approximately|some|close to|an estimated|"
    r"estimated)\s*(?:a\s+)?(?:reported\s+|whopping\s+)?$",
    re.IGNORECASE,
)
# ... or after it: "$200,000 or more", "three or fewer"
_HEDGE_AFTER = re.compile(
    r"\s*(?:or|and)\s+(?P<h>more|over|above|higher|greater|up|less|fewer|under|below|lower)\b",
    re.IGNORECASE,
)
_LOWER = frozenset({"over", "more than", "at least", "upwards of", "above", "exceeding", "after"})
_LOWER |= {f"or {w}" for w in "more over above higher greater up".split()}
_UPPER = frozenset({"less than", "fewer than", "under", "up to", "below", "before", "within"})
# a span of time bounded by its preposition: "born before 27 weeks", "within 48 hours"
_TIME_BOUND = re.compile(r"\b(?P<h>before|within|after)\s+$", re.IGNORECASE)
_TIME_UNITS = frozenset("second minute hour day week month year".split())
_UPPER |= {f"or {w}" for w in "less fewer under below lower".split()}
# the low end of a range written before its figure: "one to three hours", "two or three people",
# "between 10 and 15", "20-30 feet". Not a change: "rose from 4% to 6%", "cut 10% to 8%".
_RANGE_LOW = re.compile(
    rf"(?:(?P<between>\bbetween\s+)|(?P<word>\b[a-z]+\s+)?)(?<![\d.,])"
    rf"(?P<lo>{_NUM}|\b(?i:one|{_SPELLED_COUNT}))(?:\s*(?:%|percent|per cent))?"
    r"\s*(?(between)and\s+|(?:(?:to|or)\s+|[-–]\s*))$",
    re.IGNORECASE,
)
_RAW_NUMBER = re.compile(rf"{_NUM}|\b(?i:one|{_SPELLED_COUNT})\b")
_CHANGE_WORDS = frozenset(
    "from rose fell climbed dropped increased decreased jumped grew cut raised lowered up down "
    "slipped gained lost added shed".split()
)
_NOT_COUNT_NOUNS = frozenset(
    "year years percent per million billion thousand dollars euros pounds and or to of the".split()
)


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # "money", "percent", "age", "count:<first noun>"
    value: float
    text: str
    hedged: bool
    hedge: str = ""  # the hedge words before the value, lower case
    heads: frozenset[str] = frozenset()  # lemmas of the words the count counts
    context: frozenset[str] = frozenset()  # content lemmas around the value
    frame: str = ""  # the two words before the value, hedge left out: "which has"
    start: int = -1  # character offset of the value in its sentence
    per: str = ""  # a rate's unit: "hour" for "80 miles per hour", "week" for "$9,000 a week"
    low: float = -1.0  # a range's low end ("one to three hours": 1); -1 when it is no range

    def interval(self, stated: bool = False) -> tuple[float, float]:
        """The values this mention is consistent with. `stated`: a bound reads as the figure
        it states, as when outlets telling one fact give it ("at least two deaths" where
        another outlet says five)."""
        v = self.value
        if 0 <= self.low < v:
            return self.low * 0.995, v * 1.005  # "one to three hours" holds two hours
        if stated and self.hedge:
            return v * 0.93, v * 1.07
        if self.hedge in _LOWER:
            return v, float("inf")
        if self.hedge in _UPPER:
            return 0.0, v
        if self.hedge:
            return v * 0.93, v * 1.07
        return v * 0.995, v * 1.005

    def compatible(self, other: Quantity, rates: bool = True) -> bool:
        """Whether the two mentions measure the same kind of thing (`rates`: and are rates of
        one unit, or both totals)."""
        if rates and self.per != other.per:
            return False  # a rate and a total, or rates per different units: two measures
        if self.kind.startswith("count:") and other.kind.startswith("count:"):
            return bool(self.heads & other.heads)
        return self.kind == other.kind


def _to_float(num: str) -> float | None:
    try:
        return float(_SPELLED_VALUE.get(num.lower(), num).replace(",", ""))
    except ValueError:
        return None


def _age(m: re.Match[str]) -> float | None:
    """An age in years: "three-year-old", "two and a half year old" (2.5), "18-month-old" (1.5)."""
    raw = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4") or ""
    n = 1.0 if raw.lower() == "one" else _to_float(raw)
    if n is None or not m.group("n"):
        return n
    n += 0.5 if m.group("half") else 0.0
    return round(n / 12, 2) if m.group("unit") == "month" else n


def _minutes(m: re.Match[str]) -> float | None:
    """A `_DURATION` match in minutes."""
    if m.group("long") or m.group("short"):
        return 90.0 if m.group("long") else 30.0
    n = _to_float(m.group("n"))
    if n is None:
        return None
    n += 0.5 if m.group("half") else 0.0
    return n * (60.0 if m.group("unit").lower() == "hour" else 1.0)


def _window(text: str, s: int, e: int, words: int = 6) -> frozenset[str]:
    before = _WORD.findall(text[:s])[-words:]
    after = _WORD.findall(text[e:])[:words]
    return frozenset(_lemma(w) for w in before + after if w.lower() not in _STOP and len(w) > 2)


def _inside(text: str, start: int) -> bool:
    """Whether `start` is inside a sentence: after a word, not after a full stop or colon."""
    before = text[:start].rstrip()
    return bool(_WORD.search(before)) and not before.endswith((".", ":", "!", "?", "—", "-"))


class _Found:
    """The quantities of one sentence as they are read, each span taken once (the first
    reader of a span wins: money before lengths before counts)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[tuple[int, Quantity]] = []
        self.taken: list[tuple[int, int]] = []

    def add(
        self,
        kind: str,
        value: float | None,
        m: re.Match[str],
        end: int | None = None,
        heads: frozenset[str] = frozenset(),
    ) -> None:
        if value is None:
            return
        text = self.text
        s, e = m.start(), m.end() if end is None else end
        if any(s < te and ts < e for ts, te in self.taken):
            return
        self.taken.append((s, e))
        h = _HEDGE.search(text[max(0, s - 30) : s])
        hedge = " ".join(h.group("h").lower().split()) if h else ""
        before = text[max(0, s - 40) : s - (len(h.group(0)) if h else 0)]
        frame = " ".join(w.lower() for w in _WORD.findall(before)[-2:])
        if not hedge and (after := _HEDGE_AFTER.match(text, e)):
            hedge = "or " + after.group("h").lower()  # "$200,000 or more"
        if not hedge and _spans_time(kind, heads) and (b := _TIME_BOUND.search(text, 0, s)):
            hedge = b.group("h").lower()  # "born before 27 weeks", "within 48 hours"
        window = _window(text, s, e)
        per = _per(text, s, e)
        first = _RAW_NUMBER.search(text, s, e)
        low = _range_low(text[max(0, s - 40) : s], first.group(0), value) if first else -1.0
        q = Quantity(
            kind, value, text[s:e].strip(), bool(hedge), hedge, heads, window, frame, s, per, low
        )
        self.out.append((s, q))


def _spans_time(kind: str, heads: frozenset[str]) -> bool:
    """Whether a quantity is a span of time: a duration, or a count of weeks, days, ..."""
    return kind == "duration" or bool(heads & _TIME_UNITS)


def _range_low(before: str, raw: str, value: float) -> float:
    """The low end of a range whose high end is the figure `raw` (read as `value`), given the
    text `before` it, in the figure's unit ("one to three hours": 60 minutes; "$2 to $3
    million": 2 million); -1 when the figure ends no range."""
    m = _RANGE_LOW.search(before.rstrip("$£€ ") + " ")
    if m is None or (m.group("word") or "").strip().lower() in _CHANGE_WORDS:
        return -1.0
    lo, high = (1.0 if w.lower() == "one" else _to_float(w) for w in (m.group("lo"), raw))
    if lo is None or not high or lo <= 0 or lo >= high:
        return -1.0
    return lo * value / high


# what follows a figure to make it a rate: "80 miles per hour", "$9,000 a week", "60 km/h"
_PER = re.compile(
    r"(?:\s*(?:per|an?|each|every)\s+|\s*/\s*)(?P<unit>second|minute|hour|day|night|week|month|"
    r"year|annum|head|person|capita|share|mile|gallon|litre|liter|kilometre|kilometer)s?\b"
    r"|\s*(?:mph|kph|km/h)\b|/h\b",
    re.IGNORECASE,
)
_PER_HOUR = re.compile(r"\b(?:mph|kph)$", re.IGNORECASE)  # a count of "60 mph" holds its unit


def _per(text: str, start: int, end: int) -> str:
    """The unit the figure text[start:end] is a rate of ("60 mph": hour), or ""."""
    if _PER_HOUR.search(text, start, end):
        return "hour"
    m = _PER.match(text, end)
    if m is None:
        return ""
    unit = (m.group("unit") or "hour").lower()  # no unit named: mph, km/h
    return "year" if unit == "annum" else unit


def quantities(text: str) -> list[Quantity]:
    """Money, percentages, ages and counts with their head noun, in order of appearance."""
    found = _Found(text)
    add = found.add
    for m in _MONEY.finditer(text):
        n = _to_float(m.group("n") or m.group("n2") or "")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        add("money", None if n is None else n * _SCALE.get(scale, 1.0), m)
    for m in _LENGTH.finditer(text):
        n = _to_float(m.group("n"))
        unit = m.group("unit").lower()
        add("length", None if n is None else n * _METRES[unit.rstrip("s") or unit], m)
    for m in _PERCENT.finditer(text):
        add("percent", _to_float(m.group("n")), m)
    for m in _AGE.finditer(text):
        add("age", _age(m), m)
    for m in _AGO.finditer(text):
        n = _to_float(m.group("n"))
        scale = _SCALE.get((m.group("scale") or "").lower(), 1.0)
        add(f"ago:{m.group('unit').lower()}", None if n is None else n * scale, m)
    for m in _DURATION.finditer(text):
        add("duration", _minutes(m), m)
    letters = [c for c in text if c.isalpha()]
    cased = sum(c.isupper() for c in letters) < 0.5 * len(letters)  # not a line in capitals
    for m in _COUNT.finditer(text):
        counted = _counted_thing(text, m, cased)
        if counted is None:
            continue
        heads, end = counted
        n = _to_float(m.group("n"))
        scale = (m.group("scale") or "").lower()
        if n is not None and not scale and _AND_A_HALF.match(m.group("after")):
            n += 0.5  # "5 and a half inches" is 5.5 inches
        value = None if n is None else n * _SCALE.get(scale, 1.0)
        if value is not None and not scale and (more := _AND_OTHER.match(text, m.end("n"))):
            # "two kidnapping and three other charges": five charges
            extra = _to_float(more.group("m"))
            value += extra or 0.0
            heads, end = [_lemma(more.group("noun").lower()), *heads], more.end()
        add(f"count:{heads[0]}", value, m, end, frozenset(heads))
    found.out.sort(key=lambda t: t[0])
    return [q for _, q in found.out]


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
# a count listed with more of its kind: "two kidnapping and three other charges" (five charges)
_AND_OTHER = re.compile(
    rf"\s+[A-Za-z-]+\s+and\s+(?P<m>\d+|(?i:{_SPELLED_COUNT}))\s+other\s+(?P<noun>[a-z]+)\b"
)


def _counted_thing(text: str, m: re.Match[str], cased: bool) -> tuple[list[str], int] | None:
    """What a `_COUNT` match counts: the lemmas of the first content words after the number
    ("84,000 of its Glide electric scooters" counts scooters), skipping small words and other
    numbers, and where they end; None when the number is a year, a date, a time, a score, a
    name's or counts nothing."""
    raw = m.group("n")
    if re.fullmatch(r"(?:19|20)\d\d", raw):  # a year, not a count
        return None
    if cased and raw[:1].isupper() and raw.isalpha() and _inside(text, m.start()):
        return None  # a number word in a name: "Planet Nine", "Ocean's Eleven"
    if _MONTH_BEFORE.search(text[: m.start()]) or text[m.end("n") : m.end("n") + 1] in ":/":
        return None  # a day of a month, a time or a score
    if _MONTH_AFTER.match(text, m.end("n")):
        return None  # a day before its month: "on 4 February"
    heads: list[str] = []
    end = m.end("n")
    halved = _AND_A_HALF.match(m.group("after")) is not None  # "and a half" is the number's
    for w in re.finditer(r"[A-Za-z0-9'’-]+", m.group("after")):
        lw = w.group(0).lower()
        if heads and _PER.match(m.group("after"), w.start()):
            break  # a rate's unit: "3 men a day", "80 miles per hour"
        if lw in _STOP or lw.isdigit() or lw in _SPELLED_VALUE:
            continue
        if lw == "half" and not heads and halved:
            continue
        if cased and w.group(0)[:1].isupper() and heads:
            break  # a name after the counted thing: "37 homes in and around Cedar Hollow"
        if cased and w.group(0)[:1].isupper():
            continue  # a name before it: "4,200 Cedar Hollow residents"
        if lw in _NOT_COUNT_NOUNS or not lw.replace("-", "").isalpha():
            break  # a figure or a code, not a thing ("three half-siblings" counts one)
        heads.append(_lemma(lw))
        end = m.start("after") + w.end()
        if len(heads) == 3:
            break
    return (heads, end) if heads else None


def day_dates(text: str) -> list[str]:
    """Month-day dates ("January 12") of what the text tells, normalised to "january 12"; the
    date a page or a video was published is no event."""
    return list(
        dict.fromkeys(
            f"{(m.group('mon') or m.group('mon2')).lower()} {int(m.group('d') or m.group('d2'))}"
            for m in _DAY_DATE.finditer(text)
            if not PAGE_DATE.search(text[: m.start()])
        )
    )


# A specific figure with what it counts ("two weeks", "14,600 ballot papers", "since 2015"):
# two outlets giving the same one are likely telling the same fact in different words.
_FIGURE = re.compile(
    rf"(?<![\w.,-])(?P<n>{_NUM}|(?:{'|'.join(_SPELLED)})\b)(?P<after>(?:\s+[A-Za-z'’-]+){{1,3}})",
    re.IGNORECASE,
)


# Counted people are one unit: "a town of about 9,000 people" / "9,000 residents".
_PEOPLE = {
    u: "peopl" for u in ("resident", "inhabitant", "person", "individual", "citizen", "soul")
}
_HYPHEN_FIGURE = re.compile(
    rf"(?<![\w.,-])(?P<n>{_NUM}|(?:{'|'.join(_SPELLED)}))-(?P<unit>[A-Za-z]+)", re.IGNORECASE
)


def figures(text: str) -> frozenset[str]:
    """Anchors of a sentence: each figure with the first content word after it ("2 week",
    "14600 ballot"), or joined to it ("five-year" is "5 year"), a share ("9%", "9 per cent"
    are "9 percent"), and each year with its preposition ("since 2015")."""
    out = {f"{m.group('prep').lower()} {m.group('y')}" for m in _YEAR.finditer(text)}
    out.update(f"{m.group('n').replace(',', '')} percent" for m in _PERCENT.finditer(text))
    for m in _HYPHEN_FIGURE.finditer(text):
        raw = m.group("n").lower()
        value = _SPELLED_VALUE.get(raw, raw.replace(",", ""))
        out.add(f"{value} {_lemma(m.group('unit').lower())}")
    for m in _FIGURE.finditer(text):
        raw = m.group("n").lower()
        if re.fullmatch(r"(?:19|20)\d\d", raw):
            continue  # years: only with their preposition, above
        value = _SPELLED_VALUE.get(raw, raw.replace(",", ""))
        for w in m.group("after").split():
            if w.lower() not in _STOP:
                unit = _lemma(w.lower())
                out.add(f"{value} {_PEOPLE.get(unit, unit)}")
                break
    return frozenset(out)


_YEAR_FRAME = re.compile(
    r"\b(?P<verb>[A-Za-z]{4,}(?:ed|en|t))\s+(?P<prep>in|since)\s+(?P<y>(?:19|20)\d\d)\b(?![,.]?\d)"
)


def _year_frames(text: str) -> dict[str, str]:
    """Each year after a past participle and its preposition, keyed by them: "built in 2006"
    gives {"built in": "2006"}. A frame written twice with two years is left out."""
    out: dict[str, str] = {}
    seen: set[str] = set()
    for m in _YEAR_FRAME.finditer(text):
        key = f"{_lemma(m.group('verb'))} {m.group('prep').lower()}"
        if key in seen:
            out.pop(key, None)
            continue
        seen.add(key)
        out[key] = m.group("y")
    return out


def years(text: str) -> list[str]:
    """Years introduced by a preposition ("since 2012", "in April 2015"), as strings."""
    return list(dict.fromkeys(m.group("y") for m in _YEAR.finditer(text)))


# --- polarity and denial ----------------------------------------------------------------------

_NEG_PRED = re.compile(
    r"\b(?P<subj>[A-Za-z'’]+)\s+(?P<aux>is|are|was|were|has|have|had|will|would|did|does|do|could|"
    r"can|should|wo|ca)(?P<nt>n['’]t)?\s+(?P<neg>(?:not|never|no longer)\s+)?"
    r"(?:(?:been|be|being|ever|yet|actually|officially|legally)\s+)*(?P<verb>[A-Za-z]{4,})\b",
    re.IGNORECASE,
)
_NEGATORS = frozenset(
    {
        "not",
        "never",
        "no",
        "n't",
        "didn't",
        "wasn't",
        "weren't",
        "isn't",
        "aren't",
        "hasn't",
        "haven't",
        "hadn't",
        "won't",
        "cannot",
        "neither",
    }
)
_PRONOUNS = frozenset("he she it they this that which who there i we you one".split())


@cache
def _irregular(word: str) -> str | None:
    """The lemma of an irregular verb form ("spoke" is "speak", "met" "meet", "found" "find"),
    from lemminflect's tables; None for a regular form or any other word. The suffix rules of
    `_lemma` handle "-ed", "-ing" and "-s"."""
    if len(word) < 2 or word.endswith(("ed", "ing", "s")):
        return None
    spacy_module()  # lemminflect imports spaCy: once, and without torch
    from lemminflect import getLemma

    lemmas = getLemma(word, upos="VERB", lemmatize_oov=False)
    return lemmas[0] if lemmas and lemmas[0] != word else None


_ANTONYMS = {
    "guilty": "innocent",
    "innocent": "guilty",
    "alive": "dead",
    "dead": "alive",
    "approved": "rejected",
    "rejected": "approved",
    "legal": "illegal",
    "illegal": "legal",
    "acquitted": "convicted",
    "convicted": "acquitted",
}
_DENIAL = [
    re.compile(
        r"\b(?:claims?|reports?|statements?|allegations?|suggestions?|rumou?rs?|assertions?|"
        r"accusations?|idea)\s+that\s+(?P<clause>.+?),?\s+(?:is|are|was|were)\s+(?:not only\s+|"
        r"simply\s+|completely\s+|entirely\s+|totally\s+)?(?:false|untrue|not true|baseless|"
        r"wrong|inaccurate|incorrect|unfounded|fabricated|a lie)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bit\s+(?:is|was)\s+(?:false|untrue|not true)\s+that\s+(?P<clause>[^.;]+)", re.IGNORECASE
    ),
    re.compile(
        r"\b(?:denied|denies|deny|denying|refuted|refutes|disputed|disputes)\s+(?:reports?\s+|"
        r"claims?\s+|allegations?\s+)?that\s+(?P<clause>[^.;]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<clause>[A-Z][^.;:]{10,}?)\s+(?:is|are|was|were)\s+(?:false|untrue|not true)\b"
    ),
    # the reporter's own verdict on what someone said: "he wrongly claimed that ..."
    re.compile(
        r"\b(?:wrongly|falsely|incorrectly|erroneously|mistakenly)\s+(?:claimed|claims|said|says|"
        r"asserted|asserts|stated|states|suggested|boasted|insisted)\s+(?:that\s+)?"
        r"(?P<clause>[^.;]+)",
        re.IGNORECASE,
    ),
]
_CORRECTION = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous|prior)\s+version\s+of\s+this\b|\bthis\s+(?:article|story|"
    r"report)\s+(?:has\s+been\s+)?(?:corrected|updated)\b",
    re.IGNORECASE,
)
_DENIAL_WORD = re.compile(
    r"\b(?:is|are|was|were)\s+(?:not only\s+)?(?:false|untrue|not true|baseless|unfounded|"
    r"fabricated|inaccurate)\b|\b(?:denied|denies|deny|refuted|disputed)\b|"
    r"\b(?:wrongly|falsely|incorrectly|erroneously|mistakenly)\s+\w+",
    re.IGNORECASE,
)

_ACCUSATION = re.compile(
    r"\b(?:alleged(?:ly)?|accus(?:ed|es|ing|ation)|charged|charges|indict(?:ed|ment)|kidnap\w*|"
    r"fraud\w*|embezzl\w*|brib\w*|arrest(?:ed)?|convicted|sued|lawsuit|abus(?:e|ed|ive)|"
    r"assault\w*|harass\w*|misconduct|stole|theft|illegal(?:ly)?|criminal|guilty|"
    r"launder\w*|corrupt\w*|wrongdoing|violat(?:ed|ion)|threat\w*)\b",
    re.IGNORECASE,
)


def _lemma(word: str) -> str:
    w = word.lower().replace("’", "'")
    irregular = _irregular(w)
    if irregular is not None:
        return irregular
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    return w.rstrip("e") if len(w) > 3 else w  # "mile" and "miles" both "mil"


@dataclass(frozen=True, slots=True)
class Polar:
    lemma: str
    subject: str | None
    phrase: str


# Sharing only a word of money is no sign that two sums are one figure.
_MONEY_WORDS = frozenset(
    map(_lemma, "cost price pay paid worth spend spent money dollar million billion".split())
)


def negated_predicates(text: str) -> list[Polar]:
    """Negated verb phrases ("have not been deported") with their lemma and subject word."""
    out: list[Polar] = []
    for m in _NEG_PRED.finditer(text):
        if not (m.group("nt") or m.group("neg")):
            continue
        verb = m.group("verb").lower()
        if verb in _STOP or verb in {"only", "even", "just", "always", "clear", "sure", "know"}:
            continue
        subj = m.group("subj").lower()
        phrase = text[m.start("aux") : m.end("verb")]
        out.append(Polar(_lemma(verb), None if subj in _PRONOUNS else subj, phrase))
    return out


_AUXILIARIES = frozenset(
    "is are was were be been being am has have had will would shall should can could may might "
    "must do does did to also still then now already later".split()
)


def _verbal(word: str, previous: str) -> bool:
    """Whether a word reads as a verb here: inflected as one ("deported", "paid", "pays" after
    a name) or after an auxiliary, a modal, "to" or a pronoun ("will reopen", "they attend")."""
    w, prev = word.lower().replace("’", "'"), previous.lower().replace("’", "'")
    if w.endswith("ed") or _irregular(w) or prev in _AUXILIARIES or prev in _PRONOUNS:
        return True
    return w.endswith("s") and previous[:1].isupper()


def _positive_phrase(text: str, lemma: str) -> str | None:
    """The words asserting `lemma` without a negation in the few words before, if any."""
    tokens = list(re.finditer(r"[A-Za-z'’]+", text))
    for i, t in enumerate(tokens):
        if _lemma(t.group(0)) != lemma:
            continue
        before = [x.group(0).lower().replace("’", "'") for x in tokens[max(0, i - 3) : i]]
        if any(b in _NEGATORS or b.endswith("n't") for b in before):
            continue
        if not _verbal(t.group(0), tokens[i - 1].group(0) if i else ""):
            continue  # "Nestlé's trademark on the shape" does not assert "can trademark"
        start = (
            tokens[i - 1].start()
            if i
            and before
            and before[-1]
            in {
                "was",
                "were",
                "is",
                "are",
                "been",
                "be",
                "has",
                "have",
                "had",
                "got",
                "gets",
                "get",
            }
            else t.start()
        )
        return text[start : t.end()]
    return None


_NONE_THERE = re.compile(
    r"\b(?i:there\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:absolutely\s+)?"
    r"no)\s+(?P<noun>[A-Za-z][a-z-]{3,})\b"
)
_FOUND_PASSIVE = re.compile(
    r"\b(?P<noun>[A-Za-z][a-z-]{3,})\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:later\s+|also\s+)?(?P<verb>found|discovered|detected|identified)\b"
)
_FOUND_ACTIVE = re.compile(
    r"\b(?P<verb>found|discovered|detected|identified)\s+(?:traces\s+of\s+)?"
    r"(?P<noun>[A-Za-z][a-z-]{3,})\b"
)


def _absent(text: str) -> tuple[str, str] | None:
    """(lemma, words) when a sentence says a thing is not there: "There is no asbestos"."""
    m = _NONE_THERE.search(text)
    if m is None or m.group("noun").lower() in _STOP:
        return None
    return _lemma(m.group("noun")), m.group(0)


def _found(text: str) -> list[tuple[str, str]]:
    """(lemma, words) for each thing a sentence says was found: "Asbestos was found", "found
    traces of asbestos"."""
    out = []
    for pat in (_FOUND_PASSIVE, _FOUND_ACTIVE):
        for m in pat.finditer(text):
            noun = m.group("noun").lower()
            if noun not in _STOP and noun not in _NEGATORS:
                out.append((_lemma(noun), m.group(0)))
    return out


def denial_clause(text: str) -> tuple[str, str] | None:
    """(denied clause, denial words) when the sentence calls a statement false or denies it."""
    if _CORRECTION.search(text):
        return None  # a page's correction of itself, not one party denying another's claim
    for pat in _DENIAL:
        m = pat.search(text)
        if m:
            clause = m.group("clause").strip(" ,\"'“”‘’")
            if len(_WORD.findall(clause)) >= 3:
                w = _DENIAL_WORD.search(text, m.start())
                return clause, (w.group(0) if w else "denied")
    return None


# --- the parse: what a figure measures, and the scope of a negation --------------------------

# Verbs that carry no fact of their own: "has 412 pupils" and "412 pupils are" say one thing.
_LIGHT = frozenset("be have say do get make include tell report".split())
# A count added to another is a second figure, not the same one given twice ("another 3,000 jobs")
_INCREMENT = frozenset("another additional more extra further other".split())
_CLOCK = frozenset("a.m. p.m. a.m p.m am pm gmt bst".split())
# The people an age is told of as a kind of person, not a name: one child, however called
_CHILD = frozenset("child son daughter boy girl toddler baby kid infant".split())
# words that tell a person's sex: a boy's age and a girl's are two people's
_SEX = {w: "m" for w in "boy son man father brother husband".split()} | {
    w: "f" for w in "girl daughter woman mother sister wife".split()
}
_MODALS = frozenset("will would may might could should can must shall".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset("which who that".split())


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure measures, read from the parse: the thing it counts, the verb it hangs on,
    that verb's subject, and the content words of their arguments."""

    thing: str
    verb: str
    subject: str
    anchors: frozenset[str]
    owner: str = ""  # whom an age belongs to: a surname or a kind of person
    skip: bool = False  # a model number, a range's end, a clock time, a count added to another
    role: str = ""  # the verb and the thing's relation to it: "have dobj"
    people: bool = False  # it counts people (`_counts_people`), even by a nationality
    kinds: frozenset[str] = frozenset()  # what kind of thing: "robbery" charges, charges "of" X
    moment: str = ""  # when the text says it holds: "then" ("at the time", "initially"), "now"
    whole: float = 0.0  # a part's list counted whole: 3 of "an adult and two teenagers died"
    within: str = ""  # the span of time it was reached in: "3 day" ("in just under three days")
    when: frozenset[str] = frozenset()  # the day or year it is of: "monday" ("Monday the Dow shed")
    which: frozenset[str] = frozenset()  # the ordinals that pick its subject: "second" nugget


def _key(tok: Token) -> str:
    """A noun phrase's head as a key: a name by its last word, a noun by its lemma, a pronoun
    by nothing (it could be anyone)."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return ""
    if tok.pos_ == "PROPN":
        return tok.text.lower()
    lemma = tok.lemma_.lower()
    return "child" if lemma in _CHILD else lemma


def _content_lemma(tok: Token) -> str:
    ok = tok.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"} and not tok.is_stop
    return tok.lemma_.lower() if ok and tok.lemma_.lower() not in _LIGHT else ""


def _number_token(span: Span, start: int) -> Token | None:
    """The first number token of the span at or after character `start` of the sentence."""
    at = span.start_char + start
    for tok in span:
        if tok.idx + len(tok.text) > at and (
            tok.like_num or tok.pos_ == "NUM" or tok.text[:1].isdigit()
        ):
            return tok
    return None


def _verb_of(tok: Token) -> Token:
    """The verb a phrase hangs on (or the root of its sentence)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _skipped(num: Token, thing: Token, names: bool = True) -> bool:
    """A number that measures nothing here: part of a model number or a range ("777-200",
    "20-30 feet"), a clock time ("7:30 p.m."), a name ("Flight 370", "lane 2"), an increment.
    `names`: a proper noun counted is a name too (not so for a toll: "15 Palestinians")."""
    doc = num.doc
    prev = doc[num.i - 1] if num.i > 0 else None
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if prev is not None and prev.text in "-–/" and not prev.whitespace_ and num.i > 1:
        if doc[num.i - 2].like_num:
            return True
    if nxt is not None and nxt.text in "-–/" and not num.whitespace_ and num.i + 2 < len(doc):
        if doc[num.i + 2].like_num:
            return True
    if ":" in num.text or (nxt is not None and nxt.lower_ in _CLOCK):
        return True
    if _label(num):
        return True  # a number after the noun it names is a label: "group 1", "lane 2"
    aged = num.i + 2 < len(doc) and doc[num.i + 2].lower_ == "year"
    if names and thing.pos_ == "PROPN" and thing.i != num.i and not aged:
        return True  # "Flight 370", not "the 47-year-old John Penhallow"
    return any(c.lower_ in _INCREMENT and c.dep_ in {"det", "amod"} for c in thing.children)


def _label(num: Token) -> bool:
    """Whether a number names the noun before it ("group 1", "lane 2"), or is joined to such a
    label ("group 1 and 2", where the parse hangs the 2 on "group" or on the 1)."""
    head = num.head
    if head.i >= num.i or head.pos_ not in {"NOUN", "PROPN", "NUM"}:
        return False
    if num.dep_ == "nummod":
        return head.pos_ != "NUM"
    if num.dep_ != "conj":
        return False
    if head.pos_ == "NUM":
        return _label(head)
    return any(c.dep_ == "nummod" and head.i < c.i < num.i for c in head.children)


def _arguments(tok: Token) -> Iterator[Token]:
    """The arguments of a word, with the object of each preposition it governs."""
    for c in tok.children:
        if c.dep_ == "prep":
            yield from (g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd", "compound"}:
            yield c


def _person(host: Token) -> Token:
    """The name a role noun stands for ("the 46-year-old skipper Mara Olsen"), else the noun;
    a word that names no one (an adjective, a verb) is its own, keyless, host."""
    if host.pos_ == "NOUN" and host.dep_ == "compound" and host.head.pos_ == "PROPN":
        return host.head
    names = [c for c in host.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return names[0] if host.pos_ == "NOUN" and names else host


def _owner(host: Token) -> str:
    """Whom an age belongs to: a name with the given names written ("mary smith"), so that two
    people of one family are told apart, or a kind of person ("child")."""
    if host.pos_ != "PROPN":
        return _key(host)
    names = [c for c in host.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.lower_ for t in sorted([*names, host], key=lambda t: t.i))


def _same_person(a: str, b: str) -> bool:
    """One owner of an age: the same name, or a surname alone against the full name."""
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def _share_of(pct: Token) -> Token:
    """What a percentage is a share of: the noun it modifies ("a 20% increase") or the object
    of its "of" ("59% of investors"); the percent sign itself when neither is written."""
    if pct.dep_ in {"compound", "nmod", "amod", "nummod"} and pct.head.pos_ == "NOUN":
        return pct.head
    for c in pct.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return pct


def parse_frame(span: Span, q: Quantity) -> Frame | None:
    """The frame of a quantity `q` of the sentence `span` covers, or None when it is not found."""
    num = _number_token(span, q.start)
    if num is None:
        return None
    thing = num
    while thing.dep_ in {"nummod", "quantmod", "compound", "npadvmod", "amod", "nmod"} and (
        thing.head.i != thing.i
    ):
        thing = thing.head
        if thing.lower_ in {"year", "old"} or thing.pos_ in {"NUM", "SYM"}:
            continue
        if thing.pos_ in {"NOUN", "PROPN"}:
            break
    if thing.lower_ in {"%", "percent", "per", "cent"}:
        thing = _share_of(thing)
    verb = _verb_of(thing)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != thing.i]
    subject = _key(subjects[0]) if subjects else ""
    if subjects and subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
        subject = _key(verb.head)  # "the school, which has 236 pupils": the school has them
    owner = ""
    if q.kind == "age":
        # "Katrov died at the age of 92", "Katrov, who was 92,": the subject's age
        host = _person(num.head if num.dep_ == "appos" else thing)
        owner = "" if host.lemma_.lower() in _AGE_UNITS else _owner(host)
        owner = owner or _age_subject(verb)
    clauses = [c for c in thing.children if c.dep_ in {"acl", "relcl"}]
    around = [verb, *_arguments(verb), *_arguments(thing)]
    around += [t for c in clauses for t in (c, *_arguments(c))]
    anchors = {_content_lemma(t) for t in around if t.i not in (thing.i, num.i)}
    return Frame(
        thing.lemma_.lower(),
        "" if verb.lemma_.lower() in _LIGHT else verb.lemma_.lower(),
        subject,
        frozenset(anchors - {""}),
        owner,
        _skipped(num, thing),
        f"{verb.lemma_.lower()} {thing.dep_}",
        _counts_people(num, thing),
        _kinds(thing, num),
        _moment(num) if q.kind == "age" else _superseded(verb),
        _list_total(thing) or _one_more(span.text[q.start :], q.value),
        _within(verb, thing),
        _when(verb, thing),
        _which(subjects[0] if subjects else None, thing),
    )


_AGE_UNITS = frozenset("year month week day old age".split())


def _moment(num: Token) -> str:
    """When the text says an age holds: "then" ("only six years old at the time", "who was six
    when ..."), "now" ("now 15 years old"), or "" when it does not say. An age now and an age
    of another moment are two figures, not two values of one ("now 28" / "six at the time";
    "now 15" / "the 13-year-old" of a story two years old)."""
    top = num
    while top.dep_ in {"nummod", "npadvmod", "quantmod"} and top.head.lemma_.lower() in _AGE_UNITS:
        top = top.head
    around = list(top.children)
    if top.dep_ in {"attr", "acomp"} and top.head.lemma_ == "be":
        around += [c for c in top.head.children if c.i != top.i]
    if any(_then(c) for c in around):
        return "then"
    return "now" if any(c.lower_ in ("now", "currently") for c in around) else ""


_FIRST_TOLD = frozenset("originally initially previously formerly earlier".split())


def _superseded(verb: Token) -> str:
    """ "then" when the text gives a figure as one told before ("originally placed a $10,000
    bid", "police initially said 16 were hurt", "at first"): a later figure is no dispute;
    "may" when it gives a figure as what may come ("would cause delays of up to four hours",
    "is expected to reach 500"): what came is another figure."""
    if _projected(verb):
        return "may"
    tok: Token | None = verb
    while tok is not None:
        if any(_first_told(c) for c in tok.children):
            return "then"
        up = tok.dep_ in {"ccomp", "xcomp", "advcl"} and tok.head.i != tok.i
        tok = tok.head if up else None  # up to the verb that tells it: "initially said"
    return ""


_MAY = frozenset("would could may might".split())
_FORESEE = frozenset("expect project forecast predict".split())


def _projected(verb: Token) -> bool:
    """Whether a clause tells what may come: a modal of possibility on its verb, or the verb
    is what someone expects ("is expected to reach")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "could not hear": what was not, not what may be
    if any(c.dep_ == "aux" and c.lower_ in _MAY for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FORESEE


def _first_told(tok: Token) -> bool:
    if tok.dep_ == "advmod" and tok.lower_ in _FIRST_TOLD:
        return True
    at_first = tok.dep_ == "prep" and tok.lower_ == "at"
    return at_first and any(g.lower_ == "first" for g in tok.children)


def _then(tok: Token) -> bool:
    """A word placing its head back then: "then", "at the time", a "when ..." clause."""
    if tok.lower_ == "then":
        return True
    if tok.dep_ == "prep" and tok.lower_ == "at":
        return any(g.lower_ == "time" for g in tok.children)
    return tok.dep_ == "advcl" and any(g.lower_ == "when" for g in tok.children)


def _kinds(thing: Token, num: Token) -> frozenset[str]:
    """The nouns that say which kind of a counted thing is meant: a noun before it ("two
    robbery charges") or the object of its "of" ("three charges of disobeying an order")."""
    if thing.i == num.i or thing.pos_ != "NOUN":
        return frozenset()
    kinds = {c.lemma_.lower() for c in thing.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
    for prep in (c for c in thing.rights if c.dep_ == "prep" and c.lower_ == "of"):
        kinds |= {g.lemma_.lower() for g in prep.children if g.dep_ in {"pobj", "pcomp"}}
    return frozenset(kinds)


_SPANS = frozenset("minute hour day week month year".split())


def _within(verb: Token, thing: Token) -> str:
    """The period a figure was reached in, as the text gives it: a span ("viewed 12 million
    times in just under three days": "3 day"), months ("from October through January": "from
    october through january"), and "alone" when it is a part of a larger total ("In January
    alone"); "" when none is written. A running count is another figure in another period."""
    heads = [verb, thing, *(c for c in thing.children if c.dep_ in {"acl", "relcl"})]
    said: list[str] = []
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            lemma = g.lemma_.lower()
            n = next((x for x in g.children if x.dep_ == "nummod"), None)
            if lemma in _SPANS and n is not None and prep.lower_ in ("in", "within", "over"):
                said.append(f"{_SPELLED_VALUE.get(n.lower_, n.lower_)} {lemma}")
            elif lemma in _MONTHS and prep.lower_ in _PERIOD_PREPS:
                said.append(f"{prep.lower_} {_MONTHS[lemma]}")
            if any(x.lower_ == "alone" for x in g.children):
                said.append("alone")
    return " ".join(said)


_PERIOD_PREPS = frozenset("in during from through since until to".split())
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")


def _when(verb: Token, thing: Token) -> frozenset[str]:
    """The days and years a figure's clause is dated by ("Monday the Dow shed 1,175 points",
    "on Friday", "in 2016, when 66 people were shot"): figures of two days are two figures."""
    heads = [verb, thing]
    # a "when" clause dates its head: "Conklin was 17 when he went into the army in 1949"
    heads += [c for c in verb.children if c.dep_ == "advcl" and _then(c)]
    out = {t.lower_ for h in heads for t in _dated_by(h)}
    if verb.dep_ in {"relcl", "advcl"} and _a_when(verb.head):
        out.add(verb.head.lower_)  # the clause hangs on the day: "in 2016, when ..."
    return frozenset(out)


def _dated_by(head: Token) -> Iterator[Token]:
    for c in head.children:
        if c.dep_ in {"npadvmod", "tmod"} and _a_when(c):
            yield c
        elif c.dep_ == "prep" and c.lower_ in {"on", "in", "during", "since", "from"}:
            for g in (g for g in c.children if g.dep_ == "pobj"):
                if _a_when(g):
                    yield g
                else:  # "in December 1950": the month's year
                    yield from (y for y in g.children if _YEAR_TOKEN.fullmatch(y.text))


_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last previous next".split()
)


def _which(subject: Token | None, thing: Token) -> frozenset[str]:
    """The ordinals that pick out which of several things a figure is of ("the second nugget
    was 40 percent muscle", "the nugget from the first restaurant"): in the subject's phrase
    and in the counted thing's own modifiers."""
    words = [t for t in subject.subtree] if subject is not None else []
    words += [c for c in thing.children if c.dep_ == "amod"]
    return frozenset(t.lower_ for t in words if t.lower_ in _ORDINALS and t.dep_ == "amod")


def _a_when(tok: Token) -> bool:
    return tok.lower_ in _WEEKDAYS or bool(_YEAR_TOKEN.fullmatch(tok.text))


def _list_total(thing: Token) -> float:
    """The count of a whole list a counted noun is one group of ("an adult and two teenagers
    died": 3), 0 when it is in no list or a group of it is not counted ("some")."""
    if thing.pos_ not in {"NOUN", "PROPN"}:
        return 0.0
    first = thing.head if thing.dep_ == "conj" else thing
    groups = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i == first.i)]
    groups += [t for g in groups[1:] for t in g.children if t.dep_ == "conj"]
    if len(groups) < 2 or first.pos_ not in {"NOUN", "PROPN"}:
        return 0.0
    total = 0.0
    for g in groups:
        counts = [c for c in g.children if c.dep_ == "nummod"]
        if counts:
            value = _to_float(counts[0].text)
            if value is None:
                return 0.0
            total += value
        elif g.tag_ == "NN" and any(c.lower_ in ("a", "an", "one") for c in g.children):
            total += 1.0  # "an adult"
        else:
            return 0.0
    return total


_NEXT_ORDINAL = re.compile(
    r"\band\s+(?:then\s+)?(?:a|the)\s+(?P<o>second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)\b",
    re.IGNORECASE,
)
_ORDINAL_VALUE = {w: float(i) for i, w in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth".split(), 2
)}  # fmt: skip


def _one_more(after: str, value: float) -> float:
    """The count a sentence goes on to ("killing two people outside the center and then a
    third at a home": 3), 0 when it does not: the next ordinal adds one."""
    m = _NEXT_ORDINAL.search(after)
    if m is None or _ORDINAL_VALUE[m.group("o").lower()] != value + 1:
        return 0.0
    return value + 1


def _counts_people(num: Token, thing: Token) -> bool:
    """Whether a number counts people: a person noun or a nationality ("15 Palestinians")."""
    people = thing.ent_type_ == "NORP" or _person_word(thing.lemma_.lower())
    return people and not _skipped(num, thing, names=False)


def _age_subject(verb: Token) -> str:
    """Whose age a clause gives when the age hangs on no person: its subject's, or, in a
    relative clause ("who was 92"), the person it describes."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return ""
    if subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
        return _owner(_person(verb.head))
    return _owner(_person(subjects[0]))


_SCALES = frozenset("thousand million billion trillion bn mn".split())


def _thing(f: Frame) -> str:
    """The noun a count or sum is of, child words as one; "" when the parse gives none."""
    t = f.thing
    if not t.isalpha() or t in _SCALES or t in _SPELLED_VALUE or t == "one":
        return ""
    return "child" if t in _CHILD else t


def _other_things(a: Frame, b: Frame) -> bool:
    """Whether two figures are of two different nouns, neither an argument of the other's."""
    x, y = _thing(a), _thing(b)
    return bool(x and y) and x != y and not {x, y} & (a.anchors | b.anchors)


_FALLS = frozenset("fall drop plunge plummet slip tumble".split())


def one_fall(a: Frame | None, b: Frame | None) -> bool:
    """Whether two lengths measure one fall: the same subject falling ("Cummings dropped nine
    stories" / "Connor Cummings slipped 25 feet")."""
    if a is None or b is None or not a.subject or not b.subject:
        return False
    if a.subject.rstrip("s") != b.subject.rstrip("s"):
        return False  # the tagger reads "Cummings" as a name here, a plural noun there
    return a.verb in _FALLS and b.verb in _FALLS


def _two_times(a: Frame | None, b: Frame | None) -> bool:
    """Whether two figures are of two periods or moments, so both can be true."""
    if a is None or b is None:
        return False
    if a.within != b.within and ((a.within and b.within) or "alone" in a.within + b.within):
        return True  # "12 million times in three days" / "10 million times in two days"
    if a.when and b.when and not a.when & b.when:
        return True  # "Friday, the Dow closed down 666 points" / "Monday the Dow shed 1,175"
    # an age now against an age then ("now 15" / "six at the time"); a figure first told
    # ("initially") against the one told now
    return a.moment != b.moment


_DOER = frozenset({"nsubj", "agent"})
_DONE_TO = frozenset({"dobj", "nsubjpass"})


def _doer_and_done_to(a: Frame, b: Frame) -> bool:
    """Whether two figures count the two sides of one verb: those who do it and those it is
    done to ("three officers heard" / "heard two officers"; "5 police shot" / "shot 5 police")."""
    (va, _, da), (vb, _, db) = a.role.partition(" "), b.role.partition(" ")
    if not va or va != vb:
        return False
    return (da in _DOER and db in _DONE_TO) or (da in _DONE_TO and db in _DOER)


def same_measure(a: Frame | None, b: Frame | None, kind: str, loose: bool) -> bool:
    """Whether two figures measure the same thing of the same subject. Without a parse the
    regular-expression frame decides alone (True here)."""
    if a is None or b is None:
        return True
    if a.skip or b.skip:
        return False
    if _two_times(a, b):
        return False
    if a.which and b.which and not a.which & b.which:
        return False  # "the first restaurant's nugget" / "the second nugget": two things
    if kind == "age":
        sexes = {_SEX.get(f.thing, "") for f in (a, b)}
        return _same_person(a.owner, b.owner) and sexes != {"m", "f"}  # a boy, a girl
    if kind == "length" and one_fall(a, b):
        return True
    if kind == "percent" and a.thing != b.thing:
        return False  # a share of one thing against a share of another
    if kind.startswith("count:") or kind == "money":
        if _other_things(a, b):
            return False  # "three young children" / "two young girls"; a loss / a charge
    if a.kinds and b.kinds and not a.kinds & (b.kinds | b.anchors | {b.thing}):
        if not b.kinds & (a.anchors | {a.thing}):
            return False  # "two robbery charges" / "three charges of disobeying an order"
    fates = {fate(f.anchors | {f.verb}) for f in (a, b)}
    if fates >= {"harmed", "killed"}:
        return False  # "killed two workers" / "five workers were injured": two counts
    if _doer_and_done_to(a, b):
        return False  # "three officers could not hear" / "a woman heard two officers"
    if a.subject and b.subject and a.subject != b.subject:
        if a.subject not in b.anchors and b.subject not in a.anchors:
            return False  # "Turnout was 71.8%" / "the party won 48.1%"
    if a.anchors & b.anchors or (a.role == b.role and a.subject == b.subject != ""):
        return True  # shared arguments, or one subject's figure in one role: "which has"
    if a.verb and b.verb and a.verb != b.verb:
        return False  # "approved by 86% of investors" / "59% of investors rejected"
    return not loose  # sentences of one claim need no shared argument


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
            if i < j and v / max(sizes[i] + sizes[j] - v, 1.0) > SYNDICATION_JACCARD:
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
    if text.rstrip(" \"'”’").endswith(("?", "...", "…")):
        return False  # a question asserts nothing; a sentence the page cut off ("... and...")
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
    items: Sequence[_Item], i: int, j: int, loose: bool = False, stated: bool = False
) -> list[_Pair]:
    """Different values of one kind of quantity; `loose` pairs also need shared context;
    `stated` compares the figures a bound states (see `Quantity.interval`)."""
    ti, tj = items[i].sent.text, items[j].sent.text
    qi, qj = items[i].qs, items[j].qs
    out: list[_Pair] = []
    for x in qi:
        a = [q for q in qi if q.compatible(x, rates=False)]
        b = [q for q in qj if q.compatible(x, rates=False)]
        if len(a) != 1 or len(b) != 1:
            continue  # several amounts of one kind: cannot tell which matches which
        y = b[0]
        if not x.compatible(y):
            continue  # "$100,000 a year" / "$100,000": a rate and a total
        fx, fy = _frame_of(items[i], x), _frame_of(items[j], y)
        if not same_measure(fx, fy, x.kind, loose):
            continue  # a share of another thing, another subject's count, a model number
        same_frame = len(x.frame.split()) == 2 and x.frame == y.frame and x.heads == y.heads
        same_frame = same_frame or (x.kind == "length" and one_fall(fx, fy))
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
                stated = _number_pairs(items, lo, hi, stated=True)
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


def _person_word(lemma: str) -> bool:
    """Whether a counted noun counts people."""
    return lemma in _PERSON_NOUNS or lemma in _CHILD or lemma in _PEOPLE


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


_PERSON_NOUNS = frozenset(
    "people person man woman men women suspect victim officer worker employee student member "
    "passenger resident friend relative adult teenager teen gunman attacker".split()
)


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
            if len((lead.plain & items[i].plain) - story.topic_words - _numbers(lead)) >= SHARED
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
