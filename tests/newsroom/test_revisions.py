"""`nashra revisions purge`: keeps what editors need, deletes the rest in bounded batches."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Revision

from nashra.cli import main
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.revisions import purge_revisions

from . import steps

pytestmark = pytest.mark.django_db


def bulk_revisions(article, count):
    template = article.get_latest_revision()
    Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=template.content_type_id,
                base_content_type_id=template.base_content_type_id,
                object_id=template.object_id,
                object_str=template.object_str,
                content=template.content,
                created_at=timezone.now() - timedelta(days=30),
            )
            for _ in range(count)
        ],
        batch_size=500,
    )


def test_purge_keeps_live_scheduled_and_latest_and_deletes_thousands(
    article_factory, own_section, desk_editor
):
    live = article_factory(own_section, live=True, title="Live story")
    live_revision = ArticlePage.objects.get(pk=live.pk).live_revision_id
    scheduled = article_factory(own_section, title="Scheduled story")
    bulk_revisions(live, 2000)
    bulk_revisions(scheduled, 1500)
    steps.schedule(scheduled, desk_editor, go_live_at=timezone.now() + timedelta(hours=3))
    live.refresh_from_db()
    scheduled.refresh_from_db()
    latest_live = live.latest_revision_id
    latest_scheduled = scheduled.latest_revision_id
    before = Revision.page_revisions.count()

    assert purge_revisions(batch_size=250, dry_run=True) >= 3500
    assert Revision.page_revisions.count() == before

    with CaptureQueriesContext(connection) as queries:
        deleted = purge_revisions(batch_size=250)
    assert deleted >= 3500
    assert Revision.page_revisions.count() == before - deleted
    kept = set(Revision.page_revisions.values_list("pk", flat=True))
    assert {live_revision, latest_live, latest_scheduled} <= kept
    assert Revision.page_revisions.filter(approved_go_live_at__isnull=False).exists()
    # Batched: no single query names more ids than a batch holds.
    assert max(q["sql"].count(",") for q in queries.captured_queries) < 2 * 250 + 50
    for page in ArticlePage.objects.live()[:5]:
        assert page.live_revision_id in kept


def test_cli_purge_prints_the_count(capsys, article_factory, own_section):
    bulk_revisions(article_factory(own_section), 3)
    assert main(["revisions", "purge", "--batch-size", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("deleted ")
    assert out.strip().endswith("revisions")


def test_cli_rejects_a_bad_batch_size(capsys):
    assert main(["revisions", "purge", "--batch-size", "0"]) == 2
    assert "--batch-size must be at least 1" in capsys.readouterr().err
