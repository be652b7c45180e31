"""Safe by default: no debug page, plain error pages, security headers, no open upload folder."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import path, reverse

from hireloop.interviews.services import do_invite, link_token
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = settings.BASE_DIR


def _crash(request):  # type: ignore[no-untyped-def]
    raise RuntimeError("SECRET-DETAIL-IN-EXCEPTION /srv/hireloop/settings.py")


urlpatterns = [path("crash/", _crash)]
handler500 = "hireloop.web.views.errors.server_error"


def _environment(**extra: str) -> dict[str, str]:
    """The deployment's environment: none of the test run's own switches (the browser tests set
    DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses)."""
    drop = ("HIRELOOP_DEBUG", "HIRELOOP_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    return {k: v for k, v in os.environ.items() if k not in drop} | extra


def _settings_in_subprocess(code: str, **env: str) -> str:
    clean = _environment()
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "hireloop.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_debug_is_off_unless_a_developer_turns_it_on() -> None:
    code = "from django.conf import settings; print(settings.DEBUG)"
    assert _settings_in_subprocess(code) == "False"
    assert _settings_in_subprocess(code, HIRELOOP_DEBUG="1") == "True"


def test_production_settings_pass_the_deploy_check() -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_environment(HIRELOOP_HTTPS="1"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_without_https_the_deploy_check_names_what_is_missing() -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
    )
    assert "security.W012" in done.stdout + done.stderr  # the session cookie is not Secure


def test_a_server_error_shows_a_reference_and_nothing_of_the_server(settings, caplog) -> None:  # type: ignore[no-untyped-def]
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/crash/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "SECRET-DETAIL" not in page and "settings.py" not in page and "Traceback" not in page
    reference = page.split('data-testid="error-reference">')[1].split("<")[0]
    assert len(reference) == 12
    assert any(reference in record.getMessage() for record in caplog.records)


def test_a_malformed_room_post_is_a_message_not_a_server_error(application, recruiter) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=application, actor=recruiter)
    url = reverse("web:room", args=[link_token(session)])
    candidate = Client(raise_request_exception=False)
    for post in (
        {"probe": "1", "probe_id": "abc"},
        {"probe": "1", "probe_id": "9" * 40},
        {"question_id": "x", "text": "hi"},
        {"follow_up": "1", "text": "x" * 30000},
    ):
        response = candidate.post(url, post)
        assert response.status_code == 200, post
        assert "Traceback" not in response.content.decode()


def test_pages_carry_the_security_headers(client, application, recruiter) -> None:  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    response = client.get(reverse("web:application_detail", args=[application.pk]))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_no_page_has_an_inline_script() -> None:
    """script-src 'self' would block them: every script is a static file."""
    templates = [*ROOT.joinpath("hireloop").rglob("templates/**/*.html")]
    offenders = [
        str(t) for t in templates if "<script>" in t.read_text() or "<script nonce" in t.read_text()
    ]
    assert templates and not offenders


def test_uploaded_files_are_not_served_by_url(client, settings, hr_admin) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "resume.pdf").write_bytes(b"%PDF-1.4 secret")
    client.login(username=hr_admin.username, password=PASSWORD)
    for url in ("/resume.pdf", "/media/resume.pdf", f"/{settings.MEDIA_URL.strip('/')}/resume.pdf"):
        assert b"secret" not in client.get(url).content


def test_an_unknown_url_lists_no_url_patterns(client) -> None:  # type: ignore[no-untyped-def]
    page = Client(raise_request_exception=False).get("/no-such-page/").content.decode()
    assert "admin/" not in page and "URLconf" not in page and "login/" not in page


def test_keys_are_not_kept_beside_the_database() -> None:
    """A fresh install writes its generated keys outside var/, where the database lives."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        code = "from django.conf import settings; print(settings.SECRETS_FILE)"
        secrets_file = _settings_in_subprocess(
            code, HIRELOOP_VAR_DIR=f"{folder}/var", XDG_CONFIG_HOME=f"{folder}/config"
        )
        assert secrets_file == f"{folder}/config/hireloop/secrets.json"
        assert not os.path.exists(f"{folder}/var/secrets.json")
        assert oct(os.stat(secrets_file).st_mode & 0o777) == "0o600"


def test_keys_left_beside_the_database_by_an_older_install_are_warned_about(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "secrets.json").write_text(
        '{"secret_key": "' + "k" * 60 + '", "field_key": "' + "ab" * 32 + '"}'
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=_environment(HIRELOOP_VAR_DIR=str(tmp_path / "var"), HIRELOOP_HTTPS="1"),
        capture_output=True,
        text=True,
    )
    assert "hireloop.W001" in done.stdout + done.stderr
    # The older file gained the audit key it lacked, and kept the keys it had.
    import json

    kept = json.loads((tmp_path / "var" / "secrets.json").read_text())
    assert kept["field_key"] == "ab" * 32 and len(bytes.fromhex(kept["audit_key"])) == 32


def test_the_room_is_served_where_invitations_send_candidates(application, recruiter) -> None:  # type: ignore[no-untyped-def]
    """interviews.ROOM_PATH and the pages' URL for the room must stay the same path."""
    from hireloop.interviews.services import interview_url

    session = do_invite(application=application, actor=recruiter)
    assert interview_url(session) == reverse("web:room", args=[link_token(session)])


def test_domain_apps_name_no_url_or_template_of_the_pages() -> None:
    """Import contracts cannot see strings: reverse("web:…") or a "web/…" template in a domain
    app would tie it to the pages again."""
    domain = ("interviews", "assessment", "candidates", "screening", "media", "archive", "jobs")
    offenders = [
        f"{path}: {hint}"
        for app in domain
        for path in (ROOT / "hireloop" / app).rglob("*.py")
        if "tests" not in path.parts
        for hint in ('"web:', '"web/')
        if hint in path.read_text()
    ]
    assert offenders == []
