"""Small forms of the report page: the confirmation of a decision (offer, reject), and the
version of the PDF its progress bar asks about."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DecisionForm(forms.Form):
    """The reason, and the confirmation that only the confirmation page's button sends."""

    reason = forms.CharField(
        label=_("Reason (recorded with the decision)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def is_confirmed(self) -> bool:
        return bool(self.cleaned_data.get("confirmed"))


class PdfVersionForm(forms.Form):
    """The fingerprint (SHA-256, hex) of the report version a page shows."""

    version = forms.RegexField(regex=r"^[0-9a-f]{64}$", required=False)
