from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "nashra.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from nashra.kernel.cache import purge_when_changed
        from nashra.newsroom.models import BreakingNews

        purge_when_changed(BreakingNews)
