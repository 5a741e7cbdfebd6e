"""UTC -> local offsets for many instants at once, right on DST change days."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from ..places import zone

#: Unix time of J2000.0 (2000-01-01 12:00 UT): astronomy counts days from there.
UNIX_J2000 = 946_728_000.0
_UTC = dt.UTC


def _offset_at(zone: ZoneInfo, unix: float) -> float:
    return dt.datetime.fromtimestamp(unix, zone).utcoffset().total_seconds()  # type: ignore[union-attr]


@lru_cache(maxsize=4096)
def transitions(
    tz: str, first_day: int, last_day: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Offset changes of ``tz`` between two J2000 day numbers.

    Returns ``(instants, offsets)``: ``offsets[i]`` (seconds) applies before
    ``instants[i]`` (unix seconds) and ``offsets[-1]`` after the last one.  Found by
    sampling the offset at every UT midnight and bisecting to the second where it
    changes (zones change at most a few times a year).
    """
    zone_ = zone(tz)
    start = UNIX_J2000 + (first_day - 3) * 86400.0 - 43200.0
    days = last_day - first_day + 7
    samples = [_offset_at(zone_, start + k * 86400.0) for k in range(days)]
    instants: list[float] = []
    offsets = [samples[0]]
    for k in range(1, days):
        if samples[k] != samples[k - 1]:
            lo, hi = start + (k - 1) * 86400.0, start + k * 86400.0
            while hi - lo > 1.0:
                mid = (lo + hi) / 2.0
                if _offset_at(zone_, mid) == samples[k - 1]:
                    lo = mid
                else:
                    hi = mid
            instants.append(
                float(np.ceil(lo)) if _offset_at(zone_, np.ceil(lo)) != samples[k - 1] else hi
            )
            offsets.append(samples[k])
    return np.array(instants, dtype=float), np.array(offsets, dtype=float)


def utc_offsets(
    tz: str, unix: npt.NDArray[np.float64], first_day: int, last_day: int
) -> npt.NDArray[np.float64]:
    """UTC offset (seconds) of ``tz`` at each unix instant (NaN instants give any value)."""
    instants, offsets = transitions(tz, first_day, last_day)
    if instants.size == 0:
        return np.full(unix.shape, offsets[0])
    return offsets[np.searchsorted(instants, np.nan_to_num(unix), side="right")]


@lru_cache(maxsize=4096)
def fixed_offset(tz: str, first_day: int, last_day: int) -> float | None:
    """The zone's one UTC offset (seconds) between two J2000 day numbers, or None if it
    changes (DST) in that span."""
    instants, offsets = transitions(tz, first_day, last_day)
    return float(offsets[0]) if instants.size == 0 else None


@lru_cache(maxsize=65536)
def standard_offset_hours(tz: str, day: dt.date) -> float:
    """The zone's offset at noon UT on ``day``, hours (to pick the right solar day)."""
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=_UTC)
    return moment.astimezone(zone(tz)).utcoffset().total_seconds() / 3600.0  # type: ignore[union-attr]
