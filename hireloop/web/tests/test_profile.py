"""HR edits a job's weights and adds a custom dimension; the job's reports follow (M11)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from hireloop.assessment.models import Report
from hireloop.jobs.models import ProfileChange
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = (
    "When our release broke I helped the team debug it together; we measured every step, "
    "found the root cause in a config change and fixed it within an hour."
)


def profile_form(job, weights: dict[str, object], reason: str = "Top performers differ", **new):  # type: ignore[no-untyped-def]
    data = {"reason": reason, "new-TOTAL_FORMS": "1", "new-INITIAL_FORMS": "0"}
    for dimension in job.dimensions.all():
        data[f"weight_{dimension.pk}"] = str(weights.get(dimension.name, dimension.weight))
    data.update({f"new-0-{key}": value for key, value in new.items()})
    return data


def test_weight_change_recomputes_reports_and_is_recorded(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    report = session.report
    scores = {s.dimension.name: s.score for s in report.scores.select_related("dimension")}
    client.login(username=recruiter.username, password=PASSWORD)
    response = client.post(
        reverse("web:job_profile", args=[job.pk]),
        profile_form(job, {"problem solving": 0, "teamwork": 10}),
    )
    assert response.status_code == 302
    run_worker()
    report.refresh_from_db()
    assert report.overall_score == round(scores["teamwork"], 1)  # teamwork is now all of it
    assert report.recomputed_at is not None
    teamwork = job.dimensions.get(name="teamwork")
    assert report.weights == {
        str(d.pk): (1.0 if d == teamwork else 0.0) for d in job.dimensions.all()
    }
    change = ProfileChange.objects.get()
    assert change.before == {"problem solving": "60.00", "teamwork": "40.00"}
    assert change.after == {"problem solving": "0.00", "teamwork": "10.00"}
    assert change.actor == recruiter and change.reason == "Top performers differ"
    assert AuditEntry.objects.filter(object_type="job_profile", action="update").exists()
    page = client.get(reverse("web:job_profile", args=[job.pk])).content.decode()
    assert 'data-testid="profile-change"' in page and "Top performers differ" in page


def test_a_custom_dimension_is_judged_on_stored_answers(client, job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job), actor=recruiter, answers=ANSWER
    )
    client.login(username=recruiter.username, password=PASSWORD)
    client.post(
        reverse("web:job_profile", args=[job.pk]),
        profile_form(
            job,
            {},
            name="creativity",
            weight="40",
            anchor_low="Repeats the usual approach.",
            anchor_mid="Adapts a known idea.",
            anchor_high="Proposes an original, feasible idea and tests it.",
            keywords="idea, original",
        ),
    )
    run_worker()
    report = Report.objects.get(session=session)
    creativity = report.scores.get(dimension__name="creativity")
    assert 0 <= creativity.score <= 10 and creativity.rationale
    assert set(report.weights.values()) == {0.4286, 0.2857}


def test_nothing_changed_or_zero_weights_is_refused(client, job, recruiter):  # type: ignore[no-untyped-def]
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.login(username=recruiter.username, password=PASSWORD)
    url = reverse("web:job_profile", args=[job.pk])
    page = client.post(url, profile_form(job, {}))
    assert page.status_code == 200 and "Nothing was changed." in page.content.decode()
    page = client.post(url, profile_form(job, {"problem solving": 0, "teamwork": 0}))
    assert "must add up to more than zero" in page.content.decode()
    assert not ProfileChange.objects.exists()
    assert job.dimensions.get(name="teamwork").weight == Decimal(40)


def test_only_the_jobs_recruiters_edit_the_profile(client, job, interviewer, other_interviewer):  # type: ignore[no-untyped-def]
    url = reverse("web:job_profile", args=[job.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.login(username=interviewer.username, password=PASSWORD)
    assert client.get(url).status_code == 403
    client.login(username=other_interviewer.username, password=PASSWORD)
    assert client.get(url).status_code == 404
