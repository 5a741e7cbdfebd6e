from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "nashra.site"
    label = "nashra_site"
    verbose_name = "Nashra site"

    def ready(self) -> None:
        from nashra.kernel import cache
        from nashra.site import checks  # noqa: F401  (registers the system checks)

        cache.connect_wagtail()
