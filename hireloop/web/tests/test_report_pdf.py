"""The report as a PDF: who may download it, what it says in both languages, and that it is
really drawn (page 1 rendered to an image), with the real scoring worker behind it."""

import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from django.utils import translation

from hireloop.assessment.models import Report
from hireloop.assessment.radar import AI_COLOUR, FILL_OPACITY, REVIEW_COLOUR
from hireloop.assessment.report_pdf import (
    OfflineFetcher,
    ReportRenderingRefused,
    html_to_pdf,
    render_report_pdf,
)
from hireloop.decisions.models import InterviewerReview
from hireloop.interviews.services import current_question, do_invite, do_start, do_submit_answer
from hireloop.testing.factories import PASSWORD, ApplicationFactory, DimensionFactory
from hireloop.web.views.reports import report_summary_context

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
STRONG = (
    "Last year our payment service failed every night. I took the lead, worked together with "
    "the database team to debug it, and found the root cause: a missing index. After the fix, "
    "measured latency fell by 80% and the team helped me write a runbook."
)
WEAK = "I do not know."
STRONG_ZH = (
    "去年项目中，产品和开发因为上线时间发生冲突。我主动组织了三次沟通会，先倾听双方意见，"
    "再提出分阶段上线的方案。最终双方达成共识，项目提前5天上线。"
)


@pytest.fixture
def report(job, recruiter, run_worker) -> Report:  # type: ignore[no-untyped-def]
    """A scored interview on three dimensions: one answered well, one badly, one in Chinese."""
    DimensionFactory(job=job, name="沟通协调", weight=Decimal(20), keywords=["沟通", "共识"])
    by_dimension = {"problem solving": STRONG, "teamwork": WEAK, "沟通协调": STRONG_ZH}
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    do_start(session=session)
    while (question := current_question(session)[0]) is not None:
        name = question.dimensions.get().name
        do_submit_answer(session=session, question_id=question.pk, text=by_dimension[name])
    run_worker()
    return Report.objects.get(session=session)


def get_pdf(client, user, report: Report, language: str = "en"):  # type: ignore[no-untyped-def]
    assert client.login(username=user.username, password=PASSWORD)
    return client.get(reverse("web:report_pdf", args=[report.pk]), HTTP_ACCEPT_LANGUAGE=language)


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def page_one(data: bytes) -> np.ndarray:
    """Page 1 rendered at 144 dpi as RGB pixels; the PNG is kept for people to look at."""
    document = pdfium.PdfDocument(data)
    try:
        image = document[0].render(scale=2).to_pil().convert("RGB")
    finally:
        document.close()
    ARTIFACTS.mkdir(exist_ok=True)
    image.save(ARTIFACTS / "report-pdf-page1.png")
    return np.asarray(image).astype(int)


def test_the_pdf_of_a_visible_report_is_a_real_pdf(client, report, interviewer) -> None:  # type: ignore[no-untyped-def]
    response = get_pdf(client, interviewer, report)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="report-{report.pk}.pdf"'
    data = response.content
    assert data.startswith(b"%PDF-")
    assert len(pdfium.PdfDocument(data)) >= 1
    text = pdf_text(data)
    for expected in (
        "problem solving",
        "teamwork",
        "沟通协调",
        "Test Company",  # the organisation's English name
        "Backend Engineer",
        "张*",  # the candidate, masked as on the page
        "This is a recommendation by the AI. A person makes every decision.",
        "Overall match",
        "Strengths",
        "Gaps",
    ):
        assert expected in text, expected
    assert "张伟" not in text
    assert "±" in text


def test_the_pdf_comes_out_in_chinese(client, report, interviewer) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(get_pdf(client, interviewer, report, language="zh-hans").content)
    for expected in ("面试报告", "综合匹配度", "以下为 AI 给出的建议", "沟通协调", "测试公司"):
        assert expected in text, expected
    # The renderer itself follows the active language, whoever calls it.
    scores = list(report.scores.select_related("dimension"))
    with translation.override("zh-hans"):
        context = {
            "report": report,
            "application": report.session.application,
            "scores": scores,
            "redactor": None,
        }
        data = render_report_pdf(
            context=context | report_summary_context(report=report, scores=scores)
        )
    assert "综合匹配度" in pdf_text(data) and "沟通协调" in pdf_text(data)


def test_page_one_is_drawn_with_the_radar(client, report, interviewer) -> None:  # type: ignore[no-untyped-def]
    InterviewerReview.objects.create(
        report=report,
        reviewer=interviewer,
        scores={str(s.dimension_id): 8 for s in report.scores.all()},
        decision="hold",
    )
    pixels = page_one(get_pdf(client, interviewer, report).content)
    inked = int((pixels.min(axis=2) < 235).sum())
    share = inked / (pixels.shape[0] * pixels.shape[1])
    assert share > 0.02, f"page 1 looks blank ({share:.1%} inked)"
    # The AI polygon: its fill colour at FILL_OPACITY over white paper.
    colour = np.array([int(AI_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])
    fill = np.rint(255 - FILL_OPACITY * (255 - colour))
    radar_area = int((np.abs(pixels - fill).max(axis=2) <= 8).sum())
    assert radar_area > 5000, f"radar fill {fill} covers only {radar_area} pixels"
    # The interviewer's dashed outline.
    review = np.array([int(REVIEW_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])
    assert int((np.abs(pixels - review).max(axis=2) <= 40).sum()) > 200


def test_the_page_and_the_pdf_show_the_same_band(client, report, interviewer) -> None:  # type: ignore[no-untyped-def]
    assert client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("web:report_detail", args=[report.pk]), HTTP_ACCEPT_LANGUAGE="en")
    summary = page.context["summary"]
    html = page.content.decode()
    assert f'href="{reverse("web:report_pdf", args=[report.pk])}"' in html
    assert 'data-testid="report-pdf-link"' in html
    band = f"± {summary.band.margin:.1f}"
    assert band in html
    assert "problem solving" in summary.strengths and "teamwork" in summary.gaps
    assert band in pdf_text(get_pdf(client, interviewer, report).content)


def test_another_jobs_interviewer_gets_not_found(client, report, other_interviewer) -> None:  # type: ignore[no-untyped-def]
    assert get_pdf(client, other_interviewer, report).status_code == 404
    missing = client.get(reverse("web:report_pdf", args=[report.pk + 999]))
    assert missing.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, report) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("web:report_pdf", args=[report.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


class _Recorder(BaseHTTPRequestHandler):
    paths: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.paths.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.mark.django_db(transaction=False)
def test_rendering_never_fetches_from_the_network_or_reads_outside_static() -> None:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        html_to_pdf(
            f'<link rel="stylesheet" href="{url}/style.css"><p>x</p><img src="{url}/pixel.png">'
            '<img src="file:///etc/hostname">'
        )
    finally:
        server.shutdown()
    assert _Recorder.paths == []
    fetcher = OfflineFetcher(Path(__file__).parent)
    with pytest.raises(ReportRenderingRefused):
        fetcher.fetch(f"{url}/pixel.png")
    with pytest.raises(ReportRenderingRefused):
        fetcher.fetch("file:///etc/hostname")
    assert fetcher.fetch(Path(__file__).as_uri()).read().startswith(b'"""')
