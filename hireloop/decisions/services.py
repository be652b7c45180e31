"""Decisions about an application (offer, reject, hire): always a person's, through one door.

``do_decide`` is the only way an application reaches a decision stage, and
``check_may_decide`` the only rule for who may: the pages, the review form and the hire
all call them, so a page can never offer a button that the service then refuses, or the
other way round. A rule, a task or any other non-person actor is refused (PIPL Art. 24,
GDPR Art. 22).
"""

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hireloop.candidates.enums import ALLOWED_TRANSITIONS, Stage
from hireloop.candidates.models import Application
from hireloop.candidates.services import do_move_stage
from hireloop.errors import ActionNotAllowed
from hireloop.jobs.services import may_manage_job
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit


class Decision(models.TextChoices):
    OFFER = "offer", gettext_lazy("Make an offer")
    REJECT = "reject", gettext_lazy("Reject")
    HIRE = "hire", gettext_lazy("Hire")


STAGE_OF = {
    Decision.OFFER: Stage.OFFER,
    Decision.REJECT: Stage.REJECTED,
    Decision.HIRE: Stage.HIRED,
}


class DecisionRefused(ActionNotAllowed):
    code = "decision_refused"


def may_decide(user: Any, application: Application, decision: str) -> bool:
    """The job's recruiters and HR decide at any stage the pipeline allows; the job's
    interviewers offer or reject once the interview is done (they decide on what they
    assessed); the hire, which creates an employee record, is for recruiters and HR only.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    job = application.job
    if may_manage_job(user, job):
        return True
    return (
        decision != Decision.HIRE
        and application.stage == Stage.INTERVIEWED
        and job.interviewers.filter(pk=user.pk).exists()
    )


def check_may_decide(user: Any, application: Application, decision: str) -> None:
    if not may_decide(user, application, decision):
        raise DecisionRefused(_("Your role may not make this decision for this job."))


def is_decision_open(application: Application, decision: str) -> bool:
    """Whether the pipeline allows the decision at the application's current stage."""
    return STAGE_OF[Decision(decision)] in ALLOWED_TRANSITIONS[application.stage]


def decisions_open_to(user: Any, application: Application) -> list[Decision]:
    """The offer and rejection this person may take now (the hire is the application page's:
    it also creates the employee record)."""
    return [
        decision
        for decision in (Decision.OFFER, Decision.REJECT)
        if is_decision_open(application, decision) and may_decide(user, application, decision)
    ]


def do_decide(
    *, application: Application, decision: str, actor: Any, reason: str, reason_code: str = ""
) -> None:
    """Move the application to the decision's stage, recorded as the actor's decision: why
    in the actor's words (``reason``), or as a ``candidates.enums.StageReason`` code.

    Runs inside the caller's transaction when there is one (the hire also writes the
    employee record in the same one).
    """
    check_may_decide(actor, application, decision)
    with transaction.atomic():
        do_move_stage(
            application=application,
            to_stage=STAGE_OF[Decision(decision)],
            actor=actor,
            reason=reason,
            reason_code=reason_code,
            decided=True,
        )
        do_audit(
            actor=actor,
            action=AuditAction.DECIDE,
            object_type="application",
            object_id=application.pk,
            detail={"decision": str(decision)},
        )
