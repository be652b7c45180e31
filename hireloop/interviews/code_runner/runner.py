"""Run a candidate's code against hidden tests in a throw-away sandbox (docs/code-sandbox.md).

The server process never runs candidate code. For each run it writes the code, a harness
and the tests' arguments into a fresh temporary folder and starts

    unshare (namespaces) -> jail.py (process 1: mounts, limits, privileges) -> interpreter

in a new session, reading stdout, stderr and the harness's result pipe with a size cap and a
wall-clock deadline; on either it kills the whole process group, and with jail.py (process 1
of the run's PID namespace) goes every process the candidate started. The folder is removed
afterwards, whatever happened.
"""

import json
import marshal
import math
import os
import platform
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import SandboxUnavailable
from .languages import Runtime, library_binds, runtime_for
from .outcome import RawRun, build_result
from .result import RunResult
from .seccomp import filter_program
from .spec import Limits, Problem, limits_from_settings

JAIL = Path(__file__).resolve().parent / "jail.py"
UNSHARE = ("/usr/bin/unshare", "/bin/unshare")
# Each run gets a uid of its own, unused by any real account (Debian hands out uids below
# 60000 and 65534 is nobody): RLIMIT_NPROC counts processes per uid, so a shared uid would
# let concurrent runs use up each other's process budget.
SANDBOX_UID_BASE = 200_000
SANDBOX_UID_SPAN = 60_000
# The result channel carries one line per test of at most the harness's 64 KB value cap.
RESULT_LINE_BYTES = 64 * 1024 + 512
# After the pipes close, the processes are already exiting; if not, they are killed.
REAP_GRACE_SECONDS = 2.0
# jail.py ends the run by itself this long after the deadline, should the server die first.
BACKSTOP_EXTRA_SECONDS = 5

_uids_in_use: set[int] = set()
_uids_lock = threading.Lock()


def run_submission(
    *, language: str, code: str, problem: Problem, limits: Limits | None = None
) -> RunResult:
    """Run ``code`` against ``problem``'s hidden tests and report what happened.

    Whatever the code does (loop, allocate, fork, print, exit, crash) comes back as a
    RunResult whose ``error`` says so. Raises UnsupportedLanguage for other languages and
    SandboxUnavailable when the sandbox itself cannot run here.
    """
    runtime = runtime_for(language)
    limits = limits or limits_from_settings()
    # The problem's limit plus the interpreter's start, never more than the hard cap.
    budget = min(limits.wall_seconds, problem.time_limit + runtime.startup_seconds)
    marker = secrets.token_hex(16)
    with _sandbox_uid() as uid, tempfile.TemporaryDirectory(prefix="hireloop-code-") as folder:
        _write_inputs(Path(folder), runtime=runtime, code=code, problem=problem)
        raw = _execute(
            folder=Path(folder),
            runtime=runtime,
            limits=limits,
            uid=uid,
            budget=budget,
            marker=marker,
            result_cap=(len(problem.tests) + 4) * RESULT_LINE_BYTES,
        )
    return build_result(raw, marker=marker, problem=problem, language=runtime.name, limits=limits)


def _write_inputs(folder: Path, *, runtime: Runtime, code: str, problem: Problem) -> None:
    """The read-only /code of the sandbox: the candidate's file, the harness, the arguments."""
    code_dir = folder / "code"
    code_dir.mkdir()
    (folder / "root").mkdir()  # where jail.py mounts the sandbox's root
    (code_dir / runtime.solution_file).write_text(code, encoding="utf-8", errors="replace")
    shutil.copyfile(runtime.harness, code_dir / runtime.harness.name)
    arguments = {"function": problem.function_name, "args": [t.args for t in problem.tests]}
    (code_dir / "cases.json").write_text(json.dumps(arguments), encoding="utf-8")
    # The sandbox's uid is not the owner: it reads these as "other". The temporary folder
    # itself stays 0700, so other local users cannot read the hidden tests' arguments.
    code_dir.chmod(0o755)
    for path in code_dir.iterdir():
        path.chmod(0o644)


