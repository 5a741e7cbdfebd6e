"""Prayer-times engine: solar maths, authority profiles, timetables, exports.

Pure Python + numpy; no Django import anywhere under this package.
"""

from .calculator import (
    DAILY_PRAYERS,
    DayTimes,
    Timetable,
    column,
    compute_day,
    compute_timetable,
    next_prayer,
)
from .errors import (
    InvalidCoordinates,
    InvalidDateRange,
    InvalidTimeZone,
    PlaceError,
    PrayerError,
    PrayerTimeUndefined,
    UnknownAsrSchool,
    UnknownMethod,
    UnknownPlace,
)
from .methods import all_methods, get_method
from .places import Place, all_places, coordinates, get_place
from .profiles import ASR_SCHOOLS, PRAYERS, Jumuah, Method, Profile, Twilight

__all__ = [
    "ASR_SCHOOLS",
    "DAILY_PRAYERS",
    "PRAYERS",
    "DayTimes",
    "InvalidCoordinates",
    "InvalidDateRange",
    "InvalidTimeZone",
    "Jumuah",
    "Method",
    "Place",
    "PlaceError",
    "PrayerError",
    "PrayerTimeUndefined",
    "Profile",
    "Timetable",
    "Twilight",
    "UnknownAsrSchool",
    "UnknownMethod",
    "UnknownPlace",
    "all_methods",
    "all_places",
    "column",
    "compute_day",
    "compute_timetable",
    "coordinates",
    "get_method",
    "get_place",
    "next_prayer",
]
