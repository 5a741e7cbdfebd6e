"""The read API costs the same number of queries however many articles a page holds."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import ARTICLES, SECTIONS, article_url
from tests.support.caches import clear_caches

pytestmark = pytest.mark.django_db


def queries_for(client, url, params=None) -> int:

    client.get(url, params)  # warm-up: renditions and per-process caches are made once
    clear_caches()  # the overdue check and the site-root cache run each time alike
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_a_page_of_one_costs_what_a_page_of_a_hundred_costs(client):
    one = queries_for(client, ARTICLES, {"limit": 1})
    hundred = queries_for(client, ARTICLES, {"limit": 100})
    filtered = queries_for(client, ARTICLES, {"limit": 100, "section": "uae", "tag": "dubai"})
    assert one == hundred
    assert filtered <= hundred + 2  # the section look-up and its view-restriction check


def test_query_counts_stay_bounded(client, django_assert_max_num_queries):
    from nashra.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().filter(hero_image__isnull=False).first()
    for url, params in [
        (ARTICLES, {"limit": 100}),
        (SECTIONS, None),
        (article_url(article.pk), None),
    ]:
        client.get(url, params)
        with django_assert_max_num_queries(25):
            assert client.get(url, params).status_code == 200


def test_more_articles_do_not_cost_more_queries(client, article_factory, own_section):
    before = queries_for(client, ARTICLES, {"limit": 100})
    sections_before = queries_for(client, SECTIONS)
    for i in range(12):
        article_factory(own_section, live=True, title=f"Counted story {i}", tags=None)
    assert queries_for(client, ARTICLES, {"limit": 100}) == before
    assert queries_for(client, SECTIONS) == sections_before
