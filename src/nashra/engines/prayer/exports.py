"""Timetable exports: CSV, JSON and iCalendar (RFC 5545)."""

from __future__ import annotations

import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

from .calculator import Timetable
from .profiles import PRAYERS

CSV_HEADER = "date,fajr,sunrise,dhuhr,asr,maghrib,isha"
TITLES = {
    "fajr": "Fajr",
    "sunrise": "Sunrise",
    "dhuhr": "Dhuhr",
    "asr": "Asr",
    "maghrib": "Maghrib",
    "isha": "Isha",
    "jumuah": "Jumu'ah",
}


def to_csv(table: Timetable, p: int = 0) -> str:
    """``date,fajr,sunrise,dhuhr,asr,maghrib,isha``; ``HH:MM`` local, empty if undefined."""
    out = io.StringIO()
    out.write(CSV_HEADER + "\n")
    for row in table.rows(p):
        out.write(",".join([row["date"], *(row[k] for k in PRAYERS)]) + "\n")
    return out.getvalue()


def to_json(table: Timetable, p: int = 0) -> str:
    """A JSON document: place, method, zone, and one object per day (null if undefined)."""
    place = table.places[p]
    days = []
    for d in range(len(table.dates)):
        day = table.day(p, d)
        entry: dict[str, object] = {"date": day.date.isoformat()}
        hhmm = day.hhmm()
        for prayer in PRAYERS:
            entry[prayer] = hhmm[prayer] or None
        if day.undefined:
            entry["undefined"] = dict(day.undefined)
        if day.jumuah is not None:
            entry["jumuah"] = hhmm["jumuah"]
        days.append(entry)
    doc = {
        "place": {
            "slug": place.slug or None,
            "name_en": place.name_en or None,
            "name_ar": place.name_ar or None,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "elevation_m": place.elevation_m,
        },
        "method": table.method.id,
        "tz": place.tz,
        "days": days,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with one space
    return "\r\n ".join(parts)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _vtimezone(tz: str, dates: list[dt.date]) -> list[str]:
    """A VTIMEZONE with every offset change in the span (or the one fixed offset)."""
    zone = ZoneInfo(tz)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tz}"]

    def fmt(seconds: float) -> str:
        sign = "+" if seconds >= 0 else "-"
        s = int(abs(seconds))
        return f"{sign}{s // 3600:02d}{(s % 3600) // 60:02d}"

    start = dt.datetime.combine(dates[0] - dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(dates[-1] + dt.timedelta(days=2), dt.time(), tzinfo=dt.UTC)
    prev = start.astimezone(zone).utcoffset()
    changes = []
    t = start
    while t < end:
        nxt = t + dt.timedelta(hours=1)
        off = nxt.astimezone(zone).utcoffset()
        if off != prev:
            changes.append((nxt, prev, off, nxt.astimezone(zone).tzname()))
            prev = off
        t = nxt
    if not changes:
        off = start.astimezone(zone).utcoffset()
        assert off is not None
        lines += [
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{fmt(off.total_seconds())}",
            f"TZOFFSETTO:{fmt(off.total_seconds())}",
            f"TZNAME:{start.astimezone(zone).tzname()}",
            "END:STANDARD",
        ]
    for when, before, after, name in changes:
        assert before is not None and after is not None
        kind = "DAYLIGHT" if after > before else "STANDARD"
        local = (when + before).replace(tzinfo=None)
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{local:%Y%m%dT%H%M%S}",
            f"TZOFFSETFROM:{fmt(before.total_seconds())}",
            f"TZOFFSETTO:{fmt(after.total_seconds())}",
            f"TZNAME:{name}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return lines


def to_ics(table: Timetable, p: int = 0, *, stamp: dt.datetime | None = None) -> str:
    """An iCalendar file: one event per prayer per day, with a VTIMEZONE; CRLF lines."""
    place = table.places[p]
    stamp = stamp or dt.datetime.now(dt.UTC)
    name = place.name_en or f"{place.latitude:.4f},{place.longitude:.4f}"
    uid_base = place.slug or f"{place.latitude:.4f}_{place.longitude:.4f}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Nashra//Prayer times//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        _escape(f"X-WR-CALNAME:Prayer times, {name} ({table.method.id})"),
    ]
    lines += _vtimezone(place.tz, table.dates)
    for d in range(len(table.dates)):
        day = table.day(p, d)
        entries = [(k, day.times[k]) for k in PRAYERS]
        if day.jumuah is not None:
            entries.append(("jumuah", day.jumuah))
        for prayer, when in entries:
            if when is None:
                continue
            lines += [
                "BEGIN:VEVENT",
                f"UID:{day.date:%Y%m%d}-{prayer}-{uid_base}-{table.method.id}@nashra",
                f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                f"DTSTART;TZID={place.tz}:{when:%Y%m%dT%H%M%S}",
                "DURATION:PT0M" if prayer == "sunrise" else "DURATION:PT15M",
                "SUMMARY:"
                + _escape(
                    f"{TITLES[prayer]} — {name}" + (f" ({place.name_ar})" if place.name_ar else "")
                ),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
