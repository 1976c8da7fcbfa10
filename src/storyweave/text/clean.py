"""Boilerplate removal for scraped plain text: line-level rules, each removal kept with a reason.

Hand-written because the libraries that do this (trafilatura, justext) work on HTML structure or
whole paragraphs and say nothing about why; here every rule is a general feature (length,
terminal punctuation, function-word and capitalisation ratios, credit patterns, a widget
lexicon, position) and precision comes first: a real sentence is never removed by a weak rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date

import ftfy

from ..model import Article, RemovedLine
from ..read.outlet import outlet_from_text

# A unit removed for any reason other than these must not be a long sentence.
_LONG_OK = {
    "cookie notice",
    "copyright notice",
    "disclaimer",
    "subscription pitch",
    "platform notice",
    "web archive notice",
    "photo caption",
    "embedded tweet",
}

# Lexicon reasons too weak to beat a quotation or an attribution ("..., she said").
_GUARDED = {
    "site message",
    "reader poll",
    "byline",
    "timestamp",
    "app prompt",
    "market-data notice",
    "social prompt",
    "comment count",
    "navigation",
}

_FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto over under
    about after before since until as than that this these those which who whom whose what
    when where why how is are was were be been being am has have had do does did will would
    shall should can could may might must not no it its he she they we you i me him her them us
    his hers their our your my there here if then also just only very more most such own""".split()
)
_NAME_PARTICLES = frozenset(
    "de van von der den da di du la le bin al el del dos das ibn st".split()
)
_QUOTES_DOUBLE = '"“”„«»'
_CLOSERS = "\"'“”‘’)]»›"
_TERMINAL = ".!?…"
_REPORTING = re.compile(
    r"\b(said|says|told|tells|according to|stated|added|wrote|explained)\b", re.I
)
_WORD = re.compile(r"[^\W_][\w'’.\-]*")
_WORD_CHAR = re.compile(r"\w")

_AGENCY = re.compile(
    r"\b(getty(\s+images)?|wireimage|filmmagic|shutterstock|reuters|associated press|ap photo|"
    r"splash(\s+news)?|alamy|istock(photo)?|corbis|invision|rex(\s+features)?|rex/shutterstock|"
    r"pa\s+(images|wire)|backgrid|bauer-griffin|mega agency|zuma(\s+press)?|nurphoto|sipa|"
    r"abaca(press)?|imagn|usa today sports|afp|epa|ap)\b",
    re.I,
)
_SLASH_CREDIT = re.compile(
    r"^\(?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*/\s*[A-Z][\w.&'’\-]*(?:\s+[\w.&'’\-]+){0,3}\)?$"
)
_CREDIT_PREFIX = re.compile(
    r"^\(?\s*(photo(graph)?s?|images?|pictures?|pics?|illustrations?|credits?|"
    r"(photo|image|picture)\s+credits?)\s*(:|by\b|via\b|courtesy\b|©)",
    re.I,
)
_CREDIT_INLINE = re.compile(
    r"\((photo|image|picture|credit)s?\b[^)]*\)|\b(photo|image|picture)s?\s*(by|:)\s*[A-Z]", re.I
)
# "Tenants packed the hall. (Photo: Jo Reyes)" — a caption however long it is
_CREDIT_TAIL = re.compile(
    r"\((photo(graph)?|image|picture|credit|illustration)s?\s*(:|by\b|courtesy\b|©)[^)]*\)\W*$",
    re.I,
)
# An agency's photo credit closing a paragraph: "... outside the station, Friday, May 2, 2014.
# (AP Photo/Jo Reyes)", or a caption cut short: "Police continue to ... (Associated Press)".
# "... Khan Yunis. July 31, 2014 (Reuters)" too, but a bare "(Reuters)" after a whole sentence
# is the agency's sign-off, not a credit.
_AGENCY_TAIL = re.compile(
    r"(?:\((?:ap|reuters|afp|epa)[ /](?:photos?|images?|file)\b[^)]*\)"
    r"(?:\s*\((?:the )?associated press\))?|"
    r"(?:\.\.\.|…|\b\d{4}\.?)\s*\((?:the )?(?:associated press|ap|reuters|afp|getty images)\))"
    r"\W*$",
    re.I,
)
_COURTESY = re.compile(r"^\(?courtesy\b|\bcourtesy of\b", re.I)

_SHARE_CORE = frozenset(
    """share shares sharing tweet tweets email e-mail mail pin pinit print facebook twitter
    whatsapp linkedin reddit pinterest flipboard messenger telegram comments comment save
    copy""".split()
)
_SHARE_ALL = _SHARE_CORE | frozenset(
    "this article story on via link url sms text more options it to the x threads bluesky "
    "gift page".split()
)

