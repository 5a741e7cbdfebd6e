"""`/api/v1/prayer-times`: one day, or a month, for a UAE area or any coordinates.

The views read the query string themselves and return the JSON response directly:
django-ninja's per-request work (a pydantic model for the query, then validating and
dumping the response through the response schema) cost more than the prayer times
themselves.  The schemas below still describe both endpoints in the OpenAPI document,
and the bodies are built to the same shape (every field present, null when empty).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from nashra.engines.prayer import PRAYERS, DayTimes, Place
from nashra.prayer.inputs import BadInput, Where, month_end, parse_date, parse_month, resolve
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
    asr_school: str


class MonthResponse(Schema):
    place: PlaceOut
    month: str
    timezone: str
    method: str
    asr_school: str
    days: list[DayOut]


class WhereIn(Schema):
    place: str | None = None
    lat: str | None = None
    lon: str | None = None
    tz: str | None = None
    elevation: str | None = None
    method: str | None = None
    asr: str | None = None


class DayIn(WhereIn):
    date: str | None = None


class MonthIn(WhereIn):
    month: str | None = None


def _query_parameters(schema: type[Schema]) -> dict[str, Any]:
    """The OpenAPI query parameters of ``schema``'s fields (optional strings), as ninja
    would document a ``Query[schema]`` argument."""
    return {
        "parameters": [
            {
                "in": "query",
                "name": name,
                "schema": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": name.title()},
                "required": False,
            }
            for name in schema.model_fields
        ]
    }


def _query(request: HttpRequest, schema: type[Schema]) -> dict[str, str | None]:
    return {name: request.GET.get(name) for name in schema.model_fields}


def _json(body: dict, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def _where(params: dict[str, str | None]) -> Where:
    # The one parser (the CLI's too); a BadInput becomes HTTP 400 with its message.
    return resolve(
        params["place"],
        params["lat"],
        params["lon"],
        params["tz"],
        params["elevation"],
        params["method"],
        params["asr"],
    )


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
    """A day as in ``DayOut``: ``undefined`` and ``jumuah`` are null when absent."""
    hhmm = day.hhmm()
    return {
        "date": day.date.isoformat(),
        "times": {p: hhmm[p] or None for p in PRAYERS},
        "undefined": dict(day.undefined) if day.undefined else None,
        "jumuah": hhmm["jumuah"] if day.jumuah is not None else None,
    }


@router.get(
    "/prayer-times",
    response={200: DayResponse, 400: ErrorOut},
    summary="Prayer times of one day",
    openapi_extra=_query_parameters(DayIn),
)
def prayer_times(request: HttpRequest):
    """Times as HH:MM in the place's zone (null where the sun never reaches the angle; the
    `undefined` object then says why). `jumuah` appears on Fridays where the authority
    publishes one. `date` defaults to today in the place's zone; `asr=hanafi` gives the
    two-shadow Asr (default: the method's, `shafii`)."""
    params = _query(request, DayIn)
    try:
        where = _where(params)
        date = parse_date(params["date"], where.place)
    except BadInput as exc:
        return _json({"error": str(exc)}, status=400)
    day = day_times(where.place, date, where.method)
    body = {
        **day_json(day),
        "place": _place(where.place),
        "timezone": where.place.tz,
        "method": where.method.id,
        "asr_school": where.method.asr_school,
    }
    return _json(body)


@router.get(
    "/prayer-times/month",
    response={200: MonthResponse, 400: ErrorOut},
    summary="Prayer times of a month",
    openapi_extra=_query_parameters(MonthIn),
)
def prayer_times_month(request: HttpRequest):
    """Every day of `month` (YYYY-MM; default: this month in the place's zone)."""
    params = _query(request, MonthIn)
    try:
        where = _where(params)
        first = parse_month(params["month"], where.place)
    except BadInput as exc:
        return _json({"error": str(exc)}, status=400)
    table = timetable([where.place], first, month_end(first), where.method)
    days = [day_json(table.day(0, d)) for d in range(len(table.dates))]
    return _json(
        {
            "place": _place(where.place),
            "month": f"{first:%Y-%m}",
            "timezone": where.place.tz,
            "method": where.method.id,
            "asr_school": where.method.asr_school,
            "days": days,
        }
    )
