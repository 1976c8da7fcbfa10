"""Speakers described rather than named: a body of a kind ("the company", "police"), a definite
description of a named person or organisation, the subject of the narration."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Entity
from .common import (
    _DEFINITE_ORG,
    _FIRST_PERSON,
    _NO_ONE,
    _NOT_COMPANY,
    _PAIR_NOUNS,
    _SPEAKER_NOUNS,
    _STATEMENT_NOUNS,
    _TITLE_SHORT,
    _Who,
)
from .syntax import _extent, _proper_name, _subject, _subject_speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .article import _Article
    from .attributor import _Attributor
    from .common import _Span


def _subject_who(attr: _Attributor, verb: Token) -> _Who | None:
    """Who the subject of `verb` is: a named person or body, a pronoun's person, or an
    unnamed source ("the school", "a spokesman")."""
    subject = _subject(verb)
    if subject is None:
        return None
    author = _author(attr, subject)
    if author is not None:
        return author
    if subject.lower_ in {"he", "she"}:
        return attr.pronoun_at(subject.lower_, subject.idx)
    if subject.lower_ == "it":
        return attr.it_at(subject.idx)
    start, end = _extent(subject)
    who = _subject_speaker(attr, subject, start, end)
    if who is None and subject.pos_ == "PROPN":
        who = _proper_name(subject)
    if who is None and subject.pos_ == "NOUN":
        who = _definite(attr.art, attr.text[start:end], start)
    return who


# what a person writes or issues, whose words are the writer's: "the forecast he issued"
_AUTHORED = frozenset(
    _STATEMENT_NOUNS | {"forecast", "warning", "email", "e-mail", "text", "essay"}
)


def _author(attr: _Attributor, noun: Token) -> _Who | None:
    """Who wrote a document a relative clause says is theirs ("a letter Gov. Tom Hale wrote
    to the court said", "Another forecast he issued that day was more to the point:"), when
    the text names them."""
    if noun.pos_ == "PRON":  # "Another, less widely circulated forecast he issued ...,"
        noun = next((t for t in noun.subtree if t.lower_ in _AUTHORED), noun)
    if noun.pos_ != "NOUN" or noun.lower_ not in _AUTHORED:
        return None
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        who = _subject_who(attr, clause)
        if who is not None and who.kind == "named":
            return who
    return None


# what a document's author does to it: "It issued another notice", "a campaign organized by"
_ISSUE_LEMMAS = frozenset(
    "issue release post publish send write pen launch organize organise start file put".split()
)
# documents an article names first and quotes later as "the notice", "the campaign"
_ISSUED = _AUTHORED | {"notice", "campaign", "petition", "bulletin", "report", "release"}


def documents_issued(attr: _Attributor, doc: Doc) -> list[tuple[int, str, _Who]]:
    """(position, noun, author) of each document the narration says someone issued ("It
    issued another notice on Thursday", "A GoFundMe campaign ... was organized by Robert
    Kulik", "Kulik's campaign"), where the author resolves to a name: what "the latest
    notice said" or "the campaign read" later refers back to."""
    out: list[tuple[int, str, _Who]] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _ISSUED:
            continue
        if attr.art.inside_quote(tok.idx):
            continue
        who = _issuer(attr, tok)
        if who is not None and who.kind == "named":
            out.append((tok.idx, tok.lemma_.lower(), who))
    return out


def _issuer(attr: _Attributor, noun: Token) -> _Who | None:
    """Who the narration says issued `noun`: the subject of the verb it is the object of, the
    agent of the passive it is the subject of, the subject of the verb it is the means of
    ("wrote in a memo"), or its possessor."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in _ISSUE_LEMMAS:
        return _subject_who(attr, head)
    if noun.dep_ == "nsubjpass" and head.lemma_ in _ISSUE_LEMMAS:
        return _agent_who(attr, head)
    verb = head.head
    if noun.dep_ == "pobj" and head.lower_ in {"in", "via"} and verb.pos_ == "VERB":
        # "Tim Cook addressed the staff in a memo": the active subject of the verb it serves
        if any(c.dep_ == "nsubj" for c in verb.children):
            return _subject_who(attr, verb)
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_ in _ISSUE_LEMMAS:
            return _agent_who(attr, child)  # "a statement released by the agency"
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            start, end = _extent(child)
            return _subject_speaker(attr, child, start, end) or _proper_name(child)
    return None


def _agent_who(attr: _Attributor, verb: Token) -> _Who | None:
    """The named agent of a passive verb: "organized by Robert Kulik"."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in (c for c in agent.children if c.dep_ == "pobj"):
            start, end = _extent(obj)
            return _subject_speaker(attr, obj, start, end) or (
                _proper_name(obj) if obj.pos_ == "PROPN" else None
            )
    return None


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
    # a public body's name says what it is: "the agency" of the Food and Drug Administration
    "agency": {"administration", "bureau", "centers", "centres", "institutes", "commission"},
    "league": {"league"},
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
    "bureau office institute union association organization organisation league".split()
)


def _definite_org(art: _Article, phrase: str, pos: int) -> Entity | None:
    """The organisation "the company" or "the academy" at `pos` refers to, if any."""
    dm = _DEFINITE_ORG.fullmatch(phrase)
    return art.organisation(pos, *map(str.lower, dm.groups(""))) if dm else None


# what a story calls a company, a public body, or either, that it has just named: "Toyota
# recalled 1 million cars ... the automaker said", "NASA launched ... the space agency said"
_FIRM_NOUNS = frozenset(
    "company firm giant automaker carmaker maker manufacturer retailer airline carrier studio "
    "bank lender insurer startup chain publisher conglomerate operator".split()
)
_PUBLIC_NOUNS = frozenset(
    "agency department ministry administration authority regulator watchdog office".split()
)
_MEDIA_NOUNS = frozenset("newspaper paper magazine network station broadcaster outlet".split())
_EITHER_NOUNS = frozenset(
    "group organization organisation charity club nonprofit team band league".split()
)
# words of a public body's name: "Federal Aviation Administration", "World Health Organization"
_PUBLIC_WORDS = frozenset(
    "agency department ministry administration authority service office commission council "
    "board bureau police government organization organisation institute committee centers "
    "centres institutes".split()
)
_DESCRIBED_BODY = re.compile(r"the (?:[\w.-]+ ){0,2}([a-z]+)")


def _salient_body(art: _Article, phrase: str, pos: int) -> Entity | None:
    """The organisation a description by its kind refers to: the one the narration has just
    made its subject, when the kind fits its name (a public body's name for "the agency")."""
    m = _DESCRIBED_BODY.fullmatch(phrase.strip(" \"“”'’,"))
    noun = m.group(1) if m else ""
    if noun not in _FIRM_NOUNS | _PUBLIC_NOUNS | _MEDIA_NOUNS | _EITHER_NOUNS:
        return None
    body = art.salient_body(pos)
    if body is None or noun in _EITHER_NOUNS:
        return body
    name = body.name.replace(".", "")
    public = bool(set(name.lower().split()) & _PUBLIC_WORDS)
    if noun in _PUBLIC_NOUNS:
        return body if public or (name.isupper() and len(name) > 1) else None
    if noun in _MEDIA_NOUNS:
        return None if public else body
    return body if not public and name.split()[-1].lower() not in _NOT_COMPANY else None


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
    org = org or _salient_body(art, phrase, pos)
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
    named = _named_document(art, words)
    if named is not None:
        return named
    role = _role_words(words)
    if role.rpartition(" ")[2].lower() in _GROUPS:
        role = ""  # "Finley's family" is no one person's title
    # "his spokesman": not a spokesman whose title names another owner
    unowned = bool(words) and words[0].lower() in _POSSESSIVES
    titled = next((e for r in _synonyms(role) if (e := art.titled(r, unowned)) is not None), None)
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


# nouns of a group, never one person's role: "According to a lawsuit filed by Finley's family,
# Boyle was ..." gives Boyle no title
_GROUPS = frozenset("family families team staff crew company government police".split())


# one role under the names a story uses in turn: "his lawyer" is "Hart's attorney, Paul Stone"
_SAME_ROLES = ("attorney", "lawyer", "counsel")


def _synonyms(role: str) -> list[str]:
    """The role, and its other names when its last word is one of `_SAME_ROLES`."""
    if not role:
        return []
    head, _, last = role.rpartition(" ")
    if last.lower() not in _SAME_ROLES:
        return [role]
    pre = f"{head} " if head else ""
    return [role] + [pre + r for r in _SAME_ROLES if r != last.lower()]


def _named_document(art: _Article, words: Sequence[str]) -> _Who | None:
    """ "The Acme Corp. statement", "a Dana Whitcombe post": the document of the body or
    person whose name stands whole between its determiner and its noun."""
    if len(words) < 4 or words[0].lower() not in {"a", "an", "the"}:
        return None
    if words[-1].lower() not in _STATEMENT_NOUNS:
        return None
    name = " ".join(words[1:-1])
    for e, m in art.by_end.values():
        if m.text == name and e.kind in {"person", "organization"}:
            return _Who(e.name, "named", e.id, "statement")
    return None


@lru_cache(maxsize=256)
def _description_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The text before a name that titles it a `noun` ("Sen. ", "her father, "), and after
    it in apposition (", an archaeologist at ...")."""
    short = _TITLE_SHORT.get(noun, noun)
    names = "|".join(re.escape(n) for n in {noun, short})
    # a title ("Sen. Elizabeth Warren", never "... said the prosecutor.\n\nMubarak") or a
    # described noun in apposition before the name ("her father, David Veatch")
    dot = rf"\b{re.escape(short)}\.[ \t]+" if short != noun else "(?!)"
    lead = re.compile(rf"(?:\b(?:{names})[ \t]+|{dot}|{_DESCRIBED}(?:{names}),\s+)$", re.IGNORECASE)
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
