"""Demo content: a working newsroom, loaded once, and only when asked (`nashra setup --demo`).

Articles, authors and agencies are read from `demo_data/*.json` (original writing for this
project); illustrations are drawn locally. A `DemoLoad` row records the load: later runs
change nothing, so a story or the demo account an editor deleted stays deleted. The demo
is never loaded into a site that already has an edition. The demo account, `editor`, is
the UAE desk editor (English and Arabic), not a superuser; its password passes the
password policy (NASHRA_DEMO_PASSWORD, or a random one printed once).
"""

from __future__ import annotations

import io
import json
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from nashra.kernel.errors import CommandError
from nashra.kernel.urls import public_host
from nashra.newsroom.demo_images import illustration
from nashra.newsroom.models import (
    Agency,
    ArticleCorrection,
    ArticlePage,
    Author,
    DemoLoad,
    HomePage,
    SectionPage,
)
from nashra.newsroom.roles import assign_desk

DATA_DIR = Path(__file__).with_name("demo_data")
SECTIONS = [
    ("uae", "UAE", "الإمارات", "News from the seven emirates"),
    ("world", "World", "العالم", "International news"),
    ("business", "Business", "اقتصاد", "Markets, companies and the economy"),
    ("sport", "Sport", "رياضة", "Results, fixtures and features"),
    ("opinion", "Opinion", "رأي", "Columns and analysis"),
]
EDITIONS = {"en": "Nashra", "ar": "نشرة"}
DEMO_USERNAME = "editor"
DEMO_DESK = "uae"  # the demo account runs this section's desk in both editions


class DemoRefused(CommandError):
    """The demo cannot be loaded as asked (e.g. NASHRA_DEMO_PASSWORD breaks the policy)."""


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    password: str = ""
    password_generated: bool = False
    outcome: str = "loaded"  # or "already loaded", "site has content"

    def add(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    def summary(self) -> str:
        if self.outcome == "already loaded":
            return "Demo content: already loaded once, nothing changed."
        if self.outcome == "site has content":
            return "Demo content: not loaded, the site already has an edition."
        made = ", ".join(f"{count} {kind}" for kind, count in sorted(self.created.items()))
        lines = [f"Demo content: created {made}."]
        if "users" in self.created:
            # A password the operator chose is theirs to know; one we made is shown once.
            shown = self.password if self.password_generated else "NASHRA_DEMO_PASSWORD"
            lines.append(f"Desk editor login at /admin/: {DEMO_USERNAME} / {shown}")
        return "\n".join(lines)


def demo_password(password: str) -> tuple[str, bool]:
    """The demo account's password, checked against the policy; a random one if unset."""
    User = get_user_model()
    if not password:
        return secrets.token_urlsafe(15), True
    try:
        validate_password(password, User(username=DEMO_USERNAME))
    except ValidationError as error:
        raise DemoRefused("NASHRA_DEMO_PASSWORD is refused: " + " ".join(error.messages)) from None
    return password, False


def read_data(name: str):
    path = DATA_DIR / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


@transaction.atomic
def load_demo_content() -> DemoReport:
    """Load the demo newsroom unless it was loaded before or the site has an edition."""
    password, generated = demo_password(settings.NASHRA_DEMO_PASSWORD)
    report = DemoReport(password=password, password_generated=generated)
    # Locks the marker table's rows on PostgreSQL so two setups do not both load.
    if list(DemoLoad.objects.select_for_update()):
        report.outcome = "already loaded"
        return report
    if HomePage.objects.exists():
        DemoLoad.objects.create(content_loaded=False)
        report.outcome = "site has content"
        return report
    homes = ensure_editions(report)
    sections = ensure_sections(homes, report)
    authors = {row["slug"]: ensure_author(row, report) for row in read_data("authors.json")}
    agencies = {row["slug"]: ensure_agency(row, report) for row in read_data("agencies.json")}
    english = {}
    for row in read_data("articles_en.json"):
        english[row["slug"]] = ensure_article(row, "en", sections, authors, agencies, report)
    for row in read_data("articles_ar.json"):
        article = ensure_article(row, "ar", sections, authors, agencies, report)
        pair_with = english.get(row.get("pair_with") or "")
        if pair_with and article.translation_key != pair_with.translation_key:
            ArticlePage.objects.filter(pk=article.pk).update(
                translation_key=pair_with.translation_key
            )
    ensure_editor(sections, report)
    DemoLoad.objects.create()
    return report


def ensure_editions(report: DemoReport) -> dict[str, HomePage]:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in EDITIONS}
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title=EDITIONS["en"], slug="nashra", locale=locales["en"], live=False)
        )
        home.save_revision().publish()
        report.add("editions")
        hostname, port = public_host()
        if site is None:
            site = Site.objects.create(
                hostname=hostname, port=port, root_page=home, is_default_site=True
            )
        else:
            placeholder = site.root_page
            site.root_page, site.hostname, site.port = home, hostname, port
            site.save()
            if not isinstance(placeholder.specific, HomePage):
                placeholder.delete()
    homes = {"en": home}
    arabic = HomePage.objects.filter(locale=locales["ar"]).first()
    if arabic is None:
        arabic = home.copy_for_translation(locales["ar"])
        arabic.title = EDITIONS["ar"]
        arabic.save_revision().publish()
        report.add("editions")
    homes["ar"] = arabic
    return homes


