"""The admin explorer of a section pages through its stories; it never lists them all.

Wagtail's manual-order mode (`?ordering=ord`) renders every child unpaginated; for a
section of 25,000 stories that took minutes (bench/newsroom.py). Sections use
`newsroom.admin_explorer` instead, where the mode is not offered.
"""

from __future__ import annotations

import pytest

from .conftest import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

PAGE_SIZE = 50  # Wagtail's explorer page


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
    assert response.context["page_obj"].paginator.count > PAGE_SIZE


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
