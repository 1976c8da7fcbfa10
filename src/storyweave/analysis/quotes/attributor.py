"""Who a quote belongs to in one article (`_Attributor`): a named person or body, an unnamed source
kept as written, a pronoun resolved to the nearest fitting person, or nobody."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ...model import Entity, Mention, Quote
from .common import (
    _CLAUSE_WORD,
    _DETERMINERS,
    _GENDER_WORDS,
    _LINKS,
    _OWN_ROLES,
    _POSS_RE,
    _PRONOUNS,
    _RELATIVE_TAIL,
    _ROLE_NOUNS,
    _SENT_END,
    _SPEAKER_NOUNS,
    _STATEMENT_NOUNS,
    _TELL,
    _THEY_REACH,
    _VERB_RE,
    _Who,
)
from .described import (
    _ISSUED,
    _author,
    _definite,
    _definite_org,
    _salient_body,
    documents_issued,
)
from .direct import (
    _DOCUMENT_NOUN,
    _LINKED,
    _PUT_IT,
    _QUOTED_AS,
    _QUOTED_PASSIVE,
    _SAYING_FROM,
    _SAYING_OF,
    _TO_QUOTE,
    _VERB_SET,
    _WE_ARE_TOLD,
)
from .marks import (
    _ABBREVIATION,
    _clause_end,
    _clause_start,
    _closes_sentence,
    _listener,
    _name_end,
    _np,
    _paragraphs,
    _relative_head,
    _trim_adverbs,
    _uncapitalised,
)
from .reported import _DOCUMENT_OF
from .syntax import _SUBJECTS, _extent, _named_at, _owner_named, _subject, _subject_speaker

if TYPE_CHECKING:
    pass
    from .article import _Article
    from .common import _Span


# "the notice", "the latest notice", "this campaign": a document named before
_DEFINITE_DOCUMENT = re.compile(r"(?:the|this|that)\s+(?:[\w-]+\s+)?([\w-]+)", re.IGNORECASE)
# a document and its issuer in one phrase: "a report released Tuesday by the GAO"
_ISSUED_DOCUMENT = re.compile(r"(?:a|an)\s+(?:[\w-]+\s+)?([\w-]+)\s+\w+ed\b", re.IGNORECASE)
_ISSUED_REACH = 1500  # characters back to the sentence that named the document's author


# the people who speak for a named person or body, unnamed: "Wyden's office", "Clinton's
# campaign", "the family's representatives"
_OWN_BODIES = frozenset("office campaign camp team family staff aides representatives".split())


# a person by nationality: "the Italian", "the Frenchman"
_NATIONAL = re.compile(r"[Tt]he [A-Z][a-z]+")


_OPENS_RELATIVE = re.compile(r",\s+(?:who|whom|whose|which)\b")


def _national(phrase: str) -> bool:
    """Whether a phrase names one person by nationality: "the Italian", "the Frenchman"."""
    return _NATIONAL.fullmatch(phrase) is not None and phrase.split()[-1].lower() in _nationals()


@cache
def _nationals() -> frozenset[str]:
    """Demonyms that name one person: "Italian", and the "-man" forms ("Frenchman")."""
    from ..entities.lexicon import _demonyms

    extra = "frenchman spaniard dutchman englishman scotsman welshman irishman argentine"
    return _demonyms() | frozenset(extra.split())


# what news copy calls a person it has just named, by sex and age alone: '"...," the woman
# told reporters' after "Jane Doe, 45, was rescued"
_PERSON_WORDS: dict[str, str | None] = {
    "woman": "f", "man": "m", "girl": "f", "boy": "m", "teen": None, "teenager": None,
}  # fmt: skip


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
        self.issued: list[tuple[int, str, _Who]] | None = None  # documents the narration names

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
        if got is None:
            # "a statement from the company": the company the article named before
            org = _definite_org(self.art, self.text[m.end() : end].strip(), start)
            return None if org is None else _Who(org.name, "named", org.id, "statement")
        if got[0].kind not in {"person", "organization"}:
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
        if _national(phrase.strip()):
            # "the Italian told Sky Sports": the person just written about, by nationality
            national = self.aged(phrase.strip(), phrase_start)
            if national is not None:
                return national
        unnamed = _np(phrase)
        named = self._named_speaker(seg, start, end, whole, unnamed is not None, phrase_start)
        if named is not None:
            return named
        body = _salient_body(self.art, phrase, phrase_start) if unnamed is None else None
        if body is not None:
            return _Who(body.name, "named", body.id)  # "the oil giant": no source noun
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
        if noun_words[-1] in _OWN_BODIES and len(noun_words) == 1:
            return _Who(self.text[got[1].start : end], "unnamed")  # "Wyden's office said"
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
            # "the mayor of Ostbury, Dan Ruiz, said": a person closing it speaks, not a body
            and (first[0].kind == "person" or last is None or last[0].kind != "person")
            and first[0].kind != "place"
            and not (whole and text[start : first[1].start].strip())
        ):
            got = first  # "X, a lawyer, said"
        if got is None and last is not None and self._role_first(seg, last, whole):
            # the role first: "The returning officer, Gwen Tallis, told reporters"; of a body
            # a person is of, the person: "The lead author, Dr. Mina Patel of Stanford, said"
            got = self._person_of(start, last[1].start) or last
        if got is None or _OPENS_RELATIVE.search(text, phrase_start, got[1].start):
            return None  # "The official, who ... set by the White House, said": the official
        if re.search(r"\b(?:an?|one)\s+$", text[max(0, got[1].start - 4) : got[1].start], re.I):
            return None  # "a House Republican said": one of many, no name
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
        issued = self.issued_before(start, name)
        if issued is not None:
            return issued
        head = name.split()
        definite = _definite(self.art, name, start) or self.aged(name, phrase_start)
        definite = definite or self.art.identified_later(name, start)
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

    def issued_before(self, pos: int, name: str) -> _Who | None:
        """The author of the document a definite description at `pos` refers back to ("the
        latest notice said" after "It issued another notice"), when the narration named them
        within the last few paragraphs, or in the same phrase ("The report, released by Amnesty
        International on Tuesday, said")."""
        m = _DEFINITE_DOCUMENT.fullmatch(name)
        fresh = _ISSUED_DOCUMENT.match(name) if m is None else None
        m = m or fresh
        if m is None or self.art.doc is None:
            return None
        noun = m.group(1).lower()
        noun = noun[:-1] if noun not in _ISSUED and noun[:-1] in _ISSUED else noun
        if self.issued is None:
            self.issued = []  # reading the issuers asks who they are, never back into this
            self.issued = documents_issued(self, self.art.doc)
        reach = 0 if fresh else _ISSUED_REACH  # a new document's issuer is in its phrase
        before = [w for at, n, w in self.issued if n == noun and -len(name) < pos - at <= reach]
        return (
            _Who(before[-1].speaker, "named", before[-1].entity_id, "statement") if before else None
        )

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
        own = words[0] == "the" and len(words) <= 6 and words[-1] in _OWN_ROLES
        own = own and not re.search(r"['’]s?\b", phrase)  # "the regulator's chairman"
        # a nickname: 'The "Pluto killer" added:' after Brown's words
        nickname = re.match(r"the\s+(?:so-called\s+)?[\"“][^\"“”]{2,40}[\"”]?$", phrase, re.I)
        national = _national(phrase)
        generic = self._generic_person(words, pos)
        if not (aged or own or nickname or national or generic) or self.art.doc is None:
            return None
        gender = _GENDER_WORDS.get(words[-1]) or _PERSON_WORDS.get(words[-1])
        pos += len(self.text[pos:]) - len(self.text[pos:].lstrip())
        e = self.art.pronoun(pos + 1, gender, nearest=False)  # from inside the phrase
        return _Who(e.name, "named", e.id) if e is not None else None

    def _generic_person(self, words: list[str], pos: int) -> bool:
        """Whether "the woman", "the teen" describes a person the story has not brought in
        unnamed before ("a woman called 911 ... the woman said" is that caller)."""
        if len(words) > 3 or words[0] != "the" or words[-1] not in _PERSON_WORDS:
            return False
        before = re.compile(rf"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,2}}{words[-1]}\b", re.I)
        return before.search(self.text, 0, pos) is None

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
        while (
            comma > 0 and inner.rfind(",", 0, comma) > 0 and self._place_after(start, inner, comma)
        ):
            inner = inner[:comma]  # "at the University of California, Irvine,": one name
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

    def _place_after(self, start: int, inner: str, comma: int) -> bool:
        """Whether a place's name alone follows the comma at `comma` in `inner` (which opens at
        `start`), after the name of a body or place it completes: "Springfield, Ill."."""
        words = inner[comma + 1 :]
        got = self.art.mention_ending(start + len(inner.rstrip()), start + comma + 1)
        before = self.art.mention_ending(start + comma, start)
        return (
            got is not None
            and got[0].kind == "place"
            and not words[: got[1].start - start - comma - 1].strip()
            and before is not None
            and before[0].kind in {"place", "organization"}
        )

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
        described = self.art.described_subject(pos, _PRONOUNS[word])
        if described is not None:
            return _Who(described, "unnamed", pronoun=word)
        said = self._spoke_before(pos, _PRONOUNS[word])
        if said is not None:
            return _Who(said.speaker, "named", said.entity_id, pronoun=word)
        e = self.art.pronoun(pos, _PRONOUNS[word], word)
        if e is None:
            return None
        return _Who(e.name, "named", e.id, pronoun=word)

    def it_at(self, pos: int) -> _Who | None:
        """The body an "it" at `pos` refers to."""
        return self._it(pos)

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
            if t.tag_ in ("WDT", "WP"):
                continue  # "activity that involved credit cards": the relative stands for a noun
            who = _named_at(self.art, t) or _owner_named(self.art, t)
            if who is None and t.pos_ == "NOUN":  # "The company disclosed ... It said"
                start, end = _extent(t)
                org = _definite_org(self.art, self.text[start:end], start)
                who = _Who(org.name, "named", org.id) if org is not None else None
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
        if hi <= lo:
            return None  # a quotation nested in another closes before the outer one's end
        head = text[lo:hi]
        if head.rstrip().endswith(":"):
            return None  # '... The statement she posted read: "..."' introduces the next quote
        stripped = len(head) - len(head.lstrip(" ,—–-"))
        lo += stripped
        put = self._put_it(lo, hi) or self._quoted_as(lo, hi, after=True)
        if put is not None:
            return put
        if _WE_ARE_TOLD.match(text, lo, hi):
            return _Who("a source", "unnamed", None, "told")
        closed = _closes_sentence(text, span)
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
            if closed and self._reports_more(vm.start(), vm.end()):
                return None  # '"... ." Lee said the money was not there.': her own words
            who = None
            if len(text[lo : vm.start()].split()) <= 14:
                who = self.who(lo, vm.start(), whole=True)
            if who is None and len(text[lo : vm.start()].split()) <= 16:
                who = self._described_person(lo, vm.start())
            if who is not None:
                who.verb = self._verb_text(vm, who, hi)
                who = self._officials_statement(who, lo)
            return who
        return self._any_verb(span, lo, hi)

    def _reports_more(self, start: int, end: int) -> bool:
        """Whether the speech verb at text[start:end] goes on to report words of its own ("said
        the money was not there"): "that" after it, or a clause the parse hangs on it."""
        if re.match(r"\s*that\b", self.text[end : end + 10]):
            return True
        verb = self.art.word(start, end)
        return verb is not None and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)

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

    def _authored(self, vm: re.Match[str], lo: int) -> _Who | None:
        """'A letter Gov. Tom Hale wrote to the court said:': the speech verb's subject is a
        document whose writer a relative clause names; the words are the writer's."""
        verb = self.art.word(vm.start(), vm.end())
        subject = _subject(verb) if verb is not None else None
        if subject is None or not lo <= subject.idx < vm.start():
            return None
        return _author(self, subject)

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
            end = self.art._end(e, start)
            if text[end : end + 2] in {"'s", "’s"}:
                return None
            if self._modifies_noun(end):
                continue  # "the Oscar winner": the name says what kind of winner, no one speaks
            return _Who(e.name, "named", e.id)
        return None

    def _modifies_noun(self, end: int) -> bool:
        """Whether the name ending at `end` modifies a common noun after it in the parse."""
        last = (
            self.art.doc.char_span(end - 1, end, alignment_mode="expand") if self.art.doc else None
        )
        if not last:
            return False
        tok = last[-1]
        return tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "NOUN"

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
                self._authored(vm, start)
                or self._parsed_subject(vm, start)
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
