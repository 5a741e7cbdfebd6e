"""The article's admin form: checks Wagtail's form leaves to the editor's judgement."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        go_live_at = cleaned.get("go_live_at")
        # Only a newly entered time is checked: a story that went live on schedule keeps
        # its (now past) go-live time and must stay editable.
        if go_live_at and "go_live_at" in self.changed_data and go_live_at <= timezone.now():
            self.add_error(
                "go_live_at",
                forms.ValidationError(_("The scheduled time is in the past; publish now instead.")),
            )
        return cleaned