# An agency caption: a present-tense verb of the photo and the full date with its weekday,
# "Jo Reyes speaks to reporters in Port Aldous, Friday, May 2, 2014.", or closing on the date,
# Reuters style: "... answers questions in Washington, U.S., February 16, 2017."
_CAPTION_VERBS = (
    "speaks", "arrives", "departs", "walks", "stands", "testifies", "listens", "gestures",
    "poses", "waves", "leaves", "attends", "sits", "holds", "talks", "smiles", "reacts",
    "looks on", "pauses", "addresses", "greets", "answers", "is seen", "are seen", "is shown",
    "are shown",
)  # fmt: skip
_CAPTION_DATE = re.compile(
    rf"\b({'|'.join(_CAPTION_VERBS)})\b(?:[^.]{{0,150}}?\b"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day,? (jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?,? \d{1,2},? \d{4}\b|"
    r".{0,150}?, (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? "
    r"\d{4}\W*$)",
    re.I,
)

# The Internet Archive's description of the crawl a page was saved in, scraped instead of the
# page; two of these in one flattened paragraph make it an archive page whole.
_WEB_ARCHIVE_NOTICE = re.compile(
    r"\bdonating their crawl data to the internet archive\b|"
    r"\badded to the wayback machine\b|^this crawl of online resources\b|"
    r"\bcrawls are part of an effort to archive\b|\bcrawls of supported\b|"
    r"\ba link to the version that was live when the page was written\b|"
    r"\binternet archive hopes that references\b|\bfix all broken links on the web\b|"
    r"\bfocused crawls are collections\b|\bthe seed for this crawl\b|"
    r"\bcrawl of outlinks\b|\bproperties of this collection\b|"
    r"\bthe seed ?list was built\b|\bthese files are currently not publicly accessible\b|"
    r"\busing the archive-it service\b|\bwith initial seed ?list and crawler\b|"
    r"\bsoftware for distributed crawling\b|\bheritrix\b|\bcrawl start date\b|"
    r"\bend of term (web )?archiv(e|ing)\b|\barchive-it (partner|program)\b|"
    r"\bwarczone\b|\bthis crawl was run at a level\b|\bdaily crawl of more than\b",
    re.I,
)
# What a scraper keeps of an embedded player, tweet or web-archive page, a CAPTCHA or
# e-mail-a-friend form around the article, or a page that needs scripts it did not run.
_PLATFORM_NOTICE = re.compile(
    r"^video (loading|unavailable)\b|\bclick to play\b.{0,40}\btap to play\b|"
    r"\bthe video will start in \d+|^tweet with a location$|"
    r"\badd location information to your tweets\b|\btweet location history\b|"
    r"\badd a location to your tweets\b|\bswitch location on/off before each tweet\b|"
    r"\badd this tweet to your website\b|"
    # a CAPTCHA or e-mail-a-friend form around the article
    r"\benter the characters\b|\btype the (characters|letters|code|text) (you see|shown)\b|"
    r"\bcaptcha\b|\bverify (that )?you are (a )?human\b|"
    r"\ba friend wanted you to see this\b|"
    # a page that needs scripts the scraper did not run
    r"\bjavascript is (disabled|required|not enabled|turned off)\b|\blegacy twitter\b|"
    r"\benable javascript to use\b|\bmedia playback is unsupported on your device\b|"
    r"^embed more news videos\b|"
    # a photo gallery's controls flattened into the text around it
    r"\bfull screen autoplay close\b|\bbuy photo wait \d+ seconds? to continue\b|"
    # a video player's list: "JUST WATCHED Nurse found dead Replay More Videos ... MUST WATCH"
    r"\breplay more videos\b",
    re.I,
)

# Unanchored lexicon patterns, named so that a keyword gate (_LEXICON_GATES) can spare the
# regex on the paragraphs, nearly all, that hold none of their words.
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\ball rights reserved\b|^copyright\b|"
    r"may not be (published|reproduced|redistributed|rewritten)",
    re.I,
)
_MARKET_DATA = re.compile(
    r"\bmarket data (provided|delayed|powered|supplied)\b|"
    r"\b(stock |index )?quotes (are |may be )?delayed\b|\bdelayed (at least |by )?\d+ min",
    re.I,
)
_DISCLAIMER = re.compile(
    r"\b(not (intended )?(as |to be )?(a substitute for|intended to replace) "
    r"(professional )?(medical|legal|financial) advice|for (general )?informational "
    r"purposes only|does not (constitute|provide) (medical|legal|financial|investment) "
    r"advice|not (medical|legal|financial|investment) advice|"
    # a column's sign-off: "The author is a Reuters Breakingviews columnist. The opinions
    # expressed are his own."
    r"the (opinions|views) expressed (here |in this (article|column) )?are (his|her|their|the "
    r"author'?s|those of the author)( own)?)\b",
    re.I,
)
_SUBSCRIPTION = re.compile(
    r"\b(support (our|independent|local|quality) (journalism|reporting|newsroom)|"
    r"readers like you|reader[- ](funded|supported)|become a (member|subscriber|"
    r"supporter)|(make|making) a (donation|contribution)|subscribe (today|now)|"
    r"unlimited (digital )?access)\b",
    re.I,
)
_APP_STORE = re.compile(r"\bavailable (on|in|from) (the )?(app store|google play)\b", re.I)
_COMMENTS_BELOW = re.compile(
    r"\b(in the comments|comments? below|have your say|cast your vote)\b", re.I
)

# a related story's headline in brackets closing a paragraph (see `_INLINE`)
_TITLE_WORD = r"(?:[A-Z0-9][\w'’&.-]*[:,]?|a|an|and|at|by|for|from|in|of|on|or|the|to|with|vs\.?)"
_BRACKETED_LINK = re.compile(
    rf"(?:(?<=[.!?\"”’)])|^)\s*\[(?:{_TITLE_WORD}[ /]){{1,14}}{_TITLE_WORD}[?!]?\]\s*$"
)
_FOLLOW_TOPIC = re.compile(
    r"(?:\binterested in [^?.!]{1,80}\?\s*)?\badd\b[^.?!]{1,80}?\bas an interest to stay up to "
    r"date\b[^.!?]{0,160}[.!]?(?:\s*add interest\b)?",  # ... and its button
    re.I,
)

