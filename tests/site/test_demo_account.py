"""The demo newsroom only when asked, loaded once, with a desk editor and a sound password.

The session's test database was loaded with the demo (tests/conftest.py), as
`nashra setup --demo` loads it.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from nashra.cli import main
from nashra.newsroom.demo import DEMO_USERNAME, DemoRefused, load_demo_content
from nashra.newsroom.models import ArticlePage, DemoLoad
from nashra.newsroom.roles import Role, role_of
from tests.support.personas import section

pytestmark = pytest.mark.django_db


def test_the_demo_account_is_a_desk_editor_not_a_superuser():
    account = get_user_model().objects.get(username=DEMO_USERNAME)
    assert not account.is_superuser
    assert not account.is_staff
    assert role_of(account) == Role.DESK_EDITOR


def test_the_demo_account_publishes_only_on_its_own_desk():
    account = get_user_model().objects.get(username=DEMO_USERNAME)
    own = ArticlePage.objects.child_of(section("uae", "en")).first()
    other = ArticlePage.objects.child_of(section("world", "en")).first()
    assert own.permissions_for_user(account).can_publish()
    assert not other.permissions_for_user(account).can_publish()


def test_a_second_load_brings_back_no_deleted_story_and_no_deleted_account():
    story = ArticlePage.objects.live().first()
    slug, parent = story.slug, story.get_parent()
    story.delete()
    get_user_model().objects.filter(username=DEMO_USERNAME).delete()

    report = load_demo_content()

    assert report.outcome == "already loaded"
    assert not ArticlePage.objects.child_of(parent).filter(slug=slug).exists()
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()


def test_no_demo_goes_into_a_site_that_already_has_editions():
    """A database set up before the load was recorded: the demo is not loaded over it."""
    DemoLoad.objects.all().delete()
    story = ArticlePage.objects.live().first()
    slug, parent = story.slug, story.get_parent()
    story.delete()

    report = load_demo_content()

    assert report.outcome == "site has content"
    assert not ArticlePage.objects.child_of(parent).filter(slug=slug).exists()
    assert DemoLoad.objects.get().content_loaded is False


def test_a_weak_demo_password_is_refused(settings):
    settings.NASHRA_DEMO_PASSWORD = "1"
    with pytest.raises(DemoRefused, match="NASHRA_DEMO_PASSWORD is refused"):
        load_demo_content()


def test_setup_loads_the_demo_only_with_demo_flag(monkeypatch):
    loads = []
    monkeypatch.setattr("nashra.site.commands.run_demo", lambda args: loads.append(args) or 0)
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: None)

    assert main(["setup"]) == 0
    assert loads == []
    assert main(["setup", "--demo"]) == 0
    assert len(loads) == 1


def test_the_cli_refuses_a_weak_demo_password_in_one_line(settings, capsys):
    settings.NASHRA_DEMO_PASSWORD = "12345678"
    assert main(["demo"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "NASHRA_DEMO_PASSWORD is refused" in err[0]
    assert "12345678" not in err[0]


def test_a_generated_demo_password_passes_the_policy():
    from django.contrib.auth.password_validation import validate_password

    from nashra.newsroom.demo import demo_password

    password, generated = demo_password("")
    assert generated
    validate_password(password, get_user_model()(username=DEMO_USERNAME))
    assert demo_password("")[0] != password
