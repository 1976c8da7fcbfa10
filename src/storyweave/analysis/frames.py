"""What a figure measures, read from the shared spaCy parse (`parse_frame`): the thing it
counts, the verb it hangs on and that verb's subject, whose age it is, the moment or period it
holds for; and whether two figures measure the same thing of the same subject (`same_measure`),
so that only those can conflict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads only when a brief is analysed
    from spacy.tokens import Span, Token

from .quantities import _PEOPLE, _SPELLED_VALUE, _TIME_UNITS, Quantity, _to_float
from .slots import fate
from .timeline import _MONTHS, _WEEKDAYS

# Verbs that carry no fact of their own: "has 412 pupils" and "412 pupils are" say one thing.
_LIGHT = frozenset("be have say do get make include tell report".split())
# A count added to another is a second figure, not the same one given twice ("another 3,000 jobs")
_INCREMENT = frozenset("another additional more extra further other".split())
_CLOCK = frozenset("a.m. p.m. a.m p.m am pm gmt bst".split())
# The people an age is told of as a kind of person, not a name: one child, however called
_CHILD = frozenset("child son daughter boy girl toddler baby kid infant".split())
# words that tell a person's sex: a boy's age and a girl's are two people's
_SEX = {w: "m" for w in "boy son man father brother husband".split()} | {
    w: "f" for w in "girl daughter woman mother sister wife".split()
}
_MODALS = frozenset("will would may might could should can must shall".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset("which who that".split())


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure measures, read from the parse: the thing it counts, the verb it hangs on,
    that verb's subject, and the content words of their arguments."""

    thing: str
    verb: str
    subject: str
    anchors: frozenset[str]
    owner: str = ""  # whom an age belongs to: a surname or a kind of person
    skip: bool = False  # a model number, a range's end, a clock time, a count added to another
    role: str = ""  # the verb and the thing's relation to it: "have dobj"
    people: bool = False  # it counts people (`_counts_people`), even by a nationality
    kinds: frozenset[str] = frozenset()  # what kind of thing: "robbery" charges, charges "of" X
    moment: str = ""  # when the text says it holds: "then" ("at the time", "initially"), "now"
    whole: float = 0.0  # a part's list counted whole: 3 of "an adult and two teenagers died"
    within: str = ""  # the span of time it was reached in: "3 day" ("in just under three days")
    when: frozenset[str] = frozenset()  # the day or year it is of: "monday" ("Monday the Dow shed")
    which: frozenset[str] = frozenset()  # the ordinals that pick its subject: "second" nugget


def _key(tok: Token) -> str:
    """A noun phrase's head as a key: a name by its last word, a noun by its lemma, a pronoun
    by nothing (it could be anyone)."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return ""
    if tok.pos_ == "PROPN":
        return tok.text.lower()
    lemma = tok.lemma_.lower()
    return "child" if lemma in _CHILD else lemma


def _content_lemma(tok: Token) -> str:
    ok = tok.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"} and not tok.is_stop
    return tok.lemma_.lower() if ok and tok.lemma_.lower() not in _LIGHT else ""


def _number_token(span: Span, start: int) -> Token | None:
    """The first number token of the span at or after character `start` of the sentence."""
    at = span.start_char + start
    for tok in span:
        if tok.idx + len(tok.text) > at and (
            tok.like_num or tok.pos_ == "NUM" or tok.text[:1].isdigit()
        ):
            return tok
    return None


def _verb_of(tok: Token) -> Token:
    """The verb a phrase hangs on (or the root of its sentence)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _skipped(num: Token, thing: Token, names: bool = True) -> bool:
    """A number that measures nothing here: part of a model number or a range ("777-200",
    "20-30 feet"), a clock time ("7:30 p.m."), a name ("Flight 370", "lane 2"), an increment.
    `names`: a proper noun counted is a name too (not so for a toll: "15 Palestinians")."""
    doc = num.doc
    prev = doc[num.i - 1] if num.i > 0 else None
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if prev is not None and prev.text in "-–/" and not prev.whitespace_ and num.i > 1:
        if doc[num.i - 2].like_num:
            return True
    if nxt is not None and nxt.text in "-–/" and not num.whitespace_ and num.i + 2 < len(doc):
        if doc[num.i + 2].like_num:
            return True
    if ":" in num.text or (nxt is not None and nxt.lower_ in _CLOCK):
        return True
    if _label(num):
        return True  # a number after the noun it names is a label: "group 1", "lane 2"
    aged = num.i + 2 < len(doc) and doc[num.i + 2].lower_ == "year"
    if names and thing.pos_ == "PROPN" and thing.i != num.i and not aged:
        return True  # "Flight 370", not "the 47-year-old John Penhallow"
    return any(c.lower_ in _INCREMENT and c.dep_ in {"det", "amod"} for c in thing.children)


