"""Capitalised-word chunking: an article's tokens, the runs of capitalised words that may be names
(`_Chunker`), and the votes of context on each run's kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import (
    _acronym,
    _common,
    _demonyms,
    _facility,
    _forms,
    _gazetteer,
    _given_names,
    _months_days,
    _plural_noun,
    _quoted_title,
    _similar,
    _stop,
    english_word,
    fold,
)
from .words import (
    _BODIES,
    _CAMEL,
    _CLOCK_MARKERS,
    _CONNECTORS,
    _DETERMINERS,
    _EVENT_TAILS,
    _FIRMS,
    _HONORIFICS,
    _INITIALISM,
    _NEVER,
    _OF_HEADS,
    _OPENERS,
    _ORG_AFTER,
    _ORG_SUFFIXES,
    _ORG_VOICES,
    _PARTICLES,
    _PEERAGE,
    _PLACE_ALIASES,
    _PLACE_HEADS,
    _PLACE_PREPS,
    _PLACE_TAILS,
    _PLATFORMS,
    _POSSESSIVE,
    _ROLES,
    _SAY,
    _SENTENCE_END,
    _SERVICE_DISTRICTS,
    _SINGLE_ORGS,
    _TOKEN,
    _UNIONS,
)

if TYPE_CHECKING:
    pass


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str  # possessive stripped
    poss: bool = False

    @property
    def cap(self) -> bool:
        # a brand in camel case is capitalised too: "iSight", "eBay"
        return self.text[:1].isupper() or _CAMEL.match(self.text) is not None

    @property
    def low(self) -> str:
        return self.text.casefold().replace("’", "'")


@dataclass(slots=True)
class _Raw:
    """A mention before resolution: where it is, what it says, and kind votes."""

    article: int  # position of the article in the input
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    key: str
    votes: Counter[str] = field(default_factory=Counter)
    gender: str | None = None
    proper: bool = True  # seen in normally cased prose
    titled: str = ""  # the mention with the title written before it: "Mr Penhallow"
    ner: Counter[str] = field(default_factory=Counter)  # the NER model's votes, kept apart
    team: bool = False  # a side in a match or a results table ("Leeds 2 Newcastle 1")


def _tokens(text: str, offset: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        end = m.end()
        poss = False
        if len(word) > 2 and word[0].isalnum():
            p = _POSSESSIVE.search(word)
            if p:
                poss = True
                word = word[: p.start()]
                end = m.start() + len(word)
        out.append(_Tok(offset + m.start(), offset + end, word, poss))
    return out


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalnum()


def _mode(
    toks: list[_Tok], common: frozenset[str], stop: frozenset[str], lower_seen: set[str]
) -> str:
    """'prose', 'caps', 'lower' or 'title' (a headline in title case)."""
    words = [t for t in toks if t.text[:1].isalpha()]
    letters = "".join(t.text for t in words)
    if not letters:
        return "prose"
    upper = sum(c.isupper() for c in letters)
    if upper == 0:
        return "lower"
    if len(letters) >= 8 and upper / len(letters) > 0.8 and len(words) >= 2:
        return "caps"
    content = [
        t
        for t in words
        if t.low not in _CONNECTORS
        and t.low not in {"a", "an", "the", "to", "in", "on", "at", "by", "with", "and", "or", "is"}
    ]
    if len(content) >= 4:
        caps = [t for t in content if t.cap]
        commonish = sum(1 for t in caps if t.low in common or t.low in lower_seen)
        # "Has", "Her", "To" capitalised inside a sentence: title case, not names
        stops = sum(1 for k, t in enumerate(words) if k > 0 and t.cap and t.low in stop)
        if len(caps) / len(content) >= 0.75 and (commonish >= 4 or (stops and commonish >= 2)):
            return "title"
    return "prose"


def _context_votes(
    toks: Sequence[_Tok], chunk: Sequence[_Tok], idx: int, last_idx: int, votes: Counter[str]
) -> str | None:
    """Kind votes from the words around a name (`toks[idx:last_idx + 1]`): a role or a trade
    before it, what only a firm has after it, an apposition, an age, a relative clause, a place
    preposition, a speech verb. Returns the gender a role before it gives."""
    before = toks[idx - 1] if idx > 0 else None
    after = toks[last_idx + 1] if last_idx + 1 < len(toks) else None
    gender: str | None = None
    if before is not None and before.low in _ROLES:
        votes["person"] += 4
        gender = _ROLES[before.low]
    if before is not None and before.low in _FIRMS:
        votes["organization"] += 4  # "computer firm iSight", "the retailer Kessler Vantix"
    if after is not None and after.low in _ORG_AFTER and not chunk[-1].poss:
        nxt = toks[last_idx + 2].low if last_idx + 2 < len(toks) else ""
        if nxt not in _DETERMINERS:  # "Sementilli shares his thoughts": a verb
            votes["organization"] += 3  # "Costco customers", "Rite Aid employees"
    voice = after is not None and after.low in _ORG_VOICES and not chunk[-1].poss
    if voice and len(chunk) >= 2 and chunk[0].low not in _given_names():
        votes["organization"] += 3  # "Rite Aid spokeswoman Susan Henderson"
    # a trade noun and a comma before the name, or after it: "a software company, WTS
    # Paradigm,", "Xstrata, the mining company"
    if before is not None and before.text == "," and idx >= 2 and toks[idx - 2].low in _FIRMS:
        votes["organization"] += 3
    k = last_idx + 1
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in {"a", "an", "the"}:
        if any(t.low in _FIRMS for t in toks[k + 2 : k + 5]):
            votes["organization"] += 3
    # a role and a comma before the name: "Its vice-chair, Aoife Brannigan, said"
    if before is not None and before.text == "," and idx >= 2:
        role = toks[idx - 2].low.rsplit("-", 1)[-1]
        if role in _ROLES:
            votes["person"] += 3
    # a relative clause only people take: "Kerry Blanchard, whose two sons ..."
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in {"who", "whose"}:
        votes["person"] += 2
    # an age in apposition: "Liam Costigan, 34, from Carrickmoyle"
    if (
        k + 2 < len(toks)
        and toks[k].text == ","
        and toks[k + 1].text.isdigit()
        and 0 < int(toks[k + 1].text) < 120
        and toks[k + 2].text == ","
    ):
        votes["person"] += 3
    if before is not None and before.low in _PLACE_PREPS and not chunk[-1].poss:
        votes["place"] += 1  # not "in Dudley's pay": the place is the pay's
    if after is not None and after.low in _SAY and not chunk[-1].poss:
        # "the Broncos said": a team or a group by its plural, no person
        plural = before is not None and before.low == "the" and _plural_noun(chunk[-1].low)
        votes["organization" if plural else "person"] += 1
    return gender


# plural words that end a place's name: "Laurel Highlands", "Niagara Falls", "Palm Springs"
_PLACE_PLURALS = frozenset(
    "highlands lowlands heights hills falls springs islands isles walls gardens apartments "
    "towers woods meadows pines flats shores sands lakes keys plains".split()
)


class _Chunker:
    """Capitalised-sequence chunking with kind evidence, for one story."""

    def __init__(
        self, lower_seen: set[str], cap_seen: set[str], outlets: frozenset[str] = frozenset()
    ) -> None:
        self.outlets = outlets  # the articles' source names, folded: organisations
        self.common = _common()
        self.stop = _stop()
        self.never = _months_days() | _NEVER
        self.demonyms = _demonyms()
        self.regions, self.cities = _gazetteer()
        self.given = _given_names()
        self.lower_seen = lower_seen
        self.cap_seen = cap_seen
        self._seen_by_initial: dict[str, list[str]] | None = None

    def _demonym(self, low: str) -> bool:
        """A nationality or a group's name, one or many: "Israeli", "Palestinians"."""
        return low in self.demonyms or (low.endswith("s") and low[:-1] in self.demonyms)

    def _org_follows(self, toks: list[_Tok], k: int) -> bool:
        """Whether the capitalised run starting at `k` ends in an organisation suffix."""
        last = None
        while k < len(toks) and toks[k].cap and _is_word(toks[k]) and not self._stopword(toks[k]):
            last = toks[k]
            k += 1
        return last is not None and last.low in _ORG_SUFFIXES

    def _stopword(self, t: _Tok) -> bool:
        # "US" is a country, "us" a pronoun
        return t.low in self.stop and not (len(t.text) > 1 and t.text.isupper())

    def _commonish(self, t: _Tok) -> bool:
        return t.low in self.common or t.low in self.lower_seen

    def _participle_opener(self, chunk: list[_Tok]) -> bool:
        """A verb's -ing or -ed form opening a clause before a name ("Recalling Stapledon's
        description"); not a given name, a place, or a title's word before a word of the
        language ("Breaking Bad")."""
        low = chunk[0].low
        if len(chunk) < 2 or not low.endswith(("ing", "ed")) or low in self.given:
            return False
        if low in self.cities or low in self.regions:
            return False
        lone_word = len(chunk) == 2 and english_word(chunk[1].low)
        return english_word(low) and not lone_word

    def _wordish(self, low: str) -> bool:
        """A word of the language, or the plural of one: "Prosecutors said" is no name."""
        return any(f in self.common or f in self.lower_seen or f in _ROLES for f in _forms(low))

    def _variant_of_seen(self, t: _Tok) -> bool:
        """A word no dictionary knows, one or two letters off a word the story capitalises
        inside a sentence."""
        if len(t.low) < 5 or self._wordish(t.low):
            return False
        if self._seen_by_initial is None:
            self._seen_by_initial = {}
            for w in self.cap_seen:
                if len(w) >= 5:
                    self._seen_by_initial.setdefault(w[0], []).append(w)
        return any(_similar(t.low, w) for w in self._seen_by_initial.get(t.low[0], ()))

    def chunks(
        self, toks: list[_Tok]
    ) -> Iterable[tuple[list[_Tok], Counter[str], str | None, _Tok | None]]:
        """Name chunks of one prose sentence, each with kind votes, a gender if known and the
        first token of a title written before the name ("Superintendent", "Dr.") if any."""
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            # a capital "The" inside a sentence may open a name ("told The Vale Weekly");
            # `_evidence` keeps it only before an organisation's suffix
            the_name = (
                t.text == "The"
                and i > 0
                and toks[i - 1].text not in _OPENERS
                and toks[i - 1].text not in _SENTENCE_END
                and i + 1 < n
                and toks[i + 1].cap
                and _is_word(toks[i + 1])
            )
            # "the First Amendment", "First Nations": a capital "First" inside a sentence
            # opens the name after it
            first_opens = t.text == "First" and _inside_before_name(toks, i)
            if not (the_name or first_opens) and (
                not (t.cap and _is_word(t))
                or self._stopword(t)
                or t.low in self.never
                or _clock_marker(toks, i)
            ):
                i += 1
                continue
            clause_start = (
                i == 0
                or toks[i - 1].text in _OPENERS
                or toks[i - 1].text in _SENTENCE_END
                or _clock_marker(toks, i - 1)
                or _INITIALISM.fullmatch(toks[i - 1].text) is not None  # "the U.S. Period,"
            )
            j = i + 1
            while j < n:
                u = toks[j]
                if (
                    u.text == "."
                    and (toks[j - 1].low in _HONORIFICS or self._middle_initial(toks, i, j))
                    and j + 1 < n
                    and toks[j + 1].cap
                ):
                    j += 1  # "Mr." and "Jeffrey R. Gahler" keep going
                    continue
                if toks[j - 1].poss and not (u.cap and _is_word(u)):
                    break
                if u.cap and _is_word(u) and not self._stopword(u) and u.low not in self.never:
                    if toks[j - 1].text.endswith(".") and not (
                        u.low in self.cap_seen
                        or u.low in _ORG_SUFFIXES
                        or u.low in _OF_HEADS
                        or (toks[j - 1].text == "." and toks[j - 2].low in _HONORIFICS)
                    ):
                        break  # "the U.S. Period": the initialism ended a sentence
                    j += 1
                    continue
                # two particles in a row: "Ursula von der Leyen", "Oscar De La Hoya"
                run = 2 if u.low in _PARTICLES and toks[min(j + 1, n - 1)].low in _PARTICLES else 1
                if (
                    u.low in _CONNECTORS
                    and j + run < n
                    and toks[j + run].cap
                    and _is_word(toks[j + run])
                    and (u.low not in {"of", "for"} or toks[j - 1].low in _OF_HEADS)
                ):
                    j += run + 1
                    continue
                if (
                    u.low in {"and", "&"}
                    and j - i <= 2
                    and self._org_follows(toks, j + 1)
                    and (u.low == "&" or english_word(toks[j - 1].low))
                ):
                    j += 1  # "Fire and Rescue Service": "and" inside an organisation's name
                    continue  # but "CNN and Fox News" are two
                break
            chunk = [x for x in toks[i:j] if x.text != "."]
            i = j
            yield from self._split_at_title(toks, chunk, clause_start)

    def _middle_initial(self, toks: list[_Tok], i: int, j: int) -> bool:
        """Whether the dot at `j` closes a middle initial after a given name of the chunk."""
        return (
            j - 2 >= i
            and len(toks[j - 1].text) == 1
            and toks[j - 1].text.isupper()
            and toks[j - 2].low in self.given
        )

    def _split_at_title(
        self, toks: list[_Tok], chunk: list[_Tok], clause_start: bool
    ) -> Iterable[tuple[list[_Tok], Counter[str], str | None, _Tok | None]]:
        """A chunk's names when a title stands inside it: "New York Police Department Sgt.
        Daniel Boody" names the force and the sergeant; "Fire Chief Roberta Salas" one person,
        whose title the common word opens."""
        field = _portfolio_end(toks, chunk)
        if field is not None:
            chunk, clause_start = chunk[field:], False  # the words of the title, no name
        k = self._inner_title(toks, chunk)
        opener = None  # the first word of a title that a portfolio or a place opens
        if k is not None:
            if self._body(chunk[:k]):
                head = self._evidence(toks, chunk[:k], clause_start)
                if head is not None:
                    yield head
            else:  # "Foreign Minister", "Harford County Sheriff", as `_untitled` keeps them
                opener = chunk[0]
            chunk, clause_start = chunk[k:], False
        got = self._evidence(toks, chunk, clause_start)
        if got is not None:
            yield got if opener is None else (*got[:3], opener)

    def _body(self, words: list[_Tok]) -> bool:
        """A place or a public body before a title ("U.S.", "New York Police Department"); not
        a portfolio ("Foreign Minister", "Financial Secretary")."""
        key = fold(" ".join(x.text for x in words))
        key = _PLACE_ALIASES.get(key, key)
        return key in self.regions or key in self.cities or words[-1].low in _BODIES

    def _inner_title(self, toks: list[_Tok], chunk: list[_Tok]) -> int | None:
        """Where a title starts inside a chunk, before a short name: at "Sgt." of "... Police
        Sgt. Daniel Boody" (a dotted title, or a given name after it)."""
        for k in range(1, len(chunk) - 1):
            if chunk[k].low not in _HONORIFICS or chunk[k - 1].low in _HONORIFICS:
                continue
            e = k
            while e < len(chunk) and chunk[e].low in _HONORIFICS:
                e += 1
            rest = chunk[e:]
            if not 1 <= len(rest) <= 3 or rest[-1].low in _ORG_SUFFIXES | _PLACE_TAILS:
                return None  # "Queen Mary University", "Queen Elizabeth National Park"
            at = toks.index(chunk[e - 1]) + 1
            if rest[0].low in self.given or (at < len(toks) and toks[at].text == "."):
                return k
            return None
        return None

    def _evidence(
        self, toks: list[_Tok], chunk: list[_Tok], clause_start: bool
    ) -> tuple[list[_Tok], Counter[str], str | None, _Tok | None] | None:
        """A chunk as a name: trimmed of titles and openers, with its kind votes from the words
        around it, its gender and its title; None when what is left names nothing."""
        votes: Counter[str] = Counter()
        orgish = chunk[-1].low in _ORG_SUFFIXES and len(chunk) > 1
        if _quoted_title(toks, chunk):
            clause_start = False  # its first word is a word of the title, not an opener
        chunk, gender, title, clause_start = self._trimmed(chunk, clause_start, orgish, votes)
        if not chunk:
            return None
        first = chunk[0]
        key = fold(" ".join(x.text for x in chunk))
        if len(chunk) == 1:
            if len(first.text.rstrip("!")) < 2 or self._demonym(first.low):
                return None
            if first.low in _ORG_SUFFIXES and first.low not in _SINGLE_ORGS:
                return None  # a lone "Court" or "News" is generic
        idx, last_idx = toks.index(chunk[0]), toks.index(chunk[-1])
        after = toks[last_idx + 1] if last_idx + 1 < len(toks) else None
        if len(chunk) == 1 and clause_start:
            if not self._attested(first, key, after):
                return None  # a capitalised sentence opener, not attested as a name elsewhere
            if self._commonish(first) and first.low not in self.given:
                return None
        gender = gender or _context_votes(toks, chunk, idx, last_idx, votes)
        self._static_votes(chunk, key, votes)
        if gender is None:
            g = self.given.get(first.low)
            if g in {"f", "m"} and votes["person"] >= max(votes["place"], votes["organization"]):
                gender = g
        return chunk, votes, gender, title

    def _trimmed(
        self, chunk: list[_Tok], clause_start: bool, orgish: bool, votes: Counter[str]
    ) -> tuple[list[_Tok], str | None, _Tok | None, bool]:
        """A chunk without an inner possessive's tail, leading titles, roles, common words and
        articles: (what is left, the gender and first word of a title, whether it still opens
        its clause). A title or role votes for a person."""
        gender: str | None = None
        title: _Tok | None = None  # the first word of a title before the name
        # an inner possessive splits the chunk unless the whole is an organisation name, but
        # for a body's initials: "LAPD's Homicide Bureau" is the LAPD's
        for k, x in enumerate(chunk[:-1]):
            if x.poss and (not orgish or (k == 0 and _acronym(x.text))):
                chunk = chunk[: k + 1]
                break
        # leading titles and roles: "Judge", "Mr.", "Actress"; "Fire Chief": a common word,
        # then a title
        if (
            clause_start
            and len(chunk) > 2
            and chunk[1].low in _HONORIFICS
            and self._commonish(chunk[0])
            and not orgish
        ):
            title = chunk[0]
            chunk = chunk[1:]
        while len(chunk) > 1 and chunk[0].low in _HONORIFICS and not orgish:
            if chunk[0].low in _PEERAGE and chunk[1].low == "of":
                break  # "the Prince of Wales": the title with its place is the name
            votes["person"] += 4
            gender = gender or _HONORIFICS[chunk[0].low]
            title = title or chunk[0]
            chunk = chunk[1:]
            clause_start = False
        if title is not None and len(chunk) > 2 and chunk[0].low in {"for", "of"}:
            # a portfolio between title and name: "Minister for Health Siobhán Kearney"
            chunk = chunk[1:]
            while len(chunk) > 2 and chunk[0].low not in self.given:
                chunk = chunk[1:]
        # a capitalised opener before a given name: "Engineer Peter Lang", "Actress Kelly ..."
        if (
            clause_start
            and len(chunk) >= 2
            and chunk[0].low not in self.given
            and (chunk[0].low in _ROLES or (len(chunk) >= 3 and chunk[1].low in self.given))
            and not orgish
        ):
            if chunk[0].low in _ROLES:
                votes["person"] += 4
                gender = gender or _ROLES[chunk[0].low]
                title = title or chunk[0]
            chunk = chunk[1:]
            clause_start = False
        # leading common words and nationalities: "The", "German", "Celebs"
        while (
            chunk
            and not orgish
            and (
                self._demonym(chunk[0].low)
                or (clause_start and self._commonish(chunk[0]) and chunk[0].low not in self.given)
                or (clause_start and self._participle_opener(chunk))
            )
        ):
            chunk = chunk[1:]
            clause_start = False
        while chunk and chunk[0].low in {"the", "a", "an"}:
            if chunk[0].text == "The" and not clause_start and orgish:
                break  # a capital "The" inside a sentence is the name's: "told The Vale Weekly"
            chunk = chunk[1:]
        return chunk, gender, title, clause_start

    def _home_and_plural(self, words: Sequence[str]) -> bool:
        """A known city or state, then a plural noun that is no kind of place: a team."""
        home = " ".join(words[:-1])
        tail = words[-1]
        if len(words) < 2 or tail in _PLACE_TAILS | _PLACE_PLURALS or not _plural_noun(tail):
            return False
        return home in self.cities or home in self.regions

    def _attested(self, first: _Tok, key: str, after: _Tok | None) -> bool:
        """Whether a lone capitalised word opening a clause is a name: a given name, a
        possessive, a word the story capitalises inside a sentence, a known place, a word of
        no language before a speech verb ("Ostergard said ..."; not a plural noun:
        "Authorities say ..."), or a misspelling of a name the story writes ("Thackery")."""
        return (
            first.low in self.given
            or first.poss
            or first.low in self.cap_seen
            or key in self.regions
            or key in self.cities
            or (
                after is not None
                and after.low in _SAY
                and not self._wordish(first.low)
                and not _plural_noun(first.low)
            )
            or self._variant_of_seen(first)
        )

    def _static_votes(self, chunk: Sequence[_Tok], key: str, votes: Counter[str]) -> None:
        words = [x.low for x in chunk]
        alias = _PLACE_ALIASES.get(key, key)
        if alias in self.regions:
            votes["place"] += 4
        elif words[-1] in _ORG_SUFFIXES and len(words) > 1:
            votes["organization"] += 4
        elif key in self.outlets or fold("the " + key) in self.outlets:
            votes["organization"] += 4
        elif words[-1] == "district" and len(words) > 1 and words[-2] in _SERVICE_DISTRICTS:
            votes["organization"] += 4  # "Tamsin County Fire District" runs a service
        elif words[-1] in _PLACE_TAILS and len(words) > 1:
            votes["place"] += 3
        elif _facility(words, self.given):
            votes["place"] += 4  # "Four Seasons Hotel", "Heathrow Airport": a building, a site
        elif words[0] in _PLACE_HEADS and len(words) > 1:
            votes["place"] += 3
        elif words[0] in _PEERAGE and words[1:2] == ["of"]:
            votes["person"] += 5  # "Duke of Sussex": a peer, named by title and place
        elif "of" in words[1:] and (
            words[0] in _OF_HEADS or words[words.index("of", 1) - 1] in _OF_HEADS
        ):
            votes["organization"] += 3  # "National Union of Classroom Teachers"
        if self._home_and_plural(words):
            votes["organization"] += 3  # "Denver Broncos", "Chicago Bulls": a city's team
        if len(words) == 1 and words[0] in _SINGLE_ORGS or alias in _UNIONS:
            votes["organization"] += 4
        elif key in _PLATFORMS:
            votes["organization"] += 6  # the model reads "on Twitter" as a person or a work
        if len(words) > 1 and words[-1] in _EVENT_TAILS:
            votes["other"] += 4  # "U.S. Open", "Davis Cup": a contest, not who holds it
        raw = chunk[0].text
        if len(chunk) == 1 and alias not in self.regions and _acronym(raw):
            votes["organization"] += 2
        pop = self.cities.get(key)
        if pop is not None:
            votes["place"] += 3 if pop >= 1_000_000 else 2 if pop >= 100_000 else 1
        g = self.given.get(words[0])
        if len(words) > 1 and (
            words[-1] in _PLACE_TAILS or words[-1] in _ORG_SUFFIXES or _facility(words, self.given)
        ):
            # the last word of a compound name is its head: "(Queen) Elizabeth National Park"
            # and "Victoria Road" are places whatever title or given name comes before
            votes["person"] = 0
        elif g is not None and not votes["organization"] and alias not in self.regions:
            votes["person"] += 3 if 2 <= len(words) <= 4 else 2


