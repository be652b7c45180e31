"""Interview plans, invitations and the candidate's session: the interviews app's API."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import segno
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hireloop.candidates.enums import ResumeStatus, Stage, StageReason
from hireloop.candidates.models import Application, ResumeFile
from hireloop.candidates.services import do_move_stage
from hireloop.errors import HireLoopError, InterviewLinkInvalid
from hireloop.jobs.models import Dimension, Job
from hireloop.jobs.services import check_job_accepts_candidates, check_may_manage_job
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit
from hireloop.resumes.claims import probe_worthy_claims
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import AnswerMode, QuestionKind, SessionStatus
from .feedback import Feedback
from .models import (
    Answer,
    ClaimProbe,
    FollowUp,
    InterviewPlan,
    InterviewSession,
    PlanItem,
    Question,
    Recording,
)
from .question_templates import questions_for
from .scenarios import best_dimension, template_for

LINK_SALT = "hireloop.interview-link"
# An answer to a question opened before the deadline is accepted this long after it.
DEADLINE_GRACE_MINUTES = 30
QUESTIONS_PER_DIMENSION = 2
# A dimension's share of the weights from which it gets one or two extra questions.
MEDIUM_SHARE, HEAVY_SHARE = 0.3, 0.45


class PlanMissing(HireLoopError):
    code = "plan_missing"


class SessionClosed(HireLoopError):
    code = "session_closed"


class InvitationInvalid(HireLoopError):
    code = "invitation_invalid"


def ensure_plan(job: Job) -> InterviewPlan:
    """The job's plan, generated on first use (see ``_choose_questions``); HR may edit it
    until the first invitation goes out."""
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


def questions_for_weight(share: float) -> int:
    """How many questions a dimension gets: two at least, more for heavier weights, so the
    evidence behind a dimension grows with how much it counts (M7)."""
    if share >= HEAVY_SHARE:
        return QUESTIONS_PER_DIMENSION + 2
    if share >= MEDIUM_SHARE:
        return QUESTIONS_PER_DIMENSION + 1
    return QUESTIONS_PER_DIMENSION


def _choose_questions(job: Job) -> list[Question]:
    """Questions from the job's bank (in its language, in bank order), heaviest dimension
    first, until every dimension has its share; templates fill gaps; one scenario at the end."""
    bank = list(
        Question.objects.filter(job=job, language=job.language)
        .order_by("id")
        .prefetch_related("dimensions")
    )
    dimensions = sorted(job.dimensions.all(), key=lambda d: (-d.weight, d.position, d.pk))
    total = sum(float(d.weight) for d in dimensions) or 1.0
    chosen: list[Question] = []
    for dimension in dimensions:
        wanted = questions_for_weight(float(dimension.weight) / total)
        have = sum(dimension in q.dimensions.all() for q in chosen)
        candidates = [q for q in bank if dimension in q.dimensions.all() and q not in chosen]
        candidates = [q for q in candidates if q.kind != QuestionKind.SCENARIO] + [
            q for q in candidates if q.kind == QuestionKind.SCENARIO
        ]
        need = max(0, wanted - have)
        picked = candidates[:need]
        for text in questions_for(dimension.name, job.language)[len(picked) : need]:
            picked.append(_template_question(job, dimension, text))
        chosen.extend(picked)
    if not any(q.kind == QuestionKind.SCENARIO for q in chosen):
        scenario = next((q for q in bank if q.kind == QuestionKind.SCENARIO), None)
        chosen.append(scenario or _scenario_question(job, dimensions))
    return _in_profile_order(chosen, job)


def _in_profile_order(chosen: list[Question], job: Job) -> list[Question]:
    """Asked in the order of the job's dimensions (as HR listed them), scenarios last."""
    order = {d.pk: d.position for d in job.dimensions.all()}

    def key(question: Question) -> tuple[int, int]:
        primary = min((order.get(d.pk, 99) for d in question.dimensions.all()), default=99)
        return (question.kind == QuestionKind.SCENARIO, primary)

    return sorted(chosen, key=key)


def _template_question(job: Job, dimension: Dimension, text: str) -> Question:
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
    return question


def _scenario_question(job: Job, dimensions: list[Dimension]) -> Question:
    template = template_for(f"{job.title} {job.description} {' '.join(job.skills)}")
    language = job.language if job.language in template.text else "en"
    rows = [(d.name, " ".join(d.keywords), float(d.weight)) for d in dimensions]
    dimension = dimensions[best_dimension(template, rows)]
    low, mid, high = template.anchors[language]
    question = Question.objects.create(
        job=job,
        kind=QuestionKind.SCENARIO,
        text=template.text[language].format(job=job.title),
        language=job.language,
        anchor_low=low,
        anchor_mid=mid,
        anchor_high=high,
        answer_mode=template.answer_mode,
        prep_seconds=template.prep_seconds,
        answer_seconds=template.answer_seconds,
    )
    question.dimensions.add(dimension)
    return question


