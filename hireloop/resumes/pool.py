"""Read many untrusted resumes fast, through a few long-lived sandbox workers.

extract_in_sandbox starts a fresh child process per file, which costs more than reading a
typical resume: Python start-up and imports take 0.15 s on a quiet machine and up to 1.9 s
on a busy one, reading a generated resume 15 ms (docs/resume-parsing.md, "Fast path"). A
SandboxPool keeps `workers` children alive instead, each with the same bare environment and
limits (memory cap, no file writes, no new processes), and sends them one file at a time.
What keeps one hostile file from affecting another file's result:

- the wall-clock timeout is per file: the child is killed and the next file gets a new one;
- a child is replaced after files_per_worker files, after any crash or memory error, when
  its memory passes half its cap (a bloated heap must not fail a later file), and
  before its cumulative CPU time could reach its CPU limit (which cannot be reset);
- a crash or memory error on a child that had read other files is retried once in a fresh
  child, so that the file's result is what a fresh child says, as with extract_in_sandbox.

What a pool cannot give: a parser exploit that takes over a child could see the files that
child reads later (up to files_per_worker). Uploads of single resumes therefore keep
extract_in_sandbox (one process per file); the pool is for bulk screening
(docs/resume-parsing.md, "Fast path").
"""

import math
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from django.conf import settings

from .extract import ResumeUnreadable
from .sandbox import SandboxCrash, SandboxResult, SandboxWorker, check_size

DEFAULT_FILES_PER_WORKER = 200
# A child's CPU limit, as a multiple of the per-file timeout: it is replaced when one more
# file could take it past the limit, so the limit itself stays a backstop.
CPU_BUDGET_TIMEOUTS = 6
# A child whose resident memory passed this share of its cap is replaced.
RECYCLE_RSS_SHARE = 0.5


