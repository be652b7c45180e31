"""The real web server in its own process, on its own database, for tests that kill it."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_env(folder: Path, **extra: str) -> dict[str, str]:
    """Environment of a server on a fresh SQLite file in ``folder`` (no secrets inherited)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hireloop.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
        "HIRELOOP_MEDIA_ROOT": str(folder / "media"),
        "HIRELOOP_SECRET_KEY": "test-server-" + folder.name,
        "HIRELOOP_FIELD_KEYS": "k1:" + "ab" * 32,
        "HIRELOOP_AUDIT_KEY": "cd" * 32,
        "HIRELOOP_AUDIT_CHECKPOINT_FILE": str(folder / "audit-checkpoints.log"),
        "HIRELOOP_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HIRELOOP_LOG_LEVEL": "WARNING",
        **extra,
    }


def prepare(env: dict[str, str], candidates: int, language: str = "en") -> list[str]:
    """Migrate the server's database and invite candidates; their room paths."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [sys.executable, "-m", "hireloop.testing.room_fixture", str(candidates), language],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return [line for line in done.stdout.splitlines() if line.startswith("/i/")]


class Server:
    """`manage.py runserver` as `make run` starts it; kill() is a power cut, not a shutdown."""

    def __init__(self, env: dict[str, str], port: int | None = None) -> None:
        self.env = env
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> "Server":
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/login/", timeout=2)
                return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start within 60 s")

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