_COME_BACK = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))(?:(?:Stay (?:with|tuned to) (?:[A-Z0-9][\w.'’&-]*\s){1,6}|Stay tuned |"
    r"Check back (?:(?:here|later|soon) )?)for (?:more|updates|developments|the latest)"
    r"(?=[.!]|\s(?:on|in|about|as|from|throughout)\b)[^.!?]{0,80}[.!]?|"
    r"This is a developing story\b[^.!?]{0,80}[.!]?|"
    r"This (?:story|article) (?:is developing|(?:has been|will be|may be) updated)\b[^.!?]{0,80}[.!]?)"
)

# A comment section's house rules ("Keep your comments civil ... Report Abuse").
_COMMENT_POLICY = re.compile(
    r"(?<!\S)(?:Guidelines:\s*)?[A-Z][^.!?]*(?:\bReport Abuse\b|attack other readers|"
    r"keep (?:your|the) (?:comments|conversation) (?:smart|civil|clean|respectful))"
    r"[^.!?]*[.!?]\W?",
    re.I,
)

# The site speaking of itself instead of the article: an outage, an error page, a moved story.
_SITE_MESSAGE = re.compile(
    r"\bwe(?:'re|’re| are) (?:working|experiencing|aware|sorry)\b.{0,80}\b(?:back (?:online|up)|"
    r"technical|issues?|problems?|difficult(?:y|ies)|outage|inconvenience|restor\w*|fix\w*)\b|"
    r"\b(?:get|bring) (?:it|the site|the page|this page|us) back (?:online|up)\b|"
    r"\b(?:the )?(?:page|content|story|video|article) you (?:are|were|’re|'re) looking for\b|"
    r"\b(?:this|the) (?:page|content|story|video|article) is (?:no longer|not|currently not|"
    r"temporarily) (?:available|accessible)\b|"
    r"\bsomething went wrong\b|\bpage not found\b|\btemporarily unavailable\b|"
    r"\bplease try again later\b|\b(?:sorry|apologi[sz]e) for (?:the|any) inconvenience\b|"
    r"\b(?:error )?404\b.{0,20}\bnot found\b|"
    r"\bthis (?:page|story|article|video) (?:has been|was) (?:removed|moved|taken down)\b",
    re.I,
)

# A tweet embedded in the page, flattened to its text and its signature line:
# "... pic.twitter.com/x — Harford Sheriff (@Harford_Sheriff) September 20, 2018"
_TWEET_EMBED = re.compile(
    r"[—–]\s*[^—–]{0,80}\(@\w{1,15}\)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.? \d{1,2}, \d{4}\W*$",
    re.I,
)

_CAPTION_WORDS = 40  # a longer unit ending in a credit is a paragraph with a caption glued on
_CAPTION_CREDIT = re.compile(
    r"\b(?i:photograph|photo|picture|image|illustration)(?: credit)?: "
    r"[A-Z][\w.'’-]*(?:[ /-]+[A-Z][\w.'’-]*){0,5}\W*$"
)
# an agency caption that points at its picture: "... is shown in this October 31, 2016 photo
# released on ...", "... are seen in this undated handout picture" ("in this": the picture beside
# the text; "seen in a photo found in the archive" is reporting)
_PICTURED = re.compile(
    r"\b(?:is|are) (?:seen|shown|pictured|depicted)\b[^.]{0,40}? in this\b[^.]{0,60}?"
    r"\b(?:photo(?:graph)?|image|picture|illustration|frame grab|handout)\b",
    re.IGNORECASE,
)
_PICTURED_WORDS = 60  # a caption and its credit line; a longer unit is body text with one in it
_CONTACT_LINE = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:can|may) be (?:reached|contacted|emailed) (?:at|via|on)\b"
    r"|^(?:contact|reach|email) (?:the (?:reporter|writer|author)|[A-Z][\w.'’-]+ [A-Z][\w.'’-]+) at\b",
    re.I,
)
_SYNDICATION = re.compile(
    r"^(?:this (?:article|story|post) )?(?:was )?originally (?:published|appeared|ran) "
    r"(?:on|in|at|by)\b[^.!?]{0,60}[.!?]?$",
    re.I,
)
_BUTTON = re.compile(
    r"^(?i:add|follow|share|subscribe|sign up|log in|download|print|email|comment|save)"
    r"(?: [A-Z][a-z]+){1,2}$"
)

# (reason, pattern) matched against the unit with bullets stripped; the first match wins.
_LEXICON: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("embedded tweet", _TWEET_EMBED),
    ("site message", _SITE_MESSAGE),
    (
        "promo link",
        re.compile(
            r"^(read more|read next|read also|also read|see also|related(\s+(stories|articles|"
            r"coverage|content|links?|posts?|video))?|more from\b[^:]{0,40}|more on\b[^:]{0,40}|"
            r"watch(\s+now|\s+video)?|videos?|photos?|gallery|listen|recommended|"
            r"don'?t miss|trending(\s+now)?|most (popular|read)|top stories|you may also like|"
            r"you might also like|editor'?s picks?|further reading|up next|next up|also on[^:]{0,30})"
            r"\s*[:>»|]",
            re.I,
        ),
    ),
    # a news site's furniture flattened into one line: "Photo Advertisement Continue reading
    # the main story"
    ("promo link", re.compile(r"\bcontinue reading the main story\b", re.I)),
    (
        "promo link",
        re.compile(
            r"^(read more|continue reading|click here|tap here|more stories|related stories)\b"
            r"|^check out (the|this|our) (video|clip|gallery|photos|interview|full)"
            r"|^(watch|see) (the|our) (full |latest )?(video|clip|interview|gallery|photos)\b"
            r"|^story continues below|^scroll (down )?to continue",
            re.I,
        ),
    ),
    # apart from the anchored phrases above, which Python tries at the start only
    ("promo link", re.compile(r"[>»→]\s*$")),
    (
        "advertisement",
        re.compile(
            r"^(advertisement|advert|ad|ads|sponsored( content| post)?|paid (post|content)|"
            r"promoted( content)?|partner content)\W*$",
            re.I,
        ),
    ),
    (
        "copyright notice",
        _COPYRIGHT,
    ),
    (
        "social prompt",
        re.compile(
            r"^follow (us|@?[\w.'’]+( [\w.'’]+){0,4}) on "
            r"(twitter|facebook|instagram|tiktok|x|threads|bluesky)\b|"
            r"^(like|find) us on facebook\b|^follow (us )?@\w+",
            re.I,
        ),
    ),
    (
        "reader poll",
        re.compile(
            r"^(tell us|let us know|sound off|share your (thoughts|views|story)|leave a comment|"
            r"join the (conversation|discussion)|what do you think|weigh in\b|vote\b|take our poll)",
            re.I,
        ),
    ),
    (
        "comment count",
        re.compile(r"^(view |show |read )?(\d+\s+comments?|comments?\s*[(\[]?\d+[)\]]?)\W*$", re.I),
    ),
    (
        "reader poll",
        _COMMENTS_BELOW,
    ),
    (
        "app prompt",
        re.compile(
            r"^(download|get|install|try|open in) (the |our )?([\w'’ ]{0,30})?\bapp\b", re.I
        ),
    ),
    ("app prompt", _APP_STORE),
    (
        "market-data notice",
        _MARKET_DATA,
    ),
    (
        "disclaimer",
        _DISCLAIMER,
    ),
    (
        "subscription pitch",
        _SUBSCRIPTION,
    ),
    (
        "navigation",
        re.compile(
            r"^(skip to (main )?content|sign in|log ?in|log ?out|menu|home|search|close|"
            r"back to top|next article|previous article|print this (page|article)|loading\.*|"
            r"show comments|view comments|tags?:.*|filed under:.*|topics?:.*)\W*$",
            re.I,
        ),
    ),
    ("bare link", re.compile(r"^(https?://|www\.)\S+$", re.I)),
    # a caption as a scraper flattens it: "Image copyright Getty Images Image caption ..."
    # ... and an agency's file-photo caption: "FILE - In this May 4, 2001, file photo, ..."
    (
        "photo caption",
        re.compile(
            r"^(image|media|photo|video) (caption|copyright)\b|"
            # a magazine's photo caption flattened with its button: "View Images The skull ..."
            r"^view images\b|"
            r"^(file|ap)\s*[-–—]\s*(in )?this\b|"
            r"^in this [^,]{0,60}\b(file |handout |undated )?(photo|image|picture|frame grab)\b"
            r"[^,]{0,60},|"
            # "This image provided by the county jail shows ..."
            r"^this (undated |handout |file )?(photo|image|picture|frame grab)( \w+){0,3} "
            r"(provided|released|taken|made available|obtained|posted) (by|from|on)\b",
            re.I,
        ),
    ),
    ("photo caption", _CAPTION_DATE),
    # a reporter's contact line: "Jo Lee can be reached at jlee@example.com"
    ("contact line", _CONTACT_LINE),
    # a syndicated page's note of where it first ran: "Originally published on Live Science."
    ("syndication note", _SYNDICATION),
    # a widget's button left when its prompt is cut: "Add Interest", "Follow Topic"
    ("button label", _BUTTON),
    ("web archive notice", _WEB_ARCHIVE_NOTICE),
    ("platform notice", _PLATFORM_NOTICE),
    # a video player's description, opened by its close button: "CLOSE Authorities are ..."
    ("platform notice", re.compile(r"^CLOSE (?!Skip\b)[A-Z][a-z]")),
    (
        "byline",
        re.compile(
            r"^\(?(additional )?(reporting|writing|editing|compiled|edited) by\b|"
            r"^(contact|email|e-mail) (the )?(author|reporter|writer|us)\b|^\S+@\S+\.\w+$",
            re.I,
        ),
    ),
    (
        "timestamp",
        re.compile(
            r"^(published|updated|posted|last updated|first published|last modified)\b"
            r"(?=.*\d).{0,70}$",
            re.I,
        ),
    ),
)
_NEWSLETTER = re.compile(
    r"\b(sign(ing)? up|subscribe|subscribing|subscription|newsletters?)\b", re.I
)
_NEWSLETTER_CONTEXT = re.compile(
    r"\b(newsletters?|inbox|e-?mails?|updates|alerts|for free|free|daily|weekly|our|sign up)\b",
    re.I,
)
# a prompt speaks to the reader; a news sentence about sign-ups does not
_PROMPT = re.compile(
    r"\b(you|your)\b|^(sign up|subscribe|join|get|receive|enter|never miss|don'?t miss)\b|"
    r"\bour (free |daily |weekly )?newsletters?\b",
    re.I,
)
_DATE_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december mon tue wed thu fri sat sun monday tuesday
    wednesday thursday friday saturday sunday am pm a.m p.m et est edt pt pst pdt gmt utc bst cet
    updated published posted on at""".split()
)
_BYLINE = re.compile(
    r"^[Bb][Yy]:?\s+[A-Z][\w.'’\-]+(\s+[A-Z][\w.'’\-]+){0,3}"
    r"(\s*(,|and|&|\|)\s*[A-Z][\w.'’\-]*(\s+[A-Z][\w.'’\-]*){0,4})*\s*$"
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(cookie (policy|settings|preferences|notice)|this (site|website)|our (site|website)|"
    r"by (using|continuing|clicking)|you (consent|agree|accept)|accept( all)? cookies|"
    r"manage (your )?(consent|preferences|cookies)|our partners)\b",
    re.I,
)
_LABEL_HEADLINE = re.compile(r"^([A-Z][\w'’&]*(?:\s+[\w'’&]+){0,3})\s*:\s+(.{8,})$")
_BULLET = re.compile(r"^[\s•·*●▪■►▶\-–—|]+")
_PUNCT = re.compile(r"[^\w\s]")


# A line that stops where no sentence or heading stops: on a comma, an opening bracket or a
# word that needs one after it ("what to look for" may end a heading; "of the" cannot)
_OPEN_END = re.compile(
    r"(?:[,(\[]|\b(?:the|a|an|of|and|or|by|from|that|its|their|his|her|is|are|was|were|be))$",
    re.IGNORECASE,
)


@dataclass
class _Unit:
    """A paragraph: one line, or hard-wrapped lines joined with spaces."""

    lines: list[tuple[int, str]]  # (1-based line number, stripped line)
    text: str
    reason: str | None = None

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def normalize(line: str) -> str:
    """A line folded for comparison: case, accents, quotes and punctuation ignored."""
    text = unicodedata.normalize("NFKC", line).casefold()
    text = _PUNCT.sub(" ", _BULLET.sub("", text))
    return " ".join(text.split())


def _ends_sentence(text: str) -> bool:
    text = text.rstrip().rstrip(_CLOSERS)
    return bool(text) and text[-1] in _TERMINAL


def _is_short_fragment(text: str) -> bool:
    """A short line that is not a sentence: the only kind that may repeat across articles."""
    words = _WORD.findall(text)
    return 0 < len(words) <= 12 and not _ends_sentence(text) and not _has_double_quote(text)


def _has_double_quote(text: str) -> bool:
    return any(c in text for c in _QUOTES_DOUBLE)


def _units(raw: str) -> list[_Unit]:
    """Paragraph units; a line ending mid-sentence and followed by a lower-case line is wrapped.

    Across one blank line (a PDF or e-mail pasted with every line doubled) the next line must
    also read as the same sentence: it opens in lower case, or the line before stops on a
    comma, a bracket or a word that needs one after it ("... the" / "President has ...")."""
    units: list[_Unit] = []
    prev_open = False  # the previous non-blank line continues on the next line
    blanks = 0  # blank lines since it
    for n, line in enumerate(raw.split("\n"), 1):
        s = line.strip()
        if not s:
            blanks += 1
            continue
        joins = False
        if prev_open and units and blanks <= 1:
            lower = s[0].islower() or (s[0].isdigit() and blanks == 0)
            joins = lower or (blanks == 1 and _OPEN_END.search(units[-1].text) is not None)
        if joins:
            u = units[-1]
            u.lines.append((n, s))
            u.text = f"{u.text} {s}"
        else:
            units.append(_Unit([(n, s)], s))
        blanks = 0
        prev_open = len(s) >= 40 and not _ends_sentence(s) and not s.endswith(":")
    return units


def _cap_ratio(words: Sequence[str]) -> float:
    """Share of content words that start with a capital (1.0 for Title Case)."""
    content = [w for w in words if w.casefold() not in _FUNCTION_WORDS and w[0].isalpha()]
    if not content:
        return 0.0
    return sum(w[0].isupper() for w in content) / len(content)


def _function_ratio(words: Sequence[str]) -> float:
    return sum(w.casefold() in _FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def _is_name(text: str) -> bool:
    """Two to four name-shaped words and nothing else: 'Kelly Rutherford', 'kelly rutherford'."""
    if _ends_sentence(text) and not re.search(r"\b[A-Z]\.$", text):
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    if not all(re.fullmatch(r"[^\W\d_][\w'’.\-]*", t) for t in tokens):
        return False
    first = tokens[0].casefold()
    if first in _FUNCTION_WORDS or first in _NAME_PARTICLES:
        return False
    for t in tokens[1:]:
        if t.casefold() in _FUNCTION_WORDS and t.casefold() not in _NAME_PARTICLES:
            return False
    cased = [t for t in tokens if t.casefold() not in _NAME_PARTICLES]
    return all(t[0].isupper() for t in cased) or all(t.islower() for t in cased)


def _name_elsewhere(unit: _Unit, others: Sequence[str]) -> bool:
    """Whether the unit's words occur capitalised, as a name, in another line or the title."""
    tokens = unit.text.split()
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(t) for t in tokens) + r"\b", re.I)
    for other in others:
        for m in pattern.finditer(other):
            found = m.group(0).split()
            if all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in found):
                return True
    return False


