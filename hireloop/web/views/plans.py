"""HR reviews and edits a job's interview plan before invitations go out (M7, M9)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hireloop.interviews.models import InterviewPlan, Question
from hireloop.interviews.services import (
    PlanInvalid,
    PlanLocked,
    do_update_plan,
    ensure_plan,
    plan_is_editable,
)
from hireloop.jobs.services import access_job, may_manage_job


class PacingForm(forms.ModelForm):
    class Meta:
        model = InterviewPlan
        fields = [
            "prep_seconds",
            "answer_seconds",
            "pause_seconds",
            "stall_seconds",
            "allow_extension",
        ]
        help_texts = {
            "prep_seconds": _("0: each question's own preparation time."),
            "answer_seconds": _("0: each question's own limit (0 there means no limit)."),
        }


@login_required
def job_plan(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job(request.user, job_id)
    if not may_manage_job(request.user, job):
        return HttpResponse(status=403)
    plan = ensure_plan(job)
    editable = plan_is_editable(plan)
    form = PacingForm(request.POST or None, instance=plan)
    if request.method == "POST" and editable and form.is_valid():
        try:
            do_update_plan(
                plan=plan,
                actor=request.user,
                question_ids=_chosen_in_order(request),
                pacing={name: form.cleaned_data[name] for name in PacingForm.Meta.fields},
            )
        except (PlanInvalid, PlanLocked) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Interview plan saved."))
            return redirect("web:job_plan", job.pk)
    in_plan = {item.question_id: item.position for item in plan.items.all()}
    bank = sorted(
        Question.objects.filter(job=job, language=job.language).prefetch_related("dimensions"),
        key=lambda q: (q.pk not in in_plan, in_plan.get(q.pk, 0), q.pk),
    )
    return render(
        request,
        "web/job_plan.html",
        {
            "job": job,
            "plan": plan,
            "form": form,
            "bank": bank,
            "in_plan": in_plan,
            "editable": editable,
        },
    )


def _chosen_in_order(request: HttpRequest) -> list[int]:
    """Ticked questions, ordered by the position typed beside each (ties: list order)."""
    chosen = []
    for index, value in enumerate(request.POST.getlist("question")):
        if value.isdigit():
            order = request.POST.get(f"order_{value}", "")
            chosen.append((int(order) if order.isdigit() else 10_000 + index, index, int(value)))
    return [pk for _order, _index, pk in sorted(chosen)]
