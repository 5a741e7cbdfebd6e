"""Who may do what: every role × every action, in the desk editor's section and outside it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from nashra.newsroom import actions
from nashra.newsroom.errors import ActionNotPermitted
from nashra.newsroom.models import HomePage

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "sub_editor", "desk_editor", "duty_editor", "admin_user", "anonymous"]
EDITORS = {"duty_editor", "admin_user"}

# Expected outcome per action: the set of roles allowed (desk editor: in their own section).
ALLOWED = {
    "submit": {"reporter", "sub_editor", "desk_editor", "duty_editor", "admin_user"},
    "approve": {"desk_editor", *EDITORS},
    "publish": {"desk_editor", *EDITORS},
    "schedule": {"desk_editor", *EDITORS},
    "correct": {"desk_editor", *EDITORS},
    "unpublish": {"desk_editor", *EDITORS},
    "kill": {"desk_editor", *EDITORS},
    "breaking": EDITORS,
    "publish_home": EDITORS,
}


def run(action, user, article, reporter):
    if action == "submit":
        actions.submit_for_review(article, by=user)
    elif action == "approve":
        actions.submit_for_review(article, by=reporter)
        actions.approve(type(article).objects.get(pk=article.pk), by=user)
    elif action == "publish":
        actions.publish(article, by=user)
    elif action == "schedule":
        actions.schedule(article, by=user, go_live_at=timezone.now() + timedelta(hours=1))
    elif action == "correct":
        actions.correct(article, by=user, note="A fix.")
    elif action == "unpublish":
        actions.unpublish(article, by=user)
    elif action == "kill":
        actions.kill(article, by=user, reason="Legal.")
    elif action == "breaking":
        actions.set_breaking_news(
            by=user, text="News", language="en", expires_at=timezone.now() + timedelta(hours=1)
        )
    elif action == "publish_home":
        actions.publish(HomePage.objects.get(locale__language_code="en"), by=user)


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own_section", "other_section"])
def test_permission_matrix(role, action, where, personas, article_factory, request, reporter):
    user = personas[role]
    section = request.getfixturevalue(where)
    live = action in ("correct", "unpublish", "kill")
    article = article_factory(section, live=live)
    allowed = role in ALLOWED[action]
    if role == "desk_editor" and where == "other_section" and action not in ("submit",):
        allowed = False
    if allowed:
        run(action, user, article, reporter)
    else:
        with pytest.raises(ActionNotPermitted):
            run(action, user, article, reporter)


def test_desk_editor_refusal_names_the_rule(desk_editor, other_section, article_factory):
    with pytest.raises(ActionNotPermitted, match="desk editors publish only in their own sections"):
        actions.publish(article_factory(other_section), by=desk_editor)


def test_desk_editor_cannot_publish_in_the_other_language(
    desk_editor, arabic_section, article_factory
):
    with pytest.raises(ActionNotPermitted, match="desk editors"):
        actions.publish(article_factory(arabic_section), by=desk_editor)


def test_reporter_refusal_names_who_can(reporter, own_section, article_factory):
    with pytest.raises(
        ActionNotPermitted, match="a reporter cannot publish; a desk or duty editor does"
    ):
        actions.publish(article_factory(own_section), by=reporter)


def test_reporter_cannot_submit_someone_elses_draft(
    reporter, sub_editor, own_section, article_factory
):
    with pytest.raises(ActionNotPermitted):
        actions.submit_for_review(article_factory(own_section, owner=sub_editor), by=reporter)
