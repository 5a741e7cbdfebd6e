"""The newsroom's clock: everything a reader sees is in Dubai time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from nashra.kernel.language import is_arabic

DUBAI = ZoneInfo("Asia/Dubai")


def dubai_now() -> datetime:
    return timezone.now().astimezone(DUBAI)


def dubai_today() -> date:
    return dubai_now().date()


def clock_line(moment: datetime) -> str:
    """The original page's clock format: `3.16 PM Friday, 22 September 2023`."""
    local = moment.astimezone(DUBAI)
    hour = local.hour % 12 or 12
    meridiem = "AM" if local.hour < 12 else "PM"
    return f"{hour}.{local.minute:02d} {meridiem} {local:%A}, {local.day} {local:%B %Y}"


# The Arabic names exactly as the browser's Intl (ICU, locale ar-AE) prints them, so the
# server's first render and clock.js agree letter for letter. Index 0 = Monday / January.
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


def clock_line_ar(moment: datetime) -> str:
    """The Arabic clock, as clock.js prints it: `3:16 م الجمعة، 22 سبتمبر 2023`.

    Latin digits, as the UAE's Arabic press prints them; ص before noon, م after.
    """
    local = moment.astimezone(DUBAI)
    hour = local.hour % 12 or 12
    meridiem = "ص" if local.hour < 12 else "م"
    weekday, month = WEEKDAYS_AR[local.weekday()], MONTHS_AR[local.month - 1]
    return f"{hour}:{local.minute:02d} {meridiem} {weekday}، {local.day} {month} {local.year}"


def clock_for(moment: datetime, language: str) -> str:
    """The header clock in the reader's language."""
    return clock_line_ar(moment) if is_arabic(language) else clock_line(moment)
