"""How long readers wait for a report's PDF, and how fast the report page answers meanwhile.

    python bench/report_pdf.py [--readers 20] [--database-url URL] [--port 8766]

Sets up a fresh database (SQLite file by default, or the URL given), loads the demo
organisation (`manage.py load_demo`: its reports are the size the demo shows, 4 dimensions and
8–10 answers), starts the real web server (`manage.py runserver`) and the background worker
(`manage.py db_worker`, as `make run` does) in their own processes. Then N readers log in and
ask for a report PDF at the same moment (the demo's reports, in English and Chinese), each as
a person on the report page would: ask, and while the page shows the progress, poll the status
(as the page's script does) until the PDF can be downloaded. Meanwhile another reader opens the
report page again and again.

Prints the time each reader waited for their PDF, the report page's answer times during the
load and idle, the time a drawing took on the worker, the time to download a drawn PDF, and one
final SUMMARY line. Works against a tree whose PDF is drawn inside the request, too (run it
with that tree first on PYTHONPATH): readers then simply wait for the answer. Never part of
the test suite.
"""

import argparse
import html
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from hireloop.testing.server import ROOT, Server, server_env

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATUS_URL = re.compile(r'data-pdf-status-url="([^"]+)"')
POLL_SECONDS = 0.8  # as hireloop/static/hireloop/report-pdf.js
LANGUAGES = ("en", "zh-hans")


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def logged_in(base: str, username: str) -> httpx.Client:
    from hireloop.demo.content import DEMO_PASSWORD  # needs Django set up (main does it)

    client = httpx.Client(base_url=base, timeout=180, follow_redirects=False)
    page = client.get("/login/").text
    match = CSRF.search(page)
    token = match.group(1) if match else ""
    response = client.post(
        "/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": DEMO_PASSWORD},
    )
    if response.status_code != 302:
        raise SystemExit(f"{username} could not log in ({response.status_code})")
    return client


def open_report(client: httpx.Client, report_id: int, language: str) -> str | None:
    """Open the report page, as the reader has before asking; the status URL it names."""
    page = client.get(f"/reports/{report_id}/", headers={"Accept-Language": language}).text
    match = STATUS_URL.search(page)
    return html.unescape(match.group(1)) if match else None


def reader(
    client: httpx.Client,
    report_id: int,
    language: str,
    status_url: str | None,
    waits: list[float],
    errors: list[str],
) -> None:
    """Ask for the PDF as the page's script does (report-pdf.js): ask, poll the status every
    0.8 s while it is drawn, then download it."""
    headers = {"Accept-Language": language, "Accept": "application/json"}
    pdf_url = f"/reports/{report_id}/pdf/"
    started = time.perf_counter()
    try:
        response = client.get(pdf_url, headers=headers)
        if response.headers.get("content-type") != "application/pdf":
            state = response.json()
            while state["status"] in ("queued", "rendering"):
                time.sleep(POLL_SECONDS)
                state = client.get(status_url or "", headers=headers).json()
            if state["status"] != "ready":
                errors.append(f"{pdf_url}: {state['status']}")
                return
            response = client.get(pdf_url, headers=headers)
        if not response.content.startswith(b"%PDF-"):
            errors.append(f"{pdf_url}: not a PDF ({response.status_code})")
            return
        waits.append(time.perf_counter() - started)
    except (httpx.HTTPError, ValueError) as error:
        errors.append(repr(error))


def page_times(
    client: httpx.Client, report_id: int, stop: threading.Event, times: list[float]
) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        response = client.get(f"/reports/{report_id}/", headers={"Accept-Language": "zh-hans"})
        if response.status_code == 200:
            times.append(time.perf_counter() - started)
        time.sleep(0.2)


