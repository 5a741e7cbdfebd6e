"""The search form: every field optional, every bad value a message, never an error page."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nashra.kernel.cache import SEARCH_SECTIONS
from nashra.kernel.language import current_edition
from nashra.newsroom.published import published_sections


def section_choices():
    """One choice per section slug, titled in the reader's language when it has one.

    Read once per purge generation (nashra.kernel.cache): publishing or unpublishing a
    section purges, so a new section is offered on the next search.
    """
    language = current_edition()
    titles = SEARCH_SECTIONS.get_or_set(lambda: section_titles(language), language)
    return [("", _("All sections")), *titles]


def section_titles(language: str) -> list[tuple[str, str]]:
    slugs = (
        published_sections().order_by("path").values_list("slug", "title", "locale__language_code")
    )
    seen: dict[str, str] = {}
    for slug, title, section_language in slugs:
        if slug not in seen or section_language == language:
            seen[slug] = title
    return list(seen.items())


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True, label=_("Search"))
    section = forms.ChoiceField(required=False, label=_("Section"))
    date_from = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label=_("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    lang = forms.ChoiceField(
        required=False,
        label=_("Language"),
        choices=[("any", _("Both editions")), *settings.LANGUAGES],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = section_choices()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
