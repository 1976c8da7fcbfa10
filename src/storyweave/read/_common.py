"""Shared pieces of the readers: decoding, size limit, outlet names, the one Article constructor."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from ..model import Article

MAX_BYTES = 50 * 1024 * 1024  # a news article is never near this; larger files are mistakes

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HASHLIKE = re.compile(r"^(?=.*\d)[0-9a-f]{6,}$", re.I)


class Unreadable(Exception):
    """An input that is reported and skipped; the message is the reason."""


def human_size(n: int) -> str:
    """A byte count the way a person says it: 200 MB, 12 KB, 80 bytes."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def check_size(size: int, max_bytes: int) -> None:
    """Raise Unreadable when an input is over the size limit."""
    if size > max_bytes:
        raise Unreadable(
            f"is {human_size(size)}; storyweave reads articles up to {human_size(max_bytes)}; "
            "split it or raise --max-bytes"
        )


def load_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, refusing one over the limit before reading it."""
    check_size(path.stat().st_size, max_bytes)
    return path.read_bytes()


def decode(data: bytes) -> str:
    """Text from bytes: a BOM wins, then UTF-8, then charset-normalizer's best guess."""
    if not data.strip():
        raise Unreadable("is empty; nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data).best()
            if best is None or best.encoding is None:
                raise Unreadable(
                    "is not text in any known encoding (binary file?); "
                    "give storyweave .txt, .html or .jsonl articles"
                ) from None
            text = str(best)
        # NUL bytes do not occur in text outside UTF-16/32, which need a BOM here.
        if "\x00" in text:
            raise Unreadable(
                "is a binary file (it contains NUL bytes); "
                "give storyweave .txt, .html or .jsonl articles"
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise Unreadable("is empty; nothing to read")
    return text


def outlet_from_filename(name: str) -> str:
    """Outlet from a file name: '01_coastline-courier.txt' -> 'Coastline Courier'.

    The stem is split at '_', '-', '.' and spaces; a leading number and hash-like parts
    (hex with a digit, 6+ chars) are dropped; the rest is joined with spaces, each word's
    first letter upper-cased. When nothing is left ('000_09f52080431a1dd6.txt') the stem is
    used as it is.
    """
    stem = Path(name).stem
    parts = [p for p in re.split(r"[_\-.\s]+", stem) if p]
    if parts and parts[0].isdigit():
        parts = parts[1:]
    # digits inside a name stay ("channel-7-news" -> "Channel 7 News"); only a prefix goes
    words = [p for p in parts if not _HASHLIKE.match(p)]
    if not words:
        return stem
    return " ".join(w[0].upper() + w[1:] for w in words)


def outlet_from_url(url: str | None) -> str | None:
    """The domain of a URL without 'www.', or None when there is none."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")


def article_id(origin: str, raw: str) -> str:
    """First 12 hex chars of sha1 over origin + raw text."""
    return hashlib.sha1((origin + raw).encode("utf-8", "surrogatepass")).hexdigest()[:12]


_SENTENCE_END = re.compile(r"[.!?][\"”’']?$")


def _reads_as_sentence(line: str) -> bool:
    """Whether a first line is a lead sentence rather than a headline: longer than any
    headline, or a long line ending as sentences do."""
    words = line.split()
    return len(words) > 20 or (len(words) >= 10 and _SENTENCE_END.search(line) is not None)


def article_from_text(
    text: str,
    *,
    source: str,
    origin: str,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    """The one Article constructor of every reader; without a title the first line is one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    body = text
    if title is None:
        lines = text.split("\n")
        title = ""
        for i, line in enumerate(lines):
            if line.strip():
                title = line.strip()
                # the body keeps the rest verbatim, so removed-line numbers stay predictable;
                # a page that opens on its lead sentence keeps it as text too
                body = "\n".join(lines[i if _reads_as_sentence(title) else i + 1 :])
                break
    return Article(
        id=article_id(origin, body),
        source=source,
        title=title.strip(),
        text=body,
        raw=body,
        url=url or None,
        published=published or None,
        origin=origin,
    )
