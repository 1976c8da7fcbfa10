"""Assertions and their negations, denials and accusations, read from a sentence's words: a
negated predicate ("was not arrested"), a denial clause ("claims that ... are false") and what
it denies. The parse-level checks of a negation's scope are in `claims` (`predicates`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quantities import _STOP, _WORD, _irregular, _lemma

_NEG_PRED = re.compile(
    r"\b(?P<subj>[A-Za-z'’]+)\s+(?P<aux>is|are|was|were|has|have|had|will|would|did|does|do|could|"
    r"can|should|wo|ca)(?P<nt>n['’]t)?\s+(?P<neg>(?:not|never|no longer)\s+)?"
    r"(?:(?:been|be|being|ever|yet|actually|officially|legally)\s+)*(?P<verb>[A-Za-z]{4,})\b",
    re.IGNORECASE,
)
_NEGATORS = frozenset(
    {
        "not",
        "never",
        "no",
        "n't",
        "didn't",
        "wasn't",
        "weren't",
        "isn't",
        "aren't",
        "hasn't",
        "haven't",
        "hadn't",
        "won't",
        "cannot",
        "neither",
    }
)
_PRONOUNS = frozenset("he she it they this that which who there i we you one".split())


_ANTONYMS = {
    "guilty": "innocent",
    "innocent": "guilty",
    "alive": "dead",
    "dead": "alive",
    "approved": "rejected",
    "rejected": "approved",
    "legal": "illegal",
    "illegal": "legal",
    "acquitted": "convicted",
    "convicted": "acquitted",
}
_DENIAL = [
    re.compile(
        r"\b(?:claims?|reports?|statements?|allegations?|suggestions?|rumou?rs?|assertions?|"
        r"accusations?|idea)\s+that\s+(?P<clause>.+?),?\s+(?:is|are|was|were)\s+(?:not only\s+|"
        r"simply\s+|completely\s+|entirely\s+|totally\s+)?(?:false|untrue|not true|baseless|"
        r"wrong|inaccurate|incorrect|unfounded|fabricated|a lie)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bit\s+(?:is|was)\s+(?:false|untrue|not true)\s+that\s+(?P<clause>[^.;]+)", re.IGNORECASE
    ),
    re.compile(
        r"\b(?:denied|denies|deny|denying|refuted|refutes|disputed|disputes)\s+(?:reports?\s+|"
        r"claims?\s+|allegations?\s+)?that\s+(?P<clause>[^.;]+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<clause>[A-Z][^.;:]{10,}?)\s+(?:is|are|was|were)\s+(?:false|untrue|not true)\b"
    ),
    # the reporter's own verdict on what someone said: "he wrongly claimed that ..."
    re.compile(
        r"\b(?:wrongly|falsely|incorrectly|erroneously|mistakenly)\s+(?:claimed|claims|said|says|"
        r"asserted|asserts|stated|states|suggested|boasted|insisted)\s+(?:that\s+)?"
        r"(?P<clause>[^.;]+)",
        re.IGNORECASE,
    ),
]
_CORRECTION = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous|prior)\s+version\s+of\s+this\b|\bthis\s+(?:article|story|"
    r"report)\s+(?:has\s+been\s+)?(?:corrected|updated)\b",
    re.IGNORECASE,
)
_DENIAL_WORD = re.compile(
    r"\b(?:is|are|was|were)\s+(?:not only\s+)?(?:false|untrue|not true|baseless|unfounded|"
    r"fabricated|inaccurate)\b|\b(?:denied|denies|deny|refuted|disputed)\b|"
    r"\b(?:wrongly|falsely|incorrectly|erroneously|mistakenly)\s+\w+",
    re.IGNORECASE,
)

_ACCUSATION = re.compile(
    r"\b(?:alleged(?:ly)?|accus(?:ed|es|ing|ation)|charged|charges|indict(?:ed|ment)|kidnap\w*|"
    r"fraud\w*|embezzl\w*|brib\w*|arrest(?:ed)?|convicted|sued|lawsuit|abus(?:e|ed|ive)|"
    r"assault\w*|harass\w*|misconduct|stole|theft|illegal(?:ly)?|criminal|guilty|"
    r"launder\w*|corrupt\w*|wrongdoing|violat(?:ed|ion)|threat\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Polar:
    lemma: str
    subject: str | None
    phrase: str


# Sharing only a word of money is no sign that two sums are one figure.
_MONEY_WORDS = frozenset(
    map(_lemma, "cost price pay paid worth spend spent money dollar million billion".split())
)


def negated_predicates(text: str) -> list[Polar]:
    """Negated verb phrases ("have not been deported") with their lemma and subject word."""
    out: list[Polar] = []
    for m in _NEG_PRED.finditer(text):
        if not (m.group("nt") or m.group("neg")):
            continue
        verb = m.group("verb").lower()
        if verb in _STOP or verb in {"only", "even", "just", "always", "clear", "sure", "know"}:
            continue
        subj = m.group("subj").lower()
        phrase = text[m.start("aux") : m.end("verb")]
        out.append(Polar(_lemma(verb), None if subj in _PRONOUNS else subj, phrase))
    return out


_AUXILIARIES = frozenset(
    "is are was were be been being am has have had will would shall should can could may might "
    "must do does did to also still then now already later".split()
)


def _verbal(word: str, previous: str) -> bool:
    """Whether a word reads as a verb here: inflected as one ("deported", "paid", "pays" after
    a name) or after an auxiliary, a modal, "to" or a pronoun ("will reopen", "they attend")."""
    w, prev = word.lower().replace("’", "'"), previous.lower().replace("’", "'")
    if w.endswith("ed") or _irregular(w) or prev in _AUXILIARIES or prev in _PRONOUNS:
        return True
    return w.endswith("s") and previous[:1].isupper()


def _positive_phrase(text: str, lemma: str) -> str | None:
    """The words asserting `lemma` without a negation in the few words before, if any."""
    tokens = list(re.finditer(r"[A-Za-z'’]+", text))
    for i, t in enumerate(tokens):
        if _lemma(t.group(0)) != lemma:
            continue
        before = [x.group(0).lower().replace("’", "'") for x in tokens[max(0, i - 3) : i]]
        if any(b in _NEGATORS or b.endswith("n't") for b in before):
            continue
        if not _verbal(t.group(0), tokens[i - 1].group(0) if i else ""):
            continue  # "Nestlé's trademark on the shape" does not assert "can trademark"
        start = (
            tokens[i - 1].start()
            if i
            and before
            and before[-1]
            in {
                "was",
                "were",
                "is",
                "are",
                "been",
                "be",
                "has",
                "have",
                "had",
                "got",
                "gets",
                "get",
            }
            else t.start()
        )
        return text[start : t.end()]
    return None


_NONE_THERE = re.compile(
    r"\b(?i:there\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:absolutely\s+)?"
    r"no)\s+(?P<noun>[A-Za-z][a-z-]{3,})\b"
)
_FOUND_PASSIVE = re.compile(
    r"\b(?P<noun>[A-Za-z][a-z-]{3,})\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:later\s+|also\s+)?(?P<verb>found|discovered|detected|identified)\b"
)
_FOUND_ACTIVE = re.compile(
    r"\b(?P<verb>found|discovered|detected|identified)\s+(?:traces\s+of\s+)?"
    r"(?P<noun>[A-Za-z][a-z-]{3,})\b"
)


def _absent(text: str) -> tuple[str, str] | None:
    """(lemma, words) when a sentence says a thing is not there: "There is no asbestos"."""
    m = _NONE_THERE.search(text)
    if m is None or m.group("noun").lower() in _STOP:
        return None
    return _lemma(m.group("noun")), m.group(0)


def _found(text: str) -> list[tuple[str, str]]:
    """(lemma, words) for each thing a sentence says was found: "Asbestos was found", "found
    traces of asbestos"."""
    out = []
    for pat in (_FOUND_PASSIVE, _FOUND_ACTIVE):
        for m in pat.finditer(text):
            noun = m.group("noun").lower()
            if noun not in _STOP and noun not in _NEGATORS:
                out.append((_lemma(noun), m.group(0)))
    return out


def denial_clause(text: str) -> tuple[str, str] | None:
    """(denied clause, denial words) when the sentence calls a statement false or denies it."""
    if _CORRECTION.search(text):
        return None  # a page's correction of itself, not one party denying another's claim
    for pat in _DENIAL:
        m = pat.search(text)
        if m:
            clause = m.group("clause").strip(" ,\"'“”‘’")
            if len(_WORD.findall(clause)) >= 3:
                w = _DENIAL_WORD.search(text, m.start())
                return clause, (w.group(0) if w else "denied")
    return None
