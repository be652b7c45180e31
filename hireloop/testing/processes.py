"""Real worker and server processes that share the test's database (see SharedDatabase)."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from .server import ROOT


class SharedDatabase:
    """The test database as a worker process reaches it, and what the worker wrote there.

    PostgreSQL's test database is reachable as it is; SQLite's lives in this process's memory,
    so it is copied to a file for the worker and copied back once the worker is done (the
    SQLite backup API, whole pages, schema included).
    """

    def __init__(self, folder: Path) -> None:
        self.sqlite = connection.vendor == "sqlite"
        self.file = folder / "worker.sqlite3"

    def url(self) -> str:
        if self.sqlite:
            return f"sqlite:///{self.file}"
        params = connection.settings_dict
        user = quote(params["USER"] or "", safe="")
        password = f":{quote(params['PASSWORD'], safe='')}" if params["PASSWORD"] else ""
        host = f"{params['HOST'] or 'localhost'}:{params['PORT'] or 5432}"
        return f"postgres://{user}{password}@{host}/{quote(params['NAME'], safe='')}"

    def hand_over(self) -> None:
        """Before the worker starts: everything committed so far, where it can read it."""
        if self.sqlite:
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(self.file)) as target:
                connection.connection.backup(target)

    def take_back(self) -> None:
        """Once the worker is dead: what it wrote, back in the test's own database."""
        if self.sqlite:
            with contextlib.closing(sqlite3.connect(self.file)) as source:
                source.backup(connection.connection)


def worker_env(database_url: str) -> dict[str, str]:
    """The test's own settings for the worker: the same database, files, keys and model."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hireloop.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "HIRELOOP_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "HIRELOOP_SECRET_KEY": settings.SECRET_KEY,
        "HIRELOOP_FIELD_KEYS": settings.FIELD_ENCRYPTION_KEYS,
        "HIRELOOP_AUDIT_KEY": bytes(settings.AUDIT_MAC_KEY).hex(),
        "HIRELOOP_AUDIT_CHECKPOINT_FILE": str(settings.AUDIT_CHECKPOINT_FILE),
        "HIRELOOP_MODEL_CACHE": str(settings.HIRELOOP_MODEL_CACHE),
        "HIRELOOP_STT_ENGINE": settings.HIRELOOP_STT_ENGINE,
        "HIRELOOP_STT_MODEL_DIR": settings.HIRELOOP_STT_MODEL_DIR,
        "HIRELOOP_STT_THREADS": str(settings.HIRELOOP_STT_THREADS),
        "HIRELOOP_LOG_LEVEL": "WARNING",
    }


@contextlib.contextmanager
def db_worker(env: dict[str, str], log: IO[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """`manage.py db_worker` in its own process group, killed with its group on the way out."""
    command = [sys.executable, "manage.py", "db_worker", "--queue-name", "*"]
    command += ["--no-reload", "--no-startup-delay", "--interval", "0.1", "-v", "0"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
