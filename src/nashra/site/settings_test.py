"""Settings for the test suite: the real settings, with test-only storage and speed-ups.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite on SQLite and on
PostgreSQL + Redis.
"""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit


def redis_url_for_worker(url: str, worker: str) -> str:
    """Each pytest-xdist worker (gw0, gw1, ...) gets its own Redis database.

    Tests clear the cache (FLUSHDB), so two workers sharing one database would wipe each
    other's entries mid-test. Worker n uses the configured database number plus n.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not worker.startswith("gw"):
        return url
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + int(worker[2:])}"))


if os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = redis_url_for_worker(
        os.environ["REDIS_URL"], os.environ.get("PYTEST_XDIST_WORKER", "")
    )

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("NASHRA_TESTING", "true")
os.environ.setdefault("NASHRA_CACHE_PREFIX", f"nashra-test-{os.getpid()}")
os.environ.setdefault("NASHRA_VAR_DIR", tempfile.mkdtemp(prefix="nashra-test-var-"))

from nashra.site.settings import *  # noqa: E402,F403
from nashra.site.settings import STATIC_ROOT, STORAGES  # noqa: E402

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = True

# pytest-xdist workers may share NASHRA_VAR_DIR: each keeps its own purge generation, so
# one worker's purge never changes another's cache keys mid-test.
from nashra.site.settings import PURGE_GENERATION_FILE  # noqa: E402

if PURGE_GENERATION_FILE:
    PURGE_GENERATION_FILE = PURGE_GENERATION_FILE.with_name(
        f"purge-generation-{os.environ.get('PYTEST_XDIST_WORKER', os.getpid())}"
    )
