"""Slots of a sentence read on the shared parse, for conflicts between aligned sentences.

Two outlets telling one event fill the same slots: the day it happened on, the clock time,
how many people it hurt and where. `claims` aligns sentences of different outlets (cosine
plus a shared key, below), and a conflict is two values of one slot that cannot both be true.
A slot's keys say what it is a value of: the content lemmas of the clause it sits in (the
verb it hangs on and that verb's arguments: "a shareholder vote on April 14" / "will vote ...
on April 16" share "vote"), and the proper nouns of that clause ("three people hurt" at an
office complex in Middleton / "four people were shot ... in Middleton"). A name spelt two ways
by two outlets, each keeping to its own spelling ("Dimitri Olivares" / "Dimitri Oliveras"), is
a slot too: the same name, two spellings (`spellings`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .entities import english_word
from .entities.mentions import _nickname
from .entities.words import _HONORIFICS

if TYPE_CHECKING:  # spaCy loads only when a brief is analysed
    from spacy.tokens import Span, Token

_LIGHT = frozenset("be have say do get make include tell report come take go".split())
_CLAUSE_DEPS = frozenset({"conj", "relcl", "advcl", "ccomp", "parataxis"})
_MONTH_NUMBER = {
    m: k
    for k, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MONTH_NAME = {k: m for m, k in _MONTH_NUMBER.items() if len(m) > 4 or m in {"may", "june", "july"}}
_HEDGES = frozenset("about around approximately roughly nearly almost some shortly just".split())
_CLOCK = re.compile(r"^(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?$")
_MERIDIEM = {"a.m.": 0, "am": 0, "a.m": 0, "p.m.": 12, "pm": 12, "p.m": 12}
# What happened to the people a count counts: counts of one clause class are of one fact
# ("three people hurt" / "four people were shot"), of two classes two facts (killed, injured).
_HARMED = frozenset("hurt injure wound shoot shooting stab hospitalize injury".split())
_KILLED = frozenset("kill die dead death murder slay fatality".split())
DAY_WINDOW = 7  # two days of one event further apart than this are two events
# minutes: two times further apart are two moments of the story (the labelled disagreements
# on a time are 3 to 35 minutes apart; a plane crossing a border at 2:20 and its last signal
# at 3:50 share the plane, not the moment)
CLOCK_WINDOW = 60
CLOCK_SLACK = 10  # minutes either way of a hedged time ("about 11:15 p.m.")
SPELLING_RATIO = 0.75  # two spellings of one name at least this alike (difflib ratio)


@dataclass(frozen=True, slots=True)
class Slot:
    """A value with what it is a value of."""

    kind: str  # "day" (value: 31 * month + day) or "clock" (value: minutes after midnight)
    value: int
    text: str  # "april 14" (as `claims.day_dates` gives it), "11:15 p.m." (as written)
    hedged: bool
    keys: frozenset[str]  # content lemmas of its clause
    names: frozenset[str]  # proper nouns of its clause, lower case
    act: str = ""  # the verb of its clause, "" for a light one: "found" of "found on June 24"


def clause_head(tok: Token) -> Token:
    """The verb (or sentence root) whose clause a word sits in."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def clause_tokens(tok: Token) -> Iterator[Token]:
    """The words of the clause headed by `tok`, without its subordinate and joined clauses."""
    stack = [tok]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS or c.pos_ == "NOUN")


def _keys(words: Iterable[Token], skip: Iterable[int] = ()) -> frozenset[str]:
    """The content lemmas (nouns and full verbs) of words, those at `skip` left out."""
    left_out = set(skip)
    return frozenset(
        t.lemma_.lower()
        for t in words
        if t.i not in left_out
        and t.pos_ in {"NOUN", "VERB"}
        and t.is_alpha
        and not t.is_stop
        and t.lemma_.lower() not in _LIGHT
    )


def _names(words: Iterable[Token]) -> frozenset[str]:
    """The proper nouns of words, lower case."""
    return frozenset(t.lower_ for t in words if t.pos_ == "PROPN" and t.ent_type_ != "DATE")


def context(tok: Token) -> tuple[frozenset[str], frozenset[str]]:
    """The keys and proper nouns of the clause a word sits in (the word itself left out)."""
    words = list(clause_tokens(clause_head(tok)))
    return _keys(words, {tok.i}), _names(words)


def _hedged(tok: Token) -> bool:
    """Whether a hedge ("about", "around", "shortly") is written just before a value."""
    doc = tok.doc
    before = {doc[k].lower_ for k in range(max(tok.i - 2, 0), tok.i)}
    return bool(before & _HEDGES)


