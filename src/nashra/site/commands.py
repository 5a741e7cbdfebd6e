"""`nashra` sub-commands that run the site: setup, serve, demo, createadmin, manage."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from nashra.kernel.bootstrap import ensure_database_reachable, setup_django


def register(commands) -> None:
    setup = commands.add_parser(
        "setup", help="compile translations, migrate, collect static files (and the demo)"
    )
    setup.add_argument(
        "--demo",
        action="store_true",
        help="also load the demo newsroom and its desk-editor account (once, never again)",
    )
    setup.set_defaults(handler=run_setup)

    serve = commands.add_parser("serve", help="serve the site with gunicorn and the task worker")
    serve.add_argument(
        "--bind",
        default="127.0.0.1:8000",
        help="HOST:PORT to listen on (default: this machine only; 0.0.0.0:8000 for all)",
    )
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--no-worker", action="store_true", help="do not start the task worker")
    serve.set_defaults(handler=run_serve)

    demo = commands.add_parser("demo", help="load the demo content (once, never again)")
    demo.set_defaults(handler=run_demo)

    createadmin = commands.add_parser(
        "createadmin", help="create an administrator account (the password policy applies)"
    )
    createadmin.add_argument("--username", required=True)
    createadmin.add_argument("--email", required=True)
    createadmin.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (for scripts)",
    )
    createadmin.set_defaults(handler=run_createadmin)

    manage = commands.add_parser("manage", help="run a Django management command", add_help=False)
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=run_manage)


def run_manage(args) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nashra manage", *args.args])
    return 0


def run_setup(args) -> int:
    from nashra.site.catalogues import compile_catalogues

    compile_catalogues()  # before Django loads any translation
    setup_django()
    ensure_database_reachable()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from django.db import connection

    from nashra.kernel.database import refresh_statistics

    refresh_statistics(connection)
    from nashra.site.public_site import point_default_site_at_public_host

    point_default_site_at_public_host()
    call_command("collectstatic", interactive=False, verbosity=0)
    if args.demo:
        return run_demo(args)
    return 0


def run_demo(args) -> int:
    setup_django()
    ensure_database_reachable()
    from nashra.newsroom.demo import load_demo_content

    report = load_demo_content()
    print(report.summary())
    return 0


def run_createadmin(args) -> int:
    from nashra.site.accounts import create_admin, read_password

    password = read_password(from_stdin=args.password_stdin)
    setup_django()
    ensure_database_reachable()
    user = create_admin(args.username, args.email, password)
    print(f"Administrator {user.get_username()} created; sign in at /admin/.")
    return 0


def run_serve(args) -> int:
    setup_django()
    ensure_database_reachable()
    from nashra.site.supervisor import Restartable, configure_logging, supervise

    configure_logging()
    python = sys.executable
    web = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "nashra.site.wsgi:application",
            "--bind",
            args.bind,
            "--workers",
            str(args.workers),
            "--threads",
            "4",
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "5",
            *control_socket_args(args.bind),
        ]
    )
    helpers = []
    if not args.no_worker:
        worker = Restartable(
            "the task worker", [python, "-m", "nashra", "manage", "run_huey", "--quiet"]
        )
        worker.launch(time.monotonic())
        helpers.append(worker)
    host, _, port = args.bind.rpartition(":")
    print(f"Nashra is serving at http://localhost:{port}/ (Ctrl-C stops it)", flush=True)
    return supervise(web, helpers)


def control_socket_args(bind: str) -> list[str]:
    """gunicorn's control socket, one per instance (its per-user default collides)."""
    from django.conf import settings

    name = "".join(c if c.isalnum() else "-" for c in bind)
    path = settings.VAR_DIR / f"gunicorn-{name}.ctl"
    if len(str(path)) > 100:  # longer than a Unix socket path may be
        return ["--no-control-socket"]
    return ["--control-socket", str(path)]
