"""Dates in text -> normalised, ordered events.

Expressions are found with regexes (dateparser's search is slow and over-eager: it reads "may",
ages and sums as dates) and resolved by hand with dateutil's relativedelta against an anchor.

Anchors: a relative-to-now expression ("last week", "on Thursday", "two years ago") uses the
article's `published` date; a relative-to-text one ("the following year") uses the latest year
stated before it in the same sentence or in the previous one. A date without a year ("in April",
"Dec. 5") takes a year stated in the same sentence, else the previous sentence, else the
published year, choosing the latest such date not after the anchor (news mostly reports the
past) unless "next"/"this coming" says otherwise.

Precision is honest: a day is a day; a week resolves to the month holding the day it points at
(a week has no ISO prefix of its own); a season resolves to its year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.parser import isoparse
from dateutil.relativedelta import relativedelta

from ..model import Article, Event, Evidence, Precision, Sentence
from ..text.segment import strip_dateline

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..text.annotate import Annotations

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 0,
    "few": 0,
}

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMWORD = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# Order matters: longer, more precise forms first; later matches may not overlap earlier ones.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b")),
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b", re.I)),
    (
        "dmy",
        re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b", re.I),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.I)),
    (
        "ago",
        re.compile(
            # "before" or "earlier" with words after it is a preposition, relative to what
            # follows, not to the page's date: "a day before our engineer tells us"
            rf"\b(?P<n>{_NUMWORD})\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?:ago(?!\s+(?:that|the|he|she|they|it)\b)|(?:earlier|before)\b(?!\s+[a-z\"“]))",
            re.I,
        ),
    ),
    (
        "following",
        re.compile(
            r"\b(?:the\s+(?P<dir>following|next|previous|prior)\s+year|a\s+year\s+(?P<dir2>later|"
            r"earlier|before)|(?:later|earlier)\s+that\s+year|that\s+same\s+year|the\s+same\s+year|"
            r"that\s+year)\b",
            re.I,
        ),
    ),
    (
        "rel_unit",
        re.compile(
            r"\b(?P<when>(?:earlier|later)\s+this|last|this|next|past|coming)\s+"
            r"(?P<unit>week|month|year)\b(?!s)",
            re.I,
        ),
    ),
    ("day_word", re.compile(r"\b(?P<w>yesterday|today|tomorrow)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?P<when>on|last|this|next|this\s+past|since)\s+(?P<wd>monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday)\b",
            re.I,
        ),
    ),
    # a weekday with no "on", as US wire copy writes it: "broke out Monday afternoon", "said
    # Wednesday", "contained by Thursday"; capitalised only (no "monday" in a lower-case line)
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<when>by|through|until|till|from|before|after)\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]s\b)"
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?P<when>last|this|next|this\s+past|this\s+coming|in\s+the|during\s+the)\s+"
            r"(?P<s>spring|summer|fall|autumn|winter)\b",
            re.I,
        ),
    ),
    ("md", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?![,:]?\s*\d)", re.I)),
    # the day first, as British and wire copy write it: "on 11 February", "the 4th of March"
    ("dm", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?![\w-])(?!,?\s*\d)", re.I)),
    (
        "month",
        re.compile(
            rf"(?:\b(?P<when>in|since|until|till|by|last|next|this|early|late|during|of|from|"
            rf"through|before|after)\s+|\bmid-)(?P<mon>{_MONTH})(?![\w-])(?!\s+\d)",
            re.I,
        ),
    ),
    ("year", re.compile(rf"(?<![$£€#\d.,])\b(?P<y>{_YEAR})\b(?![.,]?\d|-year|\s*%)")),
]
# Words before a date that put it ahead of the writing: "will be sentenced on January 12",
# "is due to reopen in May" ("until" and a bare "due to" are no sign: "closed until March",
# "cancelled due to fog on Monday")
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|would|shall|(?:is|are)\s+due|expected\s+to|set\s+to|scheduled|"
    r"plans\s+to|is\s+to|are\s+to|upcoming|due\s+to\s+(?:be|start|begin|open|reopen|close|"
    r"end|resume|finish|arrive|launch|take))\b|\w['’]ll\b",
    re.I,
)
_PROMISED = re.compile(r"\b(?:promis|pledg|vow|expect|hop|aim|plan|intend|commit)\w*", re.I)
# Words that put a sentence at the time of writing ("Recently, a paper posted June 13 ..."): a
# year named in the sentence before dates what happened then, not this.
_NOW = re.compile(
    r"\b(?:recently|this (?:week|month|year)|last (?:week|month)|earlier this|today|yesterday|"
    r"tonight)\b",
    re.I,
)
# Words after a 4-digit number that make it a count or a label, not a year.
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:[a-z]+s\b(?<!days)(?<!years)|(?i:signatures|people|votes|dollars|euros|pounds|"
    r"residents|troops|acres|miles|feet|meters|square|calories|points)\b)"
)
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|from|until|till|by|during|of|before|after|between|and|to|early|late|mid|"
    r"the|spring|summer|fall|autumn|winter|year)[\s-]*$",
    re.I,
)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:no\.?|number|room|route|flight|page|#|pin|code|model)\s*$"
    r"|(?<![\d-])\d{3}[-.]$",  # the end of a phone number: "(818) 374-1925"
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateExpr:
    """One date expression found in a sentence, resolved when an anchor allows it."""

    start: int
    end: int
    text: str
    date: str | None
    precision: Precision | None
    resolved: bool


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def published_date(article: Article) -> date | None:
    """The article's published date, if given in ISO 8601."""
    if not article.published:
        return None
    try:
        return isoparse(article.published.strip()).date()
    except (ValueError, OverflowError):
        return None


