"""Make a benchmark database: the demo newsroom plus N generated articles.

    python bench/make_db.py --articles 100000          # var/bench-100000.sqlite3
    python bench/make_db.py --articles 100000 --database-url postgresql://USER@HOST:PORT/NAME

Migrates the database at --database-url (never $DATABASE_URL, so a bench run cannot fill a
real newsroom), loads the demo content and writes generated articles in bulk until the
database holds N of them. Running it again adds only what is missing. Bad arguments exit
with code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402


class BadArguments(Exception):
    """Printed as one line; exit code 2."""


class OneLineArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise BadArguments(message)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(prog="bench/make_db.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=harness.BIG, help="bench articles wanted (default 100000)"
    )
    parser.add_argument(
        "--database-url",
        help="sqlite:///PATH or postgresql://USER@HOST:PORT/NAME (default var/bench-N.sqlite3)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the same seed writes the same articles"
    )
    parser.add_argument("--batch-size", type=int, default=2000)
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if args.articles < 0:
        raise BadArguments("--articles must be 0 or more")
    if args.batch_size < 1:
        raise BadArguments("--batch-size must be at least 1")
    return args


def make_database(args: argparse.Namespace) -> int:
    os.environ["DATABASE_URL"] = args.database_url or harness.default_url(args.articles)
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django

    setup_django()
    ensure_database_reachable()
    from django.core.management import call_command

    from bench.benchdb.build import BenchRefused, build_bench_newsroom

    print(f"Bench database: {os.environ['DATABASE_URL']}", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    try:
        report = build_bench_newsroom(
            args.articles,
            seed=args.seed,
            batch_size=args.batch_size,
            progress=lambda line: print(line, flush=True),
        )
    except BenchRefused as refusal:
        raise BadArguments(str(refusal)) from None
    print(report.summary())
    return 0 if not any(report.problems.values()) else 1


def main(argv: Sequence[str] | None = None) -> int:
    from nashra.kernel.errors import CommandError  # a bad setting or an unreachable database

    try:
        return make_database(parse_args(argv))
    except (BadArguments, CommandError) as error:
        print(f"make_db.py: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
