"""Mentions of one article: chunks checked against the NER model's spans (boundaries, kinds), table
cells, datelines, titles and offices, headline joins; what is clutter and what is a name."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from ...model import Article, EntityKind, Sentence
from ...text.annotate import Annotations
from ...text.segment import segment, strip_dateline
from .. import tables
from .chunker import _Chunker, _is_word, _mode, _Raw, _tokens
from .lexicon import (
    _CREDIT_WORDS,
    _acronym,
    _common,
    _countries,
    _demonyms,
    _forms,
    _gazetteer,
    _given_names,
    _stop,
    _tagged_common,
    english_word,
    fold,
)
from .words import (
    _CLOCK_MARKERS,
    _HONORIFICS,
    _INITIALISM,
    _KINDS,
    _LONE_HEADS,
    _NER_OTHER,
    _OPENERS,
    _ORG_SUFFIXES,
    _PARTICLES,
    _PEERAGE,
    _PLACE_ALIASES,
    _PLACE_TAILS,
    _POSSESSIVE,
    _ROLES,
    _SENTENCE_END,
    _SPACY_LABELS,
    NER_WEIGHT,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .chunker import _Tok


def _story_vocab(token_lists: Iterable[list[_Tok]]) -> tuple[set[str], set[str]]:
    """Words seen in lower case anywhere, and words seen capitalised inside a sentence."""
    lower: set[str] = set()
    cap: set[str] = set()
    for toks in token_lists:
        if not any(t.text[:1].isupper() for t in toks):
            continue  # an all-lower-case line ("kelly rutherford") says nothing about case
        for k, t in enumerate(toks):
            if not t.text[:1].isalpha():
                continue
            if t.text[:1].islower():
                lower.add(t.low)
            elif (
                k > 0
                and toks[k - 1].text not in _OPENERS
                and not toks[k - 1].text.endswith(tuple(_SENTENCE_END))
            ):
                cap.add(t.low)
    return lower, cap


def _sentences_of(
    article: Article, sentences: Mapping[str, Sequence[Sentence]]
) -> Sequence[Sentence]:
    got = sentences.get(article.id)
    return got if got is not None else segment(article)


def _article_case(text: str) -> str | None:
    """'caps' or 'lower' when a whole article is written in one case, else None."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return None
    upper = sum(c.isupper() for c in letters)
    if upper == 0:
        return "lower"
    if upper / len(letters) > 0.9:
        return "caps"
    return None


def _chunk_mentions(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> list[_Raw]:
    per_sentence: list[tuple[int, Article, Sentence, list[_Tok]]] = []
    for ai, a in enumerate(articles):
        for s in _sentences_of(a, sentences):
            per_sentence.append((ai, a, s, _tokens(a.text[s.start : s.end], s.start)))
    lower, cap = _story_vocab(toks for *_, toks in per_sentence)
    # a word the story also writes in lower case is no evidence of a name mid-sentence
    cap -= {w for w in cap if w in lower and w not in _given_names()}
    chunker = _Chunker(lower, cap, frozenset(fold(a.source) for a in articles if a.source))
    raws: list[_Raw] = []
    degraded: list[tuple[int, Article, Sentence, list[_Tok], str]] = []
    whole = {a.id: _article_case(a.text) for a in articles}
    for ai, a, s, toks in per_sentence:
        mode = whole[a.id] or _mode(toks, chunker.common, chunker.stop, lower)
        if mode != "prose":
            degraded.append((ai, a, s, toks, mode))
            continue
        for chunk, votes, gender, title in chunker.chunks(toks):
            start, end = chunk[0].start, chunk[-1].end
            text = a.text[start:end]
            titled = a.text[title.start : end] if title is not None else ""
            raws.append(
                _Raw(ai, a.id, s.index, start, end, text, fold(text), votes, gender, True, titled)
            )
    raws = [_with_initials(r, articles[r.article].text) for r in raws]
    raws.extend(_known_in_degraded(raws, degraded, chunker))
    at = {(r.article, r.start, r.end): r for r in raws}
    for d in _datelines(per_sentence):
        same = at.get((d.article, d.start, d.end))
        if same is None:
            # "ST. PAUL", "NEW YORK": the dateline's place whole, not the words the chunker cut
            raws = [r for r in raws if not _within(r, d)]
            raws.append(d)
        else:
            same.votes.update(d.votes)
    return raws


def _within(r: _Raw, outer: _Raw) -> bool:
    return r.article == outer.article and outer.start <= r.start and r.end <= outer.end


_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,2}) $")  # "G. " of "G. Flower"


def _with_initials(r: _Raw, text: str) -> _Raw:
    """A surname with the initials written before it ("G. Flower", "R. Ponting" in a
    scorecard) is a person's name; other names go unchanged."""
    m = _INITIALS.search(text, max(0, r.start - 6), r.start)
    if m is None or r.votes["organization"] or r.votes["place"] or " " in r.text:
        return r
    if m.group(1).lower() in _CLOCK_MARKERS and text[: m.start()].rstrip()[-1:].isdigit():
        return r  # "11:03 P.M. Hamas": a clock time, no initials
    if fold(m.group(1)) in _gazetteer()[0]:
        return r  # "back to the U.S. Period": a country's initials end the sentence
    moved = _moved(r, m.start(1), r.end, text)
    moved.votes["person"] += 2
    return moved


