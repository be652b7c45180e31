from django.db import models


class EventType(models.TextChoices):
    JOB_CREATED = "job.created"
    APPLICATION_CREATED = "application.created"
    RESUME_PARSED = "resume.parsed"
    STAGE_CHANGED = "application.stage_changed"
    INTERVIEW_INVITED = "interview.invited"
    INTERVIEW_COMPLETED = "interview.completed"
    REPORT_READY = "report.ready"
    REVIEW_SUBMITTED = "review.submitted"
    CANDIDATE_HIRED = "candidate.hired"
