"""What every part of quote finding shares: the verbs of speech, the nouns that name a speaker, and
the two small records, a quotation's span and who said it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    pass


SpeakerKind = Literal["named", "unnamed", "unresolved"]


_VERB = (
    r"(?:issued|released|put out|sent) a statement (?:saying|that|reading)|said in a statement"
    r"|according to|says|said|say|told|tells|tell|added|adds|explained|explains|insisted"
    r"|insists|wrote|writes|stated|states|noted|notes|claimed|claims|argued|argues|recalled"
    r"|recalls|admitted|admits|warned|warns|confirmed|confirms|announced|announces|testified"
    r"|replied|replies|continued|continues|reads|read|asked|asks|posted|tweeted|revealed"
    r"|reveals|stressed|emphasized|emphasised|acknowledged|concluded|declared|remarked"
    r"|commented|alleged|alleges|maintained|maintains|heard"
    r"|joked|jokes|quipped|laughed|sighed|shouted|pleaded|urged|urges|boasted|conceded"
    r"|predicted|predicts|observed|quoted as saying|texted|emailed|messaged"
    r"|responded|responds|answered|answers|countered|counters|whispered|yelled|screamed"
    r"|recounted|recounts|wondered|mused|reported|reports"
)


_VERB_RE = re.compile(rf"\b(?:{_VERB})\b", re.IGNORECASE)


# verbs that take a listener: "told ABC News", "tells E! News"
_TELL = {"told", "tells", "tell"}


_LISTENER = re.compile(
    r"\s+((?:[A-Z][\w.!&'’-]*\s?){1,5}|reporters|me|us|him|her|them|the (?:court|jury|press))"
)


_REPORT_VERBS = (
    r"said|says|told|tells|added|explained|insisted|insists|claimed|claims|argued|argues|noted"
    r"|stated|wrote|writes|announced|confirmed|revealed|reveals|admitted|warned|alleged"
    r"|alleges|maintained|maintains|testified|reported|reports|heard|say|cautioned|stressed"
    r"|acknowledged|(?:was |were |is |are )?quoted as saying"
)


_REPORTED = re.compile(
    rf"\b({_REPORT_VERBS})\b((?:\s+(?:[A-Z][\w.!&'’-]*|reporters|me|us|him|her|them|police"
    r"|investigators|detectives|officers)){0,5})"
    r"(,?\s+that\b[,\s]*|\s+(?=[\w£$€]))"
)


# verbs as likely to take a plain object ("claims the title"): speech only with "that"
_NEEDS_THAT = {
    "claimed",
    "claims",
    "maintained",
    "maintains",
    "revealed",
    "reveals",
    "added",  # "the firm added hundreds of staff"
    "announced",  # "rivals have announced similar job losses"
    "announces",
    "cautioned",
    "stressed",  # "stressed the need for"
    "acknowledged",  # "acknowledged the crowd"
}


# words that, right after "said", start an adjunct rather than the reported clause
_NOT_CLAUSE = {
    "in",
    "on",
    "at",
    "to",
    "for",
    "of",
    "with",
    "by",
    "during",
    "after",
    "before",
    "last",
    "earlier",
    "later",
    "yesterday",
    "today",
    "recently",
    "previously",
    "so",
    "nothing",
    "something",
    "anything",
    "goodbye",
    "good",  # "said good-bye"
    "farewell",
    "grace",
    "hello",
    "hi",
    "yes",
    "no",
    "thanks",
    "sorry",
    "what",
    "when",
    "where",
    "why",
    "how",
    "as",
    "about",
    "through",
    "via",
    "from",
    "and",
    "or",
    "but",
    "while",
    "this",
    "is",
    "was",
    "has",
    "had",
    "publicly",
    "privately",
    "little",
    "much",
    "more",
    "less",
}


_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)


_DETERMINERS = {
    "a",
    "an",
    "the",
    "our",
    "one",
    "another",
    "his",
    "her",
    "their",
    "its",
    "two",
    "three",
    "several",
    "some",
    "this",
    "that",
    "these",
    "those",
    "my",
    "your",
}


# "the company said": the organisation the article names most, whatever its name
_ORG_NOUNS = {
    "company",
    "firm",
    "group",
    "club",
    "charity",
    "business",
    "retailer",
    "carrier",
    "airline",
    "manufacturer",
    "maker",
    "organisation",
    "organization",
}


_ANY_BODY = {"group", "organisation", "organization", "charity", "club"}


# last words of public bodies and news outlets, never "the company"
_NOT_COMPANY = {
    "service", "services", "office", "police", "council", "department", "ministry", "agency",
    "court", "authority", "board", "commission", "committee", "government", "army", "navy",
    "force", "party", "university", "school", "hospital", "news", "press", "wire", "times",
    "post", "journal", "herald", "tribune", "daily", "radio", "tv", "television", "network",
    "channel", "magazine", "gazette", "ledger", "courier", "chronicle", "observer",
}  # fmt: skip


_DEFINITE_ORG = re.compile(r"the (?:(\w+) )?(\w+)", re.IGNORECASE)


# bare collectives that speak like plurals: "Police said ...", "Staff say ..."
_COLLECTIVES = {"police", "staff", "media"}


_SPEAKER_NOUNS = {
    "source",
    "sources",
    "authorities",
    "businesses",
    "campaigners",
    "companies",
    "firms",
    "investors",
    "shareholders",
    "passengers",
    "protesters",
    "newspaper",
    "traders",
    "voters",
    "unions",
    "media",
    "insider",
    "insiders",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
    "witness",
    "witnesses",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "representative",
    "rep",
    "reps",
    "friend",
    "friends",
    "statement",
    "police",
    "aide",
    "aides",
    "person",
    "people",  # "according to people briefed on the investigation"
    "family",
    "neighbour",
    "neighbor",
    "neighbours",
    "neighbors",
    "relative",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "resident",
    "residents",
    "report",
    "ruling",
    "court",
    "judge",
    "document",
    "documents",
    "filing",
    "letter",
    "memo",
    "release",
    "publicist",
    "agent",
    "counsel",
    "spokespeople",
    "officer",
    "officers",
    "investigators",
    "prosecutors",
    "prosecutor",
    "lawsuit",
    "complaint",
    "order",
    "decision",
    "pal",
    "confidant",
    "employee",
    "staffer",
    "member",
    "members",
    "council",
    "company",
    "department",
    "ministry",
    "agency",
    "government",
    "office",
    "campaign",
    "team",
    "doctor",
    "doctors",
    "parent",
    "parents",
    "mother",
    "father",
    "engineer",
    "engineers",
    "inspector",
    "scientist",
    "scientists",
    "researcher",
    "researchers",
    "economist",
    "teacher",
    "nurse",
    "worker",
    "workers",
    "driver",
    "drivers",
    "union",
    "group",
    "firm",
    "lawmaker",
    "lawmakers",
    "legislator",
    "diplomat",
    "diplomats",
    "minister",
    "executive",
    "director",
    "manager",
    "owner",
    "organizer",
    "organiser",
    "activist",
    "activists",
    "advocate",
    "advocates",
    "observer",
    "observers",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "survivor",
    "victim",
    "eyewitness",
    "bystander",
    "historian",
    "professor",
    "physician",
    "surgeon",
    "coroner",
    "paramedic",
    "firefighter",
    "soldier",
    "guard",
    "employees",
    "staff",
    "board",
    "committee",
    "sheriff",
    "mayor",
    # bodies and people the news quotes by what they are: "the authority said", "inspectors
    # said that ...", "pharmacists say ..."
    *(
        "authority inspectorate regulator watchdog trust hospital school district operator "
        "airline service charity federation association cooperative utility museum club "
        "university college inspector pharmacist politician minister councillor governor "
        "senator diver rescuer crew pilot captain climber guide farmer pupil student patient "
        "customer passenger tenant shopkeeper fan player coach negotiator campaigner volunteer "
        "commission panel "
        # people the news quotes by who they are: "the teen told police", "a woman said"
        "teen teenager boy girl man woman son daughter wife husband brother sister mom dad "
        "uncle aunt kid detective account author chairman chairwoman founder "
        "grandmother grandfather cousin nephew niece partner colleague coworker classmate "
        "roommate landlord shopper eyewitness onlooker "
        # ranks and callings the news quotes unnamed: "one of their commanders said"
        "commander veteran lieutenant sergeant colonel adviser advisor strategist pollster "
        "journalist editor candidate clerk pastor priest ambassador envoy rebel militant "
        "commissioner councilman councilwoman congressman congresswoman"
    ).split(),
}


# every speaker noun in the singular and the plural: "inspector" / "inspectors", "authority" /
# "authorities"
_SPEAKER_NOUNS |= {w[:-3] + "y" for w in _SPEAKER_NOUNS if w.endswith("ies")}


_SPEAKER_NOUNS |= {w[:-1] for w in _SPEAKER_NOUNS if w.endswith("s") and not w.endswith("ss")}


_SPEAKER_NOUNS |= {
    w[:-1] + "ies" for w in _SPEAKER_NOUNS if w.endswith("y") and w[-2] not in "aeiou"
}


_SPEAKER_NOUNS |= {w + "s" for w in _SPEAKER_NOUNS if not w.endswith(("s", "y"))}


_ROLE_NOUNS = {
    "attorney",
    "attorneys",
    "lawyer",
    "lawyers",
    "counsel",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "rep",
    "representative",
    "publicist",
    "agent",
    "manager",
    "aide",
    "friend",
    "source",
}


_STATEMENT_NOUNS = {
    "statement",
    "statements",
    "letter",
    "post",
    "tweet",
    "filing",
    "note",
    "message",
    "memo",
    "lawsuit",
    "complaint",
    "document",  # "Ricks' document predicted:"
    "bulletin",
}


_ADVERBS = {
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "once",
    "has",
    "had",
    "have",
    "again",
    "earlier",
    "reportedly",
    "further",
    "simply",
    "just",
    "now",
    "first",
    "exclusively",
    "finally",
    "only",
    "publicly",
    "repeatedly",
}


_PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f", "they": None}


_POSS_RE = re.compile(r"([^\s,;:]+?)['’]s?\s+((?:\w+\s+){0,2}?\w+)$")


_SENT_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bMr|\bMs|\bDr|\bSt)[.!?][\"”’']?\s+")


_CLAUSE_WORD = re.compile(r"\b(?:that|and|but|while|as|because|when|which|who)\s+(?=\S)")


_LINKS = {"to", "for", "of", "with", "near", "from", "at", "on", "in", "by", "about"}


_ROLE_BEFORE = re.compile(r"\b(\w+)\s*$")


_GENDER_WORDS: dict[str, str] = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "actress": "f",
    "actor": "m",
    "dad": "m",
    "father": "m",
    "mother": "f",
    "mom": "f",
    "son": "m",
    "daughter": "f",
    "wife": "f",
    "husband": "m",
    "brother": "m",
    "sister": "f",
    "businessman": "m",
    "businesswoman": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    "boyfriend": "m",
    "girlfriend": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "uncle": "m",
    "aunt": "f",
    "grandmother": "f",
    "grandfather": "m",
    "chairman": "m",
    "chairwoman": "f",
    "sir": "m",
    "lady": "f",
    "ex-husband": "m",
    "ex-wife": "f",
}


@dataclass(slots=True)
class _Span:
    """One direct quote: its content ranges (several when it runs over paragraphs)."""

    open: int  # position of the opening mark
    close: int  # position of the closing mark (or where the quote ran out)
    parts: list[tuple[int, int]]
    para_start: int


@dataclass(slots=True)
class _Who:
    speaker: str | None
    kind: SpeakerKind
    entity_id: str | None = None
    verb: str | None = None
    pronoun: str | None = None  # "he" when the attribution was a pronoun


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|our|Our|us)\b")


# an adjunct or a named listener before "that", not a relative clause ("the animals that")
_BEFORE_THAT = re.compile(
    r"^(?:(?:outside|inside|in|at|on|after|before|during|later|earlier|again|also|previously"
    r"|publicly|privately|repeatedly|last|to)\s+|the\s+(?=[A-Z]))(?:[\w'’-]+,?\s+){0,4}?that\s+"
)


_ADJUNCT_THAT = re.compile(
    r"(?:in|on|at|after|before|during|outside|inside|to|through|via|from)\s+"
    r"(?:[\w'’-]+,?\s+){1,5}?that\s+"
)


_PARTIAL_WORDS = 4  # a quotation this short inside reported speech is a phrase, not the quote


_RELATIVE = re.compile(r"\s+(?:that|who|which)\s+")


# a relative or participial clause between the subject and its verb: "One worker, who asked
# not to be named, said"; "A senior official, speaking on condition of anonymity, said"; "The
# club's owner, reached by phone, said"
_RELATIVE_TAIL = re.compile(r",\s+(?:who|which|[a-z]{2,}ing|[a-z]{2,}ed)\b[^,;:]*,\s*$")


# nouns for two people named together just before: "the pair said", "the researchers wrote"
_PAIR_NOUNS = frozenset({"pair", "couple", "duo", "two"})


# a title's short form: "the senator" is "Sen. Elizabeth Warren"
_TITLE_SHORT = {
    "senator": "sen", "governor": "gov", "representative": "rep", "professor": "prof",
    "doctor": "dr", "detective": "det", "sergeant": "sgt", "lieutenant": "lt",
    "captain": "capt", "commander": "cmdr", "general": "gen", "superintendent": "supt",
    "executive": "ceo",
}  # fmt: skip


_CATAPHOR_REACH = 400  # characters after a pronoun that opens a cut article to its person


_NEAR_ORG = 300  # characters back an organisation named is "the company" of the next lines


_THEY_REACH = 400  # characters from a group's words to the "they" that means it


_SUBORDINATORS = {
    "which", "who", "whom", "whose", "that", "where", "when", "while", "as", "because",
    "but", "and", "or", "if", "although", "though", "since", "after", "before", "until",
    "so", "yet", "unless", "whereas",
}  # fmt: skip


# nouns of a definite description that name no one person: an anonymous source, a document,
# a court; across articles also a body or a group ("the police", "the family")
_NO_ONE = frozenset({"source", "statement", "report", "court"})


# what a person is, not whom they speak for: "the U.N. chief" after "Ban Ki-moon called ..."
# is Ban Ki-moon ("the spokesman" after him would be someone else)
_OWN_ROLES = frozenset(
    "chief leader head executive president minister senator governor mayor judge director "
    "chairman chairwoman lawmaker congressman congresswoman actor actress singer star player "
    "coach scientist researcher professor astronomer author winner nominee candidate champion "
    "quarterback manager rapper comedian host founder billionaire republican democrat".split()
)