_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"


# a wire dateline: the place in capitals, maybe its country or state, then the date or the
# dash before the story ("FRANKFURT 1996-08-22", "AL-AIN, United Arab Emirates 1996-12-06",
# "SYCAMORE, Ill. (AP) — ")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*)"
    r"(?:, (?P<region>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}))?"
    r"(?: ?\((?P<outlet>[^()]{1,30})\))?"
    rf"(?:\s+(?:\d{{4}}-\d\d-\d\d|{_MONTH_ABBR} \d{{1,2}})\s*$"
    # a plain hyphen only after the outlet: "NEW YORK (Reuters) - "
    r"| ?(?:—|–|--|(?<=\) )-|(?<=\))-) ?(?=[A-Z\"“‘']))"
)


def _datelines(per_sentence: Sequence[tuple[int, Article, Sentence, list[_Tok]]]) -> Iterable[_Raw]:
    """The place of a wire dateline, its country or state when spelt out, and the outlet in
    brackets ("BOSTON (CBS) –"), which the parse no longer reads there (text/annotate.py)."""
    for ai, a, s, _ in per_sentence:
        m = _DATELINE.match(a.text, s.start, s.end)
        if m is None:
            continue
        for group, kind in (("place", "place"), ("region", "place"), ("outlet", "organization")):
            words = m.group(group)
            if not words or not words[:1].isupper():
                continue
            if kind == "place" and (len(words) < 3 or ("." in words and " " not in words)):
                continue  # "Ill." is a state's abbreviation, no name to list; "ST. PAUL" is
            start = m.start(group)
            votes = Counter({kind: 3 if kind == "place" else 2})
            end = m.end(group)
            yield _Raw(ai, a.id, s.index, start, end, words, fold(words), votes, proper=False)


def _known_in_degraded(
    raws: Sequence[_Raw],
    degraded: Sequence[tuple[int, Article, Sentence, list[_Tok], str]],
    chunker: _Chunker,
) -> Iterable[_Raw]:
    """Mentions in headlines, all-caps and all-lower sentences: only names the story knows."""
    known: dict[tuple[str, ...], _Raw] = {}
    for r in raws:
        words = tuple(r.key.split())
        if len(words) == 1 and (words[0] in chunker.lower_seen or words[0] in chunker.common):
            continue  # a single word that is also a common word is unsafe without case
        known.setdefault(words, r)
    if not known:
        return
    longest = max(len(k) for k in known)
    for ai, a, s, toks, mode in degraded:
        wtoks = [t for t in toks if _is_word(t)]
        keys = [fold(t.text) for t in wtoks]
        i = 0
        while i < len(wtoks):
            hit = None
            for n in range(min(longest, len(wtoks) - i), 0, -1):
                cand = tuple(keys[i : i + n])
                if cand in known and (mode != "title" or wtoks[i].cap):
                    hit = n
                    break
            if hit is None:
                i += 1
                continue
            first, last = wtoks[i], wtoks[i + hit - 1]
            ref = known[tuple(keys[i : i + hit])]
            text = a.text[first.start : last.end]
            votes = Counter({k: 1 for k, v in ref.votes.items() if v > 0})
            yield _Raw(
                ai,
                a.id,
                s.index,
                first.start,
                last.end,
                text,
                ref.key,
                votes,
                ref.gender,
                proper=mode == "title" and text == ref.text,
            )
            i += hit


@cache
def _nicknamer() -> Any:
    from nicknames import NickNamer  # a curated table of English hypocorisms (Apache-2.0)

    return NickNamer()


def _nickname(a: str, b: str) -> bool:
    """One given name is a nickname of the other: Steve / Stephen, Bill / William."""
    nn = _nicknamer()
    return b in nn.nicknames_of(a) or a in nn.nicknames_of(b)


def _short_form(a: str, b: str) -> bool:
    """One given name is the other cut short, as news copy shortens it: Ray / Raymond,
    Pete / Peter, Ben / Benjamin."""
    short, long = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return (
        len(short) >= 3
        and long.startswith(short[:3])
        and (long.startswith(short) or long.startswith(short[:-1]) and short.endswith("e"))
    )


def _leaning(votes: Counter[str]) -> EntityKind:
    best: EntityKind = "other"
    top = 0
    for kind in _KINDS:
        if votes[kind] > top or (votes[kind] == top and top > 0 and best == "other"):
            best, top = kind, votes[kind]
    # the NER model's votes for a product, event or work outweigh weaker person/place evidence
    return "other" if votes["other"] > top else best


def _kind_of(votes: Counter[str], ner: Counter[str]) -> EntityKind:
    """The kind the rules' and the model's votes lean to; the model's "person" does not count
    against a trade or a suffix that makes a firm ("proxy advisory firm Glass Lewis") when
    nothing but a "said" says person."""
    if votes["organization"] >= 4 and votes["person"] < 3:
        ner = Counter({k: v for k, v in ner.items() if k != "person"})
    return _leaning(votes + ner)


_NerSpan = tuple[int, int, str]  # start and end in the clean text, label


