"""Child process of hireloop.resumes.sandbox: read one resume from stdin, answer in JSON.

Usage: python -m hireloop.resumes.sandbox_worker FILENAME MEMORY_MB CPU_SECONDS < file

Limits are set before the parsing libraries are imported, so that nothing in them can get
past them. The only output is one JSON object on stdout:
{"text": str, "findings": [{"kind", "evidence", "detail"}]} on success, or
{"error": "unreadable" | "memory", "message": str} when the file cannot be read.
"""

import json
import resource
import signal
import sys


def limit_resources(*, memory_mb: int, cpu_seconds: int) -> None:
    """Cap address space, CPU time, file writes and child processes for this process."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # Soft limit sends SIGXCPU (the parent reports "too long"); hard limit one second on.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    # Parsing writes no files; a write attempt fails (EFBIG) instead of killing us.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    # No new processes or threads (the parsers use neither); root is exempt by the kernel.
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))


def answer(data: bytes, filename: str) -> dict[str, object]:
    """Extract visible text and integrity findings, or describe why the file is unreadable."""
    from hireloop.resumes.extract import ResumeUnreadable, read_resume
    from hireloop.resumes.integrity import find_integrity_issues

    try:
        content = read_resume(data, filename)
        findings = find_integrity_issues(content.text, content.pages)
    except ResumeUnreadable as error:
        return {"error": "unreadable", "message": str(error)}
    except MemoryError:
        return {"error": "memory", "message": ""}
    return {"text": content.text, "findings": [finding.to_dict() for finding in findings]}


def main() -> None:
    filename, memory_mb, cpu_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    limit_resources(memory_mb=memory_mb, cpu_seconds=cpu_seconds)
    data = sys.stdin.buffer.read()
    result = answer(data, filename)
    del data
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
