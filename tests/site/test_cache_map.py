"""One module owns every cache key, docs/caching.md maps them, and one receiver purges."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.db import transaction

from nashra.kernel import cache as caches

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "nashra"
KERNEL_CACHE_MODULES = {SRC / "kernel" / "cache.py", SRC / "kernel" / "page_cache.py"}


def test_every_declared_cache_is_on_the_map():
    documented = (ROOT / "docs" / "caching.md").read_text()
    missing = [c.name for c in caches.ALL if f"| `{c.name}` |" not in documented]
    assert missing == []


def test_every_declared_cache_is_in_the_list():
    declared = [value for value in vars(caches).values() if isinstance(value, caches.Cached)]
    assert sorted(c.name for c in declared) == sorted(c.name for c in caches.ALL)


def test_the_names_are_distinct():
    names = [c.name for c in caches.ALL]
    assert len(names) == len(set(names))


def test_no_module_outside_the_kernel_touches_djangos_cache():
    offenders = []
    for path in SRC.rglob("*.py"):
        if path in KERNEL_CACHE_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "django.core.cache":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    for template in SRC.rglob("*.html"):
        if "{% cache " in template.read_text():
            offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


def test_a_key_holds_the_generation_only_when_a_purge_ends_it():
    purged = caches.Cached("example", 60)
    timed = caches.Cached("example-timed", 60, purged=False)
    before = purged.key("x")
    caches.purge()
    assert purged.key("x") != before
    assert timed.key("x") == "example-timed:x"


def test_a_lifetime_can_come_from_a_setting(settings):
    settings.NASHRA_OVERDUE_CHECK_SECONDS = 42
    assert caches.OVERDUE_CHECK.timeout == 42


def test_a_lost_generation_restarts_at_a_number_never_seen():
    first = caches.current_generation()
    caches.forget_generation()
    assert caches.current_generation() > first


def test_without_redis_the_generation_is_shared_through_a_file(settings, tmp_path):
    settings.PURGE_GENERATION_FILE = tmp_path / "generation"
    other_process = caches.FileGeneration(tmp_path / "generation")
    before = caches.current_generation()
    other_process.bump()
    assert caches.current_generation() == before + 1


@pytest.mark.django_db
def test_a_purge_inside_a_transaction_purges_again_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            caches.purge()
            caches.purge()  # a second change in the same transaction
            # A reader in another process may cache the old state here, under this number.
            during = caches.current_generation()
    assert len(callbacks) == 1  # one bump on commit, however many changes
    assert caches.current_generation() == during + 1


@pytest.mark.django_db
def test_a_purge_in_a_transaction_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        before = caches.current_generation()
        caches.purge()
        assert caches.current_generation() == before + 1  # now, for the writer's next read
    assert callbacks == [caches._bump_generation]  # and again on commit


@pytest.mark.django_db
def test_saving_a_jumuah_time_purges():
    import datetime as dt

    from nashra.prayer.models import JumuahTime

    before = caches.current_generation()
    JumuahTime.objects.create(starts_on=dt.date(2031, 1, 3), time=dt.time(13, 15))
    assert caches.current_generation() > before


@pytest.mark.django_db
def test_saving_a_hijri_offset_purges():
    from nashra.hijri.models import HijriMonthOffset

    before = caches.current_generation()
    HijriMonthOffset.objects.create(year=1460, month=9, offset=1)
    assert caches.current_generation() > before


@pytest.mark.django_db
def test_deleting_a_page_purges(editor):
    from nashra.newsroom.models import HomePage, SectionPage

    home = HomePage.objects.get(locale__language_code="en")
    section = home.add_child(instance=SectionPage(title="Short-lived", slug="short-lived"))
    before = caches.current_generation()
    SectionPage.objects.get(pk=section.pk).delete()
    assert caches.current_generation() > before


@pytest.mark.django_db
def test_publishing_a_page_purges(editor):
    from nashra.newsroom.models import HomePage, SectionPage

    home = HomePage.objects.get(locale__language_code="en")
    section = home.add_child(instance=SectionPage(title="Fresh desk", slug="fresh-desk"))
    revision = section.save_revision(user=editor)
    before = caches.current_generation()
    revision.publish(user=editor)
    assert caches.current_generation() > before
