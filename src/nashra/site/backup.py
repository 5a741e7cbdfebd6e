"""`nashra backup` / `nashra restore`: the database and the media folder in one archive.

The archive is a gzipped tar holding `manifest.json`, the database (`database.sqlite3`,
a copy made with SQLite's online backup API, or `database.dump`, `pg_dump`'s custom
format) and `media/`, a copy of MEDIA_ROOT. The database is copied first and in one
consistent snapshot, while the site keeps running and writing: the archive holds every
transaction committed before the copy began and none half-done. Media is copied after
it, so every file a database row names is there (a file uploaded later may be too).

Restore refuses a database that already has tables unless told `force`, and never mixes
engines: a SQLite archive restores into SQLite, a PostgreSQL one into PostgreSQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nashra import __version__
from nashra.kernel.env import child_environment
from nashra.kernel.errors import CommandError

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(CommandError):
    """A backup or restore that cannot go ahead, said in one line (exit code 2)."""


@dataclass(frozen=True)
class Manifest:
    engine: str
    database: str
    created_at: str
    nashra_version: str = __version__
    format: int = FORMAT

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2)


class SqliteDatabase:
    engine = "sqlite"
    archive_name = "database.sqlite3"

    def __init__(self, settings: dict):
        self.path = Path(settings["NAME"])

    def dump(self, target: Path) -> None:
        # One step (pages=-1) under one read transaction: a consistent snapshot, and in
        # WAL mode the site's writers go on meanwhile.
        if not self.path.is_file():
            raise BackupError(f"the database {self.path} does not exist")
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as source:
            with closing(sqlite3.connect(target)) as copy:
                source.backup(copy, pages=-1)

    def is_empty(self) -> bool:
        if not self.path.exists():
            return True
        with closing(sqlite3.connect(self.path)) as connection:
            count = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        return count == 0

    def restore(self, source: Path, force: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(source)) as archived:
            _check_sqlite(archived)
            with closing(sqlite3.connect(self.path, timeout=20)) as live:
                archived.backup(live, pages=-1)  # replaces every page of the live file


class PostgresDatabase:
    engine = "postgresql"
    archive_name = "database.dump"

    def __init__(self, settings: dict):
        self.settings = settings

    def _env(self) -> dict[str, str]:
        # Credentials go through the environment, never the command line (ps shows it).
        variables = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER"}
        variables |= {"PASSWORD": "PGPASSWORD", "NAME": "PGDATABASE"}
        return child_environment(
            {
                name: str(self.settings[key])
                for key, name in variables.items()
                if self.settings.get(key)
            }
        )

    def _run(self, command: list[str]) -> None:
        try:
            result = subprocess.run(command, env=self._env(), capture_output=True, text=True)
        except FileNotFoundError:
            raise BackupError(
                f"{command[0]} is not installed (Debian: postgresql-client)"
            ) from None
        if result.returncode != 0:
            lines = result.stderr.strip().splitlines() or [f"exit code {result.returncode}"]
            raise BackupError(f"{command[0]} failed: {lines[0]}")

    def dump(self, target: Path) -> None:
        # pg_dump reads one snapshot (a repeatable-read transaction): a consistent copy.
        self._run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(target)]
        )

    def is_empty(self) -> bool:
        import psycopg

        keys = ("HOST", "PORT", "USER", "PASSWORD")
        params = {key.lower(): self.settings[key] for key in keys if self.settings.get(key)}
        with psycopg.connect(dbname=self.settings["NAME"], **params) as connection:
            count = connection.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()[0]
        return count == 0

    def restore(self, source: Path, force: bool) -> None:
        command = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction"]
        if force:
            command += ["--clean", "--if-exists"]
        self._run([*command, "--dbname", self.settings["NAME"], str(source)])


DATABASES = {"sqlite": SqliteDatabase, "postgresql": PostgresDatabase}
# Python's own guard against hostile archives where it has one (3.11.4+), besides ours.
EXTRACT_SAFELY = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}


def database_for(settings: dict):
    vendor = "sqlite" if "sqlite" in settings["ENGINE"] else "postgresql"
    return DATABASES[vendor](settings)


def create_backup(archive: Path, database_settings: dict, media_root: Path) -> Manifest:
    """Write the database and `media_root` to the gzipped tar `archive`."""
    check_archive_path(archive)
    database = database_for(database_settings)
    manifest = Manifest(
        engine=database.engine,
        database=database.archive_name,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    partial = archive.with_name(archive.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="nashra-backup-") as scratch:
        dumped = Path(scratch) / database.archive_name
        database.dump(dumped)  # first: media copied after holds every file it names
        manifest_file = Path(scratch) / MANIFEST
        manifest_file.write_text(manifest.to_json(), encoding="utf-8")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest_file, arcname=MANIFEST)
            tar.add(dumped, arcname=database.archive_name)
            if media_root.is_dir():
                tar.add(media_root, arcname=MEDIA)
    partial.replace(archive)  # never a half-written archive under the name asked for
    return manifest


def restore_backup(
    archive: Path, database_settings: dict, media_root: Path, *, force: bool = False
) -> Manifest:
    """Restore `archive` into the database and `media_root`."""
    database = database_for(database_settings)
    with _open_archive(archive) as tar:
        manifest = _read_manifest(tar, archive)
        if manifest.engine != database.engine:
            raise BackupError(
                f"{archive} holds a {manifest.engine} database; this site runs on {database.engine}"
            )
        if not force and not database.is_empty():
            raise BackupError("the database is not empty; restore over it with --force")
        with tempfile.TemporaryDirectory(prefix="nashra-restore-") as scratch:
            try:
                member = tar.getmember(manifest.database)
                if not member.isfile():
                    raise BackupError(f"{archive}: {manifest.database} is not a plain file")
                tar.extract(member, scratch, **EXTRACT_SAFELY)
            except (KeyError, tarfile.TarError, OSError) as error:
                raise BackupError(
                    f"{archive} holds no readable {manifest.database}: {error}"
                ) from None
            database.restore(Path(scratch) / manifest.database, force)
        _restore_media(tar, archive, media_root)
    return manifest


def _restore_media(tar: tarfile.TarFile, archive: Path, media_root: Path) -> None:
    """Extract `media/` into `media_root`: plain files and folders inside it, nothing else."""
    media = []
    for member in tar.getmembers():
        if not (member.name == MEDIA or member.name.startswith(MEDIA + "/")):
            continue
        relative = member.name[len(MEDIA) :].lstrip("/") or "."
        parts = Path(relative).parts
        if not (member.isfile() or member.isdir()) or Path(relative).is_absolute() or ".." in parts:
            raise BackupError(f"{archive} has an unsafe media entry: {member.name}")
        member.name = relative
        member.mode = 0o755 if member.isdir() else 0o644
        media.append(member)
    media_root.mkdir(parents=True, exist_ok=True)
    try:
        tar.extractall(media_root, members=media, **EXTRACT_SAFELY)
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"cannot restore media into {media_root}: {error}") from None


def check_archive_path(archive: Path) -> None:
    """Refuse a path no archive can be written to, before any work is done."""
    if archive.is_dir():
        raise BackupError(f"{archive} is a directory; give the archive's file name")
    if not archive.parent.is_dir():
        raise BackupError(f"{archive.parent} does not exist")
    if not os.access(archive.parent, os.W_OK):
        raise BackupError(f"cannot write to {archive.parent}")


def _open_archive(archive: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(archive, "r:gz")
    except FileNotFoundError:
        raise BackupError(f"{archive} does not exist") from None
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{archive} is not a Nashra backup (a .tar.gz): {error}") from None


def _read_manifest(tar: tarfile.TarFile, archive: Path) -> Manifest:
    try:
        member = tar.extractfile(MANIFEST)
        data = json.loads(member.read()) if member else None
        manifest = Manifest(**data)
    except (KeyError, TypeError, ValueError, tarfile.TarError, OSError, EOFError):
        raise BackupError(f"{archive} has no readable {MANIFEST}: not a Nashra backup") from None
    if manifest.format != FORMAT or manifest.engine not in DATABASES:
        raise BackupError(f"{archive} is a backup format this Nashra cannot read")
    if manifest.database not in {cls.archive_name for cls in DATABASES.values()}:
        raise BackupError(f"{archive} names an unexpected database file")
    return manifest


def _check_sqlite(connection: sqlite3.Connection) -> None:
    try:
        (result,) = connection.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"the archived database is not a readable SQLite file: {error}") from None
    if result != "ok":
        raise BackupError(f"the archived database fails SQLite's integrity check: {result}")
