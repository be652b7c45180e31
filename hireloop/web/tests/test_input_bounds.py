"""Inputs the pages must refuse cleanly: NUL characters, past deadlines, duplicate resumes."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hireloop.candidates.models import Application, Candidate
from hireloop.interviews.models import InterviewSession
from hireloop.testing.factories import PASSWORD, JobFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("query", ["?q=%00", "?q=a%00b", "?page=%00", "?q%00=x", "?q=ok&q=%00"])
def test_a_nul_in_a_query_is_a_400_not_a_500(client, hr_admin, query):  # type: ignore[no-untyped-def]
    client.login(username=hr_admin.username, password=PASSWORD)
    assert client.get(reverse("web:employee_list") + "?q=Engineer").status_code == 200
    response = client.get(reverse("web:employee_list") + query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_a_nul_in_a_form_field_is_a_400(client, job, recruiter, application):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    response = client.post(
        reverse("web:application_reject", args=[application.pk]), {"reason": "bad\x00fit"}
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.stage == "applied"


def test_the_nul_refusal_is_translated(client, hr_admin):  # type: ignore[no-untyped-def]
    client.login(username=hr_admin.username, password=PASSWORD)
    response = client.get(reverse("web:employee_list") + "?q=%00", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400 and "NUL" in response.content.decode()
    assert "NUL character" not in response.content.decode()


def test_an_invitation_form_with_a_past_deadline_is_refused(
    client, recruiter, application, mailoutbox
):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    past = timezone.localtime(timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("web:application_invite", args=[application.pk]),
        {"deadline": past, "notes": ""},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "The deadline must be in the future." in response.content.decode()
    assert not InterviewSession.objects.exists() and not mailoutbox


ALICE = (
    "Alice Chen\nalice.chen@example.com\n+86 138-0000-1111\n"
    "Backend engineer, Python and SQL, 5 years. Bachelor of Computer Science."
)


def upload(client, job, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("web:job_upload", args=[job.pk]),
        {"resumes": [SimpleUploadedFile(name, data)]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_the_same_resume_twice_is_one_candidate(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.txt", ALICE.encode())
    again = upload(client, job, "alice-copy.txt", ALICE.encode())
    assert "was already received for this job" in again.content.decode()
    other_job = JobFactory(organisation=job.organisation, title="Data Engineer")
    other_job.recruiters.add(recruiter)
    upload(client, other_job, "alice.txt", ALICE.encode())
    run_worker()
    assert Candidate.objects.count() == 1
    first, second = Application.objects.order_by("pk")
    assert second.candidate_id == first.candidate_id and second.duplicate_reason == "same_file"
    page = client.get(
        reverse("web:application_detail", args=[second.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert 'data-testid="duplicate"' in page and "same resume file" in page
    listing = client.get(reverse("web:job_detail", args=[other_job.pk])).content.decode()
    assert 'data-testid="duplicate"' in listing


@pytest.mark.parametrize(
    ("second", "reason"),
    [
        ("A. Chen\nALICE.CHEN@example.com\nData engineer, Spark, Python.", "same_email"),
        ("Alice C.\n13800001111\nData engineer, Spark, Python.", "same_phone"),
    ],
)
def test_a_resume_with_known_contact_details_is_linked_to_that_candidate(  # type: ignore[no-untyped-def]
    client, job, recruiter, run_worker, second, reason
):
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.txt", ALICE.encode())
    run_worker()
    other_job = JobFactory(organisation=job.organisation, title="Data Engineer")
    other_job.recruiters.add(recruiter)
    upload(client, other_job, "a-chen.txt", second.encode())
    run_worker()
    assert Candidate.objects.count() == 1
    first, later = Application.objects.order_by("pk")
    assert later.candidate_id == first.candidate_id
    assert later.duplicate_reason == reason and later.duplicate_of_id == first.pk
    assert Candidate.objects.get().email == "alice.chen@example.com"  # the known details stay
    page = client.get(reverse("web:application_detail", args=[later.pk])).content.decode()
    assert 'data-testid="duplicate"' in page


def test_a_second_resume_of_the_same_person_for_the_same_job_points_to_the_first(  # type: ignore[no-untyped-def]
    client, job, recruiter, run_worker
):
    client.login(username=recruiter.username, password=PASSWORD)
    upload(client, job, "alice.txt", ALICE.encode())
    run_worker()
    upload(client, job, "alice-2024.txt", (ALICE + "\nNow also Go.").encode())
    run_worker()
    first, later = Application.objects.order_by("pk")
    assert later.duplicate_reason == "same_email" and later.duplicate_of_id == first.pk
    listing = client.get(reverse("web:job_detail", args=[job.pk])).content.decode()
    assert listing.count('data-testid="duplicate"') == 1


def test_contact_indexes_are_keyed_hashes_not_plain_ones(organisation) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from hireloop.privacy.crypto import blind_index, phone_blind_index

    assert phone_blind_index("+86 138-0000-1111") == phone_blind_index("13800001111")
    assert phone_blind_index("13800001111") != hashlib.sha256(b"13800001111").hexdigest()
    assert blind_index("A@x.com ") == blind_index("a@x.com")


def test_plan_positions_and_ids_that_are_not_plain_numbers_are_refused(client, job, recruiter):  # type: ignore[no-untyped-def]
    """ "²".isdigit() is true but int("²") fails: the plan reads its post through a form."""
    from hireloop.interviews.services import ensure_plan

    plan = ensure_plan(job)
    before = list(plan.items.values_list("question_id", flat=True))
    client.login(username=recruiter.username, password=PASSWORD)
    for post in ({"question": "²"}, {"question": str(before[0]), f"order_{before[0]}": "²"}):
        response = client.post(reverse("web:job_plan", args=[job.pk]), post)
        assert response.status_code == 200, post
    assert list(plan.items.values_list("question_id", flat=True)) == before


def test_a_recording_with_a_duration_that_is_not_a_number_is_refused(job, recruiter):  # type: ignore[no-untyped-def]
    from django.test import Client

    from hireloop.interviews.services import current_question, do_invite, do_start, link_token
    from hireloop.testing.factories import ApplicationFactory

    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    do_start(session=session)
    question = current_question(session)[0]
    url = reverse("web:room_media", args=[link_token(session), question.pk])
    for query in ("?complete=1&take=t&chunks=1&bytes=1&duration=nan", "?take=t&seq=%C2%B2"):
        answer = Client().post(url + query, b"x", content_type="application/octet-stream")
        assert 400 <= answer.status_code < 500, query
