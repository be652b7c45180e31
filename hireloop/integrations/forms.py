from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import Scope

# Keys without an end date are allowed but not offered first: a key that expires limits
# the harm of one forgotten in a script.
EXPIRY_CHOICES = [
    ("30", _("In 30 days")),
    ("90", _("In 90 days")),
    ("365", _("In a year")),
    ("never", _("Never")),
]


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        help_text=_("Which system uses the key, e.g. the payroll sync."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    expiry = forms.ChoiceField(
        label=_("Expires"),
        choices=EXPIRY_CHOICES,
        initial="90",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    acts_for_me = forms.BooleanField(
        label=_("Acts for me"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        help_text=_(
            "Moves made with the key are recorded as yours, and stop when your account does."
        ),
    )

    def expires_at(self):  # type: ignore[no-untyped-def]
        choice = self.cleaned_data["expiry"]
        return None if choice == "never" else timezone.now() + timedelta(days=int(choice))
