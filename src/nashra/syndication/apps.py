from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "nashra.syndication"
    label = "syndication"
    verbose_name = "Feeds and sitemaps"
