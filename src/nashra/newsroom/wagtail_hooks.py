"""The newsroom inside Wagtail's admin: log action names, guards, buttons and the overdue alert."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from nashra.newsroom import admin_views
from nashra.newsroom.models import ArticlePage, BreakingNews
from nashra.newsroom.permissions import NewsroomPermissionTester
from nashra.newsroom.scheduling import overdue_revisions


@hooks.register("register_log_actions")
def register_newsroom_log_actions(actions):
    actions.register_action(
        "nashra.correct", gettext_lazy("Correct"), gettext_lazy("Correction published")
    )
    actions.register_action("nashra.kill", gettext_lazy("Kill"), gettext_lazy("Story killed"))
    actions.register_action(
        "nashra.wire_ingest", gettext_lazy("Use wire copy"), gettext_lazy("Draft made from wire")
    )
    # Breaking news is a snippet with Wagtail's own publishing log now; these two name
    # the entries written before migration 0010.
    actions.register_action(
        "nashra.breaking.set", gettext_lazy("Set breaking news"), gettext_lazy("Breaking news set")
    )
    actions.register_action(
        "nashra.breaking.clear",
        gettext_lazy("Clear breaking news"),
        gettext_lazy("Breaking news cleared"),
    )


def stale_revision_id(request, page) -> int | None:
    """The revision an editor's form was built on, when a newer one has been saved since."""
    latest = page.latest_revision_id
    submitted = request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")
    if not latest or not submitted:
        return None
    try:
        submitted_id = int(submitted)
    except ValueError:
        return None
    return submitted_id if submitted_id != latest else None


def someone_else_saved_last(request, page) -> bool:
    latest = page.get_latest_revision() if page.latest_revision_id else None
    return latest is not None and latest.user_id != request.user.pk


@hooks.register("before_edit_page")
def refuse_stale_save(request, page):
    """Never let a save (or a schedule change) silently overwrite a newer revision."""
    if request.method != "POST" or request.headers.get("Accept") == "application/json":
        return None  # Wagtail refuses stale autosaves itself, with a JSON error
    if not (
        request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")
    ) and someone_else_saved_last(request, page):
        # The admin's form says which version it was built on; a post that does not could
        # be on top of anything, so it may not overwrite a colleague's work. (The editor's
        # own latest revision may be overwritten: the admin's autosave creates a story
        # while its author types, and the create form's Submit can race it.)
        messages.error(
            request,
            _(
                "Not saved: the form did not say which version of “%(title)s” it was opened "
                "on. Reopen the story and redo your change."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    loaded = stale_revision_id(request, page)
    if loaded is None:
        return None
    latest = page.get_latest_revision()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, loaded, latest.pk))
    who = latest.user.get_username() if latest.user else _("someone")
    messages.error(
        request,
        format_html(
            _(
                "Not saved: {who} saved a newer version of “{title}” after you opened it. "
                '<a href="{compare}">Compare the versions</a>, '
                "then reopen the story and redo your change."
            ),
            who=who,
            title=page.title,
            compare=compare,
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_edit_page")
def refuse_publish_without_the_right(request, page):
    """A Publish the user may not do is refused, and nothing is saved.

    The tester hides the button from them; a stale or forged form still posts it, and
    Wagtail would quietly save the edit as a draft instead. The editor asked to publish,
    not to save: say no, in the rule's words, and write nothing.
    """
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    tester = page.permissions_for_user(request.user)
    if not isinstance(tester, NewsroomPermissionTester) or tester.can_publish():
        return None
    refusal = tester.refusal("publish")
    messages.error(request, _("Not published, and not saved: %(reason)s.") % {"reason": refusal})
    return redirect("wagtailadmin_pages:edit", page.pk)


class OverduePanel(Component):
    """A red alert on the dashboard when the scheduler has fallen behind."""

    order = 50

    def __init__(self, revisions):
        self.revisions = revisions

    def render_html(self, parent_context=None) -> str:
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a>: {} {}</li>',
            (
                (
                    reverse("wagtailadmin_pages:edit", args=(r.object_id,)),
                    r.object_str,
                    _("due at"),
                    localtime(r.approved_go_live_at).strftime("%d %b %Y %H:%M"),
                )
                for r in self.revisions
            ),
        )
        return format_html(
            '<section class="nashra-overdue help-block help-critical" role="alert">'
            "<h2>{}</h2><p>{}</p><ul>{}</ul></section>",
            _("Scheduled stories are overdue"),
            _(
                "These should already be live. Publish them now, "
                "and check that the task worker is running."
            ),
            items,
        )


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    overdue = list(overdue_revisions()[:20])
    if overdue:
        panels.insert(0, OverduePanel(overdue))


register_snippet(BreakingNews)


# "Add correction" and "Kill": the admin's buttons in front of CorrectStoryAction and
# KillStoryAction, shown when the page's permission tester says yes.


@hooks.register("register_admin_urls")
def register_story_action_urls():
    return admin_views.urlpatterns


def story_action_buttons(page, user):
    # The explorer asks this of every row: only articles cost anything.
    if not issubclass(page.specific_class or Page, ArticlePage):
        return
    page = page if isinstance(page, ArticlePage) else page.specific
    tester = page.permissions_for_user(user)
    if tester.can_correct():
        url = admin_views.correct_url(page)
        yield Button(_("Add correction"), url, icon_name="edit", priority=45)
    if tester.can_kill():
        yield Button(_("Kill"), admin_views.kill_url(page), icon_name="warning", priority=46)


@hooks.register("register_page_header_buttons")
def page_header_story_actions(page, user, view_name, next_url=None):
    yield from story_action_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_story_actions(page, user, next_url=None):
    yield from story_action_buttons(page, user)


@hooks.register("register_admin_viewset")
def register_section_explorer():
    from nashra.newsroom.admin_explorer import article_page_viewset

    return article_page_viewset
