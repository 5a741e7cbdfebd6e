"""Keep cached pages honest, and offer outward extension points.

Any Wagtail publish or unpublish (including the admin's own buttons) purges the page
cache. The newsroom's own signals are sent by `actions` after a change is saved; other
apps may listen, but nothing in the newsroom depends on them.
"""

from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished

from nashra.kernel.cache import purge_pages

story_submitted = Signal()
story_approved = Signal()
story_corrected = Signal()
story_killed = Signal()
breaking_news_changed = Signal()


def purge_on_publication_change(sender, **kwargs):
    purge_pages()


def connect() -> None:
    page_published.connect(purge_on_publication_change, dispatch_uid="nashra-purge-on-publish")
    page_unpublished.connect(purge_on_publication_change, dispatch_uid="nashra-purge-on-unpublish")
