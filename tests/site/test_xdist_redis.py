"""Each pytest-xdist worker gets its own Redis database (tests clear the cache)."""

from nashra.site.settings_test import redis_url_for_worker


def test_worker_n_uses_the_configured_database_plus_n():
    assert redis_url_for_worker("redis://127.0.0.1:6379/3", "gw2") == "redis://127.0.0.1:6379/5"


def test_a_url_without_a_database_number_starts_from_zero():
    assert redis_url_for_worker("redis://127.0.0.1:6379", "gw1") == "redis://127.0.0.1:6379/1"


def test_without_xdist_the_url_is_unchanged():
    assert redis_url_for_worker("redis://127.0.0.1:6379/4", "") == "redis://127.0.0.1:6379/4"


def test_a_unix_socket_url_is_left_alone():
    url = "unix:///run/redis.sock?db=2"
    assert redis_url_for_worker(url, "gw1") == url
