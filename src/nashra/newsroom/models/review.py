"""The desk's review step in Wagtail's workflow, decided by the newsroom's own rule.

Wagtail's GroupApprovalTask lets any member of a group approve any page: every desk
editor could approve every desk's stories. Approving a story is publishing it, so this
task asks the page's permission tester (`nashra.newsroom.permissions`) whether the user
may publish it: the admin's Approve button, the dashboard's "awaiting your review" list,
a hand-made POST and a direct `on_action` call all get the tester's answer.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from nashra.newsroom.permissions import require


def _reviews(obj, user) -> bool:
    return isinstance(obj, Page) and obj.permissions_for_user(user).can_publish()


class DeskApprovalTask(Task):
    def user_can_access_editor(self, obj, user):
        return _reviews(obj, user)

    def locked_for_user(self, obj, user):
        # Under review, only its reviewers may change the story.
        return not _reviews(obj, user)

    def user_can_lock(self, obj, user):
        return _reviews(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not _reviews(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        # Every caller (the admin's views, code calling the task) meets the same rule.
        require(user, task_state.workflow_state.content_object, "can_publish", "approve")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        )
        if user.is_superuser:
            return in_progress
        states = list(in_progress.select_related("workflow_state"))
        pages = Page.objects.in_bulk(int(state.workflow_state.object_id) for state in states)
        reviewable = [
            state.pk
            for state in states
            if _reviews(pages.get(int(state.workflow_state.object_id)), user)
        ]
        return in_progress.filter(pk__in=reviewable)

    @classmethod
    def get_description(cls):
        return _(
            "A desk editor of the story's section and language, the duty editor "
            "or an admin approves"
        )

    class Meta:
        verbose_name = _("desk approval")
        verbose_name_plural = _("desk approvals")