def _month_year(
    mon: int, when: str, year: int | None, anchor: date | None, future: bool = False
) -> tuple[int, int] | None:
    """The year of a month named without one: a stated year, or the latest not after the anchor
    (the first not before it when the sentence looks ahead: "will reopen in May")."""
    when = when.lower()
    if future and anchor is not None and year is None and when not in {"last", "this"}:
        return (anchor.year if mon >= anchor.month else anchor.year + 1), mon
    if year is not None and when not in {"last", "next"}:
        return year, mon
    if anchor is None:
        return None
    if when == "next":
        return (anchor.year if mon > anchor.month else anchor.year + 1), mon
    if when == "this":
        return anchor.year, mon
    if when == "last":
        return (anchor.year if mon < anchor.month else anchor.year - 1), mon
    return (anchor.year if mon <= anchor.month else anchor.year - 1), mon


def _season(name: str, when: str, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    first, last = _SEASONS[name.lower()]
    when = " ".join(when.lower().split())
    y = anchor.year
    if when in {"last", "this past"}:
        # the most recent season of that name that has ended (winter ends in February)
        end_year = y if anchor.month > last else y - 1
        return end_year - 1 if first > last else end_year
    if when in {"next", "this coming"}:
        return y if anchor.month < first else y + 1
    # "this summer", "in the summer": the season of the anchor's year
    return y - 1 if first > last and anchor.month <= last else y


Resolved = tuple[str | None, Precision | None] | None


@dataclass(frozen=True)
class _Found:
    """One date expression met in a sentence, with what resolving it may lean on."""

    m: re.Match[str]
    text: str
    anchor: date | None
    year_before: int | None
    context_year: int | None
    future: bool

    @property
    def g(self) -> dict[str, str]:
        return self.m.groupdict()


def _lower_may(f: _Found) -> bool:
    """ "may" in lower case is the verb, never the month."""
    return f.g["mon"].lower() == "may" and not f.g["mon"][0].isupper()


def _full(f: _Found, kind: str) -> Resolved:
    g = f.g
    if kind == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
    else:
        y, mo, d = int(g["y"]), _month(g["mon"]), _day(g["d"])
    return (_iso(y, mo, d), "day") if _valid(y, mo, d) else None


def _year(f: _Found) -> Resolved:
    after = f.text[f.m.end() : f.m.end() + 20]
    before = f.text[max(0, f.m.start() - 12) : f.m.start()]
    if _NOT_YEAR_BEFORE.search(before):
        return None
    if _NOT_YEAR_AFTER.match(after) and not _YEAR_BEFORE.search(before):
        return None
    return f.g["y"], "year"


def _month_day(f: _Found) -> Resolved:
    if _lower_may(f):
        return None
    mo, d, base, anchor = _month(f.g["mon"]), _day(f.g["d"]), f.context_year, f.anchor
    if base is None and anchor is not None and f.future:
        base = anchor.year if (mo, d) >= (anchor.month, anchor.day) else anchor.year + 1
    elif base is None and anchor is not None:
        base = anchor.year if (mo, d) <= (anchor.month, anchor.day) else anchor.year - 1
    if base is None:
        return None, None
    return (_iso(base, mo, d), "day") if _valid(base, mo, d) else None


def _month_only(f: _Found) -> Resolved:
    if _lower_may(f):
        return None
    ym = _month_year(_month(f.g["mon"]), f.g["when"] or "", f.context_year, f.anchor, f.future)
    return (_iso(*ym), "month") if ym else (None, None)


def _following(f: _Found) -> Resolved:
    if f.year_before is None:
        return None, None
    phrase = f.m.group(0).lower()
    if re.search(r"following|next|later", phrase) and "that year" not in phrase:
        step = 1
    elif re.search(r"previous|prior|earlier|before", phrase) and "that year" not in phrase:
        step = -1
    else:
        step = 0
    return _iso(f.year_before + step), "year"


def _shifted(anchor: date, unit: str, n: int) -> Resolved:
    """The anchor moved n days, weeks, months or years, at the precision the unit carries."""
    if unit == "day":
        t = anchor + timedelta(days=n)
        return _iso(t.year, t.month, t.day), "day"
    if unit in {"week", "month"}:
        t = anchor + (timedelta(weeks=n) if unit == "week" else relativedelta(months=n))
        return _iso(t.year, t.month), "month"
    return _iso(anchor.year + n), "year"


def _ago(f: _Found, anchor: date) -> Resolved:
    g = f.g
    n = _NUMBERS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
    return _shifted(anchor, g["unit"].lower(), -n) if n else (None, None)


def _rel_unit(f: _Found, anchor: date) -> Resolved:
    when = " ".join(f.g["when"].lower().split())
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(when, 0)
    unit = f.g["unit"].lower()
    return _shifted(anchor, unit if unit != "day" else "year", step)


def _day_word(f: _Found, anchor: date) -> Resolved:
    return _shifted(anchor, "day", {"yesterday": -1, "today": 0, "tomorrow": 1}[f.g["w"].lower()])


def _weekday(f: _Found, anchor: date) -> Resolved:
    wd = _WEEKDAYS[f.g["wd"].lower()]
    when = " ".join((f.g["when"] or "").lower().split())
    if when in {"by", "through", "until", "till", "from", "before", "after"}:
        when = ""  # the day itself, as "on" reads it
    if when == "next":
        delta = (wd - anchor.weekday()) % 7 or 7
    elif when in {"last", "this past", "since"}:
        delta = -((anchor.weekday() - wd) % 7 or 7)
    elif f.future:  # "lessons will start on Monday": the next Monday
        delta = (wd - anchor.weekday()) % 7 or 7
    else:  # "on Thursday": the latest such day up to the publication day
        delta = -((anchor.weekday() - wd) % 7)
    return _shifted(anchor, "day", delta)


def _season_of(f: _Found, anchor: date) -> Resolved:
    season_year = _season(f.g["s"], f.g["when"], anchor)
    return (None, None) if season_year is None else (_iso(season_year), "year")


_PLAIN = {"year": _year, "md": _month_day, "dm": _month_day, "month": _month_only}
_PLAIN |= {"following": _following}
_ANCHORED = {"ago": _ago, "rel_unit": _rel_unit, "day_word": _day_word, "weekday": _weekday}
_ANCHORED |= {"season": _season_of}


def _resolve(
    kind: str,
    m: re.Match[str],
    text: str,
    anchor: date | None,
    year_before: int | None,
    context_year: int | None,
    future: bool = False,
) -> Resolved:
    """(date, precision); (None, None) when unresolvable; None when the match is not a date.
    `future`: the sentence looks ahead of its writing, so a day or month named without a year
    is the next one, not the last."""
    f = _Found(m, text, anchor, year_before, context_year, future)
    if kind in {"iso", "mdy", "dmy"}:
        return _full(f, kind)
    if kind == "my":
        return _iso(int(f.g["y"]), _month(f.g["mon"])), "month"
    if kind in _PLAIN:
        return _PLAIN[kind](f)
    if kind not in _ANCHORED:
        return None
    return _ANCHORED[kind](f, anchor) if anchor is not None else (None, None)


def find_dates(
    text: str, anchor: date | None = None, previous_year: int | None = None
) -> list[DateExpr]:
    """Date expressions in one sentence, resolved against the published date and nearby years."""
    if _NOW.search(text):
        previous_year = None
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < fe and fs < e for fs, fe, _, _ in found):
                continue
            found.append((s, e, kind, m))
    found.sort(key=lambda f: f[0])
    stated = [
        (s, int(d[:4]))
        for s, _, kind, m in found
        if kind in {"iso", "mdy", "dmy", "my", "year"}
        and (d := m.group("y"))
        and _resolve(kind, m, text, None, None, None) is not None
    ]
    out: list[DateExpr] = []
    for s, e, kind, m in found:
        before = [y for ps, y in stated if ps < s]
        year_before = before[-1] if before else previous_year
        in_sentence = [y for _, y in stated]
        context_year = year_before if before else (in_sentence[0] if in_sentence else previous_year)
        future = bool(_FUTURE.search(text, max(0, s - 80), s))
        if kind == "weekday" and (m.group("when") or "").lower() in {"by", "until", "till"}:
            # a deadline promised: "had promised an answer by Friday" is the coming Friday
            future = future or bool(_PROMISED.search(text, max(0, s - 80), s))
        if future and not in_sentence:
            # "The agency will report by the end of July": a year named in an earlier sentence
            # dates what happened then, not what is still to come
            context_year = None
        res = _resolve(kind, m, text, anchor, year_before, context_year, future)
        if res is None:
            continue
        d, prec = res
        out.append(DateExpr(s, e, m.group(0).strip(), d, prec, d is not None))
    named = _named_days(out)
    return [x for x in out if x.start not in named]


