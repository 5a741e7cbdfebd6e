from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "nashra.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.images import get_image_model

        from nashra.kernel.cache import purge_when_changed
        from nashra.newsroom.models import BreakingNews
        from nashra.newsroom.tasks import make_renditions_after_commit

        purge_when_changed(BreakingNews)
        post_save.connect(make_renditions_after_commit, sender=get_image_model())
