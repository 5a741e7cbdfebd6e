"""A killed or expired story leaves every listing a reader or a crawler follows.

Its URL answers 410 (killed) or 404 (expired); feeds, sitemaps, the news sitemap, search
and section pages must not keep pointing at it.
"""

from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from nashra.kernel.cache import purge
from nashra.newsroom.actions import KillStoryAction

pytestmark = pytest.mark.django_db

HEADLINE = "Harbour tender awarded to Gulfline consortium"
SEARCH_WORD = "Gulfline"


def listings(client, section) -> dict[str, str]:
    return {
        "site feed": client.get("/feeds/rss/").content.decode(),
        "edition feed": client.get("/feeds/en/atom/").content.decode(),
        "section feed": client.get(f"/feeds/en/section/{section.slug}/rss/").content.decode(),
        "sitemap": client.get("/sitemap-articles-en.xml").content.decode(),
        "news sitemap": client.get("/news-sitemap-en.xml").content.decode(),
        "search": client.get("/search/", {"q": SEARCH_WORD}).content.decode(),
        "section page": client.get(section.url).content.decode(),
    }


@pytest.fixture
def story(article_factory, own_section):
    article = article_factory(own_section, live=True, title=HEADLINE)
    slug = article.slug
    shown = listings(client_for_test(), own_section)
    missing = [name for name, body in shown.items() if slug not in body and HEADLINE not in body]
    assert not missing, f"the published story should be listed in {missing}"
    assert feedparser.parse(shown["site feed"]).entries[0].title == HEADLINE
    return article


def client_for_test():
    from django.test import Client

    return Client()


def assert_listed_nowhere(client, article, section):
    for name, body in listings(client, section).items():
        assert article.slug not in body and HEADLINE not in body, f"still listed in the {name}"


def test_a_killed_story_leaves_feeds_sitemaps_search_and_sections(
    client,
    story,
    own_section,
    duty_editor,
):
    KillStoryAction(story, user=duty_editor, reason="Withdrawn on legal advice.").execute()
    assert client.get(story.url).status_code == 410
    assert_listed_nowhere(client, story, own_section)


def test_an_expired_story_leaves_them_before_the_expiry_job_runs(
    client,
    story,
    own_section,
):
    story.expire_at = timezone.now() - timedelta(minutes=1)
    story.save(update_fields=["expire_at"])  # still live=True: Wagtail's expiry job has not run
    purge()  # what the fixture's reads cached would otherwise live on for up to 60 s
    assert_listed_nowhere(client, story, own_section)
