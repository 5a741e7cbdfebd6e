"""Arabic search finds a word with its clitics and suffixes (light10 stems, both databases)."""

import pytest

from nashra.search.query import SearchRequest, search_articles

pytestmark = pytest.mark.django_db


def found(text: str, language: str = "ar") -> set[int]:
    return {
        article.pk for article in search_articles(SearchRequest(text=text, languages=[language]))
    }


@pytest.fixture
def emirates_stories(arabic_section, article_factory):
    titles = ["اتفاق ملاحي بين مصر والإمارات", "افتتاح معرض الطيران بالإمارات", "الإمارات تعلن خطة"]
    return [article_factory(arabic_section, live=True, title=title) for title in titles]


def test_bare_word_finds_the_word_with_the_article(client):
    # The demo's gold story says «الذهب»; a reader types «ذهب».
    response = client.get("/ar/search/", {"q": "ذهب"})
    html = response.content.decode()
    assert "/ar-gold-prices-dubai-souq/" in html
    assert "<mark>الذهب</mark>" in html


def test_word_with_article_finds_it_after_and_and_bi(emirates_stories):
    assert found("الامارات") >= {story.pk for story in emirates_stories}


def test_clitics_on_the_query_side_too(emirates_stories):
    assert found("بالامارات") == found("الإمارات") == found("والإمارات")
    assert found("بالامارات") >= {story.pk for story in emirates_stories}


def test_plural_and_taa_marbuta_variants(arabic_section, article_factory):
    story = article_factory(arabic_section, live=True, title="المعلمون يعودون إلى المدرسة")
    assert story.pk in found("معلمين")
    assert story.pk in found("مدرسه")


def test_arabic_indic_digits_find_ascii_digits(arabic_section, article_factory):
    story = article_factory(arabic_section, live=True, title="خطة رؤية 2071 تدخل مرحلتها الثانية")
    assert story.pk in found("٢٠٧١")


def test_a_word_with_another_stem_is_not_found():
    # «ذهبت» ("she went") is not gold: light10 keeps its ت, so it does not meet «الذهب».
    gold = {a.pk for a in search_articles(SearchRequest(text="الذهب", languages=["ar"]))}
    assert gold
    assert not found("ذهبت") & gold


def test_english_stemming_still_works():
    assert found("market", "en")
    assert found("market", "en") == found("markets", "en")


def test_results_page_marks_the_clitic_forms(client, emirates_stories):
    html = client.get("/ar/search/", {"q": "الامارات"}).content.decode()
    assert "<mark>والإمارات</mark>" in html
    assert "<mark>بالإمارات</mark>" in html