def _closes_on_bracket(text: str) -> bool:
    """Nothing but non-word characters after the last ")": where _CREDIT_TAIL and _AGENCY_TAIL
    can match at all (a test of the tail instead of a scan of a whole flattened article)."""
    i = text.rfind(")")
    return i >= 0 and _WORD_CHAR.search(text, i + 1) is None


def _credit_inline(text: str) -> bool:
    folded = text.casefold()
    if not any(k in folded for k in ("photo", "image", "picture", "credit")):
        return False  # every form of _CREDIT_INLINE names one of them
    return _CREDIT_INLINE.search(text) is not None and (
        _AGENCY.search(text) is not None or "/" in text
    )


def _is_credit(text: str, words: Sequence[str]) -> bool:
    # "Image: ...", "Photo: ..." open a caption or credit however long the line runs
    if _CREDIT_PREFIX.match(text):
        return True
    if _closes_on_bracket(text) and (_CREDIT_TAIL.search(text) or _AGENCY_TAIL.search(text)):
        return True
    if len(words) > 12:
        return _credit_inline(text)
    if _SLASH_CREDIT.match(text) and len(words) <= 8:
        before, _, after = text.partition("/")
        if _AGENCY.search(after) or len(before.split()) >= 2:
            return True
    if _COURTESY.search(text) and len(words) <= 8 and not _ends_sentence(text):
        return True
    if len(words) <= 5 and not _ends_sentence(text) and _agency_named(text):
        return True
    return _credit_inline(text)


