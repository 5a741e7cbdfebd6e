from django.apps import AppConfig


class WeatherConfig(AppConfig):
    name = "nashra.weather"
    label = "nashra_weather"
    verbose_name = "Weather"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nashra.weather import checks  # noqa: F401  (registers the system checks)
