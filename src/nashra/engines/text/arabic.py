"""Arabic normalisation for search: the same folding at index time and at query time.

Readers type without diacritics, with or without hamza on alef, and with ى or ي and
ة or ه interchangeably; newsroom copy is not consistent either. Folding both sides
the same way makes those spellings meet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import overload

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
KEPT_RUN = re.compile("[^" + "".join(sorted(DROPPED)) + "]+")
CAPITAL_SIGMA = "\u03a3"  # the one letter str.lower() lowers differently by context
# Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits fold to 0-9: «٢٠٢٦» finds 2026.
INDIC_DIGITS = str.maketrans(
    {**{chr(0x0660 + n): str(n) for n in range(10)}, **{chr(0x06F0 + n): str(n) for n in range(10)}}
)
INDIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def fold_char(char: str) -> str:
    """One character folded: '' when it is dropped, lower case otherwise."""
    if char in DROPPED:
        return ""
    return FOLDS.get(char, char).translate(INDIC_DIGITS).lower()


def normalise(text: str) -> str:
    """Fold `text` for search: no diacritics or tatweel, one alef, ي for ى, ه for ة, 0-9 digits,
    lower case.

    >>> normalise("إِعْلانُ الجَمْعِيَّة")
    'اعلان الجمعيه'
    """
    folded = DROPPED_PATTERN.sub("", text)
    for char, replacement in FOLDS.items():
        if char in folded:
            folded = folded.replace(char, replacement)
    if INDIC_DIGIT.search(folded):
        folded = folded.translate(INDIC_DIGITS)
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
    # Otherwise the text folds run by run between dropped marks: a body with a few
    # vowelled words is a few dozen runs, not thousands of characters one at a time.
    pieces: list[str] = []
    offsets = RunOffsets()
    for run in KEPT_RUN.finditer(text):
        folded = normalise(run.group())
        if len(folded) == len(run.group()):
            offsets.add_run(run.start(), len(folded))
            pieces.append(folded)
            continue
        for index in range(run.start(), run.end()):  # a letter lowered into two (İ)
            for piece in fold_char(text[index]):
                offsets.add_run(index, 1)
                pieces.append(piece)
    return "".join(pieces), offsets


class RunOffsets(Sequence[int]):
    """Source indexes of folded characters, kept as runs that fold one to one."""

    def __init__(self) -> None:
        self._folded_starts: list[int] = []
        self._source_starts: list[int] = []
        self._length = 0

    def add_run(self, source_start: int, length: int) -> None:
        self._folded_starts.append(self._length)
        self._source_starts.append(source_start)
        self._length += length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        run = bisect_right(self._folded_starts, index) - 1
        return self._source_starts[run] + index - self._folded_starts[run]


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
