"""Search ranks the latest NASHRA_SEARCH_WINDOW matches (nashra.search.backends)."""

import datetime as dt

import pytest

from nashra.newsroom.models import ArticlePage
from nashra.search.query import SearchRequest, search_articles

pytestmark = pytest.mark.django_db


def english_dubai():
    return list(search_articles(SearchRequest(text="dubai", languages=["en"])))


def test_a_wide_window_finds_what_wagtails_own_search_finds():
    from wagtail.search.backends import get_search_backend

    ours = {article.pk for article in english_dubai()}
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    live_english = ArticlePage.objects.live().filter(locale_id=english.pk)
    plain = {article.pk for article in get_search_backend().search("dubai", live_english)}
    assert ours
    assert ours == plain


def latest_indexed(articles, count):
    """`articles` last indexed first: the order the window walks (index entry ids)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage),
        object_id__in=[str(article.pk) for article in articles],
    ).order_by("-id")
    return {int(object_id) for object_id in entries.values_list("object_id", flat=True)[:count]}


def test_a_narrow_window_keeps_the_latest_matches_and_says_there_were_more(client, settings):
    everything = english_dubai()
    settings.NASHRA_SEARCH_WINDOW = 3
    found = search_articles(SearchRequest(text="dubai", languages=["en"]))
    assert found.count() == 3
    assert found.capped
    assert {article.pk for article in found} == latest_indexed(everything, 3)
    html = client.get("/search/", {"q": "dubai"}).content.decode()
    assert "More than 3 results" in html
    assert html.count('class="search-result"') == 3


def test_a_window_larger_than_the_matches_is_not_capped():
    found = search_articles(SearchRequest(text="dubai", languages=["en"]))
    assert not found.capped
    assert found.count() == len(english_dubai())


def test_pages_of_a_window_do_not_overlap(settings):
    settings.NASHRA_SEARCH_PAGE_SIZE = 2
    found = search_articles(SearchRequest(text="dubai", languages=["en"]))
    first, second = list(found[0:2]), list(found[2:4])
    assert first
    assert second
    assert not {a.pk for a in first} & {a.pk for a in second}


def test_the_edition_filter_is_an_index_word_too():
    arabic = search_articles(SearchRequest(text="dubai", languages=["ar"]))
    assert all(article.locale.language_code == "ar" for article in arabic)
    both = {a.pk for a in search_articles(SearchRequest(text="dubai", languages=[]))}
    assert {a.pk for a in english_dubai()} <= both


def test_an_article_indexes_its_edition_and_section():
    article = ArticlePage.objects.live().filter(locale__language_code="ar").first()
    words = article.search_facets().split()
    assert words[:2] == [
        f"nashralocale{article.locale_id}",
        f"nashrasection{article.get_parent().pk}",
    ]
    assert len(words) == 3
    assert words[2].startswith("nashramonth")


def test_month_words_span_years():
    from nashra.newsroom.models.search_fields import month_words

    assert month_words(dt.date(2024, 11, 30), dt.date(2025, 2, 1)) == [
        "nashramonth202411",
        "nashramonth202412",
        "nashramonth202501",
        "nashramonth202502",
    ]
    assert month_words(dt.date(2025, 3, 9), dt.date(2025, 3, 9)) == ["nashramonth202503"]


def test_a_date_range_is_also_month_words_in_dubai_time():
    from nashra.search.query import narrowing

    article = english_dubai()[0]
    # 21:30 UTC on 31 January is 01:30 on 1 February in Dubai: a February story.
    article.first_published_at = dt.datetime(2025, 1, 31, 21, 30, tzinfo=dt.UTC)
    article.save()
    assert "nashramonth202502" in article.search_facets().split()

    def found(first, last):
        request = SearchRequest(text="dubai", languages=["en"], date_from=first, date_to=last)
        return {a.pk for a in search_articles(request)}

    assert found(dt.date(2025, 2, 1), dt.date(2025, 2, 1)) == {article.pk}
    assert found(dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == set()
    assert article.pk in found(dt.date(2024, 12, 1), dt.date(2025, 3, 31))
    wide = SearchRequest(text="dubai", date_from=dt.date(2020, 1, 1), date_to=dt.date(2025, 3, 1))
    assert not any(word.startswith("nashramonth") for w in narrowing(wide).facets for word in w)


@pytest.fixture
def plain_admin_templates(monkeypatch):
    """Wagtail's admin templates rely on missing variables rendering as '' (see
    tests/support/personas.py)."""
    from django.template import engines

    monkeypatch.setattr(engines["django"].engine, "string_if_invalid", "")


def test_the_admin_page_search_lists_matches_newest_first(editor_client, plain_admin_templates):
    # The admin searches with autocomplete: newest first, not ranked (5.6 s at 100,000).
    from nashra.newsroom.models import SectionPage

    section = SectionPage.objects.get(slug="uae", locale__language_code="en")
    for title in ("Zanzibari traders return", "Zanzibari dhow festival opens"):
        story = ArticlePage(title=title, slug=title.lower().replace(" ", "-"), standfirst="A")
        section.add_child(instance=story)
        story.save_revision().publish()
    response = editor_client.get("/admin/pages/search/", {"q": "zanzib"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Zanzibari dhow festival opens") < html.index("Zanzibari traders return")
    by_title = editor_client.get("/admin/pages/search/", {"q": "zanzib", "ordering": "title"})
    html = by_title.content.decode()
    assert html.index("Zanzibari dhow festival opens") < html.index("Zanzibari traders return")
    reverse = editor_client.get("/admin/pages/search/", {"q": "zanzib", "ordering": "-title"})
    html = reverse.content.decode()
    assert html.index("Zanzibari traders return") < html.index("Zanzibari dhow festival opens")


def test_filter_words_narrow_but_do_not_rank():
    from wagtail.search.query import And, PlainText

    from nashra.search.backends import Facet, without_facets

    words = PlainText("solar park", operator="and")
    edition = Facet([PlainText("nashralocale1")])
    months = Facet([PlainText("nashramonth202501"), PlainText("nashramonth202502")])
    assert without_facets(And([words, edition, months])) is words
    assert without_facets(words) is words
    both = without_facets(And([words, PlainText("metro"), edition]))
    assert isinstance(both, And)
    assert [q.query_string for q in both.subqueries] == ["solar park", "metro"]


def test_the_window_walks_past_matches_readers_may_not_see(settings):
    from django.utils import timezone

    everything = english_dubai()
    latest_six = latest_indexed(everything, 6)
    withdrawn = latest_indexed(everything, 4)  # the first batch on PostgreSQL and then some
    ArticlePage.objects.filter(pk__in=withdrawn).update(killed_at=timezone.now())
    settings.NASHRA_SEARCH_WINDOW = 2
    found = search_articles(SearchRequest(text="dubai", languages=["en"]))
    assert found.count() == 2
    assert found.capped
    assert {article.pk for article in found} == latest_six - withdrawn


def test_the_image_chooser_search_still_answers(editor_client, plain_admin_templates):
    from wagtail.images import get_image_model

    title = get_image_model().objects.order_by("pk").first().title
    response = editor_client.get("/admin/images/chooser/results/", {"q": title[:4]})
    assert response.status_code == 200
    assert title in response.content.decode()


def test_an_edited_story_is_found_by_its_new_words_and_not_its_old_ones():
    # On PostgreSQL the words searched are a column PostgreSQL derives from the entry
    # (migration search/0003): it must follow every re-index of the story.
    story = english_dubai()[0]
    story.title = "Quokka sanctuary opens in Dubai"
    story.save_revision().publish()

    def found(text):
        return {a.pk for a in search_articles(SearchRequest(text=text, languages=["en"]))}

    assert story.pk in found("quokka sanctuary")
    story.title = "Wombat sanctuary opens in Dubai"
    story.save_revision().publish()
    assert story.pk not in found("quokka")
    assert story.pk in found("wombat")


@pytest.mark.parametrize(("first_slice", "batch"), [(1, 2), (3, 1), (10_000, 7)])
def test_the_walk_reads_every_entry_once_newest_first(monkeypatch, first_slice, batch):
    # PostgreSQL reads the matches a slice of index entry ids at a time, each slice
    # wider than the last (nashra.search.backends.newest_first): thin slices and small
    # batches cross many slice ends, and no entry may be skipped or read twice.
    from wagtail.search.models import IndexEntry

    from nashra.search import backends

    monkeypatch.setattr(backends, "FIRST_SLICE", first_slice)
    entries = IndexEntry.objects.order_by("-id")
    expected = [(entry, int(page)) for entry, page in entries.values_list("id", "object_id")]
    assert len(expected) > 20
    assert list(backends.newest_first(entries, expected[0][0], batch)) == expected


def test_thin_slices_find_the_latest_matches_past_withdrawn_ones(settings, monkeypatch):
    from django.utils import timezone

    from nashra.search import backends

    everything = english_dubai()
    withdrawn = latest_indexed(everything, 4)
    ArticlePage.objects.filter(pk__in=withdrawn).update(killed_at=timezone.now())
    monkeypatch.setattr(backends, "FIRST_SLICE", 1)
    settings.NASHRA_SEARCH_WINDOW = 3
    found = search_articles(SearchRequest(text="dubai", languages=["en"]))
    assert found.count() == 3
    assert found.capped
    assert {article.pk for article in found} == latest_indexed(everything, 7) - withdrawn
