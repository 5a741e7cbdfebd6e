"""Shared fixtures: the demo newsroom loaded once, personas, and a clean cache per test."""

from __future__ import annotations

import pytest

# Fixtures every test package may use: the newsroom's personas and the stories they write.
pytest_plugins = ["tests.support.personas", "tests.support.stories"]


def pytest_configure(config):
    """Compile the .po catalogues (polib, no GNU gettext) before Django reads them."""
    from nashra.site.catalogues import compile_catalogues

    compile_catalogues()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo newsroom (loaded once per session)."""
    from nashra.newsroom.demo import load_demo_content

    with django_db_blocker.unblock():
        load_demo_content()


@pytest.fixture(autouse=True)
def clean_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
