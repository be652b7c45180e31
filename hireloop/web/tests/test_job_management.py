"""Managing a job after its creation, through the pages and the real worker: editing its
requirements re-screens its resumes, a closed job refuses uploads and invitations, and the
job list and the job's application list filter, sort and page."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from hireloop.candidates.models import Application, ResumeFile
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import do_invite, link_token, session_from_token
from hireloop.jobs.changes import do_close_job, do_reopen_job
from hireloop.jobs.services import JobClosed
from hireloop.screening.bulk import do_receive_files, do_receive_zip
from hireloop.screening.services import do_intake_resume
from hireloop.testing.documents import STRONG_EN_RESUME, WEAK_EN_RESUME, docx_bytes, pdf_bytes
from hireloop.testing.factories import PASSWORD, ApplicationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _client(user, language: str = "en") -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _page(client: Client, name: str, *args, **query) -> str:  # type: ignore[no-untyped-def]
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200
    return response.content.decode()


# --- closing and reopening -------------------------------------------------------------------


def test_a_closed_job_refuses_uploads_and_invitations_until_it_is_reopened(job, recruiter):  # type: ignore[no-untyped-def]
    waiting = ApplicationFactory(job=job)
    invited = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    do_close_job(job=job, actor=recruiter, reason="Filled")
    resume = pdf_bytes(STRONG_EN_RESUME)

    # The services refuse, whoever calls them, and store nothing.
    with pytest.raises(JobClosed):
        do_receive_files(job=job, files=[("a.pdf", resume, "")], actor=recruiter)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as members:
        members.writestr("a.pdf", resume)
    with pytest.raises(JobClosed):
        do_receive_zip(job=job, filename="round.zip", data=archive.getvalue(), actor=recruiter)
    with pytest.raises(JobClosed):
        do_invite(application=waiting, actor=recruiter)
    assert not ResumeFile.objects.exists() and not job.upload_batches.exists()
    assert InterviewSession.objects.count() == 1
    # The link sent before closing still opens the interview.
    assert session_from_token(link_token(invited)) == invited

    # The pages say so, in the reader's language, and offer neither upload nor invitation.
    for language, closed in (("en", "is closed"), ("zh-hans", "已关闭")):
        client = _client(recruiter, language)
        response = client.post(
            reverse("web:job_upload", args=[job.pk]),
            {"resumes": [SimpleUploadedFile("a.pdf", resume)]},
            follow=True,
        )
        assert closed in response.content.decode()
        detail = _page(client, "web:job_detail", job.pk)
        assert 'data-testid="job-closed"' in detail and 'name="resumes"' not in detail
        assert 'data-status="closed"' in detail and 'data-testid="reopen-job"' in detail
        application = _page(client, "web:application_detail", waiting.pk)
        assert 'data-testid="invite-closed"' in application
        assert reverse("web:application_invite", args=[waiting.pk]) not in application
        invite = client.post(reverse("web:application_invite", args=[waiting.pk]), follow=True)
        assert closed in invite.content.decode()
    assert not ResumeFile.objects.exists() and InterviewSession.objects.count() == 1

    do_reopen_job(job=job, actor=recruiter)
    do_receive_files(job=job, files=[("a.pdf", resume, "")], actor=recruiter)
    do_invite(application=waiting, actor=recruiter)
    assert ResumeFile.objects.count() == 1 and InterviewSession.objects.count() == 2
    assert 'name="resumes"' in _page(_client(recruiter), "web:job_detail", job.pk)


def test_the_close_confirmation_says_what_happens_to_the_open_links(job, recruiter):  # type: ignore[no-untyped-def]
    soon = timezone.now() + timedelta(days=2)
    later = timezone.now() + timedelta(days=5)
    do_invite(application=ApplicationFactory(job=job), actor=recruiter, deadline=soon)
    do_invite(application=ApplicationFactory(job=job), actor=recruiter, deadline=later)
    expired = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    InterviewSession.objects.filter(pk=expired.pk).update(deadline=timezone.now())
    english = _page(_client(recruiter), "web:job_close", job.pk)
    assert "2 open interview links stay valid until their deadlines" in english
    assert "No new resumes can be uploaded and no new invitations sent" in english
    chinese = _page(_client(recruiter, "zh-hans"), "web:job_close", job.pk)
    assert "2 个已发出的面试链接在各自截止时间前仍然有效" in chinese
    assert "关闭期间不能上传新的简历" in chinese

    response = _client(recruiter).post(
        reverse("web:job_close", args=[job.pk]), {"reason": "Filled"}, follow=True
    )
    assert "The job is closed." in response.content.decode()
    job.refresh_from_db()
    assert job.status == "closed" and job.changes.get().reason == "Filled"
    reopen = _page(_client(recruiter), "web:job_reopen", job.pk)
    assert "Resumes can be uploaded and invitations sent again." in reopen
    assert "2 open interview links are not affected." in reopen
    # A job already closed is not closed again: the page sends the reader back to it.
    again = _client(recruiter).get(reverse("web:job_close", args=[job.pk]))
    assert again.status_code == 302 and again["Location"].endswith(f"/jobs/{job.pk}/")


def test_an_interviewer_may_not_edit_close_or_reopen(job, interviewer):  # type: ignore[no-untyped-def]
    client = _client(interviewer)
    for name in ("web:job_edit", "web:job_close"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 403
        assert client.post(reverse(name, args=[job.pk]), {"reason": "x"}).status_code == 403
    detail = _page(client, "web:job_detail", job.pk)
    assert 'data-testid="edit-job"' not in detail and 'data-testid="close-job"' not in detail
    job.refresh_from_db()
    assert job.status == "open"


# --- editing requirements ----------------------------------------------------------------------


def _edit_post(job, **changes) -> dict:  # type: ignore[no-untyped-def]
    values = {
        "title": job.title,
        "description": job.description,
        "department": "",
        "min_degree": job.min_degree,
        "min_years": job.min_years,
        "skills": ", ".join(job.skills),
        "must_have_keywords": ", ".join(job.must_have_keywords),
        "bonus_keywords": ", ".join(job.bonus_keywords),
        "reason": "Service desk instead of backend",
    }
    return values | changes


@override_settings(HIRELOOP_SCREENING_EMBEDDER="hashing")
def test_editing_the_requirements_rescreens_the_resumes_on_the_worker(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    for name, data in (
        ("alice.pdf", pdf_bytes(STRONG_EN_RESUME)),
        ("bob.docx", docx_bytes(WEAK_EN_RESUME)),
    ):
        do_intake_resume(job=job, filename=name, data=data, actor=recruiter)
    run_worker()
    by_name = {a.candidate.name: a for a in Application.objects.select_related("candidate")}
    alice, bob = by_name["Alice Chen"], by_name["Bob Li"]
    assert (alice.meets_requirements, bob.meets_requirements) == (True, False)
    assert alice.screened_revision == bob.screened_revision == 1
    client = _client(recruiter)
    form = _page(client, "web:job_edit", job.pk)
    assert 'value="Python"' in form  # the form starts from the job as it is
    assert 'name="interviewers"' not in form  # the team is not changed here

    response = client.post(
        reverse("web:job_edit", args=[job.pk]),
        _edit_post(
            job, min_degree=0, min_years=0, skills="Excel", must_have_keywords="customer service"
        ),
        follow=True,
    )
    page = response.content.decode()
    # Saved; until the worker has screened again, every score says it is out of date.
    assert "being screened again" in page
    assert 'data-testid="stale-scores"' in page and page.count('data-testid="stale-score"') == 2
    assert "2 scores were made against the job's earlier requirements" in page
    stale = _page(client, "web:application_detail", alice.pk)
    assert 'data-testid="stale-explanation"' in stale

    run_worker()
    alice.refresh_from_db()
    bob.refresh_from_db()
    assert (alice.meets_requirements, bob.meets_requirements) == (False, True)
    assert alice.screened_revision == bob.screened_revision == 2
    checks = {c["requirement"]: c["met"] for c in bob.match_explanation["checks"]}
    assert checks == {"Excel": True, "customer service": True, "teamwork": False}
    page = _page(client, "web:job_detail", job.pk)
    assert 'data-testid="stale-score' not in page
    ranked = [
        row[0].pk for row in client.get(reverse("web:job_detail", args=[job.pk])).context["rows"]
    ]
    assert ranked == [bob.pk, alice.pk]  # who meets the new requirements comes first
    history = _page(client, "web:job_edit", job.pk)
    assert "Service desk instead of backend" in history and "Python → customer service" in history


def test_a_refused_edit_says_why_and_changes_nothing(job, recruiter):  # type: ignore[no-untyped-def]
    client = _client(recruiter)
    unchanged = client.post(reverse("web:job_edit", args=[job.pk]), _edit_post(job))
    assert "Nothing was changed." in unchanged.content.decode()
    no_reason = client.post(reverse("web:job_edit", args=[job.pk]), _edit_post(job, reason=""))
    assert no_reason.status_code == 200 and no_reason.context["form"].errors["reason"]
    job.refresh_from_db()
    assert job.requirements_revision == 1 and not job.changes.exists()


# --- the job list ----------------------------------------------------------------------------


@pytest.fixture
def jobs(organisation, recruiter, job):  # type: ignore[no-untyped-def]
    from hireloop.org.models import Department
    from hireloop.testing.factories import JobFactory

    sales = Department.objects.create(organisation=organisation, name="销售部", name_en="Sales")
    support = Department.objects.create(organisation=organisation, name="客服部", name_en="Support")
    made = {"backend": job}
    for key, title, department, description in (
        ("sales", "Key account manager", sales, "Sell cloud services"),
        ("desk", "Service desk agent", support, "Answer the phone"),
        ("old", "Service desk lead", support, ""),
    ):
        made[key] = JobFactory(
            organisation=organisation,
            title=title,
            department=department,
            description=description,
            created_by=recruiter,
        )
        made[key].recruiters.add(recruiter)
    do_close_job(job=made["old"], actor=recruiter)
    return made, sales, support


def _titles(client: Client, **query) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(reverse("web:job_list"), query)
    assert response.status_code == 200
    return sorted(job.title for job in response.context["rows"])


def test_the_job_list_filters_by_status_department_and_text(jobs, recruiter):  # type: ignore[no-untyped-def]
    made, sales, support = jobs
    client = _client(recruiter)
    assert len(_titles(client)) == 4
    assert _titles(client, status="closed") == ["Service desk lead"]
    assert "Service desk lead" not in _titles(client, status="open")
    assert _titles(client, department=support.pk) == ["Service desk agent", "Service desk lead"]
    assert _titles(client, department=support.pk, status="open") == ["Service desk agent"]
    assert _titles(client, q="desk") == ["Service desk agent", "Service desk lead"]
    assert _titles(client, q="CLOUD") == ["Key account manager"]  # the description too
    assert _titles(client, q="nothing like it") == []
    # Values it does not know are ignored, never an error.
    assert len(_titles(client, status="nope", department="x" * 300)) == 4
    page = _page(client, "web:job_list", status="closed")
    assert 'data-status="closed"' in page and 'data-testid="clear-filters"' in page
    assert "Support" in _page(client, "web:job_list") and "客服部" in _page(
        _client(recruiter, "zh-hans"), "web:job_list"
    )


def test_the_job_list_pages_and_keeps_its_filters(jobs, recruiter, monkeypatch):  # type: ignore[no-untyped-def]
    from hireloop.web.views import jobs as job_views

    monkeypatch.setattr(job_views, "JOB_PAGE_SIZE", 1)
    client = _client(recruiter)
    first = _page(client, "web:job_list", q="desk")
    assert "page 1 of 2" in first and "?q=desk&amp;page=2" in first
    assert len(client.get(reverse("web:job_list"), {"q": "desk", "page": 2}).context["rows"]) == 1
    assert client.get(reverse("web:job_list"), {"page": "x"}).status_code == 200


# --- the job's application list ----------------------------------------------------------------


def _explanation(meets: bool, integrity: list[str]) -> dict:  # type: ignore[type-arg]
    return {"passes_filters": meets, "integrity": integrity, "checks": [], "score": 0}


@pytest.fixture
def listed(job):  # type: ignore[no-untyped-def]
    """Five screened applications: score, meets, finding, stage, name; and one being read."""
    rows = {}
    for days_ago, (name, score, meets, finding, stage) in enumerate(
        [
            ("Dora Wu", 90.0, False, [], "applied"),
            ("Carl Ng", 70.0, True, ["hidden_text"], "applied"),
            ("Ann Lee", 60.0, True, [], "invited"),
            ("Eve Ma", 50.0, False, [], "shortlisted"),
            ("Ben Ho", 40.0, True, [], "rejected"),
        ]
    ):
        application = ApplicationFactory(job=job, candidate__name=name, stage=stage)
        Application.objects.filter(pk=application.pk).update(
            match_score=score,
            meets_requirements=meets,
            has_integrity_finding=bool(finding),
            screened_revision=1,
            match_explanation=_explanation(meets, finding),
            created_at=timezone.now() - timedelta(days=days_ago),
        )
        rows[name] = application.pk
    rows["being read"] = ApplicationFactory(job=job, candidate__name="").pk
    return rows


def _order(client: Client, job, **query) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(reverse("web:job_detail", args=[job.pk]), query)
    assert response.status_code == 200
    return [label for _application, label in response.context["rows"]]


def test_the_application_list_sorts(job, listed, recruiter, interviewer):  # type: ignore[no-untyped-def]
    client = _client(recruiter)
    unread = f"#{Application.objects.get(pk=listed['being read']).candidate_id}"
    # Best match first, but who meets every hard requirement always above who misses one.
    assert _order(client, job) == ["Carl Ng", "Ann Lee", "Ben Ho", "Dora Wu", "Eve Ma", unread]
    assert _order(client, job, sort="name") == [
        "Ann Lee", "Ben Ho", "Carl Ng", "Dora Wu", "Eve Ma", unread,
    ]  # fmt: skip
    assert _order(client, job, sort="stage")[:4] == ["Dora Wu", "Carl Ng", unread, "Eve Ma"]
    assert _order(client, job, sort="newest")[0] == unread
    assert _order(client, job, sort="oldest")[:2] == ["Ben Ho", "Eve Ma"]
    assert _order(client, job, sort="nonsense") == _order(client, job)
    # An interviewer sees masked names, ordered as they are shown.
    masked = _order(_client(interviewer), job, sort="name")
    assert masked == ["A** L**", "B** H*", "C*** N*", "D*** W*", "E** M*", unread]


def test_the_application_list_filters_and_keeps_the_integrity_badge(job, listed, recruiter):  # type: ignore[no-untyped-def]
    client = _client(recruiter)
    assert _order(client, job, stage="applied")[:2] == ["Carl Ng", "Dora Wu"]
    assert _order(client, job, requirements="met") == ["Carl Ng", "Ann Lee", "Ben Ho"]
    assert _order(client, job, requirements="missed") == ["Dora Wu", "Eve Ma"]
    assert _order(client, job, integrity="flagged") == ["Carl Ng"]
    assert "Carl Ng" not in _order(client, job, integrity="clean")
    assert _order(client, job, stage="hired") == []
    flagged = _page(client, "web:job_detail", job.pk, integrity="flagged")
    assert 'data-testid="held-for-review"' in flagged and "Hidden text" in flagged
    nothing = _page(client, "web:job_detail", job.pk, stage="hired")
    assert "No application matches these filters." in nothing
    # Where the list turns to those that miss a requirement, it says so once.
    ranked = _page(client, "web:job_detail", job.pk)
    assert ranked.count('data-testid="misses-divider"') == 1
    assert ranked.index("Ben Ho") < ranked.index("misses-divider") < ranked.index("Dora Wu")


def test_the_application_list_pages_and_keeps_its_sort_and_filters(  # type: ignore[no-untyped-def]
    job, listed, recruiter, monkeypatch
):
    from hireloop.web.views import jobs as job_views

    monkeypatch.setattr(job_views, "PAGE_SIZE", 2)
    client = _client(recruiter)
    first = _page(client, "web:job_detail", job.pk, sort="name", requirements="met")
    assert "page 1 of 2" in first and "?sort=name&amp;requirements=met&amp;page=2" in first
    assert _order(client, job, sort="name", requirements="met", page=2) == ["Carl Ng"]
    assert _order(client, job, page=3)[0] == "Eve Ma"  # the miss that starts page 3 is marked
    assert 'data-testid="misses-divider"' in _page(client, "web:job_detail", job.pk, page=3)
    assert _order(client, job, page="x") == _order(client, job)  # not a number: the first


# --- a fresh installation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "says"), [("en", "The company is not set up yet"), ("zh-hans", "公司尚未设置")]
)
def test_a_fresh_installation_explains_that_the_company_comes_first(recruiter, language, says):  # type: ignore[no-untyped-def]
    """No organisation yet (nothing loaded, nothing made in the back office): the job list
    answers, and the new-job page says what to do instead of failing."""
    client = _client(recruiter, language)
    assert "HireLoop" in _page(client, "web:job_list")
    response = client.get(reverse("web:job_create"), follow=True)
    assert response.redirect_chain == [(reverse("web:job_list"), 302)]
    assert says in response.content.decode()
