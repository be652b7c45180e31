"""The HR administrator's page of API keys: make one (its secret shown once), see when each
was last used, revoke."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hireloop.web.views.account import recent_login_required

from .forms import ApiKeyForm
from .models import ApiKey
from .services import (
    access_api_key,
    check_may_manage_api_keys,
    do_create_api_key,
    do_revoke_api_key,
)


@login_required
@require_http_methods(["GET", "POST"])
def api_keys(request: HttpRequest) -> HttpResponse:
    check_may_manage_api_keys(request.user)
    if request.method == "POST":
        return _create(request)
    return _page(request, ApiKeyForm())


@recent_login_required
def _create(request: HttpRequest) -> HttpResponse:
    form = ApiKeyForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    new = do_create_api_key(
        actor=request.user,
        name=form.cleaned_data["name"],
        scopes=form.cleaned_data["scopes"],
        expires_at=form.expires_at(),
        acts_for_creator=form.cleaned_data["acts_for_me"],
    )
    # Rendered, not redirected: the secret exists only in this answer (never stored, and
    # the page is sent with Cache-Control: no-store).
    return _page(request, ApiKeyForm(), new_secret=new.secret, new_key=new.key)


def _page(request: HttpRequest, form: ApiKeyForm, status: int = 200, **extra) -> HttpResponse:  # type: ignore[no-untyped-def]
    keys = ApiKey.objects.select_related("created_by", "acts_for")
    context = {"form": form, "keys": keys, **extra}
    return render(request, "integrations/api_keys.html", context, status=status)


@login_required
@require_POST
def api_key_revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    key = access_api_key(request.user, key_id)
    do_revoke_api_key(key=key, actor=request.user)
    return redirect("integrations:api_keys")
