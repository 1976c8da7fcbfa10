"""A speaker's full name: the story's entity table often keeps a short form ("Tom", "United",
"Cruz Riojas") beside the full one ("Tom Tangney", "United Airlines", "Cruz Riojas Hooper").

A quote's reader wants the full name, so a short form takes the longest form of the story
that only adds to it: words after it (a surname, "Airlines"), or a given name before a surname
("Lewis" -> "Mike Lewis"); never a title ("Dr Mike Brown") nor a body named after a person
("John Smith Foundation").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..model import Entity
from .entities import fold, given_name_gender
from .entities.words import _GENERATIONS

__all__ = ["FullNames", "Kin", "initials_match", "kin_names"]

# words that make a name an institution's, not a longer form of a person's name
_BODY_WORDS = frozenset(
    "foundation center centre institute university college school hospital fund trust "
    "association society company inc corp ltd llc group award awards prize act law rule "
    "street avenue road park hall bridge building stadium arena library museum house "
    "airport station center".split()
)


@dataclass(frozen=True, slots=True)
class _Form:
    words: tuple[str, ...]  # folded words
    text: str
    entity: Entity


class FullNames:
    """The story's entity table, asked for the full form of a short speaker name."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}
        self.weight = {e.id: len(e.mentions) for e in entities}
        self.forms: list[_Form] = []
        for e in entities:
            if e.kind == "place":
                continue
            for v in dict.fromkeys((e.name, *e.variants)):
                words = tuple(fold(v).split())
                if words:
                    self.forms.append(_Form(words, v, e))

    def full(self, name: str, entity_id: str | None) -> tuple[str, str | None]:
        """The full form of `name` (and its entity's id), else `name` and `entity_id`."""
        own = self.by_id.get(entity_id) if entity_id else None
        kind = own.kind if own is not None else "person"
        words = tuple(fold(name).split())
        if not words or kind == "place":
            return name, entity_id
        best: dict[str, tuple[_Form, int]] = {}
        for f in self.forms:
            if len(f.words) <= len(words) or not self._extends(words, f, kind, own):
                continue
            key = " ".join(f.words)
            weight = self.weight[f.entity.id] + (1000 if f.entity is own else 0)
            if key not in best or weight > best[key][1]:
                best[key] = (f, weight)
        if not best:
            return name, entity_id
        ranked = sorted(best.values(), key=lambda p: (p[1], len(p[0].words)), reverse=True)
        if len(ranked) > 1 and not _nested(ranked[:2]):
            # the one named most ("United Airlines" over "United Express"; "Trump" of a story
            # on Donald Trump, not Ivanka); for people only when it clearly leads: "Brown" of
            # Nicole or of Michael Brown stays "Brown"
            lead = 2 if kind == "person" else 1
            if ranked[0][1] < lead * ranked[1][1] or ranked[0][1] == ranked[1][1]:
                return name, entity_id
        form = ranked[0][0]
        return form.text, form.entity.id

    @staticmethod
    def _extends(words: tuple[str, ...], f: _Form, kind: str, own: Entity | None) -> bool:
        """Whether form `f` is `words` with words added that make a fuller name."""
        n = len(words)
        other = f.entity is not own
        if other and f.entity.kind != kind and not (kind == "person" and n >= 2):
            return False  # "George" is not "George Mason University"
        if f.words[-1] in _BODY_WORDS and kind == "person":
            return False
        raw = f.text.split()
        if len(raw) != len(f.words):
            return False
        if f.words[:n] == words:
            added = raw[n:]
            if len(added) == 1 and added[0].lower().rstrip(".") in _GENERATIONS:
                return False  # "Donald Trump Jr." is his son, not Donald Trump in full
            return all(w[:1].isupper() for w in added)
        if f.words[-n:] == words and kind == "person":
            # a given name before a surname alone: "Lewis" -> "Mike Lewis", never "Dr Brown"
            added = raw[:-n]
            return len(added) == 1 and given_name_gender(added[0]) is not None
        return False


def _nested(pair: Sequence[tuple[_Form, int]]) -> bool:
    """Whether the shorter of two forms is contained in the longer."""
    a, b = sorted((p[0].words for p in pair), key=len)
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def initials_match(label: str, entities: Sequence[Entity], article_id: str) -> Entity | None:
    """The person whose initials a transcript's label gives ("MB" for Michael Brown): the one
    named in this article, the most mentioned when several fit."""
    letters = label.replace(".", "").replace(" ", "").casefold()
    if not 2 <= len(letters) <= 3 or not letters.isalpha():
        return None
    fits = [
        e
        for e in entities
        if e.kind == "person"
        and article_id in e.articles
        and "".join(w[0] for w in fold(e.name).split()) == letters
    ]
    return max(fits, key=lambda e: len(e.mentions)) if fits else None


# relatives the news names by a given name alone, and their grammatical gender
_KIN = {
    "mother": "f", "father": "m", "mom": "f", "dad": "m", "wife": "f", "husband": "m",
    "sister": "f", "brother": "m", "son": "m", "daughter": "f", "grandmother": "f",
    "grandfather": "m", "widow": "f", "widower": "m", "aunt": "f", "uncle": "m",
}  # fmt: skip
_KIN_RE = re.compile(
    rf"\b(?:([A-Z][\w'’-]+)['’]s?|[Hh]is|[Hh]er) (?:[\w-]+ ){{0,2}}?({'|'.join(_KIN)}),? "
    r"([A-Z][a-z]+)\b(?!\s+[A-Z])"
)


@dataclass(frozen=True, slots=True)
class Kin:
    """A relative named by a given name alone, and the full name the text implies."""

    start: int  # the given name's span in the text
    end: int
    full: str  # "Kim Goldman" of "Goldman's sister Kim"
    gender: str


def kin_names(
    text: str, people: Sequence[Entity], surname_before: Callable[[int], str | None]
) -> Iterator[Kin]:
    """Relatives introduced by a given name after a named person's kin word: "Goldman's
    sister Kim" is Kim Goldman, "Hooper and her husband, Gale" is Gale Hooper (the surname of
    the person named just before "her")."""
    surnames = {e.name.split()[-1] for e in people if e.kind == "person"}
    alone = {e.name for e in people if e.kind == "person" and " " not in e.name}
    for m in _KIN_RE.finditer(text):
        owner, kin, given = m.groups()
        surname = owner if owner in surnames else None
        if owner is None:
            surname = surname_before(m.start())
        if surname is None or surname == given:
            continue
        if given not in alone and given_name_gender(given) is None:
            continue  # "her husband, Gale" where the story names Gale alone
        yield Kin(m.start(3), m.end(3), f"{given} {surname}", _KIN[kin])
