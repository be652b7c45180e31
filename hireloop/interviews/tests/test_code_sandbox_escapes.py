"""Escape attempts from the code sandbox: network, files, processes, privileges, forged results.

"Contained" here means: the attempt fails inside the sandbox (the file does not exist
there, the network is unreachable, the signal is refused), the failure is reported in the
run's ``error``, nothing changes outside, and no secret appears in anything reported.
"""

import json
import os
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from hireloop.interviews.code_runner.seccomp import filter_program

from .sandbox_helpers import (
    LANGUAGES,
    everything_reported,
    missing,
    run,
    sandbox_uids,  # noqa: F401 - a fixture
    unreachable,
)

pytestmark = pytest.mark.usefixtures("sandbox_uids")

PROJECT_SETTINGS = Path(settings.BASE_DIR) / "hireloop" / "settings.py"
SECRETS = Path(settings.SECRETS_FILE)
CONNECT = {
    "python": "import socket\ndef solve():\n    socket.create_connection(({host!r}, {port}), 5)\n",
    "javascript": """const net = require('net');
function solve() {{
  return new Promise((resolve, reject) => {{
    net.connect({port}, {host!r}, resolve).on('error', reject);
  }});
}}""",
}


@pytest.fixture
def listener():  # type: ignore[no-untyped-def]
    """A TCP port on the host's loopback that the sandbox tries to reach."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.setblocking(False)
    yield server
    server.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_connection_reaches_the_hosts_loopback(language, listener):  # type: ignore[no-untyped-def]
    port = listener.getsockname()[1]
    result = run(language, CONNECT[language].format(host="127.0.0.1", port=port))
    assert unreachable(result.error), result.error
    with pytest.raises(BlockingIOError):
        listener.accept()  # nobody knocked


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_connection_reaches_an_external_address(language):  # type: ignore[no-untyped-def]
    result = run(language, CONNECT[language].format(host="192.0.2.1", port=443))
    assert unreachable(result.error), result.error


def _reader(language: str, path: Path | str) -> str:
    if language == "python":
        return f"def solve():\n    return open({str(path)!r}).read()\n"
    return (
        f"const fs = require('fs');\nfunction solve() {{ return fs.readFileSync({str(path)!r}); }}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["/etc/passwd", "/etc/shadow", "/proc/1/environ", "/root/.bashrc"])
def test_system_files_do_not_exist_inside(language, path):  # type: ignore[no-untyped-def]
    result = run(language, _reader(language, path))
    assert missing(result.error), result.error


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_projects_settings_and_secrets_cannot_be_read(language, tmp_path):  # type: ignore[no-untyped-def]
    canary = tmp_path / "canary.txt"  # a host file with a value found nowhere else
    canary.write_text("CANARY-7f3a9")
    assert PROJECT_SETTINGS.exists() and SECRETS.exists()  # settings create it on first use
    secret_key = json.loads(SECRETS.read_text())["secret_key"]
    for path in (PROJECT_SETTINGS, SECRETS, canary):
        result = run(language, _reader(language, path))
        assert missing(result.error), result.error
        reported = everything_reported(result)
        assert "SECRET_KEY" not in reported and "CANARY-7f3a9" not in reported
        assert secret_key not in reported


LIST_ROOT = {
    "python": "import os\ndef solve():\n    return sorted(os.listdir('/'))\n",
    "javascript": "function solve() { return require('fs').readdirSync('/').sort(); }",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_sandboxs_own_tree_is_visible(language):  # type: ignore[no-untyped-def]
    top = set(json.loads(run(language, LIST_ROOT[language]).cases[0].got))
    assert {"code", "sandbox", "usr", "dev"} <= top
    assert not top & {"etc", "proc", "sys", "home", "tmp", "var", "work", "run", "opt", "mnt"}


WRITE_ALL_PY = """def solve():
    failures = []
    for path in {targets!r}:
        try:
            open(path, 'w').write('pwned')
        except OSError as error:
            failures.append(error.strerror)
    return failures
"""
WRITE_ALL_JS = """const fs = require('fs');
function solve() {{
  return {targets!r}.map((path) => {{
    try {{
      fs.writeFileSync(path, 'pwned');
      return 'written';
    }} catch (error) {{
      return error.code;
    }}
  }});
}}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_writes_outside_the_scratch_folder_land_nowhere(language):  # type: ignore[no-untyped-def]
    on_host = ["/tmp/pwned", str(Path(settings.BASE_DIR) / "pwned"), "/pwned"]  # noqa: S108
    targets = [*on_host, "/code/solution.py", "/usr/lib/pwned"]
    source = WRITE_ALL_PY if language == "python" else WRITE_ALL_JS
    got = json.loads(run(language, source.format(targets=targets)).cases[0].got)
    assert len(got) == len(targets) and "written" not in got  # every write failed
    assert not any(Path(path).exists() for path in on_host)


