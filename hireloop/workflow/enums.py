from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    JOB_CREATED = "job.created", _("Job created")
    PROFILE_CHANGED = "job.profile_changed", _("Job profile changed")
    REQUIREMENTS_CHANGED = "job.requirements_changed", _("Job requirements changed")
    APPLICATION_CREATED = "application.created", _("Application created")
    RESUME_PARSED = "resume.parsed", _("Resume parsed")
    STAGE_CHANGED = "application.stage_changed", _("Stage changed")
    INTERVIEW_INVITED = "interview.invited", _("Invited to interview")
    INTERVIEW_COMPLETED = "interview.completed", _("Interview completed")
    ANSWER_RECORDED = "interview.answer_recorded", _("Answer recorded")
    MEDIA_ANALYSED = "media.analysed", _("Recording analysed")
    REPORT_READY = "report.ready", _("Report ready")
    REVIEW_SUBMITTED = "review.submitted", _("Review submitted")
    HUMAN_REVIEW_REQUESTED = "report.human_review_requested", _("Human review requested")
    CANDIDATE_HIRED = "candidate.hired", _("Candidate hired")
