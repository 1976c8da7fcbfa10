"""Quotes and who said them: direct quotes in quotation marks, and reported speech.

A speaker is a resolved entity ("Daniel Giersch"), an unnamed source kept as written
("a source close to the situation"), or nobody: an unattributed quote stays unresolved
rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..model import Article, Entity, Mention, Quote, Sentence
from ..text.segment import segment, strip_dateline
from .entities import _HEADS as _BODY_WORDS
from .entities import _gazetteer, fold, given_name_gender
from .speakers import FullNames, initials_match, kin_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..text.annotate import Annotations

__all__ = ["find_quotes", "quote_roles", "unattributed_quotes"]

SpeakerKind = Literal["named", "unnamed", "unresolved"]

_VERB = (
    r"(?:issued|released|put out|sent) a statement (?:saying|that|reading)|said in a statement"
    r"|according to|says|said|say|told|tells|tell|added|adds|explained|explains|insisted"
    r"|insists|wrote|writes|stated|states|noted|notes|claimed|claims|argued|argues|recalled"
    r"|recalls|admitted|admits|warned|warns|confirmed|confirms|announced|announces|testified"
    r"|replied|replies|continued|continues|reads|read|asked|asks|posted|tweeted|revealed"
    r"|reveals|stressed|emphasized|emphasised|acknowledged|concluded|declared|remarked"
    r"|commented|alleged|alleges|maintained|maintains|heard"
    r"|joked|jokes|quipped|laughed|sighed|shouted|pleaded|urged|urges|boasted|conceded"
    r"|predicted|predicts|observed|quoted as saying|texted|emailed|messaged"
    r"|responded|responds|answered|answers|countered|counters|whispered|yelled|screamed"
    r"|recounted|recounts|wondered|mused|reported|reports"
)
_VERB_RE = re.compile(rf"\b(?:{_VERB})\b", re.IGNORECASE)
# verbs that take a listener: "told ABC News", "tells E! News"
_TELL = {"told", "tells", "tell"}
_LISTENER = re.compile(
    r"\s+((?:[A-Z][\w.!&'’-]*\s?){1,5}|reporters|me|us|him|her|them|the (?:court|jury|press))"
)
_REPORT_VERBS = (
    r"said|says|told|tells|added|explained|insisted|insists|claimed|claims|argued|argues|noted"
    r"|stated|wrote|writes|announced|confirmed|revealed|reveals|admitted|warned|alleged"
    r"|alleges|maintained|maintains|testified|reported|reports|heard|say|cautioned|stressed"
    r"|acknowledged|(?:was |were |is |are )?quoted as saying"
)
_REPORTED = re.compile(
    rf"\b({_REPORT_VERBS})\b((?:\s+(?:[A-Z][\w.!&'’-]*|reporters|me|us|him|her|them|police"
    r"|investigators|detectives|officers)){0,5})"
    r"(,?\s+that\b[,\s]*|\s+(?=[\w£$€]))"
)
# verbs as likely to take a plain object ("claims the title"): speech only with "that"
_NEEDS_THAT = {
    "claimed",
    "claims",
    "maintained",
    "maintains",
    "revealed",
    "reveals",
    "added",  # "the firm added hundreds of staff"
    "announced",  # "rivals have announced similar job losses"
    "announces",
    "cautioned",
    "stressed",  # "stressed the need for"
    "acknowledged",  # "acknowledged the crowd"
}
# words that, right after "said", start an adjunct rather than the reported clause
_NOT_CLAUSE = {
    "in",
    "on",
    "at",
    "to",
    "for",
    "of",
    "with",
    "by",
    "during",
    "after",
    "before",
    "last",
    "earlier",
    "later",
    "yesterday",
    "today",
    "recently",
    "previously",
    "so",
    "nothing",
    "something",
    "anything",
    "goodbye",
    "good",  # "said good-bye"
    "farewell",
    "grace",
    "hello",
    "hi",
    "yes",
    "no",
    "thanks",
    "sorry",
    "what",
    "when",
    "where",
    "why",
    "how",
    "as",
    "about",
    "through",
    "via",
    "from",
    "and",
    "or",
    "but",
    "while",
    "this",
    "is",
    "was",
    "has",
    "had",
    "publicly",
    "privately",
    "little",
    "much",
    "more",
    "less",
}
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_DETERMINERS = {
    "a",
    "an",
    "the",
    "our",
    "one",
    "another",
    "his",
    "her",
    "their",
    "its",
    "two",
    "three",
    "several",
    "some",
    "this",
    "that",
    "these",
    "those",
    "my",
    "your",
}
# "the company said": the organisation the article names most, whatever its name
_ORG_NOUNS = {
    "company",
    "firm",
    "group",
    "club",
    "charity",
    "business",
    "retailer",
    "carrier",
    "airline",
    "manufacturer",
    "maker",
    "organisation",
    "organization",
}
_ANY_BODY = {"group", "organisation", "organization", "charity", "club"}
# last words of public bodies and news outlets, never "the company"
_NOT_COMPANY = {
    "service", "services", "office", "police", "council", "department", "ministry", "agency",
    "court", "authority", "board", "commission", "committee", "government", "army", "navy",
    "force", "party", "university", "school", "hospital", "news", "press", "wire", "times",
    "post", "journal", "herald", "tribune", "daily", "radio", "tv", "television", "network",
    "channel", "magazine", "gazette", "ledger", "courier", "chronicle", "observer",
}  # fmt: skip
_DEFINITE_ORG = re.compile(r"the (?:(\w+) )?(\w+)", re.IGNORECASE)

# bare collectives that speak like plurals: "Police said ...", "Staff say ..."
_COLLECTIVES = {"police", "staff", "media"}

_SPEAKER_NOUNS = {
    "source",
    "sources",
    "authorities",
    "businesses",
    "campaigners",
    "companies",
    "firms",
    "investors",
    "shareholders",
    "passengers",
    "protesters",
    "newspaper",
    "traders",
    "voters",
    "unions",
    "media",
    "insider",
    "insiders",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "witness",
    "witnesses",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "representative",
    "rep",
    "reps",
    "friend",
    "friends",
    "statement",
    "police",
    "aide",
    "aides",
    "person",
    "family",
    "neighbour",
    "neighbor",
    "neighbours",
    "neighbors",
    "relative",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "resident",
    "residents",
    "report",
    "ruling",
    "court",
    "judge",
    "document",
    "documents",
    "filing",
    "letter",
    "memo",
    "release",
    "publicist",
    "agent",
    "counsel",
    "spokespeople",
    "officer",
    "officers",
    "investigators",
    "prosecutors",
    "prosecutor",
    "lawsuit",
    "complaint",
    "order",
    "decision",
    "pal",
    "confidant",
    "employee",
    "staffer",
    "member",
    "members",
    "council",
    "company",
    "department",
    "ministry",
    "agency",
    "government",
    "office",
    "campaign",
    "team",
    "doctor",
    "doctors",
    "parent",
    "parents",
    "mother",
    "father",
    "engineer",
    "engineers",
    "inspector",
    "scientist",
    "scientists",
    "researcher",
    "researchers",
    "economist",
    "teacher",
    "nurse",
    "worker",
    "workers",
    "driver",
    "drivers",
    "union",
    "group",
    "firm",
    "lawmaker",
    "lawmakers",
    "legislator",
    "diplomat",
    "diplomats",
    "minister",
    "executive",
    "director",
    "manager",
    "owner",
    "organizer",
    "organiser",
    "activist",
    "activists",
    "advocate",
    "advocates",
    "observer",
    "observers",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "survivor",
    "victim",
    "eyewitness",
    "bystander",
    "historian",
    "professor",
    "physician",
    "surgeon",
    "coroner",
    "paramedic",
    "firefighter",
    "soldier",
    "guard",
    "employees",
    "staff",
    "board",
    "committee",
    "sheriff",
    "mayor",
    # bodies and people the news quotes by what they are: "the authority said", "inspectors
    # said that ...", "pharmacists say ..."
    *(
        "authority inspectorate regulator watchdog trust hospital school district operator "
        "airline service charity federation association cooperative utility museum club "
        "university college inspector pharmacist politician minister councillor governor "
        "senator diver rescuer crew pilot captain climber guide farmer pupil student patient "
        "customer passenger tenant shopkeeper fan player coach negotiator campaigner volunteer "
        "commission panel "
        # people the news quotes by who they are: "the teen told police", "a woman said"
        "teen teenager boy girl man woman son daughter wife husband brother sister mom dad "
        "uncle aunt kid detective account author chairman chairwoman founder"
    ).split(),
}
# every speaker noun in the singular and the plural: "inspector" / "inspectors", "authority" /
# "authorities"
_SPEAKER_NOUNS |= {w[:-3] + "y" for w in _SPEAKER_NOUNS if w.endswith("ies")}
_SPEAKER_NOUNS |= {w[:-1] for w in _SPEAKER_NOUNS if w.endswith("s") and not w.endswith("ss")}
_SPEAKER_NOUNS |= {
    w[:-1] + "ies" for w in _SPEAKER_NOUNS if w.endswith("y") and w[-2] not in "aeiou"
}
_SPEAKER_NOUNS |= {w + "s" for w in _SPEAKER_NOUNS if not w.endswith(("s", "y"))}
_ROLE_NOUNS = {
    "attorney",
    "attorneys",
    "lawyer",
    "lawyers",
    "counsel",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "rep",
    "representative",
    "publicist",
    "agent",
    "manager",
    "aide",
    "friend",
    "source",
}
_STATEMENT_NOUNS = {
    "statement",
    "statements",
    "letter",
    "post",
    "tweet",
    "filing",
    "note",
    "message",
    "memo",
    "lawsuit",
    "complaint",
}
_ADVERBS = {
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "once",
    "has",
    "had",
    "have",
    "again",
    "earlier",
    "reportedly",
    "further",
    "simply",
    "just",
    "now",
    "first",
    "exclusively",
    "finally",
    "only",
    "publicly",
    "repeatedly",
}
_PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f", "they": None}
_POSS_RE = re.compile(r"([^\s,;:]+?)['’]s?\s+((?:\w+\s+){0,2}?\w+)$")
_SENT_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bMr|\bMs|\bDr|\bSt)[.!?][\"”’']?\s+")
_CLAUSE_WORD = re.compile(r"\b(?:that|and|but|while|as|because|when|which|who)\s+(?=\S)")
_LINKS = {"to", "for", "of", "with", "near", "from", "at", "on", "in", "by", "about"}
_ROLE_BEFORE = re.compile(r"\b(\w+)\s*$")
_GENDER_WORDS: dict[str, str] = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "actress": "f",
    "actor": "m",
    "dad": "m",
    "father": "m",
    "mother": "f",
    "mom": "f",
    "son": "m",
    "daughter": "f",
    "wife": "f",
    "husband": "m",
    "brother": "m",
    "sister": "f",
    "businessman": "m",
    "businesswoman": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    "boyfriend": "m",
    "girlfriend": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "uncle": "m",
    "aunt": "f",
    "grandmother": "f",
    "grandfather": "m",
    "chairman": "m",
    "chairwoman": "f",
    "sir": "m",
    "lady": "f",
    "ex-husband": "m",
    "ex-wife": "f",
}


@dataclass(slots=True)
class _Span:
    """One direct quote: its content ranges (several when it runs over paragraphs)."""

    open: int  # position of the opening mark
    close: int  # position of the closing mark (or where the quote ran out)
    parts: list[tuple[int, int]]
    para_start: int


@dataclass(slots=True)
class _Who:
    speaker: str | None
    kind: SpeakerKind
    entity_id: str | None = None
    verb: str | None = None
    pronoun: str | None = None  # "he" when the attribution was a pronoun


class _Article:
    """One article's text with its entity mentions indexed by position."""

    def __init__(
        self, article: Article, entities: Sequence[Entity], genders: dict[str, str | None]
    ):
        self.a = article
        self.text = article.text
        self.doc: Doc | None = None  # the article's parse, when the brief has one
        self.by_end: dict[int, tuple[Entity, Mention]] = {}
        self.by_start: dict[int, tuple[Entity, Mention]] = {}
        self.persons: list[tuple[int, Entity]] = []
        self.orgs: list[tuple[int, Entity]] = []
        self.bodies: list[tuple[int, Entity]] = []  # any name but a person's, whatever its kind
        for e in entities:
            for m in e.mentions:
                if m.article_id != article.id:
                    continue
                self.by_end[m.end] = (e, m)
                self.by_start[m.start] = (e, m)
                if e.kind == "person":
                    self.persons.append((m.start, e))
                elif e.kind == "organization":
                    self.orgs.append((m.start, e))
                if e.kind != "person":
                    self.bodies.append((m.start, e))
        self.persons.sort(key=lambda p: p[0])
        self.orgs.sort(key=lambda p: p[0])
        self.bodies.sort(key=lambda p: p[0])
        self.person_starts = [p[0] for p in self.persons]
        self.person_ids = {e.id for _, e in self.persons}
        self.named_ids = self.person_ids | {e.id for _, e in self.bodies}
        self.genders = dict(genders)
        self.kin: dict[str, str] = {}  # entity id -> the full name a relative's mention implies
        paras = _paragraphs(self.text)
        spans = _double_spans(self.text, paras)
        spans += _single_spans(self.text, paras, spans)
        spans.sort(key=lambda s: s.open)
        self.spans = spans
        self.quoted = [(s.open, s.close + 1) for s in spans]

    def add_surnames(self, doc: Doc, entities: Sequence[Entity]) -> None:
        """Mentions the entity table missed: a person's surname alone where the parse reads a
        proper noun ("Christian told ..." of Michael Christian), when no other person of the
        story has that surname."""
        owners: dict[str, list[Entity]] = {}
        for e in entities:
            if e.kind == "person" and len(e.name.split()) > 1:
                # the surname, and a one-word form the story uses ("Cruz" of Cruz Riojas)
                for form in {e.name.split()[-1], *(v for v in e.variants if " " not in v)}:
                    owners.setdefault(form, []).append(e)
        taken = {m.start for _, m in self.by_end.values()}
        for t in doc:
            found = owners.get(t.text)
            if t.pos_ != "PROPN" or found is None or len(found) > 1 or t.idx in taken:
                continue
            if any(m.start <= t.idx < m.end for _, m in self.by_end.values()):
                continue  # part of a longer name ("Mr Christian Smith")
            m = Mention(self.a.id, -1, t.idx, t.idx + len(t.text), t.text)
            self.by_end[m.end] = self.by_start[m.start] = (found[0], m)
            self.persons.append((m.start, found[0]))
        self.persons.sort(key=lambda p: p[0])
        self.person_starts = [p[0] for p in self.persons]

    def add_kin(self, entities: Sequence[Entity]) -> None:
        """Relatives the text names by a given name alone ("Goldman's sister Kim"): their full
        name in `self.kin`, and a mention where the entity table has none, so that "she said"
        can find them."""
        for kin in kin_names(self.text, entities, self._surname_before):
            got = self.by_start.get(kin.start)
            if got is not None:
                if got[0].kind == "person" and " " not in got[0].name:
                    self.kin[got[0].id] = kin.full
                    self.genders[got[0].id] = kin.gender
                continue
            e = Entity(f"kin:{self.a.id}:{kin.start}", kin.full, "person", (kin.full,))
            m = Mention(self.a.id, -1, kin.start, kin.end, self.text[kin.start : kin.end])
            self.by_end[m.end] = self.by_start[m.start] = (e, m)
            self.persons.append((m.start, e))
            self.genders[e.id] = kin.gender
            self.kin[e.id] = kin.full
        self.persons.sort(key=lambda p: p[0])
        self.person_starts = [p[0] for p in self.persons]

    def _surname_before(self, pos: int) -> str | None:
        """The surname of the person named last before `pos` in its paragraph, if any."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        if i < 0 or "\n" in self.text[self.persons[i][0] : pos]:
            return None
        name = self.persons[i][1].name.split()
        return name[-1] if len(name) > 1 else None

    def mention_ending(self, end: int, start: int) -> tuple[Entity, Mention] | None:
        """The mention that ends at `end` and starts at or after `start`."""
        got = self.by_end.get(end)
        if got is not None and got[1].start >= start:
            return got
        return None

    def organisation(self, pos: int, modifier: str, noun: str) -> Entity | None:
        """The organisation "the company" (`noun`) refers to at `pos`: the last one named
        before it, outside quotes, whose name holds the noun ("the office" is the Consumer
        Product Safety Office), else for a generic noun the one named most often before it."""
        before = [e for start, e in self.orgs if start < pos and not self.inside_quote(start)]
        for e in reversed(before):
            words = e.name.lower().split()
            bare = words == [noun] and not e.name.isupper()  # "the Agency's inquiry"
            if noun in words and (not modifier or modifier in words) and not bare:
                return e  # "the fire service": the Brennick Fire and Rescue Service
        # "the company" says little: only a company the last lines called so
        reach = _NEAR_ORG if noun in _ORG_NOUNS else len(self.text)
        described = self._described_as(pos, noun, pos - reach)
        if described is not None:
            return described  # "the fraternity": "the fraternity Alpha Sigma Phi" before
        if not modifier and noun not in _ORG_NOUNS:
            kind = next((e for e in reversed(before) if _body_of_kind(e.name, noun)), None)
            if kind is not None:
                return kind  # "the school": the Catholic Academy; "the agency": the EPA
        if modifier or noun not in _ORG_NOUNS:
            return None
        if noun not in _ANY_BODY:
            # "the company" is no fire service, council or newspaper
            before = [
                e
                for e in before
                if e.name.lower().split()[-1] not in _NOT_COMPANY and e.name != self.a.source
            ]
        if not before:
            return None if noun in _ANY_BODY else self._unknown_place(pos)
        near = [e for start, e in self.orgs if pos - _NEAR_ORG <= start < pos and e in before]
        if near:
            return near[-1]  # the company the last sentences named
        # the organisation the article is about: named most often so far, the later on a tie
        counts = Counter(e.id for e in before)
        return max(reversed(before), key=lambda e: counts[e.id])

    def word(self, start: int, end: int) -> Token | None:
        """The one parsed word text[start:end] is, if the article is parsed and it is one."""
        span = self.doc.char_span(start, end) if self.doc is not None else None
        return span[0] if span is not None and len(span) == 1 else None

    def named_before(self, pos: int, name: str) -> Entity | None:
        """The last organisation named before `pos`, outside quotes, whose name holds `name`."""
        want = name.lower()
        for start, e in reversed(self.orgs):
            if start < pos and not self.inside_quote(start) and want in e.name.lower().split():
                return e
        return None

    def _unknown_place(self, pos: int) -> Entity | None:
        """For "the company" of an article that names no organisation, the "place" it names
        most that no gazetteer knows: a firm the name tagger took for a place ("Netflix")."""
        regions, cities = _gazetteer()
        named = [
            e
            for start, e in self.bodies
            if start < pos
            and e.kind == "place"
            and not self.inside_quote(start)
            and fold(e.name) not in regions
            and fold(e.name) not in cities
        ]
        if not named:
            return None
        counts = Counter(e.id for e in named)
        return max(reversed(named), key=lambda e: counts[e.id])

    def _described_as(self, pos: int, noun: str, lo: int = 0) -> Entity | None:
        """The last organisation before `pos` the text calls a `noun`: 'the fraternity Alpha
        Sigma Phi', 'carmaker Volkswagen', 'Wella, the company that ...'."""
        lead = re.compile(rf"\b{re.escape(noun)},?\s+$", re.IGNORECASE)
        tail = re.compile(rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(noun)}\b")
        text, here = self.text, self.a.id
        for start, e in reversed(self.bodies):  # the noun says what it is, whatever its kind
            if start >= pos or self.inside_quote(start):
                continue
            if start < lo:
                break
            end = next((m.end for m in e.mentions if m.article_id == here and m.start == start), 0)
            if lead.search(text, max(0, start - 40), start) or tail.match(text, end):
                return e
        return None

    def pair_before(self, pos: int) -> _Who | None:
        """The two people last named together before `pos`, outside quotes, as the parse
        joins them ("forensic anthropologist Matteo Borrini ... and organic chemist Luigi
        Garlaschelli"): who "the researchers" or "the pair" are."""
        doc = self.doc
        if doc is None:
            return None
        before = [(s, e) for s, e in self.persons if s < pos and not self.inside_quote(s)]
        for k in range(len(before) - 1, 0, -1):
            (s1, e1), (s2, e2) = before[k - 1], before[k]
            if e1.id == e2.id or " and " not in self.text[s1:s2]:
                continue
            h1, h2 = _name_head(doc, s1), _name_head(doc, s2)
            if h1 is None or h2 is None or h1.sent != h2.sent:
                continue
            # the second name hangs on the first through a coordination or an apposition
            link = h2
            while link.dep_ in {"conj", "appos"} and link.head is not link and link != h1:
                link = link.head
            if link == h1:
                return _Who(f"{e1.name} and {e2.name}", "named")
        return None

    def team_lead(self, pos: int) -> _Who | None:
        """The person last named before `pos` as leading a team: 'Bangalore and colleagues
        analyzed the data', so "the researchers" speak through Bangalore."""
        for start, e in reversed(self.persons):
            if start >= pos or self.inside_quote(start):
                continue
            end = next(
                (m.end for m in e.mentions if m.article_id == self.a.id and m.start == start), 0
            )
            if _TEAM.match(self.text, end):
                return _Who(e.name, "named", e.id)
        return None

    def person_described_as(self, pos: int, noun: str) -> Entity | None:
        """The last person named before `pos`, outside quotes, whom the text calls a `noun`
        in a title ("Sinn Féin leader Gerry Adams", "Sen. Elizabeth Warren") or an
        apposition ("Jim Leary, an archaeologist at ...")."""
        described = [e for start, e in self._described(noun) if start < pos]
        if not described:
            return None
        # of several so called, the one the article is about: "the president" is President
        # Trump of a story on him, though it named "President Barack Obama" since
        counts = Counter(e.id for _, e in self.persons)
        return max(reversed(described), key=lambda e: counts[e.id])

    def described_as(self, noun: str) -> list[Entity]:
        """Every person this article calls a `noun` in a title or an apposition."""
        return [e for _, e in self._described(noun)] if noun in self.text.lower() else []

    def _described(self, noun: str) -> list[tuple[int, Entity]]:
        """(where, person) for every mention outside quotes that the text calls a `noun`."""
        lead, tail = _description_patterns(noun)
        here = self.a.id
        out = []
        for start, e in self.persons:
            if self.inside_quote(start):
                continue
            end = next((m.end for m in e.mentions if m.article_id == here and m.start == start), 0)
            if lead.search(self.text, max(0, start - 40), start) or tail.match(self.text, end):
                out.append((start, e))
        return out

    def entity(self, entity_id: str) -> Entity:
        return next(e for _, e in self.persons if e.id == entity_id)

    def any_entity(self, entity_id: str) -> Entity:
        return next(e for _, e in self.persons + self.bodies if e.id == entity_id)

    def titled(self, role: str) -> Entity | None:
        """The one person the article gives a role of several words as a title ("Homeland
        Security Adviser Tom Bossert") or in an apposition ("Tom Bossert, the homeland
        security adviser"), before or after; None when nobody or several are."""
        lead = re.compile(
            rf"(?:\b{re.escape(role)}\s+|{_DESCRIBED}{re.escape(role)},\s+)$", re.IGNORECASE
        )
        tail = re.compile(
            rf",\s+(?:the|his|her|their|[\w.]+['’]s?)\s+{re.escape(role)}\b", re.IGNORECASE
        )
        found: dict[str, Entity] = {}
        for end, (e, m) in self.by_end.items():
            if e.kind != "person" or self.inside_quote(m.start):
                continue
            if lead.search(self.text, max(0, m.start - 60), m.start) or tail.match(self.text, end):
                found[e.id] = e
        return next(iter(found.values())) if len(found) == 1 else None

    def inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def pronoun(
        self, pos: int, gender: str | None, pronoun: str = "", nearest: bool = True
    ) -> Entity | None:
        """The person a pronoun at `pos` refers to: of those named before it, outside quotes,
        whose gender fits, the last subject of this or the previous sentence when the parse
        is known (news writing keeps its subject: 'Bird said Mr Wilson had ... He said:'),
        else (when `nearest`) the nearest."""
        fits: list[tuple[int, Entity]] = []
        i = bisect.bisect_left(self.person_starts, pos) - 1
        while i >= 0 and len(fits) < 6:
            start, e = self.persons[i]
            i -= 1
            g = self.genders.get(e.id)
            if not self.inside_quote(start) and (gender is None or g is None or g == gender):
                fits.append((start, e))
        if not fits:
            return self._cataphor(pos, gender) if i < 0 and nearest else None
        if self.doc is not None:
            subject = self._recent_subject(pos, fits, pronoun)
            if subject is not None:
                return subject
        return fits[0][1] if nearest else None

    def _cataphor(self, pos: int, gender: str | None) -> Entity | None:
        """For a pronoun before any person the article names (a page whose opening lines were
        cut), the first person named after it, close by, whose gender fits."""
        if any(start < pos for start, _ in self.persons):
            return None
        if self.doc is not None and any(t.pos_ == "PROPN" for t in self.doc if t.idx < pos):
            return None  # a name the table missed may come first: "In Krystal's suit, she"
        for start, e in self.persons:
            if start > pos + _CATAPHOR_REACH:
                return None
            g = self.genders.get(e.id)
            if start > pos and not self.inside_quote(start) and g in (None, gender):
                return e
        return None

    def _recent_subject(
        self, pos: int, fits: list[tuple[int, Entity]], pronoun: str
    ) -> Entity | None:
        doc = self.doc
        assert doc is not None
        here = doc.char_span(max(0, pos - 1), pos, alignment_mode="expand")
        if not here:
            return None
        sent = here[0].sent
        own = _reporter(here[0], fits)
        if own is not None:
            return own
        passed = 0  # sentences of narration passed: those inside a quotation do not count
        chained = 0  # sentences passed whose subject is the same pronoun: 'He said ... He added'
        while sent.start > 0 and (
            passed < _SUBJECT_REACH
            or (chained < _CHAIN_REACH and _pronoun_subject(sent) == pronoun)
        ):
            chained += passed >= _SUBJECT_REACH
            sent = doc[sent.start - 1].sent
            passed += not self.inside_quote(sent.start_char)
        lo = sent.start_char
        for start, e in fits:
            if start < lo:
                break
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            if not span:
                continue
            token = span[0]
            for _ in range(4):  # "Detective Constable Tim Bird": the name's head is its last word
                if token.dep_ != "compound":
                    break
                token = token.head
            if token.dep_ == "appos" and token.head.dep_ in _SUBJECTS:
                token = token.head  # "Campbell's mother, Patricia, spoke": the subject's name
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
                return e  # the main clause's subject, not one of a reported clause
        return None


