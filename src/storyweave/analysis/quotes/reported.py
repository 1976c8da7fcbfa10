"""Reported speech ("X said that ...", "according to X", "X, saying ..."): its words and its
speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import Quote, Sentence
from ...text.segment import strip_dateline

# "heard" reports speech only after a court: "the court heard that ...", "..., the inquest heard."
from .common import (
    _ACCORDING,
    _ADJUNCT_THAT,
    _BEFORE_THAT,
    _NEEDS_THAT,
    _NOT_CLAUSE,
    _PARTIAL_WORDS,
    _REPORTED,
    _SUBORDINATORS,
    _TELL,
    _VERB_RE,
    _Span,
    _Who,
)
from .described import _definite, _subject_who
from .direct import _QUOTED_AS
from .marks import _QUOTE_MARKS, _name_end
from .syntax import _extent, _subject, _subject_speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .article import _Article
    from .attributor import _Attributor


_HEARING = re.compile(r"\b(?:court|jury|inquest|tribunal|hearing)$", re.IGNORECASE)


def _heard_ok(verb: str | None, who: _Who) -> bool:
    return (
        not verb
        or not verb.lower().startswith("heard")
        or bool(who.speaker and _HEARING.search(who.speaker))
    )


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
        at += body[at + 1 : at + 2] in {'"', "”"}  # 'that he "knew," the paper said': past the mark
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
    said = strip_dateline(body[: at + (body[at] in {'"', "”"})].strip())
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
    """A reported quote of sentence `s`, without the wire dateline a story's first sentence
    opens on ("WASHINGTON (Reuters) - The department paid ..., according to ...")."""
    return Quote(
        strip_dateline(said), who.speaker, who.kind, art.a.id, art.a.source, s.index, who.entity_id, verb, False
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
    shared = verb.dep_ == "conj" and subject.head.i == verb.head.i  # "X apologized and said"
    if subject.dep_ != "nsubj" or subject.pos_ not in ({"PROPN", "NOUN"} if shared else {"PROPN"}):
        # a description ("her mother, who told ...") is read by the rules above; a passive
        # subject ("Martinez was reported missing by ...") is not the speaker
        return None
    between = subject.doc[(verb.head if shared else subject).i + 1 : verb.i]
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


def _has_verb(art: _Article, begin: int, end: int) -> bool:
    """Whether the words after a speech verb hold a verb of their own, as a reported clause
    does: "insisted outside the courthouse" reports nothing. True without a parse."""
    span = art.doc.char_span(begin, end, alignment_mode="expand") if art.doc else None
    # the parse's clause head where the tagger misread it ("the scheme cost investors $50m")
    return span is None or any(t.pos_ in {"VERB", "AUX"} or t.dep_ == "ccomp" for t in span)


# verbs that report speech with or without "that" however the parse reads what follows
_SAYING_LEMMAS = frozenset("say tell add explain write state insist argue note".split())


def _token_at(art: _Article, at: int) -> Token | None:
    """The parsed token at character `at`, when the article has a parse."""
    span = art.doc.char_span(at, at + 1, alignment_mode="expand") if art.doc else None
    return span[0] if span else None


def _clause_start(verb: Token, past_that: bool = True) -> Token | None:
    """The first word of the clausal complement the parse gives a verb after it, past its
    "that" (or, not `past_that`, only a clause with none); None when it has none."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is None:
        return None
    first = comp.left_edge
    if first.dep_ != "mark":
        return first
    return verb.doc[first.i + 1] if past_that and first.i + 1 < len(verb.doc) else None


def _complement_start(art: _Article, verb_at: int, begin: int, end: int) -> int | None:
    """Where a verb's clausal complement starts after an adjunct with no "that" ("said on
    Wednesday the country would leave"), by the parse; None when it has none there."""
    verb = _token_at(art, verb_at)
    first = _clause_start(verb, past_that=False) if verb is not None else None
    return first.idx if first is not None and begin < first.idx < end else None


