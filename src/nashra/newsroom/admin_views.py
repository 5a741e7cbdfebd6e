"""The admin's "Add a correction" and "Kill this story" screens.

Each screen is a form in front of one action (`CorrectStoryAction`, `KillStoryAction`):
the action checks permission and does the work; the view only turns its refusals into
the admin's words. A refusal of the person (`ActionNotPermitted`) is an error message and a
way back to the story's edit view, on GET and POST alike; a refusal of the change
(`ActionRefused`) is a form error, the form shown again with what was typed.
"""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from nashra.newsroom.actions import CorrectStoryAction, KillStoryAction
from nashra.newsroom.errors import ActionNotPermitted, ActionRefused
from nashra.newsroom.models import ArticlePage

KILL_REASON_MAX = ArticlePage._meta.get_field("kill_reason").max_length


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Correction"),
        help_text=gettext_lazy(
            "Say what was wrong and what is right. Readers see this note under the story, "
            "dated now; it cannot be edited or removed later."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class KillForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason shown to readers"),
        help_text=gettext_lazy("Shown on the notice at the story's address."),
        max_length=KILL_REASON_MAX,
    )


class StoryActionView(WagtailAdminTemplateMixin, FormView):
    """A form in front of one action on one article; subclasses name the action."""

    action_class: type[CorrectStoryAction] | type[KillStoryAction]

    def setup(self, request, *args, page_id: int, **kwargs):
        super().setup(request, *args, page_id=page_id, **kwargs)
        self.page = get_object_or_404(ArticlePage, pk=page_id)  # 404 for any other page

    @cached_property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=(self.page.pk,))

    def action(self, **data):
        return self.action_class(self.page, user=self.request.user, **data)

    def success_message(self) -> str:
        raise NotImplementedError

    def refuse(self, refusal: ActionNotPermitted):
        messages.error(self.request, _("Not done: %(reason)s.") % {"reason": refusal})
        return redirect(self.edit_url)

    def dispatch(self, request, *args, **kwargs):
        try:
            self.action().check_permission()
        except ActionNotPermitted as refusal:
            return self.refuse(refusal)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            self.action(**form.cleaned_data).execute()
        except ActionNotPermitted as refusal:
            return self.refuse(refusal)
        except ActionRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return redirect(self.edit_url)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        items = get_breadcrumbs_items_for_page(self.page, self.request.user)
        return items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, edit_url=self.edit_url, action_url=self.request.path)
        return context


class CorrectView(StoryActionView):
    form_class = CorrectionForm
    template_name = "newsroom/admin/correct.html"
    page_title = gettext_lazy("Add a correction")
    header_icon = "edit"

    action_class = CorrectStoryAction

    def success_message(self) -> str:
        return _("Correction added to “%(title)s”; the story was republished with it.") % {
            "title": self.page.get_admin_display_title()
        }


class KillView(StoryActionView):
    form_class = KillForm
    template_name = "newsroom/admin/kill.html"
    page_title = gettext_lazy("Kill this story")
    header_icon = "warning"

    action_class = KillStoryAction

    def success_message(self) -> str:
        return _("“%(title)s” was killed; its address now answers 410 Gone.") % {
            "title": self.page.get_admin_display_title()
        }


def correct_url(page) -> str:
    return reverse("nashra_correct_story", args=(page.pk,))


def kill_url(page) -> str:
    return reverse("nashra_kill_story", args=(page.pk,))


urlpatterns = [
    path("pages/<int:page_id>/correct/", CorrectView.as_view(), name="nashra_correct_story"),
    path("pages/<int:page_id>/kill/", KillView.as_view(), name="nashra_kill_story"),
]
