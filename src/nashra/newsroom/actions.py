"""Every change of a story's state, in one place.

The admin (through hooks), the API, the CLI and background jobs call these. Each action
checks permission, saves, writes Wagtail's audit log, purges the page cache, and then
sends a signal so other apps can react; the signals are never part of the core flow.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from nashra.kernel.cache import purge
from nashra.newsroom import roles, signals
from nashra.newsroom.errors import ActionRefused
from nashra.newsroom.models import ArticleCorrection, ArticlePage, BreakingNews


def _latest_revision(page: Page, by) -> Revision:
    return page.get_latest_revision() or page.save_revision(user=by)


def submit_for_review(page: Page, *, by) -> None:
    """A reporter or sub-editor hands the latest draft to the desk."""
    roles.check_can_edit(by, page)
    workflow = page.get_workflow()
    if workflow is None:
        raise ActionRefused("no review workflow covers this section")
    if page.workflow_in_progress:
        raise ActionRefused(f"“{page.title}” is already awaiting review")
    with transaction.atomic():
        _latest_revision(page, by)
        workflow.start(page, by)  # Wagtail logs wagtail.workflow.start
    signals.story_submitted.send(sender=type(page.specific), page=page, by=by)


def approve(page: Page, *, by, comment: str = "") -> None:
    """The desk approves the draft under review; the last approval publishes it."""
    state = page.current_workflow_state
    if state is None or state.current_task_state is None:
        raise ActionRefused(f"“{page.title}” is not awaiting review")
    roles.check_can_approve(by, page)
    task_state = state.current_task_state
    with transaction.atomic():
        task_state.task.specific.on_action(task_state, by, "approve", comment=comment)
    purge()
    signals.story_approved.send(sender=type(page.specific), page=page, by=by)


def publish(page: Page, *, by, revision: Revision | None = None) -> Revision:
    """Make the latest draft (or a given revision) the live story now."""
    roles.check_can_publish(by, page)
    with transaction.atomic():
        revision = revision or _latest_revision(page, by)
        if revision.as_object().go_live_at and revision.as_object().go_live_at > timezone.now():
            # "Publish now" overrides an earlier schedule.
            obj = revision.as_object()
            obj.go_live_at = None
            revision = obj.save_revision(user=by, log_action=False)
        revision.publish(user=by, skip_permission_checks=True)
    purge()
    return revision


def schedule(page: Page, *, by, go_live_at: datetime) -> Revision:
    """Publish the latest draft automatically at `go_live_at`."""
    roles.check_can_publish(by, page, "schedule")
    if go_live_at <= timezone.now():
        raise ActionRefused("the scheduled time is in the past; publish now instead")
    with transaction.atomic():
        draft = page.get_latest_revision_as_object() if page.latest_revision_id else page.specific
        draft.go_live_at = go_live_at
        revision = draft.save_revision(user=by, log_action=False)
        revision.publish(user=by, skip_permission_checks=True)  # logs wagtail.publish.schedule
    purge()
    return revision


def correct(page: ArticlePage, *, by, note: str) -> ArticleCorrection:
    """Append a dated correction to the live story and publish it now.

    Only the live version is corrected and republished. A pending draft or scheduled
    update is someone's unfinished work: it stays pending (the draft still the latest
    revision, the schedule at its time) and is rebased to carry the correction too.
    """
    page = page.specific
    if not isinstance(page, ArticlePage):
        raise ActionRefused("only articles carry corrections")
    roles.check_can_publish(by, page, "correct stories")
    note = note.strip()
    if not note:
        raise ActionRefused("a correction needs a note saying what was wrong")
    if not page.live:
        raise ActionRefused("only a published story can be corrected; edit the draft instead")
    if page.killed_at:
        # Readers see only the kill notice; a withdrawn story is not republished to correct it.
        raise ActionRefused(f"“{page.title}” was killed: a killed story cannot be corrected")
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
        revision = live.save_revision(user=by, log_action=False)
        # Publishing clears every revision's approved_go_live_at; _rebase restores it.
        revision.publish(user=by, skip_permission_checks=True)
        if scheduled is not None and scheduled != draft:
            _rebase(scheduled, by=by, now=now, go_live_at=scheduled.approved_go_live_at)
        if draft is not None:
            go_live_at = scheduled.approved_go_live_at if scheduled == draft else None
            _rebase(draft, by=by, now=now, go_live_at=go_live_at)
        log(instance=page, action="nashra.correct", user=by, data={"note": note}, revision=revision)
    purge()
    signals.story_corrected.send(sender=ArticlePage, page=page, note=note, by=by)
    return ArticlePage.objects.get(pk=page.pk).corrections.order_by("-corrected_at", "-pk").first()


def _rebase(pending: Revision, *, by, now: datetime, go_live_at: datetime | None) -> Revision:
    """Save a pending revision again after a correction, so it carries it and stays pending.

    The object read back from any revision holds every saved correction
    (`ArticlePage.with_content_json`); saving it makes the copy the latest revision, which
    the edit view opens and the review workflow publishes. A schedule moves to the copy.
    """
    obj = pending.as_object()
    if obj.updated_at is None or obj.updated_at < now:
        obj.updated_at = now
    return obj.save_revision(user=by, approved_go_live_at=go_live_at, log_action=False, clean=False)


def unpublish(page: Page, *, by) -> None:
    """Take a story off the site (its URL answers 404); the drafts stay."""
    roles.check_can_unpublish(by, page)
    if not page.live:
        raise ActionRefused(f"“{page.title}” is not published")
    UnpublishPageAction(page, user=by).execute(skip_permission_checks=True)
    purge()


def kill(page: ArticlePage, *, by, reason: str) -> None:
    """Withdraw a story for legal or factual reasons: its URL answers 410 Gone with a notice."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        raise ActionRefused("only articles can be killed")
    roles.check_can_unpublish(by, page, "kill stories")
    reason = reason.strip()
    if not reason:
        raise ActionRefused("a kill needs a reason readers can be shown")
    if page.killed_at:
        raise ActionRefused(f"“{page.title}” was already killed")
    now = timezone.now()
    with transaction.atomic():
        ArticlePage.objects.filter(pk=page.pk).update(killed_at=now, kill_reason=reason)
        page.killed_at, page.kill_reason = now, reason
        log(instance=page, action="nashra.kill", user=by, data={"reason": reason})
    purge()
    signals.story_killed.send(sender=ArticlePage, page=page, reason=reason, by=by)


