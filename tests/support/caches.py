"""Empty every cache a test can see: Django's caches and this process's page copies."""


def clear_caches() -> None:
    from django.core.cache import caches

    from nashra.kernel.page_cache import LOCAL
    from nashra.newsroom.scheduling import checked_until
    from nashra.prayer.schedule import forget_seen_rules

    # Every alias: "renditions" too, or a rendition cached for an image whose row a
    # rolled-back test removed would be found for the next image given the same id.
    for alias in caches:
        caches[alias].clear()
    LOCAL.clear()  # each process's copies of hot pages (nashra.kernel.page_cache)
    checked_until.clear()  # each process's memory of its overdue check
    # The Jumu'ah rules this process read under the current generation: a test's edit is
    # rolled back, never committed, so it never moves the generation on.
    forget_seen_rules()