def _reporter(pronoun: Token, fits: list[tuple[int, Entity]]) -> Entity | None:
    """In "Trump has ordered a plan, he said", the person whose clause the pronoun's speech
    verb reports: the subject of its reported clause."""
    if pronoun.dep_ not in _SUBJECTS:
        return None
    verb, sent = pronoun.head, pronoun.sent
    for start, e in fits:
        if start < sent.start_char:
            break
        token = next((t for t in sent if t.idx <= start < t.idx + len(t.text)), None)
        while token is not None and token.dep_ == "compound":
            token = token.head
        if token is not None and token.dep_ in _SUBJECTS and token.head.head == verb:
            if token.head.dep_ == "ccomp" and token.idx < verb.idx:
                return e
    return None


def _genders(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    annotations: Annotations | None = None,
) -> dict[str, str | None]:
    """Each person's grammatical gender where the text says it (given name, title, role, or a
    pronoun the parse makes the same person: "She was identified as Snochia Moseley")."""
    texts = {a.id: a.text for a in articles}
    out: dict[str, str | None] = {}
    for e in entities:
        if e.kind != "person":
            continue
        votes: dict[str, int] = {}
        for m in e.mentions:
            g = _named_as(annotations, m) if annotations is not None else None
            if g is not None:
                votes[g] = votes.get(g, 0) + 1
            before = texts.get(m.article_id, "")[max(0, m.start - 30) : m.start]
            w = _ROLE_BEFORE.search(re.sub(r"[\s.,]+$", "", before))  # "his girlfriend, Amber"
            if w and w.group(1).lower() in _GENDER_WORDS:
                g = _GENDER_WORDS[w.group(1).lower()]
                votes[g] = votes.get(g, 0) + 1
        if not votes:
            g0 = given_name_gender(e.name.split()[0]) if len(e.name.split()) > 1 else None
            if g0 in {"f", "m"}:
                votes[g0] = 1
        if len(votes) == 1:
            out[e.id] = next(iter(votes))
        else:
            out[e.id] = None
    return out


_PRONOUN_GENDER = {"she": "f", "he": "m"}


def _named_as(annotations: Annotations, m: Mention) -> str | None:
    """The gender of a pronoun whose clause names the person: "She was identified as X", "He
    is X" (the name after "as" or as the complement of the pronoun's verb)."""
    span = annotations.span(m.article_id, m.sentence)
    if span is None:
        return None
    doc = span.doc
    name = doc.char_span(m.start, m.end, alignment_mode="expand")
    if name is None:
        return None
    head = name.root
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        verb = head.head.head
    elif head.dep_ == "attr":
        verb = head.head
    else:
        return None
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head  # "identified by the sheriff's office as X": "as" hangs on "office"
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    return _PRONOUN_GENDER.get(subjects[0].lower_) if len(subjects) == 1 else None


def unattributed_quotes(sentences: Sequence[Sentence]) -> list[bool]:
    """Which sentences are someone's words with the speaker named elsewhere.

    News quotes run over several sentences and paragraphs ("She spent 10 days in Paris. The
    kids are growing up." / "However, Daniel will not ..."); only one sentence names the
    speaker. A sentence that starts inside an open quotation, or opens one it leaves open, and
    says nothing of who speaks would put a source's words in the summary as fact. A quotation
    is closed at a paragraph break (a continued quote re-opens with a mark) and after
    `_QUOTE_REACH` sentences, so one stray mark cannot swallow an article.
    """
    return [role not in (None, "closing") for role in quote_roles(sentences)]


