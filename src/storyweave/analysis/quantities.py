"""Figures as the text writes them: money, shares, ages, lengths, durations, counts and what
they count, with hedges ("at least"), ranges ("one to three hours") and rates ("a week") kept, so
that two outlets' figures can be compared (`Quantity.interval`); days and years of a sentence.
Regular expressions read values better than the model's number entities; the parse frame of a
figure is in `frames`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text.annotate import spacy_module
from .slots import PAGE_DATE

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    has have had do does did will would can could should may might must that this these those it
    its he she they them his her their our we you i me my not no so than then there here who whom
    which what when where why how also just said says say told tells according after before over
    into about up out more most very all any some such only own same other new one two""".split()
)


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
        if (
            not hedge
            and _spans_time(kind, heads)
            and (b := _TIME_BOUND.search(text, max(0, s - 12), s))
        ):
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
