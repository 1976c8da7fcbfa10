"""One article as quote finding reads it: its text with the story's entity mentions indexed by
position, its quotations, its people's genders; and what other stages ask of quotes
(`quote_roles`, `unattributed_quotes`)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import Article, Entity, Mention, Sentence
from ..entities import fold, given_name_gender
from ..entities.lexicon import _gazetteer
from ..speakers import kin_names
from .common import (
    _ANY_BODY,
    _CATAPHOR_REACH,
    _GENDER_WORDS,
    _NEAR_ORG,
    _NOT_COMPANY,
    _ORG_NOUNS,
    _ROLE_BEFORE,
    _Who,
)
from .described import _DESCRIBED, _PUBLIC_WORDS, _TEAM, _body_of_kind, _description_patterns
from .direct import _CHAIN_REACH, _SUBJECT_REACH, _continues
from .marks import (
    _QUOTE_MARKS,
    _QUOTE_REACH,
    _SPEECH,
    _double_spans,
    _opens,
    _paragraphs,
    _single_spans,
)
from .syntax import _SUBJECTS, _name_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...text.annotate import Annotations


# an indefinite source of one person by role: "a former detective", "a senior game official"
_INDEFINITE_ROLE = re.compile(r"(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)", re.IGNORECASE)
# a source the copy keeps unnamed on purpose: "a senior administration official", "a person
# who spoke on condition of anonymity", "not authorized to speak publicly"
_ANONYMOUS_SOURCE = re.compile(r"\b(?:senior|anonymous|unnamed)\b", re.IGNORECASE)
_ANONYMITY = re.compile(
    r"\b(?:condition of anonymity|(?:not|n't) (?:authori[sz]ed|permitted|allowed) to|"
    r"declined to be (?:named|identified)|spoke anonymously)",
    re.IGNORECASE,
)
# the roles a lede names before the story names the person, and the titles that name them
_LEDE_ROLES = {
    noun: f"{noun}|{alias}" if alias else noun
    for noun, alias in (
        ("official", ""),
        ("spokesman", "spokesperson"),
        ("spokeswoman", "spokesperson"),
        ("spokesperson", "spokesman|spokeswoman"),
        ("detective", "det\\."),
        ("investigator", ""),
        ("prosecutor", ""),
        ("lawyer", "attorney"),
        ("attorney", "lawyer"),
        ("executive", "chief executive|CEO"),
        ("analyst", ""),
        ("economist", ""),
        ("researcher", ""),
        ("scientist", ""),
        ("doctor", "Dr\\.|physician"),
        ("coroner", ""),
        ("sheriff", ""),
        ("commander", ""),
    )
}
# the opening of an apposition that gives a role: ", a former", ", Virginia's lottery"
_APPOSED = r"(?:the|a|an|his|her|their|its|[\w.]+['’]s?)\s+(?:[\w'’-]+\s+){0,4}?"
# the offices an "official" holds
_OFFICES = (
    "official|director|chief|head|spokesman|spokeswoman|spokesperson|secretary|minister|"
    "commissioner|administrator|manager|superintendent|chairman|chairwoman|president|"
    "executive|governor|mayor|sheriff|commander|inspector|coordinator|supervisor"
)


def _known_place(e: Entity) -> bool:
    """Whether the gazetteer knows an entity's name as a region or a city."""
    regions, cities = _gazetteer()
    return fold(e.name) in regions or fold(e.name) in cities


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
            # "the airline": United Airlines
            named = noun in words or (noun in _ORG_NOUNS and f"{noun}s" in words)
            if named and (not modifier or modifier in words) and not bare:
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
            # the company the last sentences named; of two, the one they were about: "Larkspur
            # Airlines said ... delays in deliveries from Boeing. "...," the company said"
            salient = self.salient_body(pos, firm=True) if len({e.id for e in near}) > 1 else None
            return salient if salient in near else near[-1]
        # the organisation the article is about: named most often so far, the later on a tie
        counts = Counter(e.id for e in before)
        return max(reversed(before), key=lambda e: counts[e.id])

    def salient_body(self, pos: int, firm: bool = False) -> Entity | None:
        """The organisation the narration is about at `pos`: the subject of the main clause of
        the sentence before (one of narration, as `_recent_subject` reads a pronoun's person),
        else of this sentence's words before `pos` ("Toyota recalled 1 million cars. "...," the
        automaker said."). For `firm` (a company), a name behind an article is its product."""
        doc = self.doc
        at = pos + len(self.text[pos:]) - len(self.text[pos:].lstrip())
        here = doc.char_span(at, at + 1, alignment_mode="expand") if doc else None
        if doc is None or not here:
            return None
        sent = here[0].sent
        sents = [sent]
        while sent.start > 0 and len(sents) < 1 + _SUBJECT_REACH:
            sent = doc[sent.start - 1].sent
            if not self.inside_quote(sent.root.idx):  # a quotation's own sentences are no narration
                sents.append(sent)
        for sent in sents:
            root = sent.root
            # "The Broncos have placed Jennings on injured reserve, the team announced": the
            # reported clause's subject too
            heads = [root, *(c for c in root.children if c.dep_ == "ccomp" and c.idx < pos)]
            subjects = (c for h in heads for c in h.children if c.dep_ in _SUBJECTS)
            for tok in (c for c in subjects if c.idx < pos):
                for start, e in self.bodies:
                    got = self.by_start.get(start)
                    if got is None or not got[1].start <= tok.idx < got[1].end:
                        continue
                    if firm and _a_product(tok, e):
                        continue  # "The Porsche was burnt out": the car, not the firm
                    # a firm the name tagger took for a place ("Toyota recalled")
                    if e.kind == "organization" or (e.kind == "place" and not _known_place(e)):
                        return e
        return None

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
        named = [
            e
            for start, e in self.bodies
            if start < pos
            and e.kind == "place"
            and not self.inside_quote(start)
            and not _known_place(e)
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
        text = self.text
        for start, e in reversed(self.bodies):  # the noun says what it is, whatever its kind
            if start >= pos or self.inside_quote(start):
                continue
            if start < lo:
                break
            end = self._end(e, start)
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
        out = []
        for start, e in self.persons:
            if self.inside_quote(start):
                continue
            end = self._end(e, start)
            if lead.search(self.text, max(0, start - 40), start) or tail.match(self.text, end):
                out.append((start, e))
        return out

    def identified_later(self, name: str, pos: int) -> _Who | None:
        """Delayed identification, the wire lede's habit: "..., a former detective testified"
        in the lede, then "Detective Buck Garner also said" in the next paragraphs. An
        indefinite source in the article's first paragraph is the one person the next two
        paragraphs give that role as a title or an apposition ("a game official" and "Paula
        Otto, Virginia's lottery director": any office for an official)."""
        m = _INDEFINITE_ROLE.fullmatch(name.strip())
        noun = m.group(1).lower() if m else ""
        if noun not in _LEDE_ROLES or _ANONYMOUS_SOURCE.search(name):
            return None
        paras = [p for p in _paragraphs(self.text) if len(self.text[p[0] : p[1]].split()) >= 10]
        if not paras or not paras[0][0] <= pos < paras[0][1]:
            return None
        lo, hi = paras[0][1], paras[min(2, len(paras) - 1)][1]
        if _ANONYMITY.search(self.text, paras[0][0], hi):
            return None  # "The official, who spoke on condition of anonymity, said ..."
        roles = _OFFICES if noun == "official" else _LEDE_ROLES[noun]
        tail = re.compile(rf",\s+{_APPOSED}(?:{roles})\b", re.IGNORECASE)
        lead = re.compile(rf"\b(?:{roles})[ \t]+$", re.IGNORECASE)
        found = {
            e.id: e
            for start, e in self.persons
            if lo <= start < hi
            and not self.inside_quote(start)
            and (
                lead.search(self.text, max(0, start - 40), start)
                or tail.match(self.text, self._end(e, start))
            )
        }
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return _Who(e.name, "named", e.id)

    def _end(self, e: Entity, start: int) -> int:
        here = self.a.id
        return next((m.end for m in e.mentions if m.article_id == here and m.start == start), start)

    def entity(self, entity_id: str) -> Entity:
        return next(e for _, e in self.persons if e.id == entity_id)

    def any_entity(self, entity_id: str) -> Entity:
        return next(e for _, e in self.persons + self.bodies if e.id == entity_id)

    def titled(self, role: str, unowned: bool = False) -> Entity | None:
        """The one person the article gives a role of several words as a title ("Homeland
        Security Adviser Tom Bossert") or in an apposition ("Tom Bossert, the homeland
        security adviser"), before or after; None when nobody or several are. `unowned`: not
        a title a body or a person owns ("Kremlin spokesman Dmitry Peskov" is no one's "his
        spokesman")."""
        lead = re.compile(
            rf"(?:\b{re.escape(role)}\s+|{_DESCRIBED}{re.escape(role)},\s+)$", re.IGNORECASE
        )
        owned = re.compile(rf"(?:[A-Z][\w.'’-]*|['’]s?)\s+{re.escape(role)}\s+$")
        tail = re.compile(
            rf",\s+(?:the|his|her|their|[\w.]+['’]s?)\s+{re.escape(role)}\b", re.IGNORECASE
        )
        found: dict[str, Entity] = {}
        for end, (e, m) in self.by_end.items():
            if e.kind != "person" or self.inside_quote(m.start):
                continue
            if lead.search(self.text, max(0, m.start - 60), m.start) or tail.match(self.text, end):
                if unowned and owned.search(self.text, max(0, m.start - 60), m.start):
                    continue
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

    def described_subject(self, pos: int, gender: str | None) -> str | None:
        """'Roe's mother, who attended the hearing, wept. "...," she told reporters': a
        pronoun whose sentence of narration just before has for its subject a person the text
        describes and never names, of the pronoun's sex, is that person as described."""
        doc = self.doc
        here = doc.char_span(max(0, pos - 1), pos, alignment_mode="expand") if doc else None
        if doc is None or not here or gender is None:
            return None
        sent = here[0].sent
        while sent.start > 0:
            sent = doc[sent.start - 1].sent
            if not self.inside_quote(sent.root.idx):
                break
        else:
            return None
        subject = next((t for t in sent.root.children if t.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "NOUN":
            return None
        if _GENDER_WORDS.get(subject.lower_) != gender:
            return None
        if any(
            t.dep_ == "appos" or t.ent_type_ == "PERSON" and t.i > subject.i
            for t in subject.subtree
        ):
            return None  # "Her husband, Greg Lane,": a name, found the named way
        first = subject.left_edge
        if first.lower_ not in {"the", "his", "her", "their"} and first.tag_ != "NNP":
            return None
        # the description without its relative clause: "the mother of the boy"
        cut = [c.left_edge.i for c in subject.children if c.dep_ in {"relcl", "acl", "punct"}]
        last = min([i for i in cut if i > subject.i] or [subject.right_edge.i + 1]) - 1
        return doc[first.i : last + 1].text.rstrip(" ,")

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
            passed < _SUBJECT_REACH or (chained < _CHAIN_REACH and _continues(sent, pronoun))
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


def _a_product(subject: Token, e: Entity) -> bool:
    """A firm's name behind an article is one of its products ("the Porsche", "a Tesla"),
    unless the name holds the article or is a public body's ("the FAA", "the Federal ...")."""
    det = any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in subject.children)
    words = set(e.name.lower().replace(".", "").split())
    return det and not e.name.startswith("The ") and not (e.name.isupper() or words & _PUBLIC_WORDS)
