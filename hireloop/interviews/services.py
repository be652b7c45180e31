"""Interview plans, invitations and the candidate's session: the interviews app's API."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import segno
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hireloop.candidates.enums import Stage
from hireloop.candidates.models import Application
from hireloop.candidates.services import do_move_stage
from hireloop.errors import HireLoopError, InterviewLinkInvalid
from hireloop.jobs.models import Job
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import QuestionKind, SessionStatus
from .models import Answer, InterviewPlan, InterviewSession, PlanItem, Question
from .question_templates import questions_for

LINK_SALT = "hireloop.interview-link"
QUESTIONS_PER_DIMENSION = 2


class PlanMissing(HireLoopError):
    code = "plan_missing"


class SessionClosed(HireLoopError):
    code = "session_closed"


def ensure_plan(job: Job) -> InterviewPlan:
    """The job's plan, generated on first use: each dimension covered by up to two questions."""
    plan = InterviewPlan.objects.filter(job=job).first()
    if plan is not None:
        return plan
    with transaction.atomic():
        chosen = _choose_questions(job)
        if not chosen:
            raise PlanMissing(_("This job has no competency dimensions to interview for."))
        plan = InterviewPlan.objects.create(job=job)
        PlanItem.objects.bulk_create(
            PlanItem(plan=plan, question=q, position=i) for i, q in enumerate(chosen)
        )
    return plan


def _choose_questions(job: Job) -> list[Question]:
    """Up to two questions per dimension from the job's bank, written from templates if short."""
    questions = list(
        Question.objects.filter(job=job, language=job.language)
        .order_by("id")
        .prefetch_related("dimensions")
    )
    chosen: list[Question] = []
    for dimension in job.dimensions.all():
        covering = [q for q in questions if dimension in q.dimensions.all() and q not in chosen]
        for text in questions_for(dimension.name, job.language)[len(covering) :]:
            question = Question.objects.create(
                job=job,
                kind=QuestionKind.BEHAVIOURAL,
                text=text,
                language=job.language,
                anchor_low=dimension.anchor_low,
                anchor_mid=dimension.anchor_mid,
                anchor_high=dimension.anchor_high,
            )
            question.dimensions.add(dimension)
            covering.append(question)
        chosen.extend(covering[:QUESTIONS_PER_DIMENSION])
    return chosen


def link_token(session: InterviewSession) -> str:
    # No timestamp in the token: the session's deadline decides expiry, and one session keeps
    # one link, so the e-mail, the page and the QR code always show the same address.
    return signing.Signer(salt=LINK_SALT).sign_object(str(session.public_id))


def interview_url(session: InterviewSession, base_url: str = "") -> str:
    return base_url + reverse("web:room", args=[link_token(session)])


def interview_qr_svg(url: str) -> str:
    """The link as an inline SVG QR code, for candidates who open it on their phone (M5)."""
    return segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def session_from_token(token: str) -> InterviewSession:
    """The session a candidate's link opens, or InterviewLinkInvalid if forged or expired."""
    try:
        public_id = signing.Signer(salt=LINK_SALT).unsign_object(token)
    except signing.BadSignature as error:
        raise InterviewLinkInvalid(_("This interview link is not valid.")) from error
    session = (
        InterviewSession.objects.select_related("application__job", "plan")
        .filter(public_id=public_id)
        .first()
    )
    if session is None:
        raise InterviewLinkInvalid(_("This interview link is not valid."))
    if session.deadline < timezone.now() and session.status != SessionStatus.COMPLETED:
        raise InterviewLinkInvalid(_("This interview link has expired."))
    return session


def do_invite(
    *,
    application: Application,
    actor: Any,
    deadline: datetime | None = None,
    notes: str = "",
    base_url: str = "",
) -> InterviewSession:
    """Invite a shortlisted candidate: create the session, move the stage, e-mail the link."""
    plan = ensure_plan(application.job)
    deadline = deadline or timezone.now() + timedelta(days=settings.INTERVIEW_LINK_DAYS)
    with transaction.atomic():
        if application.stage == Stage.APPLIED:
            do_move_stage(
                application=application,
                to_stage=Stage.SHORTLISTED,
                actor=actor,
                reason=_("Shortlisted on invitation"),
            )
        do_move_stage(
            application=application,
            to_stage=Stage.INVITED,
            actor=actor,
            reason=_("Invited to the AI interview"),
        )
        session = InterviewSession.objects.create(
            application=application, plan=plan, deadline=deadline, notes=notes
        )
        record_event(
            type=EventType.INTERVIEW_INVITED,
            payload={"session_id": session.pk, "application_id": application.pk},
        )
        url = interview_url(session, base_url)
        email = application.candidate.email
        if email:
            transaction.on_commit(lambda: _send_invitation(email, application.job.title, url))
    return session


def _send_invitation(email: str, job_title: str, url: str) -> None:
    send_mail(
        subject=_("Your interview for %(job)s") % {"job": job_title},
        message=_("Please take your interview here, at a time that suits you: %(url)s")
        % {"url": url},
        from_email=None,
        recipient_list=[email],
    )


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def position(self) -> int:
        return min(self.answered + 1, self.total)


def plan_questions(session: InterviewSession) -> list[Question]:
    items = session.plan.items.select_related("question").order_by("position")
    return [item.question for item in items]


def current_question(session: InterviewSession) -> tuple[Question | None, Progress]:
    questions = plan_questions(session)
    index = session.current_index
    question = questions[index] if index < len(questions) else None
    return question, Progress(answered=index, total=len(questions))


def do_start(*, session: InterviewSession) -> None:
    if session.status != SessionStatus.INVITED:
        return
    with transaction.atomic():
        session.status = SessionStatus.IN_PROGRESS
        session.started_at = timezone.now()
        session.save(update_fields=["status", "started_at"])
        do_move_stage(
            application=session.application,
            to_stage=Stage.INTERVIEWING,
            actor="candidate",
            reason=_("Candidate started the interview"),
        )


def do_submit_answer(*, session: InterviewSession, question_id: int, text: str) -> None:
    """Store the answer to the current question and move on.

    A resubmission of an already answered question (a double click, a retried request)
    changes nothing, so no answer is lost or duplicated.
    """
    if session.status == SessionStatus.COMPLETED:
        raise SessionClosed(_("This interview is already complete."))
    if not text.strip():
        raise SessionClosed(_("Please write an answer before continuing."))
    with transaction.atomic():
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        questions = plan_questions(locked)
        if locked.current_index >= len(questions):
            return
        if questions[locked.current_index].pk != question_id:
            return  # a stale form for an earlier question: ignore it
        Answer.objects.create(session=locked, question_id=question_id, text=text.strip())
        locked.current_index += 1
        locked.save(update_fields=["current_index"])
        if locked.current_index >= len(questions):
            _complete(locked)
    session.refresh_from_db()


def _complete(session: InterviewSession) -> None:
    session.status = SessionStatus.COMPLETED
    session.completed_at = timezone.now()
    session.save(update_fields=["status", "completed_at"])
    do_move_stage(
        application=session.application,
        to_stage=Stage.INTERVIEWED,
        actor="candidate",
        reason=_("Candidate completed the interview"),
    )
    # Scoring subscribes to this event, so the interview app never depends on assessment.
    record_event(type=EventType.INTERVIEW_COMPLETED, payload={"session_id": session.pk})
