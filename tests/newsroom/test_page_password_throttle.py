"""Guessing a protected story's password (Wagtail's page-password form): a few wrong
tries per address, and ten times as many per story, then 429 until the wait ends
(nashra.newsroom.page_passwords)."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from nashra.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

SECRET = "harbour lights at dusk"
LIMIT = 3


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.NASHRA_LOGIN_FAILURE_LIMIT = LIMIT


@pytest.fixture
def protected():
    story = ArticlePage.objects.live().first()
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    return story, restriction


def guess(protected, password: str, address: str):
    story, restriction = protected
    client = Client(REMOTE_ADDR=address)
    url = f"/_util/authenticate_with_password/{restriction.pk}/{story.pk}/"
    response = client.post(url, {"password": password, "return_url": story.url})
    return response, client


def passed(client, protected) -> bool:
    """Wagtail remembers a passed restriction in the session (PageViewRestriction)."""
    return protected[1].pk in client.session.get("passed_page_view_restrictions", [])


def test_the_right_password_opens_the_story(protected):
    response, client = guess(protected, SECRET, "10.0.0.1")
    assert response.status_code == 302
    assert passed(client, protected)


def test_a_wrong_password_shows_the_form_again(protected):
    response, _ = guess(protected, "not it", "10.0.0.1")
    assert response.status_code == 200


def test_after_the_limit_the_right_password_is_refused(protected):
    for _ in range(LIMIT):
        guess(protected, "not it", "10.0.0.1")
    response, client = guess(protected, SECRET, "10.0.0.1")
    assert response.status_code == 429
    assert not passed(client, protected)


def test_another_address_is_unaffected(protected):
    for _ in range(LIMIT):
        guess(protected, "not it", "10.0.0.1")
    response, _ = guess(protected, SECRET, "10.0.0.2")
    assert response.status_code == 302


def test_guesses_spread_over_many_addresses_are_limited_per_story(protected):
    for index in range(LIMIT * 10):
        guess(protected, "not it", f"10.1.{index // 200}.{index % 200}")
    response, _ = guess(protected, SECRET, "10.9.9.9")
    assert response.status_code == 429


def test_the_wait_ends(protected, settings):
    settings.NASHRA_LOGIN_LOCKOUT_SECONDS = 1
    for _ in range(LIMIT):
        guess(protected, "not it", "10.0.0.1")
    assert guess(protected, SECRET, "10.0.0.1")[0].status_code == 429
    time.sleep(1.2)
    assert guess(protected, SECRET, "10.0.0.1")[0].status_code == 302
