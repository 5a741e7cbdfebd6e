"""English and Arabic versions of a page point at each other (link and hreflang)."""

import pytest

pytestmark = pytest.mark.django_db


def paired_articles():
    from nashra.newsroom.models import ArticlePage

    arabic = ArticlePage.objects.live().get(slug="ar-dubai-metro-hours")
    english = arabic.get_translations().live().get().specific
    return english, arabic


def test_english_article_links_to_its_arabic_version(client):
    english, arabic = paired_articles()
    html = client.get(english.url).content.decode()
    assert f'<a href="{arabic.url}" hreflang="ar" lang="ar" dir="rtl">اقرأ بالعربية</a>' in html
    assert f'<link rel="alternate" hreflang="ar" href="http://localhost:8000{arabic.url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://localhost:8000{english.url}">' in html


def test_arabic_article_links_to_its_english_version(client):
    english, arabic = paired_articles()
    html = client.get(arabic.url).content.decode()
    assert f'<a href="{english.url}" hreflang="en" lang="en" dir="ltr">Read in English</a>' in html
    assert f'<link rel="alternate" hreflang="en" href="http://localhost:8000{english.url}">' in html


def test_unpaired_article_has_no_counterpart_and_no_hreflang(client):
    from nashra.newsroom.models import ArticlePage

    lonely = next(
        a
        for a in ArticlePage.objects.live().filter(locale__language_code="ar")
        if not a.get_translations().live().exists()
    )
    html = client.get(lonely.url).content.decode()
    assert 'class="counterpart"' not in html
    assert 'hreflang="en" href=' not in html.split("</head>")[0]
    # The header switcher still offers the other edition: its front page.
    assert '<nav class="language-switch" aria-label="اللغة"><a href="/" hreflang="en"' in html


@pytest.mark.parametrize("english, arabic", [("/", "/ar/"), ("/uae/", "/ar/uae/")])
def test_home_and_sections_link_to_their_counterparts(client, english, arabic):
    en_html = client.get(english).content.decode()
    ar_html = client.get(arabic).content.decode()
    assert f'<a href="{arabic}" hreflang="ar"' in en_html
    assert f'<a href="{english}" hreflang="en"' in ar_html
    assert f'<link rel="alternate" hreflang="ar" href="http://localhost:8000{arabic}">' in en_html


def test_header_switcher_goes_to_the_translation_of_the_page(client):
    english, arabic = paired_articles()
    html = client.get(english.url).content.decode()
    switch = html.split('<nav class="language-switch"')[1].split("</nav>")[0]
    assert f'href="{arabic.url}"' in switch
