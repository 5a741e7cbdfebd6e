"""Solar maths: float/numpy in, float/numpy out (no dates, no zones).

Time is measured in *days since J2000.0 UT* (2000-01-01 12:00 UT), so the integer
``n`` is the UT noon of the civil date ``2000-01-01 + n days`` and ``n - 0.5`` its
UT midnight.

The solar position is Meeus, *Astronomical Algorithms* ch. 25 (the "low accuracy"
series) with the four main nutation terms of ch. 22, aberration, Meeus 12.4 sidereal
time and a polynomial Delta-T (Espenak & Meeus).  Against the JPL DE421 ephemeris
(skyfield) this gives event times within a couple of seconds at ordinary latitudes;
``tests/engines/prayer/test_astronomy.py`` holds it to 5 s.

For speed a whole timetable shares one hourly table of declination and of the
Greenwich hour angle's slow part; events are then found by a few vectorised Newton
steps on the hour angle.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

DEG = np.pi / 180.0
#: Standard altitude of the sun's upper limb at sunrise/sunset: refraction 34' plus
#: semi-diameter 16'.
SUNRISE_ALTITUDE = -50.0 / 60.0
#: Equatorial horizontal parallax of the sun, degrees.
SOLAR_PARALLAX = 8.794 / 3600.0
#: Dip of the horizon per sqrt(metre) of observer height, degrees (0.0347 sqrt(h)).
DIP_PER_SQRT_METRE = 0.0347
#: Earth's mean rotation relative to the sun, degrees per day.
SOLAR_RATE = 360.0


def delta_t_seconds(year: FloatArray | float) -> FloatArray:
    """TT - UT in seconds (Espenak & Meeus polynomials, 1986-2150, clamped outside)."""
    y = np.asarray(year, dtype=float)
    t = y - 2000.0
    before = 63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3 + 0.000651814 * t**4
    mid = 62.92 + 0.32217 * t + 0.005589 * t**2
    u = (y - 1820.0) / 100.0
    late = -20.0 + 32.0 * u**2 - 0.5628 * (2150.0 - y)
    far = -20.0 + 32.0 * u**2
    return np.select([y < 2005.0, y < 2050.0, y < 2150.0], [before, mid, late], default=far).astype(
        float
    )


def solar_coordinates(t_ut: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Apparent declination and the slow part of the Greenwich hour angle.

    Returns ``(declination_deg, g_deg)`` where the Greenwich hour angle of the sun at
    ``t_ut`` is ``360 * t_ut + g`` degrees (``g`` is minus the equation of time, in
    degrees, give or take 180 deg of convention: it stays within a few degrees of 0).
    """
    t_ut = np.asarray(t_ut, dtype=float)
    year = 2000.0 + t_ut / 365.25
    t_tt = t_ut + delta_t_seconds(year) / 86400.0
    T = t_tt / 36525.0
    L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T
    M = (357.52911 + 35999.05029 * T - 0.0001537 * T * T) * DEG
    C = (
        (1.914602 - 0.004817 * T - 0.000014 * T * T) * np.sin(M)
        + (0.019993 - 0.000101 * T) * np.sin(2 * M)
        + 0.000289 * np.sin(3 * M)
    )
    e = 0.016708634 - 0.000042037 * T - 0.0000001267 * T * T
    nu = M + C * DEG
    R = 1.000001018 * (1 - e * e) / (1 + e * np.cos(nu))
    true_long = L0 + C
    omega = (125.04452 - 1934.136261 * T) * DEG
    Ls = (280.4665 + 36000.7698 * T) * DEG
    Lm = (218.3165 + 481267.8813 * T) * DEG
    dpsi = (
        -17.20 * np.sin(omega)
        - 1.32 * np.sin(2 * Ls)
        - 0.23 * np.sin(2 * Lm)
        + 0.21 * np.sin(2 * omega)
    ) / 3600.0
    deps = (
        9.20 * np.cos(omega)
        + 0.57 * np.cos(2 * Ls)
        + 0.10 * np.cos(2 * Lm)
        - 0.09 * np.cos(2 * omega)
    ) / 3600.0
    eps0 = 23.0 + (26.0 + (21.448 - 46.8150 * T - 0.00059 * T * T + 0.001813 * T**3) / 60.0) / 60.0
    eps = (eps0 + deps) * DEG
    lam = (true_long + dpsi - 20.4898 / 3600.0 / R) * DEG
    alpha = np.arctan2(np.cos(eps) * np.sin(lam), np.cos(lam)) / DEG
    delta = np.arcsin(np.sin(eps) * np.sin(lam)) / DEG
    Tu = t_ut / 36525.0
    # GMST minus 360 deg per day, kept small before adding to avoid losing precision.
    gmst_slow = 280.46061837 + 0.98564736629 * t_ut + 0.000387933 * Tu * Tu - Tu**3 / 38710000.0
    gast_slow = gmst_slow + dpsi * np.cos(eps)
    g = (gast_slow - alpha + 180.0) % 360.0 - 180.0
    return delta, g