def link_token(session: InterviewSession) -> str:
    # No timestamp in the token: the session's deadline decides expiry, and one session keeps
    # one link, so the e-mail, the page and the QR code always show the same address.
    return signing.Signer(salt=LINK_SALT).sign_object(str(session.public_id))


# The candidate's link, as invitations print it. The pages serve the room at this path
# (web/urls.py; a test keeps the two equal), so this app needs no URL name of the pages.
ROOM_PATH = "/i/{token}/"


def interview_url(session: InterviewSession, base_url: str = "") -> str:
    return base_url + ROOM_PATH.format(token=link_token(session))


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
    if _completed_link_expired(session):
        raise InterviewLinkInvalid(
            _(
                "This interview was completed more than %(days)d days ago; its link has "
                "expired. Please contact the company if you need its explanation."
            )
            % {"days": settings.INTERVIEW_COMPLETED_LINK_DAYS}
        )
    if session.deadline < timezone.now() and not _may_finish_after_deadline(session):
        if session.answers.exists():
            raise InterviewLinkInvalid(
                _(
                    "The deadline for this interview has passed. The answers you gave are saved; "
                    "the company can give you more time if you ask."
                )
            )
        raise InterviewLinkInvalid(_("This interview link has expired."))
    return session


def _completed_link_expired(session: InterviewSession) -> bool:
    """A completed interview's link shows its explanation and the review request for a set
    time only: a link forwarded or found in an old mailbox must not open it forever."""
    if session.status != SessionStatus.COMPLETED or session.completed_at is None:
        return False
    lifetime = timedelta(days=settings.INTERVIEW_COMPLETED_LINK_DAYS)
    return timezone.now() > session.completed_at + lifetime


def _may_finish_after_deadline(session: InterviewSession) -> bool:
    """A completed interview stays readable (its explanation); a question opened before the
    deadline may still be answered for a short grace, so no answer is cut off mid-sentence."""
    if session.status == SessionStatus.COMPLETED:
        return True
    opened = session.question_started_at
    grace = timedelta(minutes=DEADLINE_GRACE_MINUTES)
    return (
        session.status == SessionStatus.IN_PROGRESS
        and opened is not None
        and opened <= session.deadline
        and timezone.now() <= session.deadline + grace
    )


def do_extend_deadline(*, session: InterviewSession, deadline: datetime, actor: Any) -> None:
    """HR gives a candidate more time (e.g. after a missed deadline); the same link works again."""
    check_may_manage_job(actor, session.application.job)
    if session.status == SessionStatus.COMPLETED:
        raise SessionClosed(_("This interview is already complete."))
    if deadline <= timezone.now():
        raise SessionClosed(_("The new deadline must be in the future."))
    with transaction.atomic():
        session.deadline = deadline
        session.save(update_fields=["deadline"])
        do_audit(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="interview_session",
            object_id=session.pk,
            detail={"deadline": deadline.isoformat()},
        )


def check_invitation_deadline(deadline: datetime | None) -> None:
    """A deadline already past would send a link that is dead on arrival."""
    if deadline is not None and deadline <= timezone.now():
        raise InvitationInvalid(_("The deadline must be in the future."))


def do_invite(
    *,
    application: Application,
    actor: Any,
    deadline: datetime | None = None,
    notes: str = "",
    base_url: str = "",
    email_candidate: bool = True,
) -> InterviewSession:
    """Invite a shortlisted candidate: create the session, move the stage; the link is
    e-mailed by the worker once this commits (event ``interview.invited``), unless
    ``email_candidate`` is false (the demo's fictional candidates)."""
    check_may_manage_job(actor, application.job)
    check_job_accepts_candidates(application.job)
    check_invitation_deadline(deadline)
    plan = ensure_plan(application.job)
    deadline = deadline or timezone.now() + timedelta(days=settings.INTERVIEW_LINK_DAYS)
    with transaction.atomic():
        if application.stage == Stage.APPLIED:
            do_move_stage(
                application=application,
                to_stage=Stage.SHORTLISTED,
                actor=actor,
                reason_code=StageReason.SHORTLISTED_ON_INVITATION,
            )
        do_move_stage(
            application=application,
            to_stage=Stage.INVITED,
            actor=actor,
            reason_code=StageReason.INVITED,
        )
        session = InterviewSession.objects.create(
            application=application, plan=plan, deadline=deadline, notes=notes
        )
        _create_claim_probes(session)
        # The e-mail with the link is sent by the worker from this event (hireloop/notify),
        # never here: a slow mail server must not hold HR's page. The request's address goes
        # with it, so the link names the host HR reached the site by.
        record_event(
            type=EventType.INTERVIEW_INVITED,
            payload={
                "session_id": session.pk,
                "application_id": application.pk,
                "base_url": base_url,
                "email_candidate": email_candidate,
            },
        )
    return session


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def position(self) -> int:
        return min(self.answered + 1, self.total)


