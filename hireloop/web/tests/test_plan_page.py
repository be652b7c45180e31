"""HR reviews and edits the interview plan before invitations; afterwards it is locked."""

import pytest
from django.urls import reverse

from hireloop.interviews.services import do_invite, ensure_plan, plan_questions
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, ApplicationFactory

pytestmark = pytest.mark.django_db


def form_for(plan, order: list[int], **pacing):  # type: ignore[no-untyped-def]
    data = {
        "prep_seconds": 0,
        "answer_seconds": 180,
        "pause_seconds": 3,
        "stall_seconds": 40,
        "allow_extension": "on",
        **pacing,
    }
    data["question"] = [str(pk) for pk in order]
    for position, pk in enumerate(order, start=1):
        data[f"order_{pk}"] = str(position)
    return data


def test_hr_reorders_drops_and_paces_the_plan(client, job, recruiter) -> None:  # type: ignore[no-untyped-def]
    plan = ensure_plan(job)
    ids = [item.question_id for item in plan.items.order_by("position")]
    scenario = ids[-1]
    client.login(username=recruiter.username, password=PASSWORD)
    url = reverse("web:job_plan", args=[job.pk])
    page = client.get(url).content.decode()
    assert page.count('data-testid="plan-question"') >= len(ids)
    new_order = [scenario, *ids[:-1]]
    response = client.post(url, form_for(plan, new_order))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert [item.question_id for item in plan.items.order_by("position")] == new_order
    assert (plan.answer_seconds, plan.pause_seconds, plan.stall_seconds) == (180, 3, 40)
    assert AuditEntry.objects.filter(object_type="interview_plan").exists()


def test_a_dimension_left_with_fewer_than_two_questions_is_refused(client, job, recruiter) -> None:  # type: ignore[no-untyped-def]
    plan = ensure_plan(job)
    ids = [item.question_id for item in plan.items.order_by("position")]
    client.login(username=recruiter.username, password=PASSWORD)
    page = client.post(
        reverse("web:job_plan", args=[job.pk]), form_for(plan, ids[:1]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert page.status_code == 200 and "at least two questions" in page.content.decode()
    assert plan.items.count() == len(ids)


def test_after_the_first_invitation_the_plan_is_locked(client, job, recruiter) -> None:  # type: ignore[no-untyped-def]
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    before = [q.pk for q in plan_questions(session)]
    client.login(username=recruiter.username, password=PASSWORD)
    url = reverse("web:job_plan", args=[job.pk])
    assert 'data-testid="plan-locked"' in client.get(url).content.decode()
    client.post(url, form_for(session.plan, before[::-1]))
    assert [q.pk for q in plan_questions(session)] == before


def test_only_the_jobs_recruiters_edit_the_plan(
    client, job, interviewer, other_interviewer
) -> None:  # type: ignore[no-untyped-def]
    url = reverse("web:job_plan", args=[job.pk])
    assert client.get(url).status_code == 302
    client.login(username=interviewer.username, password=PASSWORD)
    assert client.get(url).status_code == 403
    client.login(username=other_interviewer.username, password=PASSWORD)
    assert client.get(url).status_code == 404
