"""The word lists and patterns entity finding reads: honorifics, role words, organisation suffixes,
place tails, the heads of facilities and bodies, and the model's labels."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import EntityKind

if TYPE_CHECKING:
    pass


# Words: dotted initialisms (U.S.), "E!" before a capital (E! News), words with inner
# apostrophes or hyphens (Giersch's, Ex-Husband), a trailing apostrophe (actress'), else one
# non-space character.
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")  # "U.S.", "P.M."
_TOKEN = re.compile(
    rf"{_INITIALISM.pattern}|[A-Z]!(?=\s+[A-Z])|\w+(?:[-'’&]\w+)*(?:['’](?!\w))?|\S"
)


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

# A peer's title with its place is a person's name: "the Duke of Sussex", "the Princess of Wales".
_PEERAGE = {
    "duke": "m",
    "duchess": "f",
    "earl": "m",
    "countess": "f",
    "marquess": "m",
    "marchioness": "f",
    "viscount": "m",
    "viscountess": "f",
    "prince": "m",
    "princess": "f",
}
_OF_HEADS |= set(_PEERAGE)


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
    "chair": None,  # "Federal Reserve Chair Jerome Powell"
    "chairperson": None,
    "mp": None,  # "Labour MP Jess Phillips"
    "mep": None,
    "secretary": None,
    "attorney": None,
    "atty": None,
    "ambassador": None,
    "councillor": None,
    "cllr": None,  # "Cllr Simon Athersmith", in British local news
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
# what follows a surname in a family's names: "Robert F. Kennedy Jr.", "Martin Luther King III"
_GENERATIONS = frozenset("jr sr ii iii iv".split())
# ... and who speaks for a firm, as for a politician: "Rite Aid spokeswoman" (a firm of two
# words or more, no given name first: "Abbott spokesman" may be Greg Abbott's)
_ORG_VOICES = frozenset("spokesman spokeswoman spokesperson spokespeople ceo".split())


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


_EVENT_TAILS = frozenset(
    "open cup games olympics championship championships prix rally marathon trophy "
    "slam masters classic tournament".split()
    # a law or a treaty is no body either: "Chemical Weapons Convention", "Patriot Act"
    + "convention treaty accord accords act".split()
)


_SERVICE_DISTRICTS = frozenset(
    "fire school water hospital sanitation irrigation transit utility park police health".split()
)


_NOT_PROPER = frozenset({"NOUN", "ADJ", "VERB", "ADV", "INTJ", "PRON", "DET", "ADP", "AUX"})


# the first word of a surname of several words: "van Beurden", "bin Laden", "Abu Bakar"
_PARTICLES = frozenset(
    "van von de da del della der den la le du di dos das al el bin ibn abu".split()
)
_CLOCK_MARKERS = frozenset({"a.m.", "p.m.", "a.m", "p.m", "am", "pm"})  # "11:03 P.M."
