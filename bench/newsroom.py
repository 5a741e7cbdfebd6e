"""Benchmark (not a test): the newsroom's server time with 100,000 articles.

    python bench/make_db.py --articles 100000          # once: var/bench-100000.sqlite3
    PYTHONPATH=src python bench/newsroom.py [--repeat N] [--big URL] [--small URL]

Times, in-process with Django's test client (page cache off, warm process), the public
home, section and article pages, and the Wagtail admin an editor works in: the dashboard,
the explorer listing of a section holding ~25,000 stories, the list of every article, the
admin search, and the edit view of an article. The same requests run on the demo-sized
newsroom (50 articles, made on demand) as the baseline: the ratio shows how each one
grows with the archive. PostgreSQL: pass both URLs, e.g.
--big postgresql://postgres@127.0.0.1:5432/nashra_bench
--small postgresql://postgres@127.0.0.1:5432/nashra_bench_small
"""

from __future__ import annotations

import argparse
import json
import sys

import harness

PUBLIC_TARGET_MS = 50
ADMIN_TARGET_MS = 500
TARGETS = {
    "article": PUBLIC_TARGET_MS,
    "explorer": ADMIN_TARGET_MS,
    "explorer_title": ADMIN_TARGET_MS,
    "explorer_tree": ADMIN_TARGET_MS,
    "all_articles": ADMIN_TARGET_MS,
    "edit": ADMIN_TARGET_MS,
}
ROWS = [
    ("home", "public: home page"),
    ("section", "public: section page (UAE)"),
    ("section_deep", "public: section page 100 (UAE)"),
    ("article", "public: article page"),
    ("article_ar", "public: Arabic article page"),
    ("dashboard", "admin: dashboard"),
    ("explorer", "admin: explorer, UAE section (newest)"),
    ("explorer_title", "admin: explorer, UAE section by title"),
    ("explorer_tree", "admin: explorer, UAE section tree order"),
    ("all_articles", "admin: every article (type usage)"),
    ("admin_search", "admin: page search 'metro'"),
    ("authors", "admin: authors snippet listing"),
    ("edit", "admin: edit an article"),
]


def middle_article(section):
    from nashra.newsroom.models import ArticlePage

    children = ArticlePage.objects.live().child_of(section).order_by("path")
    return children[children.count() // 2]


def measure(url: str, repeat: int) -> dict:
    harness.setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from nashra.newsroom.models import SectionPage

    uae = SectionPage.objects.get(slug="uae", locale__language_code="en")
    article = middle_article(uae)
    arabic = middle_article(SectionPage.objects.get(slug="uae", locale__language_code="ar"))
    reader = Client(HTTP_HOST="localhost")
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(get_user_model().objects.get(username="editor"))
    deep = min(100, max(1, uae.get_children().count() // 12))
    requests = {
        "home": (reader, "/"),
        "section": (reader, uae.url),
        "section_deep": (reader, f"{uae.url}?page={deep}"),
        "article": (reader, article.url),
        "article_ar": (reader, arabic.url),
        "dashboard": (editor, "/admin/"),
        "explorer": (editor, f"/admin/pages/{uae.pk}/"),
        "explorer_title": (editor, f"/admin/pages/{uae.pk}/?ordering=title"),
        "explorer_tree": (editor, f"/admin/pages/{uae.pk}/?ordering=ord"),
        "all_articles": (editor, "/admin/pages/usage/newsroom/articlepage/"),
        "admin_search": (editor, "/admin/pages/search/?q=metro"),
        "authors": (editor, "/admin/snippets/newsroom/author/"),
        "edit": (editor, f"/admin/pages/{article.pk}/edit/"),
    }
    return {
        key: harness.timed_get(client, path, repeat) for key, (client, path) in requests.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", default=harness.default_url(harness.BIG))
    parser.add_argument("--small", default=harness.default_url(harness.SMALL))
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeat)))
        return 0
    if harness.sqlite_missing(args.big):
        print(
            f"no bench database at {args.big}; "
            "make it with: python bench/make_db.py --articles 100000",
            file=sys.stderr,
        )
        return 2
    harness.make_database(args.small, harness.SMALL)
    small = harness.measure_in_child(__file__, args.small, ["--repeat", str(args.repeat)])
    big = harness.measure_in_child(__file__, args.big, ["--repeat", str(args.repeat)])
    title = (
        f"Newsroom server time, ms ({harness.describe(args.big)}, test client, page cache off, "
        f"{args.repeat} requests each; small = demo newsroom of 50 articles, 100k = bench newsroom)"
    )
    met = harness.print_table(title, ROWS, small, big, TARGETS)
    print(harness.machine_load())
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
