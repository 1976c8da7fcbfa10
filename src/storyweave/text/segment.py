"""Sentence splitting with character offsets into the clean text.

Paragraphs are split first (blingfire is fast but joins across newlines), then blingfire
splits each paragraph; a small repair pass re-joins splits it makes after abbreviations
("Mr.", "Dec. 5", "U.S. officials") and moves a closing quotation mark onto the sentence it ends.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable, Sequence

import blingfire
import numpy as np

from ..model import Article, Sentence

# Abbreviations after which a period rarely ends a sentence when more text follows.
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "rev",
    "hon",
    "pres",
    "supt",
    "insp",
    "det",
    "atty",
    "no",
    "vs",
    "v",
    "inc",
    "corp",
    "co",
    "ltd",
    "dept",
    "univ",
    "mt",
    "ft",
    "fig",
    "approx",
    "est",
    "e.g",
    "i.e",
}
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Dotted initialisms: U.S., U.K., U.N., D.C., a.m. When the next word is lower case or a number
# the sentence goes on ("the U.S. government"); before a capital it usually ended.
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_BANG_BRAND = re.compile(r"(?:^|\s)[A-Z]{1,2}!$")
_PARA = re.compile(r"\n\s*\n|\n")
_CLOSERS = "\"'”’)]"
# blingfire does not break before a title abbreviation: "... said so. Mr. Smith left."
# Nor between sentences glued by a scraper that lost the space or newline between them:
# "... the equipment he was using.The young man's aunt ..." (70 times in Multi-News raw-dev);
# the first alternative takes the white space, the second splits at the glue.
_BREAK = re.compile(
    r"(?<=[a-z0-9][.!?])\s+(?=(?:Mr|Mrs|Ms|Dr|Prof)\.\s+[A-Z])"
    r"|(?<=[a-z]{2}[.?])(?=[\"“]?[A-Z][a-z])|(?<=[a-z]{2}[.?][\"”])(?=[A-Z][a-z])"
    # an opening curly quote glued to a lower-case word: "... for the duration of the war“While"
    r"|(?<=[a-z]{2})(?=“[A-Z][a-z])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[.?][\"”]?$")


def _blingfire_offsets(chunk: str) -> list[tuple[int, int]]:
    """blingfire's sentence spans as character offsets into `chunk`.

    blingfire's own `text_to_sentences_and_offsets` maps its UTF-8 byte offsets back to
    characters with a Python loop over every byte, which was a third of the time a brief took
    on the tf-idf path. This calls the same C function and maps with a numpy prefix count.
    """
    data = chunk.encode("utf-8")
    size = len(data) * 2
    buffer = ctypes.create_string_buffer(size)
    starts = (ctypes.c_int32 * size)()
    ends = (ctypes.c_int32 * size)()
    n = _SENTENCES_WITH_OFFSETS(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(buffer),
        ctypes.byref(starts),
        ctypes.byref(ends),
        ctypes.c_int(size),
    )
    if n == -1 or n > size:
        return []
    count = buffer.value.count(b"\n") + 1
    first = np.frombuffer(memoryview(starts), dtype=np.int32, count=count)
    last = (
        np.frombuffer(memoryview(ends), dtype=np.int32, count=count) + 1
    )  # blingfire's ends are inclusive
    if len(data) != len(chunk):  # not ASCII: bytes -> characters by counting lead bytes
        lead = (np.frombuffer(data, dtype=np.uint8) & 0xC0) != 0x80
        chars = np.concatenate(([0], np.cumsum(lead)))
        first, last = chars[first], chars[np.minimum(last, len(data))]
    return list(zip(first.tolist(), last.tolist(), strict=True))


_SENTENCES_WITH_OFFSETS = blingfire.blingfire.TextToSentencesWithOffsets


def _joinable(left: str, right: str) -> bool:
    """Whether blingfire's break between `left` and `right` falls inside one sentence."""
    left = left.rstrip()
    right = right.lstrip()
    if not left or not right:
        return False
    # a dateline: "SYCAMORE, Ill. -- A man ..." goes on after the dash
    if right[0] in "-—–":
        return True
    # The patterns below end at the break and cannot span white space: match the last token
    # only, not a whole flattened article from its start.
    tail = left.rsplit(None, 1)[-1]
    # a brand with a bang, "E! News", "Yahoo! Finance": one or two capitals and "!"
    if _BANG_BRAND.search(tail) and right[0].isupper():
        return True
    # a quoted question or exclamation inside a sentence: 'wrote: "Who knew?" after a friend ...'
    if left[-1] in '"”' and left[-2:-1] in ("?", "!") and right[0].islower():
        return True
    m = _LAST_WORD.search(tail)
    if not m:
        return False
    word = m.group(1).lower()
    first = right[0]
    if word in _TITLES:
        return True
    if word in _MONTHS and (first.isdigit() or first.islower()):
        return True
    if _INITIALISM.search(tail) and (first.islower() or first.isdigit()):
        return True
    # A single capital initial: "John F. Kennedy"
    if len(word) == 1 and word.isalpha() and first.isupper() and len(right.split()[0]) > 1:
        return m.group(1).isupper()
    return False


