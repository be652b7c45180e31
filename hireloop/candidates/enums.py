from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    INVITED = "invited", _("Invited")
    INTERVIEWING = "interviewing", _("Interviewing")
    INTERVIEWED = "interviewed", _("Interviewed")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The only moves an application may make. Terminal stages have no way out: a rejected
# candidate who re-applies gets a new application, so each history stays truthful.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Stage.APPLIED: frozenset({Stage.SHORTLISTED, Stage.REJECTED, Stage.WITHDRAWN}),
    Stage.SHORTLISTED: frozenset({Stage.INVITED, Stage.REJECTED, Stage.WITHDRAWN}),
    Stage.INVITED: frozenset({Stage.INTERVIEWING, Stage.REJECTED, Stage.WITHDRAWN}),
    Stage.INTERVIEWING: frozenset({Stage.INTERVIEWED, Stage.WITHDRAWN}),
    Stage.INTERVIEWED: frozenset({Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN}),
    Stage.OFFER: frozenset({Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN}),
    Stage.HIRED: frozenset(),
    Stage.REJECTED: frozenset(),
    Stage.WITHDRAWN: frozenset(),
}

# Moves that are decisions about a person: only a staff member may make them (M16).
HUMAN_ONLY_STAGES = frozenset({Stage.SHORTLISTED, Stage.OFFER, Stage.HIRED, Stage.REJECTED})
# The decisions proper: reached only through decisions.do_decide, which checks who may decide.
DECISION_STAGES = frozenset({Stage.OFFER, Stage.HIRED, Stage.REJECTED})


class ResumeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be read")
    PARSED = "parsed", _("Read")
    FAILED = "failed", _("Could not be read")


class DuplicateReason(models.TextChoices):
    """Why an application was recognised as coming from a candidate already known."""

    SAME_FILE = "same_file", _("same resume file")
    SAME_EMAIL = "same_email", _("same e-mail address")
    SAME_PHONE = "same_phone", _("same phone number")


class StageReason(models.TextChoices):
    """Why the system moved an application: stored as this code, shown in the reader's
    language (a stored sentence would stay in the language of whoever caused the move)."""

    SHORTLISTED_ON_INVITATION = "shortlisted_on_invitation", _("Shortlisted on invitation")
    INVITED = "invited", _("Invited to the AI interview")
    INTERVIEW_STARTED = "interview_started", _("Candidate started the interview")
    INTERVIEW_COMPLETED = "interview_completed", _("Candidate completed the interview")
    # A person's decision without words of their own: the page's default reason.
    OFFER_AFTER_REVIEW = "offer_after_review", _("Offer decided after review")
    REJECTED_AFTER_REVIEW = "rejected_after_review", _("Rejected after review")


class TermKind(models.TextChoices):
    """What a search term was made from (candidates.search_terms)."""

    NAME = "name", _("name")
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")
