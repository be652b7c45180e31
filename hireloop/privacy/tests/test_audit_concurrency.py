"""The web server and two workers write audit entries at the same moment: the chain never forks.

Real processes on the test's database (SQLite: a file copy; PostgreSQL: the test database),
the way `make run` runs them: every writer locks the log's head row before reading it.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest
from django.contrib.auth.hashers import make_password

from hireloop.privacy.audit import verify_audit_log
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD
from hireloop.testing.processes import SharedDatabase, worker_env
from hireloop.testing.server import ROOT, Server

pytestmark = pytest.mark.django_db(transaction=True)
PER_WORKER = 60
PAGE_VIEWS = 30
WRITER = """
import django, sys
django.setup()
from hireloop.privacy.services import do_audit
for i in range(int(sys.argv[1])):
    do_audit(actor=sys.argv[2], action="update", object_type="task", object_id=i)
"""


def _page_views(server: Server, path: str, username: str) -> int:
    """Log in as a person would and open a page that reveals contact details, many times."""
    with httpx.Client(base_url=server.url, timeout=30) as browser:
        login_page = browser.get("/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)  # type: ignore[union-attr]
        browser.post(
            "/login/",
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        return sum(browser.get(path).status_code == 200 for _ in range(PAGE_VIEWS))


def test_server_and_two_workers_writing_at_once_never_fork_the_chain(application, recruiter):  # type: ignore[no-untyped-def]
    # The server runs the product's settings, which know only the product's password hash
    # (the suite's own users get a fast one: conftest).
    recruiter.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    recruiter.save(update_fields=["password"])
    with tempfile.TemporaryDirectory() as folder:
        shared = SharedDatabase(Path(folder))
        shared.hand_over()
        env = worker_env(shared.url())
        server = Server(env).start()
        try:
            workers = [
                subprocess.Popen(
                    [sys.executable, "-c", WRITER, str(PER_WORKER), f"worker-{n}"],
                    cwd=ROOT,
                    env=env,
                )
                for n in (1, 2)
            ]
            served = _page_views(server, f"/applications/{application.pk}/", recruiter.username)
            assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
        finally:
            server.stop()
        shared.take_back()
    assert served == PAGE_VIEWS
    assert AuditEntry.objects.filter(object_type="task").count() == 2 * PER_WORKER
    reveals = AuditEntry.objects.filter(action="reveal", actor=recruiter).count()
    assert reveals >= PAGE_VIEWS
    report = verify_audit_log()
    assert report.intact, report.problems[:5]
    assert report.entries == AuditEntry.objects.count()
