"""Whole-page caching for anonymous readers.

A cached page is keyed (`cache.PAGES`) by the purge generation, the Dubai date and the
URL, so that:
- nothing shows yesterday's header after Dubai midnight (the date is in the key);
- publishing purges every page at once (`cache.purge()` moves the generation on);
- editors, who carry a session cookie, always bypass the cache.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from nashra.kernel.cache import PAGES
from nashra.kernel.clock import dubai_today

BYPASS_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/api/", "/static/", "/media/")


def page_cache_key(request) -> str:
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return PAGES.key(dubai_today().isoformat(), request.get_host(), request.method, url)


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(BYPASS_PREFIXES)
    )


def is_cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.NASHRA_PAGE_CACHE_SECONDS
        if not seconds or not is_cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import cache

        key = page_cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Nashra-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
            cache.set(key, response, timeout=seconds)
            response["X-Nashra-Cache"] = "miss"
        return response
