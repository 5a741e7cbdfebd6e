"""Breaking news becomes a Wagtail snippet with drafts, revisions, a schedule and locking.

Each existing banner keeps its meaning: `starts_at` becomes `go_live_at`, `expires_at`
becomes `expire_at`, and its state is what a reader saw when the migration ran: a banner
still to come is scheduled (a revision approved to go live at its start), a banner up now
is live, an ended one is expired. Each gets one revision, by whoever set it, so the
history says who. The custom `set_breaking_news` permission gives way to Wagtail's
`publish_breakingnews` (with lock and unlock), held by the duty editor and admin groups.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

RIGHTS = ["publish_breakingnews", "lock_breakingnews", "unlock_breakingnews"]
ON_DUTY = ["Duty editor", "Admin"]


def iso(value):
    return value.isoformat() if value else None


def to_snippet(apps, schema_editor):
    from django.utils import timezone

    BreakingNews = apps.get_model("newsroom", "BreakingNews")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsroom", model="breakingnews")
    now = timezone.now()
    for news in BreakingNews.objects.all():
        started, scheduled = news.starts_at <= now, news.starts_at > now
        news.go_live_at = news.starts_at
        news.expire_at = news.expires_at
        news.live = started and news.expires_at > now
        news.expired = started and not news.live
        news.has_unpublished_changes = scheduled
        if started:
            news.first_published_at = news.last_published_at = news.starts_at
        content = {
            "pk": news.pk,
            "language": news.language,
            "text": news.text,
            "link": news.link,
            "go_live_at": iso(news.go_live_at),
            "expire_at": iso(news.expire_at),
            "live": news.live,
            "expired": news.expired,
            "has_unpublished_changes": news.has_unpublished_changes,
            "first_published_at": iso(news.first_published_at),
            "last_published_at": iso(news.last_published_at),
        }
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(news.pk),
            object_str=news.text,
            user_id=news.set_by_id,
            content=content,
            approved_go_live_at=news.starts_at if scheduled else None,
            created_at=min(news.starts_at, now),
        )
        news.latest_revision = revision
        news.live_revision = revision if started else None
        news.save()


def move_rights(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsroom", model="breakingnews")
    rights = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} breaking news"},
        )[0]
        for codename in RIGHTS
    ]
    for group in Group.objects.filter(name__in=ON_DUTY):
        group.permissions.add(*rights)
    Permission.objects.filter(content_type=content_type, codename="set_breaking_news").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0009_page_url_path_index"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="breakingnews",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="breakingnews",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.RunPython(to_snippet, migrations.RunPython.noop),
        migrations.RunPython(move_rights, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="breakingnews",
            name="expires_at",
        ),
        migrations.RemoveField(
            model_name="breakingnews",
            name="set_by",
        ),
        migrations.RemoveField(
            model_name="breakingnews",
            name="starts_at",
        ),
        migrations.AlterModelOptions(
            name="breakingnews",
            options={
                "ordering": ["-last_published_at", "-pk"],
                "verbose_name": "breaking news",
                "verbose_name_plural": "breaking news",
            },
        ),
    ]
