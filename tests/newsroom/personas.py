"""The newsroom's personas, defined once.

The unit tests' fixtures (tests/newsroom/conftest.py) and the browser tests (which create
them in the app server's own database through `site_server.django`) both build users
from these definitions. Import only once Django is set up.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from nashra.newsroom.models import SectionPage
from nashra.newsroom.roles import Role, assign_desk

PASSWORD = "pw-newsroom"

# name -> the role group it holds, or the desk (section slug, language) it runs.
PERSONAS: dict[str, dict] = {
    "reporter": {"role": Role.REPORTER},
    "sub_editor": {"role": Role.SUB_EDITOR},
    "desk_editor": {"desk": ("uae", "en")},
    "duty_editor": {"role": Role.DUTY_EDITOR},
    "admin_user": {"role": Role.ADMIN},
}


def section(slug: str, language: str) -> SectionPage:
    return SectionPage.objects.get(slug=slug, locale__language_code=language)


def create_user(username: str, role: str | None = None, *, desk: SectionPage | None = None):
    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", PASSWORD)
    if role:
        user.groups.add(Group.objects.get(name=role))
    if desk is not None:
        assign_desk(user, desk)
    return user


def create_persona(name: str, username: str | None = None, *, desk: tuple[str, str] | None = None):
    """The persona `name` as a new user; a desk editor may be given another desk."""
    spec = PERSONAS[name]
    desk = desk or spec.get("desk")
    return create_user(username or name, spec.get("role"), desk=section(*desk) if desk else None)
