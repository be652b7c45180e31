"""Candidates, applications and the pipeline: the public API of the candidates app."""

import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from hireloop.errors import ActionNotAllowed, HireLoopError, InvalidTransition, NotFoundOrForbidden
from hireloop.jobs.models import Job
from hireloop.jobs.services import check_may_manage_job, jobs_visible_to
from hireloop.privacy import masking
from hireloop.privacy.crypto import blind_index, phone_blind_index
from hireloop.privacy.masking import Redactor
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import (
    do_audit,
    masked_label,
    may_see_unmasked,
    names_for_list,
    reveal,
)
from hireloop.workflow.enums import EventType
from hireloop.workflow.services import record_event

from .enums import (
    ALLOWED_TRANSITIONS,
    DECISION_STAGES,
    HUMAN_ONLY_STAGES,
    DuplicateReason,
    Stage,
    StageReason,
)
from .models import PERSONAL_FIELDS, Application, Candidate, ResumeFile, StageChange
from .search import index_candidates


def applications_visible_to(user: Any) -> QuerySet[Application]:
    """Applications of the jobs the user may open (see ``jobs_visible_to``)."""
    return Application.objects.filter(job__in=jobs_visible_to(user))


def access_application(user: Any, application_id: int) -> Application:
    application = (
        applications_visible_to(user)
        .select_related("job", "candidate")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise NotFoundOrForbidden("Application not found.")
    return application


def check_transition(*, application: Application, to_stage: str, actor: Any) -> None:
    if to_stage not in ALLOWED_TRANSITIONS[application.stage]:
        raise InvalidTransition(
            _("An application cannot move from %(stage)s to %(to_stage)s.")
            % {"stage": Stage(application.stage).label, "to_stage": Stage(to_stage).label}
        )
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    if to_stage in HUMAN_ONLY_STAGES and not is_person:
        # PIPL Art. 24, GDPR Art. 22: no decision about a candidate by automated means alone.
        raise InvalidTransition(_("Only a person can make this decision."))


def do_move_stage(
    *,
    application: Application,
    to_stage: str,
    actor: Any,
    reason: str = "",
    reason_code: str = "",
    decided: bool = False,
) -> None:
    """Move an application along the pipeline, recording who, when and why.

    Why is a person's ``reason``, or for the system's own moves a ``reason_code``
    (StageReason), shown in the reader's language. Offer, rejection and hire are decisions:
    only ``decisions.do_decide`` moves there (it passes ``decided=True`` after checking that
    this person may decide).
    """
    if to_stage in DECISION_STAGES and not decided:
        raise InvalidTransition("A decision is made through decisions.do_decide.")
    if not reason.strip() and reason_code not in StageReason.values:
        raise InvalidTransition(_("A stage change needs a reason."))
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        check_transition(application=locked, to_stage=to_stage, actor=actor)
        is_person = actor is not None and getattr(actor, "is_authenticated", False)
        StageChange.objects.create(
            application=locked,
            from_stage=locked.stage,
            to_stage=to_stage,
            actor=actor if is_person else None,
            actor_label=actor.get_username() if is_person else str(actor or "system"),
            reason=reason,
            reason_code=reason_code,
        )
        from_stage = locked.stage
        locked.stage = to_stage
        locked.save(update_fields=["stage", "updated_at"])
        record_event(
            type=EventType.STAGE_CHANGED,
            payload={"application_id": locked.pk, "from": from_stage, "to": to_stage},
        )
    application.stage = to_stage


# Moves staff make by hand on the candidate page; the invitation, the decisions and the
# interview's own moves have their own doors (do_invite, decisions.do_decide, the room).
STAFF_MOVES = (Stage.SHORTLISTED, Stage.WITHDRAWN)


def staff_moves_from(stage: str) -> list[str]:
    return [move for move in STAFF_MOVES if move in ALLOWED_TRANSITIONS[stage]]


def do_staff_move(*, application: Application, to_stage: str, actor: Any, reason: str) -> None:
    """Shortlist an application, or record that the candidate withdrew: the job's managers."""
    check_may_manage_job(actor, application.job)
    if to_stage not in staff_moves_from(application.stage):
        raise InvalidTransition(_("This move is not available from the current stage."))
    do_move_stage(application=application, to_stage=to_stage, actor=actor, reason=reason)


class DuplicateResume(HireLoopError):
    """The very same file is already an application to this job."""

    code = "duplicate_resume"


def do_create_application(
    *, job: Job, filename: str, data: bytes, content_type: str, actor: Any
) -> ResumeFile:
    """Store an uploaded resume as a new application whose candidate is filled in by parsing.

    A file already received from a candidate of the organisation (same sha256) becomes an
    application of that candidate, marked as a duplicate; the same file for the same job is
    refused (DuplicateResume), so an upload repeated by mistake creates nothing.
    """
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        earlier = (
            ResumeFile.objects.filter(
                sha256=digest, application__job__organisation=job.organisation
            )
            .select_related("application")
            .order_by("pk")
            .first()
        )
        if earlier is None:
            candidate = Candidate.objects.create(organisation=job.organisation, name="")
            application = Application.objects.create(job=job, candidate=candidate)
        else:
            known = earlier.application.candidate_id
            if Application.objects.filter(job=job, candidate_id=known).exists():
                raise DuplicateResume(
                    _("%(name)s was already received for this job; it was not added again.")
                    % {"name": filename}
                )
            application = Application.objects.create(
                job=job,
                candidate_id=known,
                duplicate_reason=DuplicateReason.SAME_FILE,
                duplicate_of=earlier.application,
            )
        resume = ResumeFile(
            application=application,
            original_name=filename,
            content_type=content_type,
            size=len(data),
            sha256=digest,
        )
        resume.file.save(digest, ContentFile(data), save=False)
        resume.save()
        record_event(
            type=EventType.APPLICATION_CREATED,
            payload={"application_id": application.pk, "job_id": job.pk},
        )
        do_audit(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="application",
            object_id=application.pk,
        )
    return resume


def do_update_contact(*, candidate: Candidate, name: str, email: str, phone: str) -> None:
    """Fill the candidate's contact details (from parsing or by hand), keeping their indexes:
    the blind indexes that find a returning candidate and the search terms (docs/search.md)."""
    candidate.name = name
    candidate.email = email
    candidate.phone = phone
    candidate.email_index = blind_index(email) if email else ""
    candidate.phone_index = phone_blind_index(phone)
    with transaction.atomic():
        candidate.save(update_fields=["name", "email", "phone", "email_index", "phone_index"])
        index_candidates([candidate])


def do_record_contact(*, application: Application, name: str, email: str, phone: str) -> None:
    """The contact details read from an application's resume; a known candidate is linked.

    When another candidate of the organisation has the same e-mail or phone (compared by
    blind index), the application moves to that candidate and is marked a duplicate, and the
    empty candidate made at upload is removed. If that candidate already applied to this
    job, the application stays apart (one application per candidate and job) and points to
    the earlier one instead.
    """
    candidate = application.candidate
    match = _known_candidate(candidate=candidate, email=email, phone=phone)
    if match is None:
        do_update_contact(candidate=candidate, name=name, email=email, phone=phone)
        return
    known, reason = match
    earlier = known.applications.filter(job_id=application.job_id).first()
    with transaction.atomic():
        if earlier is not None:
            do_update_contact(candidate=candidate, name=name, email=email, phone=phone)
            application.duplicate_of = earlier
        else:
            application.candidate = known
            application.duplicate_of = (
                known.applications.exclude(pk=application.pk).order_by("pk").first()
            )
            _fill_blanks(known, name=name, email=email, phone=phone)
        if not application.duplicate_reason:
            application.duplicate_reason = reason
        application.save(update_fields=["candidate", "duplicate_of", "duplicate_reason"])
        if application.candidate_id != candidate.pk and not candidate.applications.exists():
            candidate.delete()  # the empty placeholder made at upload


def _known_candidate(
    *, candidate: Candidate, email: str, phone: str
) -> tuple[Candidate, str] | None:
    others = Candidate.objects.filter(organisation_id=candidate.organisation_id).exclude(
        pk=candidate.pk
    )
    email_index = blind_index(email) if email else ""
    if email_index:
        known = others.filter(email_index=email_index).order_by("pk").first()
        if known is not None:
            return known, DuplicateReason.SAME_EMAIL
    phone_index = phone_blind_index(phone)
    if phone_index:
        known = others.filter(phone_index=phone_index).order_by("pk").first()
        if known is not None:
            return known, DuplicateReason.SAME_PHONE
    return None


def _fill_blanks(candidate: Candidate, *, name: str, email: str, phone: str) -> None:
    """A known candidate keeps their details; only missing ones are taken from the resume."""
    do_update_contact(
        candidate=candidate,
        name=candidate.name or name,
        email=candidate.email or email,
        phone=candidate.phone or phone,
    )


def access_original_resume(viewer: Any, *, application_id: int, resume_id: int) -> ResumeFile:
    """A resume file as the candidate sent it, for a viewer who may see personal data unmasked.

    The original shows every contact detail in clear, so viewers who see them masked get
    ActionNotAllowed; each opening is audited as a read of the original.
    """
    application = access_application(viewer, application_id)
    resume = application.resumes.filter(pk=resume_id).first()
    if resume is None:
        raise NotFoundOrForbidden("Resume not found.")
    if not may_see_unmasked(viewer):
        raise ActionNotAllowed(
            _("The original resume shows contact details your role sees masked.")
        )
    reveal(actor=viewer, object_type="resume_file", object_id=resume.pk, fields=["original"])
    return resume


def read_original(resume: ResumeFile) -> bytes:
    """The decrypted bytes of a resume file (storage decrypts on read)."""
    with resume.file.open("rb") as handle:
        return handle.read()


def candidate_view(*, candidate: Candidate, viewer: Any) -> dict:
    """The candidate's personal fields as this viewer may see them.

    Roles that need the data see it in clear, and every such read is audited; everyone
    else sees it masked. Sensitive attributes are never shown here: only the fairness
    audit reads them.
    """
    if may_see_unmasked(viewer):
        reveal(
            actor=viewer,
            object_type="candidate",
            object_id=candidate.pk,
            fields=list(PERSONAL_FIELDS),
        )
        return {
            "name": candidate.name,
            "email": candidate.email,
            "phone": candidate.phone,
            "id_number": candidate.id_number,
            "masked": False,
        }
    return {
        "name": masking.mask_name(candidate.name),
        "email": masking.mask_email(candidate.email),
        "phone": masking.mask_phone(candidate.phone),
        "id_number": masking.mask_id_number(candidate.id_number),
        "masked": True,
    }


def candidate_labels(*, candidates: list[Candidate], viewer: Any) -> dict[int, str]:
    """Names for a list page: in clear for roles that need them (one audit entry), else masked."""
    return names_for_list(viewer=viewer, object_type="candidate", people=candidates)


def quote_redactor(*, candidate: Candidate, viewer: Any, always: bool = False) -> Redactor | None:
    """How quotes from this candidate's resume and answers are shown to this viewer.

    A viewer who sees the contact card masked sees the same details masked in every quote
    (match evidence, passages, findings, answers, transcripts); ``always`` for documents made
    to be passed on, such as the report PDF.
    """
    if may_see_unmasked(viewer) and not always:
        return None
    return Redactor([candidate.name])


def masked_name(candidate: Candidate) -> str:
    return masked_label(candidate)
