"""The candidate page in a real browser, phone and desktop, English and Chinese: the invitation
link and QR code are in the first screen, and the original resume's pages are drawn."""

from django.test import Client
from django.urls import reverse

from hireloop.candidates.models import Application
from hireloop.testing.browser import BROWSER_MARKS, csp_violations, shot, staff_page, wait_until
from hireloop.testing.documents import STRONG_EN_RESUME, pdf_bytes
from hireloop.testing.factories import PASSWORD

from .test_hiring_flow import upload

pytestmark = BROWSER_MARKS

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def test_actions_first_and_the_original_resume_on_phone_and_desktop(
    browser, live_server, job, recruiter, run_worker
):  # type: ignore[no-untyped-def]
    client = Client()
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.pdf", pdf_bytes(STRONG_EN_RESUME))
    run_worker()
    application = Application.objects.get(job=job)
    client.post(reverse("web:application_invite", args=[application.pk]), {"notes": ""})
    resume = application.resumes.get()
    for language in ("en", "zh-hans"):
        page = staff_page(browser, live_server, recruiter.username, language)
        for device, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            page.goto(f"{live_server.url}/applications/{application.pk}/")
            qr = page.get_by_test_id("interview-qr").bounding_box()
            # The first screen holds the link and code (they used to sit ~2,600 px down).
            assert qr is not None and qr["y"] < viewport["height"], (language, device)
            shot(page, f"candidate-page-{device}-{language}")
            page.get_by_test_id("open-original").click()
            wait_until(page, "document.querySelector('img.resume-page')?.naturalWidth > 0")
            shot(page, f"original-resume-{device}-{language}")
            assert csp_violations(page) == []
        page.context.close()
    assert resume.application_id == application.pk
