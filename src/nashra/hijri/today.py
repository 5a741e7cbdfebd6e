"""Today's Hijri date in Dubai, for the header and the API."""

from __future__ import annotations

from datetime import date

from nashra.engines.hijri import HijriDate, hijri_date
from nashra.hijri.models import HijriMonthOffset
from nashra.kernel.clock import dubai_today


def month_offsets() -> dict[tuple[int, int], int]:
    """The editors' offsets, as the engine wants them (a table of a few rows)."""
    return {
        (year, month): offset
        for year, month, offset in HijriMonthOffset.objects.values_list("year", "month", "offset")
    }


def observed_hijri_date(day: date | None = None) -> HijriDate | None:
    """The UAE's Hijri date for ``day`` (default: today in Dubai); None outside the range."""
    try:
        return hijri_date(day or dubai_today(), month_offsets())
    except ValueError:  # an out-of-range offset slipped past validation: show nothing
        return None
