"""Benchmark (not a test): Nashra's vectorised timetables vs adhanpy on the same work.

    PYTHONPATH=src python bench/prayer.py

Prints day-timetables per second (one place x one day = six times) for:
one year for all 60 UAE areas, one year for 1,000 places around the world, and the
ratio to adhanpy; then the latency of one place-day single call (warm: its place-month
already computed; cold: the first call for a place-month).  Times are process CPU time,
best of ``REPEATS`` runs for both engines, so other load on the machine does not skew
the ratio.
"""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import numpy as np

from nashra.engines.prayer import calculator, compute_day, compute_timetable, coordinates
from nashra.engines.prayer.places import uae_areas

REPEATS = 3
clock = time.process_time

ZONES = [
    "Europe/London",
    "America/New_York",
    "Asia/Dubai",
    "Asia/Jakarta",
    "Africa/Cairo",
    "Europe/Istanbul",
    "America/Toronto",
    "Asia/Karachi",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Asia/Tokyo",
    "UTC",
]


def world(n: int = 1000):
    rng = np.random.default_rng(7)
    out = []
    for _ in range(n):
        lat, lon = float(rng.uniform(-58, 58)), float(rng.uniform(-180, 180))
        out.append(coordinates(lat, lon, ZONES[int(rng.integers(len(ZONES)))]))
    return out


def nashra_rate(places, method: str, start: dt.date, end: dt.date) -> float:
    compute_timetable(places[:2], start, start, method)  # warm caches/imports
    best = float("inf")
    for _ in range(REPEATS):
        t0 = clock()
        table = compute_timetable(places, start, end, method)
        best = min(best, clock() - t0)
    return table.minutes.shape[0] * table.minutes.shape[1] / best


def adhan_rate(places, start: dt.date, days: int, sample: int) -> float:
    from adhanpy.calculation.CalculationMethod import CalculationMethod
    from adhanpy.PrayerTimes import PrayerTimes

    best = float("inf")
    for _ in range(REPEATS):
        t0 = clock()
        for i in range(sample):
            place = places[i % len(places)]
            day = start + dt.timedelta(days=(i * 7) % days)
            PrayerTimes(
                (place.latitude, place.longitude),
                dt.datetime(day.year, day.month, day.day),
                CalculationMethod.MUSLIM_WORLD_LEAGUE,
                time_zone=ZoneInfo(place.tz),
            )
        best = min(best, clock() - t0)
    return sample / best


def main() -> None:
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    uae = list(uae_areas())
    globe = world()
    a_uae = adhan_rate(uae, start, 365, 5000)
    n_uae = nashra_rate(uae, "uae", start, end)
    print(
        f"UAE, 60 areas x 365 days: nashra {n_uae:,.0f} day-timetables/s, "
        f"adhanpy {a_uae:,.0f}/s, ratio {n_uae / a_uae:,.0f}x"
    )
    a_w = adhan_rate(globe, start, 365, 5000)
    n_w = nashra_rate(globe, "mwl", start, end)
    print(
        f"World, 1000 places x 365 days: nashra {n_w:,.0f} day-timetables/s, "
        f"adhanpy {a_w:,.0f}/s, ratio {n_w / a_w:,.0f}x"
    )
    compute_day("dubai", start)
    reps = 300
    t0 = clock()
    for i in range(reps):
        compute_day("dubai", start + dt.timedelta(days=i))
    per = (clock() - t0) / reps
    print(f"single place-day compute_day('dubai', date), 300 successive days: {per * 1e3:.3f} ms")
    t0 = clock()
    for i in range(reps):
        calculator._MONTHS.clear()  # the first request for a place-month
        compute_day("dubai", start + dt.timedelta(days=i))
    per = (clock() - t0) / reps
    print(f"single place-day, cold (place-month not yet computed): {per * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