def _execute(
    *,
    folder: Path,
    runtime: Runtime,
    limits: Limits,
    uid: int | None,
    budget: float,
    marker: str,
    result_cap: int,
) -> RawRun:
    read_end, write_end = os.pipe()
    try:
        config = _jail_config(
            folder=folder,
            runtime=runtime,
            limits=limits,
            uid=uid,
            budget=budget,
            result_fd=write_end,
        )
        started = time.monotonic()
        process = _start(config, folder=folder, result_fd=write_end)
    except BaseException:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)  # the sandbox holds the only copy now
    try:
        assert process.stdin is not None
        with suppress(BrokenPipeError):  # it died at once; its status says why
            process.stdin.write(marker.encode() + b"\n")
            process.stdin.close()
        streams = _collect(
            process,
            read_end,
            deadline=started + budget,
            output_cap=limits.output_kb * 1024,
            result_cap=result_cap,
        )
        status = _reap(process, kill=streams.must_kill)
    finally:
        if process.returncode is None:  # an error of ours: the sandbox must not outlive it
            _kill_sandbox(process)
            process.wait()
        os.close(read_end)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
    return RawRun(
        stdout=bytes(streams.stdout),
        stderr=bytes(streams.stderr),
        results=bytes(streams.results),
        status=status,
        cpu_limit=config["rlimits"]["RLIMIT_CPU"][0],
        timed_out=streams.timed_out,
        output_exceeded=streams.output_exceeded,
        wall_seconds=time.monotonic() - started,
    )