def _agency_named(text: str) -> bool:
    m = _AGENCY.search(text)
    if not m:
        return False
    # short agency acronyms only count in capitals: "ap" or "epa" in lower case is a word
    return len(m.group(0)) > 4 or m.group(0).isupper()


def _is_date_only(words: Sequence[str]) -> bool:
    """A line that only gives a date or time: 'March 4, 2024 | 3:45 p.m. ET'."""
    tokens = [w.casefold().strip(".") for w in words]
    return (
        0 < len(tokens) <= 10
        and any(ch.isdigit() for ch in "".join(tokens))
        and all(
            t.replace(":", "").isdigit() or t in _DATE_WORDS or t.rstrip(".") in _DATE_WORDS
            for t in tokens
        )
    )


def _is_tag_list(text: str) -> bool:
    """Short items between separators: 'Politics | City Council | Housing'."""
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", text) if p.strip()]
    if len(parts) < 3 or _ends_sentence(text):
        return False
    return all(len(p.split()) <= 4 for p in parts)


def _is_share_widget(text: str, words: Sequence[str]) -> bool:
    tokens = [w.casefold().strip(".'’") for w in words if not w.isdigit()]
    return (
        0 < len(tokens) <= 8
        and all(t in _SHARE_ALL for t in tokens)
        and any(t in _SHARE_CORE for t in tokens)
    )


# Words one of which every phrase of a long pattern holds: a substring test is ten times cheaper
# than the pattern, which most paragraphs would otherwise run in full. A new phrase of a gated
# pattern must hold one of its keys (tests/test_clean.py checks an example of each).
_LEXICON_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _WEB_ARCHIVE_NOTICE: (
        "crawl", "wayback", "archiv", "seed", "collection", "heritrix", "warczone",
        "broken links", "live when", "publicly accessible",
    ),
    _PLATFORM_NOTICE: (
        "video loading", "video unavailable", "click to play", "the video will start", "tweet",
        "enter the characters", "type the", "captcha", "human", "friend wanted", "javascript",
        "legacy twitter", "media playback", "embed more", "autoplay", "buy photo", "more videos",
    ),
    _COPYRIGHT: ("©", "(c)", "all rights reserved", "copyright", "may not be "),
    _MARKET_DATA: ("market data", "delayed"),
    _DISCLAIMER: ("advice", "informational purposes", "expressed"),
    _SUBSCRIPTION: (
        "support ", "reader", "become a ", "donation", "contribution", "subscribe ", "unlimited",
    ),
    _APP_STORE: ("app store", "google play"),
    _TWEET_EMBED: ("(@",),
    _SITE_MESSAGE: (
        "we're", "we’re", "we are", "back online", "back up", "looking for", "available",
        "accessible", "went wrong", "not found", "unavailable", "try again", "inconvenience",
        "has been ", "was ",
    ),
    _COMMENTS_BELOW: ("comment", "have your say", "cast your vote"),
    _CAPTION_DATE: _CAPTION_VERBS,
    _FOLLOW_TOPIC: ("as an interest",),
    _COME_BACK: ("stay ", "check back", "developing", "updated"),
    _BRACKETED_LINK: ("]",),
    _COMMENT_POLICY: (
        "report abuse", "attack other readers", "keep your comments", "keep the comments",
        "keep your conversation", "keep the conversation",
    ),
}  # fmt: skip


def _gated_out(pattern: re.Pattern[str], folded: str) -> bool:
    """The pattern cannot match: none of its gate's keys is in the case-folded text."""
    gate = _LEXICON_GATES.get(pattern)
    return gate is not None and not any(key in folded for key in gate)


def _strong_reason(unit: _Unit, title_norm: str, first_content: bool) -> str | None:
    """Rules whose signal is strong enough to apply anywhere."""
    text = _BULLET.sub("", unit.text).strip()
    words = unit.words
    if not text or not words:
        return "symbols only" if unit.text.strip() else None
    if _COOKIE.search(text) and _COOKIE_CONTEXT.search(text):
        return "cookie notice"
    long_sentence = len(words) > 25 and _ends_sentence(text)
    if title_norm and normalize(text) == title_norm:
        # mid-body, a name-only line equal to the title is a photo caption (found later); a
        # page whose "title" is its lead sentence (a text file's first line) keeps that lead
        lead = len(words) >= 10 and _ends_sentence(text)
        if (first_content and not lead) or not (_ends_sentence(text) or _is_name(text)):
            return "repeats the title"
    if _is_credit(text, words) and not _REPORTING.search(text):
        return "photo credit"
    folded = text.casefold()
    for reason, pattern in _LEXICON:
        if _gated_out(pattern, folded):
            continue
        if pattern.search(text):
            if reason not in _LONG_OK and long_sentence:
                continue
            if reason in _GUARDED and (_has_double_quote(text) or _REPORTING.search(text)):
                continue
            return reason
    if _is_share_widget(text, words):
        return "share widget"
    if _CAPTION_CREDIT.search(text) and len(words) <= _CAPTION_WORDS:
        # a caption ending in its credit, as the Guardian prints it: "... Photograph: Jo Lee"
        return "photo caption"
    if len(words) <= _PICTURED_WORDS and "this" in folded and _PICTURED.search(text):
        return "photo caption"
    if (
        _NEWSLETTER.search(text)
        and _NEWSLETTER_CONTEXT.search(text)
        and _PROMPT.search(text)
        and len(words) <= 25
        and not _REPORTING.search(text)
        and not _has_double_quote(text)
    ):
        return "newsletter prompt"
    if _BYLINE.match(text) and len(words) <= 12:
        return "byline"
    if _is_date_only(words):
        return "timestamp"
    if _is_tag_list(text):
        return "tag list"
    m = _LABEL_HEADLINE.match(text)
    if m and not _has_double_quote(text) and not _ends_sentence(text.rstrip("?!")):
        label, rest = m.group(1), _WORD.findall(m.group(2))
        # "WATCH: Stars Rally to Help ..." — a label and a Title Case headline is a teaser link
        if len(rest) >= 3 and _cap_ratio(rest) >= 0.75 and label.split()[0][0].isupper():
            if label.isupper() or _cap_ratio(_WORD.findall(label)) == 1.0:
                return "promo link"
    return None


