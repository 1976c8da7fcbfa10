"""`find_quotes`: every article's quotes and their speakers, then the passes across the story (a
speaker named in one article lends the full name to another; transcripts; forces and roles)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Article, Entity, Mention, Quote, Sentence
from ...text.segment import segment
from ..entities import fold
from ..entities.words import _HEADS as _BODY_WORDS
from ..speakers import FullNames, initials_match
from .article import _Article, _genders
from .attributor import _Attributor
from .common import _NO_ONE, _SPEAKER_NOUNS, _Who
from .direct import _direct
from .reported import PROMO_LABELS, TRANSCRIPT_LABEL, _reported

if TYPE_CHECKING:
    from ...text.annotate import Annotations


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


# a transcript turn labelled with a name as the page writes it: "Ricks: Yeah, I read each one."
_NAME_LABEL = re.compile(r"^([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}):\s")


def _turn_labels(
    art: _Article, entities: Sequence[Entity], sents: Sequence[Sentence]
) -> list[str | None]:
    """Each sentence's transcript label: a capital one ("TRUMP:"), or a name the article gives
    a person of ("Ricks:", "Brian Williams:"); None where the article is no transcript."""
    texts = [s.text.lstrip() for s in sents]
    labels = capital_labels(texts)
    for k, text in enumerate(texts):
        m = _NAME_LABEL.match(text) if labels[k] is None else None
        if m is not None and _label_person(m.group(1), entities, art.a.id) is not None:
            labels[k] = m.group(1)
        elif labels[k] is None and _QA_LABEL.match(text):
            labels[k] = text[0]  # an interview's "Q:" and "A:"
    return transcript_labels(labels)


_QA_LABEL = re.compile(r"^[QA]:\s")
# who asks in an interview the page prints as questions and answers: "She spoke with staff
# writer Dana Whitcomb", "Interview by Sam Cole"
_INTERVIEWER = re.compile(
    r"\b(?:writer|reporter|editor|correspondent|columnist|host|interviewer|"
    r"spoke (?:with|to)|talked (?:with|to)|interview(?:ed)? by)\s+$",
    re.IGNORECASE,
)


def _interview(art: _Article) -> tuple[Entity | None, Entity | None]:
    """(who asks, who answers) in a Q-and-A interview: the person the introduction gives as
    the interviewer, and the first other person it names."""
    asks = next(
        (e for start, e in art.persons if _INTERVIEWER.search(art.text, max(0, start - 40), start)),
        None,
    )
    answers = next((e for _, e in art.persons if asks is None or e.id != asks.id), None)
    return asks, answers


def _transcript(
    art: _Article, entities: Sequence[Entity], sents: Sequence[Sentence]
) -> tuple[list[tuple[int, Quote]], dict[int, _Who]]:
    """Each turn of a transcript (label to the next label or the end of its paragraph) as a
    direct quote of the labelled speaker, where no quotation mark already holds it; and the
    speaker of each sentence inside a turn."""
    labels = _turn_labels(art, entities, sents)
    out: list[tuple[int, Quote]] = []
    turn_of: dict[int, _Who] = {}
    for i, label in enumerate(labels):
        if label is None:
            continue
        s = sents[i]
        j = i + 1
        while j < len(sents) and labels[j] is None and sents[j].paragraph == s.paragraph:
            j += 1
        who = _label_speaker(label, entities, art.a.id)
        if label in {"Q", "A"}:
            person = _interview(art)[label == "A"]
            who = _Who(person.name, "named", person.id) if person else _Who(None, "unresolved")
        turn_of.update(dict.fromkeys(range(i, j), who))
        start = s.start + s.text.index(":") + 1
        words = art.text[start : sents[j - 1].end].strip()
        if len(words.split()) < 2 or any(
            lo < sents[j - 1].end and start < hi for lo, hi in art.quoted
        ):
            continue
        q = Quote(words, who.speaker, who.kind, art.a.id, art.a.source, i, who.entity_id, None)
        out.append((s.start, q))
    return out, turn_of


# a speaker telling what they said themselves: "And I said, '...'"
_I_SAID = re.compile(r"\bI (?:said|say|told|asked|wrote|thought)\b")


def _said_in_turn(q: Quote, turn_of: Mapping[int, _Who], sents: Sequence[Sentence]) -> Quote:
    """A quotation the turn's speaker says they said ("Ricks: ... And I said, '...'"): theirs."""
    who = turn_of.get(q.sentence)
    if who is None or q.speaker_kind != "unresolved" or not q.direct:
        return q
    text = next((s.text for s in sents if s.index == q.sentence), "")
    if not _I_SAID.search(text):
        return q
    return replace(q, speaker=who.speaker, speaker_kind=who.kind, entity_id=who.entity_id)


def _label_person(label: str, entities: Sequence[Entity], article_id: str) -> Entity | None:
    """The person of this article whose name ends with the label's last word."""
    last = label.split()[-1].strip(".").casefold()
    for e in entities:
        if e.kind == "person" and e.name.split()[-1].casefold() == last:
            if article_id in e.articles:
                return e
    return None


def _label_speaker(label: str, entities: Sequence[Entity], article_id: str) -> _Who:
    """ "TRUMP" -> the person of this article whose name ends so; "REPORTER" -> "a reporter"."""
    last = label.split()[-1].strip(".").casefold()
    person = _label_person(label, entities, article_id)
    if person is not None:
        return _Who(person.name, "named", person.id)
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
        turns, turn_of = _transcript(art, entities, sents)
        found = [(at, _said_in_turn(q, turn_of, sents)) for at, q in found] + turns
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


_NOT_ROLES = _NO_ONE | frozenset("company police government family".split())


_BORROW_CHARS = 30  # the shortest shared quote that says it is the same words


_HEADLINE_CHARS = 20  # ... words a headline quotes from its own article's attributed quote


def _borrow_chars(donor: Quote, q: Quote) -> int:
    """How long shared words must be for `q` to take `donor`'s speaker: another outlet's
    quote, or the article's own attributed quote that its headline quotes in part."""
    if donor.article_id != q.article_id:
        return _BORROW_CHARS
    return _HEADLINE_CHARS if q.sentence == 0 else 1 << 30
