"""Stories written for a test: `make_article` and the `article_factory` fixture.

A pytest plugin (registered by `pytest_plugins` in tests/conftest.py), so every test
package writes stories the same way.
"""

from __future__ import annotations

import itertools

import pytest

_slugs = itertools.count(1)


def make_article(
    section, owner, *, live: bool = False, title: str = "Council approves new road plan", **fields
):
    from nashra.newsroom.models import ArticlePage

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
