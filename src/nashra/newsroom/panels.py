"""Edit-form panels of the newsroom's own."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel


class CorrectionsPanel(Panel):
    """The story's corrections, read-only, with a link to add one.

    Corrections are appended by `CorrectStoryAction` (dated, logged, republished) and never
    edited away, so the edit form shows them without form fields. The object built from any
    revision carries every saved correction (`ArticlePage.with_content_json`), so saving the
    form, or reverting to a version from before a correction, keeps them.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/admin/corrections_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.corrections = sorted(
                self.instance.corrections.all(), key=lambda c: (c.corrected_at, c.pk or 0)
            )

        def is_shown(self):
            return bool(self.corrections)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["corrections"] = self.corrections
            user = getattr(self.request, "user", None)
            may_correct = (
                user is not None and self.instance.permissions_for_user(user).can_correct()
            )
            context["add_url"] = (
                reverse("nashra_correct_story", args=(self.instance.pk,)) if may_correct else ""
            )
            return context
