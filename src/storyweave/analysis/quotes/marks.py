"""Where quotations are: double and single quotation marks over paragraphs, sentence and clause
ends, and the plain reading of an attribution phrase (its noun phrase, its listener)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...model import Sentence
from .common import (
    _ADVERBS,
    _COLLECTIVES,
    _DETERMINERS,
    _LISTENER,
    _OWN_ROLES,
    _RELATIVE,
    _SENT_END,
    _SPEAKER_NOUNS,
    _VERB,
    _Span,
)

if TYPE_CHECKING:
    pass


_QUOTE_MARKS = re.compile('["“”]')


def open_after(sentences: Sequence[Sentence]) -> list[bool]:
    """Per sentence: a quotation is still open at its end (opened here or before, in the same
    paragraph). A summary that takes such a sentence must take the one that goes on with it."""
    out: list[bool] = []
    inside, paragraph = False, None
    for s in sentences:
        if s.paragraph != paragraph:
            inside, paragraph = False, s.paragraph
        for m in _QUOTE_MARKS.finditer(s.text):
            inside = _opens(s.text, m.start(), inside)
        out.append(inside)
    return out


# Lower case only ("the United States" is no verb of speech); "learned to read" names nobody.
_SPEECH = re.compile(rf"\b(?!read\b|continue[ds]\b)(?:{_VERB})\b")


_QUOTE_REACH = 2  # sentences an open quotation may run: the opener and one more


def _opens(text: str, i: int, inside: bool) -> bool:
    """Whether the quotation mark at text[i] opens a quotation (curly marks say; straight
    ones by their neighbours: space before and a word after opens, the reverse closes)."""
    ch = text[i]
    if ch != '"':
        return ch == "“"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and not after.isspace():
        return True
    if after.isspace() and not before.isspace():
        return False
    return not inside


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _double_spans(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    spans: list[_Span] = []
    carry: list[tuple[int, int]] = []  # parts of a quote continued from earlier paragraphs
    carry_open = -1
    carry_para = -1
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        for k in range(ps, pe):
            c = text[k]
            if c not in '"“”':
                continue
            if c == "”" or (c == '"' and open_at is not None):
                if open_at is not None:
                    parts = [*carry, (open_at + 1, k)] if carry else [(open_at + 1, k)]
                    first = carry_open if carry else open_at
                    spans.append(_Span(first, k, parts, carry_para if carry else ps))
                    carry, carry_open, open_at = [], -1, None
                continue
            # an opening mark; a new one while open drops a stray earlier opener
            if open_at is not None and carry:
                carry, carry_open = [], -1
            open_at = k
        if open_at is None:
            continue
        nxt = paras[pi + 1] if pi + 1 < len(paras) else None
        first_char = text[nxt[0] : nxt[1]].lstrip()[:1] if nxt else ""
        if first_char in {'"', "“"}:
            # news style: an unclosed quote goes on when the next paragraph opens a quote
            if not carry:
                carry_open, carry_para = open_at, ps
            carry.append((open_at + 1, pe))
            continue
        parts = [*carry, (open_at + 1, pe)]
        spans.append(
            _Span(carry_open if carry else open_at, pe, parts, carry_para if carry else ps)
        )
        carry, carry_open = [], -1
    return spans


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))['‘](?=[^\s\d])")


_SINGLE_CLOSE = re.compile(r"(?<=\S)['’](?=$|[\s.,;:!?)\]—–-])")


def _single_spans(text: str, paras: list[tuple[int, int]], taken: list[_Span]) -> list[_Span]:
    spans: list[_Span] = []
    inside = [(s.open, s.close) for s in taken]
    for ps, pe in paras:
        pos = ps
        while True:
            m = _SINGLE_OPEN.search(text, pos, pe)
            if m is None:
                break
            pos = m.end()
            if any(s <= m.start() <= e for s, e in inside):
                continue
            close = None
            for c in _SINGLE_CLOSE.finditer(text, m.end(), min(pe, m.end() + 400)):
                prev = text[c.start() - 1]
                rest = text[c.end() : c.end() + 2]
                # "the parties' children": a plural possessive, not a closing quote
                if prev == "s" and rest[:1] == " " and rest[1:2].islower():
                    continue
                close = c.start()
                break
            if close is None:
                continue
            content = text[m.end() : close]
            if len(content.split()) < 2:
                continue
            spans.append(_Span(m.start(), close, [(m.end(), close)], ps))
            pos = close + 1
    return spans


# a period after these ends no sentence: "LAPD Cmdr. Andy Smith said", "Associates Inc. told"
_ABBREVIATION = re.compile(
    r"\b(?:Cmdr|Gov|Sen|Rep|Lt|Sgt|Det|Capt|Col|Gen|Maj|Adm|Cpl|Pvt|Supt|Insp|Prof|Rev|Hon"
    r"|Inc|Corp|Co|Ltd|Jr|Sr|Mrs|No|Fr|Gen|Atty|Dept|Univ|vs|Mt|Ft)$"
)


_TITLE_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St)|(?<![\w.])[A-Z])$")


def _name_end(text: str, lo: int, hi: int) -> int:
    """Where a speaker's name after its verb ends: the first comma or stop in text[lo:hi]
    that is no title's period ("said Sen. Chuck Schumer (D-N.Y.)", "according to Dr. Jo
    Sims."), else `hi`."""
    for m in re.finditer(r"[,.;:!?]", text[lo:hi]):
        at = lo + m.start()
        if text[at] == "." and (
            _ABBREVIATION.search(text, max(0, at - 6), at) or _TITLE_DOT.search(text, lo, at)
        ):
            continue
        return at
    return hi


