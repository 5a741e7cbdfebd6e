"""A scheduled story's own address at its go-live time, with no worker running.

The site-wide request-path check is throttled: a reader who arrived moments before the
go-live time took the throttle, so the first reader of the story itself, seconds after it,
used to get a 404. The 404 path now checks overdue stories itself (throttled on its own).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nashra.newsroom.models import ArticlePage
from tests.newsroom import steps

pytestmark = pytest.mark.django_db


def test_the_story_is_served_at_its_own_address_just_after_go_live(
    client, article_factory, own_section, desk_editor, time_machine
):
    go_live = timezone.now() + timedelta(minutes=10)
    article = article_factory(own_section, title="Results at noon")
    steps.schedule(article, desk_editor, go_live_at=go_live)
    url = ArticlePage.objects.get(pk=article.pk).url
    time_machine.move_to(go_live - timedelta(seconds=5))
    assert client.get("/").status_code == 200  # takes the request-path throttle, too early

    time_machine.move_to(go_live + timedelta(seconds=2))
    response = client.get(url, follow=True)

    assert response.status_code == 200
    assert "Results at noon" in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).live


def test_an_address_that_never_was_is_still_a_404(client):
    response = client.get("/uae/no-such-story/", follow=True)

    assert response.status_code == 404
    assert response.redirect_chain == []
