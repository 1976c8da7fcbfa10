"""Outlets quoting one speaker's words differently: a misquote a reader should see.

Two outlets that put the same remark in quotation marks should print the same words. When a
quotation of one outlet runs mostly word for word along a quotation of another (the same
speaker, or one of them unnamed) but some words inside it differ ("The pushback I'm getting
reminds me ..." / "The kind of pushback I'm seeing reminds me ..."), at least one outlet has
changed what the speaker said. A shorter quotation that is a cut of a longer one agrees with it.
Word alignment is difflib's (standard library): no model is needed to see that words differ.

The same words given to two different named speakers by two outlets are a dispute over who said
them (`misattributions`); the same words from one speaker back each other's summary sentence
(`quoted_alike`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher

from ..model import Conflict, ConflictSide, Evidence, Quote, Sentence

MIN_WORDS = 6  # shorter quotations ("a tragedy") are too short to tell a change from a cut
MIN_SHARED = 0.6  # share of the shorter quotation's words the longer one repeats in order
MAX_SHARED = 0.95  # beyond this the two differ in a word or two of punctuation-like noise
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


# courtesy titles only: the entity stage's titles ("general", "judge") are words in a quote too
_COURTESY = frozenset({"mr", "mrs", "ms", "dr", "mx"})
_HYPHENATED = re.compile(r"[a-z0-9]+(?:[-‐‑][a-z0-9]+)+")  # "multi-cellular", "9-1-1"
_HYPHEN = re.compile("[-‐‑]")


# a contraction written out is one word for word ("wouldn't" / "would not")
_CONTRACTED = {
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "shan't": "shall not",
    "gonna": "going to",  # as transcribed
    "wanna": "want to",
    "gotta": "got to",
}
_ENDINGS = (("n't", " not"), ("'m", " am"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"))
# British and American spellings of one word ("honour" / "honor", "realise" / "realize")
_SPELLED = (("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("yse", "yze"),
            ("tre", "ter"), ("ogue", "og"), ("lled", "led"), ("lling", "ling"),
            ("dgement", "dgment"))  # fmt: skip
# "it's" is "it is" or "it has": written out the way the other quotation has it
_APOSTROPHE_S = frozenset("it that he she there what who where here how".split())
# number words a transcript writes and another gives in digits ("one hundred" / "100")
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split()
)} | {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def _words(text: str) -> list[str]:
    out: list[str] = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        full = _CONTRACTED.get(w) or next(
            (w[: -len(end)] + to for end, to in _ENDINGS if w.endswith(end) and len(w) > len(end)),
            w,
        )
        out.extend(full.split())
    return out


def _said_as(words: list[str], other: list[str]) -> list[str]:
    """`words` with "it's" written out as the other quotation writes it ("it is" / "it has"),
    and a run of number words as digits where the other gives those digits."""
    pairs = set(zip(other, other[1:], strict=False))
    digits = {w for w in other if w.isdigit()}
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w.endswith("'s") and w[:-2] in _APOSTROPHE_S:
            verb = next((v for v in ("is", "has") if (w[:-2], v) in pairs), None)
            out.extend([w[:-2], verb] if verb else [w])
            k += 1
            continue
        n, value = _number_run(words, k)
        if n and str(value) in digits:
            out.append(str(value))
            k += n
            continue
        out.append(w)
        k += 1
    return out


def _number_run(words: list[str], k: int) -> tuple[int, int]:
    """How many words from k spell one number, and its value ("one hundred": 2, 100)."""
    total = current = n = 0
    while k + n < len(words):
        w = words[k + n]
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _SCALES and (current or n == 0):
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] > 100:
                total, current = total + current, 0
        elif w == "and" and n and k + n + 1 < len(words) and words[k + n + 1] in _UNITS:
            pass  # "one hundred and twenty"
        else:
            break
        n += 1
    return n, total + current


def _spelt_as(words: list[str], other: set[str]) -> list[str]:
    """`words` with each British or American spelling the other text writes the other way
    written its way: a house style, not a changed word. (A typo is a changed word: the labels
    count "shinning armor" / "shining armor" as a misquote.)"""
    out = []
    for w in words:
        if w in other:
            out.append(w)  # "four" is no British "for"
            continue
        for a, b in _SPELLED:
            for x, y in ((a, b), (b, a)):
                if w.endswith(x) and (alt := w[: -len(x)] + y) in other:
                    w = alt
        out.append(w)
    return out


# what a transcript keeps and another drops: "i mean", "you know", "uh"
_FILLERS = (("you", "know"), ("i", "mean"), ("uh",), ("um",), ("er",))


def _unfilled(words: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(words):
        filler = next((f for f in _FILLERS if tuple(words[k : k + len(f)]) == f), None)
        if filler is None:
            out.append(words[k])
        k += len(filler) if filler else 1
    return out


def _styled_alike(a: str, b: str) -> str:
    """`a` with each hyphenated word that `b` writes as one word written so ("multi-cellular"
    where `b` has "multicellular"): a hyphen is house style, not a changed word."""
    joined = set(_words(b))

    def one_word(m: re.Match[str]) -> str:
        word = _HYPHEN.sub("", m.group())
        return word if word in joined else m.group()

    return _HYPHENATED.sub(one_word, a.lower())


_CENSORED = re.compile(r"\b[a-z]+[*#]+[a-z]*\b|\b[a-z]*[*#]+[a-z]+\b", re.IGNORECASE)


def _uncensored(a: str, b: str) -> str:
    """`a` with each word a house starred out ("f**k") written as `b` writes it in full:
    starring a word is house style, not a changed word."""

    def full(m: re.Match[str]) -> str:
        head, _, tail = re.split(r"([*#]+)", m.group(), maxsplit=1)
        stars = len(m.group()) - len(head) - len(tail)
        pattern = rf"\b{re.escape(head)}[a-z]{{{stars}}}{re.escape(tail)}\b"
        found = re.search(pattern, b, re.IGNORECASE)
        return found.group() if found else m.group()

    return _CENSORED.sub(full, a)


def _one_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotations may be the same person's: one name (by its last word), or one
    of them not named."""
    if a.speaker_kind != "named" or b.speaker_kind != "named" or not a.speaker or not b.speaker:
        return True
    return _last_name(a) == _last_name(b)


