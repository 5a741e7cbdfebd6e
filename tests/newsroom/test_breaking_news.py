"""Breaking news: a Wagtail snippet with drafts, a schedule and one publish permission."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from nashra.kernel.cache import OVERDUE_CHECK
from nashra.newsroom.actions import PublishOverdueAction
from nashra.newsroom.models import BreakingNews

from . import steps

pytestmark = pytest.mark.django_db


def banner(client, url="/") -> str:
    return client.get(url).content.decode()


def test_banner_shows_on_every_public_page_of_its_edition_until_unpublished(
    duty_editor, client, settings
):
    settings.NASHRA_PAGE_CACHE_SECONDS = 60
    client.get("/")  # cached without a banner
    news = steps.set_breaking_news(
        duty_editor,
        text="Storm warning for the coast",
        language="en",
        expire_at=timezone.now() + timedelta(hours=1),
        link="/uae/",
    )
    for url in ("/", "/uae/", "/corrections/"):
        html = banner(client, url)
        assert 'class="breaking"' in html and "Storm warning for the coast" in html, url
    assert "Storm warning" not in banner(client, "/ar/")
    steps.clear_breaking_news(news, duty_editor)
    assert "Storm warning" not in banner(client)
    logged = ModelLogEntry.objects.filter(object_id=str(news.pk)).values_list("action", flat=True)
    assert {"wagtail.publish", "wagtail.unpublish"} <= set(logged)


def test_an_expired_banner_is_not_shown_even_before_the_job_unpublishes_it(
    duty_editor, client, time_machine
):
    steps.set_breaking_news(
        duty_editor,
        text="Short-lived news",
        language="en",
        expire_at=timezone.now() + timedelta(minutes=5),
    )
    time_machine.move_to(timezone.now() + timedelta(minutes=6))
    assert "Short-lived news" not in banner(client)


def test_a_scheduled_banner_goes_live_on_time_and_expires(duty_editor, client, time_machine):
    news = BreakingNews.objects.create(
        language="en",
        text="Polls close at eight",
        go_live_at=timezone.now() + timedelta(minutes=10),
        expire_at=timezone.now() + timedelta(minutes=30),
        live=False,
    )
    steps.publish_snippet(news, duty_editor)  # with go_live_at ahead: scheduled
    assert not BreakingNews.objects.get(pk=news.pk).live
    assert "Polls close" not in banner(client)

    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    OVERDUE_CHECK.delete()  # Redis keeps its own clock: end the 15 s throttle by hand
    assert "Polls close" in banner(client)  # the reader's request published it, no worker
    assert BreakingNews.objects.get(pk=news.pk).live

    time_machine.move_to(timezone.now() + timedelta(minutes=20))
    assert PublishOverdueAction().execute() == 1
    news = BreakingNews.objects.get(pk=news.pk)
    assert not news.live
    assert news.expired
    assert ModelLogEntry.objects.filter(
        object_id=str(news.pk), action="wagtail.unpublish.scheduled"
    ).exists()


def test_the_link_must_be_a_site_path(duty_editor, client):
    steps.set_breaking_news(
        duty_editor,
        text="Click",
        language="en",
        expire_at=timezone.now() + timedelta(hours=1),
        link="javascript:alert(1)",
    )
    html = banner(client)
    assert "javascript:" not in html
    assert "Click" in html


def test_a_banner_always_has_an_expiry(duty_editor):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="expiry"):
        BreakingNews(language="en", text="For ever").full_clean()


@pytest.mark.parametrize("persona", ["reporter", "sub_editor", "desk_editor", "anonymous"])
def test_only_the_duty_editor_and_admins_publish_breaking_news(personas, persona, client):
    with pytest.raises(PermissionDenied):
        steps.set_breaking_news(
            personas[persona],
            text="x",
            language="en",
            expire_at=timezone.now() + timedelta(hours=1),
        )
    assert not BreakingNews.objects.filter(live=True).exists()
    assert "breaking" not in banner(client)


@pytest.mark.parametrize("persona", ["duty_editor", "admin_user"])
def test_the_duty_editor_and_admins_hold_the_one_publish_permission(personas, persona):
    user = personas[persona]
    assert user.has_perm("newsroom.publish_breakingnews")
    assert not user.has_perm("newsroom.set_breaking_news")  # the old permission is gone


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize("persona", ["duty_editor", "desk_editor"])
def test_the_snippet_editor_publishes_for_the_duty_editor_only(personas, persona, client):
    user = personas[persona]
    client.force_login(user)
    add_url = reverse("wagtailsnippets_newsroom_breakingnews:add")
    form = client.get(add_url)
    if persona == "desk_editor":
        # No add/change rights on banners at all: Wagtail's snippet views refuse.
        assert form.status_code == 302
        return
    assert 'name="action-publish"' in form.content.decode()
    client.post(
        add_url,
        {
            "language": "en",
            "text": "Airport reopens",
            "link": "",
            "go_live_at": "",
            "expire_at": (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "action-publish": "1",
        },
    )
    news = BreakingNews.objects.get(text="Airport reopens")
    assert news.live
    client.logout()
    assert "Airport reopens" in banner(client)
