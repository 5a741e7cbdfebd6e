"""Settings for the test suite: the real settings, with test-only storage and speed-ups.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite on SQLite and on
PostgreSQL + Redis.
"""

import os
import tempfile

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
