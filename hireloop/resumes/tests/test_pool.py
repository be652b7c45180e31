"""A pool of long-lived sandbox workers reads each file as a fresh sandbox would."""

import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from hireloop.resumes import sandbox
from hireloop.resumes.extract import ResumeUnreadable
from hireloop.resumes.pool import SandboxPool, extract_many
from hireloop.resumes.sandbox import SandboxCrash, SandboxResult, SandboxTimeout, extract_in_sandbox
from hireloop.testing.documents import docx_bytes, pdf_bytes

from .hostile import HostileFile, hostile_files, simple_pdf

TIMEOUT_S = 8  # as in test_hostile: only the flate bomb comes near it
# Long enough not to be taken for a scan (extract.SCANNED_MAX_CHARS_PER_PAGE).
LINES = ["Jane Doe", "Python developer with eight years of Django and PostgreSQL experience"]
RESUME = pdf_bytes(LINES)
TEXT = "\n".join(LINES)


def worker_command(behaviour: str) -> list[str]:
    """The real worker, except for files whose name starts with "hang", "crash" or "flaky".

    hang: sleeps far past any timeout; crash: kills itself with SIGSEGV; flaky: crashes
    only in a worker that has already read another file.
    """
    script = f"""
import os, signal, time
from hireloop.resumes import sandbox_worker
real, seen = sandbox_worker.answer, []
def answer(data, filename):
    behaviour = {behaviour!r}
    if "hang" in behaviour and filename.startswith("hang"):
        time.sleep(120)
    if "crash" in behaviour and filename.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if "flaky" in behaviour and filename.startswith("flaky") and seen:
        os.kill(os.getpid(), signal.SIGSEGV)
    seen.append(filename)
    return real(data, filename)
sandbox_worker.answer = answer
sandbox_worker.main()
"""
    return [sys.executable, "-E", "-s", "-B", "-c", script]


def text_of(result: SandboxResult | ResumeUnreadable) -> str:
    assert isinstance(result, SandboxResult), result
    return result.text


def outcome(result: SandboxResult | ResumeUnreadable) -> tuple[str, str]:
    if isinstance(result, ResumeUnreadable):
        return "error", str(result)
    return "text", result.text


def single_outcome(file: HostileFile) -> tuple[str, str]:
    try:
        return outcome(extract_in_sandbox(file.data, file.name, timeout_s=TIMEOUT_S))
    except ResumeUnreadable as error:
        return outcome(error)


CORPUS = hostile_files()


@pytest.fixture(scope="module")
def pool_outcomes() -> dict[str, tuple[str, str]]:
    results = extract_many([(file.data, file.name) for file in CORPUS], timeout_s=TIMEOUT_S)
    return {file.name: outcome(result) for file, result in zip(CORPUS, results, strict=True)}


@pytest.fixture(scope="module")
def single_outcomes() -> dict[str, tuple[str, str]]:
    with ThreadPoolExecutor(max_workers=2) as threads:
        return dict(zip((f.name for f in CORPUS), threads.map(single_outcome, CORPUS), strict=True))


@pytest.mark.parametrize("file", CORPUS, ids=[file.name for file in CORPUS])
def test_every_hostile_file_reads_the_same_through_the_pool(
    file: HostileFile,
    pool_outcomes: dict[str, tuple[str, str]],
    single_outcomes: dict[str, tuple[str, str]],
) -> None:
    kind, detail = pool_outcomes[file.name]
    if file.expect != "any":
        assert kind == file.expect, detail
    if kind == "error":
        assert detail.endswith(".") and file.message_hint.lower() in detail.lower(), detail
    if file.name == "flate-bomb.pdf":  # memory cap or clock, whichever comes first
        # or pdfium's allocation abort, when the memory heuristic cannot tell (see test_hostile)
        assert re.search(
            "more memory than allowed|took too long|made the resume reader crash", detail
        )
    else:
        assert (kind, detail) == single_outcomes[file.name]


def test_results_keep_input_order_across_formats() -> None:
    items = []
    for number in range(12):
        lines = [f"Candidate {number}", f"候选人 {number} 号", LINES[1]]
        data = (pdf_bytes, docx_bytes, lambda ls: "\n".join(ls).encode())[number % 3](lines)
        items.append((data, f"cv-{number}"))
    results = extract_many(items, workers=2)
    assert [text_of(result).splitlines()[0] for result in results] == [
        f"Candidate {number}" for number in range(12)
    ]


def test_a_hanging_file_times_out_and_the_pool_recovers(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sandbox, "WORKER_COMMAND", worker_command("hang"))
    pdf = RESUME
    results = extract_many(
        [(pdf, "a.pdf"), (pdf, "hang.pdf"), (pdf, "b.pdf"), (pdf, "c.pdf")], workers=1, timeout_s=3
    )
    assert isinstance(results[1], SandboxTimeout) and "took too long" in str(results[1])
    assert [text_of(results[index]) for index in (0, 2, 3)] == [TEXT] * 3


