"""robots.txt and the Google News sitemaps."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from nashra.kernel.language import editions
from nashra.kernel.urls import absolute, page_url
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.published import only_published

NEWS_WINDOW = timedelta(hours=48)  # Google News only reads articles from the last two days
NEWS_MAX_URLS = 1_000
NEWS_LANGUAGES = editions()


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /ar/search/",
        "",
        f"Sitemap: {absolute('/sitemap.xml')}",
        *(f"Sitemap: {absolute(f'/news-sitemap-{language}.xml')}" for language in NEWS_LANGUAGES),
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def news_sitemap(request, language: str):
    if language not in NEWS_LANGUAGES:
        raise Http404("No such edition")
    since = timezone.now() - NEWS_WINDOW
    articles = (
        only_published(ArticlePage.objects.filter(locale__language_code=language))
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at", "-pk")[:NEWS_MAX_URLS]
    )
    entries = [{"article": article, "loc": page_url(article)} for article in articles]
    return render(
        request,
        "syndication/news_sitemap.xml",
        {"entries": entries, "language": language, "publication": settings.NASHRA_PUBLISHER_NAME},
        content_type="application/xml; charset=utf-8",
    )
