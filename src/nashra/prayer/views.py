"""Prayer-times pages: every UAE area today, one area's month, its downloads and year chart."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, get_language_bidi, pgettext
from django.utils.translation import gettext_lazy as _

from nashra.engines.prayer import (
    PRAYERS,
    Place,
    UnknownPlace,
    all_places,
    column,
    exports,
    get_method,
    get_place,
)
from nashra.engines.prayer.chart import year_chart
from nashra.kernel.clock import dubai_now
from nashra.prayer.inputs import BadInput, month_end, parse_month
from nashra.prayer.schedule import timetable

# The authority's data spells some emirates its own way; readers get the usual names.
EMIRATES = {
    "Abu Dhabi": _("Abu Dhabi"),
    "Dubai": _("Dubai"),
    "Sharjah": _("Sharjah"),
    "Ajman": _("Ajman"),
    "Um Al Quwain": _("Umm Al Quwain"),
    "Ras AlKhaimah": _("Ras Al Khaimah"),
    "Fujairah": _("Fujairah"),
}
LABELS = {
    "fajr": _("Fajr"),
    "sunrise": _("Shuruq"),
    "dhuhr": _("Dhuhr"),
    "asr": _("Asr"),
    "maghrib": _("Maghrib"),
    "isha": _("Isha"),
}
COLOURS = {
    "fajr": "#1f4e79",
    "sunrise": "#c98a00",
    "dhuhr": "#b03a2e",
    "asr": "#6c3483",
    "maghrib": "#117864",
    "isha": "#34495e",
}


def _name(place: Place) -> str:
    return place.name_ar if get_language() == "ar" and place.name_ar else place.name_en


def _place_or_404(slug: str) -> Place:
    try:
        return get_place(slug)
    except UnknownPlace:
        raise Http404(f"no prayer times for {slug!r}") from None


def _row(place: Place, day, now: dt.datetime) -> dict:
    hhmm = day.hhmm()
    nxt = day.next_prayer(now)
    cells = []
    for prayer in PRAYERS:
        at = day.jumuah if prayer == "dhuhr" and day.jumuah else day.times[prayer]
        is_next = nxt is not None and column(nxt[0]) == prayer
        cells.append({"prayer": prayer, "hhmm": hhmm[prayer] or "—", "at": at, "is_next": is_next})
    return {"place": place, "name": _name(place), "cells": cells}


def _imsak(day, profile) -> str:
    """Imsak (HH:MM) by the authority's rule, minutes before Fajr; "" without a rule."""
    fajr = day.times.get("fajr")
    if profile.imsak_minutes is None or fajr is None:
        return ""
    return (fajr - dt.timedelta(minutes=profile.imsak_minutes)).strftime("%H:%M")


def index(request):
    now = dubai_now()
    today = now.date()
    places = list(all_places())
    table = timetable(places, today, today)
    groups: dict[str, list] = {}
    for p, place in enumerate(places):
        groups.setdefault(place.emirate, []).append(_row(place, table.day(p, 0), now))
    emirates = [{"name": EMIRATES.get(e, e), "rows": rows} for e, rows in groups.items()]
    jumuah = table.day(0, 0).jumuah
    return render(
        request,
        "prayer/index.html",
        {
            "today": today,
            "emirates": emirates,
            "labels": [LABELS[p] for p in PRAYERS],
            "jumuah": jumuah,
            # Translators: a Django date format; the Arabic edition writes "l، j F Y".
            "day_format": pgettext("weekday and date format", "l j F Y"),
        },
    )


def place_month(request, slug: str):
    place = _place_or_404(slug)
    now = dubai_now().astimezone(place.zone)
    try:
        first = parse_month(request.GET.get("month"), place)
    except BadInput:
        # A mistyped ?month= shows this month rather than an error page.
        first = now.date().replace(day=1)
    table = timetable([place], first, month_end(first))
    profile = get_method(place.default_method or "mwl").profile_for(first)
    days = []
    for d, date in enumerate(table.dates):
        day = table.day(0, d)
        row = _row(place, day, now)
        row.update(
            date=date, is_today=date == now.date(), jumuah=day.jumuah, imsak=_imsak(day, profile)
        )
        days.append(row)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = month_end(first) + dt.timedelta(days=1)
    year = timetable([place], dt.date(first.year, 1, 1), dt.date(first.year, 12, 31))
    chart = year_chart(year, rtl=get_language_bidi())
    lines = [
        {"prayer": p, "label": LABELS[p], "path": chart.paths[p], "colour": COLOURS[p]}
        for p in PRAYERS
    ]
    return render(
        request,
        "prayer/place.html",
        {
            "place": place,
            "name": _name(place),
            "month": first,
            "days": days,
            "previous": previous,
            "following": following,
            "labels": [LABELS[p] for p in PRAYERS],
            "chart": chart,
            "lines": lines,
            "year": first.year,
            "months": [(x, dt.date(first.year, m, 1)) for x, m in chart.months],
            # Translators: a Django date format for the chart's month labels. Arabic has no
            # customary month abbreviations: "F" writes the whole name.
            "month_label": pgettext("chart month label", "M"),
        },
    )


def download(request, slug: str, month: str, fmt: str):
    place = _place_or_404(slug)
    try:
        first = parse_month(month, place)
    except BadInput:
        raise Http404("not a month") from None
    table = timetable([place], first, month_end(first))
    filename = f"prayer-times-{place.slug}-{first:%Y-%m}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(exports.to_ics(table), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
