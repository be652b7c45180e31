"""HR reviews and edits a job's interview plan before invitations go out (M7, M9)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
            # Lazy: a class body runs once, at import, in no reader's language.
            "prep_seconds": gettext_lazy("0: each question's own preparation time."),
            "answer_seconds": gettext_lazy(
                "0: each question's own limit (0 there means no limit)."
            ),
        }


@login_required
def job_plan(request: HttpRequest, job_id: int) -> HttpResponse:
    job = access_job(request.user, job_id)
    if not may_manage_job(request.user, job):
        return HttpResponse(status=403)
    plan = ensure_plan(job)
    editable = plan_is_editable(plan)
    form = PacingForm(request.POST or None, instance=plan)
    bank_ids = list(Question.objects.filter(job=job).values_list("pk", flat=True))
    questions = PlanQuestionsForm(request.POST or None, bank_ids=bank_ids)
    if request.method == "POST" and not questions.is_valid():
        messages.error(request, _("The chosen questions or their order were not understood."))
    elif request.method == "POST" and editable and form.is_valid():
        try:
            do_update_plan(
                plan=plan,
                actor=request.user,
                question_ids=questions.chosen_in_order(),
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


class PlanQuestionsForm(forms.Form):
    """Which of the job's questions are in the plan, and the position typed beside each."""

    def __init__(self, data, *, bank_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(data)
        self.fields["question"] = forms.TypedMultipleChoiceField(
            choices=[(pk, pk) for pk in bank_ids], coerce=int, required=False
        )
        for pk in bank_ids:
            self.fields[f"order_{pk}"] = forms.IntegerField(
                required=False, min_value=1, max_value=10_000
            )

    def chosen_in_order(self) -> list[int]:
        """Ticked questions by their typed position (ties and blanks: list order)."""
        chosen = self.cleaned_data["question"]
        position = {
            pk: self.cleaned_data.get(f"order_{pk}") or 10_000 + index
            for index, pk in enumerate(chosen)
        }
        return sorted(chosen, key=lambda pk: (position[pk], chosen.index(pk)))
