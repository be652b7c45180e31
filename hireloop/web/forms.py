"""Forms of the staff pages and the interview room."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from hireloop.accounts.models import User
from hireloop.accounts.roles import Role
from hireloop.interviews.services import InvitationInvalid, check_invitation_deadline
from hireloop.jobs.models import Job
from hireloop.jobs.services import DimensionSpec


def split_terms(text: str) -> list[str]:
    """ "Python, SQL；沟通" → ["Python", "SQL", "沟通"]: commas, Chinese commas or new lines."""
    for separator in ("，", "；", ";", "\n", "、"):
        text = text.replace(separator, ",")
    return [term.strip() for term in text.split(",") if term.strip()]


class TermsField(forms.CharField):
    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Separate with commas."))
        super().__init__(**kwargs)

    def prepare_value(self, value):  # type: ignore[no-untyped-def]
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):  # type: ignore[no-untyped-def]
        return split_terms(super().to_python(value) or "")

    def has_changed(self, initial, data):  # type: ignore[no-untyped-def]
        # An untouched blank field is [] after cleaning: not a change (keeps extra forms empty).
        return self.to_python(data) != (initial or [])


class JobForm(forms.ModelForm):
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"),
        queryset=User.objects.filter(groups__name=Role.INTERVIEWER).order_by("username"),
        required=False,
        help_text=_("Only these interviewers see the job's candidates and reports."),
    )
    skills = TermsField(label=_("Skills"))
    must_have_keywords = TermsField(label=_("Must-have keywords"))
    bonus_keywords = TermsField(label=_("Bonus keywords"))

    class Meta:
        model = Job
        fields = [
            "title",
            "description",
            "language",
            "min_degree",
            "min_years",
            "skills",
            "must_have_keywords",
            "bonus_keywords",
            "interviewers",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class DimensionForm(forms.Form):
    name = forms.CharField(label=_("Dimension"), max_length=100)
    weight = forms.DecimalField(label=_("Weight"), min_value=Decimal(0), max_value=Decimal(100))
    anchor_low = forms.CharField(
        label=_("A weak answer shows"), widget=forms.Textarea(attrs={"rows": 2})
    )
    anchor_mid = forms.CharField(
        label=_("A middling answer shows"), widget=forms.Textarea(attrs={"rows": 2})
    )
    anchor_high = forms.CharField(
        label=_("A strong answer shows"), widget=forms.Textarea(attrs={"rows": 2})
    )
    keywords = TermsField(label=_("Indicator keywords"))

    def to_spec(self) -> DimensionSpec:
        return DimensionSpec(**self.cleaned_data)


DimensionFormSet = forms.formset_factory(DimensionForm, extra=3, min_num=1, validate_min=True)
NewDimensionFormSet = forms.formset_factory(DimensionForm, extra=1)


class ProfileWeightsForm(forms.Form):
    """The weight of each existing dimension, and why the profile changes (M11)."""

    reason = forms.CharField(
        label=_("Why the profile changes"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, dimensions=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.dimensions = list(dimensions)
        for dimension in self.dimensions:
            self.fields[f"weight_{dimension.pk}"] = forms.DecimalField(
                label=dimension.name,
                min_value=Decimal(0),
                max_value=Decimal(100),
                decimal_places=2,
                initial=dimension.weight,
            )

    def weight_rows(self) -> list:
        return [(self[f"weight_{d.pk}"], d) for d in self.dimensions]

    def weights(self) -> dict[int, Decimal]:
        return {d.pk: self.cleaned_data[f"weight_{d.pk}"] for d in self.dimensions}


class ObservationWeightForm(forms.Form):
    """The share of the overall score given to the delivery of recorded answers."""

    observation_weight = forms.DecimalField(
        label=_("Share of the overall score (0 to 0.3)"),
        min_value=Decimal(0),
        max_value=Decimal("0.3"),
        decimal_places=2,
    )
    observation_reason = forms.CharField(
        label=_("Why this weight changes"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ResumeUploadForm(forms.Form):
    resumes = forms.FileField(
        label=_("Resumes (PDF, DOCX, text, scans, or a zip of them)"),
        widget=MultipleFileInput(attrs={"multiple": True}),
    )


class InviteForm(forms.Form):
    deadline = forms.DateTimeField(
        label=_("Answer by"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    notes = forms.CharField(
        label=_("Notes for the candidate"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_deadline(self):  # type: ignore[no-untyped-def]
        deadline = self.cleaned_data["deadline"]
        try:
            check_invitation_deadline(deadline)
        except InvitationInvalid as error:
            raise forms.ValidationError(str(error), code="deadline_past") from error
        return deadline


class StageForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    question_id = forms.IntegerField(widget=forms.HiddenInput)
    # Not required here: a voice or video answer may come without text; the room's service
    # refuses an empty answer that has no recording, with its own message.
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10, "aria-describedby": "answer-help"}),
    )


class RoomTextForm(forms.Form):
    """A follow-up answer, a resume-claim answer or a review request: text, maybe an id.

    Every room action reads the post through a form, so that a forged or malformed value is
    a message on the page, never a server error.
    """

    text = forms.CharField(required=False, max_length=20000, strip=True)
    probe_id = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    message = forms.CharField(required=False, max_length=4000)


class CodeLanguageForm(forms.Form):
    code_language = forms.CharField(required=False, max_length=20)


class ReviewForm(forms.Form):
    """One 0–10 score field per dimension of the report, plus comments.

    No decision: saving a review never moves the candidate (an offer or rejection is its own
    confirmed step, ``web.views.reports.report_decide``).
    """

    comments = forms.CharField(
        label=_("Comments and annotations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm_divergence = forms.BooleanField(
        label=_("I have re-checked the dimensions where my score differs from the AI's"),
        required=False,
    )
    divergence_note = forms.CharField(
        label=_("Why your score differs from the AI's"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )

    def __init__(self, *args, dimension_scores=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.dimension_fields = []
        for score in dimension_scores:
            name = f"dim_{score.dimension_id}"
            self.fields[name] = forms.FloatField(
                label=score.dimension.name,
                min_value=0,
                max_value=10,
                widget=forms.NumberInput(attrs={"step": "0.5", "class": "form-control"}),
            )
            self.dimension_fields.append((name, score))

    def dimension_rows(self) -> list:
        return [(self[name], score) for name, score in self.dimension_fields]

    @staticmethod
    def annotations(data, answers) -> dict[int, str]:  # type: ignore[no-untyped-def]
        """Notes typed beside the answers (fields ``annotation_<answer id>``)."""
        return {
            a.pk: data.get(f"annotation_{a.pk}", "")[:4000]
            for a in answers
            if data.get(f"annotation_{a.pk}", "").strip()
        }

    def dimension_scores(self) -> dict[int, float]:
        return {
            score.dimension_id: self.cleaned_data[name] for name, score in self.dimension_fields
        }
