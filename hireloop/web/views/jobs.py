from typing import IO, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hireloop.candidates.enums import Stage
from hireloop.candidates.models import Application
from hireloop.candidates.services import applications_visible_to, candidate_labels
from hireloop.jobs.enums import JobChangeKind
from hireloop.jobs.services import (
    InvalidProfile,
    JobClosed,
    accepts_candidates,
    access_job,
    check_may_create_job,
    do_create_job,
    jobs_visible_to,
    may_create_job,
    may_manage_job,
)
from hireloop.org.services import organisation_if_any
from hireloop.privacy.masking import mask_name
from hireloop.privacy.services import may_see_unmasked
from hireloop.screening.bulk import (
    batch_progress,
    do_receive_files,
    do_receive_zip,
    starts_like_zip,
)
from hireloop.screening.recomputation import recomputation_of
from hireloop.screening.services import ResumeRejected, ranked_applications

from ..forms import (
    ApplicationListForm,
    DimensionFormSet,
    JobForm,
    JobListFilterForm,
    ResumeUploadForm,
)

PAGE_SIZE = 50
JOB_PAGE_SIZE = 25
RECENT_BATCHES = 3


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("web:job_list")


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    # A fresh installation has no organisation until one is made: the list is then empty.
    form = JobListFilterForm(request.GET or None, organisation=organisation_if_any())
    jobs = jobs_visible_to(request.user)
    if text := form.value("q"):
        jobs = jobs.filter(Q(title__icontains=text) | Q(description__icontains=text))
    if status := form.value("status"):
        jobs = jobs.filter(status=status)
    if department := form.value("department"):
        jobs = jobs.filter(department=department)
    jobs = (
        jobs.select_related("department")
        .annotate(
            applicants=Count("applications", distinct=True),
            interviewed=Count(
                "applications",
                filter=Q(applications__stage__in=[Stage.INTERVIEWED, Stage.OFFER, Stage.HIRED]),
                distinct=True,
            ),
        )
        .order_by("-created_at", "-id")
    )
    page = Paginator(jobs, JOB_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/job_list.html",
        {
            "rows": page,
            "page": page,
            "filter_form": form,
            "is_filtered": any(form.value(name) for name in form.fields),
            "may_create": may_create_job(request.user),
        },
    )


