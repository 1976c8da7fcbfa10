"""Quotes and who said them: direct quotes in quotation marks, and reported speech.

A speaker is a resolved entity ("Daniel Giersch"), an unnamed source kept as written
("a source close to the situation"), or nobody: an unattributed quote stays unresolved
rather than guessed.

The parts, each importing only those above it: `common` (speech verbs, speaker nouns, the
records), `marks` (where quotations are), `syntax` (speakers on the parse), `described`
(speakers described, not named), `direct` (a direct quotation's speaker from its context),
`reported` (reported speech), `article` (one article indexed), `attributor` (who a quote
belongs to in one article), `find` (`find_quotes` and the passes across a story).
"""

from .article import quote_roles, unattributed_quotes
from .find import capital_labels, find_quotes, quote_marks, transcript_labels
from .marks import open_after
from .reported import PROMO_LABELS

__all__ = [
    "PROMO_LABELS",
    "capital_labels",
    "find_quotes",
    "open_after",
    "quote_marks",
    "quote_roles",
    "transcript_labels",
    "unattributed_quotes",
]
