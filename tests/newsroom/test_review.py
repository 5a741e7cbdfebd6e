"""The admin's review step obeys the newsroom's rule: only the story's own desk approves.

A desk editor of another section, or of the same section in the other language, sees no
Approve button, cannot open the approve dialog, and a hand-made POST changes nothing.
The story's desk editor, the duty editor and an admin approve it.
"""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from nashra.newsroom.errors import ActionNotPermitted
from nashra.newsroom.models import ArticlePage, DeskApprovalTask
from nashra.newsroom.roles import Role
from tests.support.personas import create_persona, create_user

from . import steps
from .admin_forms import article_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_admin_templates")]


@pytest.fixture
def world_desk(db):
    return create_persona("desk_editor", "world_desk", desk=("world", "en"))


@pytest.fixture
def arabic_uae_desk(db):
    return create_persona("desk_editor", "arabic_uae_desk", desk=("uae", "ar"))


@pytest.fixture
def under_review(article_factory, own_section, reporter):
    article = article_factory(own_section, title="Ports reopen after the storm")
    steps.submit(article, reporter)
    return ArticlePage.objects.get(pk=article.pk)


def task_state(article) -> TaskState:
    return article.current_workflow_state.current_task_state


def assert_refused(response) -> None:
    # Wagtail's admin answers PermissionDenied with a redirect home and an error message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def workflow_action_url(article, name="approve") -> str:
    return reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, name, task_state(article).pk)
    )


def test_the_review_step_is_the_desk_approval_task(under_review):
    assert isinstance(task_state(under_review).task.specific, DeskApprovalTask)


@pytest.mark.parametrize("outsider", ["world_desk", "arabic_uae_desk"])
def test_another_desk_sees_no_approve_button(outsider, under_review, client, request):
    client.force_login(request.getfixturevalue(outsider))
    html = client.get(reverse("wagtailadmin_pages:edit", args=(under_review.pk,))).content.decode()
    assert 'data-workflow-action-name="approve"' not in html


def test_the_own_desk_sees_the_approve_button(under_review, desk_editor, client):
    client.force_login(desk_editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(under_review.pk,))).content.decode()
    assert 'data-workflow-action-name="approve"' in html
    assert 'data-workflow-action-name="reject"' in html


@pytest.mark.parametrize("outsider", ["world_desk", "arabic_uae_desk"])
@pytest.mark.parametrize("name", ["approve", "reject"])
def test_a_forged_workflow_post_from_another_desk_is_refused(
    outsider, name, under_review, client, request
):
    client.force_login(request.getfixturevalue(outsider))
    assert_refused(client.post(workflow_action_url(under_review, name), {"comment": ""}))
    assert_refused(client.get(workflow_action_url(under_review, name)))
    article = ArticlePage.objects.get(pk=under_review.pk)
    assert not article.live
    assert task_state(article).status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.parametrize("outsider", ["world_desk", "arabic_uae_desk"])
def test_a_forged_approve_through_the_edit_form_is_refused(outsider, under_review, client, request):
    client.force_login(request.getfixturevalue(outsider))
    data = article_form_data(
        under_review,
        loaded_revision=under_review.get_latest_revision(),
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=(under_review.pk,)), data)
    article = ArticlePage.objects.get(pk=under_review.pk)
    assert not article.live
    assert task_state(article).status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.parametrize("reviewer", ["desk_editor", "duty_editor", "admin_user"])
def test_the_own_desk_duty_editor_and_admin_approve_in_the_admin(
    reviewer, under_review, client, request
):
    client.force_login(request.getfixturevalue(reviewer))
    response = client.post(workflow_action_url(under_review), {"comment": ""})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=(under_review.pk,))
    assert ArticlePage.objects.get(pk=under_review.pk).live


def test_approving_through_the_edit_form_publishes(under_review, desk_editor, client):
    client.force_login(desk_editor)
    data = article_form_data(
        under_review,
        standfirst="Checked by the desk.",
        loaded_revision=under_review.get_latest_revision(),
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=(under_review.pk,)), data)
    article = ArticlePage.objects.get(pk=under_review.pk)
    assert article.live
    assert article.standfirst == "Checked by the desk."


def test_only_the_own_desk_is_asked_to_review_on_the_dashboard(
    under_review, desk_editor, world_desk, arabic_uae_desk
):
    assert list(TaskState.objects.reviewable_by(desk_editor)) == [task_state(under_review)]
    assert not TaskState.objects.reviewable_by(world_desk).exists()
    assert not TaskState.objects.reviewable_by(arabic_uae_desk).exists()


def test_the_dashboard_lists_the_story_for_its_desk_only(
    under_review, desk_editor, world_desk, client
):
    client.force_login(desk_editor)
    assert under_review.title in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(world_desk)
    assert under_review.title not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("outsider", ["world_desk", "arabic_uae_desk"])
def test_the_task_itself_refuses_another_desk(outsider, under_review, request):
    # Whatever calls the task directly meets the same rule as the admin's Approve.
    state = task_state(under_review)
    with pytest.raises(ActionNotPermitted, match="desk editors approve only in their own sections"):
        state.task.specific.on_action(state, request.getfixturevalue(outsider), "approve")
    with pytest.raises(ActionNotPermitted, match="desk editors approve only in their own sections"):
        steps.approve(under_review, request.getfixturevalue(outsider))


def test_a_plain_desk_editor_group_member_without_a_desk_cannot_approve(under_review, client):
    # The old rule (any member of the "Desk editor" group) no longer approves anything.
    user = create_user("deskless", Role.DESK_EDITOR)
    client.force_login(user)
    assert_refused(client.post(workflow_action_url(under_review), {}))
    assert not ArticlePage.objects.get(pk=under_review.pk).live
