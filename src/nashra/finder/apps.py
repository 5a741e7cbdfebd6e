from django.apps import AppConfig


class FinderConfig(AppConfig):
    name = "nashra.finder"
    label = "finder"
    verbose_name = "Search"
