"""Named entities, resolved across the articles of one story.

Mentions come from capitalised-word chunking and, with the shared parse (`text/annotate.py`),
from the NER model, which also fixes their boundaries. Gazetteers, given names, honorifics,
role words, organisation suffixes and the model's labels vote on each mention's kind.
Resolution then merges accents, spelling variants and surname-only or first-name-only mentions
into one Entity per person, organisation or place.

The parts, each importing only those before it: `words` (word lists and patterns), `lexicon`
(lexicons loaded once and the word-level tests on them), `chunker` (capitalised-word runs),
`mentions` (one article's mentions, checked against the model), `resolve` (one row per thing
across the story), `find` (`find_entities`).
"""

from .find import find_entities
from .lexicon import english_word, fold, given_name_gender

__all__ = ["english_word", "find_entities", "fold", "given_name_gender"]