def test_a_worker_killed_mid_file_fails_only_that_file(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sandbox, "WORKER_COMMAND", worker_command("hang"))
    with SandboxPool(workers=1, timeout_s=60) as pool:
        outcomes: list[BaseException] = []

        def read_hanging_file() -> None:
            try:
                pool.extract(RESUME, "hang.pdf")
            except ResumeUnreadable as error:
                outcomes.append(error)

        reader = threading.Thread(target=read_hanging_file)
        reader.start()
        while not pool.worker_pids:
            time.sleep(0.05)
        [pid] = pool.worker_pids
        time.sleep(1)  # let the request reach the worker; either way the file must fail
        os.kill(pid, signal.SIGKILL)
        reader.join(timeout=30)
        # A fresh worker died on this file, so no retry: the file gets the crash.
        assert len(outcomes) == 1 and isinstance(outcomes[0], SandboxCrash)
        assert "crash" in str(outcomes[0]) and "-9" in str(outcomes[0])
        assert pool.extract(RESUME, "next.pdf").text == TEXT
        assert pool.worker_pids != [pid]


def test_a_crash_fails_its_file_and_the_pool_keeps_working(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sandbox, "WORKER_COMMAND", worker_command("crash"))
    pdf = RESUME
    with SandboxPool(workers=1) as pool:
        assert pool.extract(pdf, "a.pdf").text == TEXT
        with pytest.raises(SandboxCrash, match=r"crash \(exit status -11\)"):
            pool.extract(pdf, "crash.pdf")
        results = pool.map([(pdf, "b.pdf"), (pdf, "c.pdf")])
        assert [text_of(result) for result in results] == [TEXT, TEXT]


def test_a_crash_left_by_earlier_files_is_retried_in_a_fresh_worker(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sandbox, "WORKER_COMMAND", worker_command("flaky"))
    pdf = RESUME
    results = extract_many([(pdf, "a.pdf"), (pdf, "flaky.pdf"), (pdf, "b.pdf")], workers=1)
    assert [text_of(result) for result in results] == [TEXT] * 3


def test_a_worker_is_replaced_after_its_quota_of_files(settings) -> None:  # type: ignore[no-untyped-def]
    settings.HIRELOOP_SANDBOX_FILES_PER_WORKER = 2
    pdf = RESUME
    with SandboxPool(workers=1) as pool:
        pids = []
        for number in range(4):
            pool.extract(pdf, f"{number}.pdf")
            pids.append(tuple(pool.worker_pids))
    # Each worker is retired as soon as its second file is read; the third file starts another.
    assert pids[1] == pids[3] == () and pids[0] and pids[2] and pids[0] != pids[2]


def test_a_worker_that_answers_garbage_is_reported_as_a_crash(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    garbage = (
        "import sys; sys.stdout.buffer.write(b'\\x00\\x00\\x00\\x05hello'); sys.stdout.flush()"
    )
    monkeypatch.setattr(sandbox, "WORKER_COMMAND", [sys.executable, "-c", garbage])
    with pytest.raises(SandboxCrash, match="malformed answer"):
        extract_in_sandbox(simple_pdf(), "cv.pdf")


def test_files_over_the_size_limit_are_refused_before_any_worker(settings) -> None:  # type: ignore[no-untyped-def]
    settings.RESUME_MAX_BYTES = 1000
    [result] = extract_many([(b"x" * 1001, "big.txt")])
    assert isinstance(result, ResumeUnreadable) and "larger than" in str(result)


def test_a_closed_pool_refuses_work() -> None:
    pool = SandboxPool(workers=1)
    pool.close()
    with pytest.raises(RuntimeError, match="closed"):
        pool.extract(simple_pdf(), "cv.pdf")


def test_a_parsing_pool_returns_the_fields_the_parent_would_read() -> None:
    from hireloop.resumes.fields import parse_resume_text

    files = [
        (RESUME, "a.pdf"),
        (
            docx_bytes(
                ["张伟", "5年工作经验，熟悉Python和MySQL", "2019.07-至今 某科技公司 后端开发"]
            ),
            "b.docx",
        ),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "c.pdf"),
    ]
    results = extract_many(files, workers=2, parse=True)
    for result in results[:2]:
        assert isinstance(result, SandboxResult) and result.parsed is not None
        assert result.parsed == parse_resume_text(result.text, use_taggers=False)
    assert isinstance(results[2], ResumeUnreadable)
    assert all(r.parsed is None for r in extract_many(files[:1], parse=False))  # type: ignore[union-attr]