def _portfolio_end(toks: list[_Tok], chunk: list[_Tok]) -> int | None:
    """Where a title's portfolio ends and a person's name starts, in a chunk right after the
    title's "for" or "of" ("High Commissioner for Human Rights Navi Pillay"): after the words
    of the language, before two or more that are not."""
    at = toks.index(chunk[0])
    if at < 2 or toks[at - 1].low not in {"for", "of"} or toks[at - 2].low not in _ROLES:
        return None
    k = 0
    while k < len(chunk) and english_word(chunk[k].low):
        k += 1
    return k if k >= 1 and len(chunk) - k >= 2 else None


def _inside_before_name(toks: Sequence[_Tok], i: int) -> bool:
    """Whether token `i` stands inside a sentence, before a capitalised word."""
    return (
        0 < i < len(toks) - 1
        and toks[i - 1].text not in _OPENERS
        and toks[i - 1].text not in _SENTENCE_END
        and toks[i + 1].cap
        and _is_word(toks[i + 1])
    )


def _clock_marker(toks: Sequence[_Tok], i: int) -> bool:
    """Whether token `i` is the "A.M." or "P.M." of a clock time ("11:03 P.M. Israel will ..."
    opens a live blog's entry): no name's word, and what follows it opens a clause."""
    return i > 0 and toks[i].low in _CLOCK_MARKERS and toks[i - 1].text[-1:].isdigit()
