"""Checks every report passes before anyone sees it. A failure is a provider failure."""

from __future__ import annotations

from datetime import date

from ..places import Place
from .errors import ReportRejected
from .report import Report

MIN_SANE_C = -60.0
MAX_SANE_C = 60.0


def validate(report: Report, place: Place, today: date) -> Report:
    """Return ``report`` unchanged or raise :class:`ReportRejected`.

    Rules: the report is for ``place`` and for ``today`` (the place's local date); the
    zone the provider used, when it says one, is the place's zone; temperatures lie in
    [-60, 60] °C and min <= max.
    """
    who = report.provider
    if report.place != place.slug:
        raise ReportRejected(f"{who}: report for {report.place!r}, expected {place.slug!r}")
    if report.date != today:
        raise ReportRejected(f"{who}: report for {report.date}, expected today {today}")
    if report.zone is not None and report.zone != place.tz:
        raise ReportRejected(f"{who}: forecast in zone {report.zone!r}, expected {place.tz!r}")
    for label, value in (("max", report.max_c), ("min", report.min_c)):
        if value is not None and not MIN_SANE_C <= value <= MAX_SANE_C:
            raise ReportRejected(f"{who}: {label} temperature {value} °C is not plausible")
    if report.min_c is not None and report.min_c > report.max_c:
        raise ReportRejected(f"{who}: min {report.min_c} °C above max {report.max_c} °C")
    return report