def _weekday_in(text: str) -> int | None:
    """The weekday an expression names ("on Monday": 0), if any."""
    return next((_WEEKDAYS[w] for w in text.lower().split() if w in _WEEKDAYS), None)


def _named_days(found: Sequence[DateExpr]) -> set[int]:
    """Where the weekdays start that are written just before their own full date ("Monday
    evening January 23, 2017", "Thursday, Sept. 20, 2018"): the weekday is part of the date."""
    out = set()
    for x, nxt in zip(found, found[1:], strict=False):
        wd = _weekday_in(x.text)
        if wd is not None and nxt.precision == "day" and nxt.date:
            if nxt.start - x.end <= 20 and date.fromisoformat(nxt.date).weekday() == wd:
                out.add(x.start)
    return out


# How a date hangs in its sentence's parse (spaCy's dependencies). "main": on the main verb or
# its clause, the date of what the sentence reports. "noun": a modifier of a thing ("his 1987
# certification", "the October 2017 attack") or a clause about one ("in a statement issued
# Saturday"). "subject": a clause about the subject, or one saying what someone did ("...,
# who took over in 2010, ..."). "aside": a clause comparing with the past ("fell to levels last
# seen in 1985"). A sentence with a main date is dated by it alone; without one, an aside never
# dates it: what the sentence reports did not happen then.
_LOOK_BACK = {"last", "ever", "since", "previously"}  # "levels last seen in 1985"
_NOUN_MODIFIERS = {"nummod", "compound", "amod", "nmod", "poss"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}