def reworded(a: str, b: str) -> bool:
    """Whether two quotations are one remark with words changed inside it (not cut short, and
    not only in house style: "multi-cellular" / "multicellular", "Mr Phuge" / "Phuge",
    "honour" / "honor", "wouldn't" / "would not", "it's" / "it is", "one hundred" / "100")."""
    if _bracketed(a, b) or _bracketed(b, a):
        return False  # "aware of these reports and [is] investigating": an editor's words
    a, b = _uncensored(a, b), _uncensored(b, a)  # "what the f**k" / "what the fuck"
    wa, wb = _words(_styled_alike(a, b)), _words(_styled_alike(b, a))
    if min(len(wa), len(wb)) < MIN_WORDS:
        return False
    wa, wb = _unfilled(wa), _unfilled(wb)  # "I mean, I don't know" / "I don't know"
    wa, wb = _said_as(wa, wb), _said_as(wb, wa)  # "it's" / "it is", "one hundred" / "100"
    wa = _spelt_as(wa, set(wb))  # "honour" / "honor"
    # "how Mr Phuge reached" / "how Phuge reached": an honorific is house style too
    wa, wb = [w for w in wa if w not in _COURTESY], [w for w in wb if w not in _COURTESY]
    return _changed(wa, wb)


_BRACKETED = re.compile(r"\[[^\]\[]{0,40}\]")  # an editor's words set into a quotation


def _bracketed(a: str, b: str) -> bool:
    """Whether quotation `a` is `b` but for the words an editor set in brackets to fit it to
    the sentence ("we are investigating" quoted as "[is] investigating"): each bracket stands
    for up to four words of `b`, the rest is `b`'s words in order."""
    if not _BRACKETED.search(a):
        return False
    parts = [" ".join(_words(p)) for p in _BRACKETED.split(a)]
    parts = [p for p in parts if p]
    if not parts:
        return False
    pattern = r"(?: \S+){0,4} ".join(re.escape(p) for p in parts)
    return re.search(rf"(?<!\S){pattern}(?!\S)", " ".join(_words(b))) is not None


