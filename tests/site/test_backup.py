"""`nashra backup` / `nashra restore`: a consistent copy taken while the site writes.

The round trip runs on the database this suite runs on (SQLite, or PostgreSQL in CI's
second run), in scratch databases of its own: a writer thread keeps committing story
revisions, each transaction adding a revision and moving its story's `latest` pointer,
while the backup runs. The restored copy must hold every revision committed before the
backup began, and no transaction in part (each story's pointer names its newest revision).
"""

from __future__ import annotations

import os
import sqlite3
import tarfile
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings

from nashra.cli import main
from nashra.site.backup import BackupError, create_backup, restore_backup

STORIES = 20
BODY = "The council met at noon. " * 80  # about 2 KB a revision


class Scratch:
    """A scratch database on this suite's engine, with its own connection factory."""

    def __init__(self, name: str, tmp_path: Path):
        base = settings.DATABASES["default"]
        self.postgres = "postgresql" in base["ENGINE"]
        if self.postgres:
            self.settings = {**base, "NAME": f"{base['NAME']}_{name}_{os.getpid()}"}
            self._admin("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self._admin("CREATE DATABASE {name}")
        else:
            self.settings = {**base, "NAME": str(tmp_path / f"{name}.sqlite3")}

    def _params(self, name: str) -> dict:
        keys = ("HOST", "PORT", "USER", "PASSWORD")
        params = {key.lower(): self.settings[key] for key in keys if self.settings.get(key)}
        return {**params, "dbname": name}

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(**self._params("postgres"), autocommit=True) as connection:
            connection.execute(statement.format(name=f'"{self.settings["NAME"]}"'))

    def connect(self):
        if self.postgres:
            import psycopg

            return psycopg.connect(**self._params(self.settings["NAME"]))
        connection = sqlite3.connect(self.settings["NAME"], timeout=20)
        connection.execute("PRAGMA journal_mode=WAL")
        return connection

    def drop(self) -> None:
        if self.postgres:
            self._admin("DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def scratch(tmp_path):
    made = []

    def make(name: str) -> Scratch:
        made.append(Scratch(name, tmp_path))
        return made[-1]

    yield make
    for database in made:
        database.drop()


def create_newsroom(database: Scratch) -> None:
    with closing(database.connect()) as connection:
        connection.execute("CREATE TABLE story (id INTEGER PRIMARY KEY, latest INTEGER NOT NULL)")
        connection.execute(
            "CREATE TABLE revision (story INTEGER NOT NULL, n INTEGER NOT NULL, "
            "body TEXT NOT NULL, PRIMARY KEY (story, n))"
        )
        for story in range(STORIES):
            connection.execute(f"INSERT INTO story VALUES ({story}, 0)")
            for n in range(0, 60):  # a few MB, so the copy takes a moment
                connection.execute(f"INSERT INTO revision VALUES ({story}, {n}, '{BODY}')")
            connection.execute(f"UPDATE story SET latest = 59 WHERE id = {story}")
        connection.commit()


class Writer(threading.Thread):
    """Commits revisions, one transaction each: a new revision and its story's pointer."""

    def __init__(self, database: Scratch):
        super().__init__(daemon=True)
        self.database = database
        self.committed: list[tuple[int, int]] = []  # (story, n), in commit order
        self.stop = threading.Event()
        self.failure: Exception | None = None

    def run(self) -> None:
        try:
            with closing(self.database.connect()) as connection:
                n = 60
                while not self.stop.is_set():
                    story = n % STORIES
                    connection.execute(f"INSERT INTO revision VALUES ({story}, {n}, '{BODY}')")
                    connection.execute(f"UPDATE story SET latest = {n} WHERE id = {story}")
                    connection.commit()
                    self.committed.append((story, n))
                    n += 1
        except Exception as error:  # reported by the test
            self.failure = error


def restored_state(database: Scratch) -> tuple[set[tuple[int, int]], dict[int, int]]:
    with closing(database.connect()) as connection:
        revisions = set(connection.execute("SELECT story, n FROM revision").fetchall())
        latest = dict(connection.execute("SELECT id, latest FROM story").fetchall())
    return revisions, latest


@pytest.fixture
def media_root(tmp_path):
    root = tmp_path / "media"
    (root / "images").mkdir(parents=True)
    (root / "images" / "abra.fill-360x203.webp").write_bytes(b"RIFF-webp-bytes")
    (root / "documents").mkdir()
    (root / "documents" / "minutes.txt").write_text("Board minutes")
    return root


@pytest.mark.database
def test_a_backup_taken_under_writes_restores_a_consistent_newsroom(scratch, media_root, tmp_path):
    source, target = scratch("backup_source"), scratch("backup_target")
    create_newsroom(source)
    writer = Writer(source)
    writer.start()
    while len(writer.committed) < 20 and writer.is_alive():
        time.sleep(0.01)
    committed_before = list(writer.committed)
    archive = tmp_path / "nashra.tar.gz"
    create_backup(archive, source.settings, media_root)
    time.sleep(0.2)
    writer.stop.set()
    writer.join(timeout=30)
    assert writer.failure is None
    assert len(writer.committed) > len(committed_before)  # it kept writing meanwhile

    restored_media = tmp_path / "restored-media"
    restore_backup(archive, target.settings, restored_media)
    revisions, latest = restored_state(target)
    assert set(committed_before) <= revisions
    assert revisions <= {(s, n) for s in range(STORIES) for n in range(60)} | set(writer.committed)
    for story, pointer in latest.items():
        assert pointer == max(n for s, n in revisions if s == story)
    assert (restored_media / "images" / "abra.fill-360x203.webp").read_bytes() == (
        b"RIFF-webp-bytes"
    )
    assert (restored_media / "documents" / "minutes.txt").read_text() == "Board minutes"


@pytest.mark.database
def test_restore_refuses_a_database_with_tables_unless_forced(scratch, media_root, tmp_path):
    source = scratch("backup_force")
    create_newsroom(source)
    archive = tmp_path / "nashra.tar.gz"
    create_backup(archive, source.settings, media_root)
    with closing(source.connect()) as connection:
        connection.execute("DELETE FROM revision WHERE n > 0")
        connection.commit()
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive, source.settings, tmp_path / "media-again")
    restore_backup(archive, source.settings, tmp_path / "media-again", force=True)
    revisions, _ = restored_state(source)
    assert len(revisions) == STORIES * 60


def test_the_archive_holds_a_manifest_the_database_and_media(tmp_path, media_root):
    database = tmp_path / "site.sqlite3"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE t (x)")
    archive = tmp_path / "nashra.tar.gz"
    create_backup(archive, {"ENGINE": "django.db.backends.sqlite3", "NAME": database}, media_root)
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "database.sqlite3", "media/images/abra.fill-360x203.webp"} <= names
    assert not (tmp_path / "nashra.tar.gz.partial").exists()


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    return err


