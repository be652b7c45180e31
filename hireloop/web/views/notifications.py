"""Each staff member's choice of which events reach them, by which channel."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hireloop.notify.enums import Channel
from hireloop.notify.services import do_set_preference, preferences_of
from hireloop.workflow.enums import EventType


def _field_name(event: str, channel: str) -> str:
    return f"{event.replace('.', '_')}__{channel}"


class PreferencesForm(forms.Form):
    """One checkbox per event offered to staff and channel, grouped by channel."""

    def __init__(self, *args, choices: dict[tuple[str, str], bool], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.choices = choices
        for (event, channel), is_enabled in choices.items():
            self.fields[_field_name(event, channel)] = forms.BooleanField(
                label=EventType(event).label, required=False, initial=is_enabled
            )

    def by_channel(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [
            (
                channel.label,
                [self[_field_name(e, c)] for e, c in self.choices if c == channel],
            )
            for channel in Channel
        ]


@login_required
def notification_preferences(request: HttpRequest) -> HttpResponse:
    # An empty POST (every box cleared) is still a submission: not ``request.POST or None``.
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, choices=preferences_of(request.user))
    if request.method == "POST" and form.is_valid():
        for event, channel in form.choices:
            do_set_preference(
                user=request.user,
                event_type=EventType(event),
                channel=Channel(channel),
                is_enabled=form.cleaned_data[_field_name(event, channel)],
            )
        messages.success(request, _("Your notification preferences were saved."))
        return redirect("web:notification_preferences")
    return render(request, "web/notification_preferences.html", {"form": form})
