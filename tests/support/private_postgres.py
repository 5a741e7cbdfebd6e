"""A PostgreSQL cluster of a test's own, on a free port, that the test may stop and start.

The machine's PostgreSQL is shared and never stopped; this one lives in a temporary
directory and is removed after the test. PostgreSQL refuses to run as root, so as root
the binaries run as the `postgres` user (`runuser`), which owns the directory.

    cluster = PrivatePostgres.create()     # initdb + start
    cluster.url("nashra")                  # postgresql://postgres@127.0.0.1:PORT/nashra
    cluster.stop(); cluster.start(); cluster.remove()
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.support.serve import free_port

BIN = Path(os.environ.get("NASHRA_PG_BIN", "/usr/lib/postgresql/15/bin"))


def as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@dataclass
class PrivatePostgres:
    directory: Path
    port: int

    @classmethod
    def create(cls) -> PrivatePostgres:
        directory = Path(tempfile.mkdtemp(prefix="nashra-private-pg-"))
        directory.chmod(0o755)
        cluster = cls(directory, free_port())
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(directory, owner.pw_uid, owner.pw_gid)
        cluster.run(
            BIN / "initdb",
            "-D",
            str(cluster.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        cluster.start()
        return cluster

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def run(self, *command) -> None:
        result = subprocess.run(
            as_postgres([str(part) for part in command]),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise AssertionError(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} "
            "-c fsync=off -c full_page_writes=off"
        )
        self.run(
            BIN / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.directory / "log",
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        self.run(BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                as_postgres([str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.directory, ignore_errors=True)
