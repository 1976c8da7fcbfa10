"""The outlet an article names itself by, read from its own words when no source field says it.

A page refers to its outlet in a few fixed ways: a source "tells E! News", "ET has reached out
to ...", "More from The Stir:", a wire dateline "(AP) —", "Copyright 2014 KCTV". One pattern
finds the name after (or before) each such phrase; every hit votes with the phrase's weight and
the name with the most votes wins when it has enough. No list of outlets is kept.
"""

from __future__ import annotations

import re
from collections import Counter

# A name as outlets write theirs: capitalised words, "E!", "ET", "The Stir", "Channel 7 News".
_WORD = r"(?:[A-Z](?:[\w'’&]|\.(?=\w))*!?|\d+)"  # "E!", "U.S.", "7"; not "WTOP." at an end
_NAME = rf"(?P<name>(?:The |the )?{_WORD}(?:[ -](?:{_WORD}|of|on))*)"
# (weight, pattern): a present-tense "tells X" or the outlet's own sign-off is strong; a past
# "told X" is also how a page cites another outlet ("previously told ABC News"), so it is weak.
_SELF_REFERENCES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (3, re.compile(rf"\b(?:tells|confirms to|reveals to|says to|exclusively told) {_NAME}")),
    (3, re.compile(rf"(?:^|[.!?\"”] ){_NAME} (?:has|have) (?:reached out|contacted)\b", re.M)),
    (3, re.compile(rf"^[ \t]*(?:More|Read more|More stories) (?:from|on) (?-i:{_NAME})\s*(?:[:>»|]|$)", re.M | re.I)),
    (3, re.compile(rf"^[ \t]*[A-Z][A-Z.'’ ,-]{{1,40}}\(({_NAME})\)\s*[—–-]", re.M)),
    # a dateline in mixed case, or the wire's name alone opening the story: "Sycamore,
    # Illinois (CNN) The man ...", "(CNN) Greg Gianforte ..."
    # ("Washington (CNN) -- A man ...", "Beijing (AFP) - A Chinese man ...")
    (
        3,
        re.compile(
            rf"^[ \t]*(?:[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){{0,4}} )?\({_NAME}\)(?: ?(?:--?|—|–))? (?=[A-Z])",
            re.M,
        ),
    ),
    # the wire's own staff credited at the end: "Associated Press writer Jo Lee contributed"
    (2, re.compile(rf"\b{_NAME} (?:writers?|reporters?|correspondents?) [A-Z][\w.'’ ,-]{{2,80}}? contributed\b")),
    # ... or one of them by the outlet's name: "CNN's Devon Sayers contributed to this report"
    (2, re.compile(rf"\b{_NAME}['’]s(?: (?:[A-Z][\w.'’-]+|and)){{1,7}} contributed to (?:this|the) report")),
    # its own columnist: "Follow USA TODAY Sports columnist Nancy Armour on Twitter"
    (2, re.compile(rf"\bFollow {_NAME} (?:columnist|reporter|writer|correspondent) [A-Z]")),
    # "More from MarketWatch" ending a page flattened into one line
    (3, re.compile(rf"(?<=\s)(?:More|Read more) from {_NAME}\s*[:>»|]?\s*\Z")),
    # the writer's own line: "The author is a Reuters Breakingviews columnist."
    (3, re.compile(rf"\bThe (?:author|writer) is an? {_NAME} (?:columnist|writer|reporter|correspondent|editor|contributor)\b")),
    # a syndicated story's origin and a page's own links to more of itself
    (3, re.compile(rf"\bOriginally (?:published|appeared) (?:on|in|at) {_NAME}")),
    (3, re.compile(rf"\bClick (?:here )?for more (?:from|at|on) {_NAME}")),
    (2, re.compile(rf"\b[Ss]tay (?:with|tuned to) {_NAME} for (?:more|updates|the latest|developments)\b")),
    (3, re.compile(rf"\b[Vv]isit {_NAME} for (?:all of )?our\b")),
    # a photograph the outlet commissioned: "(Photo by Jo Lee for The Quayside)"
    (2, re.compile(rf"\bPhoto(?:graph)? by [A-Z][\w.'’ -]{{1,40}}? for {_NAME}")),
    (2, re.compile(rf"\bSubscribe to {_NAME}['’]s (?:free )?(?:[A-Z][\w-]* ){{0,3}}newsletter")),
    (2, re.compile(rf"(?:Copyright|©)(?: ©)? (?:19|20)\d\d,? {_NAME}")),
    (
        2,
        re.compile(
            rf"\b(?:(?:a )?statement to|an interview with|sat down with|spoke exclusively with|"
            rf"speaking exclusively to|in an exclusive with) {_NAME}"
        ),
    ),
    (1, re.compile(rf"\b(?:told|said to) {_NAME}")),
)
# a reporter's address at the end of the story: "sarah.kent@wsj.com" is the paper's domain
_SIGN_OFF_MAIL = re.compile(r"\b[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})\b", re.I)
_MAIL_HOSTS = frozenset("gmail yahoo hotmail outlook aol icloud protonmail me live msn".split())
_TAIL_CHARS = 600
_LOWER_TAIL = re.compile(r"(?:[ -](?:of|on|the))+$")
_NOT_NAMES = frozenset({"Staff", "Special", "Contributing", "Additional"})
_MIN_VOTES = 2  # one weak "told X" could be a person or another outlet
_MAX_WORDS = 5


