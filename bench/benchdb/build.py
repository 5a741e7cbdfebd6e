"""A newsroom of any size for benchmarks, written in bulk.

Saving 100,000 Wagtail pages one by one (`add_child`, `save_revision`, `publish`) takes
hours: every save locks the parent, rewrites its `numchild`, indexes the page, writes a
revision and a log entry in separate queries. Here each batch is a handful of bulk
inserts that produce the same rows Wagtail would: tree pages with their materialised
path, depth and url_path, the ArticlePage rows, one live revision and one publish log
entry per article, authors, tags, and search index entries (through Wagtail's own search
backend, so the index is exactly what `update_index` would write).

Only a fresh database or one this module filled before is written to (`BenchRefused`).
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backend

from nashra.kernel.database import refresh_statistics
from nashra.newsroom.demo import load_demo_content, read_data
from nashra.newsroom.models import Agency, ArticlePage, ArticleTag, Author, SectionPage

from .copywriter import ArticleCopy, write_article

BENCH_USERNAME = "bench"
CHILD_RELATIONS = ("tagged_items", "corrections", "authors", "wagtail_admin_comments")
SPAN = timedelta(days=3 * 365)  # the archive's age: first story three years ago


class BenchRefused(Exception):
    """The database holds content of its own; a bench database is made apart from it."""


@dataclass
class BenchReport:
    requested: int
    existing: int = 0
    created: int = 0
    seconds: float = 0.0
    problems: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        made = f"created {self.created} articles" if self.created else "nothing to create"
        tree = (
            "tree valid" if not any(self.problems.values()) else f"tree problems: {self.problems}"
        )
        return (
            f"Bench newsroom: {self.existing + self.created} bench articles "
            f"({made} in {self.seconds:.0f} s); {tree}."
        )


class Newsroom:
    """What each batch needs to know about the database, read once."""

    def __init__(self, total: int, seed: int):
        self.total, self.seed = total, seed
        self.now = timezone.now()
        self.user = bench_user()
        self.locales = {locale.language_code: locale.pk for locale in Locale.objects.all()}
        self.sections = {
            (section.locale.language_code, section.slug): section
            for section in SectionPage.objects.select_related("locale")
        }
        self.next_step = {
            key: last_child_step(section) + 1 for key, section in self.sections.items()
        }
        self.authors = dict(Author.objects.values_list("slug", "pk"))
        self.agencies = dict(Agency.objects.values_list("slug", "pk"))
        self.images = list(get_image_model().objects.order_by("pk").values_list("pk", "title"))
        self.tags: dict[str, int] = {}
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.unpaired = unpaired_english_keys(self.user)

    def published_at(self, number: int):
        """Story `number` of `total`, oldest first, so tree order is publication order."""
        return self.now - SPAN * (1 - (number + 0.5) / max(self.total, 1))

    def tag_id(self, name: str) -> int:
        if name not in self.tags:
            tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
            self.tags[name] = tag.pk
        return self.tags[name]


def bench_user():
    user, created = get_user_model().objects.get_or_create(
        username=BENCH_USERNAME, defaults={"is_active": False, "email": "bench@example.invalid"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def last_child_step(parent: Page) -> int:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


def unpaired_english_keys(user) -> dict[str, list]:
    """English bench stories, per section, that no Arabic story translates yet."""
    arabic_keys = set(
        ArticlePage.objects.filter(owner=user, locale__language_code="ar").values_list(
            "translation_key", flat=True
        )
    )
    pool = defaultdict(list)
    rows = (
        ArticlePage.objects.filter(owner=user, locale__language_code="en")
        .order_by("path")
        .values_list("translation_key", "url_path")
    )
    for key, url_path in rows:
        if key not in arabic_keys:
            pool[url_path.strip("/").split("/")[-2]].append(key)
    return pool


def check_bench_database(user) -> None:
    demo_slugs = {
        row["slug"] for name in ("articles_en.json", "articles_ar.json") for row in read_data(name)
    }
    foreign = ArticlePage.objects.exclude(owner=user).exclude(slug__in=demo_slugs)
    if foreign.exists():
        raise BenchRefused(
            f"the database already holds stories of its own ({foreign.count()}); "
            "make the bench newsroom in a new database"
        )


def build_bench_newsroom(
    articles: int,
    seed: int = 0,
    batch_size: int = 2000,
    progress: Callable[[str], None] | None = None,
) -> BenchReport:
    """Fill the database with the demo newsroom plus `articles` bench stories in total."""
    started = time.monotonic()
    check_bench_database(bench_user())
    load_demo_content()
    report = BenchReport(requested=articles)
    report.existing = ArticlePage.objects.filter(owner__username=BENCH_USERNAME).count()
    newsroom = Newsroom(articles, seed)
    for start in range(report.existing, articles, batch_size):
        stop = min(start + batch_size, articles)
        with transaction.atomic():
            write_batch(newsroom, [write_article(number, seed) for number in range(start, stop)])
        report.created += stop - start
        if progress:
            rate = report.created / (time.monotonic() - started)
            progress(f"{stop}/{articles} articles ({rate:.0f}/s)")
    with transaction.atomic():
        recount_children(newsroom.sections.values())
    refresh_statistics(connection)  # as `nashra setup` does on every release
    report.problems = tree_problems()
    report.seconds = time.monotonic() - started
    return report


def write_batch(newsroom: Newsroom, copies: list[ArticleCopy]) -> None:
    articles = [article_page(newsroom, copy) for copy in copies]
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    pages = [
        Page(**{f.attname: getattr(article, f.attname) for f in page_fields})
        for article in articles
    ]
    Page.objects.bulk_create(pages)
    for article, page in zip(articles, pages, strict=True):
        article.pk = article.page_ptr_id = article.id = page.pk
    insert_rows(ArticlePage, articles, ArticlePage._meta.local_concrete_fields)
    write_credits(newsroom, copies, articles)
    # Read back as Wagtail would (tags, bylines, corrections, comments in a few queries):
    # revisions and the search index are made from what the database now holds.
    saved = list(
        ArticlePage.objects.filter(pk__in=[article.pk for article in articles])
        .order_by("pk")
        .prefetch_related(*CHILD_RELATIONS)
    )
    write_revisions(newsroom, saved)
    parents = {section.path: section for section in newsroom.sections.values()}
    for article in saved:
        # The indexer asks for body_text() once per index column (three times on SQLite,
        # five on PostgreSQL); the text is the same each time, so work it out once.
        article.body_text = partial(str, article.body_text())
        article._cached_parent_obj = parents[article.path[: -Page.steplen]]  # treebeard's cache
    get_search_backend().add_bulk(ArticlePage, saved)


def article_page(newsroom: Newsroom, copy: ArticleCopy) -> ArticlePage:
    key = (copy.language, copy.section)
    section = newsroom.sections[key]
    step = newsroom.next_step[key]
    newsroom.next_step[key] += 1
    published = newsroom.published_at(copy.number)
    updated = published + timedelta(hours=2 + copy.number % 20) if copy.number % 9 == 0 else None
    translation_key = uuid.uuid4()
    if copy.paired and newsroom.unpaired.get(copy.section):
        translation_key = newsroom.unpaired[copy.section].pop()
    hero = (
        newsroom.images[copy.number % len(newsroom.images)]
        if copy.hero and newsroom.images
        else None
    )
    article = ArticlePage(
        path=Page._get_path(section.path, section.depth + 1, step),
        depth=section.depth + 1,
        numchild=0,
        translation_key=translation_key,
        locale_id=newsroom.locales[copy.language],
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=updated or published,
        latest_revision_created_at=updated or published,
        title=copy.headline,
        draft_title=copy.headline,
        slug=copy.slug,
        content_type=newsroom.article_type,
        url_path=f"{section.url_path}{copy.slug}/",
        owner=newsroom.user,
        kicker=copy.kicker,
        standfirst=copy.standfirst,
        body=body_blocks(copy),
        agency_id=newsroom.agencies.get(copy.agency),
        dateline_city=copy.dateline[0],
        dateline_country=copy.dateline[1],
        urgency=copy.urgency,
        hero_image_id=hero[0] if hero else None,
        hero_alt=hero[1][:250] if hero else "",
        updated_at=updated,
    )
    if copy.language == "en":
        newsroom.unpaired.setdefault(copy.section, []).append(translation_key)
    return article


def body_blocks(copy: ArticleCopy) -> list[dict]:
    # Block ids are fixed here, so the page row and its revision carry the same ones.
    blocks = [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in copy.paragraphs]
    if copy.quote:
        text, attribution = copy.quote
        blocks.insert(2, {"type": "quote", "value": {"text": text, "attribution": attribution}})
    if copy.fact_box:
        title, items = copy.fact_box
        blocks.append({"type": "fact_box", "value": {"title": title, "items": items}})
    return [{**block, "id": str(uuid.uuid4())} for block in blocks]


def insert_rows(model, objs: list, fields: list) -> None:
    """Plain INSERTs of `fields`, without returning ids (a child table of multi-table
    inheritance, which `bulk_create` refuses, and the bulky revision rows).

    On PostgreSQL through COPY: Django's bulk insert sends UNNEST arrays, and psycopg
    escapes every backslash of every array element in Python, which for JSON full of
    escaped Arabic takes longer than the rest of the batch together.
    """
    if connection.vendor == "postgresql":
        copy_rows(model, objs, fields)
        return
    batch = connection.ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), batch):
        model._base_manager._insert(objs[start : start + batch], fields=fields, raw=True)


def copy_rows(model, objs: list, fields: list) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for obj in objs:
                copy.write_row(
                    [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                )


def write_credits(
    newsroom: Newsroom, copies: list[ArticleCopy], articles: list[ArticlePage]
) -> None:
    through = ArticlePage.authors.through
    bylines, tags = [], []
    for copy, article in zip(copies, articles, strict=True):
        bylines += [
            through(articlepage_id=article.pk, author_id=newsroom.authors[slug])
            for slug in copy.authors
            if slug in newsroom.authors
        ]
        tags += [
            ArticleTag(content_object_id=article.pk, tag_id=newsroom.tag_id(name))
            for name in copy.tags
        ]
    through.objects.bulk_create(bylines)
    ArticleTag.objects.bulk_create(tags)


def write_revisions(newsroom: Newsroom, articles: list[ArticlePage]) -> None:
    """One live revision and one publish log entry per story, as publishing leaves them."""
    revisions = [
        Revision(
            content_type=newsroom.article_type,
            base_content_type=newsroom.page_type,
            object_id=str(article.pk),
            created_at=article.latest_revision_created_at,
            user=newsroom.user,
            object_str=article.title,
            content=article.serializable_data(),
        )
        for article in articles
    ]
    insert_rows(
        Revision, revisions, [f for f in Revision._meta.concrete_fields if not f.primary_key]
    )
    ids = [article.pk for article in articles]
    revision_ids = dict(
        Revision.objects.filter(
            base_content_type=newsroom.page_type, object_id__in=[str(pk) for pk in ids]
        ).values_list("object_id", "pk")
    )
    own_revision = Revision.objects.filter(
        base_content_type=newsroom.page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).values("pk")[:1]
    Page.objects.filter(pk__in=ids).update(latest_revision_id=Subquery(own_revision))
    Page.objects.filter(pk__in=ids).update(live_revision_id=Subquery(own_revision))
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=newsroom.article_type,
            page_id=int(revision.object_id),
            action="wagtail.publish",
            data={},
            timestamp=revision.created_at,
            user=newsroom.user,
            label=revision.object_str,
            revision_id=revision_ids[revision.object_id],
            content_changed=True,
        )
        for revision in revisions
    )


def recount_children(sections) -> None:
    for section in sections:
        count = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).count()
        Page.objects.filter(pk=section.pk).update(numchild=count)


def tree_problems() -> dict[str, int]:
    """Treebeard's checks (`Page.find_problems()`) as counts, all zero for a valid tree.

    Treebeard asks the database about each node in turn, which takes minutes at 100,000
    pages; the same checks over one read of (path, depth, numchild) take a second.
    """
    rows = list(Page.objects.values_list("path", "depth", "numchild"))
    paths = {path for path, _, _ in rows}
    children: dict[str, int] = defaultdict(int)
    for path, _, _ in rows:
        children[path[: -Page.steplen]] += 1
    problems = {"bad_alpha": 0, "bad_path": 0, "orphans": 0, "bad_depth": 0, "bad_numchild": 0}
    alphabet = set(Page.alphabet)
    for path, depth, numchild in rows:
        problems["bad_alpha"] += not set(path) <= alphabet
        problems["bad_path"] += len(path) % Page.steplen != 0
        problems["bad_depth"] += len(path) != depth * Page.steplen
        problems["orphans"] += depth > 1 and path[: -Page.steplen] not in paths
        problems["bad_numchild"] += children.get(path, 0) != numchild
    return problems
