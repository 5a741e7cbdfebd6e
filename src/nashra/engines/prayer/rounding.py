"""Rounding of computed times (seconds after local midnight) to the published minute.

Times are first snapped to the nearest whole second (so 12:00:00.0000001 is an exact
minute), then:

* ``nearest``: half a minute rounds up (hh:59:30 becomes the next hour, hh:59:29 stays);
* ``up``: any second past the minute rounds up (hh:mm:00 stays hh:mm);
* ``down``: seconds are dropped.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

ROUNDING_MODES = ("nearest", "up", "down")


def round_seconds(seconds: npt.ArrayLike, mode: str = "nearest") -> npt.NDArray[np.float64]:
    """Minutes after local midnight (float array, NaN kept) from seconds, per ``mode``."""
    s = np.round(np.asarray(seconds, dtype=float))
    if mode == "nearest":
        return np.floor((s + 30.0) / 60.0)
    if mode == "up":
        return np.ceil(s / 60.0)
    if mode == "down":
        return np.floor(s / 60.0)
    raise ValueError(f"unknown rounding mode {mode!r}; expected one of {ROUNDING_MODES}")


def format_minutes(minutes: float) -> str:
    """``HH:MM`` (24 h, wrapped past midnight) or ``""`` for NaN."""
    if minutes != minutes:  # NaN
        return ""
    m = int(minutes) % 1440
    return f"{m // 60:02d}:{m % 60:02d}"
