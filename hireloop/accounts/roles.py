"""Staff roles and what each may do.

Roles are Django groups so that the admin, permissions and object checks share one source.
The matrix below is the single place where a role's rights are declared; a test checks it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RECRUITER = "recruiter", _("Recruiter")
    INTERVIEWER = "interviewer", _("Interviewer")
    HR_ADMIN = "hr_admin", _("HR administrator")
    ADMIN = "admin", _("System administrator")
    AUDITOR = "auditor", _("Auditor")


_VIEW = "view"
_ALL = ("view", "add", "change", "delete")

# app_label.model -> actions, per role
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.RECRUITER: {
        "jobs.job": _ALL,
        "jobs.dimension": _ALL,
        "candidates.candidate": ("view", "add", "change"),
        "candidates.application": ("view", "add", "change"),
        "candidates.resumefile": ("view", "add"),
        "candidates.stagechange": ("view",),
        "interviews.question": _ALL,
        "interviews.interviewplan": _ALL,
        "interviews.planitem": _ALL,
        "interviews.interviewsession": ("view", "add"),
        "interviews.answer": ("view",),
        "assessment.report": ("view",),
        "assessment.dimensionscore": ("view",),
        "decisions.interviewerreview": ("view",),
        "decisions.answerannotation": ("view",),
        "decisions.humanreviewrequest": ("view", "change"),
        "jobs.profilechange": ("view",),
        "jobs.jobchange": ("view",),
        "archive.employee": ("view", "add"),
    },
    Role.INTERVIEWER: {
        "jobs.job": (_VIEW,),
        "jobs.dimension": (_VIEW,),
        "candidates.application": (_VIEW,),
        "interviews.answer": (_VIEW,),
        "assessment.report": (_VIEW,),
        "assessment.dimensionscore": (_VIEW,),
        "decisions.interviewerreview": ("view", "add", "change"),
        "decisions.answerannotation": ("view", "add"),
        # Candidates' requests for a human review of their job's reports: the interviewers
        # re-review; the job's recruiters write the outcome (decisions.reviews).
        "decisions.humanreviewrequest": (_VIEW,),
    },
    Role.HR_ADMIN: {
        label: _ALL
        for label in (
            "org.organisation",
            "org.branding",
            "org.department",
            "org.team",
            "jobs.job",
            "jobs.dimension",
            "candidates.candidate",
            "candidates.application",
            "candidates.resumefile",
            "interviews.question",
            "interviews.interviewplan",
            "interviews.planitem",
            "interviews.interviewsession",
            "interviews.answer",
            "assessment.report",
            "assessment.dimensionscore",
            "decisions.interviewerreview",
            "decisions.answerannotation",
            "decisions.humanreviewrequest",
            "archive.employee",
            "archive.performancereview",
            "archive.promotion",
            "archive.trainingrecord",
            "archive.shift",
            "archive.attendancerecord",
            "notify.notificationpreference",
        )
    }
    | {
        "candidates.stagechange": ("view",),
        "workflow.outboxevent": ("view",),
        "notify.delivery": ("view",),
        "notify.deliveryattempt": ("view",),
        "jobs.profilechange": ("view",),
        "jobs.jobchange": ("view",),
    },
    Role.AUDITOR: {
        "privacy.auditentry": (_VIEW,),
        "candidates.stagechange": (_VIEW,),
        "workflow.outboxevent": (_VIEW,),
        "assessment.report": (_VIEW,),
        "assessment.dimensionscore": (_VIEW,),
    },
    # Admins are superusers in practice; the group exists so the role can be granted.
    Role.ADMIN: {"privacy.auditentry": (_VIEW,), "workflow.outboxevent": (_VIEW,)},
}


def ensure_role_groups() -> None:
    """Create the role groups and give each exactly the permissions of the matrix."""
    from django.contrib.auth.models import Group, Permission

    for role, grants in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for label, actions in grants.items():
            app_label, model = label.split(".")
            for action in actions:
                wanted.append(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    )
                )
        group.permissions.set(wanted)
