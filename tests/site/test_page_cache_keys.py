"""Junk cookies and query strings are served from the page cache; the scheme is in the key."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nashra.kernel import page_cache

SRC = Path(__file__).resolve().parents[2] / "src" / "nashra"


def cache_state(response):
    return response.headers.get("X-Nashra-Cache")


@pytest.mark.django_db
def test_a_made_up_session_cookie_is_served_from_cache(client):
    client.get("/")
    client.cookies["sessionid"] = "no-such-session-abcdefgh12345678"
    assert cache_state(client.get("/")) == "hit"


@pytest.mark.django_db
def test_unknown_cookies_are_served_from_cache(client):
    client.get("/")
    client.cookies["tracking"] = "x" * 40
    client.cookies["csrftoken"] = "y" * 32
    assert cache_state(client.get("/")) == "hit"


@pytest.mark.django_db
def test_a_signed_in_editor_still_bypasses_with_other_cookies(editor_client):
    editor_client.cookies["tracking"] = "x"
    assert cache_state(editor_client.get("/?utm_source=x")) is None


@pytest.mark.django_db
def test_unknown_query_parameters_share_the_plain_pages_entry(client):
    client.get("/")
    assert cache_state(client.get("/?utm_source=a&fbclid=123")) == "hit"
    assert cache_state(client.get("/?cachebust=98765")) == "hit"


@pytest.mark.django_db
def test_page_one_and_a_junk_page_number_share_the_first_pages_entry(client):
    client.get("/")
    assert cache_state(client.get("/?page=1")) == "hit"
    assert cache_state(client.get("/?page=abc")) == "hit"


@pytest.mark.django_db
def test_search_keeps_its_own_parameters_and_never_echoes_dropped_ones(client):
    first = client.get("/search/?q=dubai&junkparam=leaked-value")
    assert cache_state(first) == "miss"
    assert b"leaked-value" not in first.content
    again = client.get("/search/?junkparam=other&q=dubai")
    assert cache_state(again) == "hit"
    other = client.get("/search/?q=sharjah")
    assert cache_state(other) == "miss"


@pytest.mark.django_db
def test_https_readers_get_pages_rendered_for_https(client):
    plain = client.get("/sitemap.xml")
    assert b"<loc>http://" in plain.content
    secure = client.get("/sitemap.xml", secure=True)
    assert cache_state(secure) == "miss"
    assert b"<loc>http://" not in secure.content
    assert b"<loc>https://" in secure.content


def _names_read_from_request_get(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "GET"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


def test_every_parameter_a_reader_view_reads_is_kept():
    kept = {name for _, names in page_cache.QUERY_PARAMETERS for name in names}
    kept |= set(page_cache.PAGED_PARAMETERS)
    read = set()
    for path in SRC.rglob("*.py"):
        if "api" in path.parts or path.name == "api.py":
            continue  # the API is never page-cached
        read |= _names_read_from_request_get(path)
    from nashra.search.forms import SearchForm

    read |= set(SearchForm.base_fields)  # the search form reads its fields from request.GET
    assert read
    assert read - kept == set()
