"""The Admin role manages users and groups (as docs/editors.md says); Wagtail's default
"Editors" and "Moderators" groups, which held publish rights on the whole tree beside the
newsroom's roles, are removed with their unused "Moderators approval" workflow."""

from django.db import migrations

USER_PERMISSIONS = [
    ("user", "add_user"),
    ("user", "change_user"),
    ("user", "delete_user"),
    ("user", "view_user"),
    ("group", "add_group"),
    ("group", "change_group"),
    ("group", "delete_group"),
    ("group", "view_group"),
]
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="auth", model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def forward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    admin = Group.objects.filter(name="Admin").first()
    if admin is not None:
        admin.permissions.add(*[permission(apps, *pair) for pair in USER_PERMISSIONS])
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        if not WorkflowPage.objects.filter(workflow=workflow).exists():
            workflow.delete()
    Task.objects.filter(name="Moderators approval", workflow_tasks__isnull=True).delete()


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    admin = Group.objects.filter(name="Admin").first()
    if admin is not None:
        admin.permissions.remove(*[permission(apps, *pair) for pair in USER_PERMISSIONS])


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0011_demoload"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forward, backward)]