def _sentence_ends(text: str, lo: int, hi: int) -> Iterable[re.Match[str]]:
    """Sentence ends in text[lo:hi], not after a title or a company's "Inc." nor before a
    word in lower case ("Gardner and Associates Inc. told BuzzFeed")."""
    for m in _SENT_END.finditer(text, lo, hi):
        if text[m.start()] == "." and _ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
            continue
        if text[m.end() : m.end() + 1].islower():
            continue
        yield m


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause that ends at `hi` begins: after the last sentence end in [lo, hi)."""
    start = lo
    for m in _sentence_ends(text, lo, hi):
        start = m.end()
    return start


def _closes_sentence(text: str, span: _Span) -> bool:
    """Whether a quotation ends its own sentence inside its marks ('"... town."')."""
    return text[: span.close].rstrip()[-1:] in {".", "!", "?"}


def _clause_end(text: str, lo: int, hi: int) -> int:
    m = next(iter(_sentence_ends(text, lo, hi)), None)
    return m.start() + 1 if m else hi


# an aside in brackets after a name: a party and state ("(D-Hawaii)"), an age, a handle
_ASIDE = re.compile(r"\S\s*(\([^()]{1,30}\))$")


# nouns in "-ly" that can end a speaker's description: "her family said"
_LY_NOUNS = frozenset("family ally assembly rally supply daily weekly monthly quarterly".split())


def _trim_adverbs(text: str, start: int, end: int) -> int:
    """`end` moved left past adverbs, auxiliaries and a bracketed aside: "Rutherford
    previously told", "Sen. Daniel K. Akaka (D-Hawaii) said"."""
    while True:
        seg = text[start:end].rstrip()
        aside = _ASIDE.search(seg)
        if aside:
            end = start + len(seg[: aside.start(1)].rstrip())
            continue
        m = re.search(r"(\w+)$", seg)
        if not m:
            return start + len(seg)
        w = m.group(1).lower()
        # an adverb in "-ly", never a name ("Megyn Kelly", "Ms. Donnelly") nor a noun
        ly = w.endswith("ly") and len(w) > 4 and m.group(1).islower() and w not in _LY_NOUNS
        if w in _ADVERBS or ly:
            end = start + m.start()
            continue
        return start + len(seg)


