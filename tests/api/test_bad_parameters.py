"""Bad parameters: a 400 whose JSON names the field, never a 500 or an empty guess."""

from __future__ import annotations

import pytest

from tests.api.conftest import ARTICLES

pytestmark = pytest.mark.django_db

BAD = [
    ({"language": "fr"}, "language"),
    ({"language": ""}, "language"),
    ({"limit": "0"}, "limit"),
    ({"limit": "1000"}, "limit"),
    ({"limit": "101"}, "limit"),
    ({"limit": "-5"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"cursor": "YTE6MTIzOjA"}, "cursor"),  # well-formed base64, id 0
    ({"cursor": "YTE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OjE"}, "cursor"),  # beyond year 9999
    ({"cursor": "é"}, "cursor"),
    ({"updated_since": "yesterday"}, "updated_since"),
    ({"updated_since": "2025-13-01"}, "updated_since"),
    ({"updated_since": "2025-01-31T09:00:00 04:00"}, "updated_since"),  # an unencoded +
    ({"updated_since": "0001-01-01T00:00:00+04:00"}, "updated_since"),
    ({"section": "nowhere"}, "section"),
    ({"section": "uae", "language": "xx"}, "language"),
    ({"section": "bad slug!"}, "section"),
    ({"section": "nul\x00byte"}, "section"),
    ({"tag": "a/b"}, "tag"),
    ({"tag": "x" * 101}, "tag"),
]


@pytest.mark.parametrize(("params", "field"), BAD)
def test_bad_parameter_is_a_400_naming_the_field(client, params, field):
    response = client.get(ARTICLES, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"].startswith(f"{field}:")


def test_the_section_error_points_to_the_list_of_sections(client):
    error = client.get(ARTICLES, {"section": "nowhere", "language": "ar"}).json()["error"]
    assert "“ar” edition" in error
    assert "/api/v1/sections" in error


def test_an_unencoded_plus_gets_a_hint(client):
    error = client.get(ARTICLES, {"updated_since": "2025-01-31T09:00:00 04:00"}).json()["error"]
    assert "%2B" in error


@pytest.mark.parametrize("path", ["0", "-1", "abc", "1.5", "2147483648", "99999999999999999999"])
def test_an_impossible_article_id_is_a_400(client, path):
    """Ids are 32-bit on PostgreSQL: a larger one must be refused before it reaches SQL."""
    response = client.get(f"{ARTICLES}/{path}")
    assert response.status_code == 400
    assert response.json()["error"].startswith("id:")
