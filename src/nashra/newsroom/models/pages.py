"""The edition's front page and its sections."""

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from nashra.newsroom.models.article import ArticlePage
from nashra.newsroom.permissions import HomePagePermissionTester, NewsroomPage
from nashra.newsroom.published import only_published, published_sections

CARD_RELATED = ("hero_image", "agency")
# Renditions come with the cards: one query for the whole listing, not one per picture.
CARD_PREFETCH = ("authors", "hero_image__renditions")
TOP_STORY_POOL = 50  # the home page's top stories are picked from the latest this many


def article_cards(queryset):
    """Published articles ready for a listing card: one query, whatever the listing's length.

    Without their bodies: a card never shows one, and a body is most of an article's row.
    """
    return (
        only_published(queryset)
        .defer_streamfields()
        .select_related(*CARD_RELATED)
        .prefetch_related(*CARD_PREFETCH)
        .order_by("-first_published_at", "-pk")
    )


class CountedPaginator(Paginator):
    """Pages hold `per_page` stories whenever there are that many, whatever the count says.

    A section's story count is kept per cache for up to a minute
    (`SectionPage.published_story_count`), and a story published by another process (the
    worker, a command) reaches an app server with a per-process cache only when that
    minute is up. Django's Paginator cuts a page at the count, so a count a story short
    would hide the oldest story of the page; here the count only numbers the pages.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)


def requested_page_number(request) -> int:
    """`?page=` as a positive whole number; anything else means the first page."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


class HomePage(NewsroomPage, Page):
    top_story_count = models.PositiveSmallIntegerField(default=5)
    section_story_count = models.PositiveSmallIntegerField(default=4)

    permission_tester_class = HomePagePermissionTester
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage"]
    content_panels = Page.content_panels + [
        FieldPanel("top_story_count"),
        FieldPanel("section_story_count"),
    ]

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """A story's URL (home > section > story) found in one query, by its URL path.

        Wagtail walks the tree a level at a time: two queries per level (the child by
        slug, then its specific row). Wagtail keeps `url_path` current through renames
        and moves, and migration 0009 indexes it. Anything that is not a live story at
        that path is routed by Wagtail, exactly as before.
        """
        if len(path_components) == 2:
            url_path = f"{self.url_path}{path_components[0]}/{path_components[1]}/"
            story = (
                ArticlePage.objects.filter(url_path=url_path, live=True)
                .select_related("locale", "agency", "hero_image")
                .prefetch_related("authors")
                .first()
            )
            if story is not None:
                return RouteResult(story)
        return super().route(request, path_components)

    def sections(self):
        return published_sections().in_menu().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Stories are the home's grandchildren (home > section > story): saying so lets the
        # database read them newest first from the (depth, first_published_at) index.
        stories = ArticlePage.objects.descendant_of(self).filter(depth=self.depth + 2)
        articles = article_cards(stories)
        # The most urgent of the latest stories, newest first among equals: a flash from
        # three years ago must not lead the page, and the newest few are an index scan
        # where ordering the whole archive by urgency is a sort of every story.
        latest = list(articles[:TOP_STORY_POOL])
        top = sorted(latest, key=lambda article: article.urgency)[: self.top_story_count]
        shown = {article.pk for article in top}
        blocks = []
        for section in self.sections():
            stories = [
                article
                for article in article_cards(ArticlePage.objects.child_of(section))[
                    : self.section_story_count + len(shown)
                ]
                if article.pk not in shown
            ][: self.section_story_count]
            blocks.append((section, stories))
        context["top_stories"] = top
        context["section_blocks"] = blocks
        return context


class SectionPage(NewsroomPage, Page):
    intro = models.CharField(max_length=250, blank=True)

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "section"

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings

        context = super().get_context(request, *args, **kwargs)
        stories = article_cards(ArticlePage.objects.child_of(self))
        paginator = CountedPaginator(stories, settings.NASHRA_SECTION_PAGE_SIZE)
        paginator.count = self.published_story_count(stories)
        try:
            page = paginator.page(requested_page_number(request))
        except EmptyPage:
            raise Http404("There is no such page of this section") from None
        context["articles"] = page
        return context

    def published_story_count(self, stories) -> int:
        """How many stories the section shows ("page 3 of N").

        Counting 25,000 stories takes 100 ms; the number changes only when a story is
        published, unpublished, expired or killed, and each of those purges
        (nashra.kernel.cache), so it is counted once per purge generation, for a minute.
        """
        from nashra.kernel.cache import SECTION_STORY_COUNT

        return SECTION_STORY_COUNT.get_or_set(stories.count, self.pk)
