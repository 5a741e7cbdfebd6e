"""The newsroom's clock: everything a reader sees is in Dubai time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

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
