"""Nashra's settings with bench/ceiling.py's URLs (bench/cache.py only)."""

from nashra.site.settings import *  # noqa: F403

ROOT_URLCONF = "bench.ceiling"
