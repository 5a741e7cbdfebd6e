from django.apps import AppConfig


class PrayerConfig(AppConfig):
    name = "nashra.prayer"
    label = "prayer"
    verbose_name = "Prayer times"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nashra.kernel.cache import purge_when_changed
        from nashra.prayer.models import JumuahTime

        purge_when_changed(JumuahTime)  # the header's Friday time
