"""Arabic normalisation for search: the same folding at index time and at query time.

Readers type without diacritics, with or without hamza on alef, and with ى or ي and
ة or ه interchangeably; newsroom copy is not consistent either. Folding both sides
the same way makes those spellings meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
DIACRITICS = frozenset(
    chr(code)
    for code in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)]
)
FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
}
DROPPED = DIACRITICS | {TATWEEL}
WORD = re.compile(r"\w+", re.UNICODE)
# normalise() runs on every indexed article body: one regex pass and a few replaces are
# several times faster than folding character by character (or str.translate).
DROPPED_PATTERN = re.compile("[" + "".join(sorted(DROPPED)) + "]")
CAPITAL_SIGMA = "\u03a3"  # the one letter str.lower() lowers differently by context


def fold_char(char: str) -> str:
    """One character folded: '' when it is dropped, lower case otherwise."""
    if char in DROPPED:
        return ""
    return FOLDS.get(char, char).lower()


def normalise(text: str) -> str:
    """Fold `text` for search: no diacritics or tatweel, one alef, ي for ى, ه for ة, lower case.

    >>> normalise("إِعْلانُ الجَمْعِيَّة")
    'اعلان الجمعيه'
    """
    folded = DROPPED_PATTERN.sub("", text)
    for char, replacement in FOLDS.items():
        if char in folded:
            folded = folded.replace(char, replacement)
    if CAPITAL_SIGMA in folded:
        # Keep character-by-character lowering, as normalise_with_offsets does.
        return "".join(fold_char(char) for char in text)
    return folded.lower()


def normalise_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """The folded text and, for each folded character, its index in `text`.

    Highlighting finds terms in the folded text and maps them back to the original.
    """
    folded_fast = normalise(text)
    if len(folded_fast) == len(text) and not DROPPED_PATTERN.search(text):
        # Nothing dropped and no letter lowered into two (İ): character i is still at i.
        # Most copy is like this, and a search page folds ten article bodies.
        return folded_fast, range(len(text))
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            folded.append(piece)
            offsets.append(index)
    return "".join(folded), offsets


def query_terms(query: str, limit: int = 12) -> list[str]:
    """The words of a reader's query, folded, without operators, quotes or punctuation.

    Whatever the reader types, only word characters reach the search backend, so
    full-text operators and SQL characters mean nothing.
    """
    terms: list[str] = []
    for term in WORD.findall(normalise(query)):
        term = term.strip("_")
        if term and term not in terms:
            terms.append(term)
    return terms[:limit]
