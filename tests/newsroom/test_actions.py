"""A story's changes: what each changes, what it logs, and that it purges cached pages.

Publishing, scheduling, unpublishing and review are Wagtail's own (through `steps`, as the
admin calls them); correcting and killing are the newsroom's actions.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from nashra.kernel.cache import current_generation
from nashra.newsroom import signals
from nashra.newsroom.actions import CorrectStoryAction, KillStoryAction
from nashra.newsroom.errors import ActionRefused
from nashra.newsroom.models import ArticlePage

from . import steps

pytestmark = pytest.mark.django_db


def generation():
    return current_generation()


def actions_logged(page):
    return list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))


def test_submit_then_approve_publishes_through_the_review_workflow(
    article_factory, own_section, reporter, desk_editor
):
    article = article_factory(own_section)
    steps.submit(article, reporter)
    article.refresh_from_db()
    assert article.workflow_in_progress
    before = generation()
    steps.approve(article, desk_editor)
    article.refresh_from_db()
    assert article.live
    assert generation() > before
    assert "wagtail.workflow.start" in actions_logged(article)
    assert "wagtail.publish" in actions_logged(article)


def test_a_story_under_review_is_not_offered_for_review_again(
    article_factory, own_section, reporter
):
    article = article_factory(own_section)
    assert article.permissions_for_user(reporter).can_submit_for_moderation()
    steps.submit(article, reporter)
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.permissions_for_user(reporter).can_submit_for_moderation()


def test_publish_makes_the_story_live_logs_and_purges(
    article_factory, own_section, desk_editor, client
):
    article = article_factory(own_section)
    assert client.get(article.url).status_code == 404
    before = generation()
    steps.publish(article, desk_editor)
    article.refresh_from_db()
    assert article.live
    assert generation() > before
    assert client.get(article.url).status_code == 200
    assert PageLogEntry.objects.filter(
        page=article, action="wagtail.publish", user=desk_editor
    ).exists()


def test_schedule_sets_go_live_and_logs_it(article_factory, own_section, desk_editor):
    article = article_factory(own_section)
    when = timezone.now() + timedelta(hours=2)
    revision = steps.schedule(article, desk_editor, go_live_at=when)
    article.refresh_from_db()
    assert not article.live
    assert revision.approved_go_live_at == when


def test_correction_is_dated_appended_bumps_updated_and_is_listed(
    article_factory, own_section, desk_editor, client
):
    article = article_factory(own_section, live=True)
    received = []
    signals.story_corrected.connect(
        lambda sender, **kw: received.append(kw["note"]), weak=False, dispatch_uid="t"
    )
    try:
        correction = CorrectStoryAction(
            article, user=desk_editor, note="An earlier version misspelt the minister's name."
        ).execute()
    finally:
        signals.story_corrected.disconnect(dispatch_uid="t")
    article.refresh_from_db()
    assert received == ["An earlier version misspelt the minister's name."]
    assert correction.corrected_at <= timezone.now()
    assert article.updated_at == correction.corrected_at
    assert "nashra.correct" in actions_logged(article)
    page = client.get(article.url).content.decode()
    assert "misspelt the minister" in page
    listing = client.get("/corrections/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert article.title in html
    assert "misspelt the minister" in html


def test_corrections_page_lists_newest_correction_first(
    article_factory, own_section, desk_editor, client
):
    older = article_factory(own_section, live=True, title="Older corrected story")
    newer = article_factory(own_section, live=True, title="Newer corrected story")
    CorrectStoryAction(older, user=desk_editor, note="First fix.").execute()
    CorrectStoryAction(newer, user=desk_editor, note="Second fix.").execute()
    html = client.get("/corrections/").content.decode()
    assert html.index("Newer corrected story") < html.index("Older corrected story")


def test_empty_correction_is_refused(article_factory, own_section, desk_editor):
    with pytest.raises(ActionRefused, match="needs a note"):
        CorrectStoryAction(
            article_factory(own_section, live=True), user=desk_editor, note="  "
        ).execute()


def test_unpublish_takes_the_story_down(article_factory, own_section, desk_editor, client):
    article = article_factory(own_section, live=True)
    steps.unpublish(article, desk_editor)
    assert client.get(article.url).status_code == 404
    assert "wagtail.unpublish" in actions_logged(article)


def test_killed_story_answers_410_with_a_notice_and_leaves_listings(
    article_factory, own_section, duty_editor, client
):
    article = article_factory(own_section, live=True, title="Story that must go")
    url = article.url
    KillStoryAction(article, user=duty_editor, reason="Withdrawn on legal advice.").execute()
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This story has been withdrawn" in html
    assert "Withdrawn on legal advice." in html
    assert 'class="masthead"' in html  # extends the site's base template
    assert "Story that must go" not in client.get(own_section.url).content.decode()
    assert "nashra.kill" in actions_logged(article)


def test_publishing_again_does_not_resurrect_a_killed_story(
    article_factory, own_section, duty_editor, client
):
    article = article_factory(own_section, live=True)
    KillStoryAction(article, user=duty_editor, reason="Withdrawn.").execute()
    steps.publish(ArticlePage.objects.get(pk=article.pk), duty_editor)
    assert client.get(article.url).status_code == 410
