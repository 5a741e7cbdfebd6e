"""Breaking news: one banner line across every public page of an edition, until it expires.

A Wagtail snippet with drafts, revisions, a publishing schedule and locking: the duty
editor writes it, publishes it now or sets "go live" in the future, and it must carry an
expiry. Publishing needs Wagtail's `publish_breakingnews` permission (the duty editor and
admin groups hold it, migration 0010); the scheduled-publishing job publishes and
expires banners as it does stories (`actions.PublishOverdueAction`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin


class BreakingNews(DraftStateMixin, RevisionMixin, LockableMixin, models.Model):
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    text = models.CharField(max_length=160)
    link = models.CharField(
        max_length=300, blank=True, help_text=_("A path on this site, e.g. /uae/story-slug/")
    )
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="breakingnews")

    panels = [
        FieldPanel("language"),
        FieldPanel("text"),
        FieldPanel("link"),
        PublishingPanel(),
    ]

    class Meta:
        ordering = ["-last_published_at", "-pk"]
        verbose_name = _("breaking news")
        verbose_name_plural = _("breaking news")

    def __str__(self) -> str:
        return self.text

    def clean(self):
        super().clean()
        if not self.text.strip():
            raise ValidationError({"text": _("Breaking news needs a line of text.")})
        if self.expire_at is None:
            # A banner left up by mistake shouts across every page: it always ends.
            raise ValidationError({"expire_at": _("Breaking news needs an expiry date/time.")})

    @classmethod
    def current(cls, language: str, now=None) -> BreakingNews | None:
        """The edition's banner: the latest published one that has not expired."""
        now = now or timezone.now()
        return (
            cls.objects.filter(language=language, live=True)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .order_by("-last_published_at", "-pk")
            .first()
        )

    @property
    def safe_link(self) -> str:
        # Only site paths: a banner must never send readers to javascript: or off-site.
        return self.link if self.link.startswith("/") and not self.link.startswith("//") else ""