def _split_missed(chunk: str, offsets: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """blingfire's spans, split where it missed a break: before a title abbreviation, and
    between two glued sentences (not after a title: "Mrs.Smith" stays whole)."""
    for s, e in offsets:
        for m in _BREAK.finditer(chunk, s, e):
            at = m.start()
            if at == m.end():  # glued
                word = _WORD_BEFORE.search(chunk, max(s, at - 12), at)
                if word and word.group(1).lower() in _TITLES:
                    continue
                # A straight quote at the glue closes the sentence before it when it pairs with
                # an earlier one, else it opens the next: split after it or before it, so the
                # sentence before the split holds an even number of them.
                if '"' in chunk[at - 1 : at + 1] and chunk.count('"', s, at) % 2:
                    continue
            yield s, m.start()
            s = m.end()
        yield s, e


def _paragraph_spans(text: str) -> Iterable[tuple[int, int]]:
    pos = 0
    for m in _PARA.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def split_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for every sentence of `text`; offsets index into `text`."""
    out: list[tuple[int, int, int]] = []
    para = 0
    for p_start, p_end in _paragraph_spans(text):
        chunk = text[p_start:p_end]
        if not chunk.strip():
            continue
        offsets = _blingfire_offsets(chunk)
        spans: list[list[int]] = []
        for s, e in _split_missed(chunk, offsets):
            if spans and _joinable(chunk[spans[-1][0] : spans[-1][1]], chunk[s:e]):
                spans[-1][1] = e
            else:
                spans.append([s, e])
        for s, e in spans:
            # blingfire offsets are character offsets into the chunk; trim white space
            while s < e and chunk[s].isspace():
                s += 1
            while e > s and chunk[e - 1].isspace():
                e -= 1
            # a lone closing quote left at the start belongs to the previous sentence
            if out and s < e and chunk[s] in _CLOSERS and (e - s == 1 or chunk[s + 1] == " "):
                prev = out[-1]
                if prev[2] == para:
                    out[-1] = (prev[0], p_start + s + 1, para)
                    s += 1
                    while s < e and chunk[s].isspace():
                        s += 1
            if e > s:
                out.append((p_start + s, p_start + e, para))
        para += 1
    return out


# A wire dateline before the first words of a story: "PORT ALDOUS (Channel 7) — ",
# "SYCAMORE, Ill. -- ", "WASHINGTON (AP) - ", "(CNN) — ". The place is in capitals, words of two
# letters or more; the words after the dash open a sentence.
_PLACE = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*"
_STATE = r", [A-Z][A-Za-z.]*(?: [A-Za-z0-9.]+){0,2}"  # ", Ill." / ", March 3"
_BY = r" ?\([^()]{1,30}\)"  # " (AP)"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}(?:{_STATE})?(?:{_BY})? ?(?:—|–|--) ?"
    # a plain hyphen also joins words ("US - China talks"): only after a state or an outlet
    rf"|{_PLACE}(?:{_STATE}(?:{_BY})?|{_BY}) ?- ?"
    r"|\([A-Z][\w .]{1,24}\) ?(?:(?:—|–|--|-) ?)?)"
    r"(?=[A-Z\"“‘'])"
)


def strip_dateline(text: str) -> str:
    """`text` without a leading wire dateline ("WASHINGTON (AP) — The Senate ..." reads
    "The Senate ..."); any other text is returned as it is."""
    m = _DATELINE.match(text)
    return text[m.end() :] if m else text


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[s:e] for s, e, _ in split_spans(text)]


def segment(article: Article) -> list[Sentence]:
    """The sentences of an article's clean text, each with its span."""
    return [
        Sentence(article.id, i, article.text[s:e], s, e, p)
        for i, (s, e, p) in enumerate(split_spans(article.text))
    ]


def segment_all(articles: Sequence[Article]) -> dict[str, list[Sentence]]:
    """Sentences of every article, keyed by article id."""
    return {a.id: segment(a) for a in articles}
