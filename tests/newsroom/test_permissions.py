"""Who may do what: every role × every action, in the desk editor's section and outside it.

One answer, three ways of asking it: the page's permission tester (what Wagtail asks
before every button), the action itself (Wagtail's own actions and workflow, the
newsroom's correct and kill), and the admin (the Publish button shown or not, a forged
POST refused with nothing saved).
"""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from nashra.newsroom.actions import CorrectStoryAction, KillStoryAction
from nashra.newsroom.errors import ActionNotPermitted
from nashra.newsroom.models import ArticlePage, HomePage
from nashra.newsroom.permissions import require

from . import steps
from .admin_forms import publish_through_edit_form

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
# The tester's answer that decides each action.
ASKS = {
    "submit": "can_edit",
    "approve": "can_publish",
    "publish": "can_publish",
    "schedule": "can_publish",
    "correct": "can_correct",
    "unpublish": "can_unpublish",
    "kill": "can_kill",
    "publish_home": "can_publish",
}


def home():
    return HomePage.objects.get(locale__language_code="en")


def run(action, user, article, reporter):
    if action == "submit":
        steps.submit(article, user)
    elif action == "approve":
        steps.submit(article, reporter)
        steps.approve(type(article).objects.get(pk=article.pk), user)
    elif action == "publish":
        steps.publish(article, user)
    elif action == "schedule":
        steps.schedule(article, user, go_live_at=timezone.now() + timedelta(hours=1))
    elif action == "correct":
        CorrectStoryAction(article, user=user, note="A fix.").execute()
    elif action == "unpublish":
        steps.unpublish(article, user)
    elif action == "kill":
        KillStoryAction(article, user=user, reason="Legal.").execute()
    elif action == "breaking":
        steps.set_breaking_news(
            user, text="News", language="en", expire_at=timezone.now() + timedelta(hours=1)
        )
    elif action == "publish_home":
        steps.publish(home(), user)


def expected(role, action, where) -> bool:
    if role == "desk_editor" and where == "other_section" and action != "submit":
        return False
    return role in ALLOWED[action]


@pytest.mark.parametrize("action", list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own_section", "other_section"])
def test_permission_matrix(role, action, where, personas, article_factory, request, reporter):
    user = personas[role]
    section = request.getfixturevalue(where)
    live = action in ("correct", "unpublish", "kill")
    article = article_factory(section, live=live)
    allowed = expected(role, action, where)
    if action in ASKS:
        page = home() if action == "publish_home" else article
        assert getattr(page.permissions_for_user(user), ASKS[action])() is allowed
    if allowed:
        run(action, user, article, reporter)
    else:
        # Wagtail's refusals and the newsroom's ActionNotPermitted are both PermissionDenied.
        with pytest.raises(PermissionDenied):
            run(action, user, article, reporter)


def test_desk_editor_refusal_names_the_rule(desk_editor, other_section, article_factory):
    with pytest.raises(ActionNotPermitted, match="desk editors publish only in their own sections"):
        require(desk_editor, article_factory(other_section), "can_publish", "publish")


def test_desk_editor_cannot_publish_in_the_other_language(
    desk_editor, arabic_section, article_factory
):
    story = article_factory(arabic_section)
    assert not story.permissions_for_user(desk_editor).can_publish()
    with pytest.raises(PermissionDenied):
        steps.publish(story, desk_editor)


def test_reporter_refusal_names_who_can(reporter, own_section, article_factory):
    with pytest.raises(
        ActionNotPermitted, match="a reporter cannot publish; a desk or duty editor does"
    ):
        require(reporter, article_factory(own_section), "can_publish", "publish")


def test_reporter_cannot_submit_someone_elses_draft(
    reporter, sub_editor, own_section, article_factory
):
    with pytest.raises(PermissionDenied):
        steps.submit(article_factory(own_section, owner=sub_editor), reporter)


def test_the_home_page_is_the_duty_editors_even_for_a_desk_granted_it(
    desk_editor, duty_editor, own_section
):
    """A publish permission granted on the home page does not make a desk editor its editor."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    front = home()
    group = desk_editor.groups.get(name__startswith="Desk:")
    GroupPagePermission.objects.create(
        group=group, page=front, permission=Permission.objects.get(codename="publish_page")
    )
    desk_editor = type(desk_editor).objects.get(pk=desk_editor.pk)  # no cached permissions
    assert not front.permissions_for_user(desk_editor).can_publish()
    assert front.permissions_for_user(duty_editor).can_publish()
    with pytest.raises(ActionNotPermitted, match="only the duty editor may publish the home page"):
        require(desk_editor, front, "can_publish", "publish")


# Through the admin: the Publish button, and a forged Publish.


def edit_html(client, user, page) -> str:
    client.force_login(user)
    return client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize("role", ["reporter", "sub_editor", "desk_editor", "duty_editor"])
@pytest.mark.parametrize("where", ["own_section", "other_section"])
def test_the_publish_button_is_offered_to_those_who_may_publish(
    role, where, personas, article_factory, request, client
):
    story = article_factory(request.getfixturevalue(where), owner=personas[role])
    html = edit_html(client, personas[role], story)
    assert ('name="action-publish"' in html) is expected(role, "publish", where)


@pytest.mark.ignore_template_errors
def test_the_home_page_offers_publish_to_the_duty_editor_only(desk_editor, duty_editor, client):
    assert 'name="action-publish"' in edit_html(client, duty_editor, home())
    html = edit_html(client, desk_editor, home())
    assert "action-publish" not in html


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize("role", ["reporter", "sub_editor", "desk_editor"])
def test_a_forged_publish_is_refused_and_saves_nothing(
    role, personas, article_factory, other_section, client
):
    """Decided: a Publish the user may not do publishes nothing and saves nothing.

    Wagtail, asked to publish by someone its tester says may not, saves the edit as a
    draft instead. The editor asked to publish, not to save a draft: the newsroom refuses
    the request as a whole, with the rule's reason, and writes no revision (the button is
    not offered to them, so only a stale or forged form gets here).
    """
    story = article_factory(other_section, owner=personas[role])
    revisions = story.revisions.count()
    client.force_login(personas[role])

    response = publish_through_edit_form(client, story, title="Forged headline")

    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(m.startswith("Not published, and not saved:") for m in messages), messages
    story = ArticlePage.objects.get(pk=story.pk)
    assert not story.live
    assert story.live_revision is None
    assert story.revisions.count() == revisions
    assert story.title != "Forged headline"


@pytest.mark.ignore_template_errors
def test_another_desks_forged_publish_names_the_desk_rule(
    desk_editor, article_factory, other_section, client
):
    story = article_factory(other_section, owner=desk_editor)
    client.force_login(desk_editor)
    response = publish_through_edit_form(client, story)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("desk editors publish only in their own sections" in m for m in messages)


@pytest.mark.ignore_template_errors
def test_the_own_desk_publishes_through_the_edit_form(
    desk_editor, article_factory, own_section, client
):
    story = article_factory(own_section)
    client.force_login(desk_editor)
    publish_through_edit_form(client, story, title="Published by the desk")
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.live
    assert story.title == "Published by the desk"


@pytest.mark.ignore_template_errors
def test_a_forged_unpublish_from_another_desk_is_refused(
    desk_editor, article_factory, other_section, client
):
    story = article_factory(other_section, live=True)
    client.force_login(desk_editor)
    client.post(reverse("wagtailadmin_pages:unpublish", args=(story.pk,)))
    assert ArticlePage.objects.get(pk=story.pk).live
