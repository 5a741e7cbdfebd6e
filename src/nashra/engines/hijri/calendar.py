"""Gregorian to Hijri (Umm al-Qura via hijridate) with the UAE's per-month offsets.

Offset semantics: ``month_offsets[(year, month)] = k`` means that Hijri month begins
``k`` days *later* in the UAE than in Umm al-Qura (negative: earlier). Only that month's
first day moves; the month before absorbs the difference (grows or shrinks), and the
month after starts where its own offset (default 0) says. Example: Umm al-Qura starts
Rabi' al-Awwal 1447 on 24 Aug 2025, the UAE on 25 Aug, so ``{(1447, 3): 1}`` makes
24 Aug 2025 the 30th of Safar and 25 Aug the 1st of Rabi' al-Awwal.

Algorithm: for the Umm al-Qura month containing the date and its two neighbours, compute
each month's UAE start (Umm al-Qura start + offset); the date belongs to the month whose
UAE start is on or before it and whose successor's UAE start is after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from .months import ERA_AR, MONTHS_AR, MONTHS_EN

MAX_OFFSET = 2  # a month never moves by more than a couple of days from Umm al-Qura


@dataclass(frozen=True, order=True)
class HijriDate:
    """A date in the Hijri calendar (as observed, offsets applied)."""

    year: int
    month: int
    day: int

    @property
    def month_name_en(self) -> str:
        """English month name, e.g. ``Rabi' al-Awwal``."""
        return MONTHS_EN[self.month - 1]

    @property
    def month_name_ar(self) -> str:
        """Arabic month name, e.g. ``ربيع الأول``."""
        return MONTHS_AR[self.month - 1]

    def format_en(self) -> str:
        """``7 Rabi' al-Awwal 1445``."""
        return f"{self.day} {self.month_name_en} {self.year}"

    def format_ar(self) -> str:
        """``7 ربيع الأول 1445 هـ`` (Latin digits, as the UAE press prints them)."""
        return f"{self.day} {self.month_name_ar} {self.year} {ERA_AR}"

    def format(self, language: str = "en") -> str:
        """Formatted for ``language`` ("ar" or anything else for English)."""
        return self.format_ar() if language.startswith("ar") else self.format_en()


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _uaq_start(year: int, month: int) -> date | None:
    """Umm al-Qura's first day of a month, or None outside hijridate's range."""
    try:
        g = Hijri(year, month, 1).to_gregorian()
        return date(g.year, g.month, g.day)
    except (OverflowError, ValueError):
        return None


def hijri_date(
    gregorian: date, month_offsets: Mapping[tuple[int, int], int] | None = None
) -> HijriDate | None:
    """The Hijri date of ``gregorian`` (Umm al-Qura, adjusted by ``month_offsets``).

    Returns None outside hijridate's range (1343-1500 AH); never raises for a date.
    Offsets larger than :data:`MAX_OFFSET` days raise ``ValueError`` (an editor's typo).
    """
    offsets = dict(month_offsets or {})
    for key, value in offsets.items():
        if abs(value) > MAX_OFFSET:
            raise ValueError(f"offset {value} for {key} is more than {MAX_OFFSET} days")
    try:
        uaq = Gregorian(gregorian.year, gregorian.month, gregorian.day).to_hijri()
    except (OverflowError, ValueError):
        uaq = None
    if uaq is None:
        return None
    if not offsets:
        return HijriDate(uaq.year, uaq.month, uaq.day)

    def uae_start(year: int, month: int) -> date | None:
        start = _uaq_start(year, month)
        return None if start is None else start + timedelta(days=offsets.get((year, month), 0))

    for by in (0, -1, 1):
        year, month = _shift(uaq.year, uaq.month, by)
        start, following = uae_start(year, month), uae_start(*_shift(year, month, 1))
        if start is None:
            continue
        if following is None:  # last month of the range: Umm al-Qura length
            following = start + timedelta(days=Hijri(year, month, 1).month_length())
        if start <= gregorian < following:
            return HijriDate(year, month, (gregorian - start).days + 1)
    return None
