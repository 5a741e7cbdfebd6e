"""Sitemaps: an index over per-edition article and section sitemaps (50,000 URLs a file)."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from nashra.kernel.language import editions
from nashra.kernel.urls import base_url, page_url
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.published import only_published, published_sections

URLS_PER_FILE = 50_000


class PublicSitemap(Sitemap):
    """Locations on NASHRA_BASE_URL, whatever host the crawler asked."""

    limit = URLS_PER_FILE

    def get_protocol(self, protocol=None):
        return urlsplit(base_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(base_url()).netloc

    def location(self, page):
        return urlsplit(page_url(page)).path


class ArticleSitemap(PublicSitemap):
    changefreq = "daily"

    def __init__(self, language: str):
        self.language = language

    def items(self):
        return only_published(
            ArticlePage.objects.filter(locale__language_code=self.language)
        ).order_by("-first_published_at", "-pk")

    def lastmod(self, article):
        return article.last_modified


class SectionSitemap(PublicSitemap):
    changefreq = "hourly"

    def items(self):
        return published_sections().order_by("path")


SITEMAPS = {
    **{f"articles-{language}": ArticleSitemap(language) for language in editions()},
    "sections": SectionSitemap(),
}
