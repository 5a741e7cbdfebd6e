"""Starting Django from the command line: settings errors become one line and exit 2."""

from __future__ import annotations

import os

from nashra.kernel.errors import CommandError

SETTINGS_MODULE = "nashra.site.settings"


def setup_django() -> None:
    """Load settings and apps; a bad setting becomes one line and exit code 2."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from nashra.kernel.env import ConfigurationError

    try:
        import django

        django.setup()
    except ConfigurationError as error:
        raise CommandError(str(error)) from None


def ensure_database_reachable() -> None:
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CommandError(f"cannot reach the database ({connection.vendor}): {reason}") from None