def _changed(wa: list[str], wb: list[str]) -> bool:
    """Whether the longer word list runs along the shorter one with words changed inside."""
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    matcher = SequenceMatcher(None, short, long_, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    matched = sum(m.size for m in blocks)
    if not blocks or not MIN_SHARED <= matched / len(short) <= MAX_SHARED:
        return False
    # a change inside the remark: runs of two words or more of the shorter one match before
    # and after it (a lone "the" matching first is no anchor: "The pushback I'm getting ..." /
    # "The kind of pushback I'm seeing ...")
    anchors = [m for m in blocks if m.size >= 2]
    if len(anchors) < 2:
        return False
    first, last = anchors[0], anchors[-1]
    return bool(short[first.a + first.size : last.a])


def misquotes(
    quotes: Sequence[Quote],
    sentences: Mapping[str, Sequence[Sentence]],
    outlet_of: Mapping[str, int],
) -> list[Conflict]:
    """A conflict for each pair of outlets quoting one remark in different words."""
    direct = [q for q in quotes if q.direct and len(_words(q.text)) >= MIN_WORDS]
    out: list[Conflict] = []
    # one quotation against one article is one misquote: a remark that article split in two
    # quotations is not two
    seen: set[tuple[str, str, str]] = set()
    for p, q in _sharing_pairs(direct):
        a, b = direct[p], direct[q]
        if outlet_of.get(a.article_id) == outlet_of.get(b.article_id):
            continue
        if not _one_speaker(a, b) or not reworded(a.text, b.text):
            continue
        keys = {(a.article_id, a.text, b.article_id), (b.article_id, b.text, a.article_id)}
        if keys & seen:
            continue
        seen |= keys
        out.append(_conflict(a, b, sentences))
    return out


def misattributions(
    quotes: Sequence[Quote],
    sentences: Mapping[str, Sequence[Sentence]],
    outlet_of: Mapping[str, int],
) -> list[Conflict]:
    """One conflict for each remark that outlets give, word for word, to different named
    speakers ("A promise kept for 67 years ...," Graber said / ... said Otto): a side for
    each speaker (by last name), with every outlet's quotation that gives it to them."""
    named = [
        q
        for q in quotes
        if q.direct and q.speaker_kind == "named" and q.speaker and q.entity_id
        and len(_words(q.text)) >= MIN_WORDS and _named_with(q, sentences)
    ]  # fmt: skip
    keys = [_key(q) for q in named]
    out: list[Conflict] = []
    for group in _word_groups(keys):
        by_speaker: dict[str, list[Quote]] = {}
        for k in group:
            by_speaker.setdefault(_last_name(named[k]), []).append(named[k])
        outlets = [{outlet_of.get(q.article_id) for q in side} for side in by_speaker.values()]
        if len(by_speaker) < 2 or any(
            x & y for i, x in enumerate(outlets) for y in outlets[i + 1 :]
        ):
            continue  # one speaker, or one outlet giving the words to two: no dispute between outlets
        start = " ".join(min((keys[k] for k in group), key=len).split()[:6])
        sides = tuple(_said_by(side, sentences) for side in by_speaker.values())
        out.append(Conflict("quote", f"who said “{start} …”", sides))
    return out


def _named_with(q: Quote, sentences: Mapping[str, Sequence[Sentence]]) -> bool:
    """Whether a quotation's sentences, or the one just before ('..., said Wagner. "A promise
    ..."'), name its speaker: one found further off, or through a pronoun ('He continued:
    "..."'), may be the wrong one, and two outlets seeming to give one remark to two people
    is then no dispute."""
    by_index = {s.index: s.text for s in sentences.get(q.article_id, ())}
    tail = " ".join(_words(q.text)[-3:])
    name = re.compile(rf"\b{re.escape(_last_name(q))}\b", re.IGNORECASE)
    for k in range(q.sentence - 1, q.sentence + 4):  # to the sentence the quotation ends in
        text = by_index.get(k, "")
        if name.search(text):
            return True
        if k >= q.sentence and tail in " ".join(_words(text)):
            return False
    return False


def _key(q: Quote) -> str:
    return f" {' '.join(_words(q.text))} "  # padded: a match is of whole words


def _word_groups(keys: Sequence[str]) -> list[list[int]]:
    """Groups of quotations (by index) where each is, word for word, inside the group's
    first or holds it. Candidates come from runs of six words, not every pair: a quotation
    inside another starts with a run the other holds."""
    starts: dict[str, list[int]] = {}
    holders: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        starts.setdefault(_first(key), []).append(k)
        for gram in _grams(key):
            holders.setdefault(gram, []).append(k)
    groups: list[list[int]] = []
    taken: set[int] = set()
    for p, key in enumerate(keys):
        if p in taken:
            continue
        inside = {k for g in _grams(key) for k in starts.get(g, ())}
        around = set(holders.get(_first(key), ()))
        near = sorted(k for k in inside | around | {p} if k >= p)
        group = [k for k in near if keys[k] in key or key in keys[k]]
        taken.update(group)
        groups.append(group)
    return groups


def quoted_alike(quotes: Sequence[Quote]) -> dict[tuple[str, int], set[str]]:
    """For each sentence quoting a remark of `MIN_WORDS` words or more, the articles that quote
    the same words from the same speaker (or an unnamed one): a summary sentence of that
    quotation cites them all."""
    direct = [q for q in quotes if q.direct and len(_words(q.text)) >= MIN_WORDS]
    out: dict[tuple[str, int], set[str]] = {}
    for group in _word_groups([_key(q) for q in direct]):
        for k in group:
            a = direct[k]
            alike = {direct[j].article_id for j in group if _one_speaker(a, direct[j])}
            if len(alike) > 1:
                out.setdefault((a.article_id, a.sentence), set()).update(alike)
    return out


def _last_name(q: Quote) -> str:
    return (q.speaker or "").split()[-1].lower()


def _first(key: str) -> str:
    return " ".join(key.split()[:MIN_WORDS])


def _grams(key: str) -> set[str]:
    """Every run of `MIN_WORDS` words of a quotation's words."""
    words = key.split()
    return {" ".join(words[i : i + MIN_WORDS]) for i in range(len(words) - MIN_WORDS + 1)}


def _said_by(side: Sequence[Quote], sentences: Mapping[str, Sequence[Sentence]]) -> ConflictSide:
    """A side: the fullest name its quotations give the speaker, and their sentences."""
    name = max((q.speaker or "" for q in side), key=len)
    return ConflictSide(name, tuple(e for q in side for e in _side(q, sentences).evidence))


def _sharing_pairs(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The pairs (p < q) of quotations that share two pairs of words in a row: only those can
    be one remark reworded (`reworded` needs two runs of two matching words), so the others
    are never compared."""
    postings: dict[tuple[str, str], list[int]] = {}
    for k, quote in enumerate(quotes):
        ws = _words(quote.text)
        for pair in set(zip(ws, ws[1:], strict=False)):
            postings.setdefault(pair, []).append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        for i, p in enumerate(ids):
            for q in ids[i + 1 :]:
                shared[p, q] += 1
    return sorted(pq for pq, n in shared.items() if n >= 2)


def _conflict(a: Quote, b: Quote, sentences: Mapping[str, Sequence[Sentence]]) -> Conflict:
    speaker = next((q.speaker for q in (a, b) if q.speaker_kind == "named" and q.speaker), None)
    # two interviews may give two wordings: the topic says the words differ, not who is wrong
    topic = (
        f"{speaker}'s words, quoted differently" if speaker else "one remark, quoted differently"
    )
    return Conflict("quote", topic, (_side(a, sentences), _side(b, sentences)))


def _side(q: Quote, sentences: Mapping[str, Sequence[Sentence]]) -> ConflictSide:
    sents = sentences.get(q.article_id, ())
    text = next((s.text for s in sents if s.index == q.sentence), q.text)
    return ConflictSide(q.text, (Evidence(q.article_id, q.source, q.sentence, text),))