def attachment(span: Span, start: int, end: int) -> str:
    """Where the words at doc characters [start, end) hang: main, noun, subject or aside."""
    toks = [t for t in span if t.idx < end and t.idx + len(t) > start]
    if not toks:
        return "main"
    inside = {t.i for t in toks}
    tok = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    if tok.dep_ in _NOUN_MODIFIERS and tok.head.pos_ in {"NOUN", "PROPN"}:
        return "noun"
    while tok.head.i != tok.i and tok.head.i >= span.start:
        if tok.dep_ in {"relcl", "acl"}:
            noun = tok.head.head if tok.head.dep_ == "appos" else tok.head
            said_of = any(c.dep_ in _SUBJECTS and c.tag_ in {"WP", "WDT"} for c in tok.children)
            if noun.dep_ in _SUBJECTS or said_of:
                return "subject"
            looks_back = any(c.lower_ in _LOOK_BACK for c in tok.subtree)
            return "aside" if looks_back else "noun"
        tok = tok.head
    return "main"


def _event_dates(
    exprs: list[DateExpr], sentence: Sentence, annotations: Annotations | None
) -> list[DateExpr]:
    """The expressions that date the event a sentence reports (all of them without a parse)."""
    span = annotations.span(sentence.article_id, sentence.index) if annotations else None
    if span is None or not exprs:
        return exprs
    base = sentence.start  # the parse runs over the whole clean text
    kinds = [attachment(span, base + x.start, base + x.end) for x in exprs]
    if "main" in kinds:
        return [x for x, k in zip(exprs, kinds, strict=True) if k == "main"]
    return [x for x, k in zip(exprs, kinds, strict=True) if k != "aside"]


