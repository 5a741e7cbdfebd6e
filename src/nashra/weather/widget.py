"""The weather widget's state, decided here so templates only branch on ``state``.

- ``ok``: a record for today's Dubai date fetched within the last hour;
- ``stale``: the same, fetched 1 to 6 hours ago ("Updated 14:00", Dubai time);
- ``unavailable``: no record, a record for another day, or one fetched over 6 hours ago.

The date shown is the record's own date (today's Dubai date only when there is no record):
a page must never pair yesterday's forecast with today's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from django.db import models
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from nashra.engines.weather import OPEN_METEO_ATTRIBUTION, Attribution, Condition, Place
from nashra.kernel.clock import DUBAI, dubai_today
from nashra.weather.config import header_place, places
from nashra.weather.models import WeatherRecord

STALE_AFTER = timedelta(hours=1)
UNAVAILABLE_AFTER = timedelta(hours=6)
ICON_DIR = Path(__file__).resolve().parent / "static" / "weather" / "icons"


class WidgetState(models.TextChoices):
    OK = "ok"
    STALE = "stale"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class WeatherWidget:
    """Everything the template shows; strings are already translated."""

    state: WidgetState
    place: str  # the place's name in the current language
    date: date
    label: str = ""  # "" for an unknown condition: the template shows no condition text
    icon: SafeString = mark_safe("")
    max_c: int | None = None
    updated: str = ""  # "14:00" (Dubai time) when stale
    attribution: Attribution | None = None

    @property
    def available(self) -> bool:
        return self.state != WidgetState.UNAVAILABLE


def widget_for(place: Place, now: datetime | None = None) -> WeatherWidget:
    """The widget for one place, from its newest stored record."""
    record = WeatherRecord.objects.filter(place=place.slug).order_by("-date").first()
    return decide(place, record, now or timezone.now())


def decide(place: Place, record: WeatherRecord | None, now: datetime) -> WeatherWidget:
    """Pure decision from a record (or none) and the current time."""
    name = place_name(place)
    if record is None:
        return WeatherWidget(WidgetState.UNAVAILABLE, name, now.astimezone(DUBAI).date())
    age = now - record.fetched_at
    if record.date != now.astimezone(DUBAI).date() or age > UNAVAILABLE_AFTER or age < -STALE_AFTER:
        return WeatherWidget(WidgetState.UNAVAILABLE, name, record.date)
    condition = record.condition_value
    label = condition.label()
    stale = age > STALE_AFTER
    return WeatherWidget(
        state=WidgetState.STALE if stale else WidgetState.OK,
        place=name,
        date=record.date,
        label=gettext(label) if label else "",
        icon=icon_svg(condition.icon()) if condition != Condition.UNKNOWN else mark_safe(""),
        max_c=round(record.max_c),
        updated=f"{record.fetched_at.astimezone(DUBAI):%H:%M}" if stale else "",
        attribution=OPEN_METEO_ATTRIBUTION if record.provider == "open-meteo" else None,
    )


def header_widget() -> WeatherWidget:
    """The header's widget (NASHRA_WEATHER_PLACE); unavailable if the place is unknown."""
    place = header_place()
    if place is None:
        return WeatherWidget(WidgetState.UNAVAILABLE, "", dubai_today())
    return widget_for(place)


def all_widgets() -> list[WeatherWidget]:
    """One widget per place, in the engine's order (for /weather/)."""
    now = timezone.now()
    newest: dict[str, WeatherRecord] = {}
    for record in WeatherRecord.objects.order_by("place", "-date"):
        newest.setdefault(record.place, record)
    return [decide(place, newest.get(place.slug), now) for place in places()]


def place_name(place: Place) -> str:
    if (get_language() or "en").startswith("ar") and place.name_ar:
        return place.name_ar
    return place.name_en or place.slug


@lru_cache(maxsize=64)
def icon_svg(name: str) -> SafeString:
    """The shipped icon's SVG markup (our own files, so safe to inline)."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        return mark_safe("")
    return mark_safe(path.read_text(encoding="utf-8").strip())  # noqa: S308 (our own static file)
