"""Speakers read on the shared spaCy parse: the subject of a speech verb, the head of a name, the
extent of a speaker's phrase, and whether a clause is anonymous."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

# verbs of speech by lemma, for the parse: the subject of one of these outside a quote speaks it
from .common import _ROLE_NOUNS, _Who

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .article import _Article
    from .attributor import _Attributor


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
    for k in range(4):
        # of two subjects the parse gives the verb a participle hangs on ("As her colleagues
        # grilled Stumpf, Warren lit into ..., saying"), the nearer before it
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        before = [c for c in subjects if c.i < verb.i]
        subject = before[-1] if before and k else next(iter(subjects), None)
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
            if t.i < verb.i
            and t.dep_ in _SUBJECTS
            and t.pos_ in {"PROPN", "NOUN"}
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
