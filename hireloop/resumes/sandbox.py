"""Read untrusted resume files in a separate, resource-limited process.

PDF and Word parsers are large C and Python code bases fed with files from strangers: a
crafted file can make them loop, recurse or allocate gigabytes. The parsing therefore runs
in a child process (hireloop.resumes.sandbox_worker) with a memory cap, a CPU cap, no file
writes and no new processes, and the parent kills it after a wall-clock timeout. Whatever
goes wrong comes back as ResumeUnreadable with a reason an HR user can act on: a code and
its parameters (hireloop.resumes.reasons), which the child sends back as they are, so that
each reader sees the sentence in their own language.

extract_in_sandbox starts a fresh child for each file; hireloop.resumes.pool keeps a few
SandboxWorkers alive for reading many files (docs/resume-parsing.md, "Fast path").
"""

import contextlib
import json
import math
import os
import resource
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .extract import PDF_ENGINES, ResumeUnreadable
from .fields import ParsedResume
from .integrity import Finding
from .reasons import UNREADABLE
from .sandbox_worker import ANSWER_HEADER, PARSE_VARIABLE, REQUEST_HEADER, TAGGERS

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The package root, so the child finds hireloop even when it is not installed.
_SOURCE_ROOT = str(Path(__file__).resolve().parents[2])
# The child starts from a bare environment: it needs no secrets, database URL or keys.
# TZ (which Django sets from TIME_ZONE): a parsing worker reads "present" as the month of
# the parent's day, not of the server's UTC day.
_CHILD_ENV_KEYS = ("PATH", "LANG", "LC_ALL", "TMPDIR", "TZ")
# How the child is started; tests replace it to simulate crashes and hangs. -E ignores
# PYTHON* variables, -s the user's site-packages, -B writes no .pyc (file writes are
# forbidden in the child); -m puts the working directory, _SOURCE_ROOT, on sys.path.
WORKER_COMMAND = [sys.executable, "-E", "-s", "-B", "-m", "hireloop.resumes.sandbox_worker"]
# An answer is at most 200,000 characters of text plus capped findings; more is a broken
# or subverted worker.
MAX_ANSWER_BYTES = 4 * 1024 * 1024
# A child killed by a signal after using this share of its memory cap ran out of memory:
# pdfium aborts (SIGABRT) when an allocation fails, with no message. Measured: the flate
# bomb peaks at 497 of 512 MB, a normal resume at 46 MB.
OUT_OF_MEMORY_SHARE = 0.75
# Linux reports a child's peak memory as at least its parent's peak when it was started,
# so a peak that does not pass the parent's own by this much says nothing about the child.
_INHERITED_PEAK_MARGIN_KB = 16 * 1024
_STDERR_TAIL_BYTES = 64 * 1024


class SandboxTimeout(ResumeUnreadable):
    """The child ran past its wall-clock or CPU time."""


class SandboxCrash(ResumeUnreadable):
    """The child crashed or ran out of memory on this file."""


@dataclass(frozen=True)
class SandboxResult:
    """Visible text of a resume (hidden text removed) and its integrity findings."""

    text: str
    findings: list[Finding]
    # The fields parse_resume_text(text, use_taggers=taggers) reads, when the worker was
    # asked to parse (SandboxWorker(parse=True, taggers=…)); None otherwise.
    parsed: ParsedResume | None = None


def extract_in_sandbox(
    data: bytes, filename: str, *, timeout_s: float = 20, memory_mb: int = 512
) -> SandboxResult:
    """Extract text and integrity findings from an untrusted file in a fresh child process.

    Raises ResumeUnreadable (SandboxTimeout for time) when the file is too large, cannot be
    read, or makes the reader crash, run too long or need more than memory_mb.
    """
    check_size(data, filename)
    # The CPU cap covers the child's start-up too, as the wall-clock timeout does.
    worker = SandboxWorker(timeout_s=timeout_s, memory_mb=memory_mb, cpu_s=math.ceil(timeout_s))
    try:
        return worker.read(data, filename)
    finally:
        worker.close()


def check_size(data: bytes, filename: str) -> None:
    """Refuse files over settings.RESUME_MAX_BYTES before any parser sees them."""
    limit = getattr(settings, "RESUME_MAX_BYTES", DEFAULT_MAX_BYTES)
    if len(data) > limit:
        raise ResumeUnreadable("too_large", name=filename, limit=f"{limit / (1024 * 1024):g}")


