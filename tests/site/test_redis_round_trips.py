"""A cached page on Redis costs one round trip: the purge generation (the page itself is
this process's copy, valid while the generation is unchanged). Counted on a private Redis."""

from __future__ import annotations

import pytest
import redis
from django.test import override_settings

from nashra.kernel.cache_settings import cache_settings
from tests.faults.test_redis import PrivateRedis

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_redis():
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


def commands_processed(client: redis.Redis) -> int:
    # INFO itself counts once, and is counted in the figure it reports.
    return int(client.info("stats")["total_commands_processed"])


def test_a_cached_page_costs_one_redis_command(private_redis, client):
    url = f"redis://127.0.0.1:{private_redis.port}/0"
    counter = redis.Redis.from_url(url)
    # The scale path: pages and the purge generation on Redis (no generation file), and
    # the overdue check this process made moments ago (the first request) not made again.
    with override_settings(CACHES=cache_settings(url, "round-trips"), PURGE_GENERATION_FILE=None):
        client.get("/")
        assert client.get("/").headers["X-Nashra-Cache"] == "hit"
        before = commands_processed(counter)
        response = client.get("/")
        after = commands_processed(counter)
    assert response.headers["X-Nashra-Cache"] == "hit"
    assert after - before - 1 == 1
