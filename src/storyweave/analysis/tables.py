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

Role = Literal["side", "player", "affiliation"]

# a name of one to four capitalised words ("PSV Eindhoven", "Port Vale", "SAN DIEGO",
# "De Graafschap"), with the particles clubs and players carry
_WORD = r"[A-Z](?:[\w'&\-]|\.(?=\w))*\.?"  # "Vale", "U.S.", "St."
_NAME = rf"{_WORD}(?: (?:{_WORD}|de|la|van|der|di|del|von|do|da)){{0,3}}"
_COUNTRY = r"(?: \([A-Z][\w.' ]*\))?"  # "Gloria Bistrita (Romania)"
_SCORE = r"\d{1,3}(?:-\d{1,3})?"
# "Luton 0 Stoke 1", "Volendam 1 (Jongsma 85th) PSV Eindhoven 3", "Ajax v PSV"
_RESULT = re.compile(
    rf"^(?:(?:In|At) [A-Z][\w ]*: )?(?P<a>{_NAME}) "
    rf"(?:{_SCORE}(?: \([^()]*\))?(?: v)?|v|vs\.?) (?P<b>{_NAME})(?: {_SCORE}\b|$|[,.;])"
)
# clubs of two countries play for goals: "Gloria Bistrita (Romania) 2 Valletta (Malta) 1";
# two players with their countries meet "vs." or trade sets ("6-2 7-5") and are players
_CUP_RESULT = re.compile(
    rf"^(?:(?:In|At) [A-Z][\w ]*: )?(?P<a>{_NAME}){_COUNTRY} \d{{1,3}}(?: \([^()]*\))? "
    rf"(?P<b>{_NAME}){_COUNTRY}(?: \d{{1,3}}\b|$|[,.;])"
)
# fixtures: "Millwall v Burnley, Notts County v York"
_FIXTURE = re.compile(rf"(?:^|, )(?P<a>{_NAME}) v (?P<b>{_NAME})(?=,|\.|$| late\b)")
# one side and its score on a line of its own: "Feyenoord Rotterdam 3 (Sanchez 27th)",
# "Essex 532-8"
_ONE_SIDE = re.compile(rf"^(?P<a>{_NAME}){_COUNTRY} {_SCORE}(?: \(|$| declared\b)")
# a standings row: a name, then three figures or more ("Southend 3 0 1 2 1 7 1",
# "SAN FRANCISCO 56 74 .431 15 1/2")
_STANDING = re.compile(rf"^(?:- )?(?P<a>{_NAME})(?: -?\.?\d[\d.,/]*(?:-\d+)*){{3,}}(?: -)?$")
# an innings: "At Worcester: Warwickshire 310 (A. Giles 83, ...)", "..., Essex 123-4 (...)"
# (runs of two figures or more: "Halftime 1-2." is no innings)
_INNINGS = re.compile(rf"(?:^|: |\), )(?P<a>{_NAME}) \d{{2,3}}(?:-\d{{1,2}})?(?= \(| and \d|\.?$)")
# a match in a headline or a short line: "BARCELONA BEAT ATLETICO 5-2", "Nijmeh beat Nasr 1-0"
_BEAT = re.compile(
    rf"(?:^|- )(?P<a>{_NAME}) (?:beat|BEAT|beats|BEATS|edge|EDGE|edges|EDGES|down|DOWN|downs"
    rf"|DOWNS|rout|ROUT|routs|ROUTS|thrash|THRASH|thrashes|THRASHES) (?P<b>{_NAME})(?= \d| -|\.?$)"
)
# a player before a minute ("Zickler 26th", "Van Arum 76th") or with an initial
# ("C. Hooper 77", "P. Nixon 67 not out")
_PLAYER = re.compile(
    rf"(?:^|[(,;] ?|and )(?P<a>(?:[A-Z]\. )?{_NAME}) (?:pen )?\d{{1,3}}(?:st|nd|rd|th)\b"
    rf"|(?:^|[(,;] ?|and )(?P<i>[A-Z]\. {_NAME}) \d{{1,3}}\b"
    rf"|(?:^|[,;:-] ?|and )(?P<m>{_NAME}) \(\d{{1,3}}(?:st|nd|rd|th)\b"  # "Ronaldo (85th)"
)
# a batting row of a scorecard: every name in it is a player
# ("G. Thorpe st Moin Khan b Aamir Sohail 23", "Inzamam-ul-Haq c Hussain b Mullally 35")
_BATTING = re.compile(rf"^(?:[A-Z]\. )?{_NAME} (?:c|st|b|lbw|run out|not out)\b")
_PERSON = re.compile(rf"(?:[A-Z]\. )?{_NAME}")
# a player and the club or country written after the name: "Srutwa (Ruch Chorzow)",
# "Sun Jian (China) beat ..."; not a venue before a colon, "Leeds (Headingley):"
_AFFILIATION = re.compile(rf"(?P<a>(?:[A-Z]\. )?{_NAME}) \((?P<b>{_NAME})\)(?!:)")
# a golfer's rounds: "Iain Pyman 72 74", "Brooks 69 69 74 71" in a leaderboard's list
_ROUNDS = re.compile(rf"(?:^|, |\d )(?P<a>{_NAME}) [6-8]\d [6-8]\d\b")
# each rule: the pattern, whether it must match the whole row from its start, and the role
# of each named group; an earlier rule's cell stands where a later one overlaps it
_RULES: tuple[tuple[re.Pattern[str], bool, dict[str, Role]], ...] = (
    (_RESULT, True, {"a": "side", "b": "side"}),
    (_CUP_RESULT, True, {"a": "side", "b": "side"}),
    (_ONE_SIDE, True, {"a": "side"}),
    (_STANDING, True, {"a": "side"}),
    (_FIXTURE, False, {"a": "side", "b": "side"}),
    (_INNINGS, False, {"a": "side"}),
    (_PLAYER, False, {"a": "player", "i": "player", "m": "player"}),
    (_AFFILIATION, False, {"a": "player", "b": "affiliation"}),
    (_BEAT, False, {"a": "side", "b": "side"}),
    (_ROUNDS, False, {"a": "player"}),
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


def _row_cells(line: str) -> Iterator[tuple[int, int, Role]]:
    """Names of one table row by the rules, in the order the rules claim them."""
    for pattern, anchored, roles in _RULES:
        found = [pattern.match(line)] if anchored else list(pattern.finditer(line))
        for m in filter(None, found):
            for group, role in roles.items():
                if m.group(group):
                    yield m.start(group), m.end(group), role
    if _BATTING.match(line):
        for m in _PERSON.finditer(line):
            yield m.start(), m.end(), "player"


def cells(text: str) -> list[Cell]:
    """The names of the text's table rows, in order; prose lines give none."""
    found: list[Cell] = []
    for offset, line in _lines(text):
        if not line or not _tabular(line):
            continue
        for start, end, role in _row_cells(line):
            if re.search(r"\w{4}\.$", line[start:end]):
                end -= 1  # the row's full stop, not an abbreviation's
            start, end = offset + start, offset + end
            if not any(c.start < end and start < c.end for c in found):
                found.append(Cell(start, end, role))
    return sorted(found)
