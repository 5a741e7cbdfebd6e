"""The prayer table in every public page's header.

Rows are computed once per (place list, Dubai date, language) and purge generation (a new
Jumu'ah schedule purges) and kept in the cache (`nashra.kernel.cache.PRAYER_TABLE`);
which prayer is next is decided at render time (and again each minute in the browser by
prayer/next.js, so a cached page is never stale).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language

from nashra.engines.places import MAIN_CITIES
from nashra.engines.prayer import PRAYERS, column, get_place, next_prayer
from nashra.kernel.cache import PRAYER_TABLE
from nashra.kernel.clock import dubai_now
from nashra.prayer.schedule import timetable

DEFAULT_PLACES = ",".join(MAIN_CITIES)


@dataclass
class Cell:
    prayer: str
    hhmm: str
    at: dt.datetime | None
    #: When this cell stops being "next": Jumu'ah's instant on a Friday's Dhuhr cell.
    next_at: dt.datetime | None
    is_next: bool = False


@dataclass
class Row:
    slug: str
    name: str
    cells: list[Cell]
    #: This place's Jumu'ah instant on a Friday that has one.
    jumuah: dt.datetime | None = None


@dataclass
class PrayerHeader:
    date: dt.date
    rows: list[Row]
    jumuah: dt.datetime | None = None
    jumuah_next: bool = field(default=False)


def header_slugs() -> tuple[str, ...]:
    text = settings.NASHRA_PRAYER_HEADER_PLACES or DEFAULT_PLACES
    return tuple(s.strip() for s in text.split(",") if s.strip())


def _build(slugs: tuple[str, ...], date: dt.date, language: str) -> PrayerHeader:
    places = [get_place(slug) for slug in slugs]
    table = timetable(places, date, date)
    rows, jumuah = [], None
    for p, place in enumerate(places):
        day = table.day(p, 0)
        hhmm = day.hhmm()
        jumuah = jumuah or day.jumuah
        cells = [
            Cell(
                prayer,
                hhmm[prayer] or "—",
                day.times[prayer],
                day.jumuah if prayer == "dhuhr" and day.jumuah else day.times[prayer],
            )
            for prayer in PRAYERS
        ]
        name = place.name_ar if language == "ar" and place.name_ar else place.name_en
        rows.append(Row(place.slug, name, cells, day.jumuah))
    return PrayerHeader(date, rows, jumuah)


def prayer_header(now: dt.datetime | None = None) -> PrayerHeader:
    """Today's (Dubai) header table, with the next prayer of each row marked."""
    now = now or dubai_now()
    slugs = header_slugs()
    language = (get_language() or "en").split("-")[0]
    date = now.date()
    # "v2": rows carry their own Jumu'ah (Row.jumuah); older cached rows are not read.
    parts = ("v2", date.isoformat(), language, ",".join(slugs))
    header = PRAYER_TABLE.get_or_set(lambda: _build(slugs, date, language), *parts)
    mark_next(header, now)
    return header


def mark_next(header: PrayerHeader, now: dt.datetime) -> None:
    """Mark each row's next prayer (the engine's :func:`next_prayer`)."""
    header.jumuah_next = False
    for row in header.rows:
        nxt = next_prayer({cell.prayer: cell.at for cell in row.cells}, now, row.jumuah)
        shown = column(nxt[0]) if nxt is not None else None
        for cell in row.cells:
            cell.is_next = cell.prayer == shown
        if nxt is not None and nxt[0] == "jumuah":
            header.jumuah_next = True
