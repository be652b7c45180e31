"""The audit log's codes in the reader's language: what an entry is about and who acted.

The log keeps the codes (the filter, the export and the chain's MACs use them); the pages
show these names. A code missing here is shown as it is.
"""

from django.utils.translation import gettext_lazy as _

OBJECT_TYPES = {
    "api_key": _("API key"),
    "application": _("application"),
    "audit_log": _("audit log"),
    "candidate": _("candidate"),
    "employee": _("employee"),
    "human_review_request": _("human review request"),
    "interview_plan": _("interview plan"),
    "interview_session": _("interview session"),
    "interviewer_review": _("interviewer review"),
    "job": _("job"),
    "job_observation_weight": _("weight of the observations"),
    "job_profile": _("job profile"),
    "job_requirements": _("job requirements"),
    "job_status": _("job status"),
    "job_team": _("job team"),
    "observation_still": _("observation still"),
    "password": _("password"),
    "recording": _("recording"),
    "report": _("report"),
    "resume_file": _("resume"),
    "two_factor": _("two-factor login"),
    "upload_batch": _("resume upload"),
    "user_roles": _("user roles"),
}

# Who acted when no user did: the candidate through their link, or the system itself
# (privacy.audit and candidates.services store these words as the actor's label).
NON_PERSON_ACTORS = {"candidate": _("the candidate"), "system": _("the system")}


def object_type_name(code: str) -> str:
    return str(OBJECT_TYPES.get(code, code))


def actor_name(label: str, *, is_person: bool) -> str:
    """A user's name as it is; the candidate or the system in the reader's language."""
    if is_person or label not in NON_PERSON_ACTORS:
        return label
    return str(NON_PERSON_ACTORS[label])
