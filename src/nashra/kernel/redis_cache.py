"""The shared cache on Redis: one reused client, and an outage is a miss, not an error.

Django's `RedisCache` builds a new `redis.Redis` for every operation (tens of µs of CPU
each with redis-py 8) and lets a connection error escape into the page being rendered.
`SharedRedisCache` keeps one client per server, and when Redis cannot be reached it
answers every read as a miss and drops every write, so readers get uncached pages rather
than errors. A circuit breaker stops asking for `retry_after` seconds after a failure,
so a request does not wait for a connect timeout on every cache call; the outage is
logged once when it starts and once when it ends. Purges made while Redis was away are
lost, so on recovery the purge generation is dropped: it restarts at a number never seen
(nashra.kernel.cache.current_generation) and nothing cached before the outage is served.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

log = logging.getLogger("nashra.cache")


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One `redis.Redis` per server, built once (it is thread-safe over its pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("retry_after", 2))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0
        self._down = False
        self._strict = threading.local()

    @contextmanager
    def raising(self):
        """Let errors through (a health probe wants the truth, not a miss)."""
        self._strict.on = True
        try:
            yield
        finally:
            self._strict.on = False

    def _guarded(self, operation, missing, *args, **kwargs):
        strict = getattr(self._strict, "on", False)
        if self._down and not strict and time.monotonic() < self._down_until:
            return missing
        try:
            result = operation(*args, **kwargs)
        except RedisError as error:
            if strict:
                raise
            self._down_until = time.monotonic() + self.retry_after
            if not self._down:
                self._down = True
                log.warning(
                    "Redis is unreachable (%s); serving pages uncached", type(error).__name__
                )
            return missing
        if self._down:
            self._recovered()
        return result

    def _recovered(self) -> None:
        self._down = False
        log.warning("Redis is reachable again; caching resumes")
        from nashra.kernel.cache import GENERATION_KEY

        self._guarded(super().delete, False, GENERATION_KEY)  # the shared generation

    def add(self, *args, **kwargs):
        return self._guarded(super().add, False, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._guarded(super().get, default, key, default, version)

    def set(self, *args, **kwargs):
        return self._guarded(super().set, None, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded(super().touch, False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded(super().delete, False, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guarded(super().get_many, {}, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded(super().has_key, False, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._guarded(super().incr, None, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded(super().set_many, [], *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded(super().delete_many, None, *args, **kwargs)

    def clear(self):
        return self._guarded(super().clear, False)
