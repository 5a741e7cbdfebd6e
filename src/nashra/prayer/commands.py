"""`nashra prayer ...`: timetables, today's times, places, methods, verify.

Pure engine calls; no Django needed.  Input is read by the API's parser
(:mod:`nashra.prayer.inputs`); every bad input becomes a CommandError with the parser's
message (one line, exit code 2).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from nashra.engines.prayer import crossval, exports, verify
from nashra.engines.prayer.calculator import compute_day, compute_timetable
from nashra.engines.prayer.errors import PlaceError, PrayerError
from nashra.engines.prayer.methods import all_methods
from nashra.engines.prayer.places import all_places, other_places
from nashra.engines.prayer.profiles import ASR_SCHOOLS, PRAYERS, Method
from nashra.kernel.errors import CommandError
from nashra.prayer.inputs import BadInput, Where, parse_date, parse_range, resolve


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
    schools = sub.add_parser("asr", help="list the juristic Asr settings (--asr)")
    schools.set_defaults(handler=_guard(list_asr_schools))

    ver = sub.add_parser(
        "verify", help="compare the engine with an official table (calibration CSV format)"
    )
    ver.add_argument("file", metavar="FILE.csv")
    ver.add_argument(
        "--method", help="use this method for every row instead of mapping the authority"
    )
    ver.add_argument(
        "--cv",
        choices=crossval.CV_MODES,
        help="out of sample: refit the method's seconds on the earlier half of each "
        "place's rows and check the later half (months), or leave each area out (areas)",
    )
    ver.set_defaults(handler=_guard(run_verify))


def _place_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--place", help="a place slug (see `nashra prayer places`)")
    parser.add_argument("--lat", type=str)
    parser.add_argument("--lon", type=str)
    parser.add_argument("--tz", help="IANA zone, e.g. Asia/Dubai")
    parser.add_argument("--elevation", type=str, help="metres (default 0)")
    parser.add_argument("--method", help="method id (default: the place's authority)")
    parser.add_argument(
        "--asr", metavar="|".join(ASR_SCHOOLS), help="juristic Asr (default: the method's)"
    )


def _guard(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    # The parser's BadInput and the engine's errors become one line and exit 2.
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (BadInput, PrayerError, PlaceError) as exc:
            raise CommandError(str(exc)) from None

    return run


def _where(args: argparse.Namespace) -> Where:
    # The API's parser and rules; with coordinates the CLI also wants --method (DESIGN.md).
    return resolve(
        args.place,
        args.lat,
        args.lon,
        args.tz,
        args.elevation,
        args.method,
        args.asr,
        method_required=True,
    )


def _label(method: Method) -> str:
    return method.id if method.asr_school == "shafii" else f"{method.id}, {method.asr_school} Asr"


def timetable(args: argparse.Namespace) -> int:
    where = _where(args)
    start, end = parse_range(args.start, args.end, where.place)
    table = compute_timetable([where.place], start, end, where.method)
    writer = {"csv": exports.to_csv, "json": exports.to_json, "ics": exports.to_ics}[args.format]
    sys.stdout.write(writer(table))
    return 0


def show_times(args: argparse.Namespace) -> int:
    where = _where(args)
    place = where.place
    date = parse_date(args.date, place)
    day = compute_day(place, date, where.method)
    name = place.name_en or f"{place.latitude:.4f}, {place.longitude:.4f}"
    arabic = f" ({place.name_ar})" if place.name_ar else ""
    print(f"{name}{arabic} — {date:%A %d %B %Y} — {_label(where.method)}")
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


def list_asr_schools(args: argparse.Namespace) -> int:
    for school, factor in ASR_SCHOOLS.items():
        default = "  (every method's default)" if factor == 1 else ""
        print(f"{school:14s} shadow = {factor} x the object + its noon shadow{default}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    rows = verify.read_rows(args.file)
    if not rows:
        raise CommandError(f"{args.file} has no rows")
    if args.cv:
        print(f"out of sample ({args.cv}): {CV_NOTES[args.cv]}")
        print(verify.report(crossval.cross_validate(rows, args.cv, args.method)))
        return 0
    print(verify.report(verify.compare(rows, args.method)))
    return 0


CV_NOTES = {
    "months": "seconds fitted on the earlier half of each place's dates, checked on the later",
    "areas": "each area checked with seconds fitted on the other areas (method-wide ones "
    "for its own; methods with one place are not listed)",
}
