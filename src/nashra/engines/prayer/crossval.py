"""Fit a method's free parameters on official rows and check them on rows left out.

The free parameters of a method are its constants in seconds: one per prayer (the
``offsets`` of its profile) and, for a method with area corrections (the UAE's), the
per-area seconds of the prayers in :data:`AREA_PRAYERS`.  Everything else (angles,
Asr rule, rounding, reference points, elevation) is a rule, not fitted.

Two ways of leaving rows out (:func:`cross_validate`):

* ``months``: for each place, fit on the earlier half of its dates (January to June for
  a year of rows) and check the later half;
* ``areas``: leave one area out: fit on every other area of the same method and check
  the area left out with the method-wide constants (its own area constants unknown).
  Methods with one place have nothing to leave out and are not reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from . import uae
from .calculator import _compute
from .methods import get_method
from .places import Place
from .profiles import PRAYERS, Method
from .rounding import round_seconds
from .verify import OfficialRow, Stat, method_for, place_for

#: Prayers whose seconds are fitted per area (the morning shift and the horizon); the
#: area's Shuruq is derived from them (``uae.offsets``); Dhuhr, Asr and Isha are
#: method-wide (see docs/prayer.md).
AREA_PRAYERS: tuple[str, ...] = ("fajr", "maghrib")
#: Offsets searched, seconds.
SPAN = 900

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Sample:
    """One official row with the engine's times before any constant is added."""

    key: tuple[str, str]
    method: str
    area: str | None
    date: dt.date
    raw: FloatArray  # seconds after local midnight, per prayer, no offsets
    published: FloatArray  # published minute after midnight, NaN where not published
    modes: tuple[str, ...]  # rounding mode per prayer


def _zeroed(method: Method) -> Method:
    return replace(
        method,
        profiles=tuple(replace(p, offsets={}, area_offsets={}) for p in method.profiles),
    )


def effective_method(method_id: str, place: Place, date: dt.date) -> str:
    """The method that really computes ``place`` (an area may be delegated: Dubai)."""
    profile = get_method(method_id).profile_for(date)
    if place.slug and place.slug in profile.area_method:
        return profile.area_method[place.slug]
    return method_id


def samples(rows: Iterable[OfficialRow], method: str | None = None) -> list[Sample]:
    """The rows with the engine's unadjusted seconds, one vectorised pass per place."""
    groups: dict[tuple[str, Place, tuple[str, str]], list[OfficialRow]] = {}
    for row in rows:
        place = place_for(row)
        mid = effective_method(method or method_for(row.authority), place, row.date)
        groups.setdefault((mid, place, (row.authority, row.city)), []).append(row)
    out: list[Sample] = []
    for (mid, place, key), group in groups.items():
        group.sort(key=lambda r: r.date)
        first, last = group[0].date, group[-1].date
        dates = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
        full = get_method(mid)
        seconds, _ = _compute([place], dates, _zeroed(full))
        for row in group:
            profile = full.profile_for(row.date)
            out.append(
                Sample(
                    key,
                    mid,
                    place.slug or None,
                    row.date,
                    seconds[0, (row.date - first).days],
                    np.array([row.minutes(p) for p in PRAYERS], dtype=float),
                    tuple(profile.rounding_for(p) for p in PRAYERS),
                )
            )
    return out


