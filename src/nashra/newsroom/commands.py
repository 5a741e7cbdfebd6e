"""`nashra revisions ...` and `nashra bench-db`: thin wrappers over the newsroom modules."""

from __future__ import annotations

import os


def register(commands) -> None:
    revisions = commands.add_parser("revisions", help="manage page revisions")
    sub = revisions.add_subparsers(dest="revisions_command", metavar="ACTION")
    sub.required = True
    purge = sub.add_parser("purge", help="delete revisions that are not live, scheduled or latest")
    purge.add_argument("--batch-size", type=int, default=1000)
    purge.add_argument("--dry-run", action="store_true")
    purge.set_defaults(handler=run_purge)

    bench = commands.add_parser(
        "bench-db",
        help="make a benchmark database: the demo newsroom plus N generated articles",
        description=(
            "Migrate the database at --database-url (never $DATABASE_URL, so a bench run cannot "
            "fill a real newsroom), load the demo content and write generated articles in bulk "
            "until the database holds N of them. Running it again adds only what is missing."
        ),
    )
    bench.add_argument(
        "--articles", type=int, default=100_000, help="bench articles wanted (default 100000)"
    )
    bench.add_argument(
        "--database-url",
        help="sqlite:///PATH or postgresql://USER@HOST:PORT/NAME (default var/bench-N.sqlite3)",
    )
    bench.add_argument("--seed", type=int, default=0, help="the same seed writes the same articles")
    bench.add_argument("--batch-size", type=int, default=2000)
    bench.set_defaults(handler=run_bench_db)


def run_purge(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django
    from nashra.kernel.errors import CommandError

    if args.batch_size < 1:
        raise CommandError("--batch-size must be at least 1")
    setup_django()
    ensure_database_reachable()
    from nashra.newsroom.revisions import purge_revisions

    count = purge_revisions(batch_size=args.batch_size, dry_run=args.dry_run)
    print(f"{'would delete' if args.dry_run else 'deleted'} {count} revisions")
    return 0


def bench_database_url(url: str | None, articles: int) -> str:
    if url:
        return url
    from nashra.kernel.env import var_dir

    return f"sqlite:///{var_dir() / f'bench-{articles}.sqlite3'}"


def run_bench_db(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django
    from nashra.kernel.errors import CommandError

    if args.articles < 0:
        raise CommandError("--articles must be 0 or more")
    if args.batch_size < 1:
        raise CommandError("--batch-size must be at least 1")
    os.environ["DATABASE_URL"] = bench_database_url(args.database_url, args.articles)
    setup_django()
    ensure_database_reachable()
    from django.core.management import call_command

    from nashra.newsroom.benchdb.build import BenchRefused, build_bench_newsroom

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
        raise CommandError(str(refusal)) from None
    print(report.summary())
    return 0 if not any(report.problems.values()) else 1