def _ner_spans(annotations: Annotations) -> dict[str, tuple[list[int], list[_NerSpan]]]:
    """Each article's NER entities from the shared parse, sorted, with their starts."""
    out: dict[str, tuple[list[int], list[_NerSpan]]] = {}
    for aid, doc in annotations.docs.items():
        spans = [(_past_clock(e), e.end_char, e.label_) for e in doc.ents]
        spans = [sp for sp in spans if sp[0] < sp[1]]
        out[aid] = ([sp[0] for sp in spans], spans)
    return out


def _past_clock(ent: Span) -> int:
    """Where a model's name starts once a clock time's "P.M." before it is off ("11:03 P.M.
    Hamas said"): the model runs a live blog's time stamp into the name after it."""
    first = ent[0]
    if first.lower_ in _CLOCK_MARKERS and first.i > 0 and first.nbor(-1).text[-1:].isdigit():
        return ent[1].idx if len(ent) > 1 else ent.end_char
    return ent.start_char


def _overlapping(index: tuple[list[int], list[_NerSpan]], start: int, end: int) -> list[_NerSpan]:
    starts, spans = index
    i = max(0, bisect.bisect_right(starts, start) - 1)
    return [sp for sp in spans[i : bisect.bisect_left(starts, end)] if sp[1] > start]


def _ner_kind(label: str) -> str | None:
    return "other" if label in _NER_OTHER else _SPACY_LABELS.get(label)


def _with_ner(
    raws: list[_Raw], articles: Sequence[Article], annotations: Annotations
) -> list[_Raw]:
    """The chunker's mentions with the NER model's kinds and boundaries, plus the names only
    the model found (in all-capital lines, tables, headlines the chunker leaves alone)."""
    index = _ner_spans(annotations)
    out: list[_Raw] = []
    covered: dict[str, list[tuple[int, int]]] = {}
    for r in raws:
        ents = _overlapping(index.get(r.article_id, ([], [])), r.start, r.end)
        text = articles[r.article].text
        for piece in _reshape(r, ents, text):
            spans = _overlapping(index.get(r.article_id, ([], [])), piece.start, piece.end)
            for _, _, label in _with_particles(sorted(spans), text):
                kind = _ner_kind(label)
                if kind is not None:
                    piece.ner[kind] += NER_WEIGHT
            if (
                piece.ner["person"]
                and not piece.votes["person"]
                and _used_as_thing(piece, annotations)
            ):
                piece.ner["other"] += piece.ner.pop("person")
            leaning = _leaning(piece.votes + piece.ner)
            if leaning == "person" or (leaning == "other" and _office_first(piece)):
                piece = _untitled(piece, text)  # "SSP Nabugyere", which the model calls a product
            if leaning == "person":
                piece = _without_home(piece, text)
            out.append(piece)
    out = _no_overlaps(out)
    for piece in out:
        covered.setdefault(piece.article_id, []).append((piece.start, piece.end))
    out.extend(_ner_only(articles, annotations, index, covered))
    out = _table_cells(articles, annotations, out)
    regions, cities = _gazetteer()
    for piece in out:
        if _names_a_team(piece, annotations, regions, cities):
            piece.votes["organization"] += 6  # the match outweighs the city and the model
            piece.team = True
    return out


# what stands before a thing's name and never before a person's: "her Instagram Story"
_THING_DETERMINERS = frozenset(
    {"the", "a", "an", "her", "his", "its", "their", "my", "our", "your"}
)


def _used_as_thing(r: _Raw, annotations: Annotations) -> bool:
    """The parse uses the mention as a thing's name, which the model may call a person: a
    modifier of a common noun ("Tuesday's Mega Millions jackpot") or a name after an article
    or a possessive ("her Instagram Story", "a Kit Kat")."""
    span = annotations.span(r.article_id, r.sentence)
    if span is None:
        return False
    mention = span.doc.char_span(r.start, r.end, alignment_mode="expand")
    if mention is None:
        return False
    root = mention.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= mention.end:
        return True
    before = mention.start - 1
    return (
        before >= 0
        and span.doc[before].lower_ in _THING_DETERMINERS
        and span.doc[before].head.i == root.i
    )


def _table_cells(
    articles: Sequence[Article], annotations: Annotations, raws: list[_Raw]
) -> list[_Raw]:
    """The mentions with the names of sports tables read as their rows read them."""
    # a side is a team (a country's side reads as the country), a player a person
    # (`tables.cells`); a mention that is a cell takes its vote, and one that runs over cells
    # with only figures or small words between them ("Karlsruhe 4", "M. Azharuddin st
    # Kaluwitharana") gives way to the cells
    starts_of = _sentence_starts(annotations)
    by_article: dict[str, list[_Raw]] = {}
    for r in raws:
        by_article.setdefault(r.article_id, []).append(r)
    dropped: set[int] = set()
    added: list[_Raw] = []
    for ai, a in enumerate(articles):
        mine = by_article.get(a.id, [])
        found = tables.cells(a.text)
        for r in mine:
            inside = [c for c in found if r.start <= c.start and c.end <= r.end]
            if inside and (r.start, r.end) != inside[0][:2] and _only_cells(r, inside, a.text):
                dropped.add(id(r))
        kept = [r for r in mine if id(r) not in dropped]
        at = {(r.start, r.end): r for r in kept}
        for start, end, role in found:
            cell, row_vote = _cell_raw(ai, a, starts_of.get(a.id, []), start, end, role)
            same = at.get((start, end))
            if same is not None:
                same.votes.update(row_vote)
                same.team = same.team or cell.team
            elif cell.votes and not any(r.start < end and start < r.end for r in kept):
                added.append(cell)
    return [r for r in raws if id(r) not in dropped] + added


