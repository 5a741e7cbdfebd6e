"""Places the weather engine can forecast for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WeatherPlace:
    """What a provider needs to know about a place.

    ``tz`` is an IANA zone name; ``metar_station`` the ICAO id of the nearest airport
    reporting METAR (None when there is none worth using).
    """

    slug: str
    lat: float
    lon: float
    tz: str
    metar_station: str | None = None
    elevation: float | None = None
    name_en: str = ""
    name_ar: str = ""


# The seven emirates' capitals and Al Ain. Coordinates are city centres (WGS84).
DEFAULT_PLACES: tuple[WeatherPlace, ...] = (
    WeatherPlace("abu-dhabi", 24.4539, 54.3773, "Asia/Dubai", "OMAA", 5, "Abu Dhabi", "أبوظبي"),
    WeatherPlace("dubai", 25.2048, 55.2708, "Asia/Dubai", "OMDB", 5, "Dubai", "دبي"),
    WeatherPlace("sharjah", 25.3463, 55.4209, "Asia/Dubai", "OMSJ", 5, "Sharjah", "الشارقة"),
    WeatherPlace("ajman", 25.4052, 55.5136, "Asia/Dubai", None, 5, "Ajman", "عجمان"),
    WeatherPlace(
        "umm-al-quwain", 25.5647, 55.5552, "Asia/Dubai", None, 5, "Umm Al Quwain", "أم القيوين"
    ),
    WeatherPlace(
        "ras-al-khaimah",
        25.8007,
        55.9762,
        "Asia/Dubai",
        "OMRK",
        10,
        "Ras Al Khaimah",
        "رأس الخيمة",
    ),  # fmt: skip
    WeatherPlace("fujairah", 25.1288, 56.3265, "Asia/Dubai", "OMFJ", 10, "Fujairah", "الفجيرة"),
    WeatherPlace("al-ain", 24.2075, 55.7447, "Asia/Dubai", "OMAL", 292, "Al Ain", "العين"),
)

PLACES_BY_SLUG: dict[str, WeatherPlace] = {p.slug: p for p in DEFAULT_PLACES}
