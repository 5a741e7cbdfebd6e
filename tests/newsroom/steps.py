"""A story's changes the way Wagtail's admin makes them, for tests to call.

Publishing, scheduling, unpublishing, submitting and approving are Wagtail's own actions
and workflow; each asks the page's permission tester (nashra.newsroom.permissions), as the
admin does. Wagtail refuses with its `PermissionDenied` subclasses, the review task with
the newsroom's `ActionNotPermitted` (a `PermissionDenied` too).
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from wagtail.actions.publish_page_revision import (
    PublishPagePermissionError,
    PublishPageRevisionAction,
)
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Revision


def publish(page, user, revision: Revision | None = None) -> Revision:
    """The edit view's "Publish": the latest draft (or `revision`) goes live now."""
    revision = revision or page.get_latest_revision() or page.save_revision(user=user)
    PublishPageRevisionAction(revision, user=user).execute()
    return revision


def schedule(page, user, go_live_at: datetime) -> Revision:
    """The edit view's "Set schedule" then "Publish": the draft goes live at `go_live_at`."""
    if not page.permissions_for_user(user).can_publish():  # the edit view asks it first
        raise PublishPagePermissionError("You do not have permission to publish this page.")
    draft = page.get_latest_revision_as_object() if page.latest_revision_id else page.specific
    draft.go_live_at = go_live_at
    revision = draft.save_revision(user=user)
    PublishPageRevisionAction(revision, user=user).execute()
    return revision


def unpublish(page, user) -> None:
    UnpublishPageAction(page.specific, user=user).execute()


def submit(page, user) -> None:
    """The edit view's "Submit for review" (which it offers only to those who may edit)."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied(f"{user} cannot edit {page.title}")
    page.get_workflow().start(page, user)


def approve(page, user, comment: str = "") -> None:
    """The review step's "Approve", as the admin's workflow action view runs it."""
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve", comment=comment)


def set_breaking_news(user, *, text: str, language: str, expire_at: datetime, link: str = ""):
    """The snippet editor's "Publish" on a new banner (Wagtail's create view does this)."""
    from nashra.newsroom.models import BreakingNews

    news = BreakingNews(language=language, text=text, link=link, expire_at=expire_at, live=False)
    news.full_clean()
    news.save()
    publish_snippet(news, user)
    return BreakingNews.objects.get(pk=news.pk)


def clear_breaking_news(news, user) -> None:
    """The snippet's "Unpublish"."""
    UnpublishAction(news, user=user).execute()


def publish_snippet(obj, user):
    """The snippet editor's "Publish" on an existing object (scheduled if go_live_at is ahead)."""
    revision = obj.save_revision(user=user if user.is_authenticated else None)
    PublishRevisionAction(revision, user=user).execute()
    return revision
