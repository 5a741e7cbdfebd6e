from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HijriConfig(AppConfig):
    name = "nashra.hijri"
    verbose_name = _("Hijri calendar")

    def ready(self) -> None:
        from nashra.hijri.models import HijriMonthOffset
        from nashra.kernel.cache import purge_when_changed

        purge_when_changed(HijriMonthOffset)  # every header shows today's Hijri date
