"""Near-duplicates: the same article twice, and syndicated or lightly edited copies.

Exact copies (same URL, or the same body once case, punctuation and spacing are set aside) are
stored once. Copies are found with MinHash over word shingles (`datasketch`): LSH bands pick
candidates, and a candidate is a copy when the exact Jaccard of the two shingle sets is at least
`JACCARD`, or when the shorter text (of `MIN_CONTAINED` shingles or more) lies almost whole in
the other (containment >= `CONTAINED`: a wire story an outlet cut short). The bands live in the
store's `minhash_bands` table, keyed by a 64-bit hash of (band number, band values), so a new
process finds copies of old articles with indexed lookups and never holds the signatures of the
whole store in memory. Shingles are compared as sorted 64-bit hashes (`shingle_hashes`, kept
per article in the store's `shingle_hashes` table), so checking a stored candidate is one
`np.intersect1d`, not a re-read and re-shingling of its text. `find_copies` runs the same test
over a list of texts in memory.

Thresholds: 4-word shingles; 42 bands of 3 rows of 128 permutations, an S-curve through about
0.29: a pair is a candidate with probability 1 - (1 - j**3)**42 at Jaccard j (0.75 at 0.32, 0.95
at 0.4, 0.0004 at 0.01, so a new article meets about 4 unrelated candidates per 100,000 stored);
candidates are then checked exactly, Jaccard >= 0.5 or containment >= 0.8. On raw-dev (100 real
clusters) one pair qualifies: an article that is mostly an excerpt of another (Jaccard 0.32,
containment 0.93; its bands happen to share no key, one of the 1 in 4 such pairs LSH misses).
No other pair of one cluster reaches Jaccard 0.25 or, at 50 shingles or more, containment 0.51:
outlets' own reports of one event share well under a quarter of their 4-word shingles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 4
NUM_PERM = 128
BANDS, ROWS = 42, 3  # candidate at Jaccard j with probability 1 - (1 - j**3)**42
JACCARD = 0.5
CONTAINED = 0.8
MIN_CONTAINED = 50  # shingles: a caption or a teaser is not a copy of the article it quotes
_SEED = 1  # fixed: every process must draw the same permutations
_WORD = re.compile(r"\w+")
# pinned: band keys are stored, and a scheme change would make old articles unfindable
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def normalise(text: str) -> str:
    """The words of a text, case-folded and joined by single spaces."""
    return " ".join(_words(text))


def _words(text: str) -> list[str]:
    """The words of a text, case-folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """SHA-1 of the normalised text: the same body read twice hashes the same."""
    return hashlib.sha1(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Word k-shingles of the normalised text; a text shorter than k words is one shingle."""
    words = _words(text)
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    # map and zip loop in C: every article ingested is shingled once (and an article stored
    # before schema 3 once more, the first time it is a copy candidate)
    return set(map(" ".join, zip(*(words[i:] for i in range(k)), strict=False)))


def jaccard(a: Set[str], b: Set[str]) -> float:
    """|a & b| / |a | b|; 0 for two empty sets."""
    return _jaccard(len(a & b), len(a), len(b))


def _jaccard(shared: int, na: int, nb: int) -> float:
    """Jaccard from the sizes of two sets and of their intersection."""
    return shared / (na + nb - shared) if na or nb else 0.0


def shingle_hashes(shingle_set: Iterable[str]) -> np.ndarray:
    """Sorted distinct 64-bit hashes of shingles: what copy checks compare and the store keeps."""
    # the first 8 bytes of SHA-1, whose first 4 are the MinHash's own 32-bit hash (sha1_hash32):
    # one digest a shingle gives both, and a collision among 64 bits is about 1 in 10**14 a pair
    digests = b"".join(hashlib.sha1(s.encode("utf-8", "surrogatepass")).digest()[:8]
                       for s in shingle_set)  # fmt: skip
    return np.unique(np.frombuffer(digests, dtype="<u8"))


def hashes_from_bytes(blob: bytes) -> np.ndarray:
    """Shingle hashes as the store keeps them (little-endian uint64, sorted) back to an array."""
    return np.frombuffer(blob, dtype="<u8")


def band_keys(shingle_set: Iterable[str]) -> list[int]:
    """The LSH band keys of a shingle set: one signed 64-bit integer per band."""
    return _band_keys(shingle_hashes(shingle_set))


def _band_keys(hashes: np.ndarray) -> list[int]:
    """The LSH band keys from a set's shingle hashes."""
    # hashfunc=int: the values are already datasketch's sha1_hash32 of each shingle
    m = MinHash(
        num_perm=NUM_PERM, seed=_SEED, permutations=_PERMUTATIONS, scheme=_SCHEME, hashfunc=int
    )
    m.update_batch((hashes & np.uint64(0xFFFFFFFF)).tolist())
    values = np.asarray(m.hashvalues, dtype="<u8")
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(
            b.to_bytes(2, "little") + values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """What dedupe needs of one article: its hash, shingle hashes and LSH band keys."""

    content_hash: str
    hashes: np.ndarray  # sorted distinct uint64, one a shingle (`shingle_hashes`)
    keys: tuple[int, ...]


def fingerprint(raw: str, clean: str) -> Fingerprint:
    """Hash, shingle hashes and band keys of an article."""
    # the hash reads the raw body, so one input always matches itself however a batch cleaned
    # it; the shingles read the clean text, so shared page furniture makes no two pages alike
    hashes = shingle_hashes(shingles(clean))
    return Fingerprint(content_hash(raw), hashes, tuple(_band_keys(hashes)) if len(hashes) else ())


def best_copy(
    fp: Fingerprint, candidates: Iterable[tuple[str, np.ndarray]]
) -> tuple[str, float] | None:
    """The candidate most alike, when it is a copy: (its id, the Jaccard of the two)."""
    best: tuple[str, float] | None = None
    best_score = 0.0
    mine = fp.hashes
    for cid, theirs in candidates:
        # one intersection of two sorted arrays for both measures
        shared = len(np.intersect1d(mine, theirs, assume_unique=True))
        na, nb = len(mine), len(theirs)
        j, c = _jaccard(shared, na, nb), _containment(shared, na, nb)
        if j < JACCARD and c < CONTAINED:
            continue
        if max(j, c) > best_score:
            best, best_score = (cid, j), max(j, c)
    return best


def containment(a: Set[str], b: Set[str]) -> float:
    """How much of the smaller set lies in the other; 0 when it is under MIN_CONTAINED."""
    return _containment(len(a & b), len(a), len(b))


def _containment(shared: int, na: int, nb: int) -> float:
    """Containment from the sizes of two sets and of their intersection."""
    small = min(na, nb)
    return shared / small if small >= MIN_CONTAINED else 0.0


def find_copies(texts: Sequence[str]) -> dict[int, tuple[int, float]]:
    """Copies among texts taken in order: index -> (index of its first copy, Jaccard)."""
    fps = [fingerprint(text, text) for text in texts]
    buckets: dict[int, list[int]] = {}
    out: dict[int, tuple[int, float]] = {}
    for i, fp in enumerate(fps):
        seen = {j for k in fp.keys for j in buckets.get(k, ())}
        best = best_copy(fp, [(str(j), fps[j].hashes) for j in sorted(seen)])
        if best is not None:
            j = int(best[0])
            out[i] = (out[j][0] if j in out else j, best[1])
        for k in fp.keys:
            buckets.setdefault(k, []).append(i)
    return out
