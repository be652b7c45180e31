"""A staff user's own account: password, two-factor login, and confirming it is still them."""

import functools
import time

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login

from hireloop.accounts.services import do_record_password_change
from hireloop.accounts.two_factor import (
    do_confirm_authenticator,
    matching_device,
    pending_authenticator,
    requires_two_factor,
    user_has_device,
)

AUTHENTICATED_AT_KEY = "hireloop_authenticated_at"


class CodeForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app, or a recovery code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class ConfirmForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )


def mark_authenticated_now(request: HttpRequest) -> None:
    """Remember when this person last proved who they are (exports ask again after a while)."""
    request.session[AUTHENTICATED_AT_KEY] = int(time.time())


def recent_login_required(view):  # type: ignore[no-untyped-def]
    """Exports and bulk actions: ask for the password again if the last proof is not recent."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):  # type: ignore[no-untyped-def]
        proved_at = request.session.get(AUTHENTICATED_AT_KEY, 0)
        if time.time() - proved_at > settings.RECENT_LOGIN_SECONDS:
            return redirect_to_login(request.get_full_path(), reverse("confirm_identity"))
        return view(request, *args, **kwargs)

    return checked


def remember_login(sender, request, user, **kwargs):  # type: ignore[no-untyped-def]
    """user_logged_in: the password was just given."""
    if request is not None and hasattr(request, "session"):
        mark_authenticated_now(request)


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else "/"


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)  # stay logged in on this device only
        do_record_password_change(user=user)
        messages.success(request, _("Your password was changed."))
        return redirect("web:home")
    for field in form.fields.values():
        field.widget.attrs["class"] = "form-control"
    return render(request, "registration/password_change.html", {"form": form})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Scan a code, type the number it shows: the authenticator is set up, recovery codes shown."""
    if user_has_device(request.user) and not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("two_factor_verify")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = do_confirm_authenticator(user=request.user, token=form.cleaned_data["token"])
        if codes is not None:
            otp_login(request, request.user.totpdevice_set.get(confirmed=True))  # type: ignore[union-attr]
            mark_authenticated_now(request)
            return render(
                request,
                "registration/two_factor_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("That code is not right. Check the time on your phone."))
    device = pending_authenticator(request.user)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
            "secret": _grouped(device.bin_key),
            "required": requires_two_factor(request.user),
            "has_device": user_has_device(request.user),
            "next": _next_url(request),
        },
    )


def _grouped(key: bytes) -> str:
    """The secret as authenticator apps take it by hand: base32 in groups of four."""
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in, for users who have an authenticator."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = matching_device(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            mark_authenticated_now(request)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right."))
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@login_required
def confirm_identity(request: HttpRequest) -> HttpResponse:
    """Ask for the password again before an export, when the last proof is not recent."""
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Through authenticate(), so that failed tries count towards the login lockout.
        proved = authenticate(
            request,
            username=request.user.get_username(),
            password=form.cleaned_data["password"],
        )
        if proved is not None and proved.pk == request.user.pk:
            mark_authenticated_now(request)
            return redirect(_next_url(request))
        form.add_error("password", _("That password is not right."))
    return render(
        request, "registration/confirm_identity.html", {"form": form, "next": _next_url(request)}
    )


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    """django-axes' answer to a locked user name: 429 with when to try again."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)