def _predicated(verb: Token) -> bool:
    """Whether a speech verb says what state someone is in, not what was said: "reported
    missing", "reported dead" (its complement or modifier follows it at once)."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    stated = verb.lemma_.lower() in {"report", "declare", "confirm"}  # not "said letting her"
    return verb.dep_ == "acl" or (
        stated
        and nxt is not None
        and nxt.head.i == verb.i
        and nxt.dep_ in {"xcomp", "acomp", "oprd"}
    )


def _object_only(verb: Token | None) -> bool:
    """Whether a verb other than "say" takes a plain object and no clause in the parse:
    "confirmed the news", "acknowledged the error", "warned residents" (not speech)."""
    if verb is None or verb.lemma_.lower() in _SAYING_LEMMAS:
        return False
    after = [c for c in verb.children if c.i > verb.i]
    return any(c.dep_ == "dobj" for c in after) and not any(
        c.dep_ in {"ccomp", "xcomp", "advcl", "conj"} for c in after
    )


# "told the inquest that": the listener, then "that" ("told of their heartbreak at hearing
# that" tells no listener)
_THAT_AFTER = re.compile(
    r"(?:(?!(?:of|about|at|in|on|for|with|from)\b)(?![\w'’-]+ing\b)[\w'’.-]+\s+){1,6}?that\s+"
)


# the attribution of the whole sentence at the end of what was reported: "Ruiz told deputies
# she forgot the child was there, Gillett said."
_NESTED_SAID = re.compile(r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|added)$")


# what one tells that is no one's words: "tells her story", "told the truth", "told jokes"
_THINGS_TOLD = frozenset("story tale truth lie joke secret".split())


def _told_clause(art: _Article, verb_at: int, begin: int, end: int) -> int | None:
    """Where what was told starts, past a listener the pattern does not know ("told analysts
    the cuts were painful", "told her supporters in Ohio that"): the verb's clausal
    complement in the parse, after its "that", else after a "that" a few words on. None
    when only a listener follows ('"...," Schumer told a news conference.')."""
    verb = _token_at(art, verb_at)
    if verb is None:
        return begin
    doc = verb.doc
    first = _clause_start(verb)
    if first is not None:
        return first.idx if begin <= first.idx < end else begin
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _THINGS_TOLD for c in verb.children):
        return None  # "tells her story from heaven": a telling, no words reported
    if any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return None  # "told the nurses to deliver it": an order, no words reported
    that = _THAT_AFTER.match(art.text, begin, end)
    if that is not None:
        return that.end()
    rest = [t for t in verb.sent if t.i > verb.i and not t.is_punct]
    if len(rest) <= 5 and not any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    # "told deputies she forgot ...": past the listener the parse makes its object
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    for nxt in (obj.i + 1, obj.right_edge.i + 1) if obj is not None else ():
        if nxt < verb.sent.end - 3 and doc[nxt].pos_ in {"PRON", "DET", "PROPN"}:
            return max(begin, doc[nxt].idx)
    return begin


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
        if m.group(1).lower() in _TELL:
            told = _told_clause(art, m.start(1), begin, s.end)
            if told is None:
                continue  # '"...," Schumer told a news conference.': a listener, nothing told
            begin = begin if told is None else told
        said_verb = _token_at(art, m.start(1))
        if "that" not in m.group(3) and _object_only(said_verb):
            continue  # "confirmed the news to Us Weekly": a thing confirmed, no words
        if said_verb is not None and _predicated(said_verb):
            continue  # "people reported missing": a state reported of them, no words
        if "that" not in m.group(3):
            if (
                m.group(1).lower() in _NEEDS_THAT
                and _complement_start(art, m.start(1), begin - 1, s.end) is None
            ):
                # "maintains an exterior", "revealed a plan": an object, not speech; unless the
                # parse gives a clause ("claimed the women made only $150 per game")
                continue
            nxt = re.match(r"[\w'’]+", text[begin : s.end])
            if nxt is None:
                continue
            if nxt.group().lower() in _NOT_CLAUSE:
                # an adjunct, then the reported clause: "said in a statement that he was"
                adj = _ADJUNCT_THAT.match(text, begin, s.end)
                after = adj.end() if adj else _complement_start(art, m.start(1), begin, s.end)
                if after is None:
                    continue
                begin = after
        who = attr.who(s.start, m.start(), whole=False) or _verb_subject(attr, m.start(1), m.end(1))
        if who is None or who.speaker is None or not _heard_ok(m.group(1), who):
            continue
        if who.pronoun == "it":
            continue  # "it said that ...": too often a thing, not a body; direct quotes only
        said = _NESTED_SAID.sub("", text[begin : s.end].strip().rstrip("."))
        if "that" not in m.group(3):
            # an adjunct before "that": "said outside court that her client ..."
            said = _BEFORE_THAT.sub("", said, count=1)
        if len(said.split()) < 3 or _subjectless(art, begin) or not _has_verb(art, begin, s.end):
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
# "TRUMP: Well, ...", and an oral history's "GLORIA FENN, producer: We had ..."
TRANSCRIPT_LABEL = re.compile(
    r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?:, [a-z][\w'’ -]{0,30})?:\s"
)


PROMO_LABELS = frozenset(
    "WATCH TRAILER VIDEO VIDEOS PHOTOS PHOTO GALLERY LISTEN RELATED MORE SEE ALSO READ".split()
)