def outlet_from_text(text: str) -> str | None:
    """The outlet a text names itself by, or None when nothing names it clearly enough."""
    votes: Counter[str] = Counter()
    for weight, pattern in _SELF_REFERENCES:
        for m in pattern.finditer(text):
            if _spelled_out(text, m.start("name"), m.group("name")):
                continue  # "Transportation Security Administration (TSA) Administrator ..."
            name = _clean_name(m.group("name"))
            if name:
                votes[name] += weight
    for m in _SIGN_OFF_MAIL.finditer(text, max(0, len(text) - _TAIL_CHARS)):
        domain = m.group(1).lower()
        if domain.split(".")[-2] not in _MAIL_HOSTS:
            votes[domain] += 2
    for name in [n for n in votes if _a_person(n, text)]:
        del votes[name]  # "tells Dan Noyes", "told Stumpf": a reporter or a source, no outlet
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [("", 0)]
    return best if n >= _MIN_VOTES and n > rest[0][1] else None


def _spelled_out(text: str, start: int, name: str) -> bool:
    """Whether a bracketed name is the initials of the words just before its bracket: an
    acronym defined, not a wire's dateline."""
    if text[start - 1 : start] != "(" or not name.isupper():
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, start - 120) : start - 1])
    initials = "".join(w[0] for w in words if w[0].isupper())
    return len(name) >= 2 and initials.endswith(name)


# the last word of an outlet's name that a person's name never ends with
_MEDIA_WORDS = frozenset(
    "news times post journal monitor radio tv daily herald tribune magazine today network press "
    "online weekly report channel star telegraph guardian review gazette".split()
)


# forms of address before a surname (not every title: "Vice Media" is an outlet)
_ADDRESS_FORMS = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady".split())


def _a_person(name: str, text: str) -> bool:
    """Whether a voted name reads as a person's: a given name and a surname ("Dan Noyes"), or
    a surname the text writes after a given name ("Stumpf" of "John Stumpf")."""
    from ..analysis.entities import given_name_gender

    words = name.split()
    if words[-1].lower() in _MEDIA_WORDS or not name.replace(" ", "").replace("-", "").isalpha():
        return False
    if 2 <= len(words) <= 3:
        return words[0].rstrip(".") in _ADDRESS_FORMS or given_name_gender(words[0]) is not None
    before = re.finditer(rf"\b([A-Z][a-z]+) {re.escape(name)}\b", text)
    return len(words) == 1 and any(given_name_gender(m.group(1)) for m in before)


def _clean_name(name: str) -> str | None:
    """A voted name without trailing joiners or a full stop; None when it cannot be an outlet."""
    name = _LOWER_TAIL.sub("", name).rstrip(".")
    if name.startswith("the "):
        name = "The " + name[4:]
    words = name.split()
    if not words or len(words) > _MAX_WORDS or words[-1] in {"The", "the"}:
        return None
    if words[0] in _NOT_NAMES:
        return None  # "Staff writer Jo Lee contributed": the paper's own staff, unnamed
    return name


# not a name: "000_09f52080431a1dd6", "doc3", "Article1", or stdin's stand-in
_ID_LIKE = re.compile(r"^(?:\S*\d\S*|[Ss]tdin)$")


def named_outlet(text: str, fallback: str) -> str:
    """The fallback (from a file name) when it reads as a name, else what the text calls itself."""
    if fallback and not _ID_LIKE.match(fallback):
        return fallback
    return outlet_from_text(text) or fallback
