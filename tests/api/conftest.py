"""Read API fixtures and helpers that read the API as a client would."""

from __future__ import annotations

import pytest

ARTICLES = "/api/v1/articles"
SECTIONS = "/api/v1/sections"


def article_url(pk: int) -> str:
    return f"{ARTICLES}/{pk}"


def walk(client, limit: int, **params) -> list[dict]:
    """Every item of every page, following `next` as a client would."""
    items: list[dict] = []
    response = client.get(ARTICLES, {**params, "limit": limit})
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        assert len(body["items"]) <= limit
        items.extend(body["items"])
        if body["next"] is None:
            assert body["next_cursor"] is None
            return items
        assert body["next"].startswith("http://localhost:8000/api/v1/articles?")
        response = client.get(body["next"].removeprefix("http://localhost:8000"))


def listed_ids(client, **params) -> set[int]:
    return {item["id"] for item in walk(client, 100, **params)}


def published_ids(**filters) -> set[int]:
    """What the public may see, straight from the database: live, public, not killed."""
    from nashra.newsroom.models import ArticlePage

    return set(
        ArticlePage.objects.live()
        .public()
        .filter(killed_at__isnull=True, **filters)
        .values_list("pk", flat=True)
    )


@pytest.fixture
def story(article_factory, own_section):
    """A freshly published English UAE story."""
    return article_factory(own_section, live=True, title="Creek crossing opens to traffic")


@pytest.fixture(scope="session", autouse=True)
def hero_renditions(django_db_setup, django_db_blocker):
    """Make the demo's hero renditions once, as a running site keeps them.

    Each test's transaction would otherwise throw them away and the next test would resize
    fifty images again.
    """
    from nashra.newsroom.api.serialise import HERO_SPEC
    from nashra.newsroom.models import ArticlePage

    with django_db_blocker.unblock():
        for article in ArticlePage.objects.filter(hero_image__isnull=False).select_related(
            "hero_image"
        ):
            article.hero_image.get_rendition(HERO_SPEC)