# a page's (or a video's) own date line: "Published on Oct 25, 2016 ...", "| Updated: May 4";
# not news ("The report was published on March 3")
PAGE_DATE = re.compile(
    r"(?:^|[|•·—–]\s*)(?:first\s+|last\s+)?(?:published|updated|posted|modified)\s*"
    r"(?:on\s+|at\s+|:\s*)?(?:[a-z]+day,?\s+)?(?:\d{1,2}\s+)?$",
    re.IGNORECASE,
)


def day_slots(span: Span) -> list[Slot]:
    """Month-day dates ("April 14", "14 April") with the clause they date; not the date a
    page or a video was published."""
    out: list[Slot] = []
    for tok in span:
        month = _MONTH_NUMBER.get(tok.lower_.rstrip("."))
        if month is None or (tok.lower_ == "may" and not tok.text[0].isupper()):
            continue
        day = _day_next_to(tok)
        if day is None or PAGE_DATE.search(span.doc.text[span.start_char : tok.idx]):
            continue
        keys, names = context(tok)
        text = f"{_MONTH_NAME[month]} {day}"  # as `claims.day_dates` writes it
        out.append(Slot("day", month * 31 + day, text, _hedged(tok), keys, names, _act(tok)))
    return out


def _act(tok: Token) -> str:
    """The full verb of the clause a word sits in, as a lemma; "" for none or a light one."""
    head = clause_head(tok)
    lemma = head.lemma_.lower()
    return lemma if head.pos_ == "VERB" and lemma not in _LIGHT else ""


def one_act(a: Slot, b: Slot) -> bool:
    """Whether two days may date one act: one verb, one fate ("killed" / "died"), or a
    clause without a full verb ("the Feb. 13 killing"). "Stopped by police on June 24" and
    "beat him on June 21" date two acts."""
    if not a.act or not b.act or a.act == b.act:
        return True
    return fate(a.keys) == fate(b.keys) != ""


def _day_next_to(month: Token) -> int | None:
    """The day of the month written next to a month name: "April 14", "14 April"."""
    doc = month.doc
    for k in (month.i + 1, month.i - 1):
        if 0 <= k < len(doc):
            digits = re.sub(r"(?:st|nd|rd|th)$", "", doc[k].lower_)
            if digits.isdigit() and 1 <= int(digits) <= 31 and len(digits) <= 2:
                return int(digits)
    return None


def clock_slots(span: Span) -> list[Slot]:
    """Clock times with a.m. or p.m. ("9:06 a.m.", "about 11:15 p.m.") and their clause."""
    out: list[Slot] = []
    doc = span.doc
    for tok in span:
        m = _CLOCK.match(tok.text)
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if m is None or nxt not in _MERIDIEM:
            continue
        hour = int(m.group("h")) % 12 + _MERIDIEM[nxt]
        keys, names = context(tok)
        text = f"{tok.text} {doc[tok.i + 1].text}"
        out.append(
            Slot("clock", hour * 60 + int(m.group("m") or 0), text, _hedged(tok), keys, names)
        )
    return out


def fate(keys: frozenset[str]) -> str:
    """Whether a clause tells of people hurt ("harmed"), killed ("killed"), or neither ("")."""
    harmed, killed = bool(keys & _HARMED), bool(keys & _KILLED)
    return "" if harmed == killed else "harmed" if harmed else "killed"


def clash(a: Slot, b: Slot) -> bool:
    """Whether two values of one kind of slot cannot both be true of one event: different,
    beyond what a hedge allows, yet close enough to be one event told twice."""
    if a.kind != b.kind or a.value == b.value:
        return False
    gap = abs(a.value - b.value)
    if a.kind == "day":
        return gap <= DAY_WINDOW and not (a.hedged or b.hedged)
    slack = CLOCK_SLACK * (a.hedged + b.hedged)
    return slack < gap <= CLOCK_WINDOW


# --- names spelt two ways ---------------------------------------------------------------------


def name_forms(span: Span) -> Iterator[tuple[str, str]]:
    """(the name word before, the last name word) of each name of two words or more: "Dimitri
    Olivares" gives ("dimitri", "Olivares"), "a 2007 Hyundai Sonata" ("hyundai", "Sonata")."""
    for tok in span:
        if tok.pos_ != "PROPN" or tok.i == 0 or not tok.is_alpha or not tok.is_title:
            continue
        prev = tok.doc[tok.i - 1]
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN":
            continue  # the name goes on: "Steven" of "Chief Steven Johnson" is no surname
        if prev.pos_ == "PROPN" and prev.is_alpha and prev.is_title and tok.i - 1 >= span.start:
            yield prev.lower_, tok.text