def quote_roles(sentences: Sequence[Sentence]) -> list[str | None]:
    """Per sentence: None, "continued" (it carries on a quotation whose speaker the sentence
    just before names: 'He said: "We waited. | The bridge was shut."'), "opener" and
    "closing" (a quotation opened in one sentence and closed with its speaker in the next:
    '"We waited. | The bridge was shut," he said.'), or "unattributed" (any other quoted
    sentence without a speaker; see `unattributed_quotes`)."""
    out: list[str | None] = []
    inside = 0  # sentences since the open quotation began; 0 when outside
    named = False  # the sentence that opened the quotation names its speaker
    paragraph = None
    for s in sentences:
        if s.paragraph != paragraph or inside > _QUOTE_REACH:
            inside, paragraph = 0, s.paragraph
        started_inside = inside > 0
        inside_before = inside
        continues = inside == 2 and named  # the opener is the sentence just before
        opened = False
        outside: list[str] = []  # the sentence's words outside quotation marks
        start = 0
        for m in _QUOTE_MARKS.finditer(s.text):
            if not inside:
                outside.append(s.text[start : m.start()])
            if _opens(s.text, m.start(), inside > 0):
                inside, opened = 1, True
            else:
                inside = 0
            start = m.end()
        if not inside:
            outside.append(s.text[start:])
        # "“What we've asked the city for is simple ..." names no speaker: only words outside
        # the marks can
        speaks = bool(_SPEECH.search(" ".join(outside)))
        if speaks and started_inside and inside_before == 2 and out[-1] == "unattributed":
            out[-1] = "opener"  # the speaker comes in this sentence, which closes the quote
            out.append("closing")
        elif speaks or not (started_inside or (opened and inside > 0)):
            out.append(None)
        else:
            out.append("continued" if continues else "unattributed")
        if inside:
            named = speaks if inside == 1 else named
            inside += 1
    return out


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


def _clause_end(text: str, lo: int, hi: int) -> int:
    m = next(iter(_sentence_ends(text, lo, hi)), None)
    return m.start() + 1 if m else hi


# an aside in brackets after a name: a party and state ("(D-Hawaii)"), an age, a handle
_ASIDE = re.compile(r"\S\s*(\([^()]{1,30}\))$")


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
        if w in _ADVERBS or (w.endswith("ly") and len(w) > 4):
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
    if words[0].lower() not in _DETERMINERS:
        # a bare plural: "prosecutors", "fire officials", "legal experts"
        last = words[-1].lower()
        head = next((k for k, w in enumerate(words) if w.lower() in _PLACE_LINKS), len(words))
        if 0 < head < len(words) and len(words) <= 6:
            # a bare plural and where they are: "witnesses at the quay", "residents of Elm Row"
            last = words[head - 1].lower()
            words = words[:head]
        plural = last.endswith("s") or last in _COLLECTIVES
        if len(words) > 5 or last not in _SPEAKER_NOUNS or not plural:
            return None
        # longer only with a place or body first: "Kansas City robbery detectives"
        lead, tail = (words[:1], words[1:]) if len(words) <= 3 else (words[:-2], words[-2:])
        if len(words) > 3 and not all(w[:1].isupper() for w in lead):
            return None
        if any(w[:1].isupper() for w in tail):
            return None
        return phrase.strip(" ,") if len(words) > 3 else _uncapitalised(phrase.strip(" ,"))
    if not any(w.lower() in _SPEAKER_NOUNS for w in words[1:4]):
        return None
    return _uncapitalised(phrase.strip(" ,"))


def _uncapitalised(phrase: str) -> str:
    """A phrase as it reads mid-sentence: 'The spokesman' is 'the spokesman'; a phrase written
    in capitals ('OFFICIALS') is lowered whole, never 'oFFICIALS'."""
    if phrase.isupper():
        return phrase.lower()
    return phrase[0].lower() + phrase[1:] if phrase[:1].isupper() else phrase