def set_breaking_news(
    *, by, text: str, language: str, expires_at: datetime, link: str = ""
) -> BreakingNews:
    """Show a breaking-news banner across the edition until `expires_at`."""
    roles.check_can_set_breaking_news(by)
    text = text.strip()
    if not text:
        raise ActionRefused("breaking news needs a line of text")
    if expires_at <= timezone.now():
        raise ActionRefused("the banner would expire before it is shown")
    news = BreakingNews.objects.create(
        text=text, language=language, expires_at=expires_at, link=link, set_by=by
    )
    log(instance=news, action="nashra.breaking.set", user=by, data={"text": text})
    purge()
    signals.breaking_news_changed.send(sender=BreakingNews, news=news, by=by)
    return news


def clear_breaking_news(*, by, language: str) -> int:
    """End every current banner of an edition now."""
    roles.check_can_set_breaking_news(by)
    now = timezone.now()
    current = list(BreakingNews.objects.filter(language=language, expires_at__gt=now))
    for news in current:
        news.expires_at = now
        news.save(update_fields=["expires_at"])
        log(instance=news, action="nashra.breaking.clear", user=by)
    purge()
    signals.breaking_news_changed.send(sender=BreakingNews, news=None, by=by)
    return len(current)


def publish_overdue(now: datetime | None = None) -> int:
    """Publish every scheduled revision whose time has come; return how many were published.

    Safe to call from any number of workers and requests at once: each revision is claimed
    under a row lock (PostgreSQL: SKIP LOCKED; SQLite: IMMEDIATE transactions serialise
    writers) and re-checked inside the lock, so a story is published exactly once.
    """
    now = now or timezone.now()
    due = list(
        Revision.page_revisions.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at")
        .values_list("pk", flat=True)
    )
    published = 0
    for revision_id in due:
        with transaction.atomic():
            revision = (
                Revision.page_revisions.select_for_update(skip_locked=True)
                .filter(pk=revision_id, approved_go_live_at__lte=now)
                .first()
            )
            if revision is None:  # another worker has it, or already published it
                continue
            revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
            published += 1
    published += _unpublish_expired(now)
    if published:
        purge()
    return published


def _unpublish_expired(now: datetime) -> int:
    count = 0
    for page_id in Page.objects.filter(live=True, expire_at__lt=now).values_list("pk", flat=True):
        with transaction.atomic():
            page = (
                Page.objects.select_for_update(skip_locked=True)
                .filter(pk=page_id, live=True, expire_at__lt=now)
                .first()
            )
            if page is None:
                continue
            UnpublishPageAction(page.specific, log_action="wagtail.unpublish.scheduled").execute(
                skip_permission_checks=True
            )
            count += 1
    return count