def quantiles(values: list[float]) -> str:
    if not values:
        return "no data"
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {ordered[-1] * 1000:.0f} ms (n={len(ordered)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hireloop-bench-pdf-"))
    extra = {"HIRELOOP_DEBUG": "0"}
    if args.database_url:
        extra["DATABASE_URL"] = args.database_url
    env = server_env(folder, **extra)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    os.environ.update(env)
    import django

    django.setup()
    from hireloop.assessment.models import Report

    report_ids = list(Report.objects.order_by("pk").values_list("pk", flat=True))
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Server(env, port=args.port).start()
    try:
        # Warm the server (URLs, templates, translations) as a running one would be.
        watcher = logged_in(server.url, "interviewer")
        for language in LANGUAGES:
            watcher.get(f"/reports/{report_ids[0]}/", headers={"Accept-Language": language})
        idle = []
        for _ in range(20):
            started = time.perf_counter()
            watcher.get(f"/reports/{report_ids[0]}/", headers={"Accept-Language": "zh-hans"})
            idle.append(time.perf_counter() - started)
        _warm_the_worker(report_ids[0])
        clients = [logged_in(server.url, "recruiter") for _ in range(args.readers)]
        readings = [
            (report_ids[i % len(report_ids)], LANGUAGES[(i // len(report_ids)) % 2])
            for i in range(args.readers)
        ]
        status_urls = [
            open_report(client, report_id, language)
            for client, (report_id, language) in zip(clients, readings, strict=True)
        ]
        waits: list[float] = []
        errors: list[str] = []
        during: list[float] = []
        stop = threading.Event()
        timer = threading.Thread(target=page_times, args=(watcher, report_ids[0], stop, during))
        threads = [
            threading.Thread(target=reader, args=(client, report_id, language, url, waits, errors))
            for client, (report_id, language), url in zip(
                clients, readings, status_urls, strict=True
            )
        ]
        started = time.perf_counter()
        timer.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        stop.set()
        timer.join()
        cached = []
        for _ in range(10):
            began = time.perf_counter()
            clients[0].get(f"/reports/{report_ids[0]}/pdf/", headers={"Accept-Language": "en"})
            cached.append(time.perf_counter() - began)
    finally:
        server.stop()
        worker.terminate()
        worker.wait(timeout=30)
    drawings = _drawing_seconds()
    scores = Report.objects.get(pk=report_ids[0])
    print(
        f"{args.readers} readers, reports {report_ids} "
        f"({scores.scores.count()} dimensions, {scores.session.answers.count()} answers), "
        f"languages {', '.join(LANGUAGES)}, runserver + db_worker, {wall:.1f} s"
    )
    print(f"wait for the PDF:                 {quantiles(waits)}; errors {len(errors)}")
    print(f"report page while PDFs are asked: {quantiles(during)}")
    print(f"report page idle:                 {quantiles(idle)}")
    print(f"drawing on the worker:            {drawings}")
    print(f"download of a drawn PDF:          {quantiles(cached)}")
    load = Path("/proc/loadavg").read_text().split()[0]
    print(f"load average {load} on {os.cpu_count()} cores")
    if errors:
        print("errors:", errors[:3])
    page_p95 = sorted(during or idle)[max(0, round(0.95 * len(during or idle)) - 1)]
    verdict = "PASS" if page_p95 < 1.0 and not errors else "FAIL"
    print(
        f"SUMMARY {verdict}: report page p95 {page_p95 * 1000:.0f} ms while {args.readers} "
        f"readers ask for PDFs (target < 1000 ms); PDF wait p50 "
        f"{statistics.median(waits) if waits else float('nan'):.1f} s, max "
        f"{max(waits) if waits else float('nan'):.1f} s; errors {len(errors)}"
    )


def _warm_the_worker(report_id: int) -> None:
    """Have the worker draw one PDF no reader will ask for (the candidate in clear), so the
    figures are those of a running worker, not of its first import of WeasyPrint."""
    try:
        from hireloop.assessment.models import ReportPdf  # type: ignore[attr-defined]
        from hireloop.assessment.report_document import pdf_reading  # type: ignore[import-not-found]
        from hireloop.assessment.report_pdfs import do_request_report_pdf  # type: ignore[import-not-found]
    except ImportError:
        return  # this tree draws PDFs in the request
    from hireloop.assessment.models import Report

    report = Report.objects.get(pk=report_id)
    reading = pdf_reading(report=report, masking="clear", language="en")
    pdf = do_request_report_pdf(report=report, reading=reading)
    deadline = time.monotonic() + 120
    while ReportPdf.objects.get(pk=pdf.pk).status != "ready" and time.monotonic() < deadline:
        time.sleep(0.2)
    ReportPdf.objects.filter(pk=pdf.pk).update(render_seconds=None)  # not one of the figures


def _drawing_seconds() -> str:
    """The worker's own timings (none when the tree draws PDFs in the request)."""
    try:
        from hireloop.assessment.models import ReportPdf  # type: ignore[attr-defined]
    except ImportError:
        return "none: drawn in the request"
    rows = ReportPdf.objects.exclude(render_seconds=None).order_by("finished_at")
    if not rows:
        return "none recorded"
    # Per drawing: the seconds it waited in the queue, then the seconds it took to draw.
    timings = [
        ((row.finished_at - row.requested_at).total_seconds() - row.render_seconds, row)
        for row in rows
    ]
    return f"{len(timings)} drawings (queued + drawn): " + ", ".join(
        f"{queued:.1f} + {row.render_seconds:.2f} s" for queued, row in timings
    )


if __name__ == "__main__":
    main()