class _Attributor:
    """Finds who a quote belongs to in one article."""

    def __init__(self, art: _Article) -> None:
        self.art = art
        self.text = art.text
        self.documents: list[tuple[int, _Who]] = []  # named statements and reports, by position
        self.spoken: list[tuple[int, Quote]] = []  # reported words so far, by where they end
        self.phrases: dict[int, str] = {}  # the words that named each document
        self.unnamed: list[tuple[int, str]] = []  # unnamed speakers met so far, by position
        self.plural: tuple[int, str] | None = None  # the last group that spoke: "investigators"
        self.absorbed: set[int] = set()  # sentences whose short quotations are reported speech

    def who(self, start: int, end: int, whole: bool) -> _Who | None:
        """The speaker named in text[start:end]; `whole`: the span must be the speaker only."""
        who = self._who(start, end, whole)
        if who is not None and who.kind == "named" and who.verb == "statement":
            self.documents.append((start, who))  # what "the statement" later refers to
            self.phrases[start] = self.text[start:end].lower()
        return who

    def _document_owner(self, start: int, end: int) -> _Who | None:
        """'a statement released by the Department of Defense', 'a report from the EPA': the
        named body or person whose document it is."""
        m = _DOCUMENT_OF.match(self.text, start, end)
        if m is None:
            return None
        got = self.art.mention_ending(end, m.end())
        if got is None or got[0].kind not in {"person", "organization"}:
            return None
        if self.text[m.end() : got[1].start].strip().lower() not in {"", "the"}:
            return None  # "a statement from several board members of Tesla"
        return _Who(got[0].name, "named", got[0].id, "statement")

    def document_before(self, pos: int, noun: str) -> _Who | None:
        """Whose statement or report (`noun`) the article last named before `pos`: one
        called by that noun if any ("the report" is the EPA report), else any."""
        before = sorted(((at, w) for at, w in self.documents if at < pos), key=lambda p: p[0])
        same = [p for p in before if noun in self.phrases.get(p[0], "").split()]
        if not before:
            return None
        prev = (same or before)[-1][1]
        return _Who(prev.speaker, prev.kind, prev.entity_id, "statement")

    def _who(self, start: int, end: int, whole: bool) -> _Who | None:
        text = self.text
        end = _trim_adverbs(text, start, end)
        seg = text[start:end]
        if not seg.strip():
            return None
        owner = self._document_owner(start, end) or self._possessed(seg, start, end, whole)
        if owner is not None:
            return owner
        own = re.fullmatch(r"\s*(his|her)\s+(?:[\w'’-]+\s+){0,2}?([\w'’-]+)\s*", seg, re.I)
        if own and own.group(2).lower() in _STATEMENT_NOUNS | {"quote", "words"}:
            # "His favorite quote was his own:", "Her statement said": the pronoun's person
            return self._pronoun("he" if own.group(1).lower() == "his" else "she", start)
        phrase, phrase_start = self._subject_phrase(seg, start, whole)
        unnamed = _np(phrase)
        named = self._named_speaker(seg, start, end, whole, unnamed is not None, phrase_start)
        if named is not None:
            return named
        words = re.findall(r"[\w'’-]+", seg)
        if words and words[-1].lower() in _PRONOUNS and (not whole or len(words) == 1):
            return self._pronoun(words[-1].lower(), end)
        if words and words[-1].lower() == "it" and (not whole or len(words) == 1):
            return self._it(start)
        # an unnamed source, from the start of its clause
        return self._unnamed(unnamed, start, end, phrase_start) if unnamed is not None else None

    def _possessed(self, seg: str, start: int, end: int, whole: bool) -> _Who | None:
        """A named owner's statement or role: "Hallin's statement", "Giercsh's attorney"."""
        pm = _POSS_RE.search(seg)
        if not pm:
            return None
        owner_end = start + pm.start(1) + len(pm.group(1))
        noun_words = pm.group(2).lower().split()
        got = self.art.mention_ending(owner_end, start)
        phrase_start = start + pm.start(1)
        if got is None or (whole and self.text[start:phrase_start].strip()):
            return None
        entity = got[0]
        if noun_words[-1] in _STATEMENT_NOUNS and len(noun_words) == 1:
            return _Who(entity.name, "named", entity.id, "statement")
        if noun_words[-1] in _ROLE_NOUNS:
            named = self._named_role(entity, noun_words[-1])
            if named is not None:
                return _Who(named.name, "named", named.id)
            return _Who(self.text[got[1].start : end], "unnamed")
        return None

    def _subject_phrase(self, seg: str, start: int, whole: bool) -> tuple[str, int]:
        """The clause's subject, for unnamed sources ("A source close to Rutherford tells"),
        and where it starts."""
        if whole:
            return seg, start
        # "One support worker, who asked not to be named, said": the clause's subject stands
        # before its relative clause
        subject = _RELATIVE_TAIL.sub("", seg)
        cut = max(subject.rfind(","), subject.rfind(";"), subject.rfind(":"), subject.rfind("—"))
        phrase, phrase_start = subject[cut + 1 :], start + cut + 1
        m = None if _relative_head(phrase) else _CLAUSE_WORD.search(phrase)
        while m:
            phrase, phrase_start = phrase[m.end() :], phrase_start + m.end()
            m = _CLAUSE_WORD.search(phrase)
        return phrase, phrase_start

    def _named_speaker(
        self, seg: str, start: int, end: int, whole: bool, unnamed: bool, phrase_start: int
    ) -> _Who | None:
        """A name right before the verb, or a name with an appositive ("X, a lawyer,"), unless
        an unnamed source is only linked to it ("a source close to Rutherford")."""
        text = self.text
        got = self.art.mention_ending(end, start)
        first, last = self._apposed(seg, start)
        if first is None or first[0].kind != "person":
            # "X, a scientist at Y, who works on Z, said": the appositive before the relative
            bare, _ = self._apposed(_RELATIVE_TAIL.sub(",", seg), start)
            first = bare if bare is not None and bare[0].kind == "person" else first
        if first is not None and first[0].kind == "person":
            # "Marcus Hale, an analyst at Greyline Research,": the person speaks, not the firm
            # that closes the appositive
            got = first
        if got is not None:
            # "Analyst Marcus Hale of Greyline Research said": the person of the firm speaks,
            # whatever the firm was taken for ("Superintendent Mark Fenley of the Greystone
            # Hills Forest said"), and so does "Jane Roe, wife of John Roe"
            got = self._person_of(start, got[1].start) or got
        if got is not None and unnamed and got[1].start > phrase_start:
            lead = re.findall(r"[\w'’-]+", text[phrase_start : got[1].start])
            if lead and lead[-1].lower() in _LINKS:
                got = None  # "a source close to Rutherford": the source speaks, not Rutherford
        if (
            got is None
            and first is not None
            and not (whole and text[start : first[1].start].strip())
        ):
            got = first  # "X, a lawyer, said"
        if got is None and last is not None and self._role_first(seg, last, whole):
            got = last  # the role first: "The returning officer, Gwen Tallis, told reporters"
        if got is None:
            return None
        entity, mention = got
        if entity.kind != "place" and (not whole or self._only_title(text[start : mention.start])):
            return _Who(entity.name, "named", entity.id)
        return None

    def _unnamed(self, name: str, start: int, end: int, phrase_start: int) -> _Who:
        """An unnamed source as written, or the document or person it refers back to."""
        if re.fullmatch(r"the (?:statement|report)", name, re.IGNORECASE):
            prev = self.document_before(start, name.split()[-1].lower())
            if prev is not None:
                return prev
        head = name.split()
        definite = _definite(self.art, name, start) or self.aged(name, phrase_start)
        if definite is not None:
            return definite
        if head[0].lower() == "the":
            # "the source" after "a source close to the investigation": the same source
            for pos, prev_name in reversed(self.unnamed):
                if pos < start and head[1:2] and head[1].lower() in prev_name.lower().split():
                    return _Who(prev_name, "unnamed")
        elif head[0].lower() in {"a", "an", "one"}:
            self.unnamed.append((start, name))
        if head[-1].lower() in _SPEAKER_NOUNS and head[-1].lower().endswith("s"):
            self.plural = (end, name)
        return _Who(name, "unnamed")

    def _person_of(self, start: int, org_start: int) -> tuple[Entity, Mention] | None:
        """The person named in text[start:org_start] and linked to the body named at
        `org_start`: "Mahmoud Abu Rahma of the Palestinian human rights group Al Mezan"."""
        for _, (e, m) in sorted(self.art.by_end.items()):
            if e.kind != "person" or not start <= m.start < m.end < org_start:
                continue
            if _LINKED.fullmatch(self.text, m.end, org_start):
                return e, m
        return None

    def aged(self, phrase: str, pos: int) -> _Who | None:
        """'"...," Sorkin said. The 44-year-old IT manager added:': a definite description by
        age is the person the sentences just before are about, when the parse says so."""
        words = phrase.lower().split()
        aged = re.match(r"the \d{1,3}-year-old\b(?:\s+[\w-]+){0,3}$", phrase, re.IGNORECASE)
        own = words[0] == "the" and len(words) <= 4 and words[-1] in _OWN_ROLES
        own = own and not re.search(r"['’]s?\b", phrase)  # "the regulator's chairman"
        # a nickname: 'The "Pluto killer" added:' after Brown's words
        nickname = re.match(r"the\s+(?:so-called\s+)?[\"“][^\"“”]{2,40}[\"”]?$", phrase, re.I)
        if not (aged or own or nickname) or self.art.doc is None:
            return None
        gender = _GENDER_WORDS.get(phrase.split()[-1].lower())
        pos += len(self.text[pos:]) - len(self.text[pos:].lstrip())
        e = self.art.pronoun(pos + 1, gender, nearest=False)  # from inside the phrase
        return _Who(e.name, "named", e.id) if e is not None else None

    def _noun_phrase(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] describes a speaker without a clause of its own: no sentence
        end but a title's or a company's period, and no verb where the parse is known."""
        for m in re.finditer(r"[.!?]", self.text[lo:hi]):
            if not _ABBREVIATION.search(self.text, max(0, lo + m.start() - 6), lo + m.start()):
                return False
        doc = self.art.doc
        if doc is None:
            return True
        span = doc.char_span(lo, hi, alignment_mode="expand")
        return span is None or not any(t.pos_ in {"VERB", "AUX"} for t in span)

    def _apposed(
        self, seg: str, start: int
    ) -> tuple[tuple[Entity, Mention] | None, tuple[Entity, Mention] | None]:
        """Around an appositive closed by the comma before the verb: the mention before it
        ("Marcus Hale" in "Marcus Hale, an analyst at Greyline Research,") and the one that
        closes it ("Gwen Tallis" in "The returning officer, Gwen Tallis,")."""
        inner = seg.rstrip()
        if not inner.endswith(","):
            return None, None
        inner = inner[:-1]
        comma = inner.rfind(",")
        if comma <= 0:
            return None, None
        first = self.art.mention_ending(start + len(inner[:comma].rstrip()), start)
        if first is None:
            # two appositives: "Liam Costigan, 34, from Carrickmoyle,": the name opens them
            lead = inner.find(",")
            if 0 < lead < comma:
                first = self.art.mention_ending(start + len(inner[:lead].rstrip()), start)
        return first, self.art.mention_ending(start + len(inner.rstrip()), start)

    @staticmethod
    def _role_first(seg: str, last: tuple[Entity, Mention], whole: bool) -> bool:
        """Whether `seg` is a role and then the name it gives: "the prosecutor, Mustafa
        Suleiman," (a person), "the statement from the network, Southern Cross Austereo,"
        (a body, when the whole span is the speaker)."""
        if not whole and last[0].kind == "person":
            return True
        head = seg[: seg.rstrip().rstrip(",").rfind(",")]
        if not whole:
            head = head[head.rfind(",") + 1 :]  # "In a statement, the station's owner, X,"
        return last[0].kind in {"person", "organization"} and _np(head) is not None

    @staticmethod
    def _only_title(text: str) -> bool:
        """True when the words before a name are at most a title or role."""
        words = re.findall(r"[\w'’-]+", text)
        # "chief fire officer Marta Ilves" is named; "a spokesperson for Acme" is not Acme
        return len(words) <= 5 and (not words or words[-1].lower() not in _LINKS)

    def pronoun_at(self, word: str, pos: int) -> _Who | None:
        """The person a "he" or "she" at `pos` refers to."""
        return self._pronoun(word, pos)

    def _pronoun(self, word: str, pos: int) -> _Who | None:
        if word == "they":
            # the group that spoke just before ("Investigators said ... Some of it went on a
            # holiday home, they said."); else left unresolved rather than guessed
            if self.plural is not None and 0 < pos - self.plural[0] <= _THEY_REACH:
                return _Who(self.plural[1], "unnamed")
            return None
        said = self._spoke_before(pos, _PRONOUNS[word])
        if said is not None:
            return _Who(said.speaker, "named", said.entity_id, pronoun=word)
        e = self.art.pronoun(pos, _PRONOUNS[word], word)
        if e is None:
            return None
        return _Who(e.name, "named", e.id, pronoun=word)

    def _it(self, pos: int) -> _Who | None:
        """The body an "it" that speaks at `pos` refers to: the nearest clause subject before
        it, in its paragraph or the one before, when that subject names an organisation ("The
        Daily Express newspaper headlined ... It said"); after any other subject (a person,
        "the report") "it" is left unresolved."""
        doc = self.art.doc
        if doc is None:
            return None
        paras = _paragraphs(self.text)
        k = next((i for i, (ps, pe) in enumerate(paras) if ps <= pos <= pe), 0)
        lo = paras[max(0, k - 1)][0] if paras else 0
        here = doc.char_span(lo, pos, alignment_mode="contract")
        for t in reversed(list(here or ())):
            if t.dep_ not in _SUBJECTS or self.art.inside_quote(t.idx) or t.lower_ == "it":
                continue
            who = _named_at(self.art, t) or _owner_named(self.art, t)
            if who is None or who.entity_id is None or who.entity_id in self.art.person_ids:
                return None
            return _Who(who.speaker, "named", who.entity_id, pronoun="it")
        return None

    def _spoke_before(self, pos: int, gender: str | None) -> Quote | None:
        """'Mattevi was released, according to Joyce. He said ...': the person whose reported
        words end the sentence just before a pronoun's, when no one else is named between."""
        before = [(end, q) for end, q in self.spoken if end <= pos]
        if not before:
            return None
        end, q = before[-1]
        between = self.text[end:pos]
        if len(between) > 200 or _SENT_END.search(between) or "\n\n" in between.strip():
            return None
        ids = self.art.person_ids | set(self.art.kin)
        if q.speaker_kind != "named" or q.entity_id not in ids:
            return None
        if any(end <= start < pos for start in self.art.person_starts):
            return None  # "Trump has ordered ..., he said": the reported clause names him
        g = self.art.genders.get(q.entity_id or "")
        return q if gender is None or g is None or g == gender else None

    def _named_role(self, owner: Entity, role: str) -> Entity | None:
        """The person this article names as the owner's attorney (or other role), if any."""
        text = self.text
        group = {"attorney", "lawyer", "counsel", "attorneys", "lawyers"}
        roles = group if role in group else {role}
        for end, (e, m) in self.art.by_end.items():
            if e.kind != "person" or e.id == owner.id:
                continue
            before = text[max(0, m.start - 60) : m.start]
            pm = re.search(r"([^\s,;:]+?)['’]s?\s+(\w+)\s*,?\s*$", before)
            if pm and pm.group(2).lower() in roles:
                owner_end = m.start - len(before) + pm.start(1) + len(pm.group(1))
                got = self.art.by_end.get(owner_end)
                if got is not None and got[0].id == owner.id:
                    return e
            after = text[end : end + 60]
            am = re.match(r",\s+([^\s,;:]+?)['’]s?\s+(\w+)", after)
            if am and am.group(2).lower() in roles:
                owner_end = end + am.start(1) + len(am.group(1))
                got = self.art.by_end.get(owner_end)
                if got is not None and got[0].id == owner.id:
                    return e
        return None

    def after(self, span: _Span, limit: int) -> _Who | None:
        """Attribution right after a quote: '," the insider says' or '," said Smith'."""
        text = self.text
        lo = span.close + 1
        hi = _clause_end(text, lo, limit)
        head = text[lo:hi]
        stripped = len(head) - len(head.lstrip(" ,—–-"))
        lo += stripped
        put = self._put_it(lo, hi) or self._quoted_as(lo, hi, after=True)
        if put is not None:
            return put
        if _WE_ARE_TOLD.match(text, lo, hi):
            return _Who("a source", "unnamed", None, "told")
        for vm in _VERB_RE.finditer(text, lo, hi):
            verb = vm.group().lower()
            if verb == "according to":
                got = self._according(vm.end(), hi)
                if got:
                    got.verb = "according to"
                return got
            if vm.start() == lo or not text[lo : vm.start()].strip():
                if verb in _TELL:
                    return None  # '"This Week," told Raddatz': whom one tells is no speaker
                # '," said a spokesperson for the council.'
                who_end = _name_end(text, vm.end(), hi)
                who = self.who(vm.end(), who_end, whole=True)
                if who is None or who.kind == "unnamed":
                    who = self._apposed_name(who_end, hi) or who
                if who is not None:
                    who.verb = self._verb_text(vm, who, hi)
                return who
            who = None
            if len(text[lo : vm.start()].split()) <= 10:
                who = self.who(lo, vm.start(), whole=True)
            if who is None and len(text[lo : vm.start()].split()) <= 16:
                who = self._described_person(lo, vm.start())
            if who is not None:
                who.verb = self._verb_text(vm, who, hi)
                who = self._officials_statement(who, lo)
            return who
        return self._any_verb(span, lo, hi)

    def _officials_statement(self, who: _Who, pos: int) -> _Who:
        """'"...," officials said in a statement.' after 'Humboldt County Sheriff's Office
        said in a statement that ...': bare officials are the body whose statement it is."""
        if who.kind != "unnamed" or (who.speaker or "").lower() not in {"officials", "authorities"}:
            return who
        if "statement" not in (who.verb or ""):
            return who
        prev = self.document_before(pos, "statement")
        if prev is None or prev.kind != "named" or prev.entity_id in self.art.person_ids:
            return who
        return _Who(prev.speaker, "named", prev.entity_id, who.verb)

    def _put_it(self, lo: int, hi: int) -> _Who | None:
        """'"... imagination," as Nozer Singpurwalla, a professor ..., put it': the one who
        put it so, named or unnamed; never a pronoun, which may point forward."""
        m = _PUT_IT.match(self.text, lo, hi)
        if m is None or m.group(1).lower() in _PRONOUNS:
            return None
        end = _name_end(self.text, m.start(1), m.end(1))
        who = self.who(m.start(1), end, whole=True)
        phrase = self.text[m.start(1) : end].split()
        if who is None and phrase[0].lower() in _DETERMINERS and len(phrase) <= 9:
            # whoever put it so spoke, whatever the noun: "a top EU legal adviser"
            who = _Who(_uncapitalised(" ".join(phrase)), "unnamed")
        if who is not None:
            who.verb = "put it"
        return who

    def _quoted_as(self, lo: int, hi: int, after: bool) -> _Who | None:
        """'the source quoted Sa'ar as saying', 'Reuters quoted the minister as saying:': the
        one quoted speaks, not the one quoting; `after`: the clause follows the quote."""
        m = _QUOTED_PASSIVE.match(self.text, lo, hi) if after else None
        m = m or _QUOTED_AS.search(self.text, lo, hi)
        if m is None or len(self.text[lo : m.start()].split()) > 8:
            return None
        if not after and self.text[m.end() : hi].strip(" ,:—–-\n"):
            return None  # more words between the clause and the quote
        who = self.who(m.start(1), m.end(1), whole=True)
        passive = m.re is _QUOTED_PASSIVE
        if who is None or (who.pronoun is not None and not passive):
            return None  # "she quoted him as saying": the pronoun is the one quoting
        who.verb = "quoted as saying"
        return who

    def _parsed_subject(self, vm: re.Match[str], lo: int) -> _Who | None:
        """The speech verb's own subject as the parse reads it, when a clause stands between
        it and the clause's start ('She said her dying mother had pulled her close and
        whispered, "..."'): the mother speaks, not "she"."""
        verb = self.art.word(vm.start(), vm.end())
        if verb is None:
            return None
        subject = _subject(verb)
        if subject is None or not lo <= subject.idx < vm.start() or subject.pos_ == "PRON":
            return None
        own = {t.i for t in subject.subtree}  # "one person briefed by police noted"
        if not any(
            t.pos_ == "VERB" and t.idx > subject.idx and t.i not in own
            for t in verb.doc[verb.sent.start : verb.i]
        ):
            return None  # no clause between: the rules read "X, a lawyer, said" as well
        start, end = _extent(subject)
        who = _subject_speaker(self, subject, start, end)
        return who if who is not None and who.speaker else None

    def _relative_subject(self, vm: re.Match[str], lo: int) -> _Who | None:
        """'Clark Davis, an organizer, who said to the officers, "...': the speech verb's
        subject is a relative pronoun in this clause; the speaker is the one it stands for."""
        verb = self.art.word(vm.start(), vm.end())
        if verb is None or verb.dep_ != "relcl":
            return None
        pronoun = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if pronoun is None or pronoun.tag_ != "WP" or not lo <= pronoun.idx < vm.start():
            return None
        head = _subject(verb)
        if head is None or head.pos_ not in {"PROPN", "NOUN"}:
            return None
        who = _subject_speaker(self, head, *_extent(head))
        return who if who is not None and who.speaker else None

    def _saying_of(self, lo: int, span: _Span) -> _Who | None:
        """'the famous dictum from Carl Sagan that "..."', 'a Lady Bird Johnson quote: "..."':
        a saying introduced as a named person's."""
        text = self.text
        m = _SAYING_FROM.search(text, lo, span.open)
        end = m.end(1) if m else -1
        if m is None:
            m = _SAYING_OF.search(text, lo, span.open)
            end = m.start(1) if m else -1
        got = self.art.mention_ending(end, lo) if m is not None else None
        if got is None or got[0].kind != "person":
            return None
        return _Who(got[0].name, "named", got[0].id, "quote")

    def _to_quote(self, lo: int, span: _Span) -> _Who | None:
        """'To quote Mr. West, "I am Warhol ..."': the one quoted, named or not."""
        m = _TO_QUOTE.search(self.text, lo, span.open)
        if m is None:
            return None
        who = self.who(m.start(1), m.end(1), whole=True)
        if who is None or who.pronoun is not None:
            return None
        who.verb = "quote"
        return who

    def apposed(self, comma: int, hi: int) -> tuple[_Who, int] | None:
        """The name apposed at `comma` and where its apposition ends: after the name, or
        after a dash-set description of it ("Dan Hooper — a senior scientist at ... —")."""
        got = self._apposed_mention(comma, hi)
        if got is None:
            return None
        end = got[1].end
        dash = re.match(r"\s*[—–][^—–]{1,200}[—–]", self.text[end:hi])
        return _Who(got[0].name, "named", got[0].id), end + (dash.end() if dash else 0)

    def _apposed_name(self, comma: int, hi: int) -> _Who | None:
        """The name a role is given right after its comma: '," said the lead author, Dr.
        Sripal Bangalore, an associate professor', '," wrote the chairman, Simon Glenarthur.'"""
        got = self._apposed_mention(comma, hi)
        return None if got is None else _Who(got[0].name, "named", got[0].id)

    def _apposed_mention(self, comma: int, hi: int) -> tuple[Entity, Mention] | None:
        """The person's or body's mention that stands alone right after the comma at `comma`."""
        text = self.text
        if text[comma : comma + 1] != ",":
            return None
        m = re.match(r",\s+(?:[A-Z][a-z]{1,3}\.\s+)?", text[comma:hi])
        got = self.art.by_start.get(comma + m.end()) if m else None
        if got is None or got[0].kind not in {"person", "organization"}:
            return None
        if not re.match(r"\s*(?:[,.;:!?—–]|$)", text[got[1].end : hi]):
            return None  # the name begins a clause of its own
        return got

    def _any_verb(self, span: _Span, lo: int, hi: int) -> _Who | None:
        """'"Says who?" Mr Cohen fired back.': the clause right after a quote that ends on a
        comma, question or exclamation mark attributes it, whatever its verb ("charged",
        "mused", "pledged"); its subject, as the parse reads it, speaks."""
        text, doc = self.text, self.art.doc
        if doc is None or text[span.close : span.close + 1] not in {'"', "”", "’", "'"}:
            return None
        if not text[: span.close].rstrip().endswith((",", "?", "!", "—", "-")):
            return None
        clause = doc.char_span(lo, hi, alignment_mode="expand")
        verb = next((t for t in clause or () if t.pos_ == "VERB"), None)
        if verb is None or verb.i - clause[0].i > 8:  # type: ignore[index]
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None or not lo <= subject.idx < hi:
            return None
        start, end = _extent(subject)
        who = _subject_speaker(self, subject, start, end)
        if who is not None:
            who.verb = verb.text
        return who

    def _described_person(self, lo: int, hi: int) -> _Who | None:
        """The person an attribution describes at length before its verb: '," bloodstain
        pattern expert Jonathyn Priest of Bevel, Gardner and Associates Inc. told': the first
        person named, unless a link word comes first ("a source close to X") or the name
        owns what follows ("X's lawyer")."""
        text = self.text
        if not self._noun_phrase(lo, hi):
            return None
        for start, e in self.art.persons:
            if start < lo:
                continue
            if start >= hi:
                break
            lead = re.findall(r"[\w'’-]+", text[lo:start])
            if any(w.lower() in _LINKS for w in lead) or self.art.inside_quote(start):
                return None
            here = self.art.a.id
            end = next((m.end for m in e.mentions if m.start == start and m.article_id == here), 0)
            if text[end : end + 2] in {"'s", "’s"}:
                return None
            return _Who(e.name, "named", e.id)
        return None

    def before(self, span: _Span, lo: int) -> _Who | None:
        """Attribution before a quote: 'X told ABC News, "' or 'which X says is "'."""
        text = self.text
        start = _clause_start(text, lo, span.open)
        quoted = (
            self._quoted_as(start, span.open, after=False)
            or self._to_quote(start, span)
            or self._saying_of(start, span)
        )
        if quoted is not None:
            return quoted
        verbs = list(_VERB_RE.finditer(text, start, span.open))
        for vm in reversed(verbs):
            tail = text[vm.end() : span.open]
            if len(tail.split()) > 14:
                break
            if vm.group().lower() == "according to":
                if text[_name_end(text, vm.end(), span.open)] in ".!?":
                    return None  # '..., he said, according to CNN. "Not saying ...': done
                got = self._according(vm.end(), span.open)
                if got:
                    got.verb = "according to"
                return got
            who = (
                self._parsed_subject(vm, start)
                or self._relative_subject(vm, start)
                or self.who(start, vm.start(), whole=False)
                or self._inverted(vm, span.open)
            )
            if who is not None:
                who.verb = self._verb_text(vm, who, span.open)
                return who
        return self._label(start, span.open)

    def _inverted(self, vm: re.Match[str], open_at: int) -> _Who | None:
        """'In practice, says Geronimo, "it probably ...': the speaker after the verb, when
        only the name and a comma or colon stand between the verb and the quote."""
        tail = self.text[vm.end() : open_at].rstrip()
        if vm.group().lower() not in {"says", "said"} or not tail.endswith((",", ":")):
            return None
        if not 1 <= len(tail.split()) <= 4:
            return None
        who = self.who(vm.end(), vm.end() + len(tail) - 1, whole=True)
        return who if who is not None and who.kind == "named" else None

    def _label(self, start: int, end: int) -> _Who | None:
        """A speaker's label before the quote, transcript style: 'Keilar: "You say ..."', or
        an interview's bare name after a finished sentence: '... in Idaho. Kenji Yaguchi "I
        wasn't in camp very long."'."""
        seg = self.text[start:end].rstrip()
        if len(seg.split()) > 5:
            return None
        if seg.endswith(":"):
            who = self.who(start, start + len(seg) - 1, whole=True)
            return who if who is not None and who.kind == "named" else None
        lead = start + len(seg) - len(seg.lstrip())
        if not re.search(r"(?:^|[.!?][\"”’']?)\s*$", self.text[max(0, lead - 3) : lead]):
            return None
        got = self.art.by_start.get(lead)
        if got is None or got[0].kind != "person" or got[1].end != start + len(seg):
            return None
        return _Who(got[0].name, "named", got[0].id)

    def _according(self, lo: int, hi: int) -> _Who | None:
        return self.who(lo, _name_end(self.text, lo, hi), whole=True)

    def _verb_text(self, vm: re.Match[str], who: _Who, limit: int) -> str:
        verb = vm.group()
        if verb.lower() in _TELL:
            verb += _listener(self.text, vm.end(), limit)
        verb = verb.lower() if verb[:1].isupper() and verb.lower() in _VERB_SET else verb
        if who.verb == "statement":
            return f"{self.document_noun(vm.start())} {verb}"
        return verb

    def document_noun(self, pos: int) -> str:
        """What kind of document speaks in the words just before `pos` ("the report reads"):
        shown beside the speaker; a statement when the words do not say."""
        m = _DOCUMENT_NOUN.search(self.text, max(0, pos - 40), pos)
        return m.group(1).lower() if m else "statement"


