"""`nashra setup` points the Wagtail Site record at NASHRA_BASE_URL's host."""

from __future__ import annotations

import pytest
from django.test import override_settings
from wagtail.models import Site

from nashra.newsroom.models import HomePage
from nashra.site.public_site import point_default_site_at_public_host

pytestmark = pytest.mark.django_db


@override_settings(WAGTAILADMIN_BASE_URL="https://news.example.ae")
def test_the_default_site_follows_an_https_public_url():
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=8000)
    assert point_default_site_at_public_host() is True
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("news.example.ae", 443)
    home = HomePage.objects.filter(locale__language_code="en").first()
    assert home.full_url.startswith("https://news.example.ae/")
    assert point_default_site_at_public_host() is False  # nothing to change twice


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")
def test_an_explicit_port_is_kept():
    point_default_site_at_public_host()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
