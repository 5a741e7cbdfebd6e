"""Prayer input, as typed by a reader or a user: the one parser of the API, the pages and
the CLI (``nashra prayer``).

Text in, engine objects out; every problem is a :class:`BadInput` naming the field, with
the same message wherever it is shown: the API answers HTTP 400 with it, the CLI prints
it on one line and exits 2.  No Django here: the CLI runs without it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from nashra.engines.places import (
    InvalidTimeZone,
    Place,
    PlaceError,
    coordinates,
    get_place,
)
from nashra.engines.prayer import Method, PrayerError
from nashra.engines.prayer.calculator import MAX_DAYS, resolve_method

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# The solar series and ΔT fit are good for centuries; beyond this, refuse rather than guess.
FIRST_YEAR, LAST_YEAR = 1900, 2200


class BadInput(ValueError):
    """One input field is wrong: ``field`` names it, ``message`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Where:
    place: Place
    #: The method to compute with (its Asr school already applied).
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
    asr: str | None = None,
    *,
    method_required: bool = False,
) -> Where:
    """A named place, or coordinates with a zone; the method (default: the place's, or
    ``mwl`` for coordinates unless ``method_required``) and its Asr school."""
    if place:
        if lat or lon or tz or elevation:
            raise BadInput("place", "give either place or lat/lon/tz, not both")
        try:
            where = get_place(place)
        except PlaceError as exc:
            raise BadInput("place", str(exc)) from None
    else:
        missing = [name for name, value in (("lat", lat), ("lon", lon), ("tz", tz)) if not value]
        if len(missing) == 3:
            raise BadInput("place", "give place (a slug) or lat, lon and tz")
        if missing:
            raise BadInput(missing[0], "required with lat/lon/tz")
        assert lat and lon and tz  # for mypy: `missing` is empty
        latitude, longitude = _number(lat, "lat"), _number(lon, "lon")
        height = _number(elevation, "elevation") if elevation else 0.0
        if not -90 <= latitude <= 90:
            raise BadInput("lat", f"latitude {lat} is outside -90..90")
        if not -180 <= longitude <= 180:
            raise BadInput("lon", f"longitude {lon} is outside -180..180")
        if method_required and not method:
            raise BadInput("method", "required with lat/lon/tz (a method id)")
        try:
            where = coordinates(latitude, longitude, tz, height)
        except PlaceError as exc:
            field = "tz" if isinstance(exc, InvalidTimeZone) else "elevation"
            raise BadInput(field, str(exc)) from None
    try:
        chosen = resolve_method(method or None, where)
    except PrayerError as exc:
        raise BadInput("method", str(exc)) from None
    if asr:
        try:
            chosen = chosen.with_asr(asr)
        except PrayerError as exc:
            raise BadInput("asr", str(exc)) from None
    return Where(where, chosen)


def parse_date(text: str | None, place: Place, field: str = "date") -> dt.date:
    """An ISO date; default today in the place's zone."""
    if not text:
        return dt.datetime.now(place.zone).date()
    try:
        day = dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise BadInput(field, f"{text!r} is not a valid date (YYYY-MM-DD)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadInput(field, f"{text} is outside the years {FIRST_YEAR}..{LAST_YEAR}")
    return day


def parse_range(
    start: str | None, end: str | None, place: Place, max_days: int = MAX_DAYS
) -> tuple[dt.date, dt.date]:
    """``from`` and ``to`` (ISO dates, both required), in order, at most ``max_days``."""
    for field, text in (("from", start), ("to", end)):
        if not text:
            raise BadInput(field, "required (YYYY-MM-DD)")
    first, last = parse_date(start, place, "from"), parse_date(end, place, "to")
    if first > last:
        raise BadInput("from", f"{first} is after to {last}")
    days = (last - first).days + 1
    if days > max_days:
        raise BadInput("to", f"{days} days from {first}; at most {max_days} (10 years) at once")
    return first, last


def parse_month(text: str | None, place: Place, field: str = "month") -> dt.date:
    """The first day of a ``YYYY-MM`` month; default this month in the place's zone."""
    if not text:
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
