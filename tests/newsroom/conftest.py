"""Newsroom personas: one user per role, plus an anonymous reader.

The desk editor runs the English UAE desk; `other_section` is a section outside it.
The personas themselves are defined in tests/newsroom/personas.py (the browser tests
create the same ones in the app server's database).
"""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from nashra.newsroom.models import ArticlePage, SectionPage

from .personas import create_persona

_slugs = itertools.count(1)


@pytest.fixture
def own_section(db):
    return SectionPage.objects.get(slug="uae", locale__language_code="en")


@pytest.fixture
def other_section(db):
    return SectionPage.objects.get(slug="world", locale__language_code="en")


@pytest.fixture
def arabic_section(db):
    return SectionPage.objects.get(slug="uae", locale__language_code="ar")


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
    return create_persona("admin_user")


@pytest.fixture
def anonymous():
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


def make_article(
    section, owner, *, live: bool = False, title: str = "Council approves new road plan", **fields
):
    slug = f"newsroom-test-{next(_slugs)}"
    fields.setdefault("standfirst", "A standfirst.")
    article = ArticlePage(title=title, slug=slug, owner=owner, live=False, **fields)
    section.add_child(instance=article)
    revision = article.save_revision(user=owner)
    if live:
        revision.publish(user=owner, skip_permission_checks=True)
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def article_factory(reporter):
    def factory(section, *, live: bool = False, owner=None, **fields):
        return make_article(section, owner or reporter, live=live, **fields)

    return factory


@pytest.fixture
def plain_admin_templates(monkeypatch):
    """Wagtail's own admin templates rely on missing variables rendering as ''.

    pytest-django's --fail-on-template-vars replaces them with a truthy marker even under
    ignore_template_errors, which breaks `{% icon name=... %}` in the lock and revert
    screens; for tests that render those screens, restore Django's default.
    """
    from django.template import engines

    monkeypatch.setattr(engines["django"].engine, "string_if_invalid", "")
