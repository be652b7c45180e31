"""Peak memory of the web process and the worker while a large zip of resumes is uploaded.

Usage: python bench/upload_memory.py [--mb 500] [--timeout 900]

Builds a zip of about --mb MB of real-ish resumes (bench/screening_resumes.py's text, each a
PDF with a scanned photo of noise so the archive does not compress: about 1 MB a file), starts
a real `manage.py runserver --noreload` and a real `manage.py db_worker` on a throwaway
SQLite database, logs in as a recruiter, posts the zip through the job page's upload form
(streamed from disk by this client), and waits until the worker has expanded, read and
ranked every resume. Prints each process's peak resident memory (VmHWM of
/proc/<pid>/status) before and after, the worker's sandbox children's largest sampled RSS,
and the times.
"""

import argparse
import contextlib
import http.client
import http.cookiejar
import io
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
PORT = 8765
PASSWORD = "test-pass-123"  # noqa: S105 - hireloop.testing.factories.PASSWORD
PHOTO_SIDE = 580  # RGB noise: ~1 MB that no compressor can shrink


def build_zip(path: Path, megabytes: int) -> int:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    from screening_resumes import resume_lines

    from hireloop.testing.documents import CJK_FONT

    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    rng = random.Random(7)
    count, written = 0, 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        while written < megabytes * 1_000_000:
            lines, _language = resume_lines(rng, count)
            buffer = io.BytesIO()
            page = canvas.Canvas(buffer, pagesize=A4, pageCompression=0)
            photo = Image.frombytes(
                "RGB", (PHOTO_SIDE, PHOTO_SIDE), rng.randbytes(PHOTO_SIDE**2 * 3)
            )
            page.drawImage(ImageReader(photo), 430, 700, width=110, height=110)
            page.setFont(CJK_FONT, 10)
            y = 800
            for line in lines:
                page.drawString(50, y, line)
                y -= 16
            page.save()
            data = buffer.getvalue()
            archive.writestr(f"resumes/{count:05d}.pdf", data)
            written += len(data)
            count += 1
    return count


def peak_kib(pid: int, field: str = "VmHWM") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def children_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found.extend(int(child) for child in children)
    return found


def wait_for_server() -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the web server did not start")


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def post_zip(opener, jar, job_id: int, archive: Path) -> int:  # type: ignore[no-untyped-def]
    page = opener.open(f"http://127.0.0.1:{PORT}/jobs/{job_id}/").read().decode()
    token = csrf_of(page)
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f'{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name="resumes"; '
        f'filename="{archive.name}"\r\nContent-Type: application/zip\r\n\r\n'
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def body():  # type: ignore[no-untyped-def]
        yield head
        with archive.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                yield chunk
        yield tail

    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)
    connection.request(
        "POST",
        f"/jobs/{job_id}/resumes/",
        body=body(),
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Content-Length": str(len(head) + archive.stat().st_size + len(tail)),
            "Cookie": cookies,
            "Referer": f"http://127.0.0.1:{PORT}/jobs/{job_id}/",
        },
    )
    return connection.getresponse().status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--timeout", type=int, default=900)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="hireloop-upload-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{directory}/bench.sqlite3",
        "HIRELOOP_VAR_DIR": str(directory),
        "HIRELOOP_MEDIA_ROOT": str(directory / "media"),
        "DJANGO_SETTINGS_MODULE": "hireloop.settings",
        "HIRELOOP_LOG_LEVEL": "WARNING",
        "TMPDIR": str(directory),
    }
    os.environ.update(env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    archive = directory / "resumes.zip"
    start = time.perf_counter()
    count = build_zip(archive, args.mb)
    size_mb = archive.stat().st_size / 1_000_000
    print(
        f"zip: {count} PDF resumes, {size_mb:.0f} MB, built in {time.perf_counter() - start:.0f} s"
    )
    subprocess.run([*manage, "migrate", "-v", "0"], check=True, env=env)
    setup = (
        "from hireloop.testing.factories import JobFactory, OrganisationFactory, UserFactory;"
        "u = UserFactory(username='bench', role='recruiter');"
        "j = JobFactory(organisation=OrganisationFactory(), created_by=u); j.recruiters.add(u);"
        "print(j.pk)"
    )
    job_id = int(
        subprocess.run(
            [*manage, "shell", "-c", setup], check=True, env=env, capture_output=True, text=True
        ).stdout.split()[-1]
    )
    web = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [*manage, "db_worker", "--queue-name", "*", "--interval", "0.5", "--no-reload"], env=env
    )
    try:
        wait_for_server()
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login = opener.open(f"http://127.0.0.1:{PORT}/login/").read().decode()
        form = {"username": "bench", "password": PASSWORD, "csrfmiddlewaretoken": csrf_of(login)}
        opener.open(f"http://127.0.0.1:{PORT}/login/", urllib.parse.urlencode(form).encode())
        opener.open(f"http://127.0.0.1:{PORT}/jobs/{job_id}/").read()
        time.sleep(2)
        before = {"web": peak_kib(web.pid), "worker": peak_kib(worker.pid)}
        print(
            f"before the upload: web VmHWM {before['web'] / 1024:.0f} MiB, "
            f"worker VmHWM {before['worker'] / 1024:.0f} MiB"
        )
        start = time.perf_counter()
        status = post_zip(opener, jar, job_id, archive)
        uploaded = time.perf_counter() - start
        print(
            f"upload: HTTP {status} after {uploaded:.1f} s; "
            f"web VmHWM {peak_kib(web.pid) / 1024:.0f} MiB"
        )
        children_peak, done_at = 0, None
        database = sqlite3.connect(directory / "bench.sqlite3", timeout=30)
        while time.perf_counter() - start < args.timeout:
            for child in children_of(worker.pid):
                with contextlib.suppress(OSError):  # a child that has just ended
                    children_peak = max(children_peak, peak_kib(child, "VmRSS"))
            status_row = database.execute("SELECT status FROM screening_uploadbatch").fetchone()
            pending = database.execute(
                "SELECT count(*) FROM candidates_resumefile WHERE status = 'pending'"
            ).fetchone()[0]
            queued = database.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()[0]
            if status_row and status_row[0] != "received" and not pending and not queued:
                done_at = time.perf_counter() - start
                break
            time.sleep(0.5)
        stored = database.execute(
            "SELECT count(*), sum(status = 'parsed') FROM candidates_resumefile"
        ).fetchone()
        batch = database.execute("SELECT status, error FROM screening_uploadbatch").fetchone()
        print(
            f"worker: batch {batch[0]} {batch[1]!r}; {stored[0]} resumes stored, {stored[1]} read; "
            f"finished after {done_at if done_at is None else round(done_at)} s"
        )
        figures = {"web": peak_kib(web.pid), "worker": peak_kib(worker.pid)}
        print(
            f"peak web VmHWM {figures['web'] / 1024:.0f} MiB, "
            f"peak worker VmHWM {figures['worker'] / 1024:.0f} MiB, "
            f"largest sandbox child RSS seen {children_peak / 1024:.0f} MiB"
        )
        print(
            f"SUMMARY zip_mb={size_mb:.0f} files={count} web_peak_mib={figures['web'] / 1024:.0f} "
            f"worker_peak_mib={figures['worker'] / 1024:.0f} "
            f"child_peak_mib={children_peak / 1024:.0f} "
            f"upload_s={uploaded:.1f} done_s={done_at if done_at is None else round(done_at)}"
        )
    finally:
        for process in (web, worker):
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
