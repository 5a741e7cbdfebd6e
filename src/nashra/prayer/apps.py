from django.apps import AppConfig


class PrayerConfig(AppConfig):
    name = "nashra.prayer"
    label = "prayer"
    verbose_name = "Prayer times"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nashra.prayer import signals

        signals.connect()
