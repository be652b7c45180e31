"""Runs inside the sandbox: call the candidate's function once per hidden test.

Copied to /code/harness.py and started as ``python -I -S -B /code/harness.py`` by jail.py; it
is never imported by the server. It reports what the function *returned*, one JSON line per
test, on file descriptor 3, each line prefixed with the run's random marker (read from stdin
before any candidate code runs). The expected values never enter the sandbox: the server
compares, so a forged line can at most report a wrong answer.

Standard library only, and everything imported before the candidate's code runs, which may
break the interpreter state in any way it likes.
"""

import contextlib
import json
import os
import sys
import time
import traceback

MAX_RESULT_CHARS = 64 * 1024  # a bigger return value is reported as too large, not sent
SOLUTION = "/code/solution.py"


def main() -> None:
    marker = sys.stdin.readline().strip()
    results = os.fdopen(3, "w", encoding="utf-8", buffering=1)

    def emit(message: dict) -> None:
        results.write(marker + " " + json.dumps(message) + "\n")
        results.flush()

    emit({"start": True})
    with open("/code/cases.json", encoding="utf-8") as file:
        spec = json.load(file)
    with open(SOLUTION, encoding="utf-8", errors="replace") as file:
        source = file.read()
    try:
        code = compile(source, "solution.py", "exec")
    except (SyntaxError, ValueError) as error:
        emit(describe_syntax_error(error))
        return
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    try:
        exec(code, namespace)  # noqa: S102 - running the candidate's code is the point
    except BaseException as error:  # noqa: BLE001 - SystemExit and all: the code failed
        emit({"fatal": describe(error), "line": failing_line(error)})
        return
    function = namespace.get(spec["function"])
    if not callable(function):
        emit({"fatal": "No function named " + spec["function"] + " was defined"})
        return
    for index, args in enumerate(spec["args"]):
        started = time.perf_counter()
        try:
            got = function(*args)
        except BaseException as error:  # noqa: BLE001
            message = {"case": index, "error": describe(error), "line": failing_line(error)}
        else:
            message = {"case": index, **encode(got)}
        message["seconds"] = time.perf_counter() - started
        emit(message)
    emit({"done": True})


def encode(value: object) -> dict:
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return {"unserializable": type(value).__name__ + ": " + safe_repr(value)}
    if len(text) > MAX_RESULT_CHARS:
        return {"too_large": len(text)}
    return {"got": json.loads(text)}


def safe_repr(value: object) -> str:
    try:
        return repr(value)[:200]
    except BaseException:  # noqa: BLE001 - a hostile __repr__
        return "?"


def describe(error: BaseException) -> str:
    """The exception as "Type: message"."""
    detail = safe_str(error)
    return (type(error).__name__ + (": " + detail if detail else ""))[:300]


def failing_line(error: BaseException) -> int | None:
    """The last line of the candidate's code in the traceback (not the harness's)."""
    try:
        frames = traceback.extract_tb(error.__traceback__)
    except BaseException:  # noqa: BLE001
        return None
    lines = [frame.lineno for frame in frames if frame.filename == "solution.py"]
    return lines[-1] if lines else None


def describe_syntax_error(error: SyntaxError | ValueError) -> dict:
    if isinstance(error, SyntaxError):  # also IndentationError and TabError
        return {"fatal": type(error).__name__ + ": " + str(error.msg), "line": error.lineno}
    return {"fatal": "SyntaxError: " + str(error)}  # "source code string cannot contain null bytes"


def safe_str(error: BaseException) -> str:
    try:
        return str(error)[:250]
    except BaseException:  # noqa: BLE001
        return ""


if __name__ == "__main__":
    main()
    # Leave at once: threads or atexit hooks the candidate left behind must not keep the
    # sandbox alive until its time limit.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):  # a closed or replaced stream
            stream.flush()
    os._exit(0)
