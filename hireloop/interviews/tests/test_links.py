from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from hireloop.errors import InterviewLinkInvalid
from hireloop.interviews.services import LINK_SALT, do_invite, link_token, session_from_token
from hireloop.testing.factories import ApplicationFactory, CandidateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(application, recruiter):  # type: ignore[no-untyped-def]
    return do_invite(application=application, actor=recruiter)


def test_a_link_opens_its_own_session(session) -> None:  # type: ignore[no-untyped-def]
    assert session_from_token(link_token(session)) == session


def test_a_forged_or_altered_link_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    token = link_token(session)
    for bad in (token[:-2] + "xx", "not-a-token", token.replace(":", "", 1)):
        with pytest.raises(InterviewLinkInvalid):
            session_from_token(bad)


def test_an_expired_link_is_refused(session, client) -> None:  # type: ignore[no-untyped-def]
    session.deadline = timezone.now() - timedelta(minutes=1)
    session.save()
    with translation.override("en"), pytest.raises(InterviewLinkInvalid, match="expired"):
        session_from_token(link_token(session))
    response = client.get(
        reverse("web:room", args=[link_token(session)]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 404
    assert "This interview link has expired." in response.content.decode()


def test_a_candidate_link_cannot_open_another_candidates_session(  # type: ignore[no-untyped-def]
    session, job, recruiter, client
):
    other_application = ApplicationFactory(
        job=job, candidate=CandidateFactory(organisation=job.organisation, name="王芳")
    )
    other = do_invite(application=other_application, actor=recruiter)
    response = client.get(
        reverse("web:room", args=[link_token(session)]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    # Another session's id under this link's signature, or signed with a guessed key: refused.
    other_payload = link_token(other).split(":")[0]
    my_signature = link_token(session).split(":", 1)[1]
    for forged in (
        f"{other_payload}:{my_signature}",
        signing.Signer(key="guessed-secret", salt=LINK_SALT).sign_object(str(other.public_id)),
    ):
        with pytest.raises(InterviewLinkInvalid):
            session_from_token(forged)
    # A link is bound to its session: answering through it never touches the other one.
    client.post(reverse("web:room", args=[link_token(session)]), {"start": "1"})
    other.refresh_from_db()
    assert other.status == "invited"


def test_a_session_keeps_one_link(session) -> None:  # type: ignore[no-untyped-def]
    assert link_token(session) == link_token(session)


def test_a_completed_interviews_link_expires_after_the_set_period(session, settings) -> None:  # type: ignore[no-untyped-def]
    from hireloop.interviews.enums import SessionStatus

    settings.INTERVIEW_COMPLETED_LINK_DAYS = 90
    session.status = SessionStatus.COMPLETED
    session.deadline = timezone.now() - timedelta(days=100)
    session.completed_at = timezone.now() - timedelta(days=89)
    session.save()
    assert session_from_token(link_token(session)) == session  # still explains the result
    session.completed_at = timezone.now() - timedelta(days=91)
    session.save()
    with translation.override("en"), pytest.raises(InterviewLinkInvalid, match="90 days"):
        session_from_token(link_token(session))
    with translation.override("zh-hans"), pytest.raises(InterviewLinkInvalid, match="90 天"):
        session_from_token(link_token(session))


def test_an_invitation_whose_deadline_has_passed_is_refused(
    application, recruiter, mailoutbox
) -> None:  # type: ignore[no-untyped-def]
    from hireloop.interviews.models import InterviewSession
    from hireloop.interviews.services import InvitationInvalid

    with translation.override("en"), pytest.raises(InvitationInvalid, match="in the future"):
        do_invite(
            application=application,
            actor=recruiter,
            deadline=timezone.now() - timedelta(hours=1),
        )
    assert not InterviewSession.objects.exists() and not mailoutbox
    application.refresh_from_db()
    assert application.stage == "applied"
