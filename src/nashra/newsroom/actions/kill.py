"""Kill a story: withdrawn for legal or factual reasons, its URL answers 410 Gone."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from nashra.kernel.cache import purge
from nashra.newsroom import signals
from nashra.newsroom.errors import ActionRefused
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.permissions import require


class KillStoryAction:
    """Withdraw a live story with a reason readers are shown; there is no undoing it."""

    verb = "kill stories"

    def __init__(self, page, *, user, reason: str = ""):
        self.page = page.specific
        self.user = user
        self.reason = reason.strip()

    def check_permission(self) -> None:
        if not isinstance(self.page, ArticlePage):
            raise ActionRefused("only articles can be killed")
        require(self.user, self.page, "can_unpublish", self.verb)

    def check(self, skip_permission_checks: bool = False) -> None:
        if not skip_permission_checks:
            self.check_permission()
        if not self.reason:
            raise ActionRefused("a kill needs a reason readers can be shown")
        if self.page.killed_at:
            raise ActionRefused(f"“{self.page.title}” was already killed")

    def execute(self, skip_permission_checks: bool = False) -> None:
        self.check(skip_permission_checks=skip_permission_checks)
        page, now = self.page, timezone.now()
        with transaction.atomic():
            ArticlePage.objects.filter(pk=page.pk).update(killed_at=now, kill_reason=self.reason)
            page.killed_at, page.kill_reason = now, self.reason
            log(instance=page, action="nashra.kill", user=self.user, data={"reason": self.reason})
        # A queryset update sends no Wagtail signal: purge the cached pages here.
        purge()
        signals.story_killed.send(sender=ArticlePage, page=page, reason=self.reason, by=self.user)
