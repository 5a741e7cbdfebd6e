"""`nashra bench-db`: a bulk-written newsroom that the site, the admin and search all accept."""

import pytest
from django.test import Client

from nashra.cli import main
from nashra.newsroom.benchdb.build import BenchRefused, build_bench_newsroom, tree_problems
from nashra.newsroom.benchdb.copywriter import write_article
from nashra.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db

COUNT = 300


@pytest.fixture
def bench():
    report = build_bench_newsroom(COUNT, batch_size=120)
    bench_articles = ArticlePage.objects.filter(owner__username="bench")
    return report, bench_articles


def bench_article(number: int) -> tuple:
    copy = write_article(number)
    return copy, ArticlePage.objects.get(slug=copy.slug, locale__language_code=copy.language)


def first_bench_article(language: str) -> tuple:
    number = next(n for n in range(COUNT) if write_article(n).language == language)
    return bench_article(number)


def test_the_tree_is_valid_and_every_article_is_written(bench):
    from wagtail.models import Page

    report, articles = bench
    assert report.created == COUNT
    assert articles.count() == COUNT
    assert all(not problems for problems in Page.find_problems())  # treebeard's own check
    assert not any(tree_problems().values())  # the fast check the command runs
    assert articles.filter(live=True, live_revision__isnull=False).count() == COUNT
    assert set(articles.values_list("locale__language_code", flat=True)) == {"en", "ar"}
    assert articles.filter(tagged_items__isnull=False).distinct().count() == COUNT


def test_a_second_run_adds_only_what_is_missing(bench):
    report = build_bench_newsroom(COUNT + 20, batch_size=120)
    assert (report.existing, report.created) == (COUNT, 20)
    assert ArticlePage.objects.filter(owner__username="bench").count() == COUNT + 20


@pytest.mark.parametrize("language", ["en", "ar"])
def test_articles_are_served_at_their_urls(bench, client, language):
    copy, article = first_bench_article(language)
    response = client.get(article.url)
    assert response.status_code == 200
    assert copy.headline in response.content.decode()
    assert article.url.startswith("/ar/" if language == "ar" else "/")


def test_articles_are_listed_and_edited_in_the_admin(bench, editor_client, plain_admin_templates):
    _, articles = bench
    newest = articles.filter(locale__language_code="en").order_by("-latest_revision_created_at")[0]
    section = newest.get_parent()
    listing = editor_client.get(
        f"/admin/pages/{section.pk}/", {"ordering": "-latest_revision_created_at"}
    )
    assert listing.status_code == 200
    assert newest.title in listing.content.decode()
    edit = editor_client.get(f"/admin/pages/{newest.pk}/edit/")
    assert edit.status_code == 200
    assert newest.standfirst in edit.content.decode()


@pytest.mark.parametrize(("language", "path"), [("en", "/search/"), ("ar", "/ar/search/")])
def test_articles_are_found_by_search(bench, client, language, path):
    copy, article = first_bench_article(language)
    response = client.get(path, {"q": f"{copy.person} {copy.company}"})
    assert article.url in response.content.decode()
    in_section = client.get(path, {"q": copy.person, "section": copy.section})
    assert article.url in in_section.content.decode()
    elsewhere = next(slug for slug in ("uae", "world") if slug != copy.section)
    other_section = client.get(path, {"q": f"{copy.person} {copy.company}", "section": elsewhere})
    assert article.url not in other_section.content.decode()


def test_arabic_search_folds_the_bench_copy(bench):
    from nashra.finder.query import SearchRequest, search_articles

    copy, article = first_bench_article("ar")
    with_harakat = "ِ".join(copy.person)  # kasra after every letter: folded away
    found = search_articles(SearchRequest(text=with_harakat, languages=["ar"]))
    assert article.pk in {a.pk for a in found}


def test_a_database_with_articles_of_its_own_is_refused(article_factory, own_section):
    article_factory(own_section, live=True, title="A real story")
    with pytest.raises(BenchRefused, match=r"stories of its own \(1\)"):
        build_bench_newsroom(10)
    assert not ArticlePage.objects.filter(owner__username="bench").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--articles", "-1"], "--articles must be 0 or more"),
        (["--batch-size", "0"], "--batch-size"),
    ],
)
def test_bad_arguments_exit_with_one_line(capsys, args, message):
    assert main(["bench-db", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_sections_keep_their_own_pages(bench):
    from nashra.newsroom.benchdb.words import SECTION_SHARES

    for section in SectionPage.objects.all():
        assert section.numchild == section.get_children().count()
    assert set(SECTION_SHARES) == set(SectionPage.objects.values_list("slug", flat=True))
    assert Client().get("/uae/?page=2").status_code == 200