def plan_questions(session: InterviewSession) -> list[Question]:
    """The session's questions in order; read once per session object, since a plan with
    sessions can no longer change (plan_is_editable) and the room asks for it many times."""
    cached = getattr(session, "_plan_questions", None)
    if cached is None:
        items = session.plan.items.select_related("question").order_by("position")
        cached = [item.question for item in items]
        session._plan_questions = cached  # type: ignore[attr-defined]
    return cached


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
            reason_code=StageReason.INTERVIEW_STARTED,
        )


def do_submit_answer(
    *,
    session: InterviewSession,
    question_id: int,
    text: str,
    feedback: Feedback | None = None,
    recording: Recording | None = None,
) -> Answer | None:
    """Store the answer to the current question and move on.

    A resubmission of an already answered question (a double click, a retried request)
    changes nothing, so no answer is lost or duplicated. With ``feedback`` (the room's
    path), its remark is stored and its follow-up question, if any, is asked before the
    interview can complete; the answer is also marked late when its time ran out. With a
    complete ``recording`` of this question the text may be empty (not transcribed yet).
    """
    if session.status == SessionStatus.COMPLETED:
        raise SessionClosed(_("This interview is already complete."))
    if not text.strip() and recording is None:
        raise SessionClosed(_("Please write an answer before continuing."))
    with transaction.atomic():
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        questions = plan_questions(locked)
        if locked.current_index >= len(questions):
            return None
        question = questions[locked.current_index]
        if question.pk != question_id:
            return None  # a stale form for an earlier question: ignore it
        if recording is not None:
            # Read again under the lock: a "Re-record" may have reset it since it was found.
            recording = Recording.objects.filter(
                pk=recording.pk, session=locked, question=question, is_complete=True
            ).first()
            if recording is None and not text.strip():
                raise SessionClosed(_("Please write an answer before continuing."))
        answer = Answer.objects.create(
            session=locked,
            question_id=question_id,
            text=text.strip(),
            mode=feedback.mode if feedback else AnswerMode.TEXT,
            is_late=feedback.is_late if feedback else False,
            remark=feedback.remark if feedback else "",
            code_result=feedback.code_result if feedback else None,
            recording=recording,
        )
        if feedback and feedback.follow_up:
            FollowUp.objects.create(
                answer=answer, question_text=feedback.follow_up, reason=feedback.reason
            )
        if recording is not None:
            # The media app transcribes and observes it on the worker (docs/media.md).
            record_event(
                type=EventType.ANSWER_RECORDED,
                payload={"answer_id": answer.pk, "recording_id": recording.pk},
            )
        locked.current_index += 1
        locked.question_started_at = None
        locked.example_runs = 0  # the next question has its own allowance
        locked.save(update_fields=["current_index", "question_started_at", "example_runs"])
        if _is_finished(locked):
            _complete(locked)
    session.refresh_from_db()
    return answer


def do_fill_transcript(*, answer_id: int, transcript: str) -> bool:
    """Give a recorded answer the text its speech-to-text found, so it is scored like a typed
    answer; text the candidate typed is never replaced. Returns whether the text changed."""
    filled = Answer.objects.filter(pk=answer_id, recording__isnull=False, text="")
    answer = filled.first()
    if answer is None or not transcript.strip():
        return False
    answer.text = transcript.strip()
    answer.save(update_fields=["text"])
    return True


def has_open_follow_up(session: InterviewSession) -> bool:
    return FollowUp.objects.filter(answer__session=session, answered_at__isnull=True).exists()


def do_answer_follow_up(*, session: InterviewSession, text: str, remark: str = "") -> None:
    """Store the answer to the open follow-up (empty: the candidate had nothing to add), with
    the room's remark on the first answer and this one together."""
    with transaction.atomic():
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        follow_up = (
            FollowUp.objects.select_for_update()
            .filter(answer__session=locked, answered_at__isnull=True)
            .first()
        )
        if follow_up is None:
            return  # answered already (a double click): nothing to do
        follow_up.text = text.strip()
        follow_up.remark = remark if follow_up.text else ""
        follow_up.answered_at = timezone.now()
        follow_up.save(update_fields=["text", "remark", "answered_at"])
        if _is_finished(locked):
            _complete(locked)
    session.refresh_from_db()


def open_probe(session: InterviewSession) -> ClaimProbe | None:
    """The next unanswered question about a resume claim, asked after the plan's questions."""
    return session.probes.filter(answered_at__isnull=True).order_by("position").first()


