"""The newsroom's roles, and who may do what to which story.

Roles are Django groups (created by migration 0003_newsroom_roles). Page permissions on
the root page give each role its reach; a desk editor's publishing rights come from a
per-desk group holding publish permission on that desk's section page, so Wagtail's own
admin and our actions agree on one source of truth.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import models
from wagtail.models import GroupPagePermission, Page

from nashra.newsroom.errors import ActionNotPermitted


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


def _refuse(user, verb: str, page) -> ActionNotPermitted:
    role = role_of(user)
    if role == Role.DESK_EDITOR:
        return ActionNotPermitted(f"desk editors {verb} only in their own sections")
    if role in (Role.REPORTER, Role.SUB_EDITOR):
        return ActionNotPermitted(f"a {role.lower()} cannot {verb}; a desk or duty editor does")
    return ActionNotPermitted(f"{role} cannot {verb} “{page.title}”")


def _perms(user, page):
    if user is None or not user.is_authenticated:
        raise ActionNotPermitted("sign in to change stories")
    return page.permissions_for_user(user)


def check_can_edit(user, page: Page) -> None:
    if not _perms(user, page).can_edit():
        raise ActionNotPermitted(f"{role_of(user)} cannot edit “{page.title}”")


def _check_home_page(user, page: Page, verb: str) -> None:
    from nashra.newsroom.models.pages import HomePage

    if issubclass(page.specific_class or Page, HomePage) and role_of(user) not in (
        Role.DUTY_EDITOR,
        Role.ADMIN,
    ):
        raise ActionNotPermitted(f"only the duty editor may {verb} the home page")


def check_can_publish(user, page: Page, verb: str = "publish") -> None:
    """Publish, schedule, correct: a desk editor at their own desk, the duty editor, an admin."""
    if not _perms(user, page).can_publish():
        raise _refuse(user, verb, page)
    _check_home_page(user, page, verb)


def check_can_approve(user, page: Page) -> None:
    """Approving a story under review is publishing it: the same people, the same desks.

    Both `actions.approve` and the admin's review task (`DeskApprovalTask`) ask this.
    """
    check_can_publish(user, page, "approve")


def may_approve(user, page: Page) -> bool:
    try:
        check_can_approve(user, page)
    except ActionNotPermitted:
        return False
    return True


def check_can_unpublish(user, page: Page, verb: str = "unpublish") -> None:
    if not _perms(user, page).can_unpublish():
        raise _refuse(user, verb, page)
    _check_home_page(user, page, verb)


def check_can_set_breaking_news(user) -> None:
    if user is None or not user.is_authenticated or not user.has_perm("newsroom.set_breaking_news"):
        raise ActionNotPermitted("only the duty editor sets breaking news")
