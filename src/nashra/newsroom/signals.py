"""Keep cached pages honest: any publish or unpublish purges the page cache."""

from wagtail.signals import page_published, page_unpublished

from nashra.site.cache import purge_pages


def purge_on_publication_change(sender, **kwargs):
    purge_pages()


def connect() -> None:
    page_published.connect(purge_on_publication_change, dispatch_uid="nashra-purge-on-publish")
    page_unpublished.connect(purge_on_publication_change, dispatch_uid="nashra-purge-on-unpublish")
