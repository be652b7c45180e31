from django.db import models


class EventType(models.TextChoices):
    JOB_CREATED = "job.created"
    PROFILE_CHANGED = "job.profile_changed"
    REQUIREMENTS_CHANGED = "job.requirements_changed"
    APPLICATION_CREATED = "application.created"
    RESUME_PARSED = "resume.parsed"
    STAGE_CHANGED = "application.stage_changed"
    INTERVIEW_INVITED = "interview.invited"
    INTERVIEW_COMPLETED = "interview.completed"
    ANSWER_RECORDED = "interview.answer_recorded"
    MEDIA_ANALYSED = "media.analysed"
    REPORT_READY = "report.ready"
    REVIEW_SUBMITTED = "review.submitted"
    HUMAN_REVIEW_REQUESTED = "report.human_review_requested"
    CANDIDATE_HIRED = "candidate.hired"
