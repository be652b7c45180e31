from typing import IO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hireloop.candidates.enums import Stage
from hireloop.candidates.services import applications_visible_to, candidate_labels
from hireloop.jobs.services import (
    InvalidProfile,
    access_job,
    check_may_create_job,
    do_create_job,
    jobs_visible_to,
    may_create_job,
    may_manage_job,
)
from hireloop.org.services import current_organisation
from hireloop.screening.bulk import (
    batch_progress,
    do_receive_files,
    do_receive_zip,
    starts_like_zip,
)
from hireloop.screening.services import ResumeRejected, ranked_applications

from ..forms import DimensionFormSet, JobForm, ResumeUploadForm

PAGE_SIZE = 50
RECENT_BATCHES = 3


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("web:job_list")


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = (
        jobs_visible_to(request.user)
        .annotate(
            applicants=Count("applications", distinct=True),
            interviewed=Count(
                "applications",
                filter=Q(applications__stage__in=[Stage.INTERVIEWED, Stage.OFFER, Stage.HIRED]),
                distinct=True,
            ),
        )
        .order_by("-created_at")
    )
    return render(
        request,
        "web/job_list.html",
        {
            "jobs": jobs,
            "may_create": may_create_job(request.user),
        },
    )


@login_required
def job_create(request: HttpRequest) -> HttpResponse:
    check_may_create_job(request.user)
    form = JobForm(request.POST or None)
    dimensions = DimensionFormSet(request.POST or None, prefix="dim")
    if request.method == "POST" and form.is_valid() and dimensions.is_valid():
        specs = [d.to_spec() for d in dimensions if d.cleaned_data]
        try:
            job = do_create_job(
                organisation=current_organisation(),
                actor=request.user,
                dimensions=specs,
                **form.cleaned_data,
            )
        except InvalidProfile as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Job created."))
            return redirect("web:job_detail", job.pk)
    return render(request, "web/job_form.html", {"form": form, "dimensions": dimensions})


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job(request.user, job_id)
    applications = (
        ranked_applications(applications_visible_to(request.user).filter(job=job))
        .select_related("candidate")
        .prefetch_related("resumes")
    )
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = candidate_labels(candidates=[a.candidate for a in page], viewer=request.user)
    rows = [(a, labels[a.candidate_id]) for a in page]
    return render(
        request,
        "web/job_detail.html",
        {
            "job": job,
            "dimensions": job.dimensions.all(),
            "rows": rows,
            "page": page,
            "upload_form": ResumeUploadForm(),
            "may_manage": may_manage_job(request.user, job),
            **_progress(job),
        },
    )


@login_required
@require_POST
def job_upload(request: HttpRequest, job_id: int) -> HttpResponse:
    """Many files or zips at once: files become one batch, each zip its own (M3, bulk)."""
    job = access_job(request.user, job_id)
    if not may_manage_job(request.user, job):
        return HttpResponse(status=403)
    files: list[tuple[str, bytes | IO[bytes], str]] = []
    # Uploads are read from their temporary files, never whole: a zip is checked and sealed
    # to storage in chunks, and other files are read only once their size is allowed.
    for upload in request.FILES.getlist("resumes"):
        name = upload.name or "resume"
        if name.lower().endswith(".zip") and starts_like_zip(upload):
            try:
                do_receive_zip(job=job, filename=name, data=upload, actor=request.user)
            except ResumeRejected as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("%(name)s received; its resumes are being unpacked.") % {"name": name},
                )
        else:
            files.append((name, upload, upload.content_type or ""))
    if files:
        batch = do_receive_files(job=job, files=files, actor=request.user)
        for refusal in batch.rejected:
            messages.error(request, refusal)
        stored = len(files) - len(batch.rejected)
        if stored:
            messages.success(
                request,
                _("%(count)d resumes received; they are being read and screened.")
                % {"count": stored},
            )
    return redirect("web:job_detail", job.pk)


@login_required
def job_upload_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """The latest uploads' progress, polled by the job page while any is unfinished."""
    job = access_job(request.user, job_id)
    context = _progress(job)
    response = render(request, "web/_upload_progress.html", {"job": job, **context})
    if request.headers.get("HX-Request") and not context["uploading"]:
        response["HX-Refresh"] = "true"  # all read: reload the page to show the new ranking
    return response


def _progress(job) -> dict:  # type: ignore[no-untyped-def]
    progress = batch_progress(list(job.upload_batches.all()[:RECENT_BATCHES]))
    return {"progress": progress, "uploading": any(not p.is_finished for p in progress)}
