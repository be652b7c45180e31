"""What to run: a problem with its hidden tests, and the limits of one sandboxed run."""

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HiddenTest:
    """One call of the candidate's function: positional arguments and the expected result.

    Both are JSON values (lists, not tuples), because that is all that crosses the sandbox's
    boundary. The candidate sees the arguments; only the server sees ``expected``.
    """

    args: list[Any]
    expected: Any
    description: str = ""


@dataclass(frozen=True)
class Problem:
    function_name: str
    tests: tuple[HiddenTest, ...]
    # Seconds for all hidden tests together, not counting the interpreter's start.
    time_limit: float = 2.0

    def __post_init__(self) -> None:
        # The JavaScript harness puts the name into the code it compiles: an identifier only.
        if not _IDENTIFIER.fullmatch(self.function_name):
            raise ValueError(f"Not a function name: {self.function_name!r}")
        if self.time_limit <= 0:
            raise ValueError("The time limit must be positive.")


_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


@dataclass(frozen=True)
class Limits:
    """The sandbox's hard limits for one run (defaults: settings.CODE_RUNNER_*)."""

    # CPU seconds per process (RLIMIT_CPU): stops a busy loop even if the wall clock is late.
    cpu_seconds: float = 5.0
    # Address space of the candidate's process (RLIMIT_AS), and the heap size for Node.
    memory_mb: int = 256
    # The longest a run may take, start to end; the problem's time limit is usually shorter.
    wall_seconds: float = 10.0
    # stdout and stderr together; more is not read, and the run is stopped.
    output_kb: int = 64
    # Processes and threads the candidate may have at once (RLIMIT_NPROC).
    processes: int = 16
    # Largest file, and all files together, the candidate may write in its scratch folder.
    files_kb: int = 1024


def limits_from_settings() -> Limits:
    """Limits from settings.CODE_RUNNER_*, or the defaults where Django is not configured.

    Django is imported here, not at the top, so that the runner also works without it.
    """
    from django.conf import settings

    default = Limits()
    if not settings.configured:
        return default
    return Limits(
        cpu_seconds=float(getattr(settings, "CODE_RUNNER_CPU_SECONDS", default.cpu_seconds)),
        memory_mb=int(getattr(settings, "CODE_RUNNER_MEMORY_MB", default.memory_mb)),
        wall_seconds=float(getattr(settings, "CODE_RUNNER_WALL_SECONDS", default.wall_seconds)),
        output_kb=int(getattr(settings, "CODE_RUNNER_OUTPUT_KB", default.output_kb)),
        processes=int(getattr(settings, "CODE_RUNNER_PROCESSES", default.processes)),
        files_kb=int(getattr(settings, "CODE_RUNNER_FILES_KB", default.files_kb)),
    )
