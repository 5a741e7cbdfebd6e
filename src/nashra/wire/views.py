"""The admin's "Use this story" screen: preview, versions, and the section to file in."""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from nashra.newsroom.errors import NewsroomError
from nashra.newsroom.models import SectionPage
from nashra.wire.desk import use_item
from nashra.wire.models import WireItem


class UseForm(forms.Form):
    section = forms.ModelChoiceField(queryset=SectionPage.objects.all(), label=_("Section"))


def use_view(request, pk: int):
    item = get_object_or_404(WireItem.objects.select_related("source", "story"), pk=pk)
    form = UseForm(request.POST or None, initial={"section": item.source.default_section_id})
    if request.method == "POST" and form.is_valid():
        try:
            page = use_item(item, section=form.cleaned_data["section"], user=request.user)
        except NewsroomError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft story created from the wire."))
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "wire/use.html", {"item": item, "form": form})