def spellings(
    forms: Mapping[tuple[str, str], Sequence[int]], texts: Mapping[int, str]
) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Pairs of one name spelt two ways: the same word before a last word spelt alike, or both
    words spelt alike ("Moustafa Soliman" / "Mustafa Suleiman"), never one a form of the other, and
    no outlet writing both. `forms` maps (word before, last word) to the outlets writing it;
    `texts` is each outlet's text, where the other spelling must not occur at all."""
    by_initials: dict[str, list[tuple[str, str]]] = {}
    for prefix, form in forms:
        by_initials.setdefault(prefix[:1] + form[:1].lower(), []).append((prefix, form))
    out: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for _, names in sorted(by_initials.items()):
        for p, a in enumerate(names):
            for b in names[p + 1 :]:
                if _two_names(a, b, forms, texts):
                    out.append((a, b))
    return out


def _two_names(
    a: tuple[str, str],
    b: tuple[str, str],
    forms: Mapping[tuple[str, str], Sequence[int]],
    texts: Mapping[int, str],
) -> bool:
    """Whether two two-word names are one name, each differing word spelt two ways."""
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
    if len(differ) == 1 and differ[0][0] == a[0]:
        return False  # one surname, two first names: often two relatives ("Jon" / "Jan Berg")
    return bool(differ) and all(_two_spellings(x, y, forms[a], forms[b], texts) for x, y in differ)


def _two_spellings(
    a: str, b: str, outlets_a: Sequence[int], outlets_b: Sequence[int], texts: Mapping[int, str]
) -> bool:
    """Whether two name words are one name spelt two ways by two sets of outlets."""
    la, lb = a.lower(), b.lower()
    if la == lb or min(len(la), len(lb)) < 5 or la[0] != lb[0]:
        return False
    if la.startswith(lb) or lb.startswith(la):
        return False  # a plural, a possessive, a longer name: "Oliver" / "Olivers"
    if SequenceMatcher(None, la, lb).ratio() < SPELLING_RATIO:
        return False
    if english_word(la) and english_word(lb):
        return False  # "Defense" / "Defence": two spellings of a word, not of a name
    if set(outlets_a) & set(outlets_b):
        return False
    if min(len(outlets_a), len(outlets_b)) == 1 and max(len(outlets_a), len(outlets_b)) >= 3:
        return False  # three outlets and more against one: that one's typo, not a dispute
    word_a = re.compile(rf"\b{re.escape(a)}\b", re.IGNORECASE)
    word_b = re.compile(rf"\b{re.escape(b)}\b", re.IGNORECASE)
    return not any(word_b.search(texts[o]) for o in outlets_a) and not any(
        word_a.search(texts[o]) for o in outlets_b
    )


# --- one slot, two names ----------------------------------------------------------------------

_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_NP_DEPS = frozenset({"compound", "amod", "nmod", "det", "poss", "case", "punct", "nummod"})


def named_slots(span: Span) -> dict[str, str]:
    """The names of a sentence by what is written before them: the preposition and the word
    before it ("education for" Wella, "education for" beauty products giant Coty Inc.), or the
    noun a name modifies ("a Liberty couple", "a Kansas City couple": "couple"). A key given
    twice in one sentence is ambiguous and left out."""
    out: dict[str, str] = {}
    twice: set[str] = set()
    for run in _name_runs(span):
        if any(t.ent_type_ in _PLACES for t in run):
            continue  # places nest: "a hotel in Midtown" is "a hotel in Manhattan"
        name = " ".join(t.text for t in run).rstrip(",")
        for key in _slot_keys(span, run):
            (twice.add(key) if key in out else out.__setitem__(key, name))
    return {k: v for k, v in out.items() if k not in twice}


