"""Official-table overrides: a publisher imports an authority's own table.

The file is in the calibration CSV format (see verify.py).  Each row becomes an entry
for its place (a UAE area matched by reference point, else the coordinates) and date;
``perpetual=True`` keys rows by month-day so a table that repeats every year (Dubai's)
applies to any year.  Published minutes replace the computed ones where present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .places import Place
from .profiles import PRAYERS
from .verify import OfficialRow, parse_rows, place_for


def place_key(place: Place) -> str:
    """The key an override uses for a place: its slug, else rounded coordinates."""
    return place.slug or f"{place.latitude:.4f},{place.longitude:.4f}"


@dataclass
class OfficialTable:
    """Published minutes by (place key, date) or, if perpetual, (place key, month, day)."""

    perpetual: bool = False
    entries: dict[tuple[str, object], dict[str, int]] = field(default_factory=dict)
    #: Places published from another place's table (Dubai Rural and Hatta: Dubai's).
    shared: dict[str, str] = field(
        default_factory=lambda: {"dubai-rural": "dubai", "hatta": "dubai"}
    )

    @classmethod
    def from_rows(cls, rows: list[OfficialRow], *, perpetual: bool = False) -> OfficialTable:
        table = cls(perpetual=perpetual)
        for row in rows:
            key = place_key(place_for(row))
            when: object = (row.date.month, row.date.day) if perpetual else row.date
            minutes = {p: int(row.minutes(p)) for p in PRAYERS if not np.isnan(row.minutes(p))}
            table.entries.setdefault((key, when), {}).update(minutes)
        return table

    @classmethod
    def from_csv(cls, path: str | Path, *, perpetual: bool = False) -> OfficialTable:
        """Import a calibration-format CSV (raises OverrideFormatError if malformed)."""
        return cls.from_rows(
            parse_rows(Path(path).read_text(encoding="utf-8")), perpetual=perpetual
        )

    def lookup(self, place: Place, date: dt.date) -> dict[str, int] | None:
        """Published minutes of ``place`` on ``date``, or None."""
        when: object = (date.month, date.day) if self.perpetual else date
        key = place_key(place)
        found = self.entries.get((key, when))
        if found is None and key in self.shared:
            found = self.entries.get((self.shared[key], when))
        return found

    def apply(
        self,
        places: list[Place],
        dates: list[dt.date],
        minutes: npt.NDArray[np.float64],
        codes: npt.NDArray[np.int8],
    ) -> None:
        """Overwrite ``minutes[p, d, k]`` with the published minute where there is one."""
        for p, place in enumerate(places):
            for d, date in enumerate(dates):
                published = self.lookup(place, date)
                if not published:
                    continue
                for k, prayer in enumerate(PRAYERS):
                    if prayer in published:
                        minutes[p, d, k] = published[prayer]
                        codes[p, d, k] = 0