class SandboxWorker:
    """One limited child process that reads files one at a time, started on first use.

    After a timeout, crash or protocol error the child is dead and is_alive is False; the
    caller starts a new SandboxWorker. Not thread-safe: one file at a time.
    """

    def __init__(
        self,
        *,
        timeout_s: float,
        memory_mb: int,
        cpu_s: int,
        parse: bool = False,
        taggers: bool = False,
    ) -> None:
        self.timeout_s, self.memory_mb, self.cpu_s = timeout_s, memory_mb, cpu_s
        self.parse, self.taggers = parse, taggers
        self.files_read = 0
        self.cpu_used_s = 0.0  # as the child last reported it
        self.rss_kb = 0  # as the child last reported it
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr = bytearray()
        self._is_dead = False
        self._parent_peak_kb = 0

    @property
    def is_alive(self) -> bool:
        return not self._is_dead

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def read(self, data: bytes, filename: str) -> SandboxResult:
        """The visible text and findings of one file, or ResumeUnreadable saying why not."""
        if self._is_dead:
            raise _crashed(filename, "stopped")
        if self._process is None:
            self._start()
            self._exchange(b"", filename)  # the "ready" answer: imports and limits are done
        name = filename.replace("\x00", "")[:255].encode("utf-8", errors="replace")
        request = REQUEST_HEADER.pack(len(name), len(data)) + name + data
        answer = self._exchange(request, filename)
        self.files_read += 1
        self.cpu_used_s = float(answer.get("cpu_s") or 0.0)
        self.rss_kb = int(answer.get("rss_kb") or 0)
        if answer.get("error") == "memory":
            self.close()  # a MemoryError can leave a Python process in a poor state
            raise _too_big(filename)
        if "error" in answer:
            raise _unreadable(answer, filename)
        try:
            findings = [Finding.from_dict(finding) for finding in answer["findings"]]
            text = str(answer["text"])
            parsed = None
            if self.parse:
                lines = [line.strip() for line in text.splitlines() if line.strip()]
                parsed = ParsedResume.from_dict({**answer["parsed"], "lines": lines})
            return SandboxResult(text=text, findings=findings, parsed=parsed)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            self.close()
            raise _crashed(filename, "malformed") from error

    def close(self) -> None:
        """Stop the child: at end of input it exits by itself; a stuck one is killed."""
        process, self._process = self._process, None
        self._is_dead = True
        if process is None:
            return
        try:
            if process.stdin:
                process.stdin.close()
            process.wait(timeout=1)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()

    def _start(self) -> None:
        env = {key: os.environ[key] for key in _CHILD_ENV_KEYS if key in os.environ}
        env["HIRELOOP_PDF_ENGINE"] = _pdf_engine()
        if self.parse:
            env[PARSE_VARIABLE] = TAGGERS if self.taggers else "1"
        parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self._parent_peak_kb = parent_peak + _INHERITED_PEAK_MARGIN_KB
        self._process = subprocess.Popen(
            [*WORKER_COMMAND, str(self.memory_mb), str(self.cpu_s)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=_SOURCE_ROOT,
        )

    def _exchange(self, request: bytes, filename: str) -> dict[str, Any]:
        """Send one request and wait for its answer, within the wall-clock timeout."""
        process = self._process
        assert process and process.stdin and process.stdout and process.stderr
        self._stderr.clear()
        deadline = time.monotonic() + self.timeout_s
        pending, answer = memoryview(request), bytearray()
        with selectors.DefaultSelector() as selector:
            if pending:
                os.set_blocking(process.stdin.fileno(), False)
                selector.register(process.stdin, selectors.EVENT_WRITE)
            selector.register(process.stdout, selectors.EVENT_READ)
            selector.register(process.stderr, selectors.EVENT_READ)
            while not _is_complete(answer):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._kill()
                    raise _too_long(filename)
                for key, _ in selector.select(remaining):
                    if key.fileobj is process.stdin:
                        try:
                            pending = pending[os.write(key.fd, pending[:65536]) :]
                        except BlockingIOError:
                            continue
                        except BrokenPipeError:
                            pending = pending[:0]  # the child died; its exit status tells why
                        if not pending:
                            selector.unregister(process.stdin)
                        continue
                    chunk = os.read(key.fd, 65536)
                    if key.fileobj is process.stderr:
                        self._stderr += chunk
                        del self._stderr[:-_STDERR_TAIL_BYTES]
                        if not chunk:
                            selector.unregister(process.stderr)
                    elif not chunk:  # stdout closed before a whole answer: the child ended
                        raise self._failure(filename)
                    else:
                        answer += chunk
                        if len(answer) > ANSWER_HEADER.size + MAX_ANSWER_BYTES:
                            self._kill()
                            raise _crashed(filename, "oversized")
        body = bytes(answer[ANSWER_HEADER.size :])
        try:
            decoded = json.loads(body)
        except ValueError:
            decoded = None
        if len(answer) != ANSWER_HEADER.size + ANSWER_HEADER.unpack_from(answer)[0] or not (
            isinstance(decoded, dict)
        ):
            self._kill()
            raise _crashed(filename, "malformed")
        return decoded

    def _kill(self) -> None:
        if self._process and self._process.returncode is None:
            self._process.kill()
        self.close()

    def _failure(self, filename: str) -> ResumeUnreadable:
        """Why the child ended without answering, from its exit status, CPU time and memory."""
        process = self._process
        assert process is not None
        # wait4, not Popen.wait: the child's own peak memory and CPU time tell a memory
        # blow-up or a CPU limit from a crash. A child that closed its output but lingers
        # is given a second, then killed.
        for _ in range(100):
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.01)
        else:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
        process.returncode = code = os.waitstatus_to_exitcode(status)
        self._drain_stderr()
        self.close()
        cpu_used = usage.ru_utime + usage.ru_stime
        if code == -signal.SIGXCPU or (code == -signal.SIGKILL and cpu_used >= self.cpu_s):
            return _too_long(filename)  # CPU soft limit, or the hard limit right after it
        peak_kb = usage.ru_maxrss if usage.ru_maxrss > self._parent_peak_kb else 0
        out_of_memory = code < 0 and peak_kb >= OUT_OF_MEMORY_SHARE * self.memory_mb * 1024
        if out_of_memory or _ran_out_of_memory(bytes(self._stderr)):
            return _too_big(filename)
        return _crashed(filename, "exit", status=code)

    def _drain_stderr(self) -> None:
        process = self._process
        if process and process.stderr:
            os.set_blocking(process.stderr.fileno(), False)
            with contextlib.suppress(OSError):
                self._stderr += process.stderr.read() or b""
            del self._stderr[:-_STDERR_TAIL_BYTES]


