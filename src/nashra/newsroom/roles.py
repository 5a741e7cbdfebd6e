"""The newsroom's roles, and the desks they are given.

Roles are Django groups (created by migration 0003_newsroom_roles). Page permissions on
the root page give each role its reach; a desk editor's publishing rights come from a
per-desk group holding publish permission on that desk's section page. Who may do what
to which page is answered in one place, the pages' permission tester
(`nashra.newsroom.permissions`), which reads these groups.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import models
from wagtail.models import GroupPagePermission


class Role(models.TextChoices):
    REPORTER = "Reporter", "Reporter"
    SUB_EDITOR = "Sub-editor", "Sub-editor"
    DESK_EDITOR = "Desk editor", "Desk editor"
    DUTY_EDITOR = "Duty editor", "Duty editor"
    ADMIN = "Admin", "Admin"


# Page permission codenames each role holds on the whole tree (the root page).
ROLE_PAGE_PERMISSIONS: dict[str, list[str]] = {
    Role.REPORTER: ["add_page"],
    Role.SUB_EDITOR: ["add_page", "change_page"],
    Role.DESK_EDITOR: ["add_page", "change_page"],
    Role.DUTY_EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.ADMIN: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
DESK_PAGE_PERMISSIONS = ["publish_page", "lock_page", "unlock_page"]


def role_of(user) -> str:
    """The most senior role the user holds, as a noun for error messages.

    Remembered on the user object, as Wagtail remembers its page permissions: the admin's
    explorer asks, through its buttons, for every story it lists.
    """
    if user is None or not user.is_authenticated:
        return "readers"
    if user.is_superuser:
        return Role.ADMIN.value
    if not hasattr(user, "_nashra_role"):
        names = set(user.groups.values_list("name", flat=True))
        held = [role for role in reversed(Role.values) if role in names]
        user._nashra_role = held[0] if held else "this account"
    return user._nashra_role


def desk_group_name(section) -> str:
    return f"Desk: {section.title} ({section.locale.language_code})"


def assign_desk(user, section) -> Group:
    """Make `user` a desk editor for `section` (its language comes with the section)."""
    group, _ = Group.objects.get_or_create(name=desk_group_name(section))
    for codename in DESK_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)
    user.groups.add(group, Group.objects.get(name=Role.DESK_EDITOR))
    return group
