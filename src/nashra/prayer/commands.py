"""`nashra prayer ...`: timetables, today's times, places, methods, verify.

Pure engine calls; no Django needed.  Every bad input becomes a CommandError (one line,
exit code 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from nashra.engines.prayer import exports, verify
from nashra.engines.prayer.calculator import compute_day, compute_timetable
from nashra.engines.prayer.errors import PlaceError, PrayerError
from nashra.engines.prayer.places import Place, all_places, coordinates, get_place, other_places
from nashra.engines.prayer.profiles import PRAYERS, all_methods, get_method
from nashra.kernel.errors import CommandError

MAX_YEARS_DAYS = 3653


def register(subparsers: Any) -> None:
    """Add the ``prayer`` command group to the ``nashra`` parser."""
    prayer = subparsers.add_parser("prayer", help="prayer times (no Django needed)")
    sub = prayer.add_subparsers(
        dest="prayer_command", metavar="SUBCOMMAND", parser_class=type(prayer)
    )
    sub.required = True

    tt = sub.add_parser("timetable", help="a timetable as CSV, JSON or iCal")
    _place_args(tt)
    tt.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    tt.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    tt.add_argument("--format", choices=("csv", "json", "ics"), default="csv")
    tt.set_defaults(handler=_guard(timetable))

    times = sub.add_parser("times", help="one day's times, readable")
    _place_args(times)
    times.add_argument("--date", metavar="YYYY-MM-DD", help="default: today in the place's zone")
    times.set_defaults(handler=_guard(show_times))

    places = sub.add_parser("places", help="list place slugs")
    places.set_defaults(handler=_guard(list_places))
    methods = sub.add_parser("methods", help="list method ids")
    methods.set_defaults(handler=_guard(list_methods))

    ver = sub.add_parser(
        "verify", help="compare the engine with an official table (calibration CSV format)"
    )
    ver.add_argument("file", metavar="FILE.csv")
    ver.add_argument(
        "--method", help="use this method for every row instead of mapping the authority"
    )
    ver.set_defaults(handler=_guard(run_verify))


def _place_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--place", help="a place slug (see `nashra prayer places`)")
    parser.add_argument("--lat", type=str)
    parser.add_argument("--lon", type=str)
    parser.add_argument("--tz", help="IANA zone, e.g. Asia/Dubai")
    parser.add_argument("--elevation", type=str, default="0", help="metres")
    parser.add_argument("--method", help="method id (default: the place's authority)")


def _guard(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (PrayerError, PlaceError) as exc:
            raise CommandError(str(exc)) from None

    return run


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise CommandError(f"{what} {text!r} is not a valid date (YYYY-MM-DD)") from None


def _float(text: str | None, what: str) -> float:
    try:
        return float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CommandError(f"{what} {text!r} is not a number") from None


def _resolve(args: argparse.Namespace) -> tuple[Place, str]:
    if args.place:
        if any(v is not None for v in (args.lat, args.lon, args.tz)):
            raise CommandError("give either --place or --lat/--lon/--tz, not both")
        place = get_place(args.place)
    else:
        if args.lat is None or args.lon is None or args.tz is None:
            raise CommandError("give --place SLUG, or --lat, --lon, --tz and --method")
        if not args.method:
            raise CommandError(
                "--method is required with --lat/--lon/--tz (see `nashra prayer methods`)"
            )
        place = coordinates(
            _float(args.lat, "latitude"),
            _float(args.lon, "longitude"),
            args.tz,
            _float(args.elevation, "elevation"),
        )
    method = args.method or place.default_method or "mwl"
    get_method(method)
    return place, method


def timetable(args: argparse.Namespace) -> int:
    place, method = _resolve(args)
    start, end = _date(args.start, "--from"), _date(args.end, "--to")
    if start > end:
        raise CommandError(f"--from {start} is after --to {end}")
    if (end - start).days + 1 > MAX_YEARS_DAYS:
        raise CommandError("the range is longer than 10 years")
    table = compute_timetable([place], start, end, method)
    writer = {"csv": exports.to_csv, "json": exports.to_json, "ics": exports.to_ics}[args.format]
    sys.stdout.write(writer(table))
    return 0


def show_times(args: argparse.Namespace) -> int:
    place, method = _resolve(args)
    date = _date(args.date, "--date") if args.date else dt.datetime.now(place.zone).date()
    day = compute_day(place, date, method)
    name = place.name_en or f"{place.latitude:.4f}, {place.longitude:.4f}"
    arabic = f" ({place.name_ar})" if place.name_ar else ""
    print(f"{name}{arabic} — {date:%A %d %B %Y} — {method}")
    hhmm = day.hhmm()
    for prayer in PRAYERS:
        value = hhmm[prayer] or f"—  ({day.undefined.get(prayer, 'undefined')})"
        print(f"  {prayer.capitalize():8s} {value}")
    if day.jumuah is not None:
        print(f"  {'Jumuah':8s} {hhmm['jumuah']}")
    return 0


def list_places(args: argparse.Namespace) -> int:
    for place in (*all_places(), *other_places()):
        aliases = f"  (also: {', '.join(place.aliases)})" if place.aliases else ""
        print(f"{place.slug:22s} {place.name_en:30s} {place.name_ar}{aliases}")
    return 0


def list_methods(args: argparse.Namespace) -> int:
    for method in all_methods():
        print(f"{method.id:14s} {method.name}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    rows = verify.read_rows(args.file)
    if not rows:
        raise CommandError(f"{args.file} has no rows")
    print(verify.report(verify.compare(rows, args.method)))
    return 0
