"""Redis stopped and started again: readers get pages (uncached) throughout, never a 500.

The test runs its own redis-server on a free port and stops that one; the machine's Redis
is never touched.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import time

import pytest
from django.test import override_settings

from nashra.kernel.cache_settings import REDIS_RETRY_AFTER, cache_settings

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the private redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def private_redis():
    redis = PrivateRedis()
    redis.start()
    yield redis
    if redis.process.poll() is None:
        redis.stop()


def reader_urls() -> list[str]:
    from nashra.newsroom.models import ArticlePage, SectionPage

    article = ArticlePage.objects.live().filter(locale__language_code="en").first()
    arabic = ArticlePage.objects.live().filter(locale__language_code="ar").first()
    section = SectionPage.objects.live().filter(locale__language_code="en").first()
    return [
        "/",
        "/ar/",
        section.url,
        article.url,
        arabic.url,
        "/search/?q=dubai",
        "/prayer-times/",
        "/prayer-times/dubai/",
        "/weather/",
        "/corrections/",
        "/feeds/rss/",
        "/feeds/en/atom/",
        "/sitemap.xml",
        "/news-sitemap-en.xml",
        "/robots.txt",
        "/no-such-story/",
    ]


def test_readers_are_served_while_redis_is_down_and_cached_again_after(
    private_redis, client, caplog
):
    urls = reader_urls()
    url = f"redis://127.0.0.1:{private_redis.port}/0"
    with override_settings(CACHES=cache_settings(url, "fault-test")):
        for path in urls:
            client.get(path)
        assert client.get("/").headers["X-Nashra-Cache"] == "hit"

        private_redis.stop()
        with caplog.at_level(logging.WARNING, logger="nashra.cache"):
            started = time.monotonic()
            answers = {path: client.get(path).status_code for path in urls}
            took = time.monotonic() - started
        assert {p: s for p, s in answers.items() if s >= 500} == {}
        assert answers["/no-such-story/"] == 404
        assert [s for p, s in answers.items() if p != "/no-such-story/"] == [200] * (len(urls) - 1)
        outage_logs = [r for r in caplog.records if "unreachable" in r.getMessage()]
        assert len(outage_logs) == 1
        # The breaker: one connect attempt for the whole round, not one per cache call.
        assert took < 30

        private_redis.start()
        time.sleep(REDIS_RETRY_AFTER + 0.2)
        assert client.get("/").status_code == 200
        assert client.get("/").headers["X-Nashra-Cache"] == "hit"


def test_a_health_probe_still_sees_the_outage(private_redis):
    from django.core.cache import cache

    from nashra.kernel.cache import HEALTH_PROBE, errors_raised

    url = f"redis://127.0.0.1:{private_redis.port}/0"
    with override_settings(CACHES=cache_settings(url, "fault-test")):
        private_redis.stop()
        cache.get("anything")  # the breaker opens
        with pytest.raises(Exception), errors_raised():  # noqa: B017, PT011
            HEALTH_PROBE.set("ok")
