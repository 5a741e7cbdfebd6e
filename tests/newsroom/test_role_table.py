"""The role table in docs/editors.md is the truth: every cell is checked here.

The test reads the table ("| Ability | Reporter | ... | Admin |", yes or no in each
cell), finds the check for each ability below, and asks Nashra, as each role, on stories
made for the purpose: the page permission tester Wagtail asks before every button and
action, and Django's permissions for what is not a page. A row with no check, or a check
with no row, fails too, so the table and the rules cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from nashra.newsroom.models import HomePage
from tests.support.personas import create_user
from tests.support.stories import make_article

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "editors.md"
ROLE_COLUMNS = {
    "Reporter": "reporter",
    "Sub-editor": "sub_editor",
    "Desk editor": "desk_editor",
    "Duty editor": "duty_editor",
    "Admin": "admin_user",
}


def read_table() -> dict[str, dict[str, bool]]:
    """{ability: {persona: allowed}} from the docs' role table."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Ability |"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    table = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert all(cell in ("yes", "no") for cell in cells[1:]), line
        table[cells[0]] = {
            ROLE_COLUMNS[role]: cell == "yes"
            for role, cell in zip(header[1:], cells[1:], strict=True)
        }
    return table


class World:
    """The stories each check asks about, written by a colleague of every persona."""

    def __init__(self, own_section, other_section):
        self.own_section, self.other_section = own_section, other_section
        self.colleague = create_user("colleague", "Reporter")
        self.colleague_draft = make_article(own_section, self.colleague)
        self.other_desk_draft = make_article(other_section, self.colleague)
        self.live_story = make_article(own_section, self.colleague, live=True)
        self.home = HomePage.objects.get(locale__language_code="en")

    def own_draft(self, user):
        return make_article(self.own_section, user)


def permissions_of(page, user):
    """The page permission tester Wagtail asks (the newsroom's, for newsroom pages)."""
    return page.specific.permissions_for_user(user)


def can_manage_users(world, user) -> bool:
    client = Client()
    client.force_login(user)
    listing = client.get("/admin/users/")
    groups = client.get("/admin/groups/")
    return (
        listing.status_code == 200
        and groups.status_code == 200
        and user.has_perm("auth.add_user")
        and user.has_perm("auth.change_user")
    )


CHECKS = {
    "write a draft": lambda w, u: permissions_of(w.own_section, u).can_add_subpage(),
    "edit a colleague's draft": lambda w, u: permissions_of(w.colleague_draft, u).can_edit(),
    "publish, schedule or unpublish on their own desk": lambda w, u: (
        permissions_of(w.colleague_draft, u).can_publish()
        and permissions_of(w.live_story, u).can_unpublish()
    ),
    "publish on another desk": lambda w, u: permissions_of(w.other_desk_draft, u).can_publish(),
    "correct or kill a live story on their own desk": lambda w, u: (
        permissions_of(w.live_story, u).can_correct() and permissions_of(w.live_story, u).can_kill()
    ),
    "publish the home page": lambda w, u: permissions_of(w.home, u).can_publish(),
    "set breaking news": lambda w, u: u.has_perm("newsroom.publish_breakingnews"),
    "delete their own unpublished draft": lambda w, u: permissions_of(
        w.own_draft(u), u
    ).can_delete(),
    "delete a colleague's unpublished draft": lambda w, u: permissions_of(
        w.colleague_draft, u
    ).can_delete(),
    "delete a live story": lambda w, u: permissions_of(w.live_story, u).can_delete(),
    "move another desk's draft into their own section": lambda w, u: permissions_of(
        w.other_desk_draft, u
    ).can_move_to(w.own_section),
    "manage users and groups": can_manage_users,
}
TABLE = read_table()


def test_every_row_has_a_check_and_every_check_a_row():
    assert set(TABLE) == set(CHECKS)


def test_the_table_names_every_role():
    assert all(set(row) == set(ROLE_COLUMNS.values()) for row in TABLE.values())


@pytest.mark.parametrize("ability", sorted(TABLE))
def test_the_table_holds(ability, personas, own_section, other_section, plain_admin_templates):
    world = World(own_section, other_section)
    wrong = {
        persona: expected
        for persona, expected in TABLE[ability].items()
        if bool(CHECKS[ability](world, personas[persona])) != expected
    }
    assert wrong == {}, f"{ability!r}: the docs say {wrong}, Nashra says the opposite"


def test_a_desk_editor_cannot_move_another_desks_draft_through_the_admin(
    client, desk_editor, own_section, other_section
):
    """The admin's move view asks the same tester: a forged move is refused."""
    colleague = create_user("colleague", "Reporter")
    draft = make_article(other_section, colleague)
    client.force_login(desk_editor)
    url = f"/admin/pages/{draft.pk}/move/{own_section.pk}/confirm/"
    response = client.post(url)
    draft.refresh_from_db()
    assert response.status_code in (302, 403)
    assert draft.get_parent().pk == other_section.pk


def test_a_sub_editor_cannot_delete_a_colleagues_draft_through_the_admin(
    client, sub_editor, own_section
):
    colleague = create_user("colleague", "Reporter")
    draft = make_article(own_section, colleague)
    client.force_login(sub_editor)
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert type(draft).objects.filter(pk=draft.pk).exists()


def test_wagtails_default_groups_are_gone():
    from django.contrib.auth.models import Group

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