def _listener(text: str, verb_end: int, limit: int) -> str:
    m = _LISTENER.match(text, verb_end, limit)
    if not m:
        return ""
    words = m.group(1).strip()
    return " " + words.rstrip(",.")


def _relative_head(phrase: str) -> str | None:
    """ "Local businesses that supply the factory" -> "Local businesses": the speaker before
    a relative clause, when it ends on a speaker noun (not "a source close to that deal")."""
    parts = _RELATIVE.split(phrase, maxsplit=1)
    if len(parts) < 2:
        return None
    head = parts[0].split()
    return parts[0] if head and head[-1].lower() in _SPEAKER_NOUNS else None


_PLACE_LINKS = frozenset({"at", "in", "on", "near", "from", "of", "outside", "inside"})


_AGED = re.compile(r"\d{1,3}-year-old", re.IGNORECASE)


def _np(phrase: str) -> str | None:
    """An unnamed source as written, when `phrase` is a determiner phrase about a speaker."""
    phrase = _relative_head(phrase) or phrase
    words = re.findall(r"[\w'’-]+", phrase)
    if len(words) >= 3 and _SPEECH.fullmatch(words[-1].lower()):
        # a second speech verb the copy left in: 'said the prosecutor declared'
        phrase = phrase[: phrase.rstrip(" ,").rfind(words[-1])].rstrip(" ,")
        words = words[:-1]
    if not words or len(words) > 9:
        return None
    # an owner's name is a determiner: "France's foreign minister", "Apple's lawyers"
    owner = len(words) >= 2 and re.search(r"\w['’]s?$", words[0]) is not None
    if words[0].lower() not in _DETERMINERS and not owner:
        # a bare plural: "prosecutors", "fire officials", "legal experts"
        last = words[-1].lower()
        head = next((k for k, w in enumerate(words) if w.lower() in _POSTMODIFIERS), len(words))
        if 0 < head < len(words) and len(words) <= 6:
            # a bare plural and where they are or what they know: "witnesses at the quay",
            # "residents of Elm Row", "people familiar with the matter"
            last = words[head - 1].lower()
            words = words[:head]
        plural = last.endswith("s") or last in _COLLECTIVES or last == "people"
        if len(words) > 5 or last not in _SPEAKER_NOUNS or not plural:
            return None
        # longer only with a place or body first: "Kansas City robbery detectives"
        lead, tail = (words[:1], words[1:]) if len(words) <= 3 else (words[:-2], words[-2:])
        if len(words) > 3 and not all(w[:1].isupper() for w in lead):
            return None
        if any(w[:1].isupper() for w in tail):
            return None
        return phrase.strip(" ,") if len(words) > 3 else _uncapitalised(phrase.strip(" ,"))
    # "the spokesman"; "the actress", "the 36-year-old model" when the phrase ends there
    role = words[-1].lower() in _OWN_ROLES or bool(_AGED.fullmatch(words[-1]))
    aged = 2 <= len(words) <= 3 and bool(_AGED.fullmatch(words[1]))
    if not (any(w.lower() in _SPEAKER_NOUNS for w in words[1:4]) or role or aged):
        return None
    return phrase.strip(" ,") if owner else _uncapitalised(phrase.strip(" ,"))


# words that open what follows a noun: "people familiar with the talks", "officials briefed on"
_POSTMODIFIERS = _PLACE_LINKS | frozenset(
    "with to for about familiar close knowledgeable aware briefed involved informed who".split()
)


def _uncapitalised(phrase: str) -> str:
    """A phrase as it reads mid-sentence: 'The spokesman' is 'the spokesman'; a phrase written
    in capitals ('OFFICIALS') is lowered whole, never 'oFFICIALS'."""
    if phrase.isupper():
        return phrase.lower()
    return phrase[0].lower() + phrase[1:] if phrase[:1].isupper() else phrase
