import pytest

from nashra.kernel.database import database_from_url
from nashra.kernel.env import ConfigurationError, env_bool, env_int, env_list


def test_env_bool_reads_common_words():
    assert env_bool("X", environ={"X": "Yes"}) is True
    assert env_bool("X", environ={"X": "off"}) is False
    assert env_bool("X", default=True, environ={}) is True


def test_env_bool_refuses_a_typo_naming_the_variable():
    with pytest.raises(ConfigurationError, match="DEBUG must be true or false"):
        env_bool("DEBUG", environ={"DEBUG": "ture"})


def test_env_int_checks_type_and_minimum():
    assert env_int("N", 5, environ={}) == 5
    assert env_int("N", 5, environ={"N": "7"}) == 7
    with pytest.raises(ConfigurationError, match="N must be a whole number"):
        env_int("N", 5, environ={"N": "seven"})
    with pytest.raises(ConfigurationError, match="at least 0"):
        env_int("N", 5, minimum=0, environ={"N": "-1"})


def test_env_list_splits_and_trims():
    assert env_list("H", environ={"H": " a.ae, b.ae ,,"}) == ["a.ae", "b.ae"]


def test_sqlite_by_default_with_wal_busy_timeout_and_immediate_transactions(tmp_path):
    config = database_from_url("", tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert "busy_timeout" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgresql_url_switches_engine(tmp_path):
    config = database_from_url("postgresql://nashra@127.0.0.1:5432/news", tmp_path / "x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "news"
    assert config["HOST"] == "127.0.0.1"


@pytest.mark.parametrize(
    "url, message",
    [
        ("nonsense", "not a valid database URL"),
        ("http://example.com/db", "not a valid database URL"),
        ("mysql://root@localhost/news", "must start with sqlite:/// or postgresql://"),
        ("postgresql://localhost", "names no database"),
    ],
)
def test_malformed_database_url_is_refused_in_one_line(tmp_path, url, message):
    with pytest.raises(ConfigurationError, match=message) as caught:
        database_from_url(url, tmp_path / "x")
    assert "\n" not in str(caught.value)
