"""Read untrusted resume files in a separate, resource-limited process.

PDF and Word parsers are large C and Python code bases fed with files from strangers: a
crafted file can make them loop, recurse or allocate gigabytes. The parsing therefore runs
in a child process (hireloop.resumes.sandbox_worker) with a memory cap, a CPU cap, no file
writes and no new processes, and the parent kills it after a wall-clock timeout. Whatever
goes wrong comes back as ResumeUnreadable with a sentence an HR user can act on.
"""

import json
import math
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .extract import ResumeUnreadable
from .integrity import Finding

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The package root, so the child finds hireloop even when it is not installed.
_SOURCE_ROOT = str(Path(__file__).resolve().parents[2])
# The child starts from a bare environment: it needs no secrets, database URL or keys.
_CHILD_ENV_KEYS = ("PATH", "LANG", "LC_ALL", "TMPDIR")
# How the child is started; tests replace it to simulate crashes and hangs. -E ignores
# PYTHON* variables, -s the user's site-packages, -B writes no .pyc (file writes are
# forbidden in the child); -m puts the working directory, _SOURCE_ROOT, on sys.path.
WORKER_COMMAND = [sys.executable, "-E", "-s", "-B", "-m", "hireloop.resumes.sandbox_worker"]


class SandboxTimeout(ResumeUnreadable):
    """The child ran past its wall-clock or CPU time."""


@dataclass(frozen=True)
class SandboxResult:
    """Visible text of a resume (hidden text removed) and its integrity findings."""

    text: str
    findings: list[Finding]


def extract_in_sandbox(
    data: bytes, filename: str, *, timeout_s: float = 20, memory_mb: int = 512
) -> SandboxResult:
    """Extract text and integrity findings from an untrusted file in a limited child process.

    Raises ResumeUnreadable (SandboxTimeout for time) when the file is too large, cannot be
    read, or makes the reader crash, run too long or need more than memory_mb.
    """
    label = f"“{filename}”" if filename else "This file"
    check_size(data, label)
    try:
        completed = subprocess.run(
            [*WORKER_COMMAND, _safe_argument(filename), str(memory_mb), str(math.ceil(timeout_s))],
            input=data,
            capture_output=True,
            timeout=timeout_s,
            env=_child_env(),
            cwd=_SOURCE_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:  # run() has already killed the child
        raise _too_long(label) from error
    return _result_of(completed, label)


def check_size(data: bytes, label: str) -> None:
    """Refuse files over settings.RESUME_MAX_BYTES before any parser sees them."""
    limit = getattr(settings, "RESUME_MAX_BYTES", DEFAULT_MAX_BYTES)
    if len(data) > limit:
        raise ResumeUnreadable(
            f"{label} is larger than the {limit / (1024 * 1024):g} MB limit for resumes; "
            "ask the candidate for a smaller copy (a PDF without large images)."
        )


def _result_of(completed: subprocess.CompletedProcess[bytes], label: str) -> SandboxResult:
    """Turn the child's exit status and JSON answer into a result or a readable error."""
    if completed.returncode == -signal.SIGXCPU or completed.returncode == -signal.SIGKILL:
        raise _too_long(label)  # CPU soft limit, or the hard limit right after it
    try:
        answer = json.loads(completed.stdout)
    except ValueError:
        answer = None
    if completed.returncode != 0 or not isinstance(answer, dict):
        if _ran_out_of_memory(completed.stderr):
            raise _too_big(label)
        raise ResumeUnreadable(
            f"{label} made the resume reader crash (exit status {completed.returncode}); it "
            "is probably damaged. Ask the candidate to re-export it as PDF or .docx."
        )
    if answer.get("error") == "memory":
        raise _too_big(label)
    if "error" in answer:
        raise ResumeUnreadable(str(answer.get("message") or _generic(label)))
    findings = [Finding(**finding) for finding in answer["findings"]]
    return SandboxResult(text=answer["text"], findings=findings)


def _ran_out_of_memory(stderr: bytes) -> bool:
    # C code that cannot allocate often aborts instead of raising MemoryError.
    return any(sign in stderr for sign in (b"MemoryError", b"Cannot allocate memory", b"bad_alloc"))


def _too_long(label: str) -> SandboxTimeout:
    return SandboxTimeout(
        f"This file took too long to read ({label}); it may be damaged or built to stall "
        "readers. Ask the candidate to re-export it as PDF or .docx."
    )


def _too_big(label: str) -> ResumeUnreadable:
    return ResumeUnreadable(
        f"This file needs more memory than allowed to read ({label}); it may contain a huge "
        "compressed stream. Ask the candidate to re-export it as PDF or .docx."
    )


def _generic(label: str) -> str:
    return f"{label} could not be read; ask the candidate to upload it again."


def _child_env() -> dict[str, str]:
    return {key: os.environ[key] for key in _CHILD_ENV_KEYS if key in os.environ}


def _safe_argument(filename: str) -> str:
    """The file name as a command-line argument: no NUL bytes, bounded length."""
    return filename.replace("\x00", "")[:255]