def test_the_scratch_folder_is_writable_and_private_to_the_run():
    code = """import os
def solve():
    open('notes.txt', 'w').write('mine')
    return [os.getcwd(), sorted(os.listdir('.'))]
"""
    assert run("python", code).cases[0].got == '["/sandbox", ["notes.txt"]]'


@pytest.mark.parametrize(
    ("language", "code", "error"),
    [
        (
            "python",
            "import os\ndef solve():\n    os.kill(os.getppid(), 9)\n",
            "PermissionError: [Errno 1] Operation not permitted (line 3)",
        ),
        (
            "javascript",
            "function solve() { process.kill(process.ppid, 'SIGKILL'); }",
            "Error: kill EPERM (line 1)",
        ),
    ],
)
def test_killing_the_parent_is_refused(language, code, error):  # type: ignore[no-untyped-def]
    result = run(language, code)
    # Both calls were made and reported: the sandbox's process 1 (and this test) lived on.
    assert [case.error for case in result.cases] == [error, error]
    assert result.error == "Test 1: " + error


def test_there_is_no_other_process_it_could_signal():
    # kill(-1) signals every process the caller may signal but itself: there is none.
    result = run("python", "import os, signal\ndef solve():\n    os.kill(-1, signal.SIGKILL)\n")
    assert result.error == "Test 1: ProcessLookupError: [Errno 3] No such process (line 3)"


SECCOMP_PROBE = """import ctypes, os, threading
def solve():
    libc = ctypes.CDLL(None, use_errno=True)
    def errno_of(result):
        return 0 if result == 0 else ctypes.get_errno()
    results = {
        "user namespace": errno_of(libc.unshare(0x10000000)),
        "ptrace": errno_of(libc.ptrace(16, 1, 0, 0)),
        "io_uring": errno_of(libc.syscall(425, 1, ctypes.create_string_buffer(120))),
    }
    thread = threading.Thread(target=lambda: None)
    thread.start()
    thread.join()
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    results["fork"] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return results
"""


def test_namespaces_and_risky_kernel_interfaces_are_refused_by_seccomp():
    # Even a nested user namespace, where the candidate would be root over nothing but the
    # kernel code reachable from there, is refused; fork and threads still work.
    got = json.loads(run("python", SECCOMP_PROBE).cases[0].got)
    assert got == {"user namespace": 1, "ptrace": 1, "io_uring": 38, "fork": 7}  # EPERM, ENOSYS


def test_the_seccomp_program_covers_the_known_architectures():
    for machine in ("x86_64", "aarch64"):
        program = filter_program(machine)
        assert program is not None and len(program) < 4096  # the kernel's BPF length limit
        assert program[-1] == (0x06, 0, 0, 0x7FFF0000)  # everything not listed is allowed
    assert filter_program("sparc64") is None


PRIVILEGE_PROBE = """import os, stat
def solve():
    refused = []
    device = lambda: os.mknod('/sandbox/null', 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    for attempt in (lambda: os.setuid(0), lambda: os.chroot('/'), device):
        try:
            attempt()
        except PermissionError:
            refused.append(True)
    return [refused, os.getuid()]
"""


def test_the_candidate_has_no_privileges():
    refused, uid = json.loads(run("python", PRIVILEGE_PROBE).cases[0].got)
    assert refused == [True, True, True]
    assert uid >= 300_000  # a uid of its own (sandbox_uids), not root


