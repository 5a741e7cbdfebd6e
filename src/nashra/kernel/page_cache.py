"""Whole-page caching for anonymous readers.

A cached page is keyed (`cache.PAGES`) by the purge generation, the Dubai date, the
scheme, host and method, and the *normalised* URL, so that:
- nothing shows yesterday's header after Dubai midnight (the date is in the key);
- publishing purges every page at once (`cache.purge()` moves the generation on);
- an https reader never gets a page rendered for http (absolute links differ);
- junk cannot make a new entry: a query parameter the page does not read is dropped
  (before the page is rendered too, so the cached page never echoes it), and a cookie
  is ignored unless it names a live session with something in it (a signed-in editor, a
  reader who unlocked a password-protected story): only those bypass the cache.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import threading
import time
from collections import OrderedDict
from importlib import import_module

from django.conf import settings
from django.db import DatabaseError
from django.http import QueryDict

from nashra.kernel.cache import PAGES
from nashra.kernel.clock import dubai_today

BYPASS_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/api/", "/static/", "/media/")

# The query parameters each kind of reader page reads (request.GET in its view); every
# other parameter is dropped. tests/site/test_page_cache_keys.py checks this list against
# the views.
SEARCH_PARAMETERS = ("q", "section", "date_from", "date_to", "lang", "page")
QUERY_PARAMETERS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"^(/[a-z]{2})?/search/$"), SEARCH_PARAMETERS),  # search.views
    (re.compile(r"^(/[a-z]{2})?/prayer-times/[^/]+/$"), ("month",)),  # prayer.views
    (re.compile(r"^/sitemap-[^/]+\.xml$"), ("p",)),  # django.contrib.sitemaps
)
PAGED_PARAMETERS = ("page",)  # section pages (newsroom.models.pages)
NUMBERS = {"page", "p"}


def parameters_read_by(path: str) -> tuple[str, ...]:
    for pattern, names in QUERY_PARAMETERS:
        if pattern.match(path):
            return names
    return PAGED_PARAMETERS


def normalised_query(request) -> str:
    """The query string with only the parameters the page reads, in a fixed order.

    Each keeps the value its view reads (the last one); an empty value, a page number
    that is not a number, or page 1 (the same page as none) is dropped.
    """
    kept = QueryDict(mutable=True)
    for name in parameters_read_by(request.path):
        # Values are kept whole: the view itself trims what is too long and says so.
        value = request.GET.get(name, "").strip()
        if name in NUMBERS and (not value.isdigit() or int(value) <= 1 or len(value) > 6):
            continue
        if value:
            kept[name] = value
    return kept.urlencode()


def page_cache_key(request) -> str:
    query = normalised_query(request)
    url = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()[:32]
    return PAGES.key(
        dubai_today().isoformat(), request.scheme, request.get_host(), request.method, url
    )


def has_private_session(request) -> bool:
    """Does the session cookie name a live session holding something (a sign-in, an
    unlocked story)? One lookup by key; a made-up or expired cookie is no session."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    try:
        return bool(store.load())
    except DatabaseError:  # the database is down: serve what the cache holds
        return False


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(BYPASS_PREFIXES)
        and not has_private_session(request)
    )


def is_cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def keep_only_read_parameters(request) -> None:
    """Render the page from the normalised query, so it never echoes a dropped one."""
    query = normalised_query(request)
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


STALE_SECONDS = 30  # an expired page is served while one request renders it again
RENDER_LOCK_SECONDS = 10  # the longest a render may hold the lock
PURGE_WAIT_SECONDS = 2  # after a purge, how long others wait for the one render
POLL_SECONDS = 0.02
LOCAL_COPIES = 128


class LocalCopies:
    """This process's copies of hot entries, under the same keys (so the same purge
    generation): a hit reads the generation, then finds the page here, not in Redis."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def put(self, key: str, entry) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


LOCAL = LocalCopies(LOCAL_COPIES)


def served(entry, state: str):
    response = pickle.loads(entry[1])  # noqa: S301 (our own pickle, from our own cache)
    response["X-Nashra-Cache"] = state
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers from the page cache; one render per page per expiry.

    An entry is fresh for NASHRA_PAGE_CACHE_SECONDS and kept STALE_SECONDS longer: when it
    expires, the first request takes a short lock and renders it again while the others
    are served the expired copy. After a purge there is no copy to serve (a killed story
    must not be), so the others wait for the one render, up to PURGE_WAIT_SECONDS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.NASHRA_PAGE_CACHE_SECONDS
        if not seconds or not is_cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import cache

        key = page_cache_key(request)
        lock = f"{key}:render"
        entry = self.lookup(cache, key)
        if entry is not None and time.time() < entry[0]:
            return served(entry, "hit")
        if not cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS):
            if entry is not None:
                return served(entry, "stale")
            entry = self.wait_for_render(cache, key, lock)
            if entry is not None:
                return served(entry, "hit")
        try:
            return self.render(cache, request, key, seconds)
        finally:
            cache.delete(lock)

    def lookup(self, cache, key):
        entry = LOCAL.get(key)
        if entry is None or time.time() >= entry[0]:
            entry = cache.get(key)
            if entry is not None:
                LOCAL.put(key, entry)
        return entry

    def wait_for_render(self, cache, key, lock):
        deadline = time.monotonic() + PURGE_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            entry = cache.get(key)
            if entry is not None:
                LOCAL.put(key, entry)
                return entry
            if not cache.has_key(lock):  # the render made nothing to cache (a 404)
                return None
        return None

    def render(self, cache, request, key, seconds):
        keep_only_read_parameters(request)
        response = self.get_response(request)
        if is_cacheable_response(response):
            response["Cache-Control"] = (
                f"public, max-age=0, s-maxage={seconds}, "
                f"stale-while-revalidate={STALE_SECONDS}, stale-if-error={STALE_SECONDS}"
            )
            entry = (time.time() + seconds, pickle.dumps(response))
            cache.set(key, entry, timeout=seconds + STALE_SECONDS)
            LOCAL.put(key, entry)
            response["X-Nashra-Cache"] = "miss"
        return response
