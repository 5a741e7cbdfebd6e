"""Each newsroom action: what it changes, what it logs, and that it purges cached pages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from nashra.kernel.cache import GENERATION_KEY
from nashra.newsroom import actions, signals
from nashra.newsroom.errors import ActionNotPermitted, ActionRefused
from nashra.newsroom.models import ArticlePage, BreakingNews

pytestmark = pytest.mark.django_db


def generation():
    from django.core.cache import cache

    return cache.get(GENERATION_KEY, 1)


def actions_logged(page):
    return list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))


def test_submit_then_approve_publishes_through_the_review_workflow(
    article_factory, own_section, reporter, desk_editor
):
    article = article_factory(own_section)
    actions.submit_for_review(article, by=reporter)
    article.refresh_from_db()
    assert article.workflow_in_progress
    before = generation()
    actions.approve(article, by=desk_editor)
    article.refresh_from_db()
    assert article.live
    assert generation() > before
    assert "wagtail.workflow.start" in actions_logged(article)
    assert "wagtail.publish" in actions_logged(article)


def test_submitting_twice_is_refused(article_factory, own_section, reporter):
    article = article_factory(own_section)
    actions.submit_for_review(article, by=reporter)
    with pytest.raises(ActionRefused, match="already awaiting review"):
        actions.submit_for_review(ArticlePage.objects.get(pk=article.pk), by=reporter)


def test_approving_a_story_not_in_review_is_refused(article_factory, own_section, desk_editor):
    with pytest.raises(ActionRefused, match="not awaiting review"):
        actions.approve(article_factory(own_section), by=desk_editor)


def test_publish_makes_the_story_live_logs_and_purges(
    article_factory, own_section, desk_editor, client
):
    article = article_factory(own_section)
    assert client.get(article.url).status_code == 404
    before = generation()
    actions.publish(article, by=desk_editor)
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
    revision = actions.schedule(article, by=desk_editor, go_live_at=when)
    article.refresh_from_db()
    assert not article.live
    assert revision.approved_go_live_at == when


def test_schedule_in_the_past_is_refused(article_factory, own_section, desk_editor):
    with pytest.raises(ActionRefused, match="in the past"):
        actions.schedule(
            article_factory(own_section),
            by=desk_editor,
            go_live_at=timezone.now() - timedelta(minutes=1),
        )


def test_correction_is_dated_appended_bumps_updated_and_is_listed(
    article_factory, own_section, desk_editor, client
):
    article = article_factory(own_section, live=True)
    received = []
    signals.story_corrected.connect(
        lambda sender, **kw: received.append(kw["note"]), weak=False, dispatch_uid="t"
    )
    try:
        correction = actions.correct(
            article, by=desk_editor, note="An earlier version misspelt the minister's name."
        )
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
    assert article.title in html and "misspelt the minister" in html


def test_corrections_page_lists_newest_correction_first(
    article_factory, own_section, desk_editor, client
):
    older = article_factory(own_section, live=True, title="Older corrected story")
    newer = article_factory(own_section, live=True, title="Newer corrected story")
    actions.correct(older, by=desk_editor, note="First fix.")
    actions.correct(newer, by=desk_editor, note="Second fix.")
    html = client.get("/corrections/").content.decode()
    assert html.index("Newer corrected story") < html.index("Older corrected story")


def test_empty_correction_is_refused(article_factory, own_section, desk_editor):
    with pytest.raises(ActionRefused, match="needs a note"):
        actions.correct(article_factory(own_section, live=True), by=desk_editor, note="  ")


def test_unpublish_takes_the_story_down(article_factory, own_section, desk_editor, client):
    article = article_factory(own_section, live=True)
    actions.unpublish(article, by=desk_editor)
    assert client.get(article.url).status_code == 404
    assert "wagtail.unpublish" in actions_logged(article)


def test_killed_story_answers_410_with_a_notice_and_leaves_listings(
    article_factory, own_section, duty_editor, client
):
    article = article_factory(own_section, live=True, title="Story that must go")
    url = article.url
    actions.kill(article, by=duty_editor, reason="Withdrawn on legal advice.")
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This story has been withdrawn" in html and "Withdrawn on legal advice." in html
    assert 'class="masthead"' in html  # extends the site's base template
    assert "Story that must go" not in client.get(own_section.url).content.decode()
    assert "nashra.kill" in actions_logged(article)


def test_publishing_again_does_not_resurrect_a_killed_story(
    article_factory, own_section, duty_editor, client
):
    article = article_factory(own_section, live=True)
    actions.kill(article, by=duty_editor, reason="Withdrawn.")
    actions.publish(ArticlePage.objects.get(pk=article.pk), by=duty_editor)
    assert client.get(article.url).status_code == 410


def test_breaking_news_banner_shows_on_every_public_page_until_cleared(
    duty_editor, client, settings
):
    settings.NASHRA_PAGE_CACHE_SECONDS = 60
    client.get("/")  # cached without a banner
    actions.set_breaking_news(
        by=duty_editor,
        text="Storm warning for the coast",
        language="en",
        expires_at=timezone.now() + timedelta(hours=1),
        link="/uae/",
    )
    for url in ("/", "/uae/", "/corrections/"):
        html = client.get(url).content.decode()
        assert 'class="breaking"' in html and "Storm warning for the coast" in html, url
    assert "Storm warning" not in client.get("/ar/").content.decode()
    actions.clear_breaking_news(by=duty_editor, language="en")
    assert "Storm warning" not in client.get("/").content.decode()


def test_expired_breaking_news_is_not_shown(duty_editor, client, time_machine):
    actions.set_breaking_news(
        by=duty_editor,
        text="Short-lived news",
        language="en",
        expires_at=timezone.now() + timedelta(minutes=5),
    )
    time_machine.move_to(timezone.now() + timedelta(minutes=6))
    assert "Short-lived news" not in client.get("/").content.decode()


def test_breaking_news_link_must_be_a_site_path(duty_editor, client):
    actions.set_breaking_news(
        by=duty_editor,
        text="Click",
        language="en",
        expires_at=timezone.now() + timedelta(hours=1),
        link="javascript:alert(1)",
    )
    html = client.get("/").content.decode()
    assert "javascript:" not in html and "Click" in html


def test_desk_editor_cannot_set_breaking_news(desk_editor):
    with pytest.raises(ActionNotPermitted, match="only the duty editor"):
        actions.set_breaking_news(
            by=desk_editor, text="x", language="en", expires_at=timezone.now() + timedelta(hours=1)
        )
    assert not BreakingNews.objects.exists()