class SunTable:
    """Hourly table of solar coordinates over a span, linearly interpolated.

    Interpolating declination and ``g`` on an hourly grid errs by < 1e-5 deg, far
    below the series' own accuracy, and lets thousands of places share the work.
    """

    STEP = 1.0 / 24.0

    def __init__(self, t_first: float, t_last: float) -> None:
        self.t0 = float(np.floor(t_first)) - 2.0
        n = int(np.ceil((t_last + 2.0 - self.t0) / self.STEP)) + 1
        self.grid = self.t0 + np.arange(n, dtype=np.float64) * self.STEP
        self.dec, g = solar_coordinates(self.grid)
        self.g = np.unwrap(g, period=360.0)
        # Sines and cosines tabulated too, so events need no trig on the declination.
        self.sd, self.cd = np.sin(self.dec * DEG), np.cos(self.dec * DEG)

    def at(self, t: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Declination and ``g`` (degrees) at UT days ``t``."""
        x = (t - self.t0) / self.STEP
        i = np.clip(x.astype(np.int64), 0, self.grid.size - 2)
        f = x - i
        dec = self.dec[i] + (self.dec[i + 1] - self.dec[i]) * f
        g = self.g[i] + (self.g[i + 1] - self.g[i]) * f
        return dec, g

    def g_at(self, t: FloatArray) -> FloatArray:
        """``g`` (degrees) at UT days ``t``."""
        return self.at(t)[1]

    def sincos_at(self, t: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """sin and cos of the declination, and ``g``, at UT days ``t`` (NaN stays NaN)."""
        x = (t - self.t0) * 24.0
        x = np.where(np.isnan(x), 0.0, x)  # no NaN -> int cast below (the time stays NaN)
        i = np.clip(x.astype(np.int64), 0, self.grid.size - 2)
        f = x - i
        sd0, cd0, g0 = self.sd[i], self.cd[i], self.g[i]
        return (
            sd0 + (self.sd[i + 1] - sd0) * f,
            cd0 + (self.cd[i + 1] - cd0) * f,
            g0 + (self.g[i + 1] - g0) * f,
        )


class DailySun:
    """Per-day quadratic of the sun's coordinates around each day's noon UT.

    For a timetable of places x days, ``t`` has shape (places, days) and the
    coefficients shape (days,): evaluation is pure broadcasting arithmetic, no
    gathers.  Fitted through noon of the day before, the day and the day after; the
    cubic remainder is < 1e-4 deg within +-1.5 days (well under 0.1 s of time).
    """

    def __init__(self, days: FloatArray) -> None:
        self.n = np.asarray(days, dtype=float)
        pts = np.concatenate([self.n - 1.0, self.n, self.n + 1.0])
        dec, g = solar_coordinates(pts)
        k = self.n.size
        g = np.unwrap(g.reshape(3, k), period=360.0, axis=0)
        sd, cd = np.sin(dec * DEG).reshape(3, k), np.cos(dec * DEG).reshape(3, k)
        dec = dec.reshape(3, k)
        self._coef: dict[str, tuple[FloatArray, FloatArray, FloatArray]] = {}
        for name, f in (("dec", dec), ("sd", sd), ("cd", cd), ("g", g)):
            self._coef[name] = (f[1], (f[2] - f[0]) / 2.0, (f[2] + f[0]) / 2.0 - f[1])
        # sin, cos of the declination and g stacked: one evaluation serves all three
        # (four numpy calls instead of twelve; it matters for a single place-day).
        self._sincos = tuple(
            np.stack([self._coef[name][j] for name in ("sd", "cd", "g")]) for j in range(3)
        )

    def _eval(self, name: str, x: FloatArray) -> FloatArray:
        a, b, c = self._coef[name]
        # a + x * (b + x * c), in place: the same arithmetic without three temporaries.
        out: FloatArray = x * c
        out += b
        out *= x
        out += a
        return out

    def at(self, t: FloatArray) -> tuple[FloatArray, FloatArray]:
        x = t - self.n
        return self._eval("dec", x), self._eval("g", x)

    def sincos_at(self, t: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        x = t - self.n
        a, b, c = self._sincos
        out = x[None] * c.reshape((3,) + (1,) * (x.ndim - 1) + c.shape[1:])
        out += b.reshape(out.shape[:1] + (1,) * (x.ndim - 1) + b.shape[1:])
        out *= x[None]
        out += a.reshape(out.shape[:1] + (1,) * (x.ndim - 1) + a.shape[1:])
        return out[0], out[1], out[2]

    def g_at(self, t: FloatArray) -> FloatArray:
        return self._eval("g", t - self.n)


def _wrap180(x: FloatArray) -> FloatArray:
    # x - 360 k is exact, like fmod, but numpy's remainder is ~15x slower than rint on
    # these large angles (360 deg per day since 2000); the results are the same except
    # exactly at +-180 deg, which a Newton step never sits on.
    return x - 360.0 * np.rint(x * (1.0 / 360.0))


def transit(
    table: SunTable | DailySun, noon: FloatArray, lon: FloatArray, iterations: int = 2
) -> FloatArray:
    """UT (days since J2000) of the sun's upper transit nearest ``noon - lon/360``."""
    t = noon - lon / 360.0
    for _ in range(iterations):
        g = table.g_at(t)
        h = _wrap180(360.0 * t + g + lon)
        t = t - h / SOLAR_RATE
    return t


def hour_angle(altitude: FloatArray, lat: FloatArray, dec: FloatArray) -> FloatArray:
    """Hour angle (deg, >= 0) at which the sun has ``altitude``; NaN if never reached."""
    sl, cl = np.sin(lat * DEG), np.cos(lat * DEG)
    sd, cd = np.sin(dec * DEG), np.cos(dec * DEG)
    with np.errstate(invalid="ignore", divide="ignore"):
        c = (np.sin(altitude * DEG) - sl * sd) / (cl * cd)
        return np.arccos(np.where(np.abs(c) <= 1.0, c, np.nan)) / DEG


def geocentric_altitude(topocentric: FloatArray) -> FloatArray:
    """Geocentric altitude for a wanted topocentric one (removes solar parallax)."""
    return topocentric + SOLAR_PARALLAX * np.cos(topocentric * DEG)


def asr_altitude(lat: FloatArray, dec: FloatArray, factor: FloatArray) -> FloatArray:
    """Altitude (deg) at which a gnomon's shadow is ``factor`` + its noon shadow."""
    return np.arctan(1.0 / (factor + np.tan(np.abs(lat - dec) * DEG))) / DEG


def asr_sin_altitude(lat: FloatArray, dec: FloatArray, factor: FloatArray) -> FloatArray:
    """``sin(geocentric_altitude(asr_altitude(...)))`` without the inverse trig.

    The Asr altitude h has cot h = factor + tan|lat - dec|, so sin h = 1/sqrt(1 + cot^2 h)
    and cos h = cot h sin h; removing the solar parallax p adds p cos^2 h to the sine
    (to first order: the next term is below 1e-9).
    """
    cot = factor + np.tan(np.abs(lat - dec) * DEG)
    sin_h = 1.0 / np.sqrt(1.0 + cot * cot)
    cos_h = cot * sin_h
    return sin_h + (SOLAR_PARALLAX * DEG) * cos_h * cos_h


def event(
    table: SunTable | DailySun,
    t_transit: FloatArray,
    lat: FloatArray,
    lon: FloatArray,
    altitude: FloatArray,
    side: float | FloatArray,
    iterations: int = 2,
    asr_factor: FloatArray | None = None,
    sincos_lat: tuple[FloatArray, FloatArray] | None = None,
    sincos_transit: tuple[FloatArray, FloatArray] | None = None,
    sin_altitude: FloatArray | None = None,
) -> FloatArray:
    """UT (days since J2000) when the sun's topocentric altitude equals ``altitude``.

    ``side`` is -1 for the morning event, +1 for the evening one (an array of sides,
    with ``sin_altitude`` stacked the same way, solves several events at once).  When
    ``asr_factor`` is given, ``altitude`` is ignored and the Asr altitude is
    recomputed from the declination at each step (the "instant" convention).
    Returns NaN where the sun never reaches the altitude that day.  Newton steps on
    the hour angle from the noon estimate; two steps converge well below a second.
    ``sincos_lat`` and ``sincos_transit`` (sine and cosine of the latitude and of the
    declination at transit) may be passed in when several events share them;
    ``sin_altitude`` replaces ``altitude`` by the sine of its geocentric value.
    """
    sl, cl = sincos_lat if sincos_lat is not None else (np.sin(lat * DEG), np.cos(lat * DEG))
    if sincos_transit is not None:
        sd, cd = sincos_transit
    else:
        sd, cd, _ = table.sincos_at(t_transit)
    if sin_altitude is not None:
        sin_alt = sin_altitude
    elif asr_factor is None:
        sin_alt = np.sin(geocentric_altitude(altitude) * DEG)
    else:
        dec = np.arctan2(sd, cd) / DEG
        sin_alt = np.sin(asr_altitude(lat, dec, asr_factor) * DEG)
    # arccos is NaN where |c| > 1 (the altitude is never reached), and a NaN time
    # stays NaN through the Newton steps: no masks needed.
    with np.errstate(invalid="ignore", divide="ignore"):
        c = (sin_alt - sl * sd) / (cl * cd)
        t: FloatArray = t_transit + side * np.arccos(c) / (DEG * SOLAR_RATE)
        for _ in range(iterations):
            sd, cd, g = table.sincos_at(t)
            if asr_factor is not None:
                sin_alt = np.sin(asr_altitude(lat, np.arctan2(sd, cd) / DEG, asr_factor) * DEG)
            c = (sin_alt - sl * sd) / (cl * cd)
            h_req = np.arccos(c) / DEG
            h_now = _wrap180(360.0 * t + g + lon)
            t = t + (side * h_req - h_now) / SOLAR_RATE
    return t


def horizon_dip(elevation_m: FloatArray | float) -> FloatArray:
    """Dip of the sea horizon (deg) for an observer ``elevation_m`` metres up."""
    return DIP_PER_SQRT_METRE * np.sqrt(np.maximum(np.asarray(elevation_m, dtype=np.float64), 0.0))
