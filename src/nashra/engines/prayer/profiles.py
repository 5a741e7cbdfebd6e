"""Authority profiles as data.

A :class:`Method` (``uae``, ``egypt``...; the built-in ones and their registry are in
methods.py) is a list of :class:`Profile` versions, each
valid over an effective-date range.  A profile says how each time is found (depression
angle, fixed interval, Ramadan interval, Shaukat's seasonal twilight), the Asr shadow
factor and declination convention, the horizon used for sunrise and sunset, offsets in
seconds per prayer (per area where an authority publishes area-specific corrections),
the rounding rule, the high-latitude rule and the Friday (Jumu'ah) schedule.

Constants marked "calibrated" were fitted, in seconds, across *all* rows of that
authority in ``official_calibration.csv``; see docs/prayer.md for the match rates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from .errors import UnknownAsrSchool

PRAYERS: tuple[str, ...] = ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")
HIGH_LATITUDE_RULES = (
    "none",
    "middle-of-the-night",
    "seventh-of-the-night",
    "twilight-angle",
    "nearest-latitude",
)

_EMPTY: Mapping[str, int] = MappingProxyType({})

#: The juristic schools' Asr: the shadow of a gnomon exceeds its noon shadow by once its
#: length (Shafi'i, Maliki, Hanbali: the majority, and every built-in method's default)
#: or by twice its length (Hanafi).
ASR_SCHOOLS: Mapping[str, int] = MappingProxyType({"shafii": 1, "hanafi": 2})


@dataclass(frozen=True)
class Twilight:
    """How Fajr (before sunrise) or Isha (after sunset) is found.

    Exactly one of ``angle`` (sun's depression, degrees) or ``minutes`` (fixed interval
    from sunrise/sunset) is set; ``ramadan_minutes`` replaces ``minutes`` during
    Ramadan (Umm al-Qura's 120-minute Isha).  ``seasonal`` names Khalid Shaukat's
    moonsighting.com formulas (``"general"``, ``"ahmer"``, ``"abyad"`` shafaq for Isha;
    any value for Fajr); the later Fajr / earlier Isha of angle and season is used.
    """

    angle: float | None = None
    minutes: float | None = None
    ramadan_minutes: float | None = None
    seasonal: str | None = None

    def __post_init__(self) -> None:
        if (self.angle is None) == (self.minutes is None):
            raise ValueError("a twilight rule needs exactly one of angle or minutes")


@dataclass(frozen=True)
class Jumuah:
    """A fixed Friday-prayer time, valid from ``start`` to ``end`` (inclusive, or open)."""

    time: dt.time
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max

    def applies(self, day: dt.date) -> bool:
        return day.weekday() == 4 and self.start <= day <= self.end


@dataclass(frozen=True)
class Profile:
    """One version of an authority's rules.  Offsets are in seconds."""

    fajr: Twilight
    isha: Twilight
    valid_from: dt.date = dt.date.min
    valid_to: dt.date = dt.date.max
    asr_factor: int = 1
    #: "noon": the Asr shadow uses the declination at transit (the usual convention);
    #: "instant": the declination at the Asr moment itself.
    asr_declination: str = "noon"
    #: Altitude of the sun's upper limb at sunrise/sunset before elevation dip, degrees.
    sunrise_altitude: float = -50.0 / 60.0
    sunset_altitude: float = -50.0 / 60.0
    #: Maghrib at this depression angle instead of at sunset (Tehran: 4.5 deg).
    maghrib_angle: float | None = None
    #: Apply the dip of the horizon for the place's elevation to sunrise and sunset.
    use_elevation: bool = True
    #: Only places at least this high get the elevation correction (the UAE corrects
    #: its mountain areas only).
    min_elevation_m: float = 0.0
    offsets: Mapping[str, int] = field(default_factory=dict)
    #: Seconds added during Ramadan (Umm al-Qura calendar, by the civil date), on top of
    #: ``offsets``: Qatar's Ramadan tables put Maghrib (and so Isha) one minute later.
    ramadan_offsets: Mapping[str, int] = field(default_factory=dict)
    #: Per-area offsets (seconds) that replace ``offsets`` for the named places.
    area_offsets: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    #: Areas published from another area's table: computed at that area's reference
    #: point with its offsets (Dubai Rural and Hatta use the Dubai table).
    area_reference: Mapping[str, str] = field(default_factory=dict)
    #: Areas whose times another method computes (area slug -> method id).
    area_method: Mapping[str, str] = field(default_factory=dict)
    #: "nearest", "up" or "down", or a mapping prayer -> mode.
    rounding: str | Mapping[str, str] = "nearest"
    high_latitude: str = "middle-of-the-night"
    jumuah: tuple[Jumuah, ...] = ()
    #: Perpetual tables (same time every year on the same month-day) are computed for
    #: this fixed year; None computes for the actual year.
    table_year: int | None = None
    #: Imsak (the start of the fast shown in Ramadan timetables): this many minutes
    #: before Fajr, where the authority publishes one; None where it does not.
    imsak_minutes: float | None = None
    #: Above this |latitude| Fajr/Isha become sunrise -/sunset + 1/7 of the night
    #: (moonsighting.com above 55 deg).
    seventh_above: float | None = None

    def offset(self, prayer: str, area: str | None = None) -> int:
        """Offset in seconds for ``prayer``, area-specific where the profile has one."""
        if area is not None and area in self.area_offsets:
            table = self.area_offsets[area]
            if prayer in table:
                return table[prayer]
        return self.offsets.get(prayer, 0)

    def rounding_for(self, prayer: str) -> str:
        """The rounding mode for ``prayer``."""
        if isinstance(self.rounding, str):
            return self.rounding
        return self.rounding.get(prayer, "nearest")

    def jumuah_on(self, day: dt.date) -> dt.time | None:
        """The fixed Jumu'ah time on ``day`` (a Friday), else None."""
        for rule in self.jumuah:
            if rule.applies(day):
                return rule.time
        return None


@dataclass(frozen=True)
class Method:
    """An authority: an id, a readable name, its profile versions and its sources."""

    id: str
    name: str
    profiles: tuple[Profile, ...]
    source: str = ""
    #: Places whose published times this method is the authority for (UAE areas).
    region: str | None = None
    #: Seconds per prayer that :meth:`with_tuning` added on top of the profiles; kept so
    #: an area computed by another method (Dubai's table) is tuned the same way.
    tuning: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def profile_for(self, day: dt.date) -> Profile:
        """The profile in force on ``day`` (the last listed one wins on overlap)."""
        for profile in reversed(self.profiles):
            if profile.valid_from <= day <= profile.valid_to:
                return profile
        return self.profiles[-1]

    def with_tuning(self, minutes: Mapping[str, float]) -> Method:
        """A copy with per-prayer tuning (in minutes) added on top of every profile."""
        extra = {p: int(round(60 * m)) for p, m in minutes.items() if m}
        if not extra:
            return self
        for prayer in extra:
            if prayer not in PRAYERS:
                raise ValueError(f"cannot tune unknown prayer {prayer!r}")

        def tuned(profile: Profile) -> Profile:
            offsets = {p: profile.offsets.get(p, 0) + extra.get(p, 0) for p in PRAYERS}
            areas = {
                a: {p: t.get(p, profile.offsets.get(p, 0)) + extra.get(p, 0) for p in PRAYERS}
                for a, t in profile.area_offsets.items()
            }
            return replace(
                profile, offsets=MappingProxyType(offsets), area_offsets=MappingProxyType(areas)
            )

        total = {p: self.tuning.get(p, 0) + extra.get(p, 0) for p in PRAYERS}
        return replace(
            self,
            profiles=tuple(tuned(p) for p in self.profiles),
            tuning=MappingProxyType({p: s for p, s in total.items() if s}),
        )

    @property
    def asr_school(self) -> str:
        """``"shafii"`` or ``"hanafi"``: the Asr shadow of the latest profile."""
        factor = self.profiles[-1].asr_factor
        return next((s for s, f in ASR_SCHOOLS.items() if f == factor), str(factor))

    def with_asr(self, school: str) -> Method:
        """A copy whose Asr follows ``school`` (a key of :data:`ASR_SCHOOLS`) in every
        profile; raises :class:`UnknownAsrSchool`."""
        return self.with_asr_factor(asr_factor(school))

    def with_asr_factor(self, factor: int) -> Method:
        """A copy whose Asr shadow factor is ``factor`` in every profile."""
        if all(p.asr_factor == factor for p in self.profiles):
            return self
        return replace(self, profiles=tuple(replace(p, asr_factor=factor) for p in self.profiles))

    def with_jumuah(self, schedule: tuple[Jumuah, ...]) -> Method:
        """A copy whose Friday-prayer schedule is ``schedule`` (e.g. an editor's)."""
        return replace(self, profiles=tuple(replace(p, jumuah=schedule) for p in self.profiles))


def asr_factor(school: str) -> int:
    """The shadow factor of an Asr ``school``, or :class:`UnknownAsrSchool`."""
    try:
        return ASR_SCHOOLS[school]
    except KeyError:
        known = ", ".join(ASR_SCHOOLS)
        raise UnknownAsrSchool(f"unknown Asr school {school!r} (known: {known})") from None
