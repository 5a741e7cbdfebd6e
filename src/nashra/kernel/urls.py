"""Absolute public URLs, built from NASHRA_BASE_URL rather than the request's host."""

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    """`path` (or a URL whose path we keep) on the public base URL."""
    parts = urlsplit(path)
    return f"{base_url()}{parts.path or '/'}"


def page_url(page, request=None) -> str:
    """The page's public address on the base URL (`request` only saves look-ups)."""
    return absolute(page.get_url(request) or "/")


def absolute_url(url: str) -> str:
    """A site path (`/media/…`) on the base URL; a URL that names its host stays as it is."""
    if url.startswith("/") and not url.startswith("//"):
        return f"{base_url()}{url}"
    return url


def canonical_url(article) -> str:
    """Where the story canonically lives: the override for syndicated copy, else here."""
    return article.canonical_url or page_url(article)


def public_host() -> tuple[str, int]:
    """The host and port readers reach, from NASHRA_BASE_URL (443 for https, 80 for http)."""
    parts = urlsplit(base_url())
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)