def _parse(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> Annotations | None:
    """The shared parse of the articles, or None when no sentence names a date at all."""
    from ..text.annotate import annotate

    if not any(find_dates(s.text) for a in articles for s in sentences.get(a.id, ())):
        return None
    return annotate(articles, sentences)


STORY_DAYS = 7  # the page dates of one story's articles lie within a week of each other


def story_anchor(articles: Sequence[Article]) -> tuple[date, str] | None:
    """The story's latest page date and its article, for articles that have none of their own.

    Articles on one story are published within days of each other, so an undated one's "on
    Thursday" is the Thursday the dated ones point at. None when no article has a page date, or
    when the dates are more than a week apart (a follow-up weeks later is another moment).
    """
    dated = [(d, a.id) for a in articles if (d := published_date(a)) is not None]
    if not dated or max(dated)[0] - min(dated)[0] > timedelta(days=STORY_DAYS):
        return None
    latest = max(d for d, _ in dated)
    return next((d, aid) for d, aid in dated if d == latest)


def _fits(anchor: date, sentences: Sequence[Sentence]) -> bool:
    """Whether an undated article could be of the anchor's week: it states no day later than it."""
    days = (x.date for s in sentences for x in find_dates(s.text) if x.precision == "day")
    latest = max((d for d in days if d and re.fullmatch(r"\d{4}-\d\d-\d\d", d)), default=None)
    return latest is None or isoparse(latest).date() <= anchor + timedelta(days=STORY_DAYS)


@dataclass(frozen=True, slots=True)
class _Borrowed:
    """A story date lent to an article without one: the lender, and the days its articles date."""

    article_id: str
    days: frozenset[str]

    def keep(self, x: DateExpr, unanchored: set[int]) -> tuple[DateExpr, bool]:
        """`x` as the borrowed anchor leaves it, and whether the anchor dated it (`unanchored`:
        where the sentence's expressions start that its own years leave unresolved). A month or
        a year is safe a few days off; a weekday ("Thursday") lands a week wrong if the article
        came out after the lender, so a day is kept only when a dated article dates it too."""
        if x.date is None or x.start not in unanchored:
            return x, False
        if x.precision == "day" and x.date not in self.days:
            return DateExpr(x.start, x.end, x.text, None, None, False), False
        return x, True


def _lender(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> tuple[date, _Borrowed] | None:
    """The story's anchor for articles without a page date, with the days dated by its own."""
    story = story_anchor(articles)
    if story is None:
        return None
    days = {
        x.date
        for a in articles
        if (own := published_date(a)) is not None
        for s in sentences.get(a.id, ())
        for x in find_dates(s.text, own)
        if x.date and x.precision == "day"
    }
    return story[0], _Borrowed(story[1], frozenset(days))


def _unanchored(text: str, previous_year: int | None) -> set[int]:
    """Where the expressions of a sentence start that no year of the text itself resolves."""
    return {x.start for x in find_dates(text, None, previous_year) if x.date is None}


def build_timeline(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    annotations: Annotations | None = None,
) -> list[Event]:
    """Every expression that dates what its sentence reports as an Event, ordered by date
    (unresolved last), then by article; `annotations` is the shared parse (made when None)."""
    if annotations is None:
        annotations = _parse(articles, sentences)
    keyed: list[tuple[tuple[int, str, int, int, int], Event]] = []
    seen: set[tuple[str | None, str, str]] = set()
    lender = _lender(articles, sentences)
    for a_pos, art in enumerate(articles):
        anchor = published_date(art)
        borrowed = None
        if anchor is None and lender is not None and _fits(lender[0], sentences.get(art.id, ())):
            anchor, borrowed = lender
        previous_year: int | None = None
        for s in sentences.get(art.id, ()):
            exprs = _event_dates(find_dates(s.text, anchor, previous_year), s, annotations)
            lent: dict[int, str] = {}
            if borrowed is not None:
                unanchored = _unanchored(s.text, previous_year)
                kept = [borrowed.keep(x, unanchored) for x in exprs]
                exprs = [x for x, _ in kept]
                lent = {x.start: borrowed.article_id for x, b in kept if b}
            years = [
                int(x.date[:4])
                for x in exprs
                if x.date and x.precision == "year" and re.fullmatch(r"\d{4}", x.text)
            ]
            explicit = [int(x.date[:4]) for x in exprs if x.date and re.search(r"\d{4}", x.text)]
            stated = years or explicit
            previous_year = stated[-1] if stated else None
            for x in exprs:
                key = (x.date, x.text.lower(), " ".join(s.text.lower().split()))
                if key in seen:
                    continue  # the same sentence and date from a copy of the article
                seen.add(key)
                ev = Event(
                    x.date,
                    x.precision,
                    x.text,
                    strip_dateline(s.text),
                    Evidence(art.id, art.source, s.index, s.text),
                    x.resolved,
                    lent.get(x.start),
                )
                order = (0 if x.date else 1, x.date or "", a_pos, s.index, x.start)
                keyed.append((order, ev))
    keyed.sort(key=lambda t: t[0])
    return [ev for _, ev in keyed]