def test_restore_of_a_missing_archive_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["restore", str(tmp_path / "nowhere.tar.gz")]) == 2
    assert "does not exist" in one_line_error(capsys)


def test_restore_of_a_file_that_is_no_archive_is_one_line_and_exit_2(tmp_path, capsys):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"this is not a gzip file")
    assert main(["restore", str(junk)]) == 2
    assert "not a Nashra backup" in one_line_error(capsys)


def test_restore_of_a_tar_without_a_manifest_is_one_line_and_exit_2(tmp_path, capsys):
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as tar:
        tar.add(__file__, arcname="notes.py")
    assert main(["restore", str(other)]) == 2
    assert "manifest.json" in one_line_error(capsys)


def test_a_hostile_media_entry_is_refused(tmp_path, media_root):
    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    archive = tmp_path / "nashra.tar.gz"
    create_backup(archive, {"ENGINE": "sqlite3", "NAME": database}, media_root)
    hostile = tmp_path / "hostile.tar.gz"
    with tarfile.open(archive) as original, tarfile.open(hostile, "w:gz") as tar:
        for member in original.getmembers():
            tar.addfile(member, original.extractfile(member) if member.isfile() else None)
        escape = tarfile.TarInfo("media/../../escaped.txt")
        tar.addfile(escape)
    with pytest.raises(BackupError, match="unsafe media entry"):
        restore_backup(
            hostile, {"ENGINE": "sqlite3", "NAME": tmp_path / "new.sqlite3"}, tmp_path / "m"
        )
    assert not (tmp_path / "escaped.txt").exists()


def test_backup_to_a_folder_that_does_not_exist_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["backup", str(tmp_path / "no" / "such" / "nashra.tar.gz")]) == 2
    assert "does not exist" in one_line_error(capsys)


def test_backup_without_a_path_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["backup"])
    assert exit_.value.code == 2
