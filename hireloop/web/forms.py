"""Forms of the staff pages and the interview room."""

from decimal import Decimal
from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hireloop.accounts.models import User
from hireloop.accounts.roles import Role
from hireloop.candidates.enums import Stage
from hireloop.interviews.services import InvitationInvalid, check_invitation_deadline
from hireloop.jobs.changes import EDITABLE_FIELDS
from hireloop.jobs.enums import JobStatus
from hireloop.jobs.models import Job
from hireloop.jobs.services import DimensionSpec
from hireloop.org.models import Department, Organisation, display_name_in_sql


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


def departments_of(organisation: Organisation | None) -> QuerySet[Department]:
    if organisation is None:
        return Department.objects.none()
    return Department.objects.filter(organisation=organisation).order_by(display_name_in_sql())


class DepartmentField(forms.ModelChoiceField):
    """The organisation's departments (the form sets its queryset), each by its name in the
    reader's language (Department.__str__)."""

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("queryset", Department.objects.none())
        kwargs.setdefault("label", _("Department"))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class JobForm(forms.ModelForm):
    interviewers = forms.ModelMultipleChoiceField(
        label=_("Interviewers"),
        queryset=User.objects.filter(groups__name=Role.INTERVIEWER).order_by("username"),
        required=False,
        help_text=_("Only these interviewers see the job's candidates and reports."),
    )
    department = DepartmentField()
    skills = TermsField(label=_("Skills"))
    must_have_keywords = TermsField(label=_("Must-have keywords"))
    bonus_keywords = TermsField(label=_("Bonus keywords"))

    class Meta:
        model = Job
        fields = [
            "title",
            "description",
            "department",
            "language",
            "min_degree",
            "min_years",
            "skills",
            "must_have_keywords",
            "bonus_keywords",
            "interviewers",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organisation=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments_of(organisation)


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


class MoveForm(forms.Form):
    """A stage move by hand (shortlist, withdrawn): the stages offered are the reachable ones."""

    to_stage = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(label=_("Reason"), max_length=2000)

    def __init__(self, *args, stages: list[str], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        field = self.fields["to_stage"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s, Stage(s).label) for s in stages]


class StageForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


# The longest answer the room accepts; its pages count towards it as the candidate types.
ROOM_TEXT_LIMIT = 20000
# Django's own message ("Ensure this value has at most …") speaks of a "value": the candidate
# reads of their answer and what to do.
ROOM_TEXT_TOO_LONG = _(
    "Your answer has %(show_value)d characters, more than the limit of %(limit_value)d. "
    "Please shorten it and send it again."
)


class AnswerForm(forms.Form):
    question_id = forms.IntegerField(widget=forms.HiddenInput)
    # Not required here: a voice or video answer may come without text; the room's service
    # refuses an empty answer that has no recording, with its own message.
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=ROOM_TEXT_LIMIT,
        error_messages={"max_length": ROOM_TEXT_TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 10, "aria-describedby": "answer-help"}),
    )


class RoomTextForm(forms.Form):
    """A follow-up answer, a resume-claim answer or a review request: text, maybe an id.

    Every room action reads the post through a form, so that a forged or malformed value is
    a message on the page, never a server error.
    """

    text = forms.CharField(
        required=False,
        max_length=ROOM_TEXT_LIMIT,
        error_messages={"max_length": ROOM_TEXT_TOO_LONG},
        strip=True,
    )
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


class JobEditForm(JobForm):
    """A job's title, description, department and hard requirements, and why they change.

    Built from the job's values, never bound to the job itself: the service compares the
    job as stored with what the form asks for, and records the difference.
    """

    interviewers = None  # type: ignore[assignment]  # the team: back office, do_assign_job_team
    reason = forms.CharField(
        label=_("Why the job changes"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the job's history and the audit log."),
    )

    class Meta(JobForm.Meta):
        fields = list(EDITABLE_FIELDS)

    def __init__(self, data=None, *, job: Job):  # type: ignore[no-untyped-def]
        initial = {name: getattr(job, name) for name in EDITABLE_FIELDS}
        initial["department"] = job.department_id
        super().__init__(data, initial=initial, organisation=job.organisation)
        self.order_fields(["title", "description", "department", "min_degree", "min_years"])

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


class JobStatusForm(forms.Form):
    """Closing or reopening a job: an optional reason, kept in its history and the audit log."""

    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ListQueryForm(forms.Form):
    """Filters read from a list page's query string: a value a field refuses is ignored."""

    def value(self, name: str):  # type: ignore[no-untyped-def]
        """The field's cleaned value, or None where it is empty or not valid."""
        if not self.is_bound:
            return None
        self.is_valid()  # cleaned_data then holds the fields that are valid
        return self.cleaned_data.get(name) or None


class JobListFilterForm(ListQueryForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *JobStatus.choices]
    )
    department = DepartmentField(empty_label=_("Any department"))

    def __init__(self, data=None, *, organisation: Organisation | None):  # type: ignore[no-untyped-def]
        super().__init__(data)
        department = cast(DepartmentField, self.fields["department"])
        department.queryset = departments_of(organisation)


class ApplicationListForm(ListQueryForm):
    """How the job page lists its applications: the sort and the filters."""

    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("score", _("Best match first")),
            ("name", _("Name")),
            ("stage", _("Stage")),
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
        ],
    )
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Any stage")), *Stage.choices]
    )
    requirements = forms.ChoiceField(
        label=_("Hard requirements"),
        required=False,
        choices=[
            ("", _("Met or missed")),
            ("met", _("Meets them all")),
            ("missed", _("Misses at least one")),
        ],
    )
    integrity = forms.ChoiceField(
        label=_("Integrity findings"),
        required=False,
        choices=[
            ("", _("With or without")),
            ("flagged", _("Held for review")),
            ("clean", _("No finding")),
        ],
    )
