"""The admin explorer of a section: its stories, a page at a time, whatever the archive's size.

Wagtail's explorer has a manual "sort menu order" mode (`?ordering=ord`) that lists every
child on one page, unpaginated, for drag-and-drop. A section holds tens of thousands of
stories and readers see them by date, so that mode would render 25,000 rows (minutes at
100,000 stories) for an order nobody uses. Sections (whose only children are articles)
use this viewset's listing instead, where that mode is not offered.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet

from nashra.newsroom.models import ArticlePage

MANUAL_ORDER = "ord"


class SectionExplorerView(ExplorableIndexView):
    """The explorer listing of a section: always paginated, never in manual order."""

    sort_order_field = None  # no manual order: no "Sort" column, no unpaginated mode

    @cached_property
    def header_more_buttons(self):
        manual_order = f"?ordering={MANUAL_ORDER}"
        return [
            button
            for button in super().header_more_buttons
            if not (getattr(button, "url", "") or "").endswith(manual_order)
        ]


class ArticlePageViewSet(PageViewSet):
    model = ArticlePage
    index_view_class = SectionExplorerView


article_page_viewset = ArticlePageViewSet("newsroom_articles")
