"""How fast a text answer's remark appears with many candidates answering at once (issue 4).

    python bench/room_latency.py [--candidates 50] [--database-url URL] [--port 8765]

Sets up a fresh database (SQLite file by default, or the URL given, e.g. PostgreSQL), one job and
N invited candidates, starts the real web server (`manage.py runserver`, as `make run` does) in a
separate process, then N threads act as candidates: open the link, start, skip the practice and
answer every question. The time measured per answer is from sending the answer until the page
showing its remark has arrived (the POST and the redirect it follows). Prints p50/p95/max and one
final SUMMARY line. Never part of the test suite.
"""

import argparse
import os
import random
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from hireloop.testing.server import Server, prepare, server_env

ROOT = Path(__file__).resolve().parents[1]
ANSWER = (
    "Last year our nightly import kept failing. I took the lead with the data team, found the "
    "root cause in a race between two jobs, and after the fix failures fell from 5 a week to zero."
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION_ID = re.compile(r'name="question_id" value="(\d+)"')


def candidate(
    base: str, path: str, think: tuple[float, float], timings: list[float], errors: list[str]
) -> None:
    pause = random.Random(path)  # each candidate thinks at its own, repeatable pace
    with httpx.Client(base_url=base, follow_redirects=True, timeout=60) as client:
        try:
            page = client.get(path).text
            for action in ({"start": "1"}, {"practice_done": "1"}):
                page = client.post(path, data={"csrfmiddlewaretoken": _csrf(page), **action}).text
            while (question := QUESTION_ID.search(page)) is not None:
                time.sleep(pause.uniform(*think))  # reading the question, typing the answer
                form = {"csrfmiddlewaretoken": _csrf(page), "question_id": question.group(1)}
                started = time.perf_counter()
                response = client.post(path, data={**form, "text": ANSWER})
                elapsed = time.perf_counter() - started
                page = response.text
                has_remark = 'data-testid="remark"' in page or 'data-testid="done"' in page
                if response.status_code != 200 or not has_remark:
                    errors.append(f"{response.status_code} without a remark")
                timings.append(elapsed)
        except httpx.HTTPError as error:
            errors.append(repr(error))


def _csrf(page: str) -> str:
    match = CSRF.search(page)
    return match.group(1) if match else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--think",
        default="2-8",
        help="seconds each candidate spends on a question before sending, as MIN-MAX; "
        "0-0 sends every answer at once (a burst no real interview produces)",
    )
    args = parser.parse_args()
    low, high = (float(part) for part in args.think.split("-"))
    think = (low, high)
    folder = Path(tempfile.mkdtemp(prefix="hireloop-bench-"))
    extra = {"HIRELOOP_DEBUG": "0"}
    if args.database_url:
        extra["DATABASE_URL"] = args.database_url
    env = server_env(folder, **extra)
    paths = prepare(env, args.candidates)
    server = Server(env, port=args.port).start()
    try:
        timings: list[float] = []
        errors: list[str] = []
        threads = [
            threading.Thread(target=candidate, args=(server.url, path, think, timings, errors))
            for path in paths
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    finally:
        server.stop()
    report(args, timings, errors, wall)


def report(args: argparse.Namespace, timings: list[float], errors: list[str], wall: float) -> None:
    if not timings:
        raise SystemExit(f"no answers were timed; errors: {errors[:3]}")
    ordered = sorted(timings)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    database = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    print(
        f"{args.candidates} candidates, {len(timings)} answers, {database}, runserver, "
        f"think time {args.think} s, {wall:.1f} s"
    )
    print(
        f"remark latency: p50 {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms; errors {len(errors)}"
    )
    load = Path("/proc/loadavg").read_text().split()[0]
    print(f"load average {load} on {os.cpu_count()} cores")
    verdict = "PASS" if p95 <= 0.3 and not errors else "FAIL"
    print(
        f"SUMMARY {verdict}: p95 remark latency {p95 * 1000:.0f} ms (target <= 300 ms), "
        f"{args.candidates} concurrent candidates, think {args.think} s, {database}, "
        f"errors {len(errors)}"
    )


if __name__ == "__main__":
    main()
