"""Who a story is credited to: staff authors (bylines) and wire agencies."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from nashra.kernel.language import name_in


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    name_ar = models.CharField("name (Arabic)", max_length=120, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True)
    bio_ar = models.TextField("bio (Arabic)", blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_ar"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("bio_ar"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_ar")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the reader's edition."""
        return name_in(self)

    @property
    def display_bio(self) -> str:
        return name_in(self, None, "bio")


@register_snippet
class Agency(models.Model):
    name = models.CharField(max_length=60, help_text=_("Short credit, e.g. WAM"))
    name_ar = models.CharField("name (Arabic)", max_length=60, blank=True)
    full_name = models.CharField(max_length=160, blank=True)
    full_name_ar = models.CharField("full name (Arabic)", max_length=160, blank=True)
    slug = models.SlugField(max_length=60, unique=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_ar"),
        FieldPanel("full_name"),
        FieldPanel("full_name_ar"),
        FieldPanel("slug"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The short credit in the reader's edition."""
        return name_in(self)

    @property
    def display_full_name(self) -> str:
        return name_in(self, None, "full_name")
