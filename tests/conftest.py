"""Shared fixtures: the demo newsroom loaded once, personas, and a clean cache per test."""

from __future__ import annotations

import pytest

# Fixtures every test package may use: the newsroom's personas and the stories they write.
pytest_plugins = [
    "tests.support.personas",
    "tests.support.stories",
    "tests.support.admin",
    "tests.support.serve",
]


def pytest_configure(config):
    """Compile the .po catalogues (polib, no GNU gettext) before Django reads them."""
    from nashra.site.catalogues import compile_catalogues

    compile_catalogues()


DEMO_TEMPLATE = pytest.StashKey()


def uses_site_server(item) -> bool:
    """Browser tests' `site_server`, the fault tests' `serve`: both start from the demo."""
    return "demo_template" in getattr(item, "fixturenames", ())


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def pytest_collection_modifyitems(items):
    """Mark what needs the database (`make test-fast` leaves it out: `-m "not database"`).

    Browser tests need the test database too: their server starts from its demo newsroom,
    and pytest-django creates the test database only for tests marked `django_db`, so a
    run of browser tests alone marks them.
    """
    for item in items:
        if uses_site_server(item):
            # Under pytest-xdist (`make test`), one worker runs every test that starts
            # an app server (browser and fault tests), so one Chromium starts.
            item.add_marker(pytest.mark.xdist_group("app-server"))
            if not item.get_closest_marker("django_db"):
                item.add_marker(pytest.mark.django_db)
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & DATABASE_FIXTURES:
            item.add_marker(pytest.mark.database)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """Every database test starts from the demo newsroom (loaded once per session).

    When browser tests run, the loaded database is also saved as the template their app
    server starts from (tests/support/demo_template.py), instead of migrating and loading
    the demo a second time.
    """
    from nashra.newsroom.demo import load_demo_content
    from tests.support import demo_template

    with django_db_blocker.unblock():
        load_demo_content()
        if any(uses_site_server(item) for item in request.session.items):
            template = demo_template.save()
            request.addfinalizer(template.drop)
            request.config.stash[DEMO_TEMPLATE] = template


@pytest.fixture(scope="session")
def demo_template(django_db_setup, request):
    """The demo newsroom saved for the browser tests' app server (see django_db_setup)."""
    return request.config.stash[DEMO_TEMPLATE]


@pytest.fixture(autouse=True)
def clean_cache():
    from tests.support.caches import clear_caches

    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def editor(db):
    """A superuser, for tests about what the admin can do at all (not about roles: those
    use the personas). The demo's own `editor` account is a desk editor."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        "chief", "chief@example.invalid", "pw-newsroom"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
