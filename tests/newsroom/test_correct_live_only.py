"""A correction goes on the live story at once, and touches no one's pending work.

`actions.correct` used to build its revision from the latest draft: a reporter's
half-done rewrite went live with the correction, and a scheduled update turned the
correction into a scheduled one (nothing live) while Wagtail's publish cleared the
schedule. It now corrects the live version; a pending draft stays the latest revision
and a scheduled revision keeps its time, both carrying the correction.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from nashra.newsroom.actions import CorrectStoryAction, PublishOverdueAction
from nashra.newsroom.models import ArticleCorrection, ArticlePage

from . import steps

pytestmark = pytest.mark.django_db

NOTE = "An earlier version gave the wrong date for the vote."
LIVE_TITLE = "Council approves new road plan"
LIVE_BODY = [{"type": "paragraph", "value": "<p>The council voted on Monday.</p>"}]
DRAFT_TITLE = "Council approves road plan after late rewrite"
DRAFT_BODY = [{"type": "paragraph", "value": "<p>Half-done rewrite, not for readers.</p>"}]


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def notes(obj):
    return [c.note for c in obj.corrections.all()]


def raw_body(obj):
    return [(block["type"], block["value"]) for block in obj.body.get_prep_value()]


@pytest.fixture
def live_story(article_factory, own_section):
    return article_factory(own_section, live=True, title=LIVE_TITLE, body=LIVE_BODY)


def save_draft(story, user, *, title=DRAFT_TITLE, body=DRAFT_BODY):
    draft = fresh(story).get_latest_revision_as_object()  # not `story` itself when clean
    draft.title = title
    draft.body = body
    return draft.save_revision(user=user)


def test_correcting_a_plain_live_story_publishes_the_correction(live_story, desk_editor, client):
    CorrectStoryAction(live_story, user=desk_editor, note=NOTE).execute()

    story = fresh(live_story)
    assert notes(story) == [NOTE]
    assert not story.has_unpublished_changes
    assert story.latest_revision_id == story.live_revision_id
    assert notes(story.live_revision.as_object()) == [NOTE]
    assert PageLogEntry.objects.filter(page=story, action="nashra.correct").count() == 1
    assert NOTE in client.get(story.url).content.decode()


def test_a_pending_draft_stays_unpublished_and_latest(live_story, reporter, desk_editor, client):
    draft_revision = save_draft(live_story, reporter)

    CorrectStoryAction(fresh(live_story), user=desk_editor, note=NOTE).execute()

    story = fresh(live_story)
    assert (story.title, raw_body(story)) == (LIVE_TITLE, raw_body(live_story))  # live unchanged
    assert notes(story) == [NOTE]  # the correction is live
    assert story.has_unpublished_changes
    assert story.live_revision_id != story.latest_revision_id
    latest = story.get_latest_revision()
    assert latest.created_at >= draft_revision.created_at
    reopened = story.get_latest_revision_as_object()  # what the edit view shows
    assert (reopened.title, raw_body(reopened)) == (
        DRAFT_TITLE,
        raw_body(draft_revision.as_object()),
    )
    assert notes(reopened) == [NOTE]
    assert latest.content["corrections"][0]["note"] == NOTE  # in the revision itself
    html = client.get(story.url).content.decode()
    assert NOTE in html
    assert "Half-done rewrite" not in html


@pytest.fixture
def scheduled_update(live_story, reporter, desk_editor):
    """A live story with an update scheduled in an hour; returns the story and the time."""
    go_live_at = (timezone.now() + timedelta(hours=1)).replace(microsecond=0)
    save_draft(live_story, reporter)
    steps.schedule(fresh(live_story), desk_editor, go_live_at=go_live_at)
    assert fresh(live_story).scheduled_revision.approved_go_live_at == go_live_at
    return fresh(live_story), go_live_at


def test_a_scheduled_update_keeps_its_time_and_the_correction_is_live_now(
    scheduled_update, desk_editor, client, time_machine
):
    story, go_live_at = scheduled_update

    CorrectStoryAction(story, user=desk_editor, note=NOTE).execute()

    story = fresh(story)
    assert notes(story) == [NOTE]  # published now, not scheduled with the update
    assert story.title == LIVE_TITLE
    assert NOTE in client.get(story.url).content.decode()
    scheduled = story.scheduled_revision
    assert scheduled is not None
    assert scheduled.approved_go_live_at == go_live_at
    assert scheduled.pk == story.latest_revision_id  # still what the editor sees
    assert (scheduled.as_object().title, notes(scheduled.as_object())) == (DRAFT_TITLE, [NOTE])

    later = go_live_at + timedelta(minutes=1)
    time_machine.move_to(later)
    assert PublishOverdueAction(now=later).execute() == 1

    story = fresh(story)
    assert story.title == DRAFT_TITLE  # the update went live at its time
    assert notes(story) == [NOTE]
    assert ArticleCorrection.objects.filter(article=story).count() == 1
    assert not story.has_unpublished_changes
    html = client.get(story.url).content.decode()
    assert NOTE in html
    assert "Half-done rewrite" in html