def _is_content(unit: _Unit) -> bool:
    """A paragraph that is clearly article text."""
    words = unit.words
    return (len(words) >= 8 and _ends_sentence(unit.text)) or (
        len(words) >= 15 and _function_ratio(words) >= 0.2
    )


# Mojibake ("nightâ€™s"), C1 controls ("Cokes \x97 a") and leaked HTML entities ("AT&amp;T")
# are ftfy's job; this gate keeps text with none of their marks off its slower path.
_SUSPECT = re.compile(r"[\x80-\x9f\ufffd]|[ÂÃâ][\x80-\xbf€]|&(?:[a-zA-Z]{2,8}|#\d{2,5});")
# ftfy cannot bring back bytes a decoder has already replaced. "�?" is what a closing double
# quote (UTF-8 E2 80 9D) becomes when its last byte, undefined in cp1252, is lost: by hand.
_LOST_CLOSING_QUOTE = re.compile(r"(?<=\S)\ufffd\?(?=\s|$|[,.;:)])")


# characters that print as nothing: zero-width spaces and joiners, word joiners, byte-order
# marks and soft hyphens a page carries ("State Sen. Diane Savino \u200b(D-SI) \u200bapplauded")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def repair_text(text: str) -> str:
    """Text with encoding damage undone where it can be and invisible characters dropped; line
    breaks are left as they are."""
    text = text.translate(_INVISIBLE)
    if not _SUSPECT.search(text):
        return text
    text = ftfy.fix_text(text, fix_line_breaks=False, uncurl_quotes=False)
    return _LOST_CLOSING_QUOTE.sub("\u201d", text)


def clean_text(
    raw: str, *, title: str = "", repeated: Collection[str] = ()
) -> tuple[str, tuple[RemovedLine, ...]]:
    """Clean text (one blank line between paragraphs) and the removed lines with reasons."""
    text, removed, _ = clean_page(raw, title=title, repeated=repeated)
    return text, removed


def clean_page(
    raw: str, *, title: str = "", repeated: Collection[str] = ()
) -> tuple[str, tuple[RemovedLine, ...], str | None]:
    """Clean text, the removed lines with reasons, and the page's own date (ISO) if it gives one."""
    units = _units(repair_text(raw))
    title_norm = normalize(title)
    repeated_norm = {normalize(r) for r in repeated}
    seen_content = False
    inline: list[RemovedLine] = []
    for u in units:
        u.reason = _strong_reason(u, title_norm, not seen_content)
        if u.reason is not None and len(u.words) >= _FLATTENED_WORDS:
            _strip_sentences(u, title_norm, not seen_content, inline)
        if u.reason is None and _is_content(u):
            seen_content = True

    texts = [title] + [u.text for u in units if u.reason is None and not _is_name(u.text)]
    for i, u in enumerate(units):
        if u.reason is not None or _has_double_quote(u.text) or _REPORTING.search(u.text):
            continue
        if _is_name(u.text) and _name_elsewhere(u, [t for t in texts if t != u.text]):
            u.reason = "caption repeating a name"
        elif repeated_norm and _is_short_fragment(u.text) and normalize(u.text) in repeated_norm:
            u.reason = "repeated across articles"
        elif (
            i + 1 < len(units)
            and units[i + 1].reason == "photo credit"
            and _is_short_fragment(u.text)
            and _cap_ratio(u.words) >= 0.75
        ):
            u.reason = "photo caption"

    _mark_link_lists(units)
    _mark_trailing(units)
    _mark_repeated(units)
    for u in units:
        if u.reason is None:
            _strip_inline(u, inline)
    page_date = _read_page_date(units, inline)
    kept = [u.text for u in units if u.reason is None]
    removed = tuple(
        RemovedLine(n, line, u.reason) for u in units if u.reason for n, line in u.lines
    )
    text = "\n\n".join(kept)
    return text, tuple(sorted(removed + tuple(inline), key=lambda r: r.line)), page_date


_REPEAT_WORDS = 10  # a paragraph this long printed twice is the page's double, not a refrain


def _mark_repeated(units: Sequence[_Unit]) -> None:
    """A paragraph the page prints twice (a scraper's second pass over a live update, a pull
    quote) is kept once: its quotes and facts are one outlet's, said once."""
    seen: set[str] = set()
    for u in units:
        if u.reason is not None or len(u.words) < _REPEAT_WORDS:
            continue
        key = normalize(u.text)
        if key in seen:
            u.reason = "repeated paragraph"
        seen.add(key)


# A unit this long may be a whole article flattened into one line (newlines lost by the scraper
# or the dataset): one junk sentence in it must not take the article with it.
_FLATTENED_WORDS = 60


def _strip_sentences(
    unit: _Unit, title_norm: str, first_content: bool, removed: list[RemovedLine]
) -> None:
    """Judge a flattened unit sentence by sentence; drop the junk ones, keep the rest."""
    from .segment import split_sentences  # clean runs before segmenting; import on demand

    line = unit.lines[0][0]
    kept: list[str] = []
    cut: list[RemovedLine] = []
    for sentence in split_sentences(unit.text):
        reason = _strong_reason(_Unit([(line, sentence)], sentence), title_norm, first_content)
        if reason is None:
            kept.append(sentence)
        else:
            cut.append(RemovedLine(line, sentence, reason))
    rest = _Unit(unit.lines, " ".join(kept))
    if sum(r.reason == "web archive notice" for r in cut) >= 2:
        return  # an archive's page about its crawl: what it says between the notices is too
    if len(cut) + len(kept) < 3 or not _is_content(rest) or 2 * len(rest.words) < len(unit.words):
        return  # a notice of a few sentences, or mostly junk: the unit goes whole, as judged
    unit.text, unit.reason = rest.text, None
    removed.extend(cut)


