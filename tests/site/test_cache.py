"""Anonymous pages are cached; the Dubai date, publishing and editors all behave."""

from datetime import UTC, datetime

import pytest
import time_machine

pytestmark = pytest.mark.django_db


def cache_state(response):
    return response.headers.get("X-Nashra-Cache")


def test_anonymous_page_is_served_from_cache_the_second_time(client):
    assert cache_state(client.get("/")) == "miss"
    assert cache_state(client.get("/")) == "hit"


def test_editors_always_see_fresh_pages(editor_client):
    assert cache_state(editor_client.get("/")) is None
    assert cache_state(editor_client.get("/")) is None


@pytest.mark.ignore_template_errors  # Wagtail's own admin templates are not ours to police
def test_admin_and_health_are_never_cached(client):
    assert cache_state(client.get("/healthz")) is None
    assert cache_state(client.get("/admin/login/")) is None


def test_error_pages_are_not_cached(client):
    client.get("/no-such-page/")
    assert cache_state(client.get("/no-such-page/")) is None


def test_dubai_midnight_starts_a_new_cache_day(client):
    # 23:59 in Dubai is 19:59 UTC; two minutes later it is the next Dubai day.
    with time_machine.travel(datetime(2026, 3, 5, 19, 59, tzinfo=UTC), tick=False):
        before = client.get("/")
        assert "Thursday, 5 March 2026" in before.content.decode()
    with time_machine.travel(datetime(2026, 3, 5, 20, 1, tzinfo=UTC), tick=False):
        after = client.get("/")
        assert cache_state(after) == "miss"
        assert "Friday, 6 March 2026" in after.content.decode()


def test_publishing_purges_cached_pages(client):
    from nashra.newsroom.models import ArticlePage

    client.get("/")
    assert cache_state(client.get("/")) == "hit"
    article = ArticlePage.objects.live().first()
    article.save_revision().publish()
    assert cache_state(client.get("/")) == "miss"


def test_cached_responses_tell_a_cdn_how_long(client):
    response = client.get("/")
    assert "s-maxage=60" in response["Cache-Control"]
