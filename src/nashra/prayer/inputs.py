"""Reader input (API query strings, page URLs) turned into places, methods and dates.

Every problem is a BadInput naming the field, in the reader's terms.  The engine does the
real checks (ranges, zones, method ids); this module only says which field was wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from nashra.engines.prayer import (
    Method,
    Place,
    PlaceError,
    PrayerError,
    coordinates,
    get_place,
)
from nashra.engines.prayer.calculator import resolve_method

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# The solar series and ΔT fit are good for centuries; beyond this, refuse rather than guess.
FIRST_YEAR, LAST_YEAR = 1900, 2200


class BadInput(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class Where:
    place: Place
    method: Method


def _number(text: str, field: str) -> float:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise BadInput(field, f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise BadInput(field, f"{text!r} is not a finite number")
    return value


def resolve(
    place: str | None = None,
    lat: str | None = None,
    lon: str | None = None,
    tz: str | None = None,
    elevation: str | None = None,
    method: str | None = None,
) -> Where:
    """A named place, or coordinates with a zone; and the method (default: the place's)."""
    if place:
        if any(v not in (None, "") for v in (lat, lon, tz, elevation)):
            raise BadInput("place", "give either place or lat/lon/tz, not both")
        try:
            where = get_place(place)
        except (PrayerError, PlaceError) as exc:
            raise BadInput("place", str(exc)) from None
    else:
        missing = [
            name for name, value in (("lat", lat), ("lon", lon), ("tz", tz)) if value in (None, "")
        ]
        if len(missing) == 3:
            raise BadInput("place", "give place (a slug) or lat, lon and tz")
        if missing:
            raise BadInput(missing[0], "required with lat/lon/tz")
        latitude, longitude = _number(lat, "lat"), _number(lon, "lon")
        height = _number(elevation, "elevation") if elevation not in (None, "") else 0.0
        if not -90 <= latitude <= 90:
            raise BadInput("lat", f"latitude {lat} is outside -90..90")
        if not -180 <= longitude <= 180:
            raise BadInput("lon", f"longitude {lon} is outside -180..180")
        try:
            where = coordinates(latitude, longitude, tz, height)
        except (PrayerError, PlaceError) as exc:
            field = "tz" if "zone" in str(exc) else "elevation"
            raise BadInput(field, str(exc)) from None
    try:
        chosen = resolve_method(method or None, where)
    except (PrayerError, PlaceError) as exc:
        raise BadInput("method", str(exc)) from None
    return Where(where, chosen)


def parse_date(text: str | None, place: Place, field: str = "date") -> dt.date:
    """An ISO date; default today in the place's zone."""
    if text in (None, ""):
        return dt.datetime.now(place.zone).date()
    try:
        day = dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise BadInput(field, f"{text!r} is not a valid date (YYYY-MM-DD)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadInput(field, f"{text} is outside the years {FIRST_YEAR}..{LAST_YEAR}")
    return day


def parse_month(text: str | None, place: Place, field: str = "month") -> dt.date:
    """The first day of a ``YYYY-MM`` month; default this month in the place's zone."""
    if text in (None, ""):
        return dt.datetime.now(place.zone).date().replace(day=1)
    match = MONTH.match(text)
    if not match:
        raise BadInput(field, f"{text!r} is not a month (YYYY-MM)")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise BadInput(field, f"{text!r} is not a month (YYYY-MM)")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadInput(field, f"{text} is outside the years {FIRST_YEAR}..{LAST_YEAR}")
    return dt.date(year, month, 1)


def month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)