class SandboxPool:
    """`workers` long-lived sandbox children; extract() is thread-safe, results keep order.

    parse=True: the children also parse each text (rules only; with taggers=True the trained
    taggers too, as a single upload is parsed), and SandboxResult.parsed holds the fields.

    Use as a context manager (or call close()): children are started when first needed and
    stopped on exit.
    """

    def __init__(
        self,
        *,
        workers: int = 2,
        timeout_s: float = 20,
        memory_mb: int = 512,
        files_per_worker: int | None = None,
        parse: bool = False,
        taggers: bool = False,
    ) -> None:
        self.workers, self.timeout_s, self.memory_mb = max(workers, 1), timeout_s, memory_mb
        self.parse, self.taggers = parse, taggers
        default = getattr(settings, "HIRELOOP_SANDBOX_FILES_PER_WORKER", DEFAULT_FILES_PER_WORKER)
        self.files_per_worker = int(files_per_worker or default)
        self.cpu_s = CPU_BUDGET_TIMEOUTS * math.ceil(timeout_s)
        # Idle children, and how many more may start; a worker in use is in neither.
        self._idle: list[SandboxWorker] = []
        self._may_start = self.workers
        self._running: set[SandboxWorker] = set()
        self._lock = threading.Condition()
        self._executor: ThreadPoolExecutor | None = None
        self._is_closed = False

    def __enter__(self) -> "SandboxPool":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def worker_pids(self) -> list[int]:
        """Process ids of the running children (for monitoring and tests)."""
        with self._lock:
            return [pid for worker in self._running if (pid := worker.pid) is not None]

    def extract(self, data: bytes, filename: str) -> SandboxResult:
        """Like extract_in_sandbox, in one of the pool's children; blocks while all are busy."""
        check_size(data, filename)
        worker = self._acquire()
        try:
            if worker is None or not self._is_usable(worker):
                worker = self._replace(worker)
            is_fresh = worker.files_read == 0
            try:
                return worker.read(data, filename)
            except SandboxCrash:
                if is_fresh:
                    raise
                # The crash may come from what earlier files left in the child: a fresh
                # child's verdict is the file's own.
                worker = self._replace(worker)
                return worker.read(data, filename)
        finally:
            self._release(worker)

    def imap(
        self, items: Iterable[tuple[bytes, str]]
    ) -> Iterator[SandboxResult | ResumeUnreadable]:
        """Results of (data, filename) items, in input order, read `workers` at a time.

        Reads at most 2 * workers items ahead, so a long stream is never all in memory.
        """
        executor = self._start_executor()
        window: deque[Future[SandboxResult | ResumeUnreadable]] = deque()
        for data, filename in items:
            window.append(executor.submit(self._outcome, data, filename))
            if len(window) >= 2 * self.workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()

    def map(self, items: Iterable[tuple[bytes, str]]) -> list[SandboxResult | ResumeUnreadable]:
        """All results of imap, as a list in input order."""
        return list(self.imap(items))

    def close(self) -> None:
        """Stop the idle children now; one reading a file stops when that file is done."""
        with self._lock:
            self._is_closed = True
            idle, self._idle = self._idle, []
            self._lock.notify_all()
        if self._executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
        for worker in idle:
            self._retire(worker)

    def _acquire(self) -> SandboxWorker | None:
        """An idle child, or None where a new one may be started; waits while all are busy."""
        with self._lock:
            while not (self._idle or self._may_start or self._is_closed):
                self._lock.wait()
            if self._is_closed:
                raise RuntimeError("the SandboxPool is closed")
            if self._idle:
                return self._idle.pop()
            self._may_start -= 1
            return None

    def _release(self, worker: SandboxWorker | None) -> None:
        keep = worker is not None and self._is_usable(worker)
        with self._lock:
            keep = keep and not self._is_closed
            if keep and worker is not None:
                self._idle.append(worker)
            else:
                self._may_start += 1
            self._lock.notify()
        if worker is not None and not keep:
            self._retire(worker)

    def _outcome(self, data: bytes, filename: str) -> SandboxResult | ResumeUnreadable:
        try:
            return self.extract(data, filename)
        except ResumeUnreadable as error:
            return error

    def _start_executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.workers, "sandbox-pool")
            return self._executor

    def _is_usable(self, worker: SandboxWorker) -> bool:
        return (
            worker.is_alive
            and worker.files_read < self.files_per_worker
            and worker.cpu_used_s + math.ceil(self.timeout_s) + 1 < self.cpu_s
            and worker.rss_kb < RECYCLE_RSS_SHARE * self.memory_mb * 1024
        )

    def _replace(self, worker: SandboxWorker | None) -> SandboxWorker:
        if worker is not None:
            self._retire(worker)
        fresh = SandboxWorker(
            timeout_s=self.timeout_s,
            memory_mb=self.memory_mb,
            cpu_s=self.cpu_s,
            parse=self.parse,
            taggers=self.taggers,
        )
        with self._lock:
            self._running.add(fresh)
        return fresh

    def _retire(self, worker: SandboxWorker) -> None:
        with self._lock:
            self._running.discard(worker)
        worker.close()


def extract_many(
    items: list[tuple[bytes, str]],
    *,
    workers: int = 2,
    timeout_s: float = 20,
    memory_mb: int = 512,
    parse: bool = False,
) -> list[SandboxResult | ResumeUnreadable]:
    """Text and findings of many (data, filename) files, in input order, in a SandboxPool.

    Each failure is the ResumeUnreadable that extract_in_sandbox would raise for that file.
    parse=True also fills SandboxResult.parsed in the workers (rules only, no taggers): what
    bulk screening reads, on the workers' cores instead of the parent's
    (docs/resume-parsing.md, "Fast path").
    """
    if not items:
        return []
    workers = min(workers, len(items))
    with SandboxPool(
        workers=workers, timeout_s=timeout_s, memory_mb=memory_mb, parse=parse
    ) as pool:
        return pool.map(items)
