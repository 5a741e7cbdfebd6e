"""Who may do what to which page: the one answer Wagtail and the newsroom both ask.

Wagtail asks a page's `permissions_for_user()` before every admin button, explorer row,
workflow step and bulk action, and its own action classes (`PublishPageRevisionAction`,
`UnpublishPageAction`) ask it too unless told to skip the check. The newsroom's rules live
here, inside that seam, so a rule holds on every path at once:

- Desk and language: a desk editor publishes only in their own section of their own
  edition. That is where the permission sits: the desk's group holds `publish_page` on
  one section page, and a section belongs to one locale (`roles.assign_desk`). Wagtail's
  tester reads it by tree path; nothing here repeats it.
- The home page: only the duty editor and admins publish or unpublish it, whatever page
  permissions anyone else has been granted.
- Correct and kill (the newsroom's own actions): a live, unkilled article, by someone
  who may publish it (correct) or unpublish it (kill).
- Approving a story under review is publishing it (`models.review.DeskApprovalTask`).
- Deleting is permanent, so it is narrower than Wagtail's default (anyone with edit
  rights deleting any draft): reporters, sub-editors and desk editors delete only their
  own unpublished drafts; the duty editor deletes any unpublished draft; only an admin
  deletes a live story (the newsroom kills a story instead, which keeps its URL
  answering). Moving is deleting here and adding there (Wagtail's `can_move`), so the
  same rule keeps a desk editor from moving another desk's draft into their section.

`require()` turns a "no" into the domain's refusal, worded for the person's role.
"""

from __future__ import annotations

from wagtail.models import PagePermissionTester

from nashra.newsroom.errors import ActionNotPermitted
from nashra.newsroom.roles import Role, role_of


class NewsroomPermissionTester(PagePermissionTester):
    """Wagtail's tester with the newsroom's rules; the base for every newsroom page."""

    def can_correct(self) -> bool:
        return False

    def can_kill(self) -> bool:
        return False

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        if not super().can_delete(ignore_bulk):
            return False
        role = role_of(self.user)
        if role == Role.ADMIN:
            return True
        pages = self.page.get_descendants(inclusive=True)
        if pages.filter(live=True).exists():
            return False
        if role == Role.DUTY_EDITOR:
            return True
        return not pages.exclude(owner=self.user).exists()

    def refusal(self, verb: str) -> ActionNotPermitted:
        """Why this user may not `verb` this page, in the newsroom's words."""
        role = role_of(self.user)
        if not self.user.is_authenticated:
            return ActionNotPermitted("sign in to change stories", role=role, verb=verb)
        if role == Role.DESK_EDITOR:
            reason = f"desk editors {verb} only in their own sections"
        elif role in (Role.REPORTER, Role.SUB_EDITOR):
            reason = f"a {role.lower()} cannot {verb}; a desk or duty editor does"
        else:
            reason = f"{role} cannot {verb} “{self.page.title}”"
        return ActionNotPermitted(reason, role=role, verb=verb)


class HomePagePermissionTester(NewsroomPermissionTester):
    """The front page of an edition changes only by the duty editor's or an admin's hand."""

    def on_duty(self) -> bool:
        return role_of(self.user) in (Role.DUTY_EDITOR, Role.ADMIN)

    def can_publish(self) -> bool:
        return super().can_publish() and self.on_duty()

    def can_unpublish(self) -> bool:
        return super().can_unpublish() and self.on_duty()

    def refusal(self, verb: str) -> ActionNotPermitted:
        if self.user.is_authenticated and not self.on_duty():
            role = role_of(self.user)
            if super().can_publish():  # granted the page permission, but not on duty
                reason = f"only the duty editor may {verb} the home page"
                return ActionNotPermitted(reason, role=role, verb=verb)
        return super().refusal(verb)


class ArticlePermissionTester(NewsroomPermissionTester):
    def is_standing(self) -> bool:
        """Live and not withdrawn: the only state a story can be corrected or killed in."""
        return bool(self.page.live and not self.page.killed_at)

    def can_correct(self) -> bool:
        return self.is_standing() and self.can_publish()

    def can_kill(self) -> bool:
        return self.is_standing() and self.can_unpublish()


class NewsroomPage:
    """Mixin for the newsroom's page classes: their permissions come from their tester."""

    permission_tester_class: type[NewsroomPermissionTester] = NewsroomPermissionTester

    def permissions_for_user(self, user) -> NewsroomPermissionTester:
        return self.permission_tester_class(user, self)


def require(user, page, ability: str, verb: str) -> None:
    """Raise `ActionNotPermitted` unless `page.permissions_for_user(user).<ability>()`.

    `ability` names a tester method (`can_publish`, `can_unpublish`, `can_edit`, ...);
    `verb` words the refusal ("publish", "approve", "correct stories").
    """
    if user is None:
        raise ActionNotPermitted("sign in to change stories", role="readers", verb=verb)
    tester = page.permissions_for_user(user)
    if not getattr(tester, ability)():
        raise tester.refusal(verb)
