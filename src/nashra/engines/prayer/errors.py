"""The prayer engine's exception tree (one small tree, in the language of the domain).

A bad place (unknown slug, coordinates out of range, unknown zone) is a
:class:`~nashra.engines.places.PlaceError`, shared with the weather engine; those
classes are re-exported here.
"""

from __future__ import annotations

from ..places import InvalidCoordinates, InvalidTimeZone, PlaceError, UnknownPlace

__all__ = [
    "InvalidCoordinates",
    "InvalidDateRange",
    "InvalidTimeZone",
    "OverrideFormatError",
    "PlaceError",
    "PrayerError",
    "PrayerTimeUndefined",
    "UnknownAsrSchool",
    "UnknownMethod",
    "UnknownPlace",
]


class PrayerError(Exception):
    """Base class of every error the prayer engine raises."""


class UnknownMethod(PrayerError, LookupError):
    """No calculation method has this id."""


class UnknownAsrSchool(PrayerError, LookupError):
    """Not one of the juristic Asr settings (``shafii``, ``hanafi``)."""


class InvalidDateRange(PrayerError, ValueError):
    """A malformed or impossible date, a start after the end, or a span too long."""


class OverrideFormatError(PrayerError, ValueError):
    """An official table to import is not in the calibration CSV format."""


class PrayerTimeUndefined(PrayerError):
    """A prayer time does not exist that day (the sun never reaches the angle...).

    ``reason`` is a readable sentence such as "the sun never reaches 18.0° below the
    horizon at 65.0°N on 2024-06-21".
    """

    def __init__(self, prayer: str, reason: str) -> None:
        super().__init__(f"{prayer}: {reason}")
        self.prayer = prayer
        self.reason = reason
