"""The newsroom's Jumu'ah schedule: editors change the Friday-prayer time here."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class JumuahTime(models.Model):
    """From `starts_on` (a date) until the next row's date, Jumu'ah is at `time` (UAE)."""

    starts_on = models.DateField(_("starts on"), unique=True)
    time = models.TimeField(_("time"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("starts_on"), FieldPanel("time"), FieldPanel("note")]

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("Jumu'ah time")
        verbose_name_plural = _("Jumu'ah times")

    def __str__(self) -> str:
        return f"{self.time:%H:%M} from {self.starts_on:%Y-%m-%d}"
