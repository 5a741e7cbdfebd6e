"""Absolute public URLs, built from NASHRA_BASE_URL rather than the request's host."""

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    """`path` (or a URL whose path we keep) on the public base URL."""
    parts = urlsplit(path)
    return f"{base_url()}{parts.path or '/'}"


def page_url(page) -> str:
    """The page's public address on the base URL."""
    return absolute(page.get_url() or "/")


def canonical_url(article) -> str:
    """Where the story canonically lives: the override for syndicated copy, else here."""
    return article.canonical_url or page_url(article)