def _label(num: Token) -> bool:
    """Whether a number names the noun before it ("group 1", "lane 2"), or is joined to such a
    label ("group 1 and 2", where the parse hangs the 2 on "group" or on the 1)."""
    head = num.head
    if head.i >= num.i or head.pos_ not in {"NOUN", "PROPN", "NUM"}:
        return False
    if num.dep_ == "nummod":
        return head.pos_ != "NUM"
    if num.dep_ != "conj":
        return False
    if head.pos_ == "NUM":
        return _label(head)
    return any(c.dep_ == "nummod" and head.i < c.i < num.i for c in head.children)


def _arguments(tok: Token) -> Iterator[Token]:
    """The arguments of a word, with the object of each preposition it governs."""
    for c in tok.children:
        if c.dep_ == "prep":
            yield from (g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd", "compound"}:
            yield c


def _person(host: Token) -> Token:
    """The name a role noun stands for ("the 46-year-old skipper Mara Olsen"), else the noun;
    a word that names no one (an adjective, a verb) is its own, keyless, host."""
    if host.pos_ == "NOUN" and host.dep_ == "compound" and host.head.pos_ == "PROPN":
        return host.head
    names = [c for c in host.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return names[0] if host.pos_ == "NOUN" and names else host


def _owner(host: Token) -> str:
    """Whom an age belongs to: a name with the given names written ("mary smith"), so that two
    people of one family are told apart, or a kind of person ("child")."""
    if host.pos_ != "PROPN":
        return _key(host)
    names = [c for c in host.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.lower_ for t in sorted([*names, host], key=lambda t: t.i))


def _same_person(a: str, b: str) -> bool:
    """One owner of an age: the same name, or a surname alone against the full name."""
    return bool(a and b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def _share_of(pct: Token) -> Token:
    """What a percentage is a share of: the noun it modifies ("a 20% increase") or the object
    of its "of" ("59% of investors"); the percent sign itself when neither is written."""
    if pct.dep_ in {"compound", "nmod", "amod", "nummod"} and pct.head.pos_ == "NOUN":
        return pct.head
    for c in pct.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return pct


def parse_frame(span: Span, q: Quantity) -> Frame | None:
    """The frame of a quantity `q` of the sentence `span` covers, or None when it is not found."""
    num = _number_token(span, q.start)
    if num is None:
        return None
    thing = num
    while thing.dep_ in {"nummod", "quantmod", "compound", "npadvmod", "amod", "nmod"} and (
        thing.head.i != thing.i
    ):
        thing = thing.head
        if thing.lower_ in {"year", "old"} or thing.pos_ in {"NUM", "SYM"}:
            continue
        if thing.pos_ in {"NOUN", "PROPN"}:
            break
    if thing.lower_ in {"%", "percent", "per", "cent"}:
        thing = _share_of(thing)
    verb = _verb_of(thing)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != thing.i]
    subject = _key(subjects[0]) if subjects else ""
    if subjects and subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
        subject = _key(verb.head)  # "the school, which has 236 pupils": the school has them
    owner = ""
    if q.kind == "age":
        # "Katrov died at the age of 92", "Katrov, who was 92,": the subject's age
        host = _person(num.head if num.dep_ == "appos" else thing)
        owner = "" if host.lemma_.lower() in _AGE_UNITS else _owner(host)
        owner = owner or _age_subject(verb)
    clauses = [c for c in thing.children if c.dep_ in {"acl", "relcl"}]
    around = [verb, *_arguments(verb), *_arguments(thing)]
    around += [t for c in clauses for t in (c, *_arguments(c))]
    anchors = {_content_lemma(t) for t in around if t.i not in (thing.i, num.i)}
    return Frame(
        thing.lemma_.lower(),
        "" if verb.lemma_.lower() in _LIGHT else verb.lemma_.lower(),
        subject,
        frozenset(anchors - {""}),
        owner,
        _skipped(num, thing),
        f"{verb.lemma_.lower()} {thing.dep_}",
        _counts_people(num, thing),
        _kinds(thing, num),
        _moment(num) if q.kind == "age" else _superseded(verb),
        _list_total(thing) or _one_more(span.text[q.start :], q.value),
        _within(verb, thing),
        _when(verb, thing),
        _which(subjects[0] if subjects else None, thing),
    )


_AGE_UNITS = frozenset("year month week day old age".split())


def _moment(num: Token) -> str:
    """When the text says an age holds: "then" ("only six years old at the time", "who was six
    when ..."), "now" ("now 15 years old"), or "" when it does not say. An age now and an age
    of another moment are two figures, not two values of one ("now 28" / "six at the time";
    "now 15" / "the 13-year-old" of a story two years old)."""
    top = num
    while top.dep_ in {"nummod", "npadvmod", "quantmod"} and top.head.lemma_.lower() in _AGE_UNITS:
        top = top.head
    around = list(top.children)
    if top.dep_ in {"attr", "acomp"} and top.head.lemma_ == "be":
        around += [c for c in top.head.children if c.i != top.i]
    if any(_then(c) for c in around):
        return "then"
    return "now" if any(c.lower_ in ("now", "currently") for c in around) else ""


_FIRST_TOLD = frozenset("originally initially previously formerly earlier".split())


def _superseded(verb: Token) -> str:
    """ "then" when the text gives a figure as one told before ("originally placed a $10,000
    bid", "police initially said 16 were hurt", "at first"): a later figure is no dispute;
    "may" when it gives a figure as what may come ("would cause delays of up to four hours",
    "is expected to reach 500"): what came is another figure."""
    if _projected(verb):
        return "may"
    tok: Token | None = verb
    while tok is not None:
        if any(_first_told(c) for c in tok.children):
            return "then"
        up = tok.dep_ in {"ccomp", "xcomp", "advcl"} and tok.head.i != tok.i
        tok = tok.head if up else None  # up to the verb that tells it: "initially said"
    return ""


_MAY = frozenset("would could may might".split())
_FORESEE = frozenset("expect project forecast predict".split())


def _projected(verb: Token) -> bool:
    """Whether a clause tells what may come: a modal of possibility on its verb, or the verb
    is what someone expects ("is expected to reach")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "could not hear": what was not, not what may be
    if any(c.dep_ == "aux" and c.lower_ in _MAY for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FORESEE


def _first_told(tok: Token) -> bool:
    if tok.dep_ == "advmod" and tok.lower_ in _FIRST_TOLD:
        return True
    at_first = tok.dep_ == "prep" and tok.lower_ == "at"
    return at_first and any(g.lower_ == "first" for g in tok.children)


def _then(tok: Token) -> bool:
    """A word placing its head back then: "then", "at the time", a "when ..." clause."""
    if tok.lower_ == "then":
        return True
    if tok.dep_ == "prep" and tok.lower_ == "at":
        return any(g.lower_ == "time" for g in tok.children)
    return tok.dep_ == "advcl" and any(g.lower_ == "when" for g in tok.children)


def _kinds(thing: Token, num: Token) -> frozenset[str]:
    """The nouns that say which kind of a counted thing is meant: a noun before it ("two
    robbery charges") or the object of its "of" ("three charges of disobeying an order")."""
    if thing.i == num.i or thing.pos_ != "NOUN":
        return frozenset()
    kinds = {c.lemma_.lower() for c in thing.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
    for prep in (c for c in thing.rights if c.dep_ == "prep" and c.lower_ == "of"):
        kinds |= {g.lemma_.lower() for g in prep.children if g.dep_ in {"pobj", "pcomp"}}
    return frozenset(kinds)


def _within(verb: Token, thing: Token) -> str:
    """The period a figure was reached in, as the text gives it: a span ("viewed 12 million
    times in just under three days": "3 day"), months ("from October through January": "from
    october through january"), and "alone" when it is a part of a larger total ("In January
    alone"); "" when none is written. A running count is another figure in another period."""
    heads = [verb, thing, *(c for c in thing.children if c.dep_ in {"acl", "relcl"})]
    said: list[str] = []
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            lemma = g.lemma_.lower()
            n = next((x for x in g.children if x.dep_ == "nummod"), None)
            if lemma in _TIME_UNITS and n is not None and prep.lower_ in ("in", "within", "over"):
                said.append(f"{_SPELLED_VALUE.get(n.lower_, n.lower_)} {lemma}")
            elif lemma in _MONTHS and prep.lower_ in _PERIOD_PREPS:
                said.append(f"{prep.lower_} {_MONTHS[lemma]}")
            if any(x.lower_ == "alone" for x in g.children):
                said.append("alone")
    return " ".join(said)


_PERIOD_PREPS = frozenset("in during from through since until to".split())
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")


def _when(verb: Token, thing: Token) -> frozenset[str]:
    """The days and years a figure's clause is dated by ("Monday the Dow shed 1,175 points",
    "on Friday", "in 2016, when 66 people were shot"): figures of two days are two figures."""
    heads = [verb, thing]
    # a "when" clause dates its head: "Conklin was 17 when he went into the army in 1949"
    heads += [c for c in verb.children if c.dep_ == "advcl" and _then(c)]
    out = {t.lower_ for h in heads for t in _dated_by(h)}
    if verb.dep_ in {"relcl", "advcl"} and _a_when(verb.head):
        out.add(verb.head.lower_)  # the clause hangs on the day: "in 2016, when ..."
    return frozenset(out)


def _dated_by(head: Token) -> Iterator[Token]:
    for c in head.children:
        if c.dep_ in {"npadvmod", "tmod"} and _a_when(c):
            yield c
        elif c.dep_ == "prep" and c.lower_ in {"on", "in", "during", "since", "from"}:
            for g in (g for g in c.children if g.dep_ == "pobj"):
                if _a_when(g):
                    yield g
                else:  # "in December 1950": the month's year
                    yield from (y for y in g.children if _YEAR_TOKEN.fullmatch(y.text))


# an ordinal's value ("third": 3), and the words that pick one of several things by order
_ORDINAL_VALUE = {
    w: float(i)
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1
    )
}
_ORDINALS = frozenset(_ORDINAL_VALUE) | {"last", "previous", "next"}


def _which(subject: Token | None, thing: Token) -> frozenset[str]:
    """The ordinals that pick out which of several things a figure is of ("the second nugget
    was 40 percent muscle", "the nugget from the first restaurant"): in the subject's phrase
    and in the counted thing's own modifiers."""
    words = [t for t in subject.subtree] if subject is not None else []
    words += [c for c in thing.children if c.dep_ == "amod"]
    return frozenset(t.lower_ for t in words if t.lower_ in _ORDINALS and t.dep_ == "amod")


def _a_when(tok: Token) -> bool:
    return tok.lower_ in _WEEKDAYS or bool(_YEAR_TOKEN.fullmatch(tok.text))


def _list_total(thing: Token) -> float:
    """The count of a whole list a counted noun is one group of ("an adult and two teenagers
    died": 3), 0 when it is in no list or a group of it is not counted ("some")."""
    if thing.pos_ not in {"NOUN", "PROPN"}:
        return 0.0
    first = thing.head if thing.dep_ == "conj" else thing
    groups = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.head.i == first.i)]
    groups += [t for g in groups[1:] for t in g.children if t.dep_ == "conj"]
    if len(groups) < 2 or first.pos_ not in {"NOUN", "PROPN"}:
        return 0.0
    total = 0.0
    for g in groups:
        counts = [c for c in g.children if c.dep_ == "nummod"]
        if counts:
            value = _to_float(counts[0].text)
            if value is None:
                return 0.0
            total += value
        elif g.tag_ == "NN" and any(c.lower_ in ("a", "an", "one") for c in g.children):
            total += 1.0  # "an adult"
        else:
            return 0.0
    return total


_NEXT_ORDINAL = re.compile(
    rf"\band\s+(?:then\s+)?(?:a|the)\s+(?P<o>{'|'.join(_ORDINAL_VALUE)})\b", re.IGNORECASE
)


def _one_more(after: str, value: float) -> float:
    """The count a sentence goes on to ("killing two people outside the center and then a
    third at a home": 3), 0 when it does not: the next ordinal adds one."""
    m = _NEXT_ORDINAL.search(after)
    if m is None or _ORDINAL_VALUE[m.group("o").lower()] != value + 1:
        return 0.0
    return value + 1


def _counts_people(num: Token, thing: Token) -> bool:
    """Whether a number counts people: a person noun or a nationality ("15 Palestinians")."""
    people = thing.ent_type_ == "NORP" or _person_word(thing.lemma_.lower())
    return people and not _skipped(num, thing, names=False)


def _age_subject(verb: Token) -> str:
    """Whose age a clause gives when the age hangs on no person: its subject's, or, in a
    relative clause ("who was 92"), the person it describes."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return ""
    if subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
        return _owner(_person(verb.head))
    return _owner(_person(subjects[0]))


_SCALES = frozenset("thousand million billion trillion bn mn".split())


def _thing(f: Frame) -> str:
    """The noun a count or sum is of, child words as one; "" when the parse gives none."""
    t = f.thing
    if not t.isalpha() or t in _SCALES or t in _SPELLED_VALUE or t == "one":
        return ""
    return "child" if t in _CHILD else t


def _other_things(a: Frame, b: Frame) -> bool:
    """Whether two figures are of two different nouns, neither an argument of the other's."""
    x, y = _thing(a), _thing(b)
    return bool(x and y) and x != y and not {x, y} & (a.anchors | b.anchors)


_FALLS = frozenset("fall drop plunge plummet slip tumble".split())


def one_fall(a: Frame | None, b: Frame | None) -> bool:
    """Whether two lengths measure one fall: the same subject falling ("Cummings dropped nine
    stories" / "Connor Cummings slipped 25 feet")."""
    if a is None or b is None or not a.subject or not b.subject:
        return False
    if a.subject.rstrip("s") != b.subject.rstrip("s"):
        return False  # the tagger reads "Cummings" as a name here, a plural noun there
    return a.verb in _FALLS and b.verb in _FALLS


def _two_times(a: Frame | None, b: Frame | None) -> bool:
    """Whether two figures are of two periods or moments, so both can be true."""
    if a is None or b is None:
        return False
    if a.within != b.within and ((a.within and b.within) or "alone" in a.within + b.within):
        return True  # "12 million times in three days" / "10 million times in two days"
    if a.when and b.when and not a.when & b.when:
        return True  # "Friday, the Dow closed down 666 points" / "Monday the Dow shed 1,175"
    # an age now against an age then ("now 15" / "six at the time"); a figure first told
    # ("initially") against the one told now
    return a.moment != b.moment


_DOER = frozenset({"nsubj", "agent"})
_DONE_TO = frozenset({"dobj", "nsubjpass"})


def _doer_and_done_to(a: Frame, b: Frame) -> bool:
    """Whether two figures count the two sides of one verb: those who do it and those it is
    done to ("three officers heard" / "heard two officers"; "5 police shot" / "shot 5 police")."""
    (va, _, da), (vb, _, db) = a.role.partition(" "), b.role.partition(" ")
    if not va or va != vb:
        return False
    return (da in _DOER and db in _DONE_TO) or (da in _DONE_TO and db in _DOER)


def same_measure(
    a: Frame | None, b: Frame | None, kind: str, loose: bool, aligned: bool = False
) -> bool:
    """Whether two figures measure the same thing of the same subject. Without a parse the
    regular-expression frame decides alone (True here). `aligned`: the two sentences were
    aligned as one fact, so two verbs are two wordings ("agreed to buy ... for $38 a share" /
    "agreed to acquire ... for $36 per share"), unless one is the other's opposite."""
    if a is None or b is None:
        return True
    if a.skip or b.skip:
        return False
    if _two_times(a, b):
        return False
    if a.which and b.which and not a.which & b.which:
        return False  # "the first restaurant's nugget" / "the second nugget": two things
    if kind == "age":
        sexes = {_SEX.get(f.thing, "") for f in (a, b)}
        return _same_person(a.owner, b.owner) and sexes != {"m", "f"}  # a boy, a girl
    if kind == "length" and one_fall(a, b):
        return True
    if kind == "percent" and a.thing != b.thing:
        return False  # a share of one thing against a share of another
    fates = {fate(f.anchors | {f.verb}) for f in (a, b)}
    part = bool((a.anchors | b.anchors) & _PART_OF_TOLL)  # "Two people died on the scene"
    if kind.startswith("count:") and fates == {"killed"} and {a.thing, b.thing} & _ANYONE:
        return not part  # "killed nine fans" / "Eleven people died": one toll, told of anyone
    if kind.startswith("count:") or kind == "money":
        if _other_things(a, b):
            return False  # "three young children" / "two young girls"; a loss / a charge
    if a.kinds and b.kinds and not a.kinds & (b.kinds | b.anchors | {b.thing}):
        if not b.kinds & (a.anchors | {a.thing}):
            return False  # "two robbery charges" / "three charges of disobeying an order"
    fates = {fate(f.anchors | {f.verb}) for f in (a, b)}
    if fates >= {"harmed", "killed"}:
        return False  # "killed two workers" / "five workers were injured": two counts
    if kind.startswith("count:") and fates == {"killed"}:
        # "Nine people were crushed to death" / "Eleven people died"; not the injured, whom
        # copy counts in parts ("two remain seriously injured")
        return not part
    if a.verb and b.verb and _opposed(a.verb, b.verb):
        return False  # "approved by 86% of shareholders" / "rejected by 14%": two sides' shares
    if _doer_and_done_to(a, b):
        return False  # "three officers could not hear" / "a woman heard two officers"
    if a.subject and b.subject and a.subject != b.subject:
        if a.subject not in b.anchors and b.subject not in a.anchors:
            return False  # "Turnout was 71.8%" / "the party won 48.1%"
    if a.anchors & b.anchors or (a.role == b.role and a.subject == b.subject != ""):
        return True  # shared arguments, or one subject's figure in one role: "which has"
    if a.verb and b.verb and a.verb != b.verb and not (aligned and not _opposed(a.verb, b.verb)):
        return False  # "approved by 86% of investors" / "59% of investors rejected"
    return not loose  # sentences of one claim need no shared argument


# verbs of one figure's two sides: "approved by 86%" / "59% rejected" are two measures
_OPPOSED = frozenset(
    frozenset(pair.split("/"))
    for pair in (
        "approve/reject accept/reject win/lose rise/fall increase/decrease gain/lose "
        "support/oppose favor/oppose favour/oppose buy/sell raise/cut hire/fire add/cut "
        "open/close pass/fail import/export borrow/lend receive/pay"
    ).split()
)


def _opposed(a: str, b: str) -> bool:
    return frozenset((a, b)) in _OPPOSED


_ANYONE = frozenset({"people", "person", "peopl"})
_PART_OF_TOLL = frozenset("scene spot site hospital later instantly immediately".split())
_PERSON_NOUNS = frozenset(
    "people person man woman men women suspect victim officer worker employee student member "
    "passenger resident friend relative adult teenager teen gunman attacker".split()
)


def _person_word(lemma: str) -> bool:
    """Whether a counted noun counts people."""
    return lemma in _PERSON_NOUNS or lemma in _CHILD or lemma in _PEOPLE