def _only_cells(r: _Raw, cells: list[tables.Cell], text: str) -> bool:
    """Whether a mention's text outside the cells it holds has no capitalised word."""
    rest = text[r.start : r.end]
    for c in sorted(cells, reverse=True):
        rest = rest[: c.start - r.start] + " " + rest[c.end - r.start :]
    return not re.search(r"[A-Z]", rest)


def _cell_raw(
    ai: int, a: Article, starts: list[tuple[int, int]], start: int, end: int, role: str
) -> tuple[_Raw, Counter[str]]:
    """A table cell as a mention (gazetteers' votes and the row's), and the row's vote alone."""
    words = a.text[start:end]
    votes: Counter[str] = Counter()
    toks = [t for t in _tokens(words, start) if _is_word(t)]
    _Chunker(set(), set())._static_votes(toks, fold(words), votes)
    key = _PLACE_ALIASES.get(fold(words), fold(words))
    country = key in _countries()
    # a player's bracket holds a club or a country: "(Rabobank)", "(Czech Republic)"
    place = country or role == "affiliation" and votes["place"] > 0
    kind = "person" if role == "player" else "place" if place else "organization"
    row_vote: Counter[str] = Counter()
    # a given name with a surname plays for itself ("Jan Siemerink (Netherlands) vs.
    # ..."); a lone one is the club's town ("Nancy 0 Paris St Germain 0")
    if not (role == "side" and votes["person"] and " " in words):
        row_vote[kind] = 6
    if not votes and all(w in _common() for w in fold(words).split()):
        row_vote.clear()  # a row's label, no name: "Attendance 12,000", "Halftime 1-0"
    raw = _Raw(ai, a.id, _sentence_at(starts, start), start, end, words, fold(words))
    raw.votes, raw.proper = votes + row_vote, False
    raw.team = kind == "organization" and bool(row_vote)
    return raw, row_vote


def _sentence_starts(annotations: Annotations) -> dict[str, list[tuple[int, int]]]:
    """Each article's sentences as sorted (start offset, sentence index) pairs."""
    starts_of: dict[str, list[tuple[int, int]]] = {}
    for (aid, i), sp in annotations.spans.items():
        starts_of.setdefault(aid, []).append((sp.start_char, i))
    return {aid: sorted(starts) for aid, starts in starts_of.items()}


def _sentence_at(starts: list[tuple[int, int]], offset: int) -> int:
    """The index of the sentence that holds a character offset."""
    k = bisect.bisect_right(starts, (offset, 1 << 30)) - 1
    return starts[k][1] if k >= 0 else 0


# what a team does to another in a match report: "Leeds beat Newcastle", "drew with Everton"
_MATCH_VERBS = frozenset(
    "beat defeat draw lose edge thrash rout overcome trounce crush upset outclass hammer "
    "overpower eliminate oust".split()
)


_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")


# a results table's line: "Leeds 2 Newcastle 1", "Essex 532-8", "Ajax v PSV"; a standings
# line: "CINCINNATI 74 55 .574"
_RESULT_LINE = re.compile(
    r"^[A-Z][\w.'&\- ]*? (?:(?:\d{1,3}(?:-\d{1,3})?|vs?\.?) [A-Z(]|\d{1,3} \d{1,3}\b)"
)


# a row that scores both sides, "Luton 0 Stoke 1" (not "Channel 7 News Online")
_SCORED_ROW = re.compile(r"^[A-Z][\w.'&\- ]*? \d{1,3} [A-Z][\w.'&\- ]*? \d")


def _names_a_team(
    r: _Raw, annotations: Annotations, regions: frozenset[str], cities: Mapping[str, int]
) -> bool:
    """A city named as the team it fields (CoNLL's and a sports page's reading): "Leeds" in
    "Leeds beat Newcastle 2-1" or in a results line. Never a country or a state (a national
    side reads as its country), nor a name with a person's evidence."""
    words = r.key.split()
    if r.votes["person"] or _PLACE_ALIASES.get(r.key, r.key) in _countries():
        return False
    known = any(w in cities or w in regions for w in words)
    span = annotations.span(r.article_id, r.sentence)
    if span is None or not (known or r.ner["place"]):
        return False
    if _RESULT_LINE.match(span.text):  # the model's place will do here: "Leicestershire 353"
        after = span.doc.text[r.end : r.end + 8]
        return span.start_char == r.start or re.match(r" \d", after) is not None
    return known and _is_a_side(r, span)