def do_answer_probe(*, session: InterviewSession, probe_id: int, text: str) -> None:
    """Store the answer to a resume-claim question (empty: nothing to add); idempotent."""
    with transaction.atomic():
        locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
        probe = locked.probes.select_for_update().filter(pk=probe_id).first()
        if probe is None or probe.answered_at is not None:
            return
        probe.text = text.strip()[:20000]
        probe.answered_at = timezone.now()
        probe.save(update_fields=["text", "answered_at"])
        if _is_finished(locked):
            _complete(locked)
    session.refresh_from_db()


def _is_finished(session: InterviewSession) -> bool:
    """Every plan question, its follow-up and every resume-claim question answered."""
    return (
        session.status != SessionStatus.COMPLETED
        and session.current_index >= len(plan_questions(session))
        and not has_open_follow_up(session)
        and not session.probes.filter(answered_at__isnull=True).exists()
    )


# The question about one resume claim, in the job's language (M12).
PROBE_TEXTS = {
    "leadership": {
        "zh-hans": "您的简历中写道：“{claim}”。请具体讲讲您在其中的角色、您做过的一个关键决定，"
        "以及结果。",
        "en": "Your resume says: “{claim}”. Tell us about your role in it, one key decision you "
        "made, and what came of it.",
    },
    "achievement": {
        "zh-hans": "您的简历中写道：“{claim}”。这个结果是怎么取得的？您本人具体做了什么？",
        "en": "Your resume says: “{claim}”. How was this result achieved, and what exactly did "
        "you do yourself?",
    },
}


def _create_claim_probes(session: InterviewSession) -> None:
    """Up to two questions about the candidate's own resume claims, from its parsed lines."""
    resume = (
        ResumeFile.objects.filter(application=session.application, status=ResumeStatus.PARSED)
        .order_by("-uploaded_at", "-id")
        .first()
    )
    lines = (resume.parsed or {}).get("lines", []) if resume else []
    language = session.application.job.language
    ClaimProbe.objects.bulk_create(
        ClaimProbe(
            session=session,
            kind=claim.kind,
            claim=claim.claim,
            question_text=PROBE_TEXTS[claim.kind]
            .get(language, PROBE_TEXTS[claim.kind]["en"])
            .format(claim=claim.claim),
            position=position,
        )
        for position, claim in enumerate(probe_worthy_claims(lines))
    )


def _complete(session: InterviewSession) -> None:
    session.status = SessionStatus.COMPLETED
    session.completed_at = timezone.now()
    session.save(update_fields=["status", "completed_at"])
    do_move_stage(
        application=session.application,
        to_stage=Stage.INTERVIEWED,
        actor="candidate",
        reason_code=StageReason.INTERVIEW_COMPLETED,
    )
    # Scoring subscribes to this event, so the interview app never depends on assessment.
    record_event(type=EventType.INTERVIEW_COMPLETED, payload={"session_id": session.pk})


class PlanLocked(HireLoopError):
    code = "plan_locked"


def plan_is_editable(plan: InterviewPlan) -> bool:
    """A plan can change until the first invitation: sessions walk it by position."""
    return not plan.interviewsession_set.exists()


def do_update_plan(
    *, plan: InterviewPlan, actor: Any, question_ids: list[int], pacing: dict[str, Any]
) -> InterviewPlan:
    """HR's edit of a plan before invitations go out: which questions, in which order, and
    the pacing. Every dimension keeps at least two questions."""
    check_may_manage_job(actor, plan.job)
    if not plan_is_editable(plan):
        raise PlanLocked(_("Invitations have gone out; this plan can no longer change."))
    bank = {q.pk: q for q in Question.objects.filter(job=plan.job).prefetch_related("dimensions")}
    chosen = [bank[pk] for pk in dict.fromkeys(question_ids) if pk in bank]
    short = [
        d.name
        for d in plan.job.dimensions.all()
        if sum(d in q.dimensions.all() for q in chosen) < QUESTIONS_PER_DIMENSION
    ]
    if short:
        raise PlanInvalid(
            _("Each dimension needs at least two questions; add some for: %(names)s")
            % {"names": ", ".join(short)}
        )
    with transaction.atomic():
        plan.items.all().delete()
        PlanItem.objects.bulk_create(
            PlanItem(plan=plan, question=q, position=i) for i, q in enumerate(chosen)
        )
        for field, value in pacing.items():
            setattr(plan, field, value)
        plan.save()
        do_audit(
            actor=actor, action=AuditAction.UPDATE, object_type="interview_plan", object_id=plan.pk
        )
    return plan


class PlanInvalid(HireLoopError):
    code = "plan_invalid"