_DOCUMENT_NOUN = re.compile(
    r"\b(report|study|statement|letter|filing|release|notice|ruling|lawsuit|complaint|memo)\b"
    r"[^.;:!?\"“”]{0,25}$",
    re.IGNORECASE,
)
# '"...," as a top EU legal adviser put it': the words are the adviser's
_PUT_IT = re.compile(r"as\s+([^\s,.;:!?\"“”][^.;:!?\"“”]{0,150}?),?\s+put\s+it\b", re.IGNORECASE)
# "the source quoted Sa'ar as saying": the words are Sa'ar's
_QUOTED_AS = re.compile(
    r"\bquot(?:ed|es|e|ing)\s+([^\s,.;:!?\"“”][^.;:!?\"“”]{0,80}?)\s+as\s+(?:saying|telling)\b"
)
# '"...," Qolamhossein Mohseni-Ejei was quoted as saying by the Fars news agency'
_QUOTED_PASSIVE = re.compile(
    r"([^\s,.;:!?\"“”][^.;:!?\"“”]{0,80}?)\s+(?:was|is|were|has been)\s+quoted"
    r"(?:\s+[\w'’]+){0,4}?\s+as\s+(?:saying|telling)\b"
)
# '"He is forcing the matter to litigation," we're told.': an unnamed source told the outlet
_WE_ARE_TOLD = re.compile(r"(?:we|I)(?:['’]re|['’]m| are| am| were| was) told\b", re.IGNORECASE)
_SAYING_WORDS = r"(?:quote|quotation|dictum|saying|maxim|motto|adage)"
_SAYING_FROM = re.compile(
    rf"\b{_SAYING_WORDS}\s+(?:from|by|of)\s+(.{{2,40}}?)\s*(?:that\s*|[:,]\s*)?$"
)
_SAYING_OF = re.compile(rf"(?:['’]s)?(\s+{_SAYING_WORDS})\s*[:,]?\s*$")
_TO_QUOTE = re.compile(r"\b[Tt]o quote\s+([^,;:!?\"“”]{1,60}?)\s*[,:]\s*$")
# what a person is, not whom they speak for: "the U.N. chief" after "Ban Ki-moon called ..."
# is Ban Ki-moon ("the spokesman" after him would be someone else)
_OWN_ROLES = frozenset(
    "chief leader head executive president minister senator governor mayor judge director "
    "chairman chairwoman lawmaker congressman congresswoman actor actress singer star player "
    "coach scientist researcher professor astronomer author".split()
)
# a person's link to a body named a few words on: " of the human rights group "
_LINKED = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}")
_VERB_SET = set(_VERB.replace("(?:", "").replace(")", "").split("|"))


def _sentence_at(sents: Sequence[Sentence], starts: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return sents[0].index if sents else 0
    if pos >= sents[i].end and i + 1 < len(sents):
        return sents[i + 1].index
    return sents[i].index


def _quote_text(text: str, span: _Span) -> str:
    return " ".join(" ".join(text[s:e].split()) for s, e in span.parts).strip().rstrip(",")


# verbs of speech by lemma, for the parse: the subject of one of these outside a quote speaks it
_SPEECH_LEMMAS = frozenset(
    "say tell add explain state note write insist claim ask reply warn recall describe "
    "continue announce confirm deny admit argue suggest acknowledge comment declare testify "
    "post tweet recount remember complain joke quip urge concede respond answer stress "
    "report text email consider "
    # acts done in words: 'pledged to donate ..., "in the hope that ..."', 'called for "..."'
    "pledge vow promise call dub brand label praise criticize criticise condemn blast slam "
    "apologize apologise thank".split()
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SUBJECT_REACH = 1  # sentences of narration back a pronoun looks for the subject it continues
_CHAIN_REACH = 3  # further sentences back, while each one's subject is the same pronoun


def _pronoun_subject(sent: Span) -> str | None:
    """The main clause's subject of a sentence when it is a pronoun ("he"), else None."""
    subject = next((t for t in sent.root.children if t.dep_ in _SUBJECTS), None)
    return subject.lower_ if subject is not None and subject.pos_ == "PRON" else None


def _parsed(attr: _Attributor, doc: Doc, span: _Span) -> _Who | None:
    """The speaker as the parse reads it: the subject of a speech verb outside the quote, in
    the sentence that holds the quote ('"...," the 61-year-old, who ..., later told police')."""
    lo, hi = span.open, span.close + 1
    tokens = [t for t in doc if lo <= t.idx < hi]
    if not tokens:
        return None
    first = tokens[0].sent
    sentences = [(first, False), (tokens[-1].sent, False)]
    if first.start > 0 and doc[first.start - 1].sent.text.rstrip(" \"“”'").endswith(":"):
        sentences.insert(0, (doc[first.start - 1].sent, True))  # 'One investor said: | "..."'
    heads = {a.i for t in tokens for a in t.ancestors}
    # the parse may run a sentence over a paragraph break; an attribution never does
    para_end = attr.text.find("\n", hi)
    para = (span.para_start, len(attr.text) if para_end < 0 else para_end)
    for sent, introduces in sentences:
        for verb in sent:
            if not _speaks(verb) or lo <= verb.idx < hi:
                continue
            if not introduces and not para[0] <= verb.idx < para[1]:
                continue
            if not introduces and verb.i not in heads:
                continue  # the quote must hang on the verb: '"...," he said', 'called it "..."'
            subject = _subject(verb)
            if subject is None or lo <= subject.idx < hi:
                continue
            start, end = _extent(subject)
            who = _subject_speaker(attr, subject, start, end)
            if who is None and subject.pos_ == "NOUN":
                # a common noun that speaks is an unnamed source: "One senior investor said:",
                # unless it is "the fraternity" that the text has named
                phrase = attr.text[start:end]
                who = (
                    _definite(attr.art, phrase, start)
                    or attr.aged(phrase, start)
                    or _body_named(attr.art, subject)
                    or _Who(phrase, "unnamed")
                )
            if who is None and subject.pos_ == "PROPN":
                who = _proper_name(subject)
            if who is not None:
                who.verb = who.verb or verb.text
                return who
    return None


# a body that its name, written before the noun, names: "the Traditional Unionist Voice party"
_NAMED_BODIES = frozenset(
    "party group organisation organization charity union association movement coalition "
    "alliance campaign network company firm agency newspaper magazine".split()
)


def _body_named(art: _Article, head: Token) -> _Who | None:
    """A body the subject names by the proper nouns before its lower-case kind noun ("the
    Traditional Unionist Voice party said"): those words are its name. Not "the Trump
    campaign": a person's name before the noun names whose body it is."""
    if head.lower_ not in _NAMED_BODIES or not head.text.islower():
        return None
    doc, k = head.doc, head.i - 1
    while k >= head.sent.start and doc[k].dep_ == "compound" and doc[k].pos_ == "PROPN":
        k -= 1
    parts = doc[k + 1 : head.i]
    if not len(parts) or not all(t.text[:1].isupper() for t in parts):
        return None
    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
    got = art.mention_ending(end, start)
    if got is not None and got[0].kind == "person":
        return None
    name = got[0].name if got is not None else art.text[start:end]
    return _Who(name, "named", got[0].id if got is not None else None)


def _speaks(verb: Token) -> bool:
    """Whether a verb reports speech: a speech verb, or one its own participle of speech
    makes so ('Wyatt called the trial "...", saying that ...')."""
    if verb.lemma_ in _SPEECH_LEMMAS:
        return True
    return verb.pos_ == "VERB" and any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_ in {"say", "add"} for c in verb.children
    )


def _subject_speaker(attr: _Attributor, subject: Token, start: int, end: int) -> _Who | None:
    """Who a verb's subject phrase text[start:end] is; a name holding its head word wins over
    an unnamed reading of a phrase cut short ("The California Department" of Transportation)."""
    who = attr.who(start, end, whole=True)
    if who is None or who.kind == "unnamed":
        who = (
            _named_at(attr.art, subject)
            or _owner_named(attr.art, subject)
            or _named_role(attr.art, subject, start)
            or who
        )
    return who


def _named_role(art: _Article, head: Token, start: int) -> _Who | None:
    """A full name run into its role without a comma ("said Conor Lloyd spokesperson for the
    college"): that person. Not "a Trump spokesman": a determiner makes the name the owner."""
    if head.lower_ not in _ROLE_NOUNS or any(c.dep_ in {"det", "poss"} for c in head.children):
        return None
    first = head.doc[head.left_edge.i]
    if first.pos_ != "PROPN" or first.idx != start:
        return None
    tagged = first.ent_type_ == "PERSON"  # the table may have typed the name "other"
    for e, m in art.by_end.values():
        person = tagged or e.id in art.person_ids
        if m.start == start and person and " " in art.text[m.start : m.end]:
            return _Who(e.name, "named", e.id)
    return None


# what a body is or puts out, named by the body's name before it: "the Daily Express newspaper"
_BODY_HEADS = frozenset(
    "newspaper paper magazine website network station channel agency company firm "
    "statement report study release".split()
)


def _owner_named(art: _Article, head: Token) -> _Who | None:
    """The organisation whose name modifies a body's or a document's noun: 'the
    Brexit-supporting Daily Express newspaper' is the Daily Express."""
    if head.lower_ not in _BODY_HEADS:
        return None
    for part in head.lefts:
        if part.dep_ == "compound":
            who = _named_at(art, part)
            if who is not None and who.entity_id not in art.person_ids:
                return who
    return None


def _named_at(art: _Article, token: Token) -> _Who | None:
    """The person or organisation whose mention holds this token: the subject's head is a
    name whatever words describe it first ('bloodstain pattern expert Jonathyn Priest')."""
    for e, m in art.by_end.values():
        if m.start <= token.idx < m.end and e.kind in {"person", "organization"}:
            return _Who(e.name, "named", e.id)
    return None


# a source named by a first name or a letter only, to keep them anonymous
_ANONYMITY = re.compile(
    r"\b(?:(?:did not|didn't|does not|doesn't) (?:want|wish) to (?:share|give|be)|asked not to "
    r"be|identified only|only identified|declined to (?:give|share|be)|gave only|only gave"
    r"|would not give|wouldn't give)\b",
    re.IGNORECASE,
)


def _anonymous(doc: Doc, name: str) -> bool:
    """Whether the sentence that first names `name`, a first name or a letter alone, says the
    rest of the name is withheld."""
    if not name or " " in name:
        return False
    at = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text)
    if at is None:
        return False
    here = doc.char_span(at.start(), at.end(), alignment_mode="expand")
    return here is not None and bool(_ANONYMITY.search(here[0].sent.text))


