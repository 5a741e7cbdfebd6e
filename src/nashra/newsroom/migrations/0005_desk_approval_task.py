"""The review step becomes a DeskApprovalTask: only the story's own desk (or the duty editor,
or an admin) may approve it, by the rule in `nashra.newsroom.roles.check_can_approve`.

Migration 0003 made it a GroupApprovalTask, which lets any desk editor approve any desk's
story. Workflows and reviews in progress move to the new task.
"""

import django.db.models.deletion
from django.db import migrations, models

TASK_NAME = "Desk approval"
REVIEWERS = ["Desk editor", "Duty editor", "Admin"]


def swap_task(apps, old_model: str, new_model: str, new_app: str, groups=()):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Old = apps.get_model(*old_model.split("."))
    New = apps.get_model(new_app, new_model)
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    old = Old.objects.filter(name=TASK_NAME).first()
    if old is None:  # no review workflow was set up (no root page)
        return
    content_type, _ = ContentType.objects.get_or_create(app_label=new_app, model=new_model.lower())
    new = New.objects.create(name=TASK_NAME, content_type=content_type, active=old.active)
    if groups:
        Group = apps.get_model("auth", "Group")
        new.groups.add(*Group.objects.filter(name__in=groups))
    WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
    TaskState.objects.filter(task_id=old.pk).update(task_id=new.pk)
    old.delete()


def to_desk_approval(apps, schema_editor):
    swap_task(apps, "wagtailcore.GroupApprovalTask", "DeskApprovalTask", "newsroom")


def to_group_approval(apps, schema_editor):
    swap_task(
        apps, "newsroom.DeskApprovalTask", "GroupApprovalTask", "wagtailcore", groups=REVIEWERS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_agency_arabic_full_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="DeskApprovalTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
            ],
            options={
                "verbose_name": "desk approval",
                "verbose_name_plural": "desk approvals",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(to_desk_approval, to_group_approval),
    ]
