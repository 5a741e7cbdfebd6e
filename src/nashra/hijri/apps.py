from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HijriConfig(AppConfig):
    name = "nashra.hijri"
    verbose_name = _("Hijri calendar")