def _name_runs(span: Span) -> Iterator[list[Token]]:
    """The runs of proper nouns of a sentence (dates left out), each with a capital."""
    run: list[Token] = []
    for tok in [*span, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ not in {"DATE", "TIME"}:
            run.append(tok)
            continue
        if run and any(t.is_title or t.is_upper for t in run) and not _only_titles(run):
            yield run
        run = []


def _only_titles(run: list[Token]) -> bool:
    """A title alone names no one ("Mr Usman" / "Sani Usman" name one man)."""
    return all(t.lower_.rstrip(".") in _HONORIFICS for t in run)


def _slot_keys(span: Span, run: list[Token]) -> list[str]:
    """What a name fills: "mod:<noun>" before a noun it modifies, "<word> <preposition>"
    when it is (or ends) the object of a preposition."""
    doc, keys = span.doc, []
    nxt = doc[run[-1].i + 1] if run[-1].i + 1 < span.end else None
    if nxt is not None and nxt.pos_ == "NOUN" and run[-1].dep_ == "compound" and not _owns(nxt):
        keys.append(f"mod:{nxt.lemma_.lower()}")
    k = run[0].i - 1
    while k >= span.start and k > run[0].i - 5 and doc[k].dep_ in _NP_DEPS | {"pobj"}:
        if doc[k].pos_ in {"ADP", "VERB"}:
            break
        k -= 1
    if k - 1 >= span.start and doc[k].pos_ == "ADP" and doc[k - 1].pos_ in {"NOUN", "PROPN"}:
        keys.append(f"{doc[k - 1].lemma_.lower()} {doc[k].lower_}")
    return keys


def _owns(noun: Token) -> bool:
    """Whether a noun stands as an owner ("Ozzy Osbourne's wife"): the name before it then
    names the owner, not the one the sentence is about."""
    return any(c.dep_ == "case" and c.lower_ in {"'s", "’s", "'"} for c in noun.children)


def other_names(a: str, b: str, text_a: str, text_b: str) -> bool:
    """Whether two names of one slot name two things: neither written in the other's
    sentence, no word of one a word of the other, neither a nickname of the other."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    if wa & wb or _nickname(a.lower(), b.lower()):
        return False  # a shared word; one given name and its nickname ("Stephen" / "Steve")
    ia, ib = (re.sub(r"[^a-z]", "", x.lower()) for x in (a, b))
    if (
        a.replace(".", "").isupper()
        and b.replace(".", "").isupper()
        and (ia.startswith(ib) or ib.startswith(ia))
    ):
        return False  # "U.N." / "UNRWA": a body and one of its agencies, by their initials
    in_b = re.search(rf"\b{re.escape(a)}\b", text_b, re.IGNORECASE)
    in_a = re.search(rf"\b{re.escape(b)}\b", text_a, re.IGNORECASE)
    return not in_a and not in_b


# --- one or several ---------------------------------------------------------------------------


KIN_WORDS = frozenset(
    "wife husband son daughter child kid brother sister parent mother father friend relative "
    "grandson granddaughter grandchild cousin nephew niece partner".split()
)


@dataclass(frozen=True, slots=True)
class Kin:
    """Someone's relatives (or people) in one role of one verb, and how many: "discovered by
    his wife and daughters" is ("discover", "agent", "daughter", plural)."""

    key: str  # "discover agent daughter"
    plural: bool
    text: str  # the phrase: "his wife and daughters"


def kin_slots(span: Span) -> list[Kin]:
    """Nouns with a possessive ("his daughters", "the victim's wife and daughter") as the doer
    or the undergoer of a verb, with their grammatical number."""
    out: list[Kin] = []
    for tok in span:
        if (
            tok.pos_ != "NOUN"
            or tok.lemma_.lower() not in KIN_WORDS
            or not tok.morph.get("Number", [])
        ):
            continue
        head = tok
        while head.dep_ == "conj" and head.head.pos_ == "NOUN":
            head = head.head
        owners = [c for c in head.children if c.dep_ == "poss"]
        if not owners or _plural_owner(owners[0]):
            continue  # "their mothers": one mother each, whatever the count of owners
        role, verb = _role(head)
        if verb is None or verb.lemma_.lower() in _LIGHT:
            continue
        plural = tok.morph.get("Number", []) == ["Plur"]
        phrase = span.doc[head.left_edge.i : max(tok.i, head.i) + 1].text
        out.append(Kin(f"{verb.lemma_.lower()} {role} {tok.lemma_.lower()}", plural, phrase))
    return out


def _plural_owner(owner: Token) -> bool:
    """A possessive of several owners ("their", "the children's"), whose relatives are
    plural however many each has."""
    if owner.lower_ in {"their", "our", "your"}:
        return True
    return owner.tag_ == "NNS" or owner.morph.get("Number", []) == ["Plur"]


def _role(noun: Token) -> tuple[str, Token | None]:
    """Whether a noun does ("agent") or undergoes ("patient") what its verb says, and the verb."""
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        return "agent", noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ == "VERB":
        return "patient", noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "agent" and prep.head.pos_ == "VERB":
        return "agent", prep.head
    return "", None
