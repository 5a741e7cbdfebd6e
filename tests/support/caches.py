"""Empty every cache a test can see: Django's cache and this process's page copies."""


def clear_caches() -> None:
    from django.core.cache import cache

    from nashra.kernel.page_cache import LOCAL

    cache.clear()
    LOCAL.clear()  # each process's copies of hot pages (nashra.kernel.page_cache)
