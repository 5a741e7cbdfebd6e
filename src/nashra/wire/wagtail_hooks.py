"""Wagtail admin: the wire queue (newest first, filters, search), sources and quarantine."""

from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from nashra.wire.models import QuarantinedFile, WireItem, WireSource
from nashra.wire.views import use_view


class UseColumn(Column):
    def get_value(self, instance):
        if instance.story_id:
            label = "story (update available)" if instance.update_available else "story"
            return format_html(
                '<a href="{}">{}</a>',
                reverse("wagtailadmin_pages:edit", args=[instance.story_id]),
                label,
            )
        return format_html(
            '<a href="{}">Use this story</a>', reverse("wire_use", args=[instance.pk])
        )


class WireQueueViewSet(ModelViewSet):
    model = WireItem
    name = "wire_queue"
    icon = "doc-full"
    menu_label = "Queue"
    add_to_admin_menu = False
    list_display = [
        "headline",
        "source",
        "language",
        "urgency",
        "version",
        "pub_status",
        "embargoed",
        "received_at",
        UseColumn("use", label="Desk"),
    ]
    list_filter = ["source", "language", "urgency", "pub_status", "item_class"]
    search_fields = ["headline", "guid", "slugline"]
    search_backend_name = None
    ordering = ["-received_at"]
    exclude_form_fields = []
    inspect_view_enabled = True


class WireSourceViewSet(ModelViewSet):
    model = WireSource
    name = "wire_sources"
    icon = "download"
    menu_label = "Sources"
    list_display = [
        "name",
        "kind",
        "location",
        "agency",
        "language",
        "enabled",
        "consecutive_failures",
        "last_error",
    ]
    form_fields = [
        "name",
        "slug",
        "kind",
        "location",
        "agency",
        "language",
        "default_section",
        "kill_on_cancel",
        "enabled",
    ]


class QuarantineViewSet(ModelViewSet):
    model = QuarantinedFile
    name = "wire_quarantine"
    icon = "warning"
    menu_label = "Quarantine"
    list_display = ["filename", "source", "error", "received_at"]
    list_filter = ["source"]
    exclude_form_fields = []
    inspect_view_enabled = True


class WireGroup(ViewSetGroup):
    menu_label = "Wire"
    menu_icon = "doc-full"
    items = (WireQueueViewSet, WireSourceViewSet, QuarantineViewSet)


@hooks.register("register_admin_viewset")
def register_wire_viewsets():
    return WireGroup()


@hooks.register("register_admin_urls")
def register_wire_urls():
    return [path("wire/use/<int:pk>/", use_view, name="wire_use")]
