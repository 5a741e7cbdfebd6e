"""Only published stories, ever: no draft, review, schedule, withdrawal or expiry shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.api.conftest import SECTIONS, article_url, listed_ids, published_ids

pytestmark = pytest.mark.django_db


def assert_hidden(client, article, detail_status=404):
    assert article.pk not in listed_ids(client)
    assert article.pk not in listed_ids(client, section="uae", language="en")
    assert article.pk not in listed_ids(client, updated_since="2000-01-01")
    response = client.get(article_url(article.pk))
    assert response.status_code == detail_status
    assert "error" in response.json()


def test_the_list_is_exactly_the_published_stories(client):
    assert listed_ids(client) == published_ids()
    assert len(published_ids()) == 50  # the demo newsroom: 34 English, 16 Arabic


def test_a_draft_never_shows(client, article_factory, own_section):
    assert_hidden(client, article_factory(own_section, title="Draft: budget leak"))


def test_a_story_in_review_never_shows(client, article_factory, own_section, reporter):
    from tests.newsroom import steps

    article = article_factory(own_section, title="In review: harbour plan")
    steps.submit(article, reporter)
    assert_hidden(client, article)


def test_a_story_scheduled_for_later_shows_only_when_its_time_comes(
    client, article_factory, own_section, desk_editor, time_machine
):

    from nashra.kernel.cache import OVERDUE_CHECK
    from nashra.newsroom.models import ArticlePage
    from tests.newsroom import steps

    go_live = timezone.now() + timedelta(hours=2)
    article = article_factory(own_section, title="Embargoed: results at noon")
    steps.schedule(article, desk_editor, go_live_at=go_live)
    assert_hidden(client, ArticlePage.objects.get(pk=article.pk))
    # Two hours on, the API's own request brings it out, as a page request would.
    time_machine.move_to(go_live + timedelta(minutes=1))
    OVERDUE_CHECK.delete()  # Redis keeps its own clock: end the 15 s throttle by hand
    assert client.get(article_url(article.pk)).status_code == 200
    assert article.pk in listed_ids(client)


def test_an_unpublished_story_leaves(client, story, desk_editor):
    from tests.newsroom import steps

    assert story.pk in listed_ids(client)
    steps.unpublish(story, desk_editor)
    assert_hidden(client, story)


def test_a_killed_story_leaves_and_answers_410_with_the_reason(client, story, desk_editor):
    from nashra.newsroom.actions import KillStoryAction

    KillStoryAction(story, user=desk_editor, reason="The report could not be verified.").execute()
    assert_hidden(client, story, detail_status=410)
    gone = client.get(article_url(story.pk)).json()
    assert gone["reason"] == "The report could not be verified."
    assert gone["withdrawn_at"].endswith("+04:00")


def test_an_expired_story_leaves_before_the_expiry_job_runs(client, story):

    from nashra.kernel.cache import OVERDUE_CHECK
    from nashra.newsroom.models import ArticlePage

    OVERDUE_CHECK.set(1)  # the overdue check ran moments ago: not again
    ArticlePage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    assert_hidden(client, story)
    assert ArticlePage.objects.get(pk=story.pk).live  # nothing has unpublished it yet


def test_a_story_behind_a_view_restriction_never_shows(client, story):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert_hidden(client, story)


def test_a_story_under_a_restricted_section_never_shows(client, story, own_section):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=own_section, restriction_type=PageViewRestriction.LOGIN)
    assert story.pk not in listed_ids(client)
    assert story.pk not in listed_ids(client, language="en")
    assert client.get(article_url(story.pk)).status_code == 404


def test_section_counts_are_of_published_stories(client, story, desk_editor):
    from nashra.newsroom.actions import KillStoryAction
    from nashra.newsroom.models import ArticlePage, SectionPage

    def count(slug, language):
        items = client.get(SECTIONS).json()["items"]
        return next(s for s in items if s["slug"] == slug and s["language"] == language)[
            "article_count"
        ]

    uae = SectionPage.objects.get(slug="uae", locale__language_code="en")
    expected = len(published_ids(pk__in=ArticlePage.objects.child_of(uae).values("pk")))
    assert count("uae", "en") == expected
    KillStoryAction(story, user=desk_editor, reason="Withdrawn.").execute()
    assert count("uae", "en") == expected - 1
