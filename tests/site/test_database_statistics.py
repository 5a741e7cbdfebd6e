"""`nashra setup` leaves the query planner with row counts (nashra.kernel.database)."""

import pytest
from django.db import connection

from nashra.kernel.database import refresh_statistics


@pytest.mark.django_db
def test_refresh_statistics_gives_the_planner_row_counts_for_wagtails_tables():
    refresh_statistics(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page'")
            rows = [int(stat.split()[0]) for (stat,) in cursor.fetchall()]
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
            rows = [int(count) for (count,) in cursor.fetchall()]
    assert rows
    assert min(rows) > 0  # the demo newsroom's pages, counted


def test_an_empty_table_is_not_taken_for_a_large_one():
    """Wagtail's `.public()` joins the (usually empty) view restrictions to pages on every
    public page; after ANALYZE, SQLite must read the restrictions first, not every page."""
    import sqlite3

    from nashra.kernel.database import count_empty_tables_as_small

    db = sqlite3.connect(":memory:")
    db.executescript(
        """
        CREATE TABLE page (id INTEGER PRIMARY KEY, path TEXT UNIQUE);
        CREATE TABLE restriction (id INTEGER PRIMARY KEY, page_id INTEGER REFERENCES page);
        CREATE INDEX restriction_page ON restriction (page_id);
        """
    )
    db.executemany("INSERT INTO page (path) VALUES (?)", [(f"{n:08d}",) for n in range(5000)])
    join = (
        "SELECT restriction.id, page.path FROM restriction "
        "JOIN page ON page.id = restriction.page_id"
    )
    db.execute("ANALYZE")
    before = db.execute(f"EXPLAIN QUERY PLAN {join}").fetchall()[0][-1]
    count_empty_tables_as_small(db.cursor())
    after = db.execute(f"EXPLAIN QUERY PLAN {join}").fetchall()[0][-1]
    assert before.startswith("SCAN page")  # the failure: every page read
    assert after.startswith("SCAN restriction")


@pytest.mark.django_db
def test_the_root_page_is_found_through_the_depth_path_index():
    """Treebeard's `depth = 1 ORDER BY path` (Wagtail asks it on every admin page) reads
    the root from an index, not the whole tree (newsroom migration 0008)."""
    refresh_statistics(connection)
    sql = "SELECT id FROM wagtailcore_page WHERE depth = 1 ORDER BY path"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "newsroom_page_depth_path_idx" in plan
            assert "TEMP B-TREE" not in plan
        else:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'newsroom_page_depth_path_idx'"
            )
            assert "(depth, path)" in cursor.fetchone()[0]
