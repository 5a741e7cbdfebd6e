"""Hijri dates: Umm al-Qura (hijridate) plus the UAE's announced per-month offsets."""

from .calendar import MAX_OFFSET, HijriDate, hijri_date
from .months import ERA_AR, MONTHS_AR, MONTHS_EN

__all__ = ["MAX_OFFSET", "HijriDate", "hijri_date", "ERA_AR", "MONTHS_AR", "MONTHS_EN"]
