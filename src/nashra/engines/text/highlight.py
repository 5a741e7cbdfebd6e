"""Highlighted snippets: escaped text with the reader's terms in <mark>."""

from __future__ import annotations

import html
import re

from nashra.engines.text.arabic import fold_char, normalise_with_offsets
from nashra.engines.text.stem import ARABIC_WORD, is_arabic, stem


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans in `text` where a folded term starts a word.

    An Arabic word also matches, whole, when its light stem is a term's stem: the search
    found «والإمارات» for «الامارات», so that is the word to mark.
    """
    if not terms:
        return []
    folded, offsets = normalise_with_offsets(text)
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
        + r")"
    )
    found = [(match.start(), match.end()) for match in pattern.finditer(folded)]
    stems = {stem(term) for term in terms if is_arabic(term)}
    if stems:
        found.extend(
            (word.start(), word.end())
            for word in ARABIC_WORD.finditer(folded)
            if stem(word.group()) in stems
        )
        found.sort(key=lambda span: (span[0], -span[1]))  # the whole word before its prefix
    spans: list[tuple[int, int]] = []
    for folded_start, folded_end in found:
        start = offsets[folded_start]
        end = offsets[folded_end - 1] + 1
        # Keep diacritics that follow the last letter inside the mark.
        while end < len(text) and fold_char(text[end]) == "":
            end += 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def snippet(text: str, terms: list[str], width: int = 240) -> str:
    """An HTML-safe excerpt around the first match, terms wrapped in <mark>.

    Everything from `text` is escaped; the only markup is our own <mark>.
    """
    spans = find_spans(text, terms)
    start = 0
    if spans and len(text) > width:
        start = max(0, spans[0][0] - width // 3)
        # Start on a word boundary so the excerpt does not open mid-word.
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 30 else start
    end = min(len(text), start + width)
    pieces: list[str] = ["… " if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append(" …")
    return "".join(pieces)
