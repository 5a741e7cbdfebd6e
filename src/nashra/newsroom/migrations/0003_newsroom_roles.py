"""The newsroom's roles as groups, their reach over the page tree, and the review workflow.

Roles: Reporter, Sub-editor, Desk editor, Duty editor, Admin (see nashra.newsroom.roles).
Desk editors get publishing rights per section through `roles.assign_desk`.
"""

from django.db import migrations

ROLE_PAGE_PERMISSIONS = {
    "Reporter": ["add_page"],
    "Sub-editor": ["add_page", "change_page"],
    "Desk editor": ["add_page", "change_page"],
    "Duty editor": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Admin": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
IMAGE_PERMISSIONS = {
    "Reporter": ["add_image", "choose_image"],
    "Sub-editor": ["add_image", "choose_image", "change_image"],
    "Desk editor": ["add_image", "choose_image", "change_image"],
    "Duty editor": ["add_image", "choose_image", "change_image"],
    "Admin": ["add_image", "choose_image", "change_image", "delete_image"],
}
BREAKING_NEWS = [
    "add_breakingnews",
    "change_breakingnews",
    "delete_breakingnews",
    "view_breakingnews",
    "set_breaking_news",
]
REVIEWERS = ["Desk editor", "Duty editor", "Admin"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {}
    for name, codenames in ROLE_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for codename in codenames:
            perm = permission(apps, "wagtailcore", "page", codename)
            if root is not None:
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
        for codename in IMAGE_PERMISSIONS[name]:
            perm = permission(apps, "wagtailimages", "image", codename)
            if root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
    for name in ("Duty editor", "Admin"):
        for codename in BREAKING_NEWS:
            groups[name].permissions.add(permission(apps, "newsroom", "breakingnews", codename))
    for codename in ("add_author", "change_author", "add_agency", "change_agency"):
        groups["Admin"].permissions.add(
            permission(apps, "newsroom", codename.split("_")[1], codename)
        )

    # Review: one approval step by any desk editor, duty editor or admin. Our actions
    # narrow desk editors to their own sections.
    if root is None:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Desk approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(*[groups[name] for name in REVIEWERS])
    workflow, _ = Workflow.objects.get_or_create(name="Newsroom review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=list(ROLE_PAGE_PERMISSIONS)).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Newsroom review").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_kill_and_breaking_news"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
