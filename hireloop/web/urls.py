from django.urls import path

from .views import (
    applications,
    archive,
    audit,
    candidates,
    job_changes,
    jobs,
    media,
    notifications,
    plans,
    profile,
    reports,
    resumes,
    reviews,
    room,
    room_media,
)

app_name = "web"
urlpatterns = [
    path("", jobs.home, name="home"),
    path("jobs/", jobs.job_list, name="job_list"),
    path("jobs/new/", jobs.job_create, name="job_create"),
    path("jobs/<int:job_id>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:job_id>/resumes/", jobs.job_upload, name="job_upload"),
    path("jobs/<int:job_id>/edit/", job_changes.job_edit, name="job_edit"),
    path("jobs/<int:job_id>/close/", job_changes.job_close, name="job_close"),
    path("jobs/<int:job_id>/reopen/", job_changes.job_reopen, name="job_reopen"),
    path("jobs/<int:job_id>/profile/", profile.job_profile, name="job_profile"),
    path("jobs/<int:job_id>/plan/", plans.job_plan, name="job_plan"),
    path(
        "jobs/<int:job_id>/resumes/progress/",
        jobs.job_upload_progress,
        name="job_upload_progress",
    ),
    path(
        "applications/<int:application_id>/",
        applications.application_detail,
        name="application_detail",
    ),
    path(
        "applications/<int:application_id>/resumes/<int:resume_id>/",
        resumes.resume_original,
        name="resume_original",
    ),
    path(
        "applications/<int:application_id>/resumes/<int:resume_id>/pages/<int:page>/",
        resumes.resume_page,
        name="resume_page",
    ),
    path(
        "applications/<int:application_id>/move/",
        applications.application_move,
        name="application_move",
    ),
    path(
        "applications/<int:application_id>/invite/",
        applications.application_invite,
        name="application_invite",
    ),
    path(
        "applications/<int:application_id>/deliveries/retry/",
        applications.application_retry_deliveries,
        name="application_retry_deliveries",
    ),
    path(
        "applications/<int:application_id>/reject/",
        applications.application_reject,
        name="application_reject",
    ),
    path(
        "applications/<int:application_id>/hire/",
        applications.application_hire,
        name="application_hire",
    ),
    path("reports/<int:report_id>/", reports.report_detail, name="report_detail"),
    path("reports/<int:report_id>/pdf/", reports.report_pdf, name="report_pdf"),
    path(
        "reports/<int:report_id>/pdf/status/", reports.report_pdf_status, name="report_pdf_status"
    ),
    path(
        "reports/<int:report_id>/decide/<str:decision>/",
        reports.report_decide,
        name="report_decide",
    ),
    path(
        "reports/<int:report_id>/answers/<int:answer_id>/recording/",
        room_media.answer_recording,
        name="answer_recording",
    ),
    path(
        "reports/<int:report_id>/media-progress/",
        media.media_progress,
        name="report_media_progress",
    ),
    path(
        "reports/<int:report_id>/stills/<int:still_id>/",
        media.observation_still,
        name="observation_still",
    ),
    path(
        "account/notifications/",
        notifications.notification_preferences,
        name="notification_preferences",
    ),
    path("calibration/", reviews.calibration, name="calibration"),
    path("review-requests/", reviews.review_request_list, name="review_request_list"),
    path(
        "review-requests/<int:request_id>/resolve/",
        reviews.review_request_resolve,
        name="review_request_resolve",
    ),
    path("audit/", audit.audit_log, name="audit_log"),
    path("audit/export.csv", audit.audit_export, name="audit_export"),
    path("candidates/", candidates.candidate_search, name="candidate_search"),
    path("employees/", archive.employee_list, name="employee_list"),
    path("employees/<int:employee_id>/", archive.employee_detail, name="employee_detail"),
    path("i/<str:token>/", room.room, name="room"),
    path("i/<str:token>/ping/", room.room_ping, name="room_ping"),
    path("i/<str:token>/examples/", room.room_examples, name="room_examples"),
    path("i/<str:token>/media/<int:question_id>/", room_media.room_media, name="room_media"),
]
