"""Editing a job's competency profile after it was created (M11)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hireloop.jobs.services import InvalidProfile, access_job, do_update_profile, may_manage_job

from ..forms import NewDimensionFormSet, ProfileWeightsForm


@login_required
def job_profile(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job(request.user, job_id)
    if not may_manage_job(request.user, job):
        return HttpResponse(status=403)
    dimensions = list(job.dimensions.all())
    form = ProfileWeightsForm(request.POST or None, dimensions=dimensions)
    new = NewDimensionFormSet(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid() and new.is_valid():
        try:
            do_update_profile(
                job=job,
                actor=request.user,
                weights=form.weights(),
                new_dimensions=[d.to_spec() for d in new if d.cleaned_data],
                reason=form.cleaned_data["reason"],
            )
        except InvalidProfile as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Profile saved. The job's reports are being re-computed."))
            return redirect("web:job_profile", job.pk)
    total = sum(float(d.weight) for d in dimensions) or 1.0
    return render(
        request,
        "web/job_profile.html",
        {
            "job": job,
            "form": form,
            "new_dimensions": new,
            "shares": {d.pk: round(100 * float(d.weight) / total) for d in dimensions},
            "changes": job.profile_changes.select_related("actor")[:20],
        },
    )
