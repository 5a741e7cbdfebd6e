"""Cursor pages: a walk neither skips nor repeats, even while the newsroom works."""

from __future__ import annotations

import pytest

from tests.api.conftest import ARTICLES, published_ids, walk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("limit", [1, 7, 20, 100])
def test_a_walk_over_every_demo_story_has_no_duplicates_and_no_gaps(client, limit):
    ids = [item["id"] for item in walk(client, limit)]
    assert len(ids) == len(set(ids)) == len(published_ids()) == 50
    assert set(ids) == published_ids()


def test_default_page_is_twenty(client):
    body = client.get(ARTICLES).json()
    assert len(body["items"]) == 20
    assert body["next_cursor"]


def test_stories_published_in_the_same_microsecond_are_split_by_id(
    client, article_factory, own_section
):
    from nashra.newsroom.models import ArticlePage

    twins = [article_factory(own_section, live=True, title=f"Twin {i}") for i in range(5)]
    moment = twins[0].first_published_at
    ArticlePage.objects.filter(pk__in=[t.pk for t in twins]).update(first_published_at=moment)
    ids = [item["id"] for item in walk(client, 2)]
    assert len(ids) == len(set(ids)) == len(published_ids())
    positions = [ids.index(t.pk) for t in sorted(twins, key=lambda t: -t.pk)]
    assert positions == sorted(positions)


def test_edits_during_a_walk_neither_skip_nor_repeat(
    client, article_factory, own_section, duty_editor
):
    from nashra.newsroom.actions import CorrectStoryAction
    from nashra.newsroom.models import ArticlePage

    before = published_ids()
    first = client.get(ARTICLES, {"limit": 10}).json()
    seen = [item["id"] for item in first["items"]]
    # While the client reads, a story further down is corrected and republished, one
    # already read is corrected, and a new one goes out.
    later = ArticlePage.objects.get(pk=walk(client, 100)[30]["id"])
    CorrectStoryAction(
        later, user=duty_editor, note="An earlier version misspelt a name."
    ).execute()
    CorrectStoryAction(
        ArticlePage.objects.get(pk=seen[0]), user=duty_editor, note="Date fixed."
    ).execute()
    fresh = article_factory(own_section, live=True, title="Just in: new story")
    response = client.get(ARTICLES, {"limit": 10, "cursor": first["next_cursor"]})
    while True:
        body = response.json()
        seen += [item["id"] for item in body["items"]]
        if not body["next_cursor"]:
            break
        response = client.get(ARTICLES, {"limit": 10, "cursor": body["next_cursor"]})
    assert len(seen) == len(set(seen))
    assert set(seen) == before  # every story that was there throughout, once
    assert fresh.pk not in seen  # new stories appear above the walk's start


def test_next_keeps_the_filters(client):
    body = client.get(ARTICLES, {"language": "ar", "limit": 5}).json()
    assert "language=ar" in body["next"]
    assert "limit=5" in body["next"]
    assert f"cursor={body['next_cursor']}" in body["next"]
