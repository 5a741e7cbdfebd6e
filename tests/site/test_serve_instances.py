"""Two `nashra serve` instances on one host keep their own gunicorn control sockets, and
Wagtail's rendition cache stays in the process (no shared-cache write per image read)."""

from django.conf import settings

from nashra.site.commands import control_socket_args


def test_each_bind_address_has_its_own_control_socket():
    first = control_socket_args("127.0.0.1:8001")
    second = control_socket_args("127.0.0.1:8002")
    assert first[0] == "--control-socket"
    assert first != second
    assert first[1].startswith(str(settings.VAR_DIR))


def test_renditions_are_cached_in_the_process_not_the_shared_cache():
    from django.core.cache import caches
    from wagtail.images.models import AbstractRendition

    assert AbstractRendition.cache_backend is not caches["default"]
    assert type(AbstractRendition.cache_backend).__name__ == "LocMemCache"
