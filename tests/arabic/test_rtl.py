"""The Arabic edition reads right to left, with Latin digits and isolated numbers."""

import re
from datetime import UTC, datetime

import pytest
import time_machine

from nashra.kernel.clock import clock_line_ar

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def paired_articles():
    from nashra.newsroom.models import ArticlePage

    arabic = ArticlePage.objects.live().get(slug="ar-dubai-metro-hours")
    english = arabic.get_translations().live().get().specific
    return english, arabic


@pytest.mark.parametrize("url", ["/ar/", "/ar/uae/"])
def test_arabic_pages_are_rtl(client, url):
    assert '<html lang="ar" dir="rtl">' in html_of(client, url)


def test_english_pages_are_ltr(client):
    assert '<html lang="en" dir="ltr">' in html_of(client, "/")


def test_arabic_article_is_rtl_with_an_arabic_date_and_latin_digits(client):
    _, arabic = paired_articles()
    html = html_of(client, arabic.url)
    assert '<html lang="ar" dir="rtl">' in html
    stamp = re.search(r"نُشر في <bdi><time [^>]+>([^<]+)</time></bdi>", html).group(1)
    assert re.fullmatch(r"\d{1,2} [\u0600-\u06FF]+ \d{4}، \d{1,2}:\d{2} [صم]", stamp), stamp
    assert not re.search(r"[\u0660-\u0669\u06F0-\u06F9]", html)  # no Arabic-Indic digits


@pytest.mark.parametrize(
    "utc, expected",
    [
        # The same instants as the English clock test; names as Chromium's Intl (ar-AE) prints them.
        (datetime(2023, 9, 22, 11, 16, tzinfo=UTC), "3:16 م الجمعة، 22 سبتمبر 2023"),
        (datetime(2023, 9, 21, 20, 5, tzinfo=UTC), "12:05 ص الجمعة، 22 سبتمبر 2023"),
        (datetime(2023, 9, 22, 8, 0, tzinfo=UTC), "12:00 م الجمعة، 22 سبتمبر 2023"),
        (datetime(2024, 4, 1, 4, 30, tzinfo=UTC), "8:30 ص الاثنين، 1 أبريل 2024"),
    ],
)
def test_arabic_clock_line(utc, expected):
    assert clock_line_ar(utc) == expected


def test_arabic_header_renders_the_arabic_clock(client):
    with time_machine.travel(datetime(2023, 9, 22, 11, 16, tzinfo=UTC), tick=False):
        html = html_of(client, "/ar/")
    assert 'data-locale="ar"' in html
    assert "<bdi><time" in html
    assert "3:16 م الجمعة، 22 سبتمبر 2023</time></bdi>" in html


def test_section_pagination_isolates_its_numbers(client, settings):
    settings.NASHRA_SECTION_PAGE_SIZE = 1
    html = html_of(client, "/ar/uae/")
    assert re.search(r"الصفحة <bdi>1</bdi> من <bdi>\d+</bdi>", html)
