"""The admin explorer of a section pages through its stories; it never lists them all.

Wagtail's manual-order mode (`?ordering=ord`) renders every child unpaginated; for a
section of 25,000 stories that took minutes (bench/newsroom.py). Sections use
`newsroom.admin_explorer` instead, where the mode is not offered.
"""

from __future__ import annotations

import pytest

from tests.support.stories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

PAGE_SIZE = 25  # stories per page of the newsroom's listings (Wagtail's explorer: 50)


@pytest.fixture
def crowded_section(own_section, reporter):
    already = own_section.get_children().count()
    for number in range(PAGE_SIZE + 5 - already):
        make_article(own_section, reporter, title=f"Story number {number}")
    return own_section


def explore(client, user, page, **query):
    client.force_login(user)
    return client.get(f"/admin/pages/{page.pk}/", query)


def test_manual_order_of_a_section_is_refused_and_the_listing_stays_paginated(
    client, admin_user, crowded_section
):
    response = explore(client, admin_user, crowded_section, ordering="ord")
    assert response.status_code == 200
    view = response.context["view"]
    assert view.ordering != "ord"
    assert len(response.context["object_list"]) == PAGE_SIZE
    assert response.context["page_obj"].paginator.count == crowded_section.get_children().count()


def test_a_section_offers_no_sort_menu_order_button(client, admin_user, crowded_section):
    html = explore(client, admin_user, crowded_section).content.decode()
    assert f"/admin/pages/{crowded_section.pk}/?ordering=ord" not in html


def test_the_home_page_keeps_wagtails_manual_order_for_its_sections(
    client, admin_user, own_section
):
    # A control: the same request on a page that is not a section is Wagtail's own view.
    home = own_section.get_parent()
    response = explore(client, admin_user, home, ordering="ord")
    assert response.status_code == 200
    assert response.context["view"].ordering == "ord"
    html = explore(client, admin_user, home).content.decode()
    assert f"/admin/pages/{home.pk}/?ordering=ord" in html


def listed_titles(response) -> set[str]:
    return {page.title for page in response.context["object_list"]}


@pytest.mark.parametrize(
    "persona", ["reporter", "sub_editor", "desk_editor", "duty_editor", "admin_user", "anonymous"]
)
def test_story_listings_keep_wagtails_rule_of_who_may_explore_what(
    persona, personas, rf, own_section, other_section, reporter
):
    # The listings say Wagtail's rule (only pages under a permission the user holds) as
    # path prefixes instead of `pk IN (every explorable page)`: the same stories.
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from nashra.newsroom.admin_explorer import EveryStoryView
    from nashra.newsroom.models import ArticlePage

    make_article(own_section, reporter, title="Own desk story")
    make_article(other_section, reporter, title="Other desk story")
    user = personas[persona]
    view = EveryStoryView()
    view.request = rf.get("/admin/")
    view.request.user = user
    ours = set(view.explorable_stories(ArticlePage.objects.all()).values_list("pk", flat=True))
    explorable = PagePermissionPolicy().explorable_instances(user).values("pk")
    wagtails = set(ArticlePage.objects.filter(pk__in=explorable).values_list("pk", flat=True))
    assert ours == wagtails


def test_a_desk_limited_to_one_section_lists_only_its_stories(
    client, own_section, other_section, reporter
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    make_article(own_section, reporter, title="Own desk story")
    make_article(other_section, reporter, title="Other desk story")
    desk = Group.objects.create(name="UAE stringers")
    desk.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=desk, page=own_section, permission=Permission.objects.get(codename="add_page")
    )
    stringer = get_user_model().objects.create_user("stringer", password="pw")
    stringer.groups.add(desk)
    client.force_login(stringer)
    listed = listed_titles(client.get("/admin/pages/usage/newsroom/articlepage/"))
    assert "Own desk story" in listed
    assert "Other desk story" not in listed
    assert "Own desk story" in listed_titles(explore(client, stringer, own_section))


def test_every_article_listing_counts_every_story(client, admin_user, reporter, own_section):
    from nashra.newsroom.models import ArticlePage

    make_article(own_section, reporter, title="One more story")
    client.force_login(admin_user)
    response = client.get("/admin/pages/usage/newsroom/articlepage/")
    assert response.context["page_obj"].paginator.count == ArticlePage.objects.count()
    assert len(response.context["object_list"]) == PAGE_SIZE
