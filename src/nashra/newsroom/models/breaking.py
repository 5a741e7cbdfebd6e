"""Breaking news: one banner line across every public page of an edition, until it expires."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class BreakingNews(models.Model):
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    text = models.CharField(max_length=160)
    link = models.CharField(
        max_length=300, blank=True, help_text=_("A path on this site, e.g. /uae/story-slug/")
    )
    starts_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("text"),
        FieldPanel("link"),
        FieldPanel("starts_at"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("breaking news")
        verbose_name_plural = _("breaking news")
        permissions = [("set_breaking_news", "Can set and clear breaking news")]

    def __str__(self) -> str:
        return self.text

    @classmethod
    def current(cls, language: str, now=None) -> BreakingNews | None:
        now = now or timezone.now()
        return (
            cls.objects.filter(language=language, starts_at__lte=now, expires_at__gt=now)
            .order_by("-starts_at")
            .first()
        )

    @property
    def safe_link(self) -> str:
        # Only site paths: a banner must never send readers to javascript: or off-site.
        return self.link if self.link.startswith("/") and not self.link.startswith("//") else ""
