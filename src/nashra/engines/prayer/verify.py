"""Compare the engine with official tables in the calibration CSV format.

Columns: ``authority,city,country,lat,lon,tz,date,fajr,sunrise,dhuhr,asr,maghrib,isha,source``
(an empty time cell means the source did not publish that time).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import OverrideFormatError, PrayerError, UnknownMethod
from .places import Place, coordinates, other_places, slugify, uae_areas
from .profiles import PRAYERS

#: A zone code in a row's city, e.g. "Perlis (PLS01)".
ZONE_CODE = re.compile(r"\(([A-Za-z]{3}\d{2})\)")
COLUMNS = ("authority", "city", "country", "lat", "lon", "tz", "date", *PRAYERS)

#: Substrings of an authority's name -> method id (first match wins).
AUTHORITY_METHODS: tuple[tuple[str, str], ...] = (
    ("uae", "uae"),
    ("emirates 24", "uae"),
    ("awqaf (gaiae)", "uae"),
    ("egypt", "egypt"),
    ("diyanet", "diyanet"),
    ("jakim", "jakim"),
    ("kemenag", "kemenag"),
    ("muis", "muis"),
    ("umm al-qura", "umm-al-qura"),
    ("qatar", "qatar"),
    ("jordan", "jordan"),
    ("moonsighting", "moonsighting"),
    # ISNA Canada's timetables follow the Moonsighting Committee's rules, not ISNA's
    # 15/15 (see methods.py, ``isna-canada``).
    ("isna canada", "isna-canada"),
    ("isna", "isna"),
    ("karachi", "karachi"),
    ("kuwait", "kuwait"),
    ("tehran", "tehran"),
    ("muslim world league", "mwl"),
)


@dataclass(frozen=True)
class OfficialRow:
    """One published day of one authority at one place."""

    authority: str
    city: str
    latitude: float
    longitude: float
    tz: str
    date: dt.date
    times: dict[str, str]
    source: str = ""

    def minutes(self, prayer: str) -> float:
        """Published minute after midnight, NaN where not published."""
        text = self.times.get(prayer, "")
        if not text:
            return float("nan")
        hh, mm = text.split(":")
        return int(hh) * 60 + int(mm)


def method_for(authority: str) -> str:
    """The method id for an authority string of the calibration file."""
    lower = authority.lower()
    for needle, method_id in AUTHORITY_METHODS:
        if needle in lower:
            return method_id
    raise UnknownMethod(f"no method is known for authority {authority!r}")


def place_for(row: OfficialRow) -> Place:
    """The authority's own area for the row, else ad-hoc coordinates.

    A UAE area is matched by its reference point.  A zone named by its code in the
    city, e.g. ``Perlis (PLS01)``, is the zone at the authority's reference point: the
    authority publishes one table per zone, so the row's coordinates (often an
    approximate centre) are not where its times were computed.
    """
    code = ZONE_CODE.search(row.city)
    if code:
        for zone in other_places():
            if zone.slug == code[1].lower():
                return zone
    # Seven pairs of UAE areas share one reference point (Dibba and Sharjah East Coast,
    # Dubai Rural and Al Faqa...): the row's name decides, the point only confirms it.
    same_point = [
        area
        for area in uae_areas()
        if abs(area.latitude - row.latitude) < 1e-5 and abs(area.longitude - row.longitude) < 1e-5
    ]
    name = slugify(row.city)
    for area in same_point:
        if name in (area.slug, slugify(area.name_en), *area.aliases):
            return area
    uae = "uae" in row.authority.lower() or "emirates" in row.authority.lower()
    if len(same_point) == 1 and uae:
        return same_point[0]
    return coordinates(row.latitude, row.longitude, row.tz)


def parse_rows(text: str) -> list[OfficialRow]:
    """Rows of a calibration-format CSV text; :class:`OverrideFormatError` if malformed."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise OverrideFormatError(f"missing column(s): {', '.join(missing)}")
    rows = []
    for n, rec in enumerate(reader, start=2):
        try:
            times = {p: (rec[p] or "").strip() for p in PRAYERS}
            for p, t in times.items():
                if t:
                    hh, mm = t.split(":")
                    if not (0 <= int(hh) < 48 and 0 <= int(mm) < 60):
                        raise ValueError(f"bad time {t!r} for {p}")
            rows.append(
                OfficialRow(
                    rec["authority"],
                    rec["city"],
                    float(rec["lat"]),
                    float(rec["lon"]),
                    rec["tz"],
                    dt.date.fromisoformat(rec["date"]),
                    times,
                    rec.get("source") or "",
                )
            )
        except (ValueError, TypeError) as exc:
            raise OverrideFormatError(f"line {n}: {exc}") from None
    return rows


def read_rows(path: str | Path) -> list[OfficialRow]:
    """Rows of a calibration-format CSV file."""
    try:
        return parse_rows(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PrayerError(f"cannot read {path}: {exc.strerror or exc}") from None


@dataclass
class Stat:
    """Comparison of one prayer over a group of rows (deltas in minutes)."""

    deltas: list[int] = field(default_factory=list)
    undefined: int = 0

    @property
    def n(self) -> int:
        return len(self.deltas) + self.undefined

    @property
    def exact(self) -> float:
        return sum(d == 0 for d in self.deltas) / self.n if self.n else float("nan")

    @property
    def within1(self) -> float:
        return sum(abs(d) <= 1 for d in self.deltas) / self.n if self.n else float("nan")

    @property
    def worst(self) -> int:
        return max(self.deltas, key=abs) if self.deltas else 0


def compare(
    rows: Iterable[OfficialRow], method: str | None = None
) -> dict[tuple[str, str], dict[str, Stat]]:
    """Per (authority, city) and prayer: the engine's minute minus the published one."""
    from .calculator import _compute
    from .methods import get_method
    from .rounding import round_seconds

    out: dict[tuple[str, str], dict[str, Stat]] = {}
    for row in rows:
        m = get_method(method or method_for(row.authority))
        seconds, _ = _compute([place_for(row)], [row.date], m)
        profile = m.profile_for(row.date)
        stats = out.setdefault((row.authority, row.city), {p: Stat() for p in PRAYERS})
        for k, prayer in enumerate(PRAYERS):
            published = row.minutes(prayer)
            if np.isnan(published):
                continue
            computed = float(round_seconds(seconds[0, 0, k], profile.rounding_for(prayer)))
            if np.isnan(computed):
                stats[prayer].undefined += 1
            else:
                stats[prayer].deltas.append(int(computed - published))
    return out


def report(results: dict[tuple[str, str], dict[str, Stat]]) -> str:
    """The verify table: per authority/place and prayer, exact %, +-1 min %, worst miss."""
    header = ("authority / place", "prayer", "rows", "exact", "±1min", "worst")
    lines = ["{:58s} {:8s} {:>4s} {:>7s} {:>7s} {:>6s}".format(*header)]
    for (authority, city), stats in results.items():
        label = f"{authority} / {city}"[:58]
        for prayer in PRAYERS:
            s = stats[prayer]
            if not s.n:
                continue
            exact, within1 = 100 * s.exact, 100 * s.within1
            lines.append(
                f"{label:58s} {prayer:8s} {s.n:4d} {exact:6.1f}% {within1:6.1f}% {s.worst:+5d}m"
            )
    return "\n".join(lines)