def _name_head(doc: Doc, start: int) -> Token | None:
    """The head word of the name that starts at `start` ("Borrini" of "Matteo Borrini")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    head = span[0] if span else None
    for _ in range(4):
        if head is None or head.dep_ != "compound":
            break
        head = head.head
    return head


def _proper_name(head: Token) -> _Who | None:
    """A speaker the text names that the entity table lacks ('said Christian'): the proper
    noun with its compound parts, as written."""
    parts = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    if parts[0].i + len(parts) - 1 != head.i or not all(t.text[:1].isupper() for t in parts):
        return None
    if head.ent_type_ not in {"", "PERSON", "ORG", "NORP"}:
        return None  # "Monday said", a place or a date
    return _Who(" ".join(t.text for t in parts), "named")


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a participle ('..., saying: "..."') its clause's subject."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and verb.lemma_ == "tell" and subject.i > verb.i:
            subject = _fronted_subject(verb)  # 'X, who ... "This Week," told Raddatz': a slip
        if subject is not None and subject.tag_ == "WP" and verb.dep_ == "relcl":
            # 'Clark Davis, an organizer, who said to ...': the one the clause is about
            subject = verb.head.head if verb.head.dep_ == "appos" else verb.head
        if subject is not None or verb.dep_ not in {"advcl", "xcomp", "conj"}:
            return subject
        verb = verb.head
    return None


def _fronted_subject(verb: Token) -> Token | None:
    """For a 'tell' whose parsed subject follows it ('... told Raddatz', whom one tells), the
    first subject before it in its own clause: the parse hung it on a verb inside."""
    return next(
        (
            t
            for t in verb.sent
            if t.i < verb.i and t.dep_ in _SUBJECTS and t.pos_ in {"PROPN", "NOUN"}
            and verb in t.ancestors
        ),
        None,
    )


def _extent(head: Token) -> tuple[int, int]:
    """Character span of a subject's phrase, up to its head noun: no relative clause,
    appositive or prepositional phrase after it ('Chad Eliason of the Field Museum')."""
    end = head.idx + len(head.text)
    for t in head.subtree:
        if t.i > head.i and t.dep_ in {"relcl", "appos", "punct", "acl", "prep"}:
            break
        end = max(end, t.idx + len(t.text))
    return head.left_edge.idx, end


# words a title leaves in lower case: "Raise One to Right Now", "Vision and Values Statement"
_TITLE_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or the to up via with vs".split()
)


def _a_title(words: str) -> bool:
    """A quotation that names a work, a campaign or a show, not words spoken: "I Feel Pretty",
    "Star Trek: The Next Generation" (two to eight words, every word but the small ones
    capitalised, not a line in capitals, no sentence end)."""
    toks = re.findall(r"[A-Za-z0-9][\w'’&-]*", words)
    if not 2 <= len(toks) <= 8 or words.rstrip(" ,").endswith((".", "!", "?")):
        return False
    if all(t.isupper() for t in toks if t.isalpha()):
        return False  # "MOST OF THE AREA WILL BE UNINHABITABLE": a shouted line is speech
    big = [t for t in toks if t.lower() not in _TITLE_SMALL]
    return bool(big) and all(t[0].isupper() or t[0].isdigit() for t in big)


def _in_headline(text: str, span: _Span) -> bool:
    """Whether the words before a quote in its paragraph are in title case too: a headline's
    quote ("Torres Says the Closure Has 'Cost the Town Everything'") is speech."""
    lead = re.findall(r"[A-Za-z][\w'’-]*", text[span.para_start : span.open])
    big = [t for t in lead if t.lower() not in _TITLE_SMALL]
    return len(big) >= 2 and sum(t[0].isupper() for t in big) >= 0.75 * len(big)


def _direct(
    art: _Article,
    attr: _Attributor,
    sents: Sequence[Sentence],
    starts: list[int],
    reported: Sequence[tuple[int, Quote]] = (),
    doc: Doc | None = None,
) -> list[tuple[int, Quote]]:
    text = art.text
    paras = _paragraphs(text)
    spans = art.spans
    out: list[tuple[int, Quote]] = []
    prev: tuple[_Span, _Who] | None = None
    for k, span in enumerate(spans):
        words = _quote_text(text, span)
        if not words or (_a_title(words) and not _in_headline(text, span)):
            continue
        nxt = spans[k + 1].open if k + 1 < len(spans) else len(text)
        para_end = next((pe for ps, pe in paras if ps <= span.close <= pe), len(text))
        who = _same_speaker(art, attr.after(span, min(nxt, para_end)), prev, span)
        if who is None:
            lo = (
                spans[k - 1].close + 1
                if k > 0 and spans[k - 1].close >= span.para_start
                else (span.para_start)
            )
            who = attr.before(span, lo)
        if who is None and prev is not None and prev[0].close >= span.para_start:
            # news style: a quote with no attribution continues the last speaker's paragraph,
            # unless a clause of its own introduces it ('Stony Brook has also issued a
            # statement: "..."')
            if doc is not None and text[prev[0].close + 1 : span.open].rstrip().endswith(":"):
                who = _colon_intro(attr, doc, span)
            if who is None:
                who = _Who(prev[1].speaker, prev[1].kind, prev[1].entity_id, prev[1].verb)
        if who is None:
            # ... or the speaker whose words the paragraph has just reported: 'Liam Costigan
            # said he had been rationing his tablets. "I take one a day instead of two."'
            told = [q for at, q in reported if span.para_start <= at < span.open and q.speaker]
            if told:
                last = told[-1]
                who = _Who(last.speaker, last.speaker_kind, last.entity_id, last.verb)
        if (who is None or who.speaker is None) and doc is not None:
            who = _parsed(attr, doc, span) or who
        if who is None:
            found = [*reported, *out]
            who = _unattributed(attr, span, len(words.split()) >= 4, found, sents, doc)
        if who is None:
            if len(words.split()) < 4:
                continue  # a scare quote or a title, not speech
            who = _Who(None, "unresolved")
        if who.speaker is None:
            who = _Who(None, "unresolved", None, who.verb)
        if who.kind == "named" and doc is not None and _anonymous(doc, who.speaker or ""):
            who.kind = "unnamed"  # "a witness, Bo, who did not want to share his last name"
        if doc is not None and _outlet_quoting(who, text, span):
            # ... whose words are those of the person the narration is about
            about = _narration_subject(attr, doc, span, anywhere=True)
            if about is not None and about.entity_id in art.person_ids:
                who = _Who(about.speaker, "named", about.entity_id, who.verb)
        if who.verb and "statement" in who.verb and who.kind == "named":
            attr.documents.append((span.open, who))
        prev = (span, who)
        q = Quote(
            words,
            who.speaker,
            who.kind,
            art.a.id,
            art.a.source,
            _sentence_at(sents, starts, span.open),
            who.entity_id,
            who.verb,
            True,
        )
        out.append((span.open, q))
    return out


_CALL_LETTERS = re.compile(r"[KW][A-Z]{2,3}(?:-TV|-FM)?")


def _outlet_quoting(who: _Who, text: str, span: _Span) -> bool:
    """Whether a news outlet is given words in the first person singular ('WOFL says, "She
    still looked at him ... I went to JCPenney"'): a paper or a station reports someone's
    words, it does not speak as "I"."""
    name = who.speaker or ""
    if who.kind != "named" or not _FIRST_SINGULAR.search(text, span.open, span.close):
        return False
    words = name.lower().split()
    return bool(_CALL_LETTERS.fullmatch(name)) or bool(words and words[-1] in _MASTHEADS)


_FIRST_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my)\b")


def _same_speaker(
    art: _Article, who: _Who | None, prev: tuple[_Span, _Who] | None, span: _Span
) -> _Who | None:
    """'"No," the executive answered. "Cross-selling is ...," he continued': a pronoun
    that speaks right after a named person's quote in the same paragraph is that person."""
    if who is None or who.pronoun not in {"he", "she"} or prev is None:
        return who
    last_span, last = prev
    if last_span.close < span.para_start or last.kind != "named" or last.entity_id is None:
        return who
    if last.entity_id not in art.person_ids and not last.entity_id.startswith("kin:"):
        return who  # a body's words before: "he" is someone else
    gender = art.genders.get(last.entity_id)
    if gender is not None and gender != _PRONOUNS[who.pronoun]:
        return who
    return _Who(last.speaker, "named", last.entity_id, who.verb, who.pronoun)


def _unattributed(
    attr: _Attributor,
    span: _Span,
    long: bool,
    found: Sequence[tuple[int, Quote]],
    sents: Sequence[Sentence],
    doc: Doc | None,
) -> _Who | None:
    """The speaker of a quote no verb attributes, from what comes before it; `long`: the quote
    is long enough to be speech, not a scare quote or a title."""
    who = None
    if long and (_opens_paragraph(attr.text, span) or _verbless_lead(doc, span)):
        # news style: a quote paragraph of its own goes on with the speaker whose words
        # close the paragraph before ('Mr Lloyd added that ...' | '"There are ..."')
        who = _last_speaker(_paragraphs(attr.text), span, found, sents)
    if who is None and doc is not None:
        who = _colon_intro(attr, doc, span)
    if who is None and long and doc is not None:
        who = _comma_intro(attr, doc, span)
    if who is None and long and doc is not None:
        who = _narration_subject(attr, doc, span)
    return who


def _opens_paragraph(text: str, span: _Span) -> bool:
    return not text[span.para_start : span.open].strip()


def _verbless_lead(doc: Doc | None, span: _Span) -> bool:
    """Whether only a short adjunct with no verb leads into a quote that opens its paragraph
    otherwise: 'Also as part of the settlement, "Magnolia will ..."'."""
    if doc is None:
        return False
    lead = doc.text[span.para_start : span.open].rstrip()
    if not lead.endswith(",") or len(lead.split()) > 8:
        return False
    words = doc.char_span(span.para_start, span.para_start + len(lead), alignment_mode="expand")
    return words is not None and not any(t.pos_ in {"VERB", "AUX"} for t in words)


def _last_speaker(
    paras: list[tuple[int, int]],
    span: _Span,
    found: Sequence[tuple[int, Quote]],
    sents: Sequence[Sentence],
) -> _Who | None:
    """The speaker of the words that end the paragraph before this quote's, if any."""
    k = next((i for i, (ps, _) in enumerate(paras) if ps == span.para_start), 0)
    if k == 0:
        return None
    ps, pe = paras[k - 1]
    last = [s.index for s in sents if ps <= s.start < pe]
    said = [q for at, q in found if ps <= at < pe and q.speaker]
    if not last or not said or said[-1].sentence != last[-1]:
        return None  # narration came between the words and this quote
    q = said[-1]
    return _Who(q.speaker, q.speaker_kind, q.entity_id, q.verb)


def _colon_intro(attr: _Attributor, doc: Doc, span: _Span) -> _Who | None:
    """'Ben Barboza expressed his grief in a post on Facebook: "..."': a quote a colon
    introduces is the words of the introducing clause's subject, whatever its verb."""
    text = attr.text
    lead = text[span.para_start : span.open].rstrip()
    at = span.para_start + len(lead) - 1
    if not lead:
        # the quote opens its paragraph: 'Goddard's lawyers responded Monday with a
        # statement:' closes the paragraph before
        at = len(text[: span.para_start].rstrip()) - 1
    if at < 0 or text[at] != ":":
        return None
    return _intro_subject(attr, doc, at)


def _comma_intro(attr: _Attributor, doc: Doc, span: _Span) -> _Who | None:
    """'Graber felt something needed to be done so, "I went to ..."': a long quote in the
    first person after a comma that closes a clause of its paragraph is the words of that
    clause's subject, when the subject is named (or a pronoun of a named person)."""
    lead = attr.text[span.para_start : span.open].rstrip()
    if not lead.endswith(",") or not _FIRST_PERSON.search(attr.text, span.open, span.close):
        return None  # words not in the first person may be a title, a motto, a document's
    who = _intro_subject(attr, doc, span.para_start + len(lead) - 1, span.para_start)
    return who if who is not None and who.kind == "named" else None


def _intro_subject(attr: _Attributor, doc: Doc, at: int, lo: int = 0) -> _Who | None:
    """The subject of the clause that the colon or comma at `at` closes, as its speaker;
    its verb at or after `lo` (the parse may run a sentence over a paragraph break)."""
    mark = doc.char_span(at, at + 1)
    if mark is None or mark[0].i == 0:
        return None
    verb = doc[mark[0].i - 1].sent.root
    if attr.art.inside_quote(verb.idx):
        # the parse made the quote the sentence's main clause: the introducing verb is the
        # first one with a subject above the words before the mark ("His favorite quote
        # was his own:", "Graber felt something needed to be done so,")
        verb = doc[mark[0].i - 1]
        for _ in range(6):
            if verb.pos_ in {"VERB", "AUX"} and _subject(verb) is not None or verb.head is verb:
                break
            verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or attr.art.inside_quote(verb.idx) or verb.idx < lo:
        return None
    who = _subject_who(attr, verb)
    if who is not None and verb.lemma_ in _SPEECH_LEMMAS:
        who.verb = who.verb or verb.text
    return who


def _subject_who(attr: _Attributor, verb: Token) -> _Who | None:
    """Who the subject of `verb` is: a named person or body, a pronoun's person, or an
    unnamed source ("the school", "a spokesman")."""
    subject = _subject(verb)
    if subject is None:
        return None
    if subject.lower_ in {"he", "she"}:
        return attr.pronoun_at(subject.lower_, subject.idx)
    start, end = _extent(subject)
    who = _subject_speaker(attr, subject, start, end)
    if who is None and subject.pos_ == "PROPN":
        who = _proper_name(subject)
    if who is None and subject.pos_ == "NOUN":
        who = _definite(attr.art, attr.text[start:end], start)
    return who


# the words newspapers' names end in: "the newspaper" is the North Coast Journal
_MASTHEADS = frozenset(
    "journal times post herald tribune gazette news chronicle express mail telegraph guardian "
    "globe observer standard star sun courier ledger inquirer register examiner dispatch "
    "independent mirror bulletin".split()
)
# "Bangalore and colleagues": a research team by its lead
_TEAM = re.compile(r"\s+and\s+(?:his\s+|her\s+)?(?:colleagues|team|co-?authors|collaborators)\b")
_RESEARCHERS = frozenset({"researchers", "scientists", "authors"})
# a body's name that says what the body is without the noun: "the school" is an Academy
_BODY_KINDS = {
    "school": {"academy", "college", "school", "elementary", "high"},
    "hospital": {"clinic", "infirmary", "hospital"},
    "network": {"radio", "tv", "television", "broadcasting", "media", "network"},
    "station": {"radio", "tv", "fm", "am"},
    "university": {"college", "university", "institute"},
    "newspaper": _MASTHEADS,
}


def _body_of_kind(name: str, noun: str) -> bool:
    """Whether an organisation's name says it is a `noun`, without the noun itself: 'the
    school' of the Pope John Paul II Catholic Academy, 'the agency' of the EPA (an acronym
    whose last letter is the noun's initial: Agency, Board, Commission)."""
    words = set(name.lower().replace("’", "'").split())
    if words & _BODY_KINDS.get(noun, set()):
        return True
    letters = name.replace(".", "")
    return (
        noun in _ACRONYM_NOUNS
        and 2 <= len(letters) <= 6
        and letters.isalpha()
        and letters.isupper()
        and letters[-1] == noun[0].upper()
    )


# what a body publishes and the news quotes: "the EPA report" says what the EPA says
_DOCUMENT_NOUNS = frozenset({"report", "study", "release", "filing", "notice", "ruling"})
_ACRONYM_NOUNS = frozenset(
    "agency board commission committee council department service administration authority "
    "bureau office institute union association organization organisation".split()
)


def _definite_org(art: _Article, phrase: str, pos: int) -> Entity | None:
    """The organisation "the company" or "the academy" at `pos` refers to, if any."""
    dm = _DEFINITE_ORG.fullmatch(phrase)
    return art.organisation(pos, *map(str.lower, dm.groups(""))) if dm else None


_OFFICIALS = re.compile(
    r"(?:the )?([\w-]+)(?:['’]s?)? (?:officials|spokespeople|representatives)", re.IGNORECASE
)


def _officials_of(art: _Article, phrase: str, pos: int) -> Entity | None:
    """The body whose officials speak for it: "sheriff's officials" are the Humboldt County
    Sheriff's Office the article named, "EPA officials" the EPA."""
    m = _OFFICIALS.fullmatch(phrase.strip())
    if m is None:
        return None
    word = m.group(1).lower()
    for start, e in reversed(art.orgs):
        if start >= pos or art.inside_quote(start):
            continue
        if word in re.sub(r"['’]s\b", "", e.name.lower()).split():
            return e
    return None


def _definite(art: _Article, phrase: str, pos: int) -> _Who | None:
    """The named body or person a definite description at `pos` refers to: "the company",
    "the senator" (after "Sen. Elizabeth Warren"), "the Sinn Féin leader" (after "Sinn Féin
    leader Gerry Adams")."""
    org = _definite_org(art, phrase, pos) or _officials_of(art, phrase, pos)
    if org is not None:
        return _Who(org.name, "named", org.id)
    words = phrase.split()
    if len(words) == 3 and words[0].lower() in {"a", "an", "the"}:
        named_doc = words[2].lower() in _DOCUMENT_NOUNS and words[1] != words[1].lower()
        if words[2].lower() in _STATEMENT_NOUNS or named_doc:
            # "a police statement": the statement of the police force the article named;
            # "the EPA report" is the EPA's, "the police report" a kind of document
            body = art.organisation(pos, "", words[1].lower())
            if body is None and named_doc:
                body = art.named_before(pos, words[1])  # "the iSight report": iSight's
            if body is not None:
                return _Who(body.name, "named", body.id, "statement")
    role = _role_words(words)
    titled = art.titled(role) if role else None
    if titled is not None:
        return _Who(titled.name, "named", titled.id)
    if len(words) < 2 or len(words) > 5 or words[0].lower() != "the":
        return None
    noun = words[-1].lower()
    if noun in _PAIR_NOUNS or (noun.endswith("s") and noun in _SPEAKER_NOUNS):
        # "the researchers": "Matteo Borrini and Luigi ...", or "Bangalore and colleagues"
        pair = art.pair_before(pos)
        return pair if pair is not None or noun not in _RESEARCHERS else art.team_lead(pos)
    if noun.endswith("s") or noun in _NO_ONE:
        return None  # a group, an anonymous source or a document, not one named person
    person = art.person_described_as(pos, noun)
    return _Who(person.name, "named", person.id) if person is not None else None


@lru_cache(maxsize=256)
def _description_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The text before a name that titles it a `noun` ("Sen. ", "her father, "), and after
    it in apposition (", an archaeologist at ...")."""
    short = _TITLE_SHORT.get(noun, noun)
    names = "|".join(re.escape(n) for n in {noun, short})
    # a title ("Sen. Elizabeth Warren", never "... said the prosecutor.\n\nMubarak") or a
    # described noun in apposition before the name ("her father, David Veatch")
    dot = rf"\b{re.escape(short)}\.[ \t]+" if short != noun else "(?!)"
    lead = re.compile(
        rf"(?:\b(?:{names})[ \t]+|{dot}|{_DESCRIBED}(?:{names}),\s+)$", re.IGNORECASE
    )
    tail = re.compile(
        rf",\s+(?:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{names})\b",
        re.IGNORECASE,
    )
    return lead, tail


_POSSESSIVES = frozenset("his her their its".split())
# the determiner or owner of a noun, and up to three words before it: "her", "the former"
_DESCRIBED = r"\b(?:the|his|her|their|its|[\w.]+['’]s?)\s+(?:[\w'’-]+\s+){0,3}?"


def _role_words(words: Sequence[str]) -> str:
    """The role a definite description of two to five words gives ("homeland security
    adviser" of "the homeland security adviser" or "President Trump's homeland security
    adviser"); "" for an indefinite one ("a security adviser") or a bare noun."""
    owner = [k for k, w in enumerate(words) if re.search(r"['’]s?$", w) and k < len(words) - 1]
    fewest = 1  # "his lawyer", "Guan's lawyer": whose role it is narrows it to one person
    if owner:
        rest = words[owner[-1] + 1 :]
    elif words and words[0].lower() in _POSSESSIVES:
        rest = words[1:]
    elif words and words[0].lower() == "the":
        rest, fewest = words[1:], 2  # "the lawyer" alone: `person_described_as`, by position
    else:
        return ""
    if not fewest <= len(rest) <= 5 or not all(re.fullmatch(r"[A-Za-z-]+", w) for w in rest):
        return ""
    return " ".join(rest)


def _narration_subject(
    attr: _Attributor, doc: Doc, span: _Span, anywhere: bool = False
) -> _Who | None:
    """For a quote that opens its sentence with no attribution at all (or, `anywhere`, one
    whose attribution is no speaker), the person the sentence just before is about ('Herman
    shakes his head. "I'm just saying ..."'): the named person or the pronoun that is its
    main clause's subject."""
    text = attr.text
    first = next((t for t in doc if t.idx >= span.open), None)
    if first is None or first.sent.start == 0:
        return None
    sent = first.sent
    if not anywhere and text[sent.start_char : span.open].strip(" \n\"“'‘"):
        return None
    before = doc[sent.start - 1].sent
    if attr.art.inside_quote(before.root.idx) or text.count("\n", before.end_char, span.open) > 2:
        return None
    who = _subject_who(attr, before.root)
    if who is None and _FIRST_PERSON.search(text, span.open, span.close):
        # "It wasn't clear the Brady would rule as he did." | "Rest assured I am ...": words
        # in the first person go to the one person the sentence before names
        named = {
            e.id: e
            for at, e in attr.art.persons
            if before.start_char <= at < before.end_char and not attr.art.inside_quote(at)
        }
        if len(named) == 1:
            e = next(iter(named.values()))
            who = _Who(e.name, "named", e.id)
    return who


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|our|Our|us)\b")


# "heard" reports speech only after a court: "the court heard that ...", "..., the inquest heard."
_HEARING = re.compile(r"\b(?:court|jury|inquest|tribunal|hearing)$", re.IGNORECASE)


def _heard_ok(verb: str | None, who: _Who) -> bool:
    return (
        not verb
        or not verb.lower().startswith("heard")
        or bool(who.speaker and _HEARING.search(who.speaker))
    )


# an adjunct or a named listener before "that", not a relative clause ("the animals that")
_BEFORE_THAT = re.compile(
    r"^(?:(?:outside|inside|in|at|on|after|before|during|later|earlier|again|also|previously"
    r"|publicly|privately|repeatedly|last|to)\s+|the\s+(?=[A-Z]))(?:[\w'’-]+,?\s+){0,4}?that\s+"
)
_ADJUNCT_THAT = re.compile(
    r"(?:in|on|at|after|before|during|outside|inside|to|through|via|from)\s+"
    r"(?:[\w'’-]+,?\s+){1,5}?that\s+"
)
_PARTIAL_WORDS = 4  # a quotation this short inside reported speech is a phrase, not the quote
_RELATIVE = re.compile(r"\s+(?:that|who|which)\s+")
_RELATIVE_TAIL = re.compile(r",\s+(?:who|which)\b[^,;:]*,\s*$")
# nouns for two people named together just before: "the pair said", "the researchers wrote"
_PAIR_NOUNS = frozenset({"pair", "couple", "duo", "two"})
# a title's short form: "the senator" is "Sen. Elizabeth Warren"
_TITLE_SHORT = {
    "senator": "sen", "governor": "gov", "representative": "rep", "professor": "prof",
    "doctor": "dr", "detective": "det", "sergeant": "sgt", "lieutenant": "lt",
    "captain": "capt", "commander": "cmdr", "general": "gen", "superintendent": "supt",
    "executive": "ceo",
}  # fmt: skip
_CATAPHOR_REACH = 400  # characters after a pronoun that opens a cut article to its person
_NEAR_ORG = 300  # characters back an organisation named is "the company" of the next lines
_THEY_REACH = 400  # characters from a group's words to the "they" that means it

_SUBORDINATORS = {
    "which", "who", "whom", "whose", "that", "where", "when", "while", "as", "because",
    "but", "and", "or", "if", "although", "though", "since", "after", "before", "until",
    "so", "yet", "unless", "whereas",
}  # fmt: skip


def _trailing(text: str, attr: _Attributor, s: Sentence) -> tuple[int, str, _Who] | None:
    """Reported speech attributed at the end of its sentence, news style: "The plant will
    close for two weeks, the company said.", "..., he added.", "..., said a spokesperson for
    the council." The attribution is the clause after the last comma; the words before it
    are what was said. The same reading as a direct quote's attribution after its close."""
    body = text[s.start : s.end].rstrip()
    if not body.endswith((".", "!")):
        return None  # a question or a cut-off line
    commas = [m.start() for m in re.finditer(",", body)]
    if not commas:
        return None
    # the clause after the last comma, else one between two commas: "..., the agency said,
    # although ...", "..., said Jordi Pascual, director of the port."
    for k in range(len(commas) - 1, max(-1, len(commas) - 5), -1):
        at = commas[k]
        stop = commas[k + 1] if k + 1 < len(commas) else len(body)
        got = _attribution(body, at, stop, k == len(commas) - 1, attr, s)
        if got is not None:
            return got
    return None


def _attribution(
    body: str, at: int, stop: int, last: bool, attr: _Attributor, s: Sentence
) -> tuple[int, str, _Who] | None:
    """The attribution in body[at + 1 : stop] (after a comma) and what it attributes."""
    tail = body[at + 1 : stop].rstrip(".! ")
    vm = _VERB_RE.search(tail)
    if vm is None or not 1 <= len(tail.split()) <= (12 if last else 8):
        return None
    words = tail.split()
    if words[0].lower() in _SUBORDINATORS:
        return None  # "..., which experts say can lead a pod to strand": not an attribution
    if tail[: vm.start()].strip() and len(tail[vm.end() :].split()) > (5 if last else 0):
        return None  # "..., the firm said it would ...": a clause of its own, not adjuncts
    said = strip_dateline(body[:at].strip())
    if not last and tail[: vm.start()].strip():
        # what follows the attribution goes on saying it: "..., officials said, and it could
        # take months"
        said = f"{said}, {body[stop + 1 :].strip().rstrip('.!')}"
    if len(said.split()) < 4 or _VERB_RE.match(said) or _QUOTE_MARKS.match(said):
        return None  # a direct quote before the attribution is read as one, marks and all
    comma = s.start + at
    who = attr.after(_Span(comma, comma, [], s.start), s.start + stop)
    if who is None or who.speaker is None or who.verb in (None, "according to"):
        return None  # "according to" is read by its own rule, with the words after it too
    if not _heard_ok(who.verb, who):
        return None  # "..., residents heard.": not speech
    return comma, said, who


_LEAD_ATTRIBUTION = re.compile(r",\s+([^,;:]{1,60}?)\s+(said|says|added|adds|wrote|writes),?\s*$")


def _lead_in(
    art: _Article, attr: _Attributor, s: Sentence, open_at: int
) -> tuple[int, Quote] | None:
    """'If it were a death shroud ..., Borrini said, "the bloodstains ..."': the reported
    words before a mid-sentence attribution that a direct quote goes on from."""
    if not s.start < open_at <= s.end:
        return None
    lead = art.text[s.start : open_at]
    m = _LEAD_ATTRIBUTION.search(lead)
    said = strip_dateline(lead[: m.start()].strip()) if m else ""
    if m is None or len(said.split()) < 5 or _QUOTE_MARKS.search(said):
        return None
    who = attr.who(s.start + m.start(1), s.start + m.end(1), whole=True)
    if who is None or who.speaker is None:
        return None
    return s.start, _said(art, s, who, said, m.group(2))


def _said(art: _Article, s: Sentence, who: _Who, said: str, verb: str | None) -> Quote:
    """A reported quote of sentence `s`."""
    return Quote(
        said, who.speaker, who.kind, art.a.id, art.a.source, s.index, who.entity_id, verb, False
    )


def _reported(
    art: _Article, attr: _Attributor, sents: Sequence[Sentence]
) -> list[tuple[int, Quote]]:
    """Reported speech: 'X told ABC News that ...', 'according to X, ...', '..., X said.'"""
    text = art.text
    out: list[tuple[int, Quote]] = []
    for s in sents:
        inside = [(qs, qe) for qs, qe in art.quoted if qs < s.end and s.start < qe]
        if any(
            qs < s.start or qe > s.end or len(text[qs:qe].split()) > _PARTIAL_WORDS
            for qs, qe in inside
        ):
            # the sentence carries a direct quote, the better record; the words it opens
            # with, before the attribution, are the speaker's too
            lead = _lead_in(art, attr, s, min(qs for qs, _ in inside))
            if lead is not None:
                out.append(lead)
            continue
        got = _reported_in(art, attr, s)
        if got is not None:
            out.append(got)
            attr.spoken.append((s.end, got[1]))
            _note_report(attr, *got)
            if inside:
                # a few quoted words inside reported speech ('said her client was "deeply
                # disappointed" and would appeal') are part of it, not a quote of their own
                attr.absorbed.add(s.index)
    return out


def _verb_subject(attr: _Attributor, start: int, end: int) -> _Who | None:
    """Who the parse makes the subject of the speech verb at text[start:end], when the words
    before it are more than a name ("President Trump on Friday said he had no regret")."""
    verb = attr.art.word(start, end)
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = _subject(verb)
    if subject is None or subject.i > verb.i or attr.art.inside_quote(subject.idx):
        return None
    if subject.pos_ != "PROPN" or subject.dep_ != "nsubj":
        # a description ("her mother, who told ...") is read by the rules above; a passive
        # subject ("Martinez was reported missing by ...") is not the speaker
        return None
    between = subject.doc[subject.i + 1 : verb.i]
    if len(between) > 6 or any(t.text in {":", ";", "(", ")"} for t in between):
        return None  # only an adjunct may stand between: "Trump on Friday said"
    who = _subject_who(attr, verb)
    # a name the story's table holds: "Builder says faster fix possible" is a headline
    return who if who is not None and who.entity_id is not None else None


def _note_report(attr: _Attributor, pos: int, q: Quote) -> None:
    """'..., the Lanzhou Evening News reported.': what "the report" says later is its."""
    if q.speaker_kind == "named" and q.speaker and (q.verb or "").lower().startswith("report"):
        attr.documents.append((pos, _Who(q.speaker, "named", q.entity_id, "statement")))
        attr.phrases[pos] = "report"


_DOCUMENT_OF = re.compile(
    r"\s*(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|report|letter|release|filing)\s+"
    r"(?:(?:released|issued|put out|sent|published)\s+)?(?:by|from)\s+",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"\b(?:in|issued|released) a (?:\w+ )?statement\b", re.IGNORECASE)
_SAYING = re.compile(r",\s+(saying|adding)(?:\s+that)?\s+(?=\w)")


def _saying(art: _Article, attr: _Attributor, s: Sentence) -> tuple[int, Quote] | None:
    """'The company defended the pay rise, saying Mr Dudley had met every target': what a
    participle of speech reports, said by its sentence's subject as the parse reads it."""
    doc = art.doc
    m = _SAYING.search(art.text, s.start, s.end)
    if doc is None or m is None:
        return None
    verb = doc.char_span(m.start(1), m.end(1))
    if verb is None:
        return None
    subject = _subject(verb[0])
    if subject is None or subject.idx >= m.start():
        return None
    start, end = _extent(subject)
    who = _subject_speaker(attr, subject, start, end)
    if who is None and subject.pos_ == "NOUN":
        who = _definite(art, art.text[start:end], start)
    said = art.text[m.end() : s.end].strip().rstrip(".")
    if who is None or who.speaker is None or len(said.split()) < 4:
        return None
    return m.start(), _said(art, s, who, said, m.group(1))


def _quoted_as_saying(art: _Article, attr: _Attributor, s: Sentence) -> tuple[int, Quote] | None:
    """'State television quoted Brel as saying that the border would stay shut': Brel's
    words, not the channel's."""
    m = _QUOTED_AS.search(art.text, s.start, s.end)
    if m is None:
        return None
    who = attr.who(m.start(1), m.end(1), whole=True)
    said = re.sub(r"^[\s,:]*(?:that\b)?[\s,:]*", "", art.text[m.end() : s.end]).strip().rstrip(".")
    if who is None or who.speaker is None or who.pronoun is not None or len(said.split()) < 3:
        return None
    return m.start(), _said(art, s, who, said, "quoted as saying")


def _subjectless(art: _Article, begin: int) -> bool:
    """Whether reported words open on their verb: their subject stands before the speech verb
    ("its arches, which many residents say have become a symbol"), so they are no clause."""
    doc = art.doc
    if doc is None:
        return False
    first = doc.char_span(begin, begin + 1, alignment_mode="expand")
    return first is not None and first[0].pos_ in {"AUX", "VERB"} and first[0].tag_ != "VBG"


def _reported_in(art: _Article, attr: _Attributor, s: Sentence) -> tuple[int, Quote] | None:
    """The reported speech of one sentence, if it holds any."""
    text = art.text
    quoted = _quoted_as_saying(art, attr, s)
    if quoted is not None:
        return quoted
    for m in _REPORTED.finditer(text, s.start, s.end):
        begin = m.end()
        if "that" not in m.group(3) and m.group(2) and m.group(1).lower() not in _TELL:
            # only "told" takes a listener: "said her trip had grown", "said Brightwater had"
            begin = m.start(2) + len(m.group(2)) - len(m.group(2).lstrip())
        if "that" not in m.group(3):
            if m.group(1).lower() in _NEEDS_THAT:
                continue  # "maintains an exterior", "revealed a plan": an object, not speech
            nxt = re.match(r"[\w'’]+", text[begin : s.end])
            if nxt is None:
                continue
            if nxt.group().lower() in _NOT_CLAUSE:
                # an adjunct, then the reported clause: "said in a statement that he was"
                adj = _ADJUNCT_THAT.match(text, begin, s.end)
                if adj is None:
                    continue
                begin = adj.end()
        who = attr.who(s.start, m.start(), whole=False) or _verb_subject(attr, m.start(1), m.end(1))
        if who is None or who.speaker is None or not _heard_ok(m.group(1), who):
            continue
        if who.pronoun == "it":
            continue  # "it said that ...": too often a thing, not a body; direct quotes only
        said = text[begin : s.end].strip().rstrip(".")
        if "that" not in m.group(3):
            # an adjunct before "that": "said outside court that her client ..."
            said = _BEFORE_THAT.sub("", said, count=1)
        if len(said.split()) < 3 or _subjectless(art, begin):
            continue
        verb = m.group(1) + (m.group(2).rstrip() if m.group(1) in _TELL else "")
        if who.verb != "statement" and _STATEMENT.search(text, s.start, begin):
            who = _Who(who.speaker, who.kind, who.entity_id, "statement")
            if who.kind == "named":
                attr.documents.append((m.start(), who))  # "In a statement, X said ..."
        if who.verb == "statement":
            verb = f"{attr.document_noun(m.start())} {verb}"
        return m.start(), _said(art, s, who, said, verb)
    saying = _saying(art, attr, s)
    if saying is not None:
        return saying
    trailing = _trailing(text, attr, s)
    if trailing is not None:
        at, said, who = trailing
        return at, _said(art, s, who, said, who.verb)
    am = _ACCORDING.search(text, s.start, s.end)
    if am is None:
        return None
    who_end = _name_end(text, am.end(), s.end)
    who = attr.who(am.end(), who_end, whole=True)
    if who is not None and who.kind == "unnamed" and (named := attr.apposed(who_end, s.end)):
        # "According to the author of the paper, Dan Hooper — a senior scientist ... —"
        who, who_end = named
    if who is None or who.speaker is None:
        return None
    said = (
        (text[s.start : am.start()].rstrip(" ,") + " " + text[who_end : s.end].lstrip(" ,"))
        .strip()
        .rstrip(".")
    )
    if said[:1].islower() is False and not text[s.start : am.start()].strip():
        said = said[:1].upper() + said[1:]
    if len(said.split()) < 3:
        return None
    return am.start(), _said(art, s, who, said, "according to")


# A speaker's capital label opening a sentence of a transcript: "TRUMP: Well, ...",
# "SEN. KAINE: ...". One label alone is a dateline ("NEW DELHI: ..."); promo labels never speak.
TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")
PROMO_LABELS = frozenset(
    "WATCH TRAILER VIDEO VIDEOS PHOTOS PHOTO GALLERY LISTEN RELATED MORE SEE ALSO READ".split()
)


def quote_marks(text: str) -> int:
    """How many double quotation marks, straight or curly, a text holds; an odd count is a
    quotation left open or closed from elsewhere."""
    return sum(text.count(q) for q in '"“”')


def capital_labels(texts: Iterable[str]) -> list[str | None]:
    """The capital label ("TRUMP", "SEN. KAINE", "WATCH") each text opens with, else None."""
    return [m.group(1) if (m := TRANSCRIPT_LABEL.match(t)) else None for t in texts]


def transcript_labels(labels: Sequence[str | None]) -> list[str | None]:
    """Of an article's capital labels, the speakers' when it is a transcript (two or more
    different labels that are not promos), else all None."""
    speakers = [lab if lab and lab.split()[0] not in PROMO_LABELS else None for lab in labels]
    if len({lab for lab in speakers if lab}) < 2:
        return [None] * len(labels)
    return speakers


def _transcript(
    art: _Article, entities: Sequence[Entity], sents: Sequence[Sentence]
) -> list[tuple[int, Quote]]:
    """Each turn of a transcript (label to the next label or the end of its paragraph) as a
    direct quote of the labelled speaker, where no quotation mark already holds it."""
    labels = transcript_labels(capital_labels(s.text.lstrip() for s in sents))
    out: list[tuple[int, Quote]] = []
    for i, label in enumerate(labels):
        if label is None:
            continue
        s = sents[i]
        j = i + 1
        while j < len(sents) and labels[j] is None and sents[j].paragraph == s.paragraph:
            j += 1
        start = s.start + s.text.index(":") + 1
        words = art.text[start : sents[j - 1].end].strip()
        if len(words.split()) < 2 or any(
            lo < sents[j - 1].end and start < hi for lo, hi in art.quoted
        ):
            continue
        who = _label_speaker(label, entities, art.a.id)
        q = Quote(words, who.speaker, who.kind, art.a.id, art.a.source, i, who.entity_id, None)
        out.append((s.start, q))
    return out


def _label_speaker(label: str, entities: Sequence[Entity], article_id: str) -> _Who:
    """ "TRUMP" -> the person of this article whose name ends so; "REPORTER" -> "a reporter"."""
    last = label.split()[-1].strip(".").casefold()
    for e in entities:
        if e.kind == "person" and e.name.split()[-1].casefold() == last:
            if article_id in e.articles:
                return _Who(e.name, "named", e.id)
    initials = initials_match(label, entities, article_id)  # "MB:" in a Q&A is Michael Brown
    if initials is not None:
        return _Who(initials.name, "named", initials.id)
    if last in _SPEAKER_NOUNS or last in {"reporter", "reporters", "question", "q", "host"}:
        return _Who(f"a {last}" if last not in {"question", "q"} else "a questioner", "unnamed")
    return _Who(label.title(), "named")


def find_quotes(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    entities: Sequence[Entity],
    annotations: Annotations | None = None,
) -> list[Quote]:
    """Direct and reported quotes of every article, each with its speaker where the text says."""
    genders = _genders(articles, entities, annotations)
    quotes: list[Quote] = []
    arts: dict[str, _Article] = {}
    for a in articles:
        sents = sentences.get(a.id)
        if sents is None:
            sents = segment(a)
        starts = [s.start for s in sents]
        art = arts[a.id] = _Article(a, entities, genders)
        attr = _Attributor(art)
        doc = annotations.docs.get(a.id) if annotations is not None else None
        art.doc = doc
        if doc is not None:
            art.add_surnames(doc, entities)
        art.add_kin(entities)
        # reported speech first, so "the source" in a later quote can find "a source close to"
        found = _reported(art, attr, sents)
        found += [
            (at, q)
            for at, q in _direct(art, attr, sents, starts, found, doc)
            if q.sentence not in attr.absorbed
        ]
        found += _transcript(art, entities, sents)
        found.sort(key=lambda p: p[0])
        quotes.extend(_kin_speaker(q, art.kin) for _, q in found)
    quotes = _story_roles(_borrow_speakers(_named_next(quotes, arts), arts), arts)
    quotes = _named_forces(quotes, entities)
    return _full_speakers(quotes, FullNames(entities))


_POLICE_OF = re.compile(r"^(?:the )?police (?:in|of|from) (.+)$|^(?:the )?(.+?) police$", re.I)


def _named_forces(quotes: list[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """'police in Medicine Hat' is the Medicine Hat Police Service when the story names that
    one force: the description names the place the force's name begins with."""
    forces = [e for e in entities if e.kind == "organization" and " police" in f" {e.name.lower()}"]
    if not forces:
        return quotes
    out: list[Quote] = []
    for q in quotes:
        m = _POLICE_OF.match(q.speaker or "") if q.speaker_kind == "unnamed" else None
        place = fold((m.group(1) or m.group(2)).strip()) if m else ""
        named = [e for e in forces if place and fold(e.name).startswith(place + " ")]
        if len(named) == 1:
            q = replace(q, speaker=named[0].name, speaker_kind="named", entity_id=named[0].id)
        out.append(q)
    return out


def _kin_speaker(q: Quote, kin: dict[str, str]) -> Quote:
    """A relative named by a given name alone speaks under the full name the text implies."""
    if q.entity_id not in kin:
        return q
    entity_id = None if q.entity_id.startswith("kin:") else q.entity_id  # none in the table
    return replace(q, speaker=kin[q.entity_id], entity_id=entity_id)


def _full_speakers(quotes: list[Quote], names: FullNames) -> list[Quote]:
    """Each named speaker by the full name the story gives them ("Tom" -> "Tom Tangney")."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker_kind == "named" and q.speaker:
            name, entity_id = names.full(q.speaker, q.entity_id)
            if name != q.speaker:
                q = replace(q, speaker=name, entity_id=entity_id)
        out.append(q)
    return out


def _quote_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _borrow_speakers(quotes: list[Quote], arts: Mapping[str, _Article]) -> list[Quote]:
    """An unattributed quote takes the speaker another article gives the same words: outlets
    carry one quote, and one of them often names who said it. So does one an unnamed source
    speaks ("a spokesman said"), when the speaker named elsewhere is named in its article."""
    said = [(_quote_key(q.text), q) for q in quotes if q.speaker and q.direct]
    out: list[Quote] = []
    for q in quotes:
        art = arts.get(q.article_id)
        if q.direct and (q.speaker is None or (q.speaker_kind == "unnamed" and art is not None)):
            key = _quote_key(q.text)
            donor = next((d for k, d in said if _shares_words(k, key, _borrow_chars(d, q))
                          and _may_lend(d, q, art)), None)  # fmt: skip
            if donor is not None:
                q = replace(
                    q,
                    speaker=donor.speaker,
                    speaker_kind=donor.speaker_kind,
                    entity_id=donor.entity_id,
                )
        out.append(q)
    return out


def _shares_words(k: str, key: str, chars: int) -> bool:
    """Whether one quotation's words hold the other's, at least `chars` of them."""
    return min(len(k), len(key)) >= chars and (key in k or k in key)


def _may_lend(donor: Quote, q: Quote, art: _Article | None) -> bool:
    """Whether `donor`'s speaker may be `q`'s: any for a quote with none; for an unnamed
    source's, only a speaker another article names who is named in `q`'s article too."""
    if q.speaker is None:
        return True
    return (
        art is not None
        and donor.article_id != q.article_id
        and donor.speaker_kind == "named"
        and donor.entity_id in art.named_ids
    )


def _story_roles(quotes: list[Quote], arts: Mapping[str, _Article]) -> list[Quote]:
    """'said the prosecutor' in an article that names Suleiman but never calls him so is
    Suleiman when another article of the story does ("the prosecutor, Mustafa Suleiman"):
    the one person of this article whom the story describes by that noun."""
    out: list[Quote] = []
    described: dict[str, set[str]] = {}  # noun -> ids of persons so described in the story
    for q in quotes:
        noun = _role_noun(q.speaker) if q.speaker_kind == "unnamed" else None
        art = arts.get(q.article_id)
        if noun is not None and art is not None:
            if noun not in described:
                described[noun] = {e.id for a in arts.values() for e in a.described_as(noun)}
            ids = described[noun] & art.person_ids
            if len(ids) == 1:
                e = art.entity(next(iter(ids)))
                q = replace(q, speaker=e.name, speaker_kind="named", entity_id=e.id)
        out.append(q)
    return out


def _named_next(quotes: list[Quote], arts: Mapping[str, _Article]) -> list[Quote]:
    """News copy describes a speaker first and names them in the next sentence: "Their lawyer
    said he was not aware the trial had been postponed. 'It is illogical,' Masoud Shafiee told
    Reuters." One person described by a role is the person quoted in the very next sentence
    when the article names that person there for the first time."""
    by_sentence: dict[tuple[str, int], list[Quote]] = {}
    for q in quotes:
        by_sentence.setdefault((q.article_id, q.sentence), []).append(q)
    out: list[Quote] = []
    for q in quotes:
        art = arts.get(q.article_id)
        if art is not None and q.speaker_kind == "unnamed" and _one_role(q.speaker):
            after = q.sentence + 1
            named = {
                n.entity_id: n
                for n in by_sentence.get((q.article_id, after), ())
                if n.speaker_kind == "named" and n.entity_id
                and (n.entity_id in art.person_ids or _person_shaped(art, n.entity_id))
            }  # fmt: skip
            if len(named) == 1:
                e = art.any_entity(next(iter(named)))
                first = min((m for m in e.mentions if m.article_id == q.article_id),
                            key=lambda m: m.start)  # fmt: skip
                if first.sentence >= after and _fills(art.text, first, q.speaker or ""):
                    q = replace(q, speaker=e.name, speaker_kind="named", entity_id=e.id)
        out.append(q)
    return out


def _person_shaped(art: _Article, entity_id: str) -> bool:
    """Whether a name the entity table does not call a person reads as one: two to four
    capitalised words, none a word of a firm, body or place ("Qolamhossein Mohseni-Ejei",
    which the small NER model calls an organisation). Only a role of one person (a
    spokesman) described just before may take it as its name."""
    e = next((e for _, e in art.bodies if e.id == entity_id), None)
    if e is None or e.kind == "place":
        return False
    words = e.name.split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and w.lower() not in _BODY_WORDS
        for w in words
    )


_APPOSITION = re.compile(r",\s+(?:an?|the|his|her|their|its|[\w.]+['’]s?|[a-z][\w-]*)\s+([^,.;:]*)")
_TITLE = re.compile(r"(?<![.!?\"“”]\s)(?<![.!?\"“”])\b((?:[A-Z][\w.'’-]*\s+){1,4})$")


def _fills(text: str, first: Mention, role: str) -> bool:
    """Whether a name first given at `first` fills the role just described: it comes bare
    ("Masoud Shafiee told Reuters"), or with that role ("John Smith, the company's
    spokesman"); a description of its own ("John Coldham, partner at ...") is someone else."""
    noun = role.split()[-1].lower()
    tail = _APPOSITION.match(text, first.end)
    lead = _TITLE.search(text[max(0, first.start - 60) : first.start])
    described = " ".join(m.group(0) for m in (tail, lead) if m is not None).lower()
    return not described or noun in described


_ONE_ROLE_OPENERS = frozenset("a an the his her their its".split())


def _one_role(speaker: str | None) -> bool:
    """Whether a speaker is one person described by a role ("a judiciary spokesman", "their
    lawyer", "Iran's judiciary spokesman"), not a group, a body, a document or a source kept
    anonymous."""
    words = (speaker or "").split()
    if not 2 <= len(words) <= 4:
        return False
    first, noun = words[0].lower(), words[-1].lower()
    if first not in _ONE_ROLE_OPENERS and not re.search(r"\w['’]s?$", first):
        return False
    return noun in _PERSON_ROLES


# roles of one person that news copy names in the next breath
_PERSON_ROLES = frozenset(
    "spokesman spokeswoman spokesperson official lawyer attorney representative counsel "
    "publicist agent aide officer prosecutor judge director manager executive minister "
    "chairman chairwoman president secretary governor mayor sheriff coroner professor "
    "researcher scientist analyst economist expert doctor physician surgeon".split()
)


def _role_noun(speaker: str | None) -> str | None:
    """The noun of a definite description of one person ("the prosecutor" -> "prosecutor")."""
    words = (speaker or "").split()
    if not 2 <= len(words) <= 3 or words[0].lower() != "the":
        return None
    noun = words[-1].lower()
    if not noun.isalpha() or noun.endswith("s") or noun in _NOT_ROLES:
        return None
    return noun


# nouns of a definite description that name no one person: an anonymous source, a document,
# a court; across articles also a body or a group ("the police", "the family")
_NO_ONE = frozenset({"source", "statement", "report", "court"})
_NOT_ROLES = _NO_ONE | frozenset("company police government family".split())


_BORROW_CHARS = 30  # the shortest shared quote that says it is the same words
_HEADLINE_CHARS = 20  # ... words a headline quotes from its own article's attributed quote


def _borrow_chars(donor: Quote, q: Quote) -> int:
    """How long shared words must be for `q` to take `donor`'s speaker: another outlet's
    quote, or the article's own attributed quote that its headline quotes in part."""
    if donor.article_id != q.article_id:
        return _BORROW_CHARS
    return _HEADLINE_CHARS if q.sentence == 0 else 1 << 30
