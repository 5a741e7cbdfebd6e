"""The shapes of the newsroom read API, as OpenAPI publishes them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from django.conf import settings
from ninja import Field, Schema

from nashra.newsroom.api.cursor import MAX_ID, Cursor

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
Language = Literal[LANGUAGE_CODES]  # type: ignore[valid-type]
MAX_LIMIT = 100
# Page and tag slugs: letters (any script), digits, `-` and `_`.
SLUG = r"^[-\w]+$"
# A position above every story, so a walk from it starts at the newest.
START_CURSOR = Cursor(datetime(2100, 1, 1, tzinfo=UTC), MAX_ID).encode()


class ErrorOut(Schema):
    error: str


class GoneOut(Schema):
    error: str
    withdrawn_at: datetime
    reason: str


class ArticlesIn(Schema):
    section: str | None = Field(
        None,
        pattern=SLUG,
        max_length=255,
        description="Section slug (see /sections); both editions unless `language` is set. "
        "An unknown section is refused (400).",
        examples=["uae", "business"],
    )
    tag: str | None = Field(
        None,
        pattern=SLUG,
        max_length=100,
        description="Tag slug. A tag no published article carries gives an empty list.",
        examples=["dubai", "transport"],
    )
    language: Language | None = Field(None, description="Edition: en or ar", examples=["ar"])
    updated_since: str | None = Field(
        None,
        description="ISO 8601 date or date-time; only articles changed at or after it. "
        "Without an offset it is Dubai time (UTC+4). Encode `+` as %2B.",
        examples=["2025-01-31T09:00:00+04:00"],
    )
    cursor: str | None = Field(
        None,
        description="The `next_cursor` of the previous page (opaque; the example is the top)",
        examples=[START_CURSOR],
    )
    limit: int = Field(
        20, ge=1, le=MAX_LIMIT, description="Articles per page, 1–100", examples=[5, 100]
    )


class SectionRef(Schema):
    id: int
    slug: str
    title: str
    url: str


class AuthorOut(Schema):
    slug: str
    name: str
    name_ar: str
    role: str


class AgencyOut(Schema):
    slug: str
    name: str
    name_ar: str
    full_name: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    alt: str
    caption: str = ""
    credit: str = ""


class TagOut(Schema):
    slug: str
    name: str


class TranslationOut(Schema):
    id: int
    language: str
    url: str


class ArticleOut(Schema):
    id: int
    url: str
    language: str
    headline: str
    kicker: str
    standfirst: str
    section: SectionRef | None
    tags: list[TagOut]
    authors: list[AuthorOut]
    agency: AgencyOut | None
    dateline: str
    first_published_at: datetime
    updated_at: datetime = Field(description="When the live story last changed (any publish)")
    hero_image: ImageOut | None
    translation: TranslationOut | None


class ArticleList(Schema):
    items: list[ArticleOut]
    next: str | None = Field(description="URL of the next page, or null on the last page")
    next_cursor: str | None


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    html: str


class QuoteBlock(Schema):
    type: Literal["quote"]
    text: str
    attribution: str


class ImageBlock(ImageOut):
    type: Literal["image"]


class EmbedBlock(Schema):
    type: Literal["embed"]
    url: str


class FactBoxBlock(Schema):
    type: Literal["fact_box"]
    title: str
    items: list[str]


Block = Annotated[
    ParagraphBlock | QuoteBlock | ImageBlock | EmbedBlock | FactBoxBlock,
    Field(discriminator="type"),
]


class CorrectionOut(Schema):
    corrected_at: datetime
    note: str


class ArticleDetailOut(ArticleOut):
    body_html: str = Field(description="The body as the site renders it, sanitised")
    body: list[Block]
    corrections: list[CorrectionOut]


class SectionOut(Schema):
    id: int
    slug: str
    title: str
    language: str
    url: str
    intro: str
    article_count: int


class SectionList(Schema):
    items: list[SectionOut]
