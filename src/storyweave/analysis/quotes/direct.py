"""Who a direct quotation belongs to when no attribution sits beside it: the sentence that
introduces it (a colon, a comma), the speaker of the paragraph before, the parse's subject."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import Quote, Sentence
from .common import _FIRST_PERSON, _OWN_ROLES, _PRONOUNS, _VERB, _Who
from .described import _MASTHEADS, _definite, _narration_subject, _subject_who
from .marks import _closes_sentence, _paragraphs
from .syntax import (
    _SPEECH_LEMMAS,
    _SUBJECTS,
    _TITLE_SMALL,
    _a_title,
    _anonymous,
    _body_named,
    _extent,
    _proper_name,
    _speaks,
    _subject,
    _subject_speaker,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .article import _Article
    from .attributor import _Attributor
    from .common import _Span


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


_SUBJECT_REACH = 1  # sentences of narration back a pronoun looks for the subject it continues


_CHAIN_REACH = 3  # further sentences back, while each one's subject is the same pronoun


def _pronoun_subject(sent: Span) -> str | None:
    """The main clause's subject of a sentence when it is a pronoun ("he"), else None."""
    subject = next((t for t in sent.root.children if t.dep_ in _SUBJECTS), None)
    return subject.lower_ if subject is not None and subject.pos_ == "PRON" else None


def _continues(sent: Span, pronoun: str) -> bool:
    """Whether a sentence's main subject carries on the person named before it: the same
    pronoun ('He said ... He added'), or a definite description news copy uses instead of
    the name ('Savannah Pryce is opening up ... the Oscar nominee, 41, reflected ...')."""
    subject = next((t for t in sent.root.children if t.dep_ in _SUBJECTS), None)
    if subject is not None and subject.pos_ == "PRON":
        return subject.lower_ == pronoun
    if subject is None:
        # the small parser hangs "In an interview with Vanity Fair, the Oscar nominee, 41,
        # reflected" on "Vanity Fair": a description before the verb is its subject
        before = [t for t in sent if t.i < sent.root.i and t.dep_ == "appos"]
        subject = before[0] if before else None
    return subject is not None and _describes_person(subject)


def _describes_person(noun: Token) -> bool:
    """"the Oscar nominee", "the 36-year-old model": a definite description of a person."""
    det = [c.lower_ for c in noun.children if c.dep_ == "det"]
    aged = any(t.lower_ == "year" for t in noun.subtree)
    return noun.pos_ == "NOUN" and det == ["the"] and (noun.lower_ in _OWN_ROLES or aged)


def _parsed(attr: _Attributor, doc: Doc, span: _Span, after: bool = False) -> _Who | None:
    """The speaker as the parse reads it: the subject of a speech verb outside the quote, in
    the sentence that holds the quote ('"...," the 61-year-old, who ..., later told police');
    `after`: only a verb after the quote (not the one a quote split in two shares)."""
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
            if not _speaks(verb) or lo <= verb.idx < hi or (after and verb.idx < hi):
                continue
            if after and re.search('["“”]', attr.text[hi : verb.idx]):
                continue  # past the next quotation: its own attribution
            if not introduces and not para[0] <= verb.idx < para[1]:
                continue
            if not introduces and verb.i not in heads:
                continue  # the quote must hang on the verb: '"...," he said', 'called it "..."'
            subject = _subject(verb)
            if subject is None or lo <= subject.idx < hi:
                continue
            if "\n" in attr.text[min(subject.idx, verb.idx) : max(subject.idx, verb.idx)]:
                # a heading the parse ran into the sentence ("MEDIA / The president blasted"):
                # the subject is the noun phrase that opens the verb's own paragraph
                subject = _paragraph_subject(attr.text, verb)
                if subject is None:
                    continue
            start, end = _extent(subject)
            who = _subject_speaker(attr, subject, start, end)
            if who is None and subject.pos_ == "NOUN":
                # a common noun that speaks is an unnamed source: "One senior investor said:",
                # unless it is "the fraternity" that the text has named
                phrase = attr.text[start:end]
                who = (
                    attr.issued_before(start, phrase)
                    or _definite(attr.art, phrase, start)
                    or attr.aged(phrase, start)
                    or _body_named(attr.art, subject)
                    or _Who(phrase, "unnamed")
                )
            if who is None and subject.pos_ == "PROPN" and subject.ent_type_ == "NORP":
                who = attr.aged(attr.text[start:end], start)  # "the Ohio Republican added"
            if who is None and subject.pos_ == "PROPN":
                who = _proper_name(subject)
            if who is not None:
                who.verb = who.verb or verb.text
                return who
    return None


def _paragraph_subject(text: str, verb: Token) -> Token | None:
    """The head of the noun phrase that opens the paragraph of `verb`, before it."""
    start = text.rfind("\n", 0, verb.idx) + 1
    first = next((t for t in verb.sent if t.idx >= start and not t.is_space), None)
    if first is None or first.i >= verb.i:
        return None
    head = first.head if first.pos_ == "DET" else first
    return head if head.pos_ in {"NOUN", "PROPN", "PRON"} and head.i < verb.i else None


def _introduced_and_closed(text: str, span: _Span) -> bool:
    """Whether a quotation follows a colon and ends its own sentence inside its marks."""
    return text[: span.open].rstrip().endswith(":") and _closes_sentence(text, span)


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
        lo = (
            spans[k - 1].close + 1
            if k > 0 and spans[k - 1].close >= span.para_start
            else (span.para_start)
        )
        # 'He said: "... ." A spokesman said ...': a sentence introduced and closed is its
        # introducer's; the next sentence's speaker is its own
        who = attr.before(span, lo) if _introduced_and_closed(text, span) else None
        if who is None:
            who = _same_speaker(art, attr.after(span, min(nxt, para_end)), prev, span)
        if who is None:
            who = attr.before(span, lo)
        if who is None and prev is not None and prev[0].close >= span.para_start:
            # news style: a quote with no attribution continues the last speaker's paragraph,
            # unless a clause of its own introduces it ('Stony Brook has also issued a
            # statement: "..."')
            if doc is not None and text[prev[0].close + 1 : span.open].rstrip().endswith(":"):
                who = _colon_intro(attr, doc, span)
            if who is None and doc is not None:
                who = _parsed(attr, doc, span, after=True)  # '"...," a beekeeper there said'
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
    if any(
        last_span.close < start < span.open and e.id != last.entity_id
        for start, e in art.persons
        if art.genders.get(e.id) in {None, _PRONOUNS[who.pronoun]}
    ):
        return who  # '"...," Brey said. Guard Rex Pflueger scored 12. "...," he said.'
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
