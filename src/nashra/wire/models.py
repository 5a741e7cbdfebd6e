"""The wire desk's records: sources, items tracked by the agency's guid, every version
received, and the files that could not be read."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WireSource(models.Model):
    """Where an agency's copy comes from: a watched folder or a polled HTTP(S) URL."""

    class Kind(models.TextChoices):
        FOLDER = "folder", _("watched folder")
        HTTP = "http", _("HTTP(S) polling")

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FOLDER)
    location = models.CharField(
        max_length=500, help_text=_("A folder path on the server, or an http(s):// URL")
    )
    agency = models.ForeignKey(
        "newsroom.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=10, blank=True)
    default_section = models.ForeignKey(
        "newsroom.SectionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kill_on_cancel = models.BooleanField(
        default=True, help_text=_("Kill a story made from an item the agency cancels")
    )
    enabled = models.BooleanField(default=True)
    # HTTP polling: the validators the server last sent, and the failure streak for backoff.
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WireItem(models.Model):
    """One agency story, identified by its guid, showing its newest version."""

    source = models.ForeignKey(WireSource, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=500)
    version = models.BigIntegerField(null=True, blank=True)
    pub_status = models.CharField(max_length=10, default="usable")
    language = models.CharField(max_length=20, blank=True)
    headline = models.TextField(blank=True)
    byline = models.CharField(max_length=300, blank=True)
    dateline = models.CharField(max_length=300, blank=True)
    slugline = models.CharField(max_length=300, blank=True)
    urgency = models.PositiveSmallIntegerField(null=True, blank=True)
    body_text = models.TextField(blank=True)
    subjects = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    version_created = models.DateTimeField(null=True, blank=True)
    first_created = models.DateTimeField(null=True, blank=True)
    embargoed = models.DateTimeField(null=True, blank=True)
    provider = models.CharField(max_length=200, blank=True)
    item_class = models.CharField(max_length=30, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    story = models.ForeignKey(
        "newsroom.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wire_items",
    )
    update_available = models.BooleanField(
        default=False, help_text=_("A newer version arrived after the story was made")
    )

    class Meta:
        ordering = ["-version_created", "-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "guid"], name="wire_item_guid_per_source")
        ]
        indexes = [models.Index(fields=["-received_at"], name="wire_item_newest")]

    def __str__(self) -> str:
        return self.headline or self.guid

    @property
    def withdrawn(self) -> bool:
        return self.pub_status != "usable"


class WireVersion(models.Model):
    """Every version of an item as received, kept even when it was not applied."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="versions")
    version = models.BigIntegerField(null=True, blank=True)
    contract = models.JSONField(help_text=_("The item as `nashra wire parse` prints it"))
    filename = models.CharField(max_length=300, blank=True)
    applied = models.BooleanField(default=False)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "-received_at"]

    def __str__(self) -> str:
        return f"{self.item.guid} v{self.version}"


class QuarantinedFile(models.Model):
    """A delivered file the engine refused, with its error, shown in the admin."""

    source = models.ForeignKey(WireSource, on_delete=models.CASCADE, related_name="quarantine")
    filename = models.CharField(max_length=300)
    error = models.TextField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.filename
