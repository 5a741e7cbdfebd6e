"""The article: the unit of news."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from nashra.newsroom.forms import ArticlePageForm
from nashra.newsroom.models.blocks import ArticleBodyBlock
from nashra.newsroom.models.search_fields import (
    NormalisedSearchField,
    facet_words,
    month_word,
    without_search_field,
)
from nashra.newsroom.panels import CorrectionsPanel
from nashra.newsroom.permissions import ArticlePermissionTester, NewsroomPage
from nashra.newsroom.published import last_modified, only_published
from nashra.newsroom.rich_text import rich_text_to_plain

STANDFIRST_MAX = 200


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class Urgency(models.IntegerChoices):
    FLASH = 1, "1: flash"
    BULLETIN = 2, "2: bulletin"
    URGENT = 3, "3: urgent"
    ROUTINE = 4, "4: routine"
    DEFERRED = 5, "5: deferred"


class ArticlePage(NewsroomPage, Page):
    kicker = models.CharField(max_length=60, blank=True)
    standfirst = models.CharField(max_length=STANDFIRST_MAX, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)
    authors = ParentalManyToManyField("newsroom.Author", blank=True, related_name="articles")
    agency = models.ForeignKey(
        "newsroom.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    dateline_city = models.CharField(max_length=80, blank=True)
    dateline_country = models.CharField(max_length=80, blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.ROUTINE)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField("hero alt text", max_length=250, blank=True)
    hero_caption = models.CharField(max_length=300, blank=True)
    hero_credit = models.CharField(max_length=120, blank=True)
    canonical_url = models.URLField(
        blank=True, help_text=_("Only for copy first published elsewhere; leave empty otherwise")
    )
    updated_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Shown as 'Updated' when the story changes after publication"),
    )
    # Set only by the kill action; a killed story answers 410 Gone at its URL.
    killed_at = models.DateTimeField(null=True, blank=True, editable=False)
    kill_reason = models.CharField(max_length=300, blank=True, editable=False)

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    content_panels = [
        FieldPanel("kicker"),
        # TitleFieldPanel fills the slug from the headline as the reporter types.
        TitleFieldPanel("title", heading=_("Headline"), placeholder=False),
        FieldPanel("standfirst"),
        MultiFieldPanel([FieldPanel("authors"), FieldPanel("agency")], heading=_("Credit")),
        FieldRowPanel(
            [FieldPanel("dateline_city"), FieldPanel("dateline_country")], heading=_("Dateline")
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        # Read-only: corrections are appended through "Add correction" (CorrectStoryAction).
        CorrectionsPanel(heading=_("Corrections")),
    ]
    promote_panels = Page.promote_panels + [
        FieldPanel("tags"),
        FieldPanel("urgency"),
        FieldPanel("canonical_url"),
    ]
    # Headline above standfirst above body; every indexed text folded for Arabic
    # (nashra.engines.text.arabic) so the reader's folded query meets it.
    search_fields = without_search_field(Page.search_fields, "title") + [
        NormalisedSearchField("title", boost=3),
        NormalisedSearchField("standfirst", boost=2),
        NormalisedSearchField("body_text"),
        index.SearchField("search_facets"),
        index.FilterField("locale_id"),
        index.FilterField("first_published_at"),
        index.FilterField("killed_at"),  # search lists only what readers may see
        index.FilterField("expire_at"),
    ]

    permission_tester_class = ArticlePermissionTester

    class Meta:
        verbose_name = "article"

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": "A hero image needs alt text."})

    def with_content_json(self, content):
        # A kill is a fact about the live story, not part of a draft: publishing an older
        # or newer revision must never bring a killed story back.
        obj = super().with_content_json(content)
        obj.killed_at = self.killed_at
        obj.kill_reason = self.kill_reason
        # Likewise a correction, once saved, is on the record: a revision from before it
        # must not publish (and so delete) it. Keep the revision's corrections not saved
        # yet: CorrectStoryAction adds its own to the draft before saving the revision.
        from_revision = obj.corrections.all() if "corrections" in content else []
        obj.corrections = self._saved_corrections_with(from_revision)
        return obj

    def _saved_corrections_with(self, from_revision) -> list["ArticleCorrection"]:
        """The corrections saved for this story, then the revision's that are not (one query)."""
        saved = list(ArticleCorrection.objects.filter(article_id=self.pk)) if self.pk else []
        # A revision's correction with a primary key is matched by it: the saved row wins,
        # and one the database no longer has stays removed. One without a primary key was
        # added to the draft (CorrectStoryAction) and keeps none in the revision even after
        # publishing saved it, so it is matched by its date and note.
        saved_keys = {_correction_key(c) for c in saved}
        unsaved = [
            c for c in from_revision if c.pk is None and _correction_key(c) not in saved_keys
        ]
        return saved + unsaved

    def serve(self, request, *args, **kwargs):
        if self.killed_at:
            from django.template.response import TemplateResponse

            return TemplateResponse(request, "newsroom/killed.html", {"page": self}, status=410)
        return super().serve(request, *args, **kwargs)

    @property
    def is_killed(self) -> bool:
        return self.killed_at is not None

    @property
    def headline(self) -> str:
        return self.title

    @property
    def last_modified(self):
        """When the public last saw the story change (newsroom.published.LAST_MODIFIED)."""
        return last_modified(self)

    @property
    def shown_updated_at(self):
        """The 'Updated' time readers see: only when it is later than first publication."""
        published = self.first_published_at
        if self.updated_at and published and self.updated_at > published:
            return self.updated_at
        return None

    def body_text(self) -> str:
        """The body as plain text: paragraphs, quotes and fact boxes, for search and feeds."""
        parts: list[str] = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(rich_text_to_plain(block.value.source))
            elif block.block_type == "quote":
                parts.append(block.value["text"])
            elif block.block_type == "fact_box":
                parts.append(block.value["title"])
                parts.extend(block.value["items"])
        return "\n".join(part.strip() for part in parts if part and part.strip())

    def search_facets(self) -> str:
        """Edition, section and month of first publication as index words, for filtered search.

        The month is Dubai's (`NASHRA_PUBLIC_TIME_ZONE`), as the search form's dates are.
        """
        parent = self.get_parent()
        words = facet_words(self.locale_id, parent.pk if parent else None)
        if self.first_published_at:
            public = ZoneInfo(settings.NASHRA_PUBLIC_TIME_ZONE)
            words.append(month_word(self.first_published_at.astimezone(public).date()))
        return " ".join(words)

    @property
    def dateline(self) -> str:
        return ", ".join(part for part in (self.dateline_city, self.dateline_country) if part)

    def related_articles(self, limit: int = 4):
        """The latest stories of the edition sharing a tag, else the section's latest.

        Stories are all at one depth; saying so, and asking "has a shared tag?" of each
        story in turn (EXISTS) rather than joining tags, lets the database walk the
        (depth, first_published_at) index newest first and stop at `limit`: 2 ms at
        100,000 stories, where a join with DISTINCT sorted every tagged story (0.5 s).
        """
        tag_ids = list(self.tags.values_list("id", flat=True))
        siblings = (
            only_published(ArticlePage.objects.filter(locale_id=self.locale_id, depth=self.depth))
            .exclude(pk=self.pk)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-first_published_at")
        )
        if tag_ids:
            shares_a_tag = ArticleTag.objects.filter(
                content_object=OuterRef("pk"), tag_id__in=tag_ids
            )
            related = list(siblings.filter(Exists(shares_a_tag))[:limit])
            if related:
                return related
        return list(siblings.child_of(self.get_parent())[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_articles()
        context["corrections_list"] = list(self.corrections.all())
        return context


def _correction_key(correction: "ArticleCorrection") -> tuple:
    # Revision JSON keeps times to the millisecond (DjangoJSONEncoder).
    at = correction.corrected_at
    return at.replace(microsecond=at.microsecond // 1000 * 1000), correction.note


class ArticleCorrection(Orderable):
    article = ParentalKey(ArticlePage, related_name="corrections", on_delete=models.CASCADE)
    corrected_at = models.DateTimeField()
    note = models.TextField()

    panels = [FieldPanel("corrected_at"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "corrected_at"]

    def __str__(self) -> str:
        return f"Correction of {self.corrected_at:%Y-%m-%d}"
