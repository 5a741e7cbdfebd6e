"""Turn DATABASE_URL into Django's DATABASES entry.

SQLite gets WAL, a busy timeout and IMMEDIATE transactions so concurrent writers queue
instead of failing with "database is locked".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from nashra.kernel.env import ConfigurationError

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA busy_timeout=20000;"
    "PRAGMA foreign_keys=ON;"
)
SUPPORTED_ENGINES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}


def database_from_url(url: str, default_sqlite_path: Path) -> dict[str, Any]:
    if not url:
        return sqlite_database(str(default_sqlite_path))
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError):
        raise ConfigurationError(
            "DATABASE_URL is not a valid database URL "
            "(expected sqlite:///PATH or postgresql://USER@HOST:PORT/NAME)"
        ) from None
    engine = config.get("ENGINE")
    if engine not in SUPPORTED_ENGINES:
        raise ConfigurationError(
            f"DATABASE_URL must start with sqlite:/// or postgresql://, not {url.split(':')[0]}:"
        )
    if engine == "django.db.backends.sqlite3":
        return sqlite_database(config["NAME"])
    if not config.get("NAME"):
        raise ConfigurationError("DATABASE_URL names no database (postgresql://HOST/NAME)")
    return config


def refresh_statistics(connection) -> None:
    """Give the query planner fresh row counts (ANALYZE), as `nashra setup` does each release.

    PostgreSQL's autovacuum keeps statistics itself; SQLite never gathers any unless told
    to, and without them it guesses: with Wagtail's permission filter
    (`id IN (SELECT id FROM wagtailcore_page)`) it sorts a whole section of 25,000
    stories for the admin explorer instead of reading the newest 50 from an index.

    SQLite reads every index in full (under a second at 100,000 stories): a sampled
    ANALYZE (`PRAGMA analysis_limit`) saw 250 stories per depth where there are 25,000,
    and the planner then preferred the depth index to the newest-first one (600 ms
    instead of 5 ms for the explorer).
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            count_empty_tables_as_small(cursor)


def count_empty_tables_as_small(cursor) -> None:
    """ANALYZE records nothing for an empty table, and SQLite then assumes a million rows:
    it would scan 100,000 pages to join them to the (empty) view-restriction table that
    Wagtail's `.public()` reads on every page. Say "one row" instead (SQLite allows
    writing sqlite_stat1), until the next ANALYZE counts it."""
    cursor.execute(
        "INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT name, NULL, '1' FROM sqlite_master "
        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT IN (SELECT tbl FROM sqlite_stat1)"
    )
    cursor.execute("ANALYZE sqlite_master")  # reload the statistics


def sqlite_database(path: str) -> dict[str, Any]:
    if path not in ("", ":memory:"):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "init_command": SQLITE_PRAGMAS,
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
