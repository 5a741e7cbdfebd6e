"""`/api/v1/prayer-times`: one day, or a month, for a UAE area or any coordinates."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from nashra.engines.prayer import PRAYERS, DayTimes, Place
from nashra.prayer.inputs import BadInput, month_end, parse_date, parse_month, resolve
from nashra.prayer.schedule import day_times, timetable

router = Router(tags=["prayer times"])


class ErrorOut(Schema):
    error: str


class PlaceOut(Schema):
    slug: str | None
    name_en: str | None
    name_ar: str | None
    latitude: float
    longitude: float
    elevation_m: float


class TimesOut(Schema):
    fajr: str | None
    sunrise: str | None
    dhuhr: str | None
    asr: str | None
    maghrib: str | None
    isha: str | None


class DayOut(Schema):
    date: str
    times: TimesOut
    undefined: dict[str, str] | None = None
    jumuah: str | None = None


class DayResponse(DayOut):
    place: PlaceOut
    timezone: str
    method: str


class MonthResponse(Schema):
    place: PlaceOut
    month: str
    timezone: str
    method: str
    days: list[DayOut]


class WhereIn(Schema):
    place: str | None = None
    lat: str | None = None
    lon: str | None = None
    tz: str | None = None
    elevation: str | None = None
    method: str | None = None


class DayIn(WhereIn):
    date: str | None = None


class MonthIn(WhereIn):
    month: str | None = None


def _place(place: Place) -> dict:
    return {
        "slug": place.slug or None,
        "name_en": place.name_en or None,
        "name_ar": place.name_ar or None,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "elevation_m": place.elevation_m,
    }


def day_json(day: DayTimes) -> dict:
    hhmm = day.hhmm()
    out: dict = {"date": day.date.isoformat(), "times": {p: hhmm[p] or None for p in PRAYERS}}
    if day.undefined:
        out["undefined"] = dict(day.undefined)
    if day.jumuah is not None:
        out["jumuah"] = hhmm["jumuah"]
    return out


@router.get(
    "/prayer-times", response={200: DayResponse, 400: ErrorOut}, summary="Prayer times of one day"
)
def prayer_times(request: HttpRequest, params: Query[DayIn]):
    """Times as HH:MM in the place's zone (null where the sun never reaches the angle; the
    `undefined` object then says why). `jumuah` appears on Fridays where the authority
    publishes one. `date` defaults to today in the place's zone."""
    try:
        where = resolve(
            params.place, params.lat, params.lon, params.tz, params.elevation, params.method
        )
        date = parse_date(params.date, where.place)
    except BadInput as exc:
        return Status(400, {"error": str(exc)})
    day = day_times(where.place, date, where.method.id)
    body = {
        "place": _place(where.place),
        "timezone": where.place.tz,
        "method": where.method.id,
        **day_json(day),
    }
    return Status(200, body)


@router.get(
    "/prayer-times/month",
    response={200: MonthResponse, 400: ErrorOut},
    summary="Prayer times of a month",
)
def prayer_times_month(request: HttpRequest, params: Query[MonthIn]):
    """Every day of `month` (YYYY-MM; default: this month in the place's zone)."""
    try:
        where = resolve(
            params.place, params.lat, params.lon, params.tz, params.elevation, params.method
        )
        first = parse_month(params.month, where.place)
    except BadInput as exc:
        return Status(400, {"error": str(exc)})
    table = timetable([where.place], first, month_end(first), where.method.id)
    days = [day_json(table.day(0, d)) for d in range(len(table.dates))]
    return Status(
        200,
        {
            "place": _place(where.place),
            "month": f"{first:%Y-%m}",
            "timezone": where.place.tz,
            "method": where.method.id,
            "days": days,
        },
    )
