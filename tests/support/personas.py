"""The newsroom's personas, defined once, and their fixtures for every test package.

A pytest plugin (registered by `pytest_plugins` in tests/conftest.py): any test may ask
for `reporter`, `sub_editor`, `desk_editor`, `duty_editor`, `admin_user`, `anonymous` or
`personas`, and for the sections they work in (`own_section`, the English UAE desk the
desk editor runs; `other_section`, outside it; `arabic_section`).

The browser tests create the same people in the app server's own database
(`site_server.django("from tests.support.personas import create_persona ...")`).
Django is imported inside the functions, so the module loads before Django is set up.
"""

from __future__ import annotations

import pytest

PASSWORD = "pw-newsroom"

# name -> the role group it holds ("role", a nashra.newsroom.roles.Role name),
# or the desk (section slug, language) it runs.
PERSONAS: dict[str, dict] = {
    "reporter": {"role": "REPORTER"},
    "sub_editor": {"role": "SUB_EDITOR"},
    "desk_editor": {"desk": ("uae", "en")},
    "duty_editor": {"role": "DUTY_EDITOR"},
    "admin_user": {"role": "ADMIN"},
}


def section(slug: str, language: str):
    from nashra.newsroom.models import SectionPage

    return SectionPage.objects.get(slug=slug, locale__language_code=language)


def create_user(username: str, role: str | None = None, *, desk=None):
    """A user holding the role group `role` (a Role value) and, if given, the desk `desk`."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from nashra.newsroom.roles import assign_desk

    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", PASSWORD)
    if role:
        user.groups.add(Group.objects.get(name=role))
    if desk is not None:
        assign_desk(user, desk)
    return user


def create_persona(name: str, username: str | None = None, *, desk: tuple[str, str] | None = None):
    """The persona `name` as a new user; a desk editor may be given another desk."""
    from nashra.newsroom.roles import Role

    spec = PERSONAS[name]
    desk = desk or spec.get("desk")
    role = Role[spec["role"]] if "role" in spec else None
    return create_user(username or name, role, desk=section(*desk) if desk else None)


@pytest.fixture
def own_section(db):
    return section("uae", "en")


@pytest.fixture
def other_section(db):
    return section("world", "en")


@pytest.fixture
def arabic_section(db):
    return section("uae", "ar")


@pytest.fixture
def reporter(db):
    return create_persona("reporter")


@pytest.fixture
def sub_editor(db):
    return create_persona("sub_editor")


@pytest.fixture
def desk_editor(own_section):
    return create_persona("desk_editor")  # the desk of `own_section`


@pytest.fixture
def duty_editor(db):
    return create_persona("duty_editor")


@pytest.fixture
def admin_user(db):
    """The newsroom's administrator (replaces pytest-django's `admin_user`)."""
    return create_persona("admin_user")


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def personas(reporter, sub_editor, desk_editor, duty_editor, admin_user, anonymous):
    return {
        "reporter": reporter,
        "sub_editor": sub_editor,
        "desk_editor": desk_editor,
        "duty_editor": duty_editor,
        "admin_user": admin_user,
        "anonymous": anonymous,
    }
