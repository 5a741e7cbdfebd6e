"""ETag and Last-Modified: polling costs a 304 until something a client would see changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from tests.api.conftest import ARTICLES, SECTIONS, article_url

pytestmark = pytest.mark.django_db


def urls(article_id: int) -> list[str]:
    return [f"{ARTICLES}?language=en&limit=5", SECTIONS, article_url(article_id)]


def validators(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"], response["Last-Modified"]


def test_every_endpoint_answers_304_with_no_body_when_nothing_changed(client, story):
    for url in urls(story.pk):
        etag, last_modified = validators(client, url)
        assert etag.startswith('W/"')
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again.content == b"", url
        assert again["ETag"] == etag
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
        assert since.status_code == 304 and since.content == b"", url


def test_a_stale_validator_gets_the_full_answer(client, story):
    for url in urls(story.pk):
        assert client.get(url, HTTP_IF_NONE_MATCH='W/"stale"').status_code == 200
        long_ago = http_date((timezone.now() - timedelta(days=400)).timestamp())
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=long_ago).status_code == 200


def test_different_pages_have_different_etags(client):
    first = client.get(ARTICLES, {"limit": 5})
    second = client.get(ARTICLES, {"limit": 5, "cursor": first.json()["next_cursor"]})
    assert first["ETag"] != second["ETag"]


def test_a_publish_changes_every_etag(client, story, article_factory, own_section):
    before = {url: validators(client, url)[0] for url in urls(story.pk)}
    article_factory(own_section, live=True, title="Another story goes out")
    for url, etag in before.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, url
        assert response["ETag"] != etag


def test_a_correction_changes_the_etag_and_shows(client, story, duty_editor):
    from nashra.newsroom.actions import CorrectStoryAction

    url = article_url(story.pk)
    etag, _ = validators(client, url)
    CorrectStoryAction(
        story, user=duty_editor, note="The bridge opens on Sunday, not Saturday."
    ).execute()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["corrections"][-1]["note"].startswith("The bridge opens on Sunday")


def test_a_withdrawal_moves_last_modified_too(client, story, duty_editor, time_machine):
    """An unpublish changes no story's publish time; the page log still dates it."""
    from tests.newsroom import steps

    etag, last_modified = validators(client, ARTICLES)
    # A client that polled a second later holds that as its date.
    held = http_date(parse_http_date(last_modified) + 1)
    assert client.get(ARTICLES, HTTP_IF_MODIFIED_SINCE=held).status_code == 304
    time_machine.move_to(timezone.now() + timedelta(seconds=5))
    steps.unpublish(story, duty_editor)
    assert client.get(ARTICLES, HTTP_IF_MODIFIED_SINCE=held).status_code == 200
    assert client.get(ARTICLES, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_draft_save_does_not_change_the_etag(client, story):
    etag, _ = validators(client, ARTICLES)
    story.title = "A headline still being worked on"
    story.save_revision(user=None)
    assert client.get(ARTICLES, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_an_expiry_changes_the_etag_when_its_time_passes(client, story, time_machine):
    from nashra.newsroom.models import ArticlePage

    expires = timezone.now() + timedelta(hours=1)
    ArticlePage.objects.filter(pk=story.pk).update(expire_at=expires)
    etag, _ = validators(client, ARTICLES)
    time_machine.move_to(expires + timedelta(seconds=1))
    assert client.get(ARTICLES, HTTP_IF_NONE_MATCH=etag).status_code == 200
