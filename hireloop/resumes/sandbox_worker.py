"""Child process of hireloop.resumes.sandbox: read resumes from stdin, one at a time.

Usage: python -m hireloop.resumes.sandbox_worker MEMORY_MB CPU_SECONDS

Limits are set before the parsing libraries are imported, so that nothing in them can get
past them. The worker then writes a "ready" answer and serves requests until stdin closes.

- request: 8 bytes ">II" (file name length, data length), the UTF-8 file name, the data;
- answer: 4 bytes ">I" (length), then one JSON object:
  {"text": str, "findings": [{"kind", "evidence", "detail"}], "cpu_s", "rss_kb"} on
  success, {"error": "unreadable", "code": str, "params": {…}} when the file cannot be read
  (a reason of hireloop.resumes.reasons, never a sentence: the reader's language decides
  that), {"error": "memory"} when reading it ran out of memory, {"ready": true} once at
  start.

cpu_s and rss_kb (this process's CPU time so far and resident memory) let the parent replace
the worker before its cumulative CPU limit or a bloated heap could fail a later file.
The PDF reader comes from the HIRELOOP_PDF_ENGINE environment variable (extract.pdf_engine);
with HIRELOOP_SANDBOX_PARSE=1 a success also carries "parsed", the screening fields of the
text (hireloop.resumes.fields, rules only), so bulk screening parses on the workers' cores;
with HIRELOOP_SANDBOX_PARSE=taggers the fields are read with the trained taggers as well.
"""

import json
import os
import resource
import signal
import struct
import sys
from typing import BinaryIO

REQUEST_HEADER = struct.Struct(">II")
# Set by the parent (SandboxWorker(parse=True)): answers carry the parsed fields too, by the
# rules alone ("1") or with the trained taggers as well (TAGGERS, SandboxWorker(taggers=True)).
PARSE_VARIABLE = "HIRELOOP_SANDBOX_PARSE"
TAGGERS = "taggers"
ANSWER_HEADER = struct.Struct(">I")


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
    # OCR keeps to this: it runs Tesseract in this process through tesserocr (no
    # `tesseract` program, no temporary files). A Tesseract built with OpenMP would try to
    # start worker threads and fail; this tells OpenMP to use the calling thread only.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))


def answer(
    data: bytes, filename: str, *, parse: bool = False, taggers: bool = False
) -> dict[str, object]:
    """Extract visible text and integrity findings, or describe why the file is unreadable.

    With parse, the answer also holds "parsed": the fields of the text (parse_resume_text
    with the trained taggers when taggers, else the rules only; "lines" left out: the parent
    splits the text).
    """
    from hireloop.resumes.extract import ResumeUnreadable, read_resume
    from hireloop.resumes.integrity import find_integrity_issues

    try:
        content = read_resume(data, filename)
        # content.hidden: hidden Word runs, found while reading the markup (B3).
        findings = find_integrity_issues(content.text, content.pages, content.hidden)
        result: dict[str, object] = {
            "text": content.text,
            "findings": [finding.to_dict() for finding in findings],
        }
        if parse:
            from hireloop.resumes.fields import parse_resume_text

            parsed = parse_resume_text(content.text, use_taggers=taggers).to_dict()
            del parsed["lines"]
            result["parsed"] = parsed
    except ResumeUnreadable as error:
        return {"error": "unreadable", "code": error.code, "params": error.params}
    except MemoryError:
        return {"error": "memory"}
    return result


def serve(
    requests: BinaryIO, answers: BinaryIO, *, parse: bool = False, taggers: bool = False
) -> None:
    """Answer requests until the parent closes the pipe."""
    write_answer(answers, {"ready": True})
    while True:
        header = requests.read(REQUEST_HEADER.size)
        if len(header) < REQUEST_HEADER.size:
            return  # the parent closed stdin: recycled or shut down
        name_length, data_length = REQUEST_HEADER.unpack(header)
        filename = requests.read(name_length).decode("utf-8", errors="replace")
        data = requests.read(data_length)
        if len(data) < data_length:
            return
        result = (
            answer(data, filename, parse=True, taggers=taggers) if parse else answer(data, filename)
        )
        del data
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result.update(cpu_s=usage.ru_utime + usage.ru_stime, rss_kb=resident_kb())
        write_answer(answers, result)


def resident_kb() -> int:
    """This process's resident memory now, in KiB.

    Not ru_maxrss: Linux carries the parent's peak over into a child's, so a worker started
    by a large web process would look bloated from its first file.
    """
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return 0


def write_answer(answers: BinaryIO, result: dict[str, object]) -> None:
    body = json.dumps(result, ensure_ascii=False).encode("utf-8", errors="replace")
    answers.write(ANSWER_HEADER.pack(len(body)) + body)
    answers.flush()


def main() -> None:
    memory_mb, cpu_seconds = int(sys.argv[1]), int(sys.argv[2])
    limit_resources(memory_mb=memory_mb, cpu_seconds=cpu_seconds)
    # Answers go to a private copy of stdout; anything a library prints goes to stderr
    # instead of corrupting the answer stream.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    # Import the parsers once, before "ready", so that no file pays for it.
    from hireloop.resumes import extract, integrity  # noqa: F401

    if extract.pdf_engine() == "pdfplumber":
        import pdfplumber  # noqa: F401
    mode = os.environ.get(PARSE_VARIABLE, "")
    parse, taggers = mode in ("1", TAGGERS), mode == TAGGERS
    if parse:
        from hireloop.resumes import fields

        if taggers:  # load both trained models now, not on a candidate's file
            fields.parse_resume_text("张伟\n2019-2021 某公司 工程师\nJane Doe\nEngineer at Acme")
    serve(sys.stdin.buffer, answers, parse=parse, taggers=taggers)


if __name__ == "__main__":
    main()