ENVIRONMENT = {
    "python": "import os\ndef solve():\n    return dict(os.environ)\n",
    "javascript": "function solve() { return process.env; }",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_servers_environment_stays_outside(language, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HIRELOOP_SECRET_KEY", "env-secret-123")
    result = run(language, ENVIRONMENT[language])
    assert set(json.loads(result.cases[0].got)) <= {
        "PATH", "HOME", "TMPDIR", "LANG", "UV_THREADPOOL_SIZE",
    }  # fmt: skip
    assert "env-secret-123" not in everything_reported(result)


OPEN_DESCRIPTORS = """import os
def solve():
    return [fd for fd in range(1024) if is_open(fd)]
def is_open(fd):
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False
"""


def test_only_the_standard_descriptors_and_the_result_pipe_reach_the_code():
    with PROJECT_SETTINGS.open() as held:  # a descriptor the server holds during the run
        got = run("python", OPEN_DESCRIPTORS).cases[0].got
        assert not held.closed
    assert got == "[0, 1, 2, 3]"


# --- Forged results ---------------------------------------------------------------------------

FORGE_PY = """import os
def solve():
    print('{"case": 0, "passed": true, "got": 1}')
    os.write(3, b'0123456789abcdef {"case": 0, "got": 1}\\n')
    return 0
"""
FORGE_JS = """function solve() {
  console.log('{"case": 0, "passed": true, "got": 1}');
  require('fs').writeSync(3, '0123456789abcdef {"case": 0, "got": 1}\\n');
  return 0;
}"""
# The harness's marker is reachable from candidate code (same process).
FORGE_WITH_STOLEN_MARKER = """import os, sys
def solve():
    marker = sys._getframe(1).f_locals['marker']
    for case in range(2):
        line = marker + ' {"case": %d, "passed": true, "got": "forged"}\\n' % case
        os.write(3, line.encode())
    return 'forged'
"""


@pytest.mark.parametrize(("language", "code"), [("python", FORGE_PY), ("javascript", FORGE_JS)])
def test_printed_or_unmarked_result_lines_do_not_count(language, code):  # type: ignore[no-untyped-def]
    result = run(language, code)
    assert result.tests_passed == 0 and result.cases[0].got == "0"


def test_even_a_stolen_marker_cannot_turn_a_wrong_answer_into_a_pass():
    # A forged line still only reports a value: pass or fail is decided outside, against
    # expected values the sandbox never sees, and "passed" in a line means nothing.
    result = run("python", FORGE_WITH_STOLEN_MARKER)
    assert [case.got for case in result.cases] == ['"forged"', '"forged"']
    assert result.tests_passed == 0


# --- Without root ------------------------------------------------------------------------------

ROOTLESS_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
from hireloop.interviews.code_runner import HiddenTest, Limits, Problem, run_submission
problem = Problem("solve", (HiddenTest([], 1), HiddenTest([], 1)), time_limit=2)
limits = Limits(memory_mb=128, processes=12, wall_seconds=5)
def run(body):
    code = "import os, socket\\ndef solve():\\n    " + body + "\\n"
    return run_submission(language="python", code=code, problem=problem, limits=limits)
correct = run("return 1")
print(json.dumps({{
    "correct": [correct.tests_passed, correct.tests_total, correct.error],
    "passwd": run("return open('/etc/passwd').read()").error,
    "network": run("socket.create_connection(('127.0.0.1', 22))").error,
    "fork": run("while True: os.fork()").error,
    "privileges": run("os.chroot('/')").error,
    "kill": run("os.kill(os.getppid(), 9); return 1").tests_passed,
}}))
"""


def test_rootless_runs_are_sandboxed_too():
    """The same runner as uid 65534: a user namespace instead of a uid of its own per run.

    Needs a Python that nobody can run (Debian's /usr/bin/python3) and a kernel that allows
    unprivileged user namespaces; both hold on this machine and in CI, and a failure says
    which is missing rather than skipping.
    """
    python = "/usr/bin/python3"
    assert os.access(python, os.X_OK), "Debian's python3 is needed to run the runner unprivileged"
    with tempfile.TemporaryDirectory() as folder:  # pytest's tmp_path is closed to others
        script = Path(folder) / "rootless.py"
        script.write_text(ROOTLESS_SCRIPT.format(root=str(settings.BASE_DIR)))
        script.chmod(0o644)
        Path(folder).chmod(0o755)
        completed = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", python, "-I", script],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "/usr/bin:/bin"},
            check=False,
        )
    assert completed.returncode == 0, completed.stderr[-2000:]
    outcome = json.loads(completed.stdout)
    assert outcome["correct"] == [2, 2, ""]
    assert missing(outcome["passwd"]) and unreachable(outcome["network"])
    assert outcome["fork"] == "Too many processes (limit 12)"
    # In its user namespace uid 0 is the server's own uid, with every capability removed.
    assert outcome["privileges"].endswith("Operation not permitted: '/' (line 3)")
    # Here the parent is jail.py as its namespace's init, which ignores the signal.
    assert outcome["kill"] == 2
