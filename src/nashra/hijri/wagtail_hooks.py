from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nashra.hijri.models import HijriMonthOffset


class HijriMonthOffsetViewSet(SnippetViewSet):
    model = HijriMonthOffset
    icon = "date"
    menu_label = _("Hijri offsets")
    add_to_admin_menu = True
    list_display = ["__str__", "year", "month", "offset"]


register_snippet(HijriMonthOffsetViewSet)