def _is_complete(answer: bytearray) -> bool:
    size = ANSWER_HEADER.size
    return len(answer) >= size and len(answer) >= size + ANSWER_HEADER.unpack_from(answer)[0]


def _pdf_engine() -> str:
    engine = getattr(settings, "HIRELOOP_PDF_ENGINE", "pdfium")
    if engine not in PDF_ENGINES:
        raise ImproperlyConfigured(f"HIRELOOP_PDF_ENGINE must be one of {PDF_ENGINES}")
    return str(engine)


def _ran_out_of_memory(stderr: bytes) -> bool:
    # C code that cannot allocate often aborts instead of raising MemoryError.
    return any(sign in stderr for sign in (b"MemoryError", b"Cannot allocate memory", b"bad_alloc"))


def _unreadable(answer: dict[str, Any], filename: str) -> ResumeUnreadable:
    """The child's reason: a known code with JSON parameters, naming the file the parent sent
    (a subverted child gets no say in what is stored beyond picking a known sentence)."""
    code, params = answer.get("code"), answer.get("params")
    if code not in UNREADABLE or not isinstance(params, dict):
        code, params = "unreadable", {}
    return ResumeUnreadable(str(code), **{**params, "name": filename})


def _too_long(filename: str) -> SandboxTimeout:
    return SandboxTimeout("too_slow", name=filename)


def _too_big(filename: str) -> SandboxCrash:
    return SandboxCrash("too_much_memory", name=filename)


def _crashed(filename: str, cause: str, **params: Any) -> SandboxCrash:
    """cause: a code of reasons.PARTS["cause"]."""
    return SandboxCrash("reader_crashed", name=filename, cause=cause, **params)
