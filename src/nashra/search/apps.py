from django.apps import AppConfig


class SearchConfig(AppConfig):
    # The label was "finder" until the app was renamed; each migration `replaces` its
    # "finder" record, so a database migrated under the old label is not migrated twice.
    name = "nashra.search"
    label = "search"
    verbose_name = "Search"