@login_required
def job_create(request: HttpRequest) -> HttpResponse:
    check_may_create_job(request.user)
    organisation = organisation_if_any()
    if organisation is None:  # a fresh installation: a job belongs to the company
        messages.error(
            request,
            _(
                "The company is not set up yet. An HR or system administrator creates it in "
                "the back office (Organisations) before the first job."
            ),
        )
        return redirect("web:job_list")
    form = JobForm(request.POST or None, organisation=organisation)
    dimensions = DimensionFormSet(request.POST or None, prefix="dim")
    if request.method == "POST" and form.is_valid() and dimensions.is_valid():
        specs = [d.to_spec() for d in dimensions if d.cleaned_data]
        try:
            job = do_create_job(
                organisation=organisation,
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
    form = ApplicationListForm(request.GET or None)
    applications = applications_visible_to(request.user).filter(job=job)
    listed = _filtered(applications, form)
    sort = form.value("sort") or "score"
    page, shown = _page_of(request, applications, listed, sort)
    labels = candidate_labels(candidates=[a.candidate for a in shown], viewer=request.user)
    rows = [(a, labels[a.candidate_id]) for a in shown]
    stale = applications.filter(screened_revision__lt=job.requirements_revision).count()
    is_open = accepts_candidates(job)
    return render(
        request,
        "web/job_detail.html",
        {
            "job": job,
            "dimensions": job.dimensions.all(),
            "rows": rows,
            "misses_from": _first_miss(shown) if sort == "score" else None,
            "page": page,
            "list_form": form,
            "is_filtered": any(form.value(name) for name in ("stage", "requirements", "integrity")),
            "stale_scores": stale,
            "requirements_change": _latest(job, JobChangeKind.REQUIREMENTS) if stale else None,
            "recomputed": None
            if stale
            else recomputation_of(job=job, explanations=[a.match_explanation for a in shown]),
            "closed_change": None if is_open else _latest(job, JobChangeKind.CLOSED),
            "accepts_candidates": is_open,
            "upload_form": ResumeUploadForm(),
            "may_manage": may_manage_job(request.user, job),
            **_progress(job),
        },
    )


def _page_of(
    request: HttpRequest,
    applications: QuerySet[Application],
    listed: QuerySet[Application],
    sort: str,
) -> tuple[Page[Any], list[Application]]:
    """The requested page of the listed applications, and its rows ready to show."""
    number = request.GET.get("page")
    if sort == "name":
        # Names are encrypted: ordered here, by the name as this viewer sees it.
        ids = Paginator(_ids_by_name(listed, request.user), PAGE_SIZE).get_page(number)
        chosen = _with_rows(applications).in_bulk(list(ids))
        return ids, [chosen[pk] for pk in ids]
    page = Paginator(_with_rows(_ordered(listed, sort)), PAGE_SIZE).get_page(number)
    return page, list(page)


def _filtered(applications: QuerySet[Application], form: ApplicationListForm):  # type: ignore[no-untyped-def]
    if stage := form.value("stage"):
        applications = applications.filter(stage=stage)
    if requirements := form.value("requirements"):
        applications = applications.filter(meets_requirements=requirements == "met")
    if integrity := form.value("integrity"):
        applications = applications.filter(has_integrity_finding=integrity == "flagged")
    return applications


STAGE_ORDER = Case(
    *(When(stage=stage, then=Value(position)) for position, stage in enumerate(Stage.values)),
    output_field=IntegerField(),
)


def _ordered(applications: QuerySet[Application], sort: str) -> QuerySet[Application]:
    if sort == "stage":
        return applications.order_by(STAGE_ORDER, F("match_score").desc(nulls_last=True), "id")
    if sort == "newest":
        return applications.order_by("-created_at", "-id")
    if sort == "oldest":
        return applications.order_by("created_at", "id")
    return ranked_applications(applications)


def _ids_by_name(applications: QuerySet[Application], viewer) -> list[int]:  # type: ignore[no-untyped-def]
    """Application ids by the candidate's name as the viewer sees it (masked or not), then id.

    Candidates without a name yet (still being read) come last.
    """
    unmasked = may_see_unmasked(viewer)
    rows = applications.select_related("candidate").only("id", "candidate__name")

    def key(application: Application) -> tuple[bool, str, int]:
        name = application.candidate.name
        shown = name if unmasked else mask_name(name)
        return (not name, shown.casefold(), application.pk)

    return [application.pk for application in sorted(rows, key=key)]


def _with_rows(applications: QuerySet[Application]) -> QuerySet[Application]:
    """What each row of the list shows: the candidate and the resumes' status."""
    return applications.select_related("candidate").prefetch_related("resumes")


def _latest(job, kind: str):  # type: ignore[no-untyped-def]
    return job.changes.filter(kind=kind).select_related("actor").first()


def _first_miss(shown: list[Application]) -> int | None:
    """The id of the row where the applications that miss a hard requirement begin."""
    for index, application in enumerate(shown):
        if application.meets_requirements is False:
            if index == 0 or shown[index - 1].meets_requirements:
                return application.pk
            return None
    return None


@login_required
@require_POST
def job_upload(request: HttpRequest, job_id: int) -> HttpResponse:
    """Many files or zips at once: files become one batch, each zip its own (M3, bulk)."""
    job = access_job(request.user, job_id)
    if not may_manage_job(request.user, job):
        return HttpResponse(status=403)
    try:
        _receive(request, job)
    except JobClosed as refusal:
        messages.error(request, str(refusal))
    return redirect("web:job_detail", job.pk)


def _receive(request: HttpRequest, job) -> None:  # type: ignore[no-untyped-def]
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
        for refusal in batch.rejected_texts():
            messages.error(request, refusal)
        stored = len(files) - len(batch.rejected)
        if stored:
            messages.success(
                request,
                _("%(count)d resumes received; they are being read and screened.")
                % {"count": stored},
            )


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