def fit_offset(raw: FloatArray, published: FloatArray, mode: str) -> int | None:
    """The whole second that makes the most rounded times equal the published minutes
    (the middle of the best run of equally good seconds); None without data."""
    ok = ~np.isnan(raw) & ~np.isnan(published)
    if not ok.any():
        return None
    # For a whole-second c, round(raw + c) = round(raw) + c: each row is matched by one
    # run of seconds, counted with a difference array over -SPAN..SPAN.
    first, last = _WINDOWS.get(mode, (-30, 29))
    target = published[ok] * 60.0 - np.round(raw[ok])
    lo = np.clip(target + first, -SPAN, SPAN + 1).astype(int) + SPAN
    hi = np.clip(target + last + 1, -SPAN, SPAN + 1).astype(int) + SPAN
    diff = np.zeros(2 * SPAN + 2, dtype=np.int64)
    np.add.at(diff, lo, 1)
    np.add.at(diff, hi, -1)
    hits = np.cumsum(diff)[:-1]
    best = np.flatnonzero(hits == hits.max())
    # the longest run of consecutive best seconds, and its middle
    runs = np.split(best, np.flatnonzero(np.diff(best) != 1) + 1)
    run = max(runs, key=len)
    return int(run[len(run) // 2]) - SPAN


#: Seconds after the published minute's start that round to it, per rounding mode.
_WINDOWS = {"nearest": (-30, 29), "up": (-59, 0), "down": (0, 59)}


Params = dict[tuple[str, str | None, str], int]


def fit(data: list[Sample], per_area: bool = True) -> Params:
    """Method-wide seconds per prayer, and per area for :data:`AREA_PRAYERS` of methods
    that correct by area (several areas in ``data``)."""
    params: Params = {}
    by_method: dict[str, list[Sample]] = {}
    for s in data:
        by_method.setdefault(s.method, []).append(s)
    for mid, group in by_method.items():
        for k, prayer in enumerate(PRAYERS):
            raw = np.array([s.raw[k] for s in group])
            pub = np.array([s.published[k] for s in group])
            c = fit_offset(raw, pub, group[0].modes[k])
            if c is not None:
                params[(mid, None, prayer)] = c
        areas = {s.area for s in group}
        if not per_area or len(areas) < 2 or not get_method(mid).profiles[-1].area_offsets:
            continue
        for area in areas:
            mine = [s for s in group if s.area == area]
            for prayer in AREA_PRAYERS:
                k = PRAYERS.index(prayer)
                c = fit_offset(
                    np.array([s.raw[k] for s in mine]),
                    np.array([s.published[k] for s in mine]),
                    mine[0].modes[k],
                )
                if c is not None:
                    params[(mid, area, prayer)] = c
            if (mid, area, "fajr") in params and (mid, area, "maghrib") in params:
                derived = uae.offsets(params[(mid, area, "fajr")], params[(mid, area, "maghrib")])
                params[(mid, area, "sunrise")] = derived["sunrise"]
    return params


def evaluate(
    data: Iterable[Sample], params: Mapping[tuple[str, str | None, str], int]
) -> dict[tuple[str, str], dict[str, Stat]]:
    """Per (authority, city) and prayer: rounded time with ``params`` minus published."""
    out: dict[tuple[str, str], dict[str, Stat]] = {}
    for s in data:
        stats = out.setdefault(s.key, {p: Stat() for p in PRAYERS})
        for k, prayer in enumerate(PRAYERS):
            if np.isnan(s.published[k]):
                continue
            c = params.get((s.method, s.area, prayer), params.get((s.method, None, prayer)))
            if c is None or np.isnan(s.raw[k]):
                stats[prayer].undefined += 1
                continue
            got = float(round_seconds(s.raw[k] + c, s.modes[k]))
            stats[prayer].deltas.append(int(got - s.published[k]))
    return out


CV_MODES = ("months", "areas")


def cross_validate(
    rows: Iterable[OfficialRow], mode: str, method: str | None = None
) -> dict[tuple[str, str], dict[str, Stat]]:
    """Out-of-sample comparison (see the module docstring for ``mode``)."""
    if mode not in CV_MODES:
        raise ValueError(f"unknown cross-validation mode {mode!r} (known: {', '.join(CV_MODES)})")
    data = samples(rows, method)
    if mode == "months":
        train: list[Sample] = []
        test: list[Sample] = []
        by_key: dict[tuple[str, str], list[Sample]] = {}
        for s in data:
            by_key.setdefault(s.key, []).append(s)
        for group in by_key.values():
            group.sort(key=lambda s: s.date)
            half = len(group) // 2
            train += group[:half]
            test += group[half:]
        return evaluate(test, fit(train))
    results: dict[tuple[str, str], dict[str, Stat]] = {}
    by_method: dict[str, list[Sample]] = {}
    for s in data:
        by_method.setdefault(s.method, []).append(s)
    for group in by_method.values():
        areas = list(dict.fromkeys(s.area for s in group))
        if len(areas) < 2:
            continue
        for area in areas:
            params = fit([s for s in group if s.area != area])
            results.update(evaluate([s for s in group if s.area == area], params))
    return results
