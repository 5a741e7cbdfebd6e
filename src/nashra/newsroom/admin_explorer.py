"""The admin's listings of stories, a page at a time, whatever the archive's size.

Two of Wagtail's defaults do not survive a newsroom of 100,000 stories (bench/newsroom.py):

- The explorer's manual "sort menu order" mode (`?ordering=ord`) lists every child of a
  page on one page, unpaginated, for drag-and-drop. A section holds tens of thousands of
  stories and readers see them by date: that mode rendered 25,000 rows (minutes) for an
  order nobody uses. A section's explorer does not offer it.
- Every listing keeps to the pages the user may explore with `pk IN (every explorable
  page)`. That subquery sends SQLite's planner through all 100,000 pages and a sort of
  the section's 25,000 stories before it keeps 50 (600 ms); the newest-first index alone
  reads 50 rows (5 ms). Stories have no children, so a story is explorable exactly when
  it lies under a page where the user holds an explore permission: the same rule, said
  as path prefixes, which the index plan survives.

Each row of Wagtail's listing costs about 10 ms to render (its "…" menu alone holds a dozen
buttons), so the story listings show 25 stories a page, where Wagtail shows 50 pages:
WordPress's 20 posts a page is what newsroom editors are used to.

Sections (whose only children are articles) and the "every article" listing use the views
below through `ArticlePageViewSet`; every other page keeps Wagtail's own views.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.usage import ContentTypeUseView
from wagtail.admin.viewsets.pages import PageViewSet

from nashra.newsroom.models import ArticlePage

MANUAL_ORDER = "ord"
# The actions that make a page explorable (Wagtail's PagePermissionPolicy.explorable_instances).
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}
STORIES_PER_PAGE = 25


class ExplorableStoriesMixin:
    """Wagtail's "only what this user may explore" filter, for stories, without a subquery."""

    paginate_by = STORIES_PER_PAGE

    @cached_property
    def explore_prefixes(self) -> set[str] | None:
        """The paths under which the user may explore every page; None: the whole tree."""
        user = self.request.user
        if user.is_active and user.is_superuser:
            return None
        if not user.is_active:
            return set()
        return {
            permission.page.path
            for permission in self.permission_policy.get_cached_permissions_for_user(user)
            if permission.permission.codename.rsplit("_", 1)[0] in EXPLORE_ACTIONS
        }

    def explorable_stories(self, stories):
        prefixes = self.explore_prefixes
        if prefixes is None:
            return stories
        if not prefixes:
            return stories.none()
        return stories.filter(reduce(or_, (Q(path__startswith=path) for path in prefixes)))

    def known_count(self) -> int | None:
        """The number of stories listed, when it is known without counting them."""
        return None

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        count = self.known_count()
        if count is not None:
            paginator.count = count
        return paginator


class SectionExplorerView(ExplorableStoriesMixin, ExplorableIndexView):
    """The explorer listing of a section: always paginated, never in manual order."""

    sort_order_field = None  # no manual order: no "Sort" column, no unpaginated mode

    def get_base_queryset(self):
        if self.is_searching or self.is_filtering:
            if self.is_searching_whole_tree:
                stories = self.model._default_manager.all()
            else:
                stories = self.model._default_manager.descendant_of(self.parent_page)
        else:
            stories = self.model._default_manager.child_of(self.parent_page)
        return self.annotate_queryset(self.explorable_stories(stories))

    def lists_every_child(self) -> bool:
        if self.is_searching or self.is_filtering:
            return False
        prefixes = self.explore_prefixes
        path = self.parent_page.path
        return prefixes is None or any(path.startswith(prefix) for prefix in prefixes)

    def known_count(self) -> int | None:
        # The tree keeps each page's number of children: no COUNT of 25,000 stories.
        return self.parent_page.numchild if self.lists_every_child() else None

    @cached_property
    def header_more_buttons(self):
        manual_order = f"?ordering={MANUAL_ORDER}"
        return [
            button
            for button in super().header_more_buttons
            if not (getattr(button, "url", "") or "").endswith(manual_order)
        ]


class EveryStoryView(ExplorableStoriesMixin, ContentTypeUseView):
    """Pages → "every article" (the page type's usage listing)."""

    def get_base_queryset(self):
        stories = self.model._default_manager.filter(depth__gt=1)
        return self.annotate_queryset(self.explorable_stories(stories))

    def known_count(self) -> int | None:
        # Counting the article table alone reads one small index (11 ms at 100,000
        # stories); the listing's own COUNT joins every page to it (220 ms).
        if self.is_searching or self.is_filtering or self.explore_prefixes is not None:
            return None
        return self.model._default_manager.count()


class ArticlePageViewSet(PageViewSet):
    model = ArticlePage
    index_view_class = SectionExplorerView
    content_type_use_view_class = EveryStoryView


article_page_viewset = ArticlePageViewSet("newsroom_articles")