def _start(config: dict, *, folder: Path, result_fd: int) -> subprocess.Popen[bytes]:
    # Outside /code, so the candidate never sees it (jail.py reads it before pivot_root).
    config_file = folder / "jail.config"
    config_file.write_bytes(marshal.dumps(config))
    try:
        return subprocess.Popen(
            [*_namespaces(), sys.executable, "-I", "-S", "-B", str(JAIL), str(config_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(result_fd,),
            close_fds=True,  # no other descriptor of the server reaches the sandbox
            env={},  # no secret in the environment: jail.py sets the candidate's own
            cwd=folder,
            start_new_session=True,  # its own process group, killed as a whole
        )
    except OSError as error:
        raise SandboxUnavailable(f"The code sandbox could not be started: {error}") from error


class _Streams:
    def __init__(self) -> None:
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.results = bytearray()
        self.timed_out = False
        self.output_exceeded = False

    @property
    def must_kill(self) -> bool:
        return self.timed_out or self.output_exceeded


def _collect(
    process: subprocess.Popen[bytes],
    read_end: int,
    *,
    deadline: float,
    output_cap: int,
    result_cap: int,
) -> _Streams:
    """Read the three pipes until they close, the deadline passes or a cap is reached."""
    assert process.stdout is not None and process.stderr is not None
    streams = _Streams()
    buffers = {
        process.stdout.fileno(): streams.stdout,
        process.stderr.fileno(): streams.stderr,
        read_end: streams.results,
    }
    with selectors.DefaultSelector() as selector:
        for fd in buffers:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                streams.timed_out = True
                break
            for key, _ in selector.select(timeout=remaining):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                buffers[key.fd] += chunk
            printed = len(streams.stdout) + len(streams.stderr)
            if printed > output_cap or len(streams.results) > result_cap:
                # Reading more would only cost memory: what was read is kept, the rest is
                # never read and the run is stopped.
                streams.output_exceeded = True
                del streams.stdout[output_cap:], streams.stderr[output_cap:]
                break
    return streams


def _reap(process: subprocess.Popen[bytes], *, kill: bool) -> int:
    """Wait for the sandbox to end (killing it if asked or if it lingers); its exit status."""
    if kill:
        _kill_sandbox(process)
    give_up = time.monotonic() + REAP_GRACE_SECONDS
    while (status := process.poll()) is None:
        if time.monotonic() > give_up:
            _kill_group(process.pid)
            status = process.wait()
            break
        time.sleep(0.005)
    # unshare dies by the signal that killed jail.py; jail.py reports the candidate's status.
    return 128 + -status if status < 0 else status


def _kill_sandbox(process: subprocess.Popen[bytes]) -> None:
    """Kill jail.py, process 1 of the run's PID namespace, and let unshare report it.

    The kernel then kills every other process in the namespace, including any that left
    the process group with setsid(), and jail.py's exit completes only once they are all
    gone; unshare, which waits for jail.py, exits after that. Killing unshare first would
    return before the namespace is empty, so it is killed only when jail.py is not found.
    """
    killed = False
    for pid in _children(process.pid):
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            # The pidfd pins the process; checking its parent after opening it rules out a
            # reused pid, so we never signal anything but unshare's own child.
            if _parent_of(pid) == process.pid:
                signal.pidfd_send_signal(handle, signal.SIGKILL)
                killed = True
        except ProcessLookupError:
            pass
        finally:
            os.close(handle)
    if not killed:
        _kill_group(process.pid)


def _children(pid: int) -> list[int]:
    try:
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:  # a kernel without CONFIG_PROC_CHILDREN: look at every process's parent
        return [
            int(p.name)
            for p in Path("/proc").iterdir()
            if p.name.isdigit() and _parent_of(int(p.name)) == pid
        ]


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # "pid (command) state ppid ...": the command may itself contain spaces and parentheses.
    return int(stat.rsplit(")", 1)[1].split()[1])


def _kill_group(pid: int) -> None:
    # The group holds unshare and jail.py; the group id stays ours until we reap unshare.
    with suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _namespaces() -> list[str]:
    unshare = next((path for path in UNSHARE if os.access(path, os.X_OK)), None)
    if unshare is None:
        raise SandboxUnavailable("util-linux 'unshare' is not installed; code cannot run safely.")
    # net: an empty network namespace, no interface is up; mount: our mounts are private;
    # pid: process 1 is jail.py and its end ends all; ipc, uts: no shared memory or
    # host name with the host. --kill-child: if unshare dies, jail.py gets SIGKILL too.
    command = [unshare, "--net", "--mount", "--pid", "--ipc", "--uts", "--fork", "--kill-child"]
    if os.geteuid() != 0:
        # Without root the namespaces need a user namespace of their own, in which we are
        # root (mapped to our own uid) only to set up the mounts; jail.py then removes every
        # capability. This needs unprivileged user namespaces (see docs/code-sandbox.md).
        command[1:1] = ["--user", "--map-root-user"]
    return command


def _jail_config(
    *,
    folder: Path,
    runtime: Runtime,
    limits: Limits,
    uid: int | None,
    budget: float,
    result_fd: int,
) -> dict:
    libraries, links = library_binds()
    seccomp = filter_program()
    if seccomp is None:
        raise SandboxUnavailable(
            f"No system call table for {platform.machine()}: the sandbox runs on x86-64 and "
            "ARM64 only."
        )
    cpu = max(1, math.ceil(min(limits.cpu_seconds, budget)))
    # Rootless, unshare and jail.py count against the same uid's process limit.
    processes = limits.processes + (0 if uid is not None else 2)
    file_bytes = limits.files_kb * 1024
    return {
        "root": str(folder / "root"),
        "code": str(folder / "code"),
        "binds": [*libraries, *runtime.binds],
        "links": links,
        "uid": uid,
        "work_kb": limits.files_kb,
        "backstop_seconds": math.ceil(budget) + BACKSTOP_EXTRA_SECONDS,
        "result_fd": result_fd,
        "rlimits": {
            # SIGXCPU at the soft limit (the runtime is killed), SIGKILL a second later.
            "RLIMIT_CPU": [cpu, cpu + 1],
            "RLIMIT_AS": [runtime.address_space_bytes(limits.memory_mb)] * 2,
            "RLIMIT_NPROC": [processes] * 2,
            "RLIMIT_FSIZE": [file_bytes] * 2,
            # Enough for an interpreter (Node opens about 20); no descriptor exhaustion games.
            "RLIMIT_NOFILE": [64, 64],
            # 1, not 0: a limit of 1 byte also stops core dumps piped to a host helper
            # (kernel/coredump.c), which a limit of 0 does not.
            "RLIMIT_CORE": [1, 1],
            "RLIMIT_MSGQUEUE": [0, 0],
            "RLIMIT_MEMLOCK": [0, 0],
        },
        "seccomp": seccomp,
        "argv": runtime.command(limits.memory_mb),
        "env": runtime.env,
    }


@contextmanager
def _sandbox_uid() -> Iterator[int | None]:
    """A uid no other run in this process is using; None when we are not root (rootless)."""
    if os.geteuid() != 0:
        yield None
        return
    with _uids_lock:
        uid = SANDBOX_UID_BASE + secrets.randbelow(SANDBOX_UID_SPAN)
        while uid in _uids_in_use:
            uid = SANDBOX_UID_BASE + secrets.randbelow(SANDBOX_UID_SPAN)
        _uids_in_use.add(uid)
    try:
        yield uid
    finally:
        with _uids_lock:
            _uids_in_use.discard(uid)
