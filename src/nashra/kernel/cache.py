"""Every cache Nashra keeps, and the one purge.

Each cache is declared here once, as a `Cached`: its name (the first part of its keys),
its lifetime, and whether a purge ends it. Keys are built only here; docs/caching.md maps
them, and `tests/site/test_cache_map.py` keeps the two in step.

A purge moves the *purge generation* on, and every purged cache's key holds the
generation, so whatever was cached before the change is never read again (it expires on
its own). `purge()` waits for the current transaction to commit, so no reader can cache
the old state again between the purge and the commit, and a rolled-back change purges
nothing. One receiver, `purge_on_change`, calls it for every change that readers see:
Wagtail's publish and unpublish signals (pages and snippets), page deletes and moves, and
the models the apps name with `purge_when_changed()`.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "generation"


class SharedCacheGeneration:
    """The generation in the shared cache (Redis): every app server reads the same one."""

    def read(self) -> int:
        return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)

    def bump(self) -> None:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # not set yet (or evicted): any new number will do
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)

    def forget(self) -> None:
        cache.delete(GENERATION_KEY)


class FileGeneration:
    """The generation in a file that every process of one machine reads.

    Without Redis each app-server process has its own in-memory cache; keeping the number
    they all put in their keys in one file makes a purge by any process end every
    process's entries at once. A bump writes a new file and renames it over the old one,
    so a reader sees the old number or the new one, never half of either. Reading it is
    an open and a read of a few bytes (bench/cache.py measures it per hit).
    """

    def __init__(self, path: Path):
        self.path = Path(path)

    def read(self) -> int:
        try:
            return int(self.path.read_bytes())
        except (FileNotFoundError, ValueError):
            return self._write(time.time_ns())

    def bump(self) -> None:
        self._write(self.read() + 1)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)

    def _write(self, value: int) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}")
        temporary.write_bytes(str(value).encode())
        os.replace(temporary, self.path)
        return value


def generation_store() -> SharedCacheGeneration | FileGeneration:
    path = settings.PURGE_GENERATION_FILE
    return FileGeneration(path) if path else SharedCacheGeneration()


def current_generation() -> int:
    """The purge generation: what is cached under it is never older than the last purge.

    A store that lost it (Redis restarted, cache cleared, file removed) starts again from
    the clock, at a number no process has seen, so no per-process copy taken under an old
    number passes for new.
    """
    return generation_store().read()


def forget_generation() -> None:
    generation_store().forget()


def _bump_generation() -> None:
    generation_store().bump()


def errors_raised():
    """Within this block a cache error is raised, not answered as a miss (health probes)."""
    return getattr(cache, "raising", nullcontext)()


def purge() -> None:
    """End every purged cache now, and again when the current transaction commits.

    Now, so the writer's own next read (and a test inside one transaction) sees the
    change; again on commit, because a reader may have cached the old state between this
    call and the commit. Outside a transaction the second bump is skipped.
    """
    _bump_generation()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    if any(callback is _bump_generation for _, callback, *_ in connection.run_on_commit):
        return  # one bump on commit is enough, however many changes the transaction made
    transaction.on_commit(_bump_generation)


def purge_on_change(sender=None, **kwargs) -> None:
    """The one receiver: a change readers can see has been saved; purge on commit."""
    purge()


@dataclass(frozen=True)
class Cached:
    """One cache: what its keys are called, how long an entry lives, what ends it.

    `seconds` is a number of seconds, None for "until purged or evicted", or the name of a
    setting holding the number. A `purged` cache's keys hold the purge generation.
    """

    name: str
    seconds: int | str | None
    purged: bool = True

    @property
    def timeout(self) -> int | None:
        if isinstance(self.seconds, str):
            return int(getattr(settings, self.seconds))
        return self.seconds

    def key(self, *parts: object) -> str:
        head = [self.name, str(current_generation())] if self.purged else [self.name]
        return ":".join([*head, *(str(part) for part in parts)])

    def get(self, *parts: object):
        return cache.get(self.key(*parts))

    def set(self, value, *parts: object) -> None:
        cache.set(self.key(*parts), value, timeout=self.timeout)

    def add(self, value, *parts: object) -> bool:
        """Store `value` unless an entry exists; True if this call stored it."""
        return cache.add(self.key(*parts), value, timeout=self.timeout)

    def get_or_set(self, compute, *parts: object):
        return cache.get_or_set(self.key(*parts), compute, timeout=self.timeout)

    def delete(self, *parts: object) -> None:
        cache.delete(self.key(*parts))

    def incr(self, *parts: object) -> int:
        """Add one to a counter that lives `timeout` seconds from its first count."""
        key = self.key(*parts)
        cache.add(key, 0, timeout=self.timeout)
        try:
            return cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=self.timeout)
            return 1


# The map. docs/caching.md says what each holds and what purges it.
PAGES = Cached("page", "NASHRA_PAGE_CACHE_SECONDS")
SECTION_STORY_COUNT = Cached("section-stories", 60)
SECTIONS_BAR = Cached("sections-bar", 60)
SEARCH_SECTIONS = Cached("search-sections", 3600)
HIJRI_DATE = Cached("hijri-date", 3600)
PRAYER_TABLE = Cached("prayer-table", 60 * 60 * 26)
PRAYER_PANEL = Cached("prayer-panel", 60)
WEATHER_PANEL = Cached("weather-panel", 60)
JUMUAH_RULES = Cached("jumuah-rules", None)
OVERDUE_CHECK = Cached("overdue-check", "NASHRA_OVERDUE_CHECK_SECONDS", purged=False)
OVERDUE_NOT_FOUND_CHECK = Cached(
    "overdue-not-found-check", "NASHRA_OVERDUE_CHECK_SECONDS", purged=False
)
HEALTH_PROBE = Cached("health-probe", 5, purged=False)
PAGE_PASSWORD_FAILURES = Cached(
    "page-password-failures", "NASHRA_LOGIN_LOCKOUT_SECONDS", purged=False
)

ALL = (
    PAGES,
    SECTION_STORY_COUNT,
    SECTIONS_BAR,
    SEARCH_SECTIONS,
    HIJRI_DATE,
    PRAYER_TABLE,
    PRAYER_PANEL,
    WEATHER_PANEL,
    JUMUAH_RULES,
    OVERDUE_CHECK,
    OVERDUE_NOT_FOUND_CHECK,
    HEALTH_PROBE,
    PAGE_PASSWORD_FAILURES,
)


def purge_when_changed(*models) -> None:
    """Purge whenever a row of one of `models` is saved or deleted (apps call this)."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        label = model._meta.label_lower
        post_save.connect(purge_on_change, sender=model, dispatch_uid=f"purge-save:{label}")
        post_delete.connect(purge_on_change, sender=model, dispatch_uid=f"purge-delete:{label}")


def connect_wagtail() -> None:
    """Publishing, unpublishing, deleting or moving anything in Wagtail purges."""
    from django.db.models.signals import post_delete
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal, uid in (
        (page_published, "page-published"),
        (page_unpublished, "page-unpublished"),
        (post_page_move, "page-moved"),
        (published, "snippet-published"),
        (unpublished, "snippet-unpublished"),
    ):
        signal.connect(purge_on_change, dispatch_uid=f"purge:{uid}")
    from wagtail.models import get_page_models

    for model in get_page_models():
        label = model._meta.label_lower
        post_delete.connect(purge_on_change, sender=model, dispatch_uid=f"purge-delete:{label}")
