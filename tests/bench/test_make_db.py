"""`bench/make_db.py`: a bulk-written newsroom that the site, the admin and search all accept."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from bench import make_db
from bench.benchdb.build import BenchRefused, build_bench_newsroom, tree_problems
from bench.benchdb.copywriter import write_article
from nashra.cli import main
from nashra.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db

COUNT = 300
SCRIPT = Path(make_db.__file__)


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
    from nashra.search.query import SearchRequest, search_articles

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
    assert make_db.main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_an_unknown_option_exits_with_one_line(capsys):
    assert make_db.main(["--articels", "30"]) == 2
    err = capsys.readouterr().err
    assert "--articels" in err
    assert err.count("\n") == 1


def test_the_product_cli_has_no_bench_command(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["bench-db", "--articles", "30"])
    assert exit.value.code == 2
    assert "invalid choice: 'bench-db'" in capsys.readouterr().err


def test_sections_keep_their_own_pages(bench):
    from bench.benchdb.words import SECTION_SHARES

    for section in SectionPage.objects.all():
        assert section.numchild == section.get_children().count()
    assert set(SECTION_SHARES) == set(SectionPage.objects.values_list("slug", flat=True))
    assert Client().get("/uae/?page=2").status_code == 200


def test_the_script_makes_a_small_database_from_nothing(tmp_path):
    """End to end, in its own process, as `make bench` runs it: migrate, demo, 30 articles."""
    database = tmp_path / "bench-30.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nashra.site.settings_test"}
    env["NASHRA_VAR_DIR"] = str(tmp_path)
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_URL", None)
    command = [sys.executable, str(SCRIPT), "--articles", "30", "--batch-size", "12"]
    result = subprocess.run(
        [*command, "--database-url", f"sqlite:///{database}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Bench newsroom: 30 bench articles (created 30 articles" in result.stdout
    assert "tree valid" in result.stdout
    with sqlite3.connect(database) as db:
        (bench,) = db.execute(
            "SELECT count(*) FROM newsroom_articlepage a"
            " JOIN wagtailcore_page p ON p.id = a.page_ptr_id"
            " JOIN auth_user u ON u.id = p.owner_id WHERE u.username = 'bench' AND p.live"
        ).fetchone()
    assert bench == 30
