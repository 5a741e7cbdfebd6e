"""The prayer engine's exception tree (one small tree, in the language of the domain)."""

from __future__ import annotations


class PrayerError(Exception):
    """Base class of every error the prayer engine raises."""


class UnknownPlace(PrayerError, LookupError):
    """No place has this slug or alias."""


class UnknownMethod(PrayerError, LookupError):
    """No calculation method has this id."""


class InvalidCoordinates(PrayerError, ValueError):
    """Latitude outside +-90, longitude outside +-180, or not a number."""


class InvalidTimeZone(PrayerError, ValueError):
    """Not an IANA time-zone name known to zoneinfo."""


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
