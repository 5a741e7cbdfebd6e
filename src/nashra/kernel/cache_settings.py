"""The CACHES setting: the in-process cache by default, the shared Redis cache with REDIS_URL."""

from __future__ import annotations

# Redis on the same network answers in well under a millisecond: a connect or a reply
# that takes longer than this is an outage, and the page is served uncached.
REDIS_CONNECT_TIMEOUT = 0.25
REDIS_REPLY_TIMEOUT = 0.5
# After a failure, how long to serve uncached before asking Redis again.
REDIS_RETRY_AFTER = 2


# Wagtail 8.0.1 writes an image's renditions to its "renditions" cache on every read;
# kept in each process, that is no Redis write per image per page.
RENDITIONS = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 2000},
}


def cache_settings(redis_url: str, prefix: str) -> dict:
    if redis_url:
        return {
            "renditions": RENDITIONS,
            "default": {
                "BACKEND": "nashra.kernel.redis_cache.SharedRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": prefix,
                "OPTIONS": {
                    "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                    "socket_timeout": REDIS_REPLY_TIMEOUT,
                    "retry_after": REDIS_RETRY_AFTER,
                },
            },
        }
    return {
        "renditions": RENDITIONS,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": prefix,
        },
    }
