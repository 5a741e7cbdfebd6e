"""Correct a live story: a dated note appended for readers, the story republished now."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from nashra.newsroom import signals
from nashra.newsroom.errors import ActionRefused
from nashra.newsroom.models import ArticleCorrection, ArticlePage
from nashra.newsroom.permissions import require


class CorrectStoryAction:
    """Append a dated correction to the live story and publish it now.

    Only the live version is corrected and republished. A pending draft or scheduled
    update is someone's unfinished work: it stays pending (the draft still the latest
    revision, the schedule at its time) and is rebased to carry the correction too.
    """

    verb = "correct stories"

    def __init__(self, page, *, user, note: str = ""):
        self.page = page.specific
        self.user = user
        self.note = note.strip()

    def check_permission(self) -> None:
        if not isinstance(self.page, ArticlePage):
            raise ActionRefused("only articles carry corrections")
        require(self.user, self.page, "can_publish", self.verb)

    def check(self, skip_permission_checks: bool = False) -> None:
        if not skip_permission_checks:
            self.check_permission()
        if not self.note:
            raise ActionRefused("a correction needs a note saying what was wrong")
        if not self.page.live:
            raise ActionRefused("only a published story can be corrected; edit the draft instead")
        if self.page.killed_at:
            # Readers see only the kill notice; a withdrawn story is not republished to correct it.
            raise ActionRefused(
                f"“{self.page.title}” was killed: a killed story cannot be corrected"
            )

    def execute(self, skip_permission_checks: bool = False) -> ArticleCorrection:
        self.check(skip_permission_checks=skip_permission_checks)
        page, user, note = self.page, self.user, self.note
        now = timezone.now()
        with transaction.atomic():
            # The page row is the live content (drafts live only in revisions).
            live = ArticlePage.objects.select_for_update().get(pk=page.pk)
            draft = live.latest_revision if live.has_unpublished_changes else None
            if draft is not None and draft.pk == live.live_revision_id:
                draft = None
            scheduled = live.scheduled_revision
            live.corrections.add(ArticleCorrection(corrected_at=now, note=note))
            live.updated_at = now
            live.go_live_at = None  # published now, whatever the draft's schedule says
            revision = live.save_revision(user=user, log_action=False)
            # Publishing clears every revision's approved_go_live_at; _rebase restores it.
            # Wagtail's page_published signal purges the cached pages.
            revision.publish(user=user, skip_permission_checks=True)
            if scheduled is not None and scheduled != draft:
                _rebase(scheduled, user=user, now=now, go_live_at=scheduled.approved_go_live_at)
            if draft is not None:
                go_live_at = scheduled.approved_go_live_at if scheduled == draft else None
                _rebase(draft, user=user, now=now, go_live_at=go_live_at)
            log(
                instance=page,
                action="nashra.correct",
                user=user,
                data={"note": note},
                revision=revision,
            )
        signals.story_corrected.send(sender=ArticlePage, page=page, note=note, by=user)
        return (
            ArticlePage.objects.get(pk=page.pk).corrections.order_by("-corrected_at", "-pk").first()
        )


def _rebase(pending: Revision, *, user, now: datetime, go_live_at: datetime | None) -> Revision:
    """Save a pending revision again after a correction, so it carries it and stays pending.

    The object read back from any revision holds every saved correction
    (`ArticlePage.with_content_json`); saving it makes the copy the latest revision, which
    the edit view opens and the review workflow publishes. A schedule moves to the copy.
    """
    obj = pending.as_object()
    if obj.updated_at is None or obj.updated_at < now:
        obj.updated_at = now
    return obj.save_revision(
        user=user, approved_go_live_at=go_live_at, log_action=False, clean=False
    )
