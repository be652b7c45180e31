"""One door for decisions: the page, the review and the service agree on who may decide."""

import pytest
from django.urls import reverse

from hireloop.candidates.enums import Stage
from hireloop.decisions.services import Decision, DecisionRefused, do_decide, may_decide
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _at_offer(application, recruiter):  # type: ignore[no-untyped-def]
    """Through the stages before a decision, as the interview moves it, then the offer."""
    _interviewed(application, recruiter)
    do_decide(application=application, decision=Decision.OFFER, actor=recruiter, reason="strong")
    return application


def _interviewed(application, recruiter):  # type: ignore[no-untyped-def]
    from hireloop.candidates.services import do_move_stage

    for stage in (Stage.SHORTLISTED, Stage.INVITED, Stage.INTERVIEWING, Stage.INTERVIEWED):
        do_move_stage(application=application, to_stage=stage, actor=recruiter, reason="next")
    return application


def test_an_interviewer_decides_only_once_the_interview_is_done(
    application, recruiter, interviewer
):  # type: ignore[no-untyped-def]
    assert not may_decide(interviewer, application, Decision.REJECT)  # still "applied"
    with pytest.raises(DecisionRefused):
        do_decide(application=application, decision=Decision.REJECT, actor=interviewer, reason="x")
    _interviewed(application, recruiter)
    assert may_decide(interviewer, application, Decision.REJECT)


def test_an_interviewer_on_the_job_may_reject_with_the_button_as_through_a_review(
    client, application, interviewer, recruiter
):  # type: ignore[no-untyped-def]
    _interviewed(application, recruiter)
    assert may_decide(interviewer, application, Decision.REJECT)
    assert may_decide(interviewer, application, Decision.OFFER)
    client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert reverse("web:application_reject", args=[application.pk]) in page
    client.post(reverse("web:application_reject", args=[application.pk]), {"reason": "No fit."})
    application.refresh_from_db()
    assert application.stage == Stage.REJECTED
    entry = AuditEntry.objects.get(action="decide", object_id=str(application.pk))
    assert entry.actor == interviewer and entry.detail == {"decision": "reject"}


def test_only_recruiters_and_hr_hire(client, application, recruiter, interviewer, hr_admin):  # type: ignore[no-untyped-def]
    _at_offer(application, recruiter)
    assert not may_decide(interviewer, application, Decision.HIRE)
    with pytest.raises(DecisionRefused):
        do_decide(application=application, decision=Decision.HIRE, actor=interviewer, reason="x")
    client.login(username=interviewer.username, password=PASSWORD)
    page = client.get(reverse("web:application_detail", args=[application.pk])).content.decode()
    assert reverse("web:application_hire", args=[application.pk]) not in page
    hire = client.post(reverse("web:application_hire", args=[application.pk]), {"reason": "yes"})
    assert hire.status_code == 403
    assert may_decide(hr_admin, application, Decision.HIRE)
    assert may_decide(recruiter, application, Decision.HIRE)


def test_nobody_off_the_job_and_nothing_but_a_person_decides(application, other_interviewer):  # type: ignore[no-untyped-def]
    stranger = UserFactory(username="stranger", role="recruiter")
    for actor in (other_interviewer, stranger, "system", None):
        for decision in Decision:
            assert not may_decide(actor, application, decision)
        with pytest.raises(DecisionRefused):
            do_decide(application=application, decision=Decision.REJECT, actor=actor, reason="x")
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
