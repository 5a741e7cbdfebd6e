"""`GET /healthz`: each dependency's state, 200 when readers can be served, 503 when not.

The body names states only (`ok`, `unavailable`, `not configured`) and the kind of each
backend, never a host, a port, a database name or a driver's error text: the health check
is public, and an outage message is a map of the network. The reason goes to the log.

- database: one `SELECT 1`. Without it no page can be served: 503.
- cache: a write to the shared cache (Redis) when `REDIS_URL` is set. Readers are served
  uncached while it is down, so the site is degraded, not down: 200.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, connection

logger = logging.getLogger("nashra.health")

OK = "ok"
UNAVAILABLE = "unavailable"


def database_state() -> dict[str, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("health check: the database cannot be reached", exc_info=True)
        return {"state": UNAVAILABLE, "engine": connection.vendor}
    return {"state": OK, "engine": connection.vendor}


def cache_state() -> dict[str, str]:
    if not settings.REDIS_URL:
        return {"state": OK, "engine": "local"}
    from nashra.kernel.cache import HEALTH_PROBE, errors_raised

    try:
        with errors_raised():
            HEALTH_PROBE.set(OK)
    except Exception:  # any client error means the same: the shared cache is out of reach
        logger.warning("health check: the shared cache cannot be reached", exc_info=True)
        return {"state": UNAVAILABLE, "engine": "redis"}
    return {"state": OK, "engine": "redis"}


def health() -> tuple[int, dict]:
    """The status code and the body of /healthz."""
    checks = {"database": database_state(), "cache": cache_state()}
    if checks["database"]["state"] != OK:
        return 503, {"status": "unavailable", "checks": checks}
    degraded = any(check["state"] != OK for check in checks.values())
    return 200, {"status": "degraded" if degraded else OK, "checks": checks}