# Junk set inside a paragraph rather than on its own line: removed from the paragraph's text.
_INLINE: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "(See the top 10 movies of 2009.)", "(Read a review of the book.)": a link to elsewhere
    (
        "promo link",
        re.compile(
            r"\((?:See|Read|Watch|Listen to|View|Photos?|Pictures?|Video|More)\b[^()]{3,160}?"
            r"[.!]\)"
        ),
    ),
    # a related story's headline in brackets, closing the paragraph after its last sentence or
    # standing alone: "... a new, apocalyptic twist. [13 Ways to Hunt Intelligent Aliens]",
    # "[Related: Celebrities We Lost in 2014]", "[Photo/Lanzhou Evening News]"; an editor's
    # bracket inside a quote ("222 [Electoral College votes]") never closes a paragraph so
    ("promo link", _BRACKETED_LINK),
    # an embedded video player's buttons, flattened into the paragraph that follows
    ("platform notice", re.compile(r"\bCLOSE Skip in Skip x Embed x Share\b")),
    # ... or the notice it shows instead of the player
    (
        "platform notice",
        re.compile(
            r"\b(?:please )?enable javascript to (?:watch|view|play|see) this "
            r"(?:video|content|media)\b\W?",
            re.I,
        ),
    ),
    # a comment section's house rules, pasted after the article by the scraper
    ("comment policy", _COMMENT_POLICY),
    # the outlet asking the reader to come back: "Stay with KVX Radio for developments in this
    # story.", "Check back for updates.", "This is a developing story."
    ("site message", _COME_BACK),
    # a news site's follow-this-topic prompt, often glued to the paragraph's last sentence:
    # "Interested in Harbour Council? Add Harbour Council as an interest to stay up to date ..."
    ("platform notice", _FOLLOW_TOPIC),
    # a financial site's quote chip after a name: its ticker and the day's change, "Tesla Inc.
    # TSLA, +5.77%", "BP BP., +0.88% Chairman": a widget, not words of the sentence
    ("quote chip", re.compile(r"(?<!\S)[A-Z][A-Z0-9.]{0,7},? [+\-−]\d{1,3}\.\d{1,2}%(?!\w)")),
)


def _strip_inline(unit: _Unit, removed: list[RemovedLine]) -> None:
    """Take inline junk out of a kept unit's text; the unit goes when nothing else is left."""
    text = unit.text
    folded = text.casefold()
    for reason, pattern in _INLINE:
        if _gated_out(pattern, folded):
            continue
        found = [m.group().strip() for m in pattern.finditer(text)]
        if not found:
            continue
        removed.extend(RemovedLine(unit.lines[0][0], f, reason) for f in found)
        text = pattern.sub(" ", text)
    if text is unit.text:
        return
    text = re.sub(r"\s{2,}", " ", text).strip()
    if sum(ch.isalpha() for ch in text) < 3:
        unit.reason = removed.pop().reason  # the whole unit was junk: report it as lines
        return
    unit.text = text


# a row of a table: a name beside a figure ("Gloria Bistrita 2 Valletta 1", "Total Assets
# 14,196"); a phone number or an e-mail address is a contact line, not a row
_ROW_NAME = re.compile(r"\b[A-Z][A-Za-z'.\-]+")
_CONTACT = re.compile(r"@|\d{3}[- ]\d{4}\b")


# a fixture: "Leeds v Wimbledon", "CHICAGO AT ATLANTA"
_FIXTURE = re.compile(r"^[A-Z][\w.' ]*? (?:v|vs\.?|at|AT) [A-Z][\w.' ]*\W*$")


def _is_row(text: str) -> bool:
    """A short line that reads as a table row: a capitalised word and a figure, or a fixture."""
    if _CONTACT.search(text):
        return False
    return bool(re.search(r"\d", text) and _ROW_NAME.search(text) or _FIXTURE.match(text))


def _in_table(units: list[_Unit], i: int) -> bool:
    """Whether unit i is a table row after another row or after the table's caption."""
    # a caption: "Results of matches played on Thursday:"
    if i == 0 or not _is_row(units[i].text):
        return False
    before = units[i - 1].text
    return _is_row(before) or before.rstrip().endswith(":")


def _mark_link_lists(units: list[_Unit]) -> None:
    """Two or more bulleted headlines in a row, a related-links box: "· The Top 10 Mad
    Scientists", "· The Most Famous Astronomers of All Time". A bulleted list of sentences
    (key points) ends its items with a full stop or runs in lower case, and stays."""
    run: list[_Unit] = []
    for u in [*units, None]:
        if u is not None and u.reason is None and _bulleted_headline(u):
            run.append(u)
            continue
        if len(run) >= 2:
            for item in run:
                item.reason = "promo link"
        run = []


def _bulleted_headline(u: _Unit) -> bool:
    if not _BULLET.match(u.text) or _has_double_quote(u.text):
        return False
    text = _BULLET.sub("", u.text).strip()
    return 2 <= len(u.words) <= 14 and not _ends_sentence(text) and _cap_ratio(u.words) >= 0.75


def _mark_trailing(units: list[_Unit]) -> None:
    """Reader polls and stray fragments after the last paragraph of the article."""
    for i in range(len(units) - 1, -1, -1):
        u = units[i]
        if u.reason is not None:
            continue
        if _has_double_quote(u.text) or _is_content(u) and not u.text.rstrip().endswith("?"):
            return
        if _in_table(units, i):
            return  # the article ends on a table (results, standings, accounts): content
        low = u.text.casefold()
        if u.text.rstrip().endswith("?") and re.search(r"\b(you|your)\b", low):
            u.reason = "reader poll"
        elif _is_short_fragment(u.text) and len(u.words) <= 6:
            u.reason = "trailing fragment"
        else:
            return


def repeated_lines(articles: Sequence[Article]) -> set[str]:
    """Short non-sentence lines (normalised) found in two or more articles that are not copies.

    Syndicated copies share their subheadings too, so a line only counts as repeated when two
    of the articles that carry it do not share most of their long paragraphs.
    """
    fragments: dict[str, set[int]] = {}
    bodies: list[set[str]] = []
    for i, a in enumerate(articles):
        long: set[str] = set()
        for u in _units(a.raw or a.text):
            if _is_short_fragment(u.text):
                key = normalize(u.text)
                if key:
                    fragments.setdefault(key, set()).add(i)
            elif len(u.words) >= 12:
                long.add(normalize(u.text))
        bodies.append(long)

    def copies(i: int, j: int) -> bool:
        a, b = bodies[i], bodies[j]
        if not a or not b:
            return False
        return len(a & b) / min(len(a), len(b)) >= 0.5

    out: set[str] = set()
    for key, where in fragments.items():
        if len(where) < 2:
            continue
        idx = sorted(where)
        if any(not copies(i, j) for n, i in enumerate(idx) for j in idx[n + 1 :]):
            out.add(key)
    return out