def _is_a_side(r: _Raw, span: Span) -> bool:
    """The mention is a side in a match the sentence reports (the parse's subject or object of
    a match verb, or "against" / "v" a side in a sentence with a score)."""
    doc = span.doc
    mention = doc.char_span(r.start, r.end, alignment_mode="expand")
    if mention is None:
        return False
    root = mention.root
    head = root.head
    if root.dep_ in {"nsubj", "dobj", "nsubjpass"} and head.lemma_ in _MATCH_VERBS:
        # the other side is a name or a score is given: not "Cummings lost his footing"
        other = [t for t in head.children if t.dep_ in {"dobj", "nsubj"} and t.i != root.i]
        return any(t.pos_ == "PROPN" for t in other) or _SCORE.search(span.text) is not None
    if root.dep_ == "pobj" and head.lower_ in {"against", "v", "vs", "vs.", "with", "over"}:
        verb = head.head
        return verb.lemma_ in _MATCH_VERBS or _SCORE.search(span.text) is not None
    return False


def _no_overlaps(raws: list[_Raw]) -> list[_Raw]:
    """Of mentions that overlap once boundaries moved ("St" stretched to "St. Brendan" over
    "Brendan's Hospital"), the longest stays."""
    ordered = sorted(raws, key=lambda r: (r.article, r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for r in ordered:
        last = kept[-1] if kept else None
        if last is not None and last.article == r.article and r.start < last.end:
            if r.end - r.start > last.end - last.start:
                kept[-1] = r
            continue
        kept.append(r)
    return kept


_NOT_IN_NAME = re.compile(r"[\n/|()\[\]:;,@#]")  # a credit or a list, not one name


def _reshape(r: _Raw, ents: list[_NerSpan], text: str) -> list[_Raw]:
    """Fix a chunk's boundaries where the model reads the name better: a title before a person
    comes off ("Prime Minister Benjamin Netanyahu"), a name the chunker cut short is completed
    ("Nikolaus van der Pas"), two names run together are split ("Golan Heights Israel")."""
    names = [_without_the(e, text) for e in ents if e[2] in _SPACY_LABELS and e[2] != "NORP"]
    names = _with_particles(sorted(names), text)
    if len(names) == 1:
        start, end, label = names[0]
        if start <= r.start and end >= r.end and (start, end) != (r.start, r.end):
            if _completes(text, names[0], (r.start, r.end)):
                return [_moved(r, start, end, text, votes=_headed(r, text[start:end]))]
    own = [n for n in names if n[0] > r.start]  # "[European] Commission President Ursula ..."
    if len(own) == 1 and own[0] == names[-1]:
        start, end, label = own[0]
        if (
            end == r.end
            and label == "PERSON"
            and not _given_before(text, start)
            and _title_like(text[r.start : start])
        ):
            moved = _moved(r, start, end, text)
            moved.titled = moved.titled or _titled(text[r.start : start], text[r.start : end])
            return [moved]
    inside = [e for e in names if e[0] >= r.start and e[1] <= r.end]
    if len(inside) == 1 and inside[0][2] in {"GPE", "LOC"} and inside[0][0] == r.start:
        # "the Texas Republican": a party's or a people's member from a place, who is no
        # name; the place is
        tail = [e for e in ents if e[2] == "NORP" and e[1] == r.end]
        if tail and not text[inside[0][1] : tail[0][0]].strip():
            return [_moved(r, inside[0][0], inside[0][1], text, votes=Counter())]
    if len(inside) >= 2 and len(inside) == len(names) and not _joined(inside, text):
        return [_moved(r, s, e, text, votes=Counter()) for s, e, _ in inside]
    return [r]


def _joined(spans: list[_NerSpan], text: str) -> bool:
    """Whether the model's names in one chunk are joined by "and" or "&", as the chunker joins
    the words of one organisation's name ("the Arts and Humanities Research Council", "Finn
    Dixon & Herling"), or by a surname's particles: no two names run together."""
    if any("&" in text[a[0] : a[1]].split() for a in spans[1:]):
        return True  # the model's "Finn" / "Dixon & Herling": a firm's partners, one name
    pairs = zip(spans, spans[1:], strict=False)
    return any(
        (gap := text[a[1] : b[0]].strip().lower()) == "&"
        or (gap == "and" and not _stands_alone(text[a[0] : a[1]]))
        for a, b in pairs
    )


def _with_particles(spans: list[_NerSpan], text: str) -> list[_NerSpan]:
    """The model's person names with a surname that opens on particles made whole: its
    "Ursula von" and "Leyen" are Ursula von der Leyen."""
    out: list[_NerSpan] = []
    for sp in spans:
        a = out[-1] if out else None
        if a is not None and a[2] == "PERSON":
            gap = text[a[1] : sp[0]].lower().split()
            last = text[a[0] : a[1]].lower().split()[-1]
            if all(w in _PARTICLES for w in gap) and (gap or last in _PARTICLES):
                out[-1] = (a[0], sp[1], "PERSON")
                continue
        out.append(sp)
    return out


def _stands_alone(words: str) -> bool:
    """Whether the words before an "and" are a name of their own ("CNN", "Steele"), not a name
    whose last word is a word of the language that goes on past the "and" ("Arts and Humanities
    Research Council", "Ostbury Fire and Rescue Service")."""
    last = words.split()[-1:] or [""]
    return not english_word(last[0].lower())


_POSSESSIVE_AT = re.compile(r"['’]s(?![A-Za-z])|['’](?=\s)")  # not "O’Brien"


def _title_like(words: str) -> bool:
    """Whether the words the model leaves before a person could be a title ("Prime Minister",
    "Harford County Sheriff"): their last word is a word of the language or an honorific, not
    a name ("Perryman" of "Perryman Road", where the model read "Road" as a person)."""
    toks = re.findall(r"[A-Za-z][\w'’-]*", words)
    if not toks:
        return True
    parts = toks[-1].lower().split("-")  # "Secretary-General"
    return all(english_word(p) or p in _HONORIFICS for p in parts)


def _completes(text: str, span: _NerSpan, chunk: tuple[int, int]) -> bool:
    """Whether the model's span around a chunk is the name the chunker cut short."""
    start, end, label = span
    words = text[start:end]
    if not (label in {"PERSON", "ORG"} or _known_place(words)):
        return False
    listed = _NOT_IN_NAME.search(words) and not (label == "ORG" and _fields_of(words))
    if listed or _HEADLINE_JOIN.search(words) or _runs_over_verb(words):
        return False
    front = text[start : chunk[0]]
    if start < chunk[0] and _title_like(front) and not _given_before(text, chunk[0]):
        # "Astrophysicist Nikolai Kardashev", "Recalling Kardashev's ...": a role or a verb
        # the chunker took off; a person's title before the name comes off too
        if label == "PERSON" or _CLAUSE_OPEN.search(text, max(0, start - 6), start):
            return False
        if end == chunk[1] and fold(front.split()[-1]) in _HONORIFICS:
            return False  # "Federal Reserve Chair Eleanor Vance", which the model calls a body
    if end > chunk[1] and text[chunk[1]] in "'’":
        poss = _POSSESSIVE_AT.match(text, chunk[1])
        over = poss is not None and end > poss.end()  # a word after it: "Cosby’s Jesus"
        if _acronym(text[chunk[0] : chunk[1]]) or (label == "PERSON" and over):
            # over a body's possessive: "LAPD’s Homicide Unit" is the LAPD's unit; no person's
            # name holds one: "Not saying Mr. Cosby’s Jesus" (Cosby is Jesus)
            return False
    if _ends_sentence_inside(words):
        return False  # "back to the U.S. Period,": the initialism ended the sentence
    cut = re.search(r"\s+and\s+", words)
    if cut is not None and not chunk[0] <= start + cut.start() < chunk[1]:
        if _stands_alone(words[: cut.start()]):
            return False  # "Steele and Fusion GPS": two names, not one
    # not over the title of the person named next: "New York Police Department Sgt."
    return not (end > chunk[1] and fold(words.split()[-1]) in _HONORIFICS)


def _ends_sentence_inside(words: str) -> bool:
    """Whether a model's name runs from an initialism over one word of the language that opens
    the next sentence ("U.S. Period"), not over a name's head ("U.S. Postal Service")."""
    dot = words.rfind(". ")
    if dot < 0 or not _INITIALISM.fullmatch(words[: dot + 1].split()[-1]):
        return False  # no initialism there; one initial is a middle name's ("Dana K. Quill")
    after = words[dot + 2 :].split()
    low = after[0].lower() if len(after) == 1 else ""
    return english_word(low) and low not in _ORG_SUFFIXES and low not in _PLACE_TAILS


def _headed(r: _Raw, words: str) -> Counter[str]:
    """The votes of a chunk the model completed: a head word the chunk lacked decides between
    organisation and place ("U.S." + "Postal Service" is an organisation); else its own."""
    votes = Counter(r.votes)
    head, own = words.split()[-1].lower(), r.text.split()[-1].lower()
    if head == own:
        return votes
    if head in _ORG_SUFFIXES:
        votes["place"] = 0
        votes["organization"] += 4
    elif head in _PLACE_TAILS:
        votes["organization"] = 0
        votes["place"] += 3
    return votes


_FIELDS = re.compile(
    r"^(?:[Tt]he )?[A-Z][\w.]*(?: [A-Z][\w.]*)* (?:of|for|on) (?P<fields>[^\n/|()\[\]:;@#]+)$"
)


def _fields_of(words: str) -> bool:
    """An institution named by the fields it covers, listed with commas: "Bureau of Alcohol,
    Tobacco, Firearms and Explosives", "Department for Environment, Food and Rural Affairs". Each
    field is a capitalised common word, so a list of names ("Bank of America, Wells Fargo and
    Citigroup") is not one."""
    m = _FIELDS.match(words)
    if m is None or "," not in m["fields"]:
        return False
    fields = [w for w in re.split(r",\s*|\s+", m["fields"]) if w and w not in {"and", "&"}]
    return all(w[0].isupper() and english_word(w.lower()) for w in fields)


def _runs_over_verb(words: str) -> bool:
    """A span over a lower-case content word: "Isaiah claims Frances" is two names and a
    verb; "Nikolaus van der Pas" and "Committee for the Investigation of ..." are one name."""
    stop = _stop()
    return any(
        w[:1].islower() and w not in stop and w not in _PARTICLES for w in words.split()[1:-1]
    )


_OF_PLACE = re.compile(r" of (?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)$")


def _without_home(r: _Raw, text: str) -> _Raw:
    """A person's name without the home town written after it ("Oliveras of Dover"); a
    title's place stays ("the Duke of Edinburgh")."""
    m = _OF_PLACE.search(r.text)
    if m is None or not _known_place(m["place"]):
        return r
    before = r.text[: m.start()].split()[-1].lower()
    if english_word(before) or before in _PEERAGE:
        return r  # a title, not a name: "Duke of Edinburgh", "Mayor of London"
    return _moved(r, r.start, r.start + m.start(), text)


def _known_place(words: str) -> bool:
    """A country, state or city by the gazetteer: "New Zealand", where the chunker kept only
    "Zealand" of "(New Zealand)"."""
    regions, cities = _gazetteer()
    key = fold(words)
    return _PLACE_ALIASES.get(key, key) in regions or key in cities


def _given_before(text: str, start: int) -> bool:
    """A given name just before `start`: the model read "President Bill Clinton" as "Clinton",
    but "Bill" is his name, not his title."""
    words = text[max(0, start - 20) : start].split()
    return bool(words) and fold(words[-1]) in _given_names()


def _without_the(span: _NerSpan, text: str) -> _NerSpan:
    """The model's span without a leading "the": the chunker's span decides on that word."""
    start, end, label = span
    m = re.match(r"(?:the|The)\s+", text[start:end])
    return (start + m.end(), end, label) if m else span


def _untitled(r: _Raw, text: str) -> _Raw:
    """A person's mention without the role words written before the name: "Taiwanese Vice
    President Lien Chan" is Lien Chan; a given name ends the title ("Will Smith" stays)."""
    toks = _tokens(r.text, r.start)
    given, common, demonyms = _given_names(), _common(), _demonyms()
    k = 0
    words = len([t for t in toks if t.low not in _PARTICLES])  # "Bill de Blasio": two
    while k < len(toks) - 1:
        low = toks[k].low
        # a given name ends the title; "Bill Clinton" keeps the common word "Bill" too
        if low in given and (k > 0 or low not in common or words == 2):
            break
        if len(low) == 1 and toks[k + 1].text == ".":
            break  # an initial ("A. Flower"), not the article "a"
        if low in _PEERAGE and toks[k + 1].low == "of":
            break  # "Prince of Wales": the title and its place are the name
        if not (
            low in _ROLES
            or low in _HONORIFICS
            or low in common
            or low in demonyms
            or (k == 0 and _office(toks, given, common))
        ):
            break
        k += 1
    if k == 0:
        return r
    moved = _moved(r, toks[k].start, r.end, text)
    moved.titled = moved.titled or _titled(text[r.start : toks[k].start], r.text)
    return moved


def _office(toks: list[_Tok], given: Mapping[str, str], common: frozenset[str]) -> bool:
    """A rank's or an agency's initials opening a person's mention, before a given name or a
    role: "SSP Francis Nabugyere", "UWA Communications Manager Bashir Hangi"."""
    if len(toks) < 2 or not _acronym(toks[0].text) or toks[0].low in common:
        return False  # "WATCHED Nurse", "TIPS Hotline": a heading's capitals
    if len(toks) == 2:  # "OFK Beograd", "AJ Smith": a club's or a first name's initials
        return False
    nxt = toks[1].low
    return nxt in given or nxt in _ROLES or nxt in _HONORIFICS or nxt in common


def _office_first(r: _Raw) -> bool:
    """Whether a mention opens with a rank's or an agency's initials before a name."""
    return _office(_tokens(r.text, r.start), _given_names(), _common())


def _titled(before: str, whole: str) -> str:
    """The titled form of a name, unless the words cut off before it are a photo credit
    ("Getty Images Hosni Mubarak", "Courtesy Velizar Simeonovski")."""
    return "" if _CREDIT_WORDS.search(before) else whole


def _moved(r: _Raw, start: int, end: int, text: str, votes: Counter[str] | None = None) -> _Raw:
    """The mention `r` with new boundaries (and its own votes unless others are given)."""
    end = start + len(_without_figures(text[start:end], text, start))
    words = text[start:end]
    poss = _POSSESSIVE.search(words) if len(words) > 3 else None
    if poss:  # the model's span may keep a curly "’s": "Dudley’s pay"
        words, end = words[: poss.start()], start + poss.start()
    return _Raw(
        r.article,
        r.article_id,
        r.sentence,
        start,
        end,
        words,
        fold(words),
        Counter(r.votes) if votes is None else votes,
        r.gender,
        r.proper,
        r.titled,
    )


# a score, a time or an innings after a name in a results table: "Leeds 2", "G. Gooch 111",
# "Klinsmann 44th", "Van Heeswijk 1 second"
_FIGURES_AFTER = re.compile(
    r"(?:\s+(?:\d[\d.,:\-]*(?:st|nd|rd|th)?|minutes?|seconds?|points?|pts|runs?|laps?)\b)+\W*$"
)


def _without_figures(words: str, text: str, start: int) -> str:
    """A name without the figures a table writes after it; a lone small number stays unless
    the line reads as a results table ("Luton 0 Stoke 1", but "Channel 7 News")."""
    m = _FIGURES_AFTER.search(words)
    if m is None or m.start() == 0:
        return words
    if re.fullmatch(r"\s+\d{1,2}\W*", m.group()):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        figures = len(re.findall(r"(?<![\w.])\d[\d.:,\-]*(?!\w)", line))
        person = re.match(r"[A-Z]\.", words) or fold(words.split()[0]) in _given_names()
        table = _SCORED_ROW.match(line) or figures >= 2 and len(line.split()) <= 12
        if not (person or table):
            return words  # "Channel 7 News Online"; a person's name never ends in a number
    return words[: m.start()]


# a headline's joints: "CRICKET - ENGLAND V PAKISTAN" is a section label and two sides
_HEADLINE_JOIN = re.compile(r" (?:-|–|—|v|V|vs\.?|VS\.?) ")


_LOWER_WORD = re.compile(r"(?<![\w.@/])[a-z]{3,}\b(?![.@/]\w)")


def _ner_only(
    articles: Sequence[Article],
    annotations: Annotations,
    index: Mapping[str, tuple[list[int], list[_NerSpan]]],
    covered: Mapping[str, list[tuple[int, int]]],
) -> Iterable[_Raw]:
    """Person, organisation and place names the model found where no chunk stands."""
    rules = _Chunker(set(), set())
    starts_of: dict[str, list[tuple[int, int]]] = {}
    for (aid, i), sp in annotations.spans.items():
        starts_of.setdefault(aid, []).append((sp.start_char, i))
    # words written in lower case in prose, not in an address ("united.com", "@united")
    lower = {w for a in articles for w in _LOWER_WORD.findall(a.text)}
    for ai, a in enumerate(articles):
        taken = covered.get(a.id, [])
        sent_starts = sorted(starts_of.get(a.id, []))
        for start, end, label in index.get(a.id, ([], []))[1]:
            kind = _SPACY_LABELS.get(label)
            if kind in (None, "other") or any(s < end and start < e for s, e in taken):
                continue
            raw = a.text[start:end]
            words = re.sub(
                r"^(?:the|The)\s+", "", _without_figures(raw, a.text, start).strip(" .,'’\"")
            )
            poss = _POSSESSIVE.search(words) if len(words) > 3 else None
            words = words[: poss.start()] if poss else words
            start += raw.index(words) if words else 0
            if not words[:1].isupper() or "\n" in words or _HEADLINE_JOIN.search(words):
                continue
            if _hyphen_joined(a.text, start, start + len(words)):
                continue  # "the I-Team", "Teeny-tiny stars": half of a hyphenated word
            if words.isupper() and words.casefold() in lower:
                continue  # "RESULTS", "CRICKET": a heading's word the story writes in lower case
            if fold(words) in _LONE_HEADS and fold(words) in lower:
                continue  # "Hotel officials said" where "the hotel" is the story's common noun
            if _common_opener(words, a.text, start, lower, annotations.docs.get(a.id)):
                continue  # "Groups like the American Heart Association ...": no name
            k = bisect.bisect_right(sent_starts, (start, 1 << 30)) - 1
            sentence = sent_starts[k][1] if k >= 0 else 0
            votes: Counter[str] = Counter()
            toks = [t for t in _tokens(words, start) if _is_word(t)]
            if toks:  # the gazetteers and given names vote as on the chunker's names
                rules._static_votes(toks, fold(words), votes)
            raw_mention = _Raw(
                ai,
                a.id,
                sentence,
                start,
                start + len(words),
                words,
                fold(words),
                votes,
                proper=False,
                ner=Counter({kind: NER_WEIGHT}),
            )
            kind = _leaning(votes + raw_mention.ner)
            yield _untitled(raw_mention, a.text) if kind == "person" else raw_mention


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is part of a hyphenated word: the model's span stops at a hyphen
    ("Team" of "the I-Team", "Teeny" of "Teeny-tiny stars"), but the word is the unit, and a
    hyphenated name ("Kim Jong-un") is the chunker's, which keeps it whole."""
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()
    return before or after


_CLAUSE_OPEN = re.compile(r"(?:^|[.!?:;…\n][\"”’']?)\s*[\"“‘'(\[—–-]?\s*$")


def _common_opener(
    words: str, text: str, start: int, lower: set[str], doc: Doc | None = None
) -> bool:
    """One capitalised word opening a sentence or a quote that the story also writes in lower
    case, or that the parse tags a common noun ("Sugar is one of the worst things", "Groups
    like the American Heart Association"): a word, not a name the model saw."""
    if " " in words or not words.isalpha() or words.isupper():
        return False
    if _CLAUSE_OPEN.search(text, max(0, start - 6), start) is None and not _after_dateline(
        text, start
    ):
        return False
    return bool(_forms(words.lower()) & lower) or _tagged_common(doc, start, start + len(words))


def _after_dateline(text: str, start: int) -> bool:
    """Whether a line opens on a wire dateline that ends at `start`: "PORT ALDOUS (Channel 7)
    — Ferry commuters ..." opens its sentence on "Ferry"."""
    head = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(head) and strip_dateline(head + "X") == "X"
