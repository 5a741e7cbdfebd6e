"""A story's URL is found in one query (`HomePage.route`), and only a live story's."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from nashra.newsroom.models import ArticlePage, HomePage

pytestmark = pytest.mark.django_db


def english_home():
    return HomePage.objects.get(locale__language_code="en")


def test_a_story_is_routed_in_one_query(article_factory, own_section):
    story = article_factory(own_section, live=True)
    home = english_home()
    request = RequestFactory().get(story.url)
    with CaptureQueriesContext(connection) as captured:
        found = home.route(request, [own_section.slug, story.slug])
    assert len(captured) == 2  # the story with its locale, agency and picture; its byline
    assert type(found.page) is ArticlePage
    assert found.page.pk == story.pk
    with CaptureQueriesContext(connection) as captured:
        assert found.page.locale.language_code == "en"
        list(found.page.authors.all())
    assert len(captured) == 0


def test_a_story_answers_at_its_url_in_both_editions(client, article_factory, arabic_section):
    story = article_factory(arabic_section, live=True, title="مجلس يقر خطة طريق")
    assert story.url.startswith("/ar/")
    response = client.get(story.url)
    assert response.status_code == 200
    assert "مجلس يقر خطة طريق" in response.content.decode()


def test_a_story_that_is_not_live_is_not_found(client, article_factory, own_section):
    draft = article_factory(own_section, live=False)
    url = f"{own_section.url}{draft.slug}/"
    assert client.get(url).status_code == 404


def test_a_renamed_section_moves_its_stories(client, article_factory, own_section, editor):
    story = article_factory(own_section, live=True)
    old_url = story.url
    own_section.slug = "emirates"
    own_section.save_revision(user=editor).publish(user=editor)
    moved = ArticlePage.objects.get(pk=story.pk)
    assert moved.url == old_url.replace("/uae/", "/emirates/")
    assert client.get(moved.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_section_and_unknown_paths_are_still_wagtails(client, own_section):
    assert client.get(own_section.url).status_code == 200
    assert client.get(f"{own_section.url}no-such-story/").status_code == 404
    assert client.get("/no-such-section/no-such-story/").status_code == 404