# The page's own date: "Updated: September 30, 2014", "Published Friday, Feb. 27, 2015 4:20 PM",
# "Posted on 30 Sept 2014 by ...", "WASHINGTON, Feb. 27, 2015 (AP) —". It anchors the article's
# relative dates ("on Thursday") when no published date came with it, so it is read, not dropped.
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON}),?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b"
    r"|\b(?P<m4>[01]?\d)/(?P<d4>[0-3]?\d)/(?P<y4>(?:19|20)\d\d)\b",
    re.I,
)
_DATE_LABEL = re.compile(
    r"\b(?P<label>(?:first |originally )?published|(?:last )?updated|posted|modified)\b"
    r"(?:\s+on)?\s*:?",
    re.I,
)
_DATELINE_DATE = re.compile(rf"^[A-Z][A-Z.'’ -]{{2,30}}(?:, [A-Z][a-z.]+)?,\s+(?:{_MON}\s)", re.I)
_LABEL_LEAD = re.compile(r"\W*|.{0,80}[|•·—–]\s*|.{0,80}\s-\s*")
_MONTH_NUMBER = {m[:3]: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1
)}  # fmt: skip
_DATED_JUNK = {"embedded tweet", "photo caption", "photo credit"}
_FILE_PHOTO = re.compile(r"\bfile\b|\barchive\b", re.I)
_DATE_LINE_WORDS = 20  # a page's date line is short; a sentence that says "published" is not one
_HEAD_UNITS = 8  # a bare date line counts as the page's date only near the top


def full_date(text: str) -> str | None:
    """The first date with day, month and year in `text`, as ISO 8601, or None."""
    for m in _FULL_DATE.finditer(text):
        g = {k: v for k, v in m.groupdict().items() if v}
        y = int(g.get("y") or g.get("y2") or g.get("y3") or g["y4"])
        mon = g.get("mon") or g.get("mon2")
        month = _MONTH_NUMBER[mon[:3].lower()] if mon else int(g.get("m3") or g["m4"])
        day = int(g.get("d") or g.get("d2") or g.get("d3") or g["d4"])
        try:
            return date(y, month, day).isoformat()
        except ValueError:
            continue
    return None


# a page's time stamp: a clock time and a time zone right after a full date ("July 15, 2014 at
# 2:54 PM ET", "Monday, June 23, 2014 11:03 PM EDT"); prose gives a time, not a zone, after a date
_STAMP_AFTER = re.compile(
    r"\s*(?:at\s+|,\s*|-\s*)?[0-2]?\d:[0-5]\d\s*[ap]\.?m\.?\s*"
    r"(?:[ECMP][SD]?T|GMT|BST|UTC|AE[SD]T)\b",
    re.I,
)


def _time_stamp(text: str) -> str | None:
    """The ISO date of the first time stamp in `text`, wherever it stands in the line (a
    scraper glues it to the headline before it and the first paragraph after it)."""
    for m in _FULL_DATE.finditer(text):
        if _STAMP_AFTER.match(text, m.end()):
            return full_date(m.group())
    return None


def _date_line(text: str, near_top: bool) -> tuple[int, str] | None:
    """(rank, ISO date) when a short line gives the page's date; rank 0 is the best kind."""
    words = _WORD.findall(text)
    if len(words) > _DATE_LINE_WORDS:
        return None
    label = _DATE_LABEL.search(text)
    # the label opens the line or follows a separator ("By Jo Roe | Updated ..."): "The report
    # was published on March 3, 2009." is news, not the page's date
    if label and _LABEL_LEAD.fullmatch(text[: label.start()]):
        found = full_date(text[label.end() : label.end() + 60])
        if found:
            return (2 if re.search("updat|modif", label.group(), re.I) else 0), found
    if near_top and _is_date_only(words) and (found := full_date(text)):
        return 3, found
    return None


def _read_page_date(units: Sequence[_Unit], inline: list[RemovedLine]) -> str | None:
    """The page's own date from its date line or dateline; a date line is removed as read."""
    found: list[tuple[int, int, str, int]] = []  # (rank, order, ISO date, where)
    lines = [(u.text, u.reason, pos < _HEAD_UNITS) for pos, u in enumerate(units)]
    lines += [(r.text, r.reason, r.line <= _HEAD_UNITS) for r in inline]
    for where, (text, reason, near_top) in enumerate(lines):
        if hit := _date_line(text, near_top):
            found.append((hit[0], where, hit[1], where))
        elif reason is None and _DATELINE_DATE.match(text) and (d := full_date(text[:60])):
            found.append((1, where, d, where))
        elif reason is None and near_top and (d := _time_stamp(text)):
            found.append((1, where, d, where))  # stays: the headline or news may share its line
        elif reason in _DATED_JUNK and not _FILE_PHOTO.search(text) and (d := full_date(text)):
            # a tweet or a caption of the day's events dates the page when nothing else does;
            # the latest, as older ones show what led up to it
            found.append((4, -date.fromisoformat(d).toordinal(), d, where))
    if not found:
        return None
    rank, _, iso, where = min(found)
    if rank == 1:
        return iso  # a dateline opens a paragraph of news, a time stamp shares one: both stay
    old = units[where].reason if where < len(units) else inline[where - len(units)].reason
    reason = f"page date line, read as the article's date {iso}"
    if rank == 4:
        reason = f"{old}; its date read as the article's date {iso}"
    if where < len(units):
        units[where].reason = reason
    else:
        inline[where - len(units)] = replace(inline[where - len(units)], reason=reason)
    return iso


def clean_articles(articles: Sequence[Article]) -> list[Article]:
    """Each article not yet cleaned, cleaned; lines repeated across the batch count as junk.
    An article with no source takes the outlet its text names itself by."""
    todo = [a for a in articles if not a.cleaned]
    repeated = repeated_lines(todo) if len(todo) > 1 else set()
    out: list[Article] = []
    for a in articles:
        if a.cleaned:
            out.append(a)
            continue
        raw = a.raw or a.text
        title = repair_text(a.title)
        text, removed, page_date = clean_page(raw, title=title, repeated=repeated)
        # a scraped page's first line can be junk too ("You must enter the characters ...")
        reason = _strong_reason(_Unit([(0, title)], title), "", True) if title else None
        if reason is not None:
            removed = (RemovedLine(0, title, reason), *removed)
            title = ""
        out.append(
            replace(
                a,
                source=a.source or outlet_from_text(raw) or "",
                title=title,
                text=text,
                raw=raw,
                removed=removed,
                published=a.published or page_date,
                cleaned=True,
            )
        )
    return out
