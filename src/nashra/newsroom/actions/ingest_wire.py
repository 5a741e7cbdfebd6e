"""Turn an agency's wire item into a draft story: the desk's "Use this story"."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.log_actions import log

from nashra.engines.wire import WireItem
from nashra.newsroom.errors import ActionRefused
from nashra.newsroom.models import ArticlePage, SectionPage
from nashra.newsroom.models.article import STANDFIRST_MAX, Urgency


class IngestWireItemAction:
    """Create a draft article in `section` from a parsed wire item, owned by `user`.

    Headline, standfirst (the lead paragraph), body paragraphs, dateline city, urgency,
    tags (the agency's keywords) and the agency credit come from the item, which must be
    in the section's edition language; the draft waits for the desk's usual review.
    Withdrawn copy (withheld or canceled) is refused: an agency's cancel is binding.
    """

    verb = "add stories"

    def __init__(self, item: WireItem, *, section, user, agency=None):
        self.item = item
        self.section = section.specific
        self.user = user
        self.agency = agency

    def check_permission(self) -> None:
        if not isinstance(self.section, SectionPage):
            raise ActionRefused("wire stories go into a section")
        tester = self.section.permissions_for_user(self.user)
        if not tester.can_add_subpage():
            raise tester.refusal(self.verb)

    def check(self, skip_permission_checks: bool = False) -> None:
        if not skip_permission_checks:
            self.check_permission()
        if self.item.pub_status != "usable":
            raise ActionRefused(f"the agency marked this item {self.item.pub_status}")
        if not self.item.headline:
            raise ActionRefused("the wire item has no headline")
        edition = self.section.locale.language_code.split("-")[0].lower()
        language = (self.item.language or edition).split("-")[0].lower()
        if language != edition:
            raise ActionRefused(
                f"this wire item is in {language!r}; file it in a section of that edition"
            )

    def execute(self, skip_permission_checks: bool = False) -> ArticlePage:
        self.check(skip_permission_checks=skip_permission_checks)
        item = self.item
        paragraphs = [p for p in (item.body_text or "").split("\n\n") if p.strip()]
        lead = paragraphs[0] if paragraphs else ""
        standfirst = lead if len(lead) <= STANDFIRST_MAX else lead[: STANDFIRST_MAX - 1] + "…"
        article = ArticlePage(
            title=item.headline[:255],
            slug=_slug(item),
            owner=self.user,
            live=False,
            standfirst=standfirst,
            agency=self.agency,
            dateline_city=_dateline_city(item.dateline),
            urgency=min(max(item.urgency or Urgency.ROUTINE, Urgency.FLASH), Urgency.DEFERRED),
            body=[("paragraph", f"<p>{escape(p)}</p>") for p in paragraphs],
        )
        article.tags.add(*[keyword[:100] for keyword in item.keywords])
        with transaction.atomic():
            self.section.add_child(instance=article)
            article.save_revision(user=self.user, log_action=True)
            log(
                instance=article,
                action="nashra.wire_ingest",
                user=self.user,
                data={"guid": item.guid, "version": item.version, "provider": item.provider},
            )
        return article


def _slug(item: WireItem) -> str:
    """The headline's slug, made unique among a section's stories by the item's identity."""
    identity = f"{item.guid or item.headline}:{item.version}".encode()
    suffix = hashlib.sha1(identity, usedforsecurity=False).hexdigest()[:8]
    return f"{slugify(item.headline or '', allow_unicode=True)[:60] or 'wire'}-{suffix}"


def _dateline_city(dateline: str | None) -> str:
    """`MOSCOW, Sept 22 (WAM) -` to `MOSCOW`: the place before the first comma."""
    if not dateline:
        return ""
    return dateline.split(",")[0].strip()[:80]
