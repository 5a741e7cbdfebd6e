"""Public API: prayer times for a place and a day, or a whole timetable in one pass.

    >>> from nashra.engines.prayer import compute_day, get_place
    >>> day = compute_day("dubai", datetime.date(2023, 9, 22))
    >>> day.hhmm()["fajr"]
    '04:50'

Everything below :func:`compute_timetable` is vectorised: every place x every day is
one numpy array, and the sun's coordinates are tabulated once per run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from . import astronomy as A
from . import zones
from .errors import InvalidDateRange, PrayerTimeUndefined
from .methods import get_method
from .places import Place, get_place
from .profiles import PRAYERS, Jumuah, Method, Profile
from .rounding import format_minutes, round_seconds

FloatArray = npt.NDArray[np.float64]
J2000_ORDINAL = dt.date(2000, 1, 1).toordinal()
MAX_DAYS = 3653  # ten years
NEAREST_LATITUDE = 48.5

# Reason codes for undefined times.
OK, NOT_REACHED, MIDNIGHT_SUN, POLAR_NIGHT, NO_SHADOW = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class DayTimes:
    """Prayer times of one place on one local date.

    ``times`` maps each of ``PRAYERS`` to a timezone-aware datetime on the published
    minute, or None where the time is undefined (``undefined`` then gives the reason).
    ``exact`` holds the unrounded times.  ``jumuah`` is the fixed Friday prayer, if the
    method (or the caller's schedule) has one that day.
    """

    date: dt.date
    place: Place
    method: str
    times: Mapping[str, dt.datetime | None]
    exact: Mapping[str, dt.datetime | None]
    undefined: Mapping[str, str] = field(default_factory=dict)
    jumuah: dt.datetime | None = None

    def __getitem__(self, prayer: str) -> dt.datetime:
        """The time of ``prayer``; raises :class:`PrayerTimeUndefined` with the reason."""
        value = self.times[prayer]
        if value is None:
            raise PrayerTimeUndefined(prayer, self.undefined[prayer])
        return value

    def hhmm(self) -> dict[str, str]:
        """``HH:MM`` per prayer, ``""`` where undefined (plus ``jumuah`` on Fridays)."""
        return dict(self._hhmm)

    @cached_property
    def _hhmm(self) -> dict[str, str]:
        out = {
            p: (f"{t.hour:02d}:{t.minute:02d}" if t is not None else "")
            for p, t in self.times.items()
        }
        if self.jumuah is not None:
            out["jumuah"] = f"{self.jumuah.hour:02d}:{self.jumuah.minute:02d}"
        return out

    def next_prayer(self, now: dt.datetime) -> tuple[str, dt.datetime] | None:
        """The first of Fajr, Dhuhr (or Jumu'ah), Asr, Maghrib, Isha after ``now``."""
        return next_prayer(self.times, now, self.jumuah)


#: The five daily prayers, in order.  Sunrise is in every table but is not a prayer.
DAILY_PRAYERS: tuple[str, ...] = ("fajr", "dhuhr", "asr", "maghrib", "isha")


def next_prayer(
    times: Mapping[str, dt.datetime | None],
    now: dt.datetime,
    jumuah: dt.datetime | None = None,
) -> tuple[str, dt.datetime] | None:
    """The next prayer after ``now``: ``(name, instant)``, or None once Isha has begun.

    The one rule every caller shares (day pages, the header table; prayer/next.js
    applies it again in the browser): the first of :data:`DAILY_PRAYERS` whose time is
    strictly after ``now``, sunrise skipped, and Jumu'ah (named ``"jumuah"``) in place
    of Dhuhr when ``jumuah`` is given.  Undefined (None) times are skipped.
    """
    for prayer in DAILY_PRAYERS:
        when = times.get(prayer)
        if prayer == "dhuhr" and jumuah is not None:
            prayer, when = "jumuah", jumuah
        if when is not None and when > now:
            return prayer, when
    return None


def column(prayer: str) -> str:
    """The timetable column (one of ``PRAYERS``) that shows ``prayer``: Jumu'ah is in
    Dhuhr's."""
    return "dhuhr" if prayer == "jumuah" else prayer


@dataclass
class Timetable:
    """Times for ``places`` x ``dates``.

    ``minutes[p, d, k]`` is the published minute after local midnight of prayer
    ``PRAYERS[k]`` (NaN where undefined); ``seconds`` the unrounded seconds;
    ``codes`` the reason codes.
    """

    places: list[Place]
    dates: list[dt.date]
    method: Method
    minutes: FloatArray
    seconds: FloatArray
    codes: npt.NDArray[np.int8]
    jumuah: Sequence[Jumuah] | None = None

    def day(self, p: int, d: int) -> DayTimes:
        """The :class:`DayTimes` of place index ``p`` on date index ``d``."""
        place, date = self.places[p], self.dates[d]
        zone = place.zone
        midnight = dt.datetime(date.year, date.month, date.day)
        times: dict[str, dt.datetime | None] = {}
        exact: dict[str, dt.datetime | None] = {}
        undefined: dict[str, str] = {}
        profile = self.method.profile_for(date)
        for k, prayer in enumerate(PRAYERS):
            m = self.minutes[p, d, k]
            if np.isnan(m):
                times[prayer] = exact[prayer] = None
                undefined[prayer] = reason(
                    prayer, int(self.codes[p, d, k]), place.latitude, date, profile
                )
            else:
                times[prayer] = _local(midnight + dt.timedelta(minutes=float(m)), zone)
                exact[prayer] = _local(
                    midnight + dt.timedelta(seconds=round(float(self.seconds[p, d, k]), 3)), zone
                )
        schedule = tuple(self.jumuah) if self.jumuah is not None else profile.jumuah
        jumuah = None
        for rule in schedule:
            if rule.applies(date):
                jumuah = _local(dt.datetime.combine(date, rule.time), zone)
                break
        return DayTimes(
            date,
            place,
            self.method.id,
            MappingProxyType(times),
            MappingProxyType(exact),
            MappingProxyType(undefined),
            jumuah,
        )

    def rows(self, p: int = 0) -> list[dict[str, str]]:
        """One dict per date for place ``p``: ``date`` and ``HH:MM`` (``""`` undefined)."""
        out = []
        for d, date in enumerate(self.dates):
            row = {"date": date.isoformat()}
            for k, prayer in enumerate(PRAYERS):
                row[prayer] = format_minutes(self.minutes[p, d, k])
            out.append(row)
        return out


def _local(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    # Wall-clock minutes after local midnight; fold=0 picks the first of a repeated hour.
    return naive.replace(tzinfo=zone)


def reason(prayer: str, code: int, latitude: float, date: dt.date, profile: Profile) -> str:
    """A readable sentence saying why ``prayer`` has no time."""
    where = f"{abs(latitude):.1f}°{'N' if latitude >= 0 else 'S'} on {date.isoformat()}"
    rule = profile.fajr if prayer == "fajr" else profile.isha
    if code == NOT_REACHED and prayer in ("fajr", "isha") and rule.angle is not None:
        return f"the sun never reaches {rule.angle:.1f}° below the horizon at {where}"
    if code == MIDNIGHT_SUN:
        return f"the sun never sets at {where} (midnight sun), so there is no night"
    if code == POLAR_NIGHT:
        return f"the sun never rises at {where} (polar night)"
    if code == NO_SHADOW:
        return f"the sun never rises high enough for the Asr shadow at {where}"
    return f"{prayer} is undefined at {where}"


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------


def resolve_place(place: Place | str | tuple[float, float, str]) -> Place:
    """A :class:`Place` from a place, a slug/alias, or ``(lat, lon, tz)``."""
    if isinstance(place, Place):
        return place
    if isinstance(place, str):
        return _place_by_name(place)
    from .places import coordinates

    return coordinates(*place)


@lru_cache(maxsize=1024)
def _place_by_name(name: str) -> Place:
    return get_place(name)  # UnknownPlace is raised, not cached


def resolve_method(method: Method | str | None, place: Place) -> Method:
    """The method object: given, by id, or the place's default (``mwl`` otherwise)."""
    if isinstance(method, Method):
        return method
    return get_method(method or place.default_method or "mwl")


def compute_day(
    place: Place | str | tuple[float, float, str],
    date: dt.date,
    method: Method | str | None = None,
    *,
    tuning: Mapping[str, float] | None = None,
    jumuah: Sequence[Jumuah] | None = None,
    overrides: OfficialTableLike | None = None,
    asr: str | None = None,
) -> DayTimes:
    """Prayer times of ``place`` on the local ``date``.

    ``method`` defaults to the place's authority (``uae`` for UAE areas); ``asr``
    (``"shafii"`` or ``"hanafi"``, see :data:`~.profiles.ASR_SCHOOLS`) replaces its Asr
    shadow rule.  ``tuning``
    adds minutes per prayer on top of the profile; ``jumuah`` replaces the profile's
    Friday schedule (e.g. an editor's override); ``overrides`` is an imported official
    table (:class:`~nashra.engines.prayer.overrides.OfficialTable`) whose published
    minutes win where it has them.
    """
    if overrides is not None:  # imported tables change under us: no memo
        return compute_timetable(
            [place], date, date, method, tuning=tuning, jumuah=jumuah, overrides=overrides, asr=asr
        ).day(0, 0)
    resolved = resolve_place(place)
    base = resolve_method(method, resolved)
    schedule = tuple(jumuah) if jumuah is not None else None
    key = (
        resolved,
        id(base),
        tuple(sorted((tuning or {}).items())),
        schedule,
        asr,
        date.year,
        date.month,
    )
    entry = _MONTHS.get(key)
    if entry is None or entry[0] is not base:  # id() reused by a new method object
        first = date.replace(day=1)
        try:
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        except OverflowError:
            last = date
        table = compute_timetable(
            [resolved], first, last, base, tuning=tuning, jumuah=schedule, asr=asr
        )
        entry = _MONTHS[key] = (base, table, [None] * len(table.dates))
        if len(_MONTHS) > MONTH_CACHE_SIZE:
            del _MONTHS[next(iter(_MONTHS))]
    index = (date - entry[1].dates[0]).days
    day = entry[2][index]
    if day is None:  # DayTimes is immutable: one object serves every later call
        day = entry[2][index] = entry[1].day(0, index)
    return day


#: A single place-day is served from its place-month, computed in one vectorised pass
#: (the same cost as one day: numpy's per-call overhead dominates).  An API server
#: asks for the same few places and days again and again.  Results are identical:
#: each day's times depend on that day alone.
MONTH_CACHE_SIZE = 4096
_MONTHS: dict[tuple[object, ...], tuple[Method, Timetable, list[DayTimes | None]]] = {}


def compute_timetable(
    places: Iterable[Place | str | tuple[float, float, str]] | Place | str,
    start: dt.date,
    end: dt.date,
    method: Method | str | None = None,
    *,
    tuning: Mapping[str, float] | None = None,
    jumuah: Sequence[Jumuah] | None = None,
    overrides: OfficialTableLike | None = None,
    max_days: int = MAX_DAYS,
    asr: str | None = None,
) -> Timetable:
    """Times for every place x every date from ``start`` to ``end`` inclusive.

    All places must share one method (default: the first place's authority); ``asr``
    and ``tuning`` as in :func:`compute_day`.  Raises
    :class:`InvalidDateRange` when ``start > end`` or the span exceeds ``max_days``.
    """
    if isinstance(places, (Place, str)):
        places = [places]
    resolved = [resolve_place(p) for p in places]
    if not resolved:
        raise ValueError("no places given")
    if start > end:
        raise InvalidDateRange(f"start {start} is after end {end}")
    n_days = (end - start).days + 1
    if n_days > max_days:
        raise InvalidDateRange(f"{n_days} days requested; at most {max_days} (ten years) at once")
    m = resolve_method(method, resolved[0])
    if asr:
        m = m.with_asr(asr)
    if tuning:
        m = m.with_tuning(tuning)
    dates = [start + dt.timedelta(days=i) for i in range(n_days)]
    seconds, codes = _compute(resolved, dates, m)
    minutes = np.full_like(seconds, np.nan)
    for d0, d1, profile in _profile_runs(m, dates):
        for k, prayer in enumerate(PRAYERS):
            minutes[:, d0:d1, k] = round_seconds(seconds[:, d0:d1, k], profile.rounding_for(prayer))
    if overrides is not None:
        overrides.apply(resolved, dates, minutes, codes)
    return Timetable(resolved, dates, m, minutes, seconds, codes, jumuah)


class OfficialTableLike:  # pragma: no cover - protocol for type hints
    def apply(
        self,
        places: list[Place],
        dates: list[dt.date],
        minutes: FloatArray,
        codes: npt.NDArray[np.int8],
    ) -> None:
        raise NotImplementedError


# ---------------------------------------------------------------------------
# Vectorised core
# ---------------------------------------------------------------------------


def _profile_runs(method: Method, dates: list[dt.date]) -> list[tuple[int, int, Profile]]:
    if len(method.profiles) == 1:  # one version for all time: no per-day lookup
        return [(0, len(dates), method.profiles[0])]
    runs: list[tuple[int, int, Profile]] = []
    for i, date in enumerate(dates):
        profile = method.profile_for(date)
        if runs and runs[-1][2] is profile:
            runs[-1] = (runs[-1][0], i + 1, profile)
        else:
            runs.append((i, i + 1, profile))
    return runs


def _compute(
    places: list[Place], dates: list[dt.date], method: Method
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    n_places, n_days = len(places), len(dates)
    seconds = np.full((n_places, n_days, len(PRAYERS)), np.nan)
    codes = np.zeros((n_places, n_days, len(PRAYERS)), dtype=np.int8)
    for d0, d1, profile in _profile_runs(method, dates):
        groups: dict[str | None, list[int]] = {}
        for i, place in enumerate(places):
            groups.setdefault(
                profile.area_method.get(place.slug) if place.slug else None, []
            ).append(i)
        for delegate, idx in groups.items():
            subset = [places[i] for i in idx]
            if delegate is None:
                s, c = _compute_chunked(subset, dates[d0:d1], profile)
            else:  # an area published from another authority's table (Dubai: IACAD)
                # with the caller's juristic Asr (the delegating profile carries it) and
                # the caller's tuning
                other = (
                    get_method(delegate)
                    .with_asr_factor(profile.asr_factor)
                    .with_tuning({p: s / 60 for p, s in method.tuning.items()})
                )
                s, c = _compute(subset, dates[d0:d1], other)
            seconds[idx, d0:d1] = s
            codes[idx, d0:d1] = c
    return seconds, codes


#: Elements (places x days) per vectorised pass: small enough that the working arrays
#: stay in the CPU cache (a year for 1,000 places in one pass is memory-bound and ~40%
#: slower), large enough that numpy's per-call overhead is negligible.
CHUNK_ELEMENTS = 12288
#: Up to this many elements (places x days), the events are solved in one batched pass.
BATCH_ELEMENTS = 2048


def _compute_chunked(
    places: list[Place], dates: list[dt.date], profile: Profile
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    step = max(1, CHUNK_ELEMENTS // len(dates))
    if step >= len(places):
        return _compute_profile(places, dates, profile)
    n_chunks = -(-len(places) // step)
    step = -(-len(places) // n_chunks)  # equal chunks: no small remainder pass
    seconds = np.empty((len(places), len(dates), len(PRAYERS)))
    codes = np.empty((len(places), len(dates), len(PRAYERS)), dtype=np.int8)
    for i in range(0, len(places), step):
        seconds[i : i + step], codes[i : i + step] = _compute_profile(
            places[i : i + step], dates, profile
        )
    return seconds, codes


def _astro_days(dates: list[dt.date], profile: Profile) -> npt.NDArray[np.int64]:
    # Dates are always consecutive: the day numbers depend on the first and the count.
    return _day_numbers(dates[0], len(dates), profile.table_year)


@lru_cache(maxsize=256)
def _day_numbers(first: dt.date, n_days: int, table_year: int | None) -> npt.NDArray[np.int64]:
    """J2000 day numbers of ``n_days`` dates from ``first`` (of ``table_year``'s month-days)."""
    civil = np.arange(n_days, dtype=np.int64) + (first.toordinal() - J2000_ORDINAL)
    if table_year is None:
        return civil
    out = []
    for i in range(n_days):
        d = first + dt.timedelta(days=i)
        day = min(d.day, 28) if (d.month, d.day) == (2, 29) else d.day
        out.append(dt.date(table_year, d.month, day).toordinal() - J2000_ORDINAL)
    return np.array(out, dtype=np.int64)


@lru_cache(maxsize=64)
def _ramadan_flags(first: dt.date, n_days: int) -> npt.NDArray[np.bool_]:
    from hijridate import Gregorian

    flags = np.zeros(n_days, dtype=bool)
    for i in range(n_days):
        d = first + dt.timedelta(days=i)
        try:
            flags[i] = Gregorian(d.year, d.month, d.day).to_hijri().month == 9
        except (OverflowError, ValueError):  # outside hijridate's Umm al-Qura range
            flags[i] = False
    return flags


@lru_cache(maxsize=256)
def _daily_sun(days: bytes) -> A.DailySun:
    # Shared by every call for the same days (the single place-day path reuses it).
    return A.DailySun(np.frombuffer(days, dtype=np.int64).astype(float))


def _days_since_solstice(dates: list[dt.date], lat: FloatArray) -> FloatArray:
    """Shaukat's day count: from ~Dec 21 in the north, ~Jun 21 in the south."""
    doy = np.array([d.timetuple().tm_yday for d in dates], dtype=float)[None, :]
    leap = np.array([(d.year % 4 == 0 and d.year % 100 != 0) or d.year % 400 == 0 for d in dates])[
        None, :
    ]
    year_len = np.where(leap, 366.0, 365.0)
    north = doy + 10.0
    north = np.where(north >= year_len, north - year_len, north)
    south = doy - np.where(leap, 173.0, 172.0)
    south = np.where(south < 0, south + year_len, south)
    return np.where(lat >= 0, north, south)


def _seasonal_minutes(
    dyy: FloatArray, a: FloatArray, b: FloatArray, c: FloatArray, d: FloatArray
) -> FloatArray:
    return np.select(
        [dyy < 91, dyy < 137, dyy < 183, dyy < 229, dyy < 275],
        [
            a + (b - a) / 91.0 * dyy,
            b + (c - b) / 46.0 * (dyy - 91),
            c + (d - c) / 46.0 * (dyy - 137),
            d + (c - d) / 46.0 * (dyy - 183),
            c + (b - c) / 46.0 * (dyy - 229),
        ],
        default=b + (a - b) / 91.0 * (dyy - 275),
    )


_SHAFAQ = {
    "general": ((75, 25.60), (75, 2.050), (75, -9.21), (75, 6.14)),
    "ahmer": ((62, 17.40), (62, -7.16), (62, 5.12), (62, 19.44)),
    "abyad": ((75, 25.60), (75, 7.16), (75, 36.84), (75, 81.84)),
}
_DAWN = ((75, 28.65), (75, 19.44), (75, 32.74), (75, 48.10))


def _seasonal(
    table: tuple[tuple[float, float], ...], lat: FloatArray, dyy: FloatArray
) -> FloatArray:
    x = np.abs(lat) / 55.0
    a, b, c, d = (base + k * x for base, k in table)
    return _seasonal_minutes(dyy, a, b, c, d)


def _compute_profile(
    places: list[Place], dates: list[dt.date], profile: Profile
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Local seconds after midnight, shape (places, days, 6), and reason codes."""
    n_p, n_d = len(places), len(dates)
    points = [_reference(p, profile, places) for p in places]
    # Per-place columns (places, 1): broadcasting against (places, days) keeps the
    # per-place trig (latitude, horizon altitudes) out of the per-day arrays.
    lat = np.array([pt.latitude for pt in points])[:, None]
    lat = np.clip(lat, -89.999, 89.999)
    lon = np.array([pt.longitude for pt in points])[:, None]
    elev = np.array([p.elevation_m for p in points])[:, None]
    civil = _day_numbers(dates[0], n_d, None)
    astro = _astro_days(dates, profile)
    # Pick the solar day whose noon falls on this local date (zones far from their
    # meridian, e.g. Pacific/Kiritimati, would otherwise be off by a day), with each
    # date's own UTC offset: a DST change can move a place across that line.
    first, last = int(civil[0]), int(civil[-1])
    noons = zones.UNIX_J2000 + civil.astype(np.float64) * 86400.0
    hours = {
        tz: zones.utc_offsets(tz, noons, first, last) / 3600.0 for tz in {p.tz for p in places}
    }
    shift = np.rint((np.array([hours[p.tz] for p in places]) - lon / 15.0) / 24.0)
    n_astro = astro[None, :] - shift
    table = _daily_sun(astro.tobytes())

    tr = A.transit(table, n_astro.astype(float), lon)
    dec, _ = table.at(tr)
    sc = (np.sin(lat * A.DEG), np.cos(lat * A.DEG))
    sdt, cdt, _ = table.sincos_at(tr)
    st = (sdt, cdt)  # the declination at transit, shared by every event
    dip = (
        A.horizon_dip(np.where(elev >= profile.min_elevation_m, elev, 0.0))
        if profile.use_elevation
        else 0.0
    )
    rise_alt = np.broadcast_to(profile.sunrise_altitude - dip, lat.shape) + 0.0
    set_alt = np.broadcast_to(profile.sunset_altitude - dip, lat.shape) + 0.0
    # The events at a given altitude: sunrise, sunset, the Fajr/Isha angles, a Maghrib
    # angle and the Asr shadow on the noon convention.
    batch: dict[str, tuple[float, FloatArray]] = {
        "sunrise": (-1.0, _sin_altitude(rise_alt)),
        "sunset": (1.0, _sin_altitude(set_alt)),
    }
    if profile.fajr.angle is not None:
        batch["fajr"] = (-1.0, _sin_altitude(np.full(lat.shape, -profile.fajr.angle)))
    if profile.isha.angle is not None:
        batch["isha"] = (1.0, _sin_altitude(np.full(lat.shape, -profile.isha.angle)))
    if profile.maghrib_angle is not None:
        batch["maghrib"] = (1.0, _sin_altitude(np.full(lat.shape, -profile.maghrib_angle)))
    factor = np.full(lat.shape, float(profile.asr_factor))
    if profile.asr_declination != "instant":
        batch["asr"] = (1.0, A.asr_sin_altitude(lat, dec, factor))
    if n_p * n_d <= BATCH_ELEMENTS:
        # Small (a place-day, a place-month): one Newton pass for all of them, axis 0
        # the event.  The same arithmetic with a fifth of the numpy calls, whose fixed
        # cost is what a single place-day pays.
        sin_alt = np.empty((len(batch), n_p, n_d))
        for k, (_, value) in enumerate(batch.values()):
            sin_alt[k] = value
        sides = np.array([side for side, _ in batch.values()])[:, None, None]
        solved = list(
            A.event(
                table,
                tr,
                lat,
                lon,
                lat,
                sides,
                sincos_lat=sc,
                sincos_transit=st,
                sin_altitude=sin_alt,
            )
        )
    else:  # large: one event at a time keeps the working arrays in the CPU cache
        solved = [
            A.event(
                table, tr, lat, lon, lat, side, sincos_lat=sc, sincos_transit=st, sin_altitude=value
            )
            for side, value in batch.values()
        ]
    events = dict(zip(batch, solved, strict=True))
    sunrise, sunset = events["sunrise"], events["sunset"]
    night = sunrise + 1.0 - sunset
    maghrib = events.get("maghrib", sunset)

    codes = np.zeros((n_p, n_d, len(PRAYERS)), dtype=np.int8)
    horizon_code = _horizon_code(sc, st, rise_alt)
    codes[:, :, 1] = horizon_code
    codes[:, :, 4] = horizon_code

    ramadan = None
    ramadan_rule = (
        profile.fajr.ramadan_minutes is not None or profile.isha.ramadan_minutes is not None
    )
    if ramadan_rule or profile.ramadan_offsets:
        # Ramadan of the civil date, also for a perpetual table: the authority applies its
        # Ramadan rule to this year's Ramadan (Qatar's 1446 table, 1 to 29 March 2025).
        ramadan = _ramadan_flags(dates[0], n_d)[None, :]

    fajr = _twilight(
        profile,
        profile.fajr,
        events.get("fajr"),
        table,
        tr,
        lat,
        lon,
        sunrise,
        night,
        -1.0,
        ramadan,
        dates,
    )
    isha = _twilight(
        profile,
        profile.isha,
        events.get("isha"),
        table,
        tr,
        lat,
        lon,
        sunset,
        night,
        1.0,
        ramadan,
        dates,
    )
    for k, value in ((0, fajr), (5, isha)):
        missing = np.isnan(value)
        if missing.any():
            codes[:, :, k] = np.where(
                missing, np.where(horizon_code > 0, horizon_code, NOT_REACHED), 0
            )

    if profile.asr_declination == "instant":
        asr = A.event(
            table, tr, lat, lon, lat, 1.0, asr_factor=factor, sincos_lat=sc, sincos_transit=st
        )
    else:
        asr = events["asr"]
    # No Asr shadow when the sun stays below the horizon at noon.
    no_shadow = ~(np.abs(lat - dec) < 90.0 + rise_alt)
    if no_shadow.any():
        asr = np.where(no_shadow, np.nan, asr)
        codes[:, :, 3] = np.where(np.isnan(asr), NO_SHADOW, 0)
    elif np.isnan(asr).any():
        codes[:, :, 3] = np.where(np.isnan(asr), NO_SHADOW, 0)

    # Seconds after the civil date's UT midnight (a perpetual table's events, computed
    # for its table year's astro days, land on the civil date), then local time.
    utc = np.stack([fajr, sunrise, tr, asr, maghrib, isha], axis=-1)
    utc -= (astro - 0.5)[None, :, None]
    utc *= 86400.0
    utc += _offset_seconds(places, profile)[:, None, :]
    if profile.ramadan_offsets and ramadan is not None:
        extra = np.array([profile.ramadan_offsets.get(p, 0) for p in PRAYERS], dtype=float)
        utc += np.where(ramadan[:, :, None], extra, 0.0)
    by_zone: dict[str, list[int]] = {}
    for i, place in enumerate(places):
        by_zone.setdefault(place.tz, []).append(i)
    if len(by_zone) == 1:
        tz = places[0].tz
        if zones.fixed_offset(tz, first, last) is not None:
            utc += zones.fixed_offset(tz, first, last)
            return utc, codes
    midnights = zones.UNIX_J2000 + (civil[:, None] - 0.5) * 86400.0
    for tz, idx in by_zone.items():  # one lookup per zone, not per place
        sub = utc[idx]
        fixed = zones.fixed_offset(tz, first, last)
        if fixed is not None:
            utc[idx] = sub + fixed
        else:
            unix = sub + midnights[None, :, :]
            utc[idx] = sub + zones.utc_offsets(tz, unix.ravel(), first, last).reshape(sub.shape)
    return utc, codes


def _sin_altitude(altitude: FloatArray) -> FloatArray:
    """The sine of the geocentric altitude an event solves for (see ``A.event``)."""
    return np.sin(A.geocentric_altitude(altitude) * A.DEG)


def _offset_seconds(places: list[Place], profile: Profile) -> FloatArray:
    """Offsets (seconds) per place and prayer, shape (places, 6); memoised per profile
    and list of areas (profiles hold mappings, so they are keyed by identity)."""
    keys = tuple(_area_key(p, profile) for p in places)
    cached = _OFFSETS.get((id(profile), keys))
    if cached is not None and cached[0] is profile:
        return cached[1]
    rows = np.array(
        [[profile.offset(prayer, key) for prayer in PRAYERS] for key in keys], dtype=float
    )
    if len(_OFFSETS) >= 1024:
        _OFFSETS.clear()
    _OFFSETS[(id(profile), keys)] = (profile, rows)
    return rows


_OFFSETS: dict[tuple[int, tuple[str | None, ...]], tuple[Profile, FloatArray]] = {}


def _reference(place: Place, profile: Profile, places: list[Place]) -> Place:
    target = profile.area_reference.get(place.slug) if place.slug else None
    if not target:
        return place
    return get_place(target)


def _area_key(place: Place, profile: Profile) -> str | None:
    if not place.slug:
        return None
    return profile.area_reference.get(place.slug, place.slug)


def _horizon_code(
    sincos_lat: tuple[FloatArray, FloatArray],
    sincos_dec: tuple[FloatArray, FloatArray],
    altitude: FloatArray,
) -> npt.NDArray[np.int8]:
    sl, cl = sincos_lat
    sd, cd = sincos_dec
    c = (np.sin(altitude * A.DEG) - sl * sd) / (cl * cd)
    return np.where(c < -1.0, MIDNIGHT_SUN, np.where(c > 1.0, POLAR_NIGHT, OK)).astype(np.int8)


def _twilight(
    profile: Profile,
    rule: object,
    at_angle: FloatArray | None,
    table: A.DailySun,
    tr: FloatArray,
    lat: FloatArray,
    lon: FloatArray,
    anchor: FloatArray,
    night: FloatArray,
    side: float,
    ramadan: npt.NDArray[np.bool_] | None,
    dates: list[dt.date],
) -> FloatArray:
    """Fajr (side -1, anchor = sunrise) or Isha (side +1, anchor = sunset), UT days.

    ``at_angle`` is the time the sun reaches the rule's angle (solved with the other
    events), the starting point of the seasonal and high-latitude rules.
    """
    from .profiles import Twilight

    assert isinstance(rule, Twilight)
    if rule.minutes is not None:
        minutes = np.full(lat.shape, rule.minutes)
        if rule.ramadan_minutes is not None and ramadan is not None:
            minutes = np.where(ramadan, rule.ramadan_minutes, minutes)
        return anchor + side * minutes / 1440.0
    assert rule.angle is not None and at_angle is not None
    angle = rule.angle
    value = at_angle
    if rule.seasonal is not None:
        dyy = _days_since_solstice(dates, lat)
        season = _seasonal(_SHAFAQ.get(rule.seasonal, _DAWN) if side > 0 else _DAWN, lat, dyy)
        seasonal = anchor + side * season / 1440.0
        # Fajr: the later of angle and season; Isha: the earlier.
        value = np.where(
            np.isnan(value),
            seasonal,
            np.fmin(value, seasonal) if side > 0 else np.fmax(value, seasonal),
        )
    if profile.seventh_above is not None:
        seventh = anchor + side * night / 7.0
        value = np.where(np.abs(lat) >= profile.seventh_above, seventh, value)
    rule_name = profile.high_latitude
    if rule_name == "none":
        return value
    if rule_name == "nearest-latitude":
        near = np.sign(lat) * NEAREST_LATITUDE + (lat == 0)
        near_tr = A.transit(table, np.round(tr), lon)
        near_dec, _ = table.at(near_tr)
        alt0 = np.full(lat.shape, A.SUNRISE_ALTITUDE)
        n_rise = A.event(table, near_tr, near, lon, alt0, -1.0)
        n_set = A.event(table, near_tr, near, lon, alt0, 1.0)
        n_ev = A.event(table, near_tr, near, lon, np.full(lat.shape, -angle), side)
        n_night = n_rise + 1.0 - n_set
        frac = np.where(side < 0, n_rise - n_ev, n_ev - n_set) / n_night
        fallback = anchor + side * frac * night
        return np.where(np.isnan(value) & (np.abs(lat) > NEAREST_LATITUDE), fallback, value)
    portion = {
        "middle-of-the-night": 0.5,
        "seventh-of-the-night": 1.0 / 7.0,
        "twilight-angle": angle / 60.0,
    }[rule_name]
    bound = anchor + side * portion * night
    # The safe bound: never earlier (Fajr) / later (Isha) than the portion of the night.
    if side < 0:
        return np.where(np.isnan(value), bound, np.fmax(value, bound))
    return np.where(np.isnan(value), bound, np.fmin(value, bound))
