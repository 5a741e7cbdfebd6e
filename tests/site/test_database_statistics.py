"""`nashra setup` leaves the query planner with row counts (nashra.site.database)."""

import pytest
from django.db import connection

from nashra.site.database import refresh_statistics


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
    assert rows and min(rows) > 0  # the demo newsroom's pages, counted
