"""The search app's label was "finder": a database migrated under that label stays migrated."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

NAMES = [
    "0001_porter_stemming_on_sqlite",
    "0002_title_body_index_on_postgresql",
    "0003_stored_words_on_postgresql",
]


def search_plan():
    executor = MigrationExecutor(connection)
    targets = [key for key in executor.loader.graph.leaf_nodes() if key[0] == "search"]
    return executor.migration_plan(targets)


def record_only(app: str, names: list[str]) -> None:
    migrations = MigrationRecorder.Migration.objects
    migrations.filter(app__in=["finder", "search"]).delete()
    migrations.bulk_create(MigrationRecorder.Migration(app=app, name=name) for name in names)


def test_each_migration_replaces_its_finder_record():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for name in NAMES:
        migration = loader.disk_migrations[("search", name)]
        assert migration.replaces == [("finder", name)]


@pytest.mark.django_db
def test_a_database_migrated_as_finder_has_nothing_to_apply():
    record_only("finder", NAMES)
    assert search_plan() == []


@pytest.mark.django_db
def test_a_database_part_migrated_as_finder_applies_only_the_rest():
    record_only("finder", NAMES[:2])
    assert [migration.name for migration, _ in search_plan()] == NAMES[2:]
