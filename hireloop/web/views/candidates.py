"""The candidate search page: the applications a person may see, found by the candidate's
name, e-mail or phone through the keyed search index (docs/search.md)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from hireloop.candidates.search import (
    may_list_candidates,
    may_search_candidates_by_personal_data,
    search_applications,
    search_query_field,
)
from hireloop.candidates.services import applications_visible_to, candidate_labels

PAGE_SIZE = 50


class CandidateSearchForm(forms.Form):
    q = search_query_field(_("Name, e-mail or phone"))


@login_required
def candidate_search(request: HttpRequest) -> HttpResponse:
    if not may_list_candidates(request.user):
        raise PermissionDenied
    may_search = may_search_candidates_by_personal_data(request.user)
    form = CandidateSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() and may_search else ""
    applications = search_applications(
        applications=applications_visible_to(request.user), query=query
    )
    page = Paginator(
        applications.select_related("job", "candidate").order_by("-created_at", "-pk"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    names = candidate_labels(candidates=[a.candidate for a in shown], viewer=request.user)
    return render(
        request,
        "web/candidate_search.html",
        {
            "form": form,
            "q": query,
            "may_search": may_search,
            "page": page,
            "rows": [(a, names[a.candidate_id]) for a in shown],
        },
    )
