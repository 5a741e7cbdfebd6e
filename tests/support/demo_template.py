"""The demo newsroom, migrated and loaded once per session, copied for the browser tests' server.

`nashra setup` on an empty database (migrations and the demo load) took 134 s of the
browser tests' setup on this machine, and the test database already holds exactly that:
so the root conftest snapshots it right after the demo load (`save`), and `site_server`
starts from a copy (`restore`) and then runs `nashra setup` as before, which finds every
migration applied and the demo loaded and only collects static files and refreshes the
planner's statistics.

SQLite: the in-memory test database is written to a file with SQLite's backup API.
PostgreSQL: a template database is made from the test database (`CREATE DATABASE ...
TEMPLATE`), and the server's database from it. The uploaded images are copied too.

The one difference from a fresh `nashra setup --demo`: the demo editor's password is stored with
the test settings' MD5 hasher; the browser tests sign in as the personas they create.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class DemoTemplate:
    media: Path
    sqlite_file: Path | None = None  # SQLite
    postgres_name: str = ""  # PostgreSQL: the template database's name
    admin_url: str = ""  # PostgreSQL: a URL of the server's maintenance database

    def restore(self, var_dir: Path, database_url: str) -> None:
        """Fill the server's database (a SQLite file in var_dir, or the empty PostgreSQL
        database at `database_url`) and media directory with the demo newsroom."""
        shutil.copytree(self.media, var_dir / "media", dirs_exist_ok=True)
        if self.sqlite_file is not None:
            shutil.copyfile(self.sqlite_file, var_dir / "nashra.sqlite3")
            return
        import psycopg

        name = database_url.rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.postgres_name}"')

    def point_site_at(self, var_dir: Path, database_url: str, hostname: str, port: int) -> None:
        """The default Site names the server's host, as `nashra setup` would have made it."""
        sql = "UPDATE wagtailcore_site SET hostname = %s, port = %s WHERE is_default_site"
        if self.sqlite_file is not None:
            with sqlite3.connect(var_dir / "nashra.sqlite3") as connection:
                connection.execute(sql.replace("%s", "?"), (hostname, port))
            connection.close()
            return
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute(sql, (hostname, port))

    def drop(self) -> None:
        shutil.rmtree(self.media.parent, ignore_errors=True)
        if self.postgres_name:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.postgres_name}" WITH (FORCE)')


def save() -> DemoTemplate:
    """Snapshot the test database and media as they are now (call right after the demo load)."""
    from django.conf import settings
    from django.db import connection

    directory = Path(tempfile.mkdtemp(prefix="nashra-demo-template-"))
    media = directory / "media"
    if Path(settings.MEDIA_ROOT).exists():
        shutil.copytree(settings.MEDIA_ROOT, media)
    else:
        media.mkdir()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(directory / "nashra.sqlite3")
        connection.connection.backup(target)
        target.close()
        return DemoTemplate(media=media, sqlite_file=directory / "nashra.sqlite3")
    import psycopg

    params = connection.settings_dict
    source = params["NAME"]
    template = f"{source}_demo_template"
    admin_url = postgres_url(params, "postgres")
    connection.close()  # CREATE DATABASE ... TEMPLATE needs the source free of sessions
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{template}"')
        admin.execute(f'CREATE DATABASE "{template}" TEMPLATE "{source}"')
    return DemoTemplate(media=media, postgres_name=template, admin_url=admin_url)


def postgres_url(params: dict, name: str) -> str:
    user = params.get("USER") or ""
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    port = f":{params['PORT']}" if params.get("PORT") else ""
    return f"postgresql://{auth}{params.get('HOST') or ''}{port}/{name}"
