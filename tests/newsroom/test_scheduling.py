"""Scheduled publishing: the minute task, the request-path safety net, the race, the alert."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from nashra.newsroom.actions import PublishOverdueAction
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.scheduling import publish_overdue_soon
from nashra.newsroom.tasks import publish_scheduled_stories

from . import steps

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scheduled(article_factory, own_section, desk_editor):
    article = article_factory(own_section, title="Budget statement at noon")
    steps.schedule(article, desk_editor, go_live_at=timezone.now() + timedelta(minutes=10))
    return ArticlePage.objects.get(pk=article.pk)


def test_task_runs_every_minute():
    now = timezone.now().replace(second=0, microsecond=0)
    assert all(
        publish_scheduled_stories.s().validate_datetime(now + timedelta(minutes=m))
        for m in range(60)
    )


def test_not_yet_due_story_stays_unpublished(scheduled):
    assert publish_scheduled_stories.call_local() == 0
    scheduled.refresh_from_db()
    assert not scheduled.live


def test_minute_task_publishes_a_due_story_and_logs_it(scheduled, time_machine):
    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    assert publish_scheduled_stories.call_local() == 1
    scheduled.refresh_from_db()
    assert scheduled.live
    assert (
        PageLogEntry.objects.filter(page=scheduled, action="wagtail.publish.scheduled").count() == 1
    )
    assert publish_scheduled_stories.call_local() == 0  # nothing left to do


def test_first_reader_request_publishes_an_overdue_story(scheduled, client, time_machine):
    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    html = client.get("/").content.decode()
    assert "Budget statement at noon" in html
    assert client.get(scheduled.url).status_code == 200


def test_the_minute_task_and_a_reader_request_run_the_same_action(
    scheduled, client, time_machine, monkeypatch
):
    calls = []
    original = PublishOverdueAction.execute

    def execute(self):
        calls.append(self)
        return original(self)

    monkeypatch.setattr(PublishOverdueAction, "execute", execute)
    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    publish_scheduled_stories.call_local()
    client.get("/uae/")
    assert len(calls) == 2


@pytest.mark.ignore_template_errors
def test_the_admin_never_publishes_on_the_readers_behalf(
    scheduled, client, duty_editor, time_machine
):
    client.force_login(duty_editor)
    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    client.get("/admin/")
    assert not ArticlePage.objects.get(pk=scheduled.pk).live


def test_request_path_check_is_throttled(
    scheduled, time_machine, article_factory, own_section, desk_editor
):
    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    assert publish_overdue_soon() == 1
    assert publish_overdue_soon() == 0  # within the throttle window: one cache add, no query


def test_expired_story_is_unpublished(article_factory, own_section, time_machine):
    article = article_factory(
        own_section, live=True, expire_at=timezone.now() + timedelta(minutes=5)
    )
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() + timedelta(minutes=5)
    )
    time_machine.move_to(timezone.now() + timedelta(minutes=6))
    PublishOverdueAction().execute()
    article.refresh_from_db()
    assert not article.live


@pytest.mark.ignore_template_errors
def test_admin_dashboard_flags_stories_overdue_by_more_than_two_minutes(
    scheduled, client, duty_editor, time_machine
):
    client.force_login(duty_editor)
    time_machine.move_to(
        timezone.now() + timedelta(minutes=11)
    )  # one minute late: not yet alarming
    assert "Scheduled stories are overdue" not in client.get("/admin/").content.decode()
    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    html = client.get("/admin/").content.decode()
    assert "Scheduled stories are overdue" in html
    assert "Budget statement at noon" in html


def _race_database(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'race.sqlite3'}", lambda: None
    import psycopg

    base, name = url.rsplit("/", 1)
    race = f"{name}_race"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{race}"')
        conn.execute(f'CREATE DATABASE "{race}"')

    def drop():
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{race}" WITH (FORCE)')

    return f"{base}/{race}", drop


def test_racing_workers_publish_a_due_story_exactly_once(tmp_path):
    url, drop = _race_database(tmp_path)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "NASHRA_VAR_DIR": str(tmp_path),
        "NASHRA_CACHE_PREFIX": f"race-{os.getpid()}",
        "PYTHONPATH": str(ROOT / "src"),
    }
    try:
        done = subprocess.run(
            [sys.executable, str(ROOT / "tests/newsroom/race_publish.py"), "4"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
    finally:
        drop()
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome == {
        "published_counts": [0, 0, 0, 1],
        "errors": [],
        "log_entries": 1,
        "live": True,
    }
