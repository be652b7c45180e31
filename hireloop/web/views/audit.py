"""The auditor's pages: the audit log with filters, its export, and whether the chain holds.

Read-only, outside the back office, and without personal data: entries name staff users,
actions and record numbers, never a candidate's or employee's details.
"""

import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from hireloop.privacy.access import check_may_read_audit_log
from hireloop.privacy.audit import (
    AuditReport,
    audit_object_types,
    search_audit_log,
    verify_audit_log,
)
from hireloop.privacy.labels import object_type_name
from hireloop.privacy.models import AuditAction
from hireloop.privacy.services import do_audit

from .account import recent_login_required

EXPORT_MAX_ROWS = 100_000
VERIFY_CACHE_SECONDS = 60


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", "—"), *AuditAction.choices]
    )
    object_type = forms.CharField(
        label=_("Record type"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"list": "object-types"}),
    )
    actor = forms.CharField(label=_("User"), required=False, max_length=150)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}


def _verification() -> AuditReport:
    """The chain's check, at most once a minute per process (it walks the whole log)."""
    report = cache.get("hireloop:audit-verification")
    if report is None:
        report = verify_audit_log()
        cache.set("hireloop:audit-verification", report, VERIFY_CACHE_SECONDS)
    return report


@login_required
@require_safe
def audit_log(request: HttpRequest) -> HttpResponse:
    check_may_read_audit_log(request.user)
    form = AuditFilterForm(request.GET or None)
    entries = search_audit_log(**form.filters())
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/audit_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "object_types": [(code, object_type_name(code)) for code in audit_object_types()],
            "verification": _verification(),
        },
    )


@login_required
@require_safe
@recent_login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    """The filtered entries as CSV; the export itself is an audit entry."""
    check_may_read_audit_log(request.user)
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    entries = search_audit_log(**filters)[:EXPORT_MAX_ROWS]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with the BOM
    writer = csv.writer(response)
    writer.writerow(["id", "at", "user", "action", "record_type", "record_id", "detail", "mac"])
    count = 0
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(
            [
                entry.id,
                entry.at.isoformat(),
                _cell(entry.actor_label),
                entry.action,
                _cell(entry.object_type),
                _cell(entry.object_id),
                _cell(str(entry.detail)),
                entry.mac,
            ]
        )
        count += 1
    do_audit(
        actor=request.user,
        action=AuditAction.EXPORT,
        object_type="audit_log",
        object_id="csv",
        detail={"rows": count, "filters": {k: str(v) for k, v in filters.items() if v}},
    )
    return response


def _cell(text: str) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