def ensure_sections(
    homes: dict[str, HomePage], report: DemoReport
) -> dict[tuple[str, str], SectionPage]:
    sections = {}
    for slug, title_en, title_ar, intro in SECTIONS:
        english = SectionPage.objects.child_of(homes["en"]).filter(slug=slug).first()
        if english is None:
            english = homes["en"].add_child(
                instance=SectionPage(
                    title=title_en, slug=slug, intro=intro, show_in_menus=True, live=False
                )
            )
            english.save_revision().publish()
            report.add("sections")
        arabic = SectionPage.objects.child_of(homes["ar"]).filter(slug=slug).first()
        if arabic is None:
            arabic = english.copy_for_translation(homes["ar"].locale)
            arabic.title = title_ar
            arabic.intro = ""
            arabic.show_in_menus = True
            arabic.save_revision().publish()
            report.add("sections")
        sections[("en", slug)] = english.specific
        sections[("ar", slug)] = arabic.specific
    return sections


def ensure_author(row: dict, report: DemoReport) -> Author:
    author, created = Author.objects.get_or_create(
        slug=row["slug"],
        defaults={key: row.get(key, "") for key in ("name", "name_ar", "role", "bio", "bio_ar")},
    )
    if created:
        report.add("authors")
    return author


def ensure_agency(row: dict, report: DemoReport) -> Agency:
    fields = ("name", "name_ar", "full_name", "full_name_ar")
    agency, created = Agency.objects.get_or_create(
        slug=row["slug"], defaults={key: row.get(key, "") for key in fields}
    )
    if created:
        report.add("agencies")
    elif not agency.full_name_ar and row.get("full_name_ar"):
        # Databases loaded before agencies had an Arabic full name get it once.
        agency.full_name_ar = row["full_name_ar"]
        agency.save(update_fields=["full_name_ar"])
    return agency


def demo_image(title: str, motif: str, seed: str, report: DemoReport):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=title)
    image.file = ImageFile(io.BytesIO(illustration(motif, seed)), name=f"{seed[:60]}.png")
    image.save()
    report.add("images")
    return image


def body_blocks(row: dict, report: DemoReport) -> list[dict]:
    blocks = []
    for index, block in enumerate(row["body"]):
        kind = block["type"]
        if kind == "paragraph":
            blocks.append({"type": "paragraph", "value": f"<p>{escape(block['text'])}</p>"})
        elif kind == "quote":
            blocks.append(
                {
                    "type": "quote",
                    "value": {"text": block["text"], "attribution": block["attribution"]},
                }
            )
        elif kind == "image":
            image = demo_image(
                block["alt"][:250], block.get("motif", "skyline"), f"{row['slug']}-{index}", report
            )
            blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "alt": block["alt"],
                        "caption": block.get("caption", ""),
                        "credit": block.get("credit", ""),
                    },
                }
            )
        elif kind == "fact_box":
            blocks.append(
                {"type": "fact_box", "value": {"title": block["title"], "items": block["items"]}}
            )
    return blocks


def ensure_article(row, language, sections, authors, agencies, report) -> ArticlePage:
    section = sections[(language, row["section"])]
    existing = ArticlePage.objects.child_of(section).filter(slug=row["slug"]).first()
    if existing:
        return existing
    published_at = timezone.now() - timedelta(hours=row.get("hours_ago", 1))
    hero = row.get("hero") or {}
    article = ArticlePage(
        title=row["headline"],
        slug=row["slug"],
        kicker=row.get("kicker", ""),
        standfirst=row.get("standfirst", ""),
        agency=agencies.get(row.get("agency") or ""),
        dateline_city=(row.get("dateline") or {}).get("city", ""),
        dateline_country=(row.get("dateline") or {}).get("country", ""),
        urgency=row.get("urgency", 4),
        hero_alt=hero.get("alt", ""),
        hero_caption=hero.get("caption", ""),
        hero_credit=hero.get("credit", ""),
        body=body_blocks(row, report),
        live=False,
    )
    if hero:
        article.hero_image = demo_image(
            hero["alt"][:250], hero.get("motif", "skyline"), row["slug"], report
        )
    section.add_child(instance=article)
    article.authors.set([authors[slug] for slug in row.get("authors", []) if slug in authors])
    article.tags.set(row.get("tags", []))
    for correction in row.get("corrections", []):
        corrected_at = timezone.now() - timedelta(days=correction.get("days_ago", 1))
        article.corrections.add(
            ArticleCorrection(corrected_at=corrected_at, note=correction["text"])
        )
        article.updated_at = max(article.updated_at or corrected_at, corrected_at)
    article.save_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published_at, last_published_at=article.updated_at or published_at
    )
    report.add("articles")
    return article


def ensure_editor(sections: dict[tuple[str, str], SectionPage], report: DemoReport) -> None:
    """The demo account: a desk editor of one section, in both editions, never a superuser."""
    User = get_user_model()
    if User.objects.filter(username=DEMO_USERNAME).exists():
        return
    user = User.objects.create_user(DEMO_USERNAME, "editor@example.invalid", report.password)
    for language in EDITIONS:
        assign_desk(user, sections[(language, DEMO_DESK)])
    report.add("users")
