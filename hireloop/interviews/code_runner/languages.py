"""The languages the sandbox runs: interpreter, command line, memory needs and host paths.

Each runtime names the host paths it needs; jail.py binds exactly those, read-only, into an
otherwise empty root. Nothing else of the host exists inside the sandbox: no /etc, /home,
/proc, /tmp, /var or project files, and /root only as the path to a pyenv interpreter.
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import SandboxUnavailable, UnsupportedLanguage

HERE = Path(__file__).resolve().parent
NODE = "/usr/bin/node"
# The shared libraries every dynamically linked interpreter loads (libc, libm, libstdc++, the
# dynamic loader); /lib and /lib64 are symlinks into /usr on merged-/usr systems (Debian 12).
LIBRARY_DIRS = ("/usr/lib", "/usr/lib64", "/lib", "/lib64")
# Inside the sandbox: /code holds the candidate's file and the harness (read-only), /sandbox
# is the only writable place (a small tmpfs) and the working directory.
SANDBOX_ENV = {
    "PATH": "/usr/bin:/bin",
    "HOME": "/sandbox",
    "TMPDIR": "/sandbox",
    "LANG": "C.UTF-8",
}


@dataclass(frozen=True)
class Runtime:
    name: str
    solution_file: str  # the candidate's code, in /code
    harness: Path  # copied to /code next to it
    interpreter: str
    arguments: tuple[str, ...]  # between the interpreter and the harness
    binds: tuple[str, ...]  # host paths the interpreter itself needs
    env: dict[str, str]
    # Address space beyond the memory limit: V8 reserves large ranges it never touches.
    reserved_address_space_mb: int
    # Time allowed for the interpreter to start, on top of the problem's time limit.
    startup_seconds: float
    heap_flag: str = ""  # how to cap the runtime's own heap at the memory limit

    def command(self, memory_mb: int) -> list[str]:
        heap = [self.heap_flag.format(mb=memory_mb)] if self.heap_flag else []
        return [self.interpreter, *heap, *self.arguments, f"/code/{self.harness.name}"]

    def address_space_bytes(self, memory_mb: int) -> int:
        return (memory_mb + self.reserved_address_space_mb) * 1024 * 1024


def runtime_for(language: str) -> Runtime:
    """The runtime for "python" or "javascript" (also "js"); raises UnsupportedLanguage."""
    name = {"js": "javascript", "node": "javascript", "py": "python"}.get(language, language)
    if name == "python":
        return _python()
    if name == "javascript":
        return _javascript()
    raise UnsupportedLanguage(f"Code in {language!r} cannot be run; use Python or JavaScript.")


def _python() -> Runtime:
    # The project's own interpreter, not the virtual environment: -I (isolated: no PYTHON*
    # variables, no user site, script folder not on sys.path), -S (no site-packages, so none
    # of the server's libraries), -B (no .pyc writes).
    interpreter = os.path.realpath(sys.executable)
    prefix = os.path.realpath(sys.base_prefix)
    # A system Python's standard library is in /usr/lib already; a pyenv or /opt build
    # brings its own prefix (bin/, lib/python3.x, libpython).
    needs = (interpreter,) if prefix == "/usr" else (prefix,)
    return Runtime(
        name="python",
        solution_file="solution.py",
        harness=HERE / "harness.py",
        interpreter=interpreter,
        arguments=("-I", "-S", "-B"),
        binds=needs,
        env=SANDBOX_ENV,
        reserved_address_space_mb=0,
        startup_seconds=1.0,
    )


def _javascript() -> Runtime:
    interpreter = os.path.realpath(NODE)
    if not os.access(interpreter, os.X_OK):
        raise SandboxUnavailable(f"Node.js is not installed at {NODE}; JavaScript cannot run.")
    return Runtime(
        name="javascript",
        solution_file="solution.js",
        harness=HERE / "harness.js",
        interpreter=interpreter,
        # One V8 worker thread instead of one per core: threads count against the process
        # limit, and the hidden tests are small.
        arguments=("--v8-pool-size=1",),
        binds=(interpreter,),
        env={**SANDBOX_ENV, "UV_THREADPOOL_SIZE": "1"},
        # Measured: node 20 does not start with less than ~700 MB of address space even for
        # a 128 MB heap; the heap flag, not RLIMIT_AS, is what bounds its real memory use.
        reserved_address_space_mb=1024,
        startup_seconds=1.5,
        heap_flag="--max-old-space-size={mb}",
    )


def library_binds() -> tuple[list[str], dict[str, str]]:
    """Library folders to bind, and those that are symlinks (recreated as symlinks)."""
    binds, links = [], {}
    for path in LIBRARY_DIRS:
        if os.path.islink(path):
            links[path] = os.readlink(path)
        elif os.path.isdir(path):
            binds.append(path)
    return binds, links
