"""Every reader-facing listing shows only what the public may see (newsroom.published).

A story under a view restriction (a password), past its expiry time (before the expiry job
has run) or killed must not be named on the corrections log of its edition, nor under
"Related stories" of another story, nor in an edition's section bar (a section).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from nashra.kernel.cache import purge
from nashra.newsroom.models import ArticleCorrection, ArticlePage

pytestmark = pytest.mark.django_db

HIDDEN = "Quarry licence hearing moves to Fujairah"
SHOWN = "Quarry licence hearing draws a crowd"
TAG = "quarry-licence-hearing"


def hide(story: ArticlePage, how: str) -> None:
    """Make `story` something the public may not see, the way `how` says."""
    if how == "password":
        PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    elif how == "expired":
        # Still live=True: Wagtail's expiry job has not run yet.
        ArticlePage.objects.filter(pk=story.pk).update(
            expire_at=timezone.now() - timedelta(minutes=1)
        )
    elif how == "killed":
        ArticlePage.objects.filter(pk=story.pk).update(
            killed_at=timezone.now(), kill_reason="Withdrawn on legal advice."
        )
    purge()


def corrected(story: ArticlePage) -> ArticlePage:
    ArticleCorrection.objects.create(
        article=story, corrected_at=timezone.now(), note="An earlier version misnamed the court."
    )
    return story


def tagged(story: ArticlePage) -> ArticlePage:
    story.tags.add(TAG)
    story.save_revision().publish(skip_permission_checks=True)
    return ArticlePage.objects.get(pk=story.pk)


HOW = ["password", "expired", "killed"]


@pytest.mark.parametrize("how", HOW)
def test_the_corrections_log_names_no_story_the_public_may_not_see(
    client, article_factory, own_section, how
):
    corrected(article_factory(own_section, live=True, title=SHOWN))
    hidden = corrected(article_factory(own_section, live=True, title=HIDDEN))
    hide(hidden, how)
    html = client.get("/corrections/").content.decode()
    assert SHOWN in html
    assert HIDDEN not in html


@pytest.mark.parametrize("how", HOW)
def test_the_arabic_corrections_log_names_no_story_the_public_may_not_see(
    client, article_factory, arabic_section, how
):
    shown, hidden_title = "جلسة ترخيص المحجر تجذب الحضور", "جلسة ترخيص المحجر تنتقل إلى الفجيرة"
    corrected(article_factory(arabic_section, live=True, title=shown))
    hidden = corrected(article_factory(arabic_section, live=True, title=hidden_title))
    hide(hidden, how)
    html = client.get("/ar/corrections/").content.decode()
    assert shown in html
    assert hidden_title not in html


@pytest.mark.parametrize("how", HOW)
def test_related_stories_name_no_story_the_public_may_not_see(
    client, article_factory, own_section, how
):
    reader = tagged(article_factory(own_section, live=True, title="Quarry appeal lodged"))
    tagged(article_factory(own_section, live=True, title=SHOWN))
    hidden = tagged(article_factory(own_section, live=True, title=HIDDEN))
    hide(hidden, how)
    related = [story.title for story in reader.related_articles()]
    assert SHOWN in related
    assert HIDDEN not in related
    html = client.get(reader.url).content.decode()
    assert SHOWN in html
    assert HIDDEN not in html


@pytest.mark.parametrize("how", HOW)
def test_the_section_fallback_of_related_stories_skips_them_too(
    client, article_factory, own_section, how
):
    # No tags: related stories are the section's latest.
    reader = article_factory(own_section, live=True, title="Quarry appeal lodged")
    hidden = article_factory(own_section, live=True, title=HIDDEN)
    hide(hidden, how)
    assert HIDDEN not in [story.title for story in reader.related_articles()]


def test_a_protected_section_leaves_the_section_bar(client, own_section):
    assert own_section.title in client.get("/").content.decode()
    PageViewRestriction.objects.create(
        page=own_section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    purge()
    home = own_section.get_parent().specific
    assert own_section.pk not in [section.pk for section in home.sections()]


@pytest.mark.parametrize("how", HOW)
def test_no_link_leads_to_a_translation_the_public_may_not_see(client, how):
    arabic = ArticlePage.objects.live().get(slug="ar-dubai-metro-hours")
    english = arabic.get_translations().live().get().specific
    assert (
        f'hreflang="ar" href="http://localhost:8000{arabic.url}"'
        in client.get(english.url).content.decode()
    )
    hide(arabic, how)
    html = client.get(english.url).content.decode()
    assert arabic.url not in html  # not the counterpart link, hreflang nor the switch
    assert 'class="counterpart"' not in html


def test_search_offers_no_section_the_public_may_not_see(own_section):
    from nashra.search.forms import section_titles

    assert ("uae", own_section.title) in section_titles("en")
    PageViewRestriction.objects.create(
        page=own_section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    # The Arabic UAE section shares the slug and is still public: it stands in.
    assert ("uae", own_section.title) not in section_titles("en")
