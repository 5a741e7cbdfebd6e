"""`nashra wire parse FILE`: the items of one wire file as a JSON list (a contract: the
keys are `nashra.engines.wire.CONTRACT_KEYS`, exactly)."""

from __future__ import annotations

import json
import sys

from nashra.engines.wire import WireError, parse_file
from nashra.kernel.errors import CommandError


def register(commands) -> None:
    wire = commands.add_parser("wire", help="wire desk: read agency files")
    actions = wire.add_subparsers(dest="wire_command", metavar="ACTION")
    actions.required = True
    parse = actions.add_parser(
        "parse", help="print the news items of one wire file as JSON (exit 2 if unreadable)"
    )
    parse.add_argument(
        "file", metavar="FILE", help="a NewsML-G2, NITF, NewsML 1.2, ninjs, RSS or Atom file"
    )
    parse.set_defaults(handler=run_parse)
    ingest = actions.add_parser("ingest", help="ingest every enabled wire source once, now")
    ingest.add_argument("--source", metavar="SLUG", help="only this source")
    ingest.set_defaults(handler=run_ingest)


def run_parse(args) -> int:
    print(parse_to_json(args.file), file=_utf8_stdout())
    return 0


def run_ingest(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django

    setup_django()
    ensure_database_reachable()
    from nashra.wire.ingest import ingest_all

    outcomes = ingest_all(args.source)
    if args.source and not outcomes:
        raise CommandError(f"no enabled wire source {args.source!r}")
    for slug, outcome in outcomes.items():
        print(f"{slug}: {outcome}")
    return 0


def parse_to_json(path: str) -> str:
    """The JSON the command prints; a file it cannot read is a one-line `CommandError`."""
    try:
        items = parse_file(path)
    except WireError as error:
        raise CommandError(" ".join(str(error).split())) from error
    return json.dumps([item.to_contract() for item in items], ensure_ascii=False, indent=2)


def _utf8_stdout():
    if (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    return sys.stdout
