"""A throwaway PostgreSQL cluster: initdb and pg_ctl on a socket in a temp folder.

The tests start one (tests/postgres_cluster.py imports this), and so does the team load
test (team_load.py). Nothing listens on the network and nothing outlives the run. The
server's programs come from the distribution's packages (`.ci/run` installs them); when
this process is root the cluster is run as the `postgres` user, as initdb refuses root.
Every test gets its own database, copied from a template that already holds the schema,
so a test starts clean in a few milliseconds of copying rather than the seconds of
migrating.

The tests' cluster skips flushing to disk (fsync, synchronous_commit and full-page writes
off): nothing in it need survive a power cut. A durable one keeps PostgreSQL's defaults, so
that a commit waits for the disk as SQLite's synchronous=FULL does: the team load test
compares the two engines on it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path

PORT = 5432
_DATABASES = count(1)


def server_bin() -> Path:
    """The folder of initdb and pg_ctl: on PATH, else the newest Debian/Ubuntu package's."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not versions:
        raise RuntimeError(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed:"
            " apt-get install postgresql (.ci/run does)"
        )
    return Path(versions[0]).parent


def _as_server_user(command: Sequence[str]) -> list[str]:
    if os.name == "posix" and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return list(command)


class Cluster:
    """A running cluster: its socket folder, and databases made on it."""

    def __init__(self, folder: Path, *, durable: bool = False) -> None:
        self.folder = folder
        self.durable = durable
        self.data = folder / "data"
        self.user = "postgres" if os.name == "posix" and os.geteuid() == 0 else _login()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@/{database}?host={self.folder}&port={PORT}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, template: str | None = None) -> str:
        """A fresh, empty database (or a copy of `template`); returns its URL."""
        name = f"board_{os.getpid()}_{next(_DATABASES)}"
        copied = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{copied}")
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            _as_server_user(
                [str(server_bin() / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]
            ),
            check=False,
            capture_output=True,
        )

    def start(self) -> None:
        options = f"-k {self.folder} -c listen_addresses='' -p {PORT}"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            _as_server_user(
                [
                    str(server_bin() / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.folder / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )


def _login() -> str:
    import getpass

    return getpass.getuser()


@contextmanager
def throwaway_cluster(*, durable: bool = False) -> Iterator[Cluster]:
    """initdb, start, yield, stop, delete: a few seconds, on a socket only this run knows."""
    folder = Path(tempfile.mkdtemp(prefix="board-pg-"))
    try:
        if os.name == "posix" and os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        cluster = Cluster(folder, durable=durable)
        subprocess.run(
            _as_server_user(
                [
                    str(server_bin() / "initdb"),
                    "-D",
                    str(cluster.data),
                    "-U",
                    cluster.user,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
        )
        cluster.start()
        try:
            yield cluster
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
