"""Editing a job's competency profile after it was created (M11)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hireloop.jobs.models import Job
from hireloop.jobs.services import (
    InvalidProfile,
    access_job,
    do_set_observation_weight,
    do_update_profile,
    may_manage_job,
)

from ..forms import NewDimensionFormSet, ObservationWeightForm, ProfileWeightsForm


@login_required
def job_profile(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job(request.user, job_id)
    if not may_manage_job(request.user, job):
        return HttpResponse(status=403)
    if request.method == "POST" and request.POST.get("form") == "observation_weight":
        return _set_observation_weight(request, job)
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
    return _render(request, job, form, new, ObservationWeightForm(initial=_weight_initial(job)))


def _weight_initial(job: Job) -> dict:
    return {"observation_weight": job.observation_weight}


def _set_observation_weight(request: HttpRequest, job: Job) -> HttpResponse:
    """The second form of the page: the weight of delivery observations, with a reason."""
    weight_form = ObservationWeightForm(request.POST)
    if weight_form.is_valid():
        try:
            do_set_observation_weight(
                job=job,
                actor=request.user,
                weight=weight_form.cleaned_data["observation_weight"],
                reason=weight_form.cleaned_data["observation_reason"],
            )
        except InvalidProfile as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Weight of observations saved. The job's reports are being re-computed.")
            )
            return redirect("web:job_profile", job.pk)
    dimensions = list(job.dimensions.all())
    form = ProfileWeightsForm(dimensions=dimensions)
    return _render(request, job, form, NewDimensionFormSet(prefix="new"), weight_form)


def _render(
    request: HttpRequest,
    job: Job,
    form: ProfileWeightsForm,
    new: BaseFormSet,
    weight_form: ObservationWeightForm,
) -> HttpResponse:
    dimensions = form.dimensions
    total = sum(float(d.weight) for d in dimensions) or 1.0
    return render(
        request,
        "web/job_profile.html",
        {
            "job": job,
            "form": form,
            "weight_form": weight_form,
            "new_dimensions": new,
            "shares": {d.pk: round(100 * float(d.weight) / total) for d in dimensions},
            "changes": job.profile_changes.select_related("actor")[:20],
        },
    )
