"""The OpenAPI description tells a client everything the read API does."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_docs_page_is_served(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    """No CDN: a blank page offline, and a third-party request, otherwise."""
    html = client.get("/api/v1/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith(".js") for asset in assets), assets
    assert any(asset.endswith(".css") for asset in assets), assets
    for asset in assets:
        assert not urlsplit(asset).netloc, asset
        assert asset.startswith("/static/"), asset
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not a static file"


def test_each_read_endpoint_is_described_with_its_responses(spec):
    expected = {
        "/api/v1/articles": {"200", "304", "400"},
        "/api/v1/articles/{id}": {"200", "304", "400", "404", "410"},
        "/api/v1/sections": {"200", "304"},
    }
    for path, statuses in expected.items():
        responses = spec["paths"][path]["get"]["responses"]
        assert set(responses) == statuses, path
        assert "$ref" in responses["200"]["content"]["application/json"]["schema"]
        assert "ETag" in responses["200"]["headers"]
        assert "ETag" in responses["304"]["headers"]


def test_article_list_parameters_and_item_fields(spec):
    parameters = {p["name"]: p for p in spec["paths"]["/api/v1/articles"]["get"]["parameters"]}
    assert set(parameters) == {"section", "tag", "language", "updated_since", "cursor", "limit"}
    limit = parameters["limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 100, 20)
    assert parameters["language"]["schema"]["anyOf"][0]["enum"] == ["en", "ar"]
    item = spec["components"]["schemas"]["ArticleOut"]["properties"]
    for field in (
        "id",
        "url",
        "headline",
        "kicker",
        "standfirst",
        "section",
        "language",
        "tags",
        "authors",
        "agency",
        "dateline",
        "first_published_at",
        "updated_at",
        "hero_image",
        "translation",
    ):
        assert field in item, field
    detail = spec["components"]["schemas"]["ArticleDetailOut"]["properties"]
    assert {"body_html", "body", "corrections"} <= set(detail)
    assert detail["body"]["items"]["discriminator"]["propertyName"] == "type"


def test_prayer_times_are_still_described(spec):
    assert "/api/v1/prayer-times" in spec["paths"]
    assert "/api/v1/prayer-times/month" in spec["paths"]
