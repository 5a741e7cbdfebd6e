"""`/api/v1/articles`, `/api/v1/articles/{id}` and `/api/v1/sections`: published news, read-only."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import CharField, Count
from django.db.models.functions import Length, Substr
from django.http import HttpRequest, HttpResponse
from ninja import Path, Query, Router, Status
from wagtail.models import Page

from nashra.kernel.conditional import etag_of, not_modified
from nashra.kernel.urls import base_url
from nashra.newsroom.api import schemas
from nashra.newsroom.api.cursor import MAX_ID
from nashra.newsroom.api.freshness import fingerprint
from nashra.newsroom.api.listing import BadParameter, page_of, read_query
from nashra.newsroom.api.serialise import (
    Neighbours,
    article_detail,
    article_item,
    dubai,
    section_item,
    with_related,
)
from nashra.newsroom.published import live_articles, published_articles, published_sections

router = Router(tags=["news"])
CONDITIONAL = (
    "Sends `ETag` and `Last-Modified`; repeat the request with `If-None-Match` or "
    "`If-Modified-Since` and an unchanged answer is a 304 with no body."
)
VALIDATOR_HEADERS = {
    "ETag": {
        "description": "Changes whenever the answer would; send it back as If-None-Match",
        "required": True,
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "The latest change to published news; send it back as If-Modified-Since",
        "schema": {"type": "string"},
    },
}
WITH_VALIDATORS = {
    "responses": {200: {"headers": VALIDATOR_HEADERS}, 304: {"headers": VALIDATOR_HEADERS}}
}


def _unchanged(request: HttpRequest, response: HttpResponse) -> HttpResponse | None:
    """A 304 when the client's copy is current; the validators go on `response` either way."""
    state = fingerprint()
    return not_modified(
        request, response, etag_of(request.get_full_path(), *state.facts), state.last_modified
    )


def _next_url(request: HttpRequest, cursor: str) -> str:
    params = {key: value for key, value in request.GET.items() if key != "cursor"}
    return f"{base_url()}{request.path}?{urlencode({**params, 'cursor': cursor})}"


@router.get(
    "/articles",
    response={200: schemas.ArticleList, 304: None, 400: schemas.ErrorOut},
    summary="Published articles, newest first",
    description="Newest first by first publication, then by id; walk the pages with "
    "`next` (or `cursor=next_cursor`): a walk never skips or repeats an article while "
    "stories are edited. " + CONDITIONAL,
    openapi_extra=WITH_VALIDATORS,
)
def articles(request: HttpRequest, response: HttpResponse, params: Query[schemas.ArticlesIn]):
    try:
        query = read_query(params)
    except BadParameter as exc:
        return Status(400, {"error": str(exc)})
    if unchanged := _unchanged(request, response):
        return unchanged
    page, after = page_of(query)
    neighbours = Neighbours(request, page)
    token = after.encode() if after else None
    return Status(
        200,
        {
            "items": [article_item(article, neighbours) for article in page],
            "next": _next_url(request, token) if token else None,
            "next_cursor": token,
        },
    )


@router.get(
    "/articles/{id}",
    response={
        200: schemas.ArticleDetailOut,
        304: None,
        400: schemas.ErrorOut,
        404: schemas.ErrorOut,
        410: schemas.GoneOut,
    },
    summary="One published article, with its body and corrections",
    description="404 for an id that is not a published article (never published, a draft, "
    "unpublished, expired); 410 for a story withdrawn by its editors (killed), with the "
    "reason readers are shown. " + CONDITIONAL,
    openapi_extra=WITH_VALIDATORS,
)
def article(request: HttpRequest, response: HttpResponse, id: int = Path(..., ge=1, le=MAX_ID)):
    state = live_articles().filter(pk=id).values("killed_at", "kill_reason").first()
    if state is None:
        return Status(404, {"error": f"no published article has id {id}"})
    if state["killed_at"]:
        return Status(
            410,
            {
                "error": "this story was withdrawn",
                "withdrawn_at": dubai(state["killed_at"]),
                "reason": state["kill_reason"],
            },
        )
    if unchanged := _unchanged(request, response):
        return unchanged  # before loading the story: a 304 costs only the fingerprint
    found = with_related(published_articles().filter(pk=id)).first()
    if found is None:  # withdrawn in the last few milliseconds
        return Status(404, {"error": f"no published article has id {id}"})
    return Status(200, article_detail(found, Neighbours(request, [found])))


def _article_counts() -> dict[str, int]:
    """Published articles per parent path (articles live directly under their section)."""
    parent = Substr("path", 1, Length("path") - Page.steplen, output_field=CharField())
    rows = (
        published_articles()
        .annotate(parent=parent)
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
    )
    return {row["parent"]: row["n"] for row in rows}


@router.get(
    "/sections",
    response={200: schemas.SectionList, 304: None},
    summary="Sections of both editions",
    description="Live sections, English then Arabic, in menu order, with the number of "
    "published articles in each. " + CONDITIONAL,
    openapi_extra=WITH_VALIDATORS,
)
def sections(request: HttpRequest, response: HttpResponse):
    if unchanged := _unchanged(request, response):
        return unchanged
    counts = _article_counts()
    items = [
        section_item(section, request, counts.get(section.path, 0))
        for section in published_sections().select_related("locale").order_by("path")
    ]
    return Status(200, {"items": items})
