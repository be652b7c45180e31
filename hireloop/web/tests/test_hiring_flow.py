"""The whole hiring loop through the pages, with real files, database and worker."""

import pytest
from django.core import mail
from django.urls import reverse

from hireloop.archive.models import Employee
from hireloop.assessment.models import Report
from hireloop.candidates.models import Application, ResumeFile
from hireloop.interviews.services import link_token
from hireloop.testing.documents import (
    STRONG_EN_RESUME,
    WEAK_EN_RESUME,
    docx_bytes,
    pdf_bytes,
)
from hireloop.testing.dump import raw_database_dump
from hireloop.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

GOOD_ANSWER = (
    "Last year our payment service failed every night. I took the lead, worked together with "
    "the database team to debug it, and found the root cause: a missing index. After the fix, "
    "measured latency fell by 80% and the team helped me write a runbook."
)


def upload(client, job, name: str, data: bytes):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("web:job_upload", args=[job.pk]),
        {"resumes": [SimpleUploadedFile(name, data)]},
    )


def test_job_to_employee(client, job, recruiter, interviewer, run_worker):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.pdf", pdf_bytes(STRONG_EN_RESUME))
    upload(client, job, "bob.docx", docx_bytes(WEAK_EN_RESUME))
    run_worker()

    assert set(ResumeFile.objects.values_list("status", flat=True)) == {"parsed"}
    ranking = client.get(reverse("web:job_detail", args=[job.pk])).context["rows"]
    best, worst = ranking[0][0], ranking[-1][0]
    assert best.candidate.name == "Alice Chen" and worst.candidate.name == "Bob Li"
    assert best.match_score > worst.match_score

    response = client.post(reverse("web:application_invite", args=[best.pk]), {"notes": "Hi"})
    assert response.status_code == 302
    best.refresh_from_db()
    assert best.stage == "invited"
    session = best.interview_sessions.get()
    assert mail.outbox == []  # the e-mail is the worker's (hireloop/notify), never the request's
    run_worker()
    assert len(mail.outbox) == 1 and link_token(session) in mail.outbox[0].body
    page = client.get(reverse("web:application_detail", args=[best.pk])).content.decode()
    qr = page.split('data-testid="interview-qr"')[1].split("</figure>")[0]
    assert "<svg" in qr and 'class="segno"' in qr and link_token(session) in page

    candidate = client.__class__()
    room = reverse("web:room", args=[link_token(session)])
    candidate.post(room, {"start": "1"})
    assert 'data-testid="practice"' in candidate.get(room).content.decode()
    candidate.post(room, {"practice_done": "1"})
    total = session.plan.items.count()
    for number in range(1, total + 1):
        page = candidate.get(room)
        assert f"{number}/{total}" in page.content.decode()
        question = page.context["question"]
        candidate.post(room, {"question_id": question.pk, "text": GOOD_ANSWER})
    page = candidate.get(room)
    assert page.context["step"] == "probe"  # Alice's resume says she led a team of 5
    assert "led a team of 5" in page.content.decode()
    probe = page.context["probe"]
    candidate.post(room, {"probe": "1", "probe_id": probe.pk, "text": "I led five engineers."})
    assert candidate.get(room).context["session"].status == "completed"
    run_worker()  # delivers interview.completed, which queues scoring; then scores

    report = Report.objects.get(session=session)
    assert report.scores.count() == job.dimensions.count()
    quotes = [quote for s in report.scores.all() for quote in s.evidence]
    assert quotes and all(quote in GOOD_ANSWER for quote in quotes), quotes

    client.logout()
    client.login(username=interviewer.username, password=PASSWORD)
    form = {f"dim_{s.dimension_id}": round(s.score) for s in report.scores.all()}
    form.update({"comments": "Concrete, measured example."})
    assert client.post(reverse("web:report_detail", args=[report.pk]), form).status_code == 302
    assert Application.objects.get(pk=best.pk).stage == "interviewed"  # a review decides nothing
    decide = reverse("web:report_decide", args=[report.pk, "offer"])
    client.post(decide, {"reason": "Concrete, measured example.", "confirmed": "1"})
    assert Application.objects.get(pk=best.pk).stage == "offer"

    client.logout()
    client.login(username=recruiter.username, password=PASSWORD)
    client.post(reverse("web:application_hire", args=[best.pk]), {"reason": "Offer accepted"})
    employee = Employee.objects.get(application=best)
    assert employee.name == "Alice Chen"
    assert employee.interview_results["reports"][0]["overall_score"] == report.overall_score
    review = employee.interview_results["reports"][0]["reviews"][0]
    assert review["reviewer"] == interviewer.username and review["scores"]

    dump = raw_database_dump()
    assert "Backend Engineer" in dump  # the dump is real and readable
    for secret in (
        "Alice Chen",
        "alice.chen@example.com",
        "13912345678",
        "Bob Li",
        "payment service",
        "Offer accepted",
    ):
        assert secret not in dump, secret


