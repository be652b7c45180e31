"""The query strings of the employee pages, read through forms (never a bare int())."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.search import search_query_field
from hireloop.org.models import Department

from .enums import EmploymentStatus
from .search import Ordering, Sort


class EmployeeListForm(forms.Form):
    """Search, filters and order of the employee list; a value that does not validate is
    ignored (the list shows unfiltered) rather than refused."""

    q = search_query_field(_("Name, number, e-mail or phone"))
    # Each department by its name in the reader's language (Department.__str__).
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status"))] + list(EmploymentStatus.choices),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    sort = forms.ChoiceField(
        choices=[(f"{sign}{column}", column) for column in Sort.CHOICES for sign in ("", "-")],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, departments: QuerySet[Department], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = departments
        field.empty_label = _("All departments")

    def value(self, name: str) -> Any:
        """The cleaned value of one field, or its empty value when it did not validate."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    @property
    def ordering(self) -> Ordering:
        return Ordering.parse(self.value("sort") or Sort.DEFAULT)


class AttendanceYearForm(forms.Form):
    year = forms.IntegerField(min_value=1900, max_value=2200, required=False)
