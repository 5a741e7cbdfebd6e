"""Many readers at the moment a cached page expires, or just after a purge: one render."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from nashra.kernel.cache import purge
from nashra.kernel.page_cache import AnonymousPageCacheMiddleware

READERS = 12


@pytest.fixture
def slow_page(settings):
    settings.NASHRA_PAGE_CACHE_SECONDS = 1
    renders = []
    lock = threading.Lock()

    def view(request):
        with lock:
            renders.append(request.path)
        time.sleep(0.3)  # a render that takes a while, as an uncached page does
        return HttpResponse("<p>the page</p>" * 100)

    return AnonymousPageCacheMiddleware(view), renders


def many_readers(middleware, path="/stampede/"):
    factory = RequestFactory()
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        return list(pool.map(lambda _: middleware(factory.get(path)), range(READERS)))


def test_an_expiring_page_is_rendered_once_and_the_others_get_the_expired_copy(slow_page):
    middleware, renders = slow_page
    middleware(RequestFactory().get("/stampede/"))
    time.sleep(1.1)  # past NASHRA_PAGE_CACHE_SECONDS
    started = time.monotonic()
    responses = many_readers(middleware)
    assert len(renders) == 2  # the first visit, and one render at expiry
    assert sorted(r["X-Nashra-Cache"] for r in responses) == ["miss"] + ["stale"] * (READERS - 1)
    assert all(r.status_code == 200 for r in responses)
    assert time.monotonic() - started < 1.5


def test_after_a_purge_one_request_renders_and_the_others_wait_for_it(slow_page):
    middleware, renders = slow_page
    middleware(RequestFactory().get("/stampede/"))
    purge()
    responses = many_readers(middleware)
    assert len(renders) == 2
    assert sorted(r["X-Nashra-Cache"] for r in responses) == ["hit"] * (READERS - 1) + ["miss"]
    assert all(b"the page" in r.content for r in responses)


def test_a_page_that_is_not_cached_does_not_keep_the_others_waiting(settings):
    settings.NASHRA_PAGE_CACHE_SECONDS = 60

    def missing(request):
        time.sleep(0.1)
        return HttpResponse("gone", status=404)

    started = time.monotonic()
    responses = many_readers(AnonymousPageCacheMiddleware(missing), "/no-such-page/")
    assert [r.status_code for r in responses] == [404] * READERS
    assert time.monotonic() - started < 1.5