def test_a_divergent_review_must_be_re_checked(client, job, recruiter, interviewer, run_worker):  # type: ignore[no-untyped-def]
    from hireloop.decisions.models import InterviewerReview
    from hireloop.interviews.services import current_question, do_invite, do_start, do_submit_answer
    from hireloop.testing.factories import ApplicationFactory

    application = ApplicationFactory(job=job)
    session = do_invite(application=application, actor=recruiter)
    do_start(session=session)
    while (question := current_question(session)[0]) is not None:
        do_submit_answer(session=session, question_id=question.pk, text="I do not know.")
    run_worker()
    report = Report.objects.get(session=session)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.login(username=interviewer.username, password=PASSWORD)
    form = {f"dim_{s.dimension_id}": 10 for s in report.scores.all()}
    form.update({"comments": ""})
    page = client.post(reverse("web:report_detail", args=[report.pk]), form)
    assert page.status_code == 200 and 'data-testid="divergence-warning"' in page.content.decode()
    assert not InterviewerReview.objects.exists()
    form["confirm_divergence"] = "on"
    page = client.post(reverse("web:report_detail", args=[report.pk]), form)
    assert (
        "why you keep a score" in page.content.decode() and not InterviewerReview.objects.exists()
    )
    # Keep one dimension apart (with a reason), bring the other in line with the AI.
    kept, adjusted = list(report.scores.all())
    form[f"dim_{adjusted.dimension_id}"] = adjusted.score
    form["divergence_note"] = "The answer shows more than the words suggest."
    answer = session.answers.first()
    form[f"annotation_{answer.pk}"] = "Honest, but no example."
    client.post(reverse("web:report_detail", args=[report.pk]), form)
    review = InterviewerReview.objects.get()
    resolutions = {d["dimension_id"]: d["resolution"] for d in review.divergences}
    assert resolutions == {kept.dimension_id: "kept", adjusted.dimension_id: "adjusted"}
    assert review.divergence_note == "The answer shows more than the words suggest."
    assert [(a.answer_id, a.text) for a in review.annotations.all()] == [
        (answer.pk, "Honest, but no example.")
    ]
    page = client.get(reverse("web:report_detail", args=[report.pk])).content.decode()
    assert page.count('data-testid="divergence-record"') == 2 and "Honest, but no example." in page


def test_resume_claims_no_answer_supports_are_flagged_on_the_report(  # type: ignore[no-untyped-def]
    client, job, recruiter, interviewer, run_worker
):
    from hireloop.testing.interviews import take_interview

    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.pdf", pdf_bytes(STRONG_EN_RESUME))
    run_worker()
    application = Application.objects.get(job=job)
    session = take_interview(
        application=application, actor=recruiter, answers="I fixed a bug in the payment code."
    )
    assert [f["kind"] for f in session.report.consistency_flags] == ["leadership"]
    (probe,) = session.probes.all()  # the room asked about the claim, in the job's language
    assert probe.kind == "leadership" and "led a team of 5 engineers" in probe.question_text
    assert probe.answered_at is not None
    client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("web:report_detail", args=[session.report.pk])).content.decode()
    flags = page.split('data-testid="consistency-flags"')[1].split("</div>\n")[0]
    assert "led a team of 5 engineers" in flags
    assert 'data-testid="claim-probes"' in page and "I fixed a bug in the payment code." in page
    assert "led a team of 5" not in raw_database_dump()  # the quote is stored encrypted
