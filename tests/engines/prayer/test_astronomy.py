"""Event times against JPL DE421 (skyfield + skyfield-data, no downloads): within 5 s.

Reference: skyfield's apparent topocentric altitude of the sun for a WGS84 observer;
each event is the root of altitude(t) = target found by the secant method from our
estimate.  Transit: skyfield's apparent local hour angle at our transit instant.
"""

import warnings

import numpy as np
import pytest

from nashra.engines.prayer import astronomy as A

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from skyfield.api import Loader, wgs84
    from skyfield_data import get_skyfield_data_path

    _load = Loader(get_skyfield_data_path())
    TS = _load.timescale(builtin=True)
    EPH = _load("de421.bsp")
SUN, EARTH = EPH["sun"], EPH["earth"]
TOLERANCE_S = 5.0


def _t(days):
    return TS.ut1_jd(2451545.0 + np.atleast_1d(np.asarray(days, dtype=float)))


def _alt(obs, days):
    alt, _, _ = obs.at(_t(days)).observe(SUN).apparent().altaz()
    return alt.degrees


def _root(obs, t, target):
    ts = np.array([t - 1 / 1440, t + 1 / 1440])
    f = _alt(obs, ts) - target
    for _ in range(5):
        if f[1] == f[0]:
            break
        tn = ts[1] - f[1] * (ts[1] - ts[0]) / (f[1] - f[0])
        ts, f = np.array([ts[1], tn]), np.array([f[1], _alt(obs, [tn])[0] - target])
    return ts[1]


def _cases(n=60, seed=2024):
    rng = np.random.default_rng(seed)
    lats = np.concatenate([rng.uniform(-60, 60, n - 6), [0.0, 25.1, 45.0, -45.0, 60.0, 64.0]])
    lons = rng.uniform(-180, 180, n)
    days = rng.integers(-3650, 11000, n)  # 1990..2030
    return list(zip(lats, lons, days, strict=True))


@pytest.mark.parametrize("lat,lon,n", _cases())
def test_events_match_de421_within_five_seconds(lat, lon, n):
    obs = EARTH + wgs84.latlon(lat, lon)
    table = A.SunTable(n - 1, n + 1)
    la, lo = np.array([lat]), np.array([lon])
    tr = A.transit(table, np.array([float(n)]), lo)
    hour_angle_s = float(obs.at(_t(tr)).observe(SUN).apparent().hadec()[0].hours[0]) * 3600
    assert abs(hour_angle_s) < TOLERANCE_S
    dec, _ = table.at(tr)
    checks = [
        (A.SUNRISE_ALTITUDE, -1),
        (A.SUNRISE_ALTITUDE, 1),
        (-18.0, -1),
        (-18.0, 1),
        (-15.0, 1),
    ]
    for target, side in checks:
        t = A.event(table, tr, la, lo, np.array([target]), side)[0]
        if np.isnan(t):
            continue
        assert abs(t - _root(obs, t, target)) * 86400 < TOLERANCE_S, (target, side)
    for factor in (1.0, 2.0):  # Asr: altitude from the declination at transit
        target = float(A.asr_altitude(la, dec, np.array([factor]))[0])
        t = A.event(table, tr, la, lo, np.array([target]), 1)[0]
        assert abs(t - _root(obs, t, target)) * 86400 < TOLERANCE_S
