"""Places: one model shared by every engine (prayer times, weather).

A place is one point with one elevation: the 60 UAE areas at the federal authority's
own reference points (``data/uae_areas.csv``, copied from ``awqaf_areas.csv`` with its
source column, plus our slugs, names, elevations and METAR stations), other
authorities' zones at their reference points (``data/jakim_zones.csv``), and ad-hoc
coordinates.  Weather forecasts the same point that prayer times are computed for.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class PlaceError(Exception):
    """Base class of every error about a place."""


class UnknownPlace(PlaceError, LookupError):
    """No place has this slug or alias."""


class InvalidCoordinates(PlaceError, ValueError):
    """Latitude outside +-90, longitude outside +-180, elevation implausible, or NaN."""


class InvalidTimeZone(PlaceError, ValueError):
    """Not an IANA time-zone name known to zoneinfo."""


#: The seven emirates' capitals and Al Ain: the weather engine's places and the default
#: rows of the header's prayer table.
MAIN_CITIES: tuple[str, ...] = (
    "abu-dhabi",
    "dubai",
    "sharjah",
    "ajman",
    "umm-al-quwain",
    "ras-al-khaimah",
    "fujairah",
    "al-ain",
)


@lru_cache(maxsize=1024)
def zone(tz: str) -> ZoneInfo:
    """The ZoneInfo for ``tz``, kept alive (zoneinfo's own cache holds only a few)."""
    return ZoneInfo(tz)


@dataclass(frozen=True)
class Place:
    """A point that prayer times are computed and weather is forecast for.

    ``slug`` is empty for ad-hoc coordinates.  ``default_method`` is the authority that
    publishes prayer times for the place (``uae`` for the UAE areas); ``metar_station``
    the ICAO id of the nearest airport reporting METAR (None when there is none worth
    using).
    """

    latitude: float
    longitude: float
    tz: str
    elevation_m: float = 0.0
    slug: str = ""
    name_en: str = ""
    name_ar: str = ""
    emirate: str = ""
    aliases: tuple[str, ...] = ()
    default_method: str | None = None
    authority_id: int | None = None
    metar_station: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.tz)


def slugify(text: str) -> str:
    """Lower-case ASCII slug: runs of anything else become one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def validate_zone(tz: str) -> str:
    """``tz`` if zoneinfo knows it, else :class:`InvalidTimeZone`."""
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidTimeZone(
            f"unknown time zone {tz!r} (use an IANA name such as Asia/Dubai)"
        ) from None
    return tz


def coordinates(latitude: float, longitude: float, tz: str, elevation_m: float = 0.0) -> Place:
    """An ad-hoc place; raises :class:`InvalidCoordinates` / :class:`InvalidTimeZone`."""
    lat, lon, elev = float(latitude), float(longitude), float(elevation_m)
    if not math.isfinite(lat) or not -90.0 <= lat <= 90.0:
        raise InvalidCoordinates(f"latitude {latitude} is outside -90..90")
    if not math.isfinite(lon) or not -180.0 <= lon <= 180.0:
        raise InvalidCoordinates(f"longitude {longitude} is outside -180..180")
    if not math.isfinite(elev) or not -500.0 <= elev <= 9000.0:
        raise InvalidCoordinates(f"elevation {elevation_m} m is outside -500..9000 m")
    return Place(lat, lon, validate_zone(tz), elev)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@lru_cache(maxsize=1)
def uae_areas() -> tuple[Place, ...]:
    """The UAE federal authority's 60 prayer areas, in the authority's order."""
    places = []
    for row in _rows("uae_areas.csv"):
        aliases = tuple(a for a in (row["alias"], slugify(row["area"])) if a and a != row["slug"])
        places.append(
            Place(
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
                tz="Asia/Dubai",
                elevation_m=float(row["elevation_m"]),
                slug=row["slug"],
                name_en=row["name_en"],
                name_ar=row["name_ar"],
                emirate=row["emirate"],
                aliases=tuple(dict.fromkeys(aliases)),
                default_method="uae",
                authority_id=int(row["cityID"]),
                metar_station=row["metar_station"] or None,
            )
        )
    return tuple(places)


@lru_cache(maxsize=1)
def jakim_zones() -> tuple[Place, ...]:
    """JAKIM (Malaysia) prayer zones at the zone's own reference point.

    JAKIM publishes one timetable per zone, computed at a single reference coordinate,
    the zone's westernmost location (its times are the latest in the zone), not at its
    centre; ``data/jakim_zones.csv`` names the point and the source of each.  Only zones
    whose reference point is documented are here; the slug is the zone code.
    """
    return tuple(
        Place(
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
            tz="Asia/Kuala_Lumpur",
            slug=row["slug"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            default_method="jakim",
        )
        for row in _rows("jakim_zones.csv")
    )


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place in (*uae_areas(), *jakim_zones()):
        index[place.slug] = place
    for place in uae_areas():
        for alias in place.aliases:
            index.setdefault(alias, place)
    return index


def all_places() -> tuple[Place, ...]:
    """The site's places: the 60 UAE areas (authority zones elsewhere: :func:`other_places`)."""
    return uae_areas()


def other_places() -> tuple[Place, ...]:
    """Named places outside the UAE: other authorities' zones at their reference points."""
    return jakim_zones()


def get_place(slug: str) -> Place:
    """The place with this slug or alias (case-insensitive), or :class:`UnknownPlace`."""
    place = _index().get(slugify(slug))
    if place is None:
        raise UnknownPlace(f"unknown place {slug!r} (see `nashra prayer places`)")
    return place
