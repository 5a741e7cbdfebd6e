"""Benchmark (not a test): reader search (/search/) over 100,000 articles.

    python bench/make_db.py --articles 100000          # once: var/bench-100000.sqlite3
    PYTHONPATH=src python bench/search.py [--repeat N] [--big URL] [--small URL]

Times, in-process with Django's test client (page cache off, warm process), a set of
realistic searches: common and rare English words, multi-word queries, a person and a
company named in a few dozen stories, Arabic with and without diacritics and hamza, and
section, language and date filters. Prints p50 and p95 over all of them, the same on the
demo-sized newsroom (50 articles) as the baseline, the ratio, and per query the number
of results on the big database. PostgreSQL: --big/--small postgresql://... as in
bench/newsroom.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from urllib.parse import urlencode

import harness

TARGET_P95_MS = 50
QUERIES = [
    # (label, path, parameters)
    ("common word", "/search/", {"q": "dubai"}),
    ("common word, both editions", "/search/", {"q": "dubai", "lang": "any"}),
    ("frequent headline word", "/search/", {"q": "metro"}),
    ("stemmed plural", "/search/", {"q": "markets"}),
    ("rare word", "/search/", {"q": "desalination"}),
    ("two words", "/search/", {"q": "solar park"}),
    ("three words", "/search/", {"q": "flood defences Fujairah"}),
    ("place", "/search/", {"q": "Ruwais"}),
    ("person (rare)", "/search/", {"q": "Shamma Al Ketbi"}),
    ("company (rare)", "/search/", {"q": "Zafran Payments"}),
    ("no match", "/search/", {"q": "xylophone"}),
    ("word + section", "/search/", {"q": "airline", "section": "business"}),
    (
        "word + dates",
        "/search/",
        {"q": "school", "date_from": "2025-01-01", "date_to": "2025-06-30"},
    ),
    ("page 3 of a common word", "/search/", {"q": "council", "page": "3"}),
    ("Arabic common", "/ar/search/", {"q": "دبي"}),
    ("Arabic, hamza", "/ar/search/", {"q": "أسعار الوقود"}),
    ("Arabic, no hamza", "/ar/search/", {"q": "اسعار الوقود"}),
    ("Arabic, diacritics", "/ar/search/", {"q": "مُسْتَشْفَى"}),
    ("Arabic, alef maqsura as ya", "/ar/search/", {"q": "مستشفي"}),
    ("Arabic person (rare)", "/ar/search/", {"q": "شمة الكتبي"}),
    ("Arabic + section", "/ar/search/", {"q": "الطاقة", "section": "business"}),
    ("Arabic, both editions", "/ar/search/", {"q": "مترو", "lang": "any"}),
]


def result_count(path: str, params: dict) -> int:
    from django.utils import translation

    from nashra.search.forms import SearchForm
    from nashra.search.query import SearchRequest, search_articles

    language = "ar" if path.startswith("/ar/") else "en"
    with translation.override(language):
        form = SearchForm({"lang": language, **params})
        form.is_valid()
        data = form.cleaned_data
    lang = data.get("lang") or language
    return search_articles(
        SearchRequest(
            text=data.get("q") or "",
            section=data.get("section") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            languages=[] if lang == "any" else [lang],
        )
    ).count()


def measure(url: str, repeat: int) -> dict:
    harness.setup_django()
    from django.test import Client

    reader = Client(HTTP_HOST="localhost")
    results = {}
    for label, path, params in QUERIES:
        timing = harness.timed_get(reader, f"{path}?{urlencode(params)}", repeat, samples=True)
        timing["results"] = result_count(path, params)
        results[label] = timing
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", default=harness.default_url(harness.BIG))
    parser.add_argument("--small", default=harness.default_url(harness.SMALL))
    parser.add_argument("--repeat", type=int, default=20)
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
    print(
        f"Search server time, ms ({harness.describe(args.big)}, test client, page cache off, "
        f"{args.repeat} requests per query; small = demo newsroom of 50 articles, "
        "100k = bench newsroom)"
    )
    print(
        f"{'query':34s} {'small p50':>9s} {'100k p50':>9s} {'100k p95':>9s}"
        f" {'queries':>8s} {'results':>8s}"
    )
    for label, _, _ in QUERIES:
        s, b = small[label], big[label]
        print(
            f"{label:34s} {s['p50']:8.1f}  {b['p50']:8.1f}  {b['p95']:8.1f}"
            f"  {s['queries']:3d}/{b['queries']:<3d} {b['results']:8d}"
        )
    overall = {}
    for name, runs in (("small", small), ("100k", big)):
        samples = sorted(sample for run in runs.values() for sample in run["samples"])
        overall[name] = (
            statistics.median(samples),
            samples[max(0, round(0.95 * len(samples)) - 1)],
        )
    (small_p50, small_p95), (big_p50, big_p95) = overall["small"], overall["100k"]
    met = big_p95 <= TARGET_P95_MS
    print(
        f"all queries: small p50 {small_p50:.1f} p95 {small_p95:.1f}; "
        f"100k p50 {big_p50:.1f} p95 {big_p95:.1f}; ratio p95 {big_p95 / small_p95:.2f}x; "
        f"target p95 <= {TARGET_P95_MS} ms {'ok' if met else 'MISSED'}"
    )
    print(harness.machine_load())
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
