"""Names in the cells of sports tables: results rows, standings and scorer lists.

A results page is verbless lines of names and figures ("Lucchese 1 Vicenza 2",
"SAN DIEGO 70 60 .538 -", "(Schreuder 39th, Van Arum 76th)"). Neither the capitalised-run
chunker (a line's first word reads as a sentence opener) nor the small NER model reads them
well, but their grammar tells what each cell is: the name before a score is a side (a team, or
the country of a national side), and a name before a minute, or an initial and a surname
beside runs, is a player.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

Role = Literal["side", "player"]

# a name of one to four capitalised words ("PSV Eindhoven", "Port Vale", "SAN DIEGO",
# "De Graafschap"), with the particles clubs and players carry
_WORD = r"[A-Z][\w'&\-]*\.?"
_NAME = rf"{_WORD}(?: (?:{_WORD}|de|la|van|der|di|del|von|do|da)){{0,3}}"
_COUNTRY = r"(?: \([A-Z][\w.' ]*\))?"  # "Gloria Bistrita (Romania)"
_SCORE = r"\d{1,3}(?:-\d{1,3})?"
# "Luton 0 Stoke 1", "Volendam 1 (Jongsma 85th) PSV Eindhoven 3", "Ajax v PSV"
_RESULT = re.compile(
    rf"^(?:(?:In|At) [A-Z][\w ]*: )?(?P<a>{_NAME}){_COUNTRY} "
    rf"(?:{_SCORE}(?: \([^()]*\))?(?: v)?|v|vs\.?) (?P<b>{_NAME}){_COUNTRY}(?: {_SCORE}\b|$|[,.;])"
)
# fixtures: "Millwall v Burnley, Notts County v York"
_FIXTURE = re.compile(rf"(?:^|, )(?P<a>{_NAME}) v (?P<b>{_NAME})(?=,|\.|$| late\b)")
# one side and its score on a line of its own: "Feyenoord Rotterdam 3 (Sanchez 27th)",
# "Essex 532-8"
_ONE_SIDE = re.compile(rf"^(?P<a>{_NAME}){_COUNTRY} {_SCORE}(?: \(|$| declared\b)")
# a standings row: a name, then three figures or more ("Southend 3 0 1 2 1 7 1")
_STANDING = re.compile(rf"^(?P<a>{_NAME})(?: -?\.?\d[\d.,]*(?:-\d+)*){{3,}}(?: -)?$")
# a player before a minute ("Zickler 26th", "Van Arum 76th") or with an initial
# ("C. Hooper 77", "P. Nixon 67 not out")
_PLAYER = re.compile(
    rf"(?:^|[(,;] ?|and )(?P<a>(?:[A-Z]\. )?{_NAME}) (?:pen )?\d{{1,3}}(?:st|nd|rd|th)\b"
    rf"|(?:^|[(,;] ?|and )(?P<i>[A-Z]\. {_NAME}) \d{{1,3}}\b"
)
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_BRACKETED = re.compile(r"\([^()]*\)")


class Cell(NamedTuple):
    """A name in a table: where it is in the text, and what the row makes it."""

    start: int
    end: int
    role: Role


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _tabular(line: str) -> bool:
    """A line with next to no words of prose outside brackets: a row, not a sentence."""
    outside = _BRACKETED.sub(" ", line)
    return len(line) <= 120 and len(_LOWER_WORD.findall(outside)) <= 2


def cells(text: str) -> list[Cell]:
    """The names of the text's table rows, in order; prose lines give none."""
    found: list[Cell] = []
    for offset, line in _lines(text):
        if not line or not line[0].isupper() and not line.startswith("(") or not _tabular(line):
            continue
        rows = [_RESULT.match(line) or _ONE_SIDE.match(line) or _STANDING.match(line)]
        rows += list(_FIXTURE.finditer(line))
        got: list[tuple[int, int, Role]] = [
            (offset + row.start(g), offset + row.end(g), "side")
            for row in filter(None, rows)
            for g in ("a", "b")
            if g in row.re.groupindex and row.group(g)
        ]
        got += [
            (offset + m.start(g), offset + m.end(g), "player")
            for m in _PLAYER.finditer(line)
            for g in ("a" if m.group("a") else "i",)
        ]
        for start, end, role in got:
            if re.search(r"\w{4}\.$", text[start:end]):
                end -= 1  # the row's full stop, not an abbreviation's
            if not any(c.start < end and start < c.end for c in found):
                found.append(Cell(start, end, role))
    return sorted(found)
