"""From the request's parameters to one page of published articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from nashra.kernel.clock import DUBAI
from nashra.newsroom.api.cursor import BadCursor, Cursor
from nashra.newsroom.api.schemas import ArticlesIn
from nashra.newsroom.api.serialise import with_related
from nashra.newsroom.models import SectionPage
from nashra.newsroom.published import LAST_MODIFIED, published_articles, published_sections

NEWEST_FIRST = ("-first_published_at", "-pk")


class BadParameter(ValueError):
    """A parameter the API cannot use; the message starts with the parameter's name."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")


@dataclass(frozen=True)
class ArticleQuery:
    sections: list[SectionPage]
    tag: str | None
    language: str | None
    updated_since: datetime | None
    cursor: Cursor | None
    limit: int


def parse_moment(text: str) -> datetime:
    """ISO 8601 date or date-time; without an offset it means Dubai time."""
    try:
        moment = datetime.fromisoformat(text.strip())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=DUBAI)
        moment.astimezone(UTC)  # year 1 or 9999 may not survive the move to UTC
    except (ValueError, OverflowError):
        hint = " (send the + of an offset as %2B)" if " " in text.strip() else ""
        raise BadParameter(
            "updated_since",
            f"“{text}” is not an ISO 8601 date-time such as 2025-01-31T09:00:00+04:00{hint}",
        ) from None
    return moment


def find_sections(slug: str, language: str | None) -> list[SectionPage]:
    sections = published_sections().filter(slug=slug)
    if language:
        sections = sections.filter(locale__language_code=language)
    found = list(sections)
    if not found:
        edition = f" in the “{language}” edition" if language else ""
        raise BadParameter("section", f"no section “{slug}”{edition}; /api/v1/sections lists them")
    return found


def read_query(params: ArticlesIn) -> ArticleQuery:
    try:
        cursor = Cursor.decode(params.cursor) if params.cursor is not None else None
    except BadCursor as exc:
        raise BadParameter("cursor", str(exc)) from None
    return ArticleQuery(
        sections=find_sections(params.section, params.language) if params.section else [],
        tag=params.tag,
        language=params.language,
        updated_since=parse_moment(params.updated_since) if params.updated_since else None,
        cursor=cursor,
        limit=params.limit,
    )


def matching(query: ArticleQuery) -> QuerySet:
    """Published articles that pass the query's filters (in any order, at any position)."""
    articles = published_articles()
    if query.language:
        articles = articles.filter(locale__language_code=query.language)
    if query.sections:
        children = (Q(path__startswith=s.path, depth=s.depth + 1) for s in query.sections)
        articles = articles.filter(reduce(or_, children))
    if query.tag:
        articles = articles.filter(tagged_items__tag__slug=query.tag)
    if query.updated_since:
        articles = articles.alias(changed_at=LAST_MODIFIED).filter(
            changed_at__gte=query.updated_since
        )
    return articles


def page_of(query: ArticleQuery) -> tuple[list, Cursor | None]:
    """The page after the query's cursor, and the cursor of the page after it (or None)."""
    articles = matching(query)
    if query.cursor:
        at, pk = query.cursor.first_published_at, query.cursor.id
        articles = articles.filter(
            Q(first_published_at__lt=at) | Q(first_published_at=at, pk__lt=pk)
        )
    rows = list(with_related(articles.order_by(*NEWEST_FIRST))[: query.limit + 1])
    page = rows[: query.limit]
    more = len(rows) > query.limit
    return page, Cursor(page[-1].first_published_at, page[-1].pk) if more else None
