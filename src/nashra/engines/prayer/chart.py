"""A year of prayer times as SVG path data: pure, no Django, no JavaScript.

x runs over the days of the timetable, y over the hours of the local day (midnight at
the top).  Undefined times break the line rather than drawing to zero.  For a
right-to-left reader (``rtl=True``) the chart is mirrored: days run right to left and the
hour labels stand on the right, where the eye starts.  All positions are physical, so a
page draws the SVG with ``direction: ltr`` whatever its own direction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .calculator import Timetable
from .profiles import PRAYERS


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    #: prayer -> SVG path data ("M x y L x y ...").
    paths: dict[str, str]
    #: (y, "HH:00") for the hour grid.
    hours: list[tuple[float, str]]
    #: (x, month index 1..12) at the first day of each month in the table.
    months: list[tuple[float, int]]
    #: Days run right to left.
    rtl: bool = False

    @property
    def grid_x(self) -> tuple[int, int]:
        """Where the hour grid lines start and end."""
        return (0, self.width - self.left) if self.rtl else (self.left, self.width)

    @property
    def hour_label_x(self) -> int:
        """The x the hour labels are anchored at, beside the plot's starting edge."""
        return self.width - self.left + 6 if self.rtl else self.left - 6

    @property
    def hour_label_anchor(self) -> str:
        return "start" if self.rtl else "end"

    @property
    def month_label_anchor(self) -> str:
        """A month's label runs from its first day into the month."""
        return "end" if self.rtl else "start"


def year_chart(
    table: Timetable,
    p: int = 0,
    *,
    width: int = 720,
    height: int = 360,
    margin: tuple[int, int, int, int] = (16, 16, 32, 52),
    rtl: bool = False,
) -> Chart:
    """Path data for the six times of place ``p``; ``margin`` is top, right, bottom, left
    as drawn left to right (mirrored when ``rtl``)."""
    top, right, bottom, left = margin
    plot_w, plot_h = width - left - right, height - top - bottom
    minutes = table.minutes[p]
    n = len(table.dates)
    finite = minutes[~np.isnan(minutes)]
    lo = math.floor(float(finite.min()) / 60) if finite.size else 0
    hi = math.ceil(float(finite.max()) / 60) if finite.size else 24
    lo, hi = max(0, lo), min(24, max(hi, lo + 1))

    def x(d: int) -> float:
        along = plot_w * d / (n - 1) if n > 1 else plot_w / 2
        return width - left - along if rtl else left + along

    def y(minute: float) -> float:
        return top + plot_h * (minute / 60 - lo) / (hi - lo)

    paths = {}
    for k, prayer in enumerate(PRAYERS):
        parts, pen_down = [], False
        for d in range(n):
            m = float(minutes[d, k])
            if math.isnan(m):
                pen_down = False
                continue
            parts.append(f"{'L' if pen_down else 'M'}{x(d):.1f} {y(m):.1f}")
            pen_down = True
        paths[prayer] = " ".join(parts)
    hours = [(round(y(h * 60), 1), f"{h:02d}:00") for h in range(lo, hi + 1)]
    months = [(round(x(d), 1), date.month) for d, date in enumerate(table.dates) if date.day == 1]
    return Chart(width, height, left, top, plot_w, plot_h, paths, hours, months, rtl)
