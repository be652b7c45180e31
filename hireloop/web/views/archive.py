from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from hireloop.archive.attendance import DayRecord, build_calendar, years_of
from hireloop.archive.display import interview_reports, metric_values
from hireloop.archive.forms import AttendanceYearForm, EmployeeListForm
from hireloop.archive.search import Sort, order_by_name, order_in_sql, search_employees
from hireloop.archive.services import (
    access_employee,
    employee_contact,
    employees_visible_to,
    may_see_employees,
)
from hireloop.org.models import Department, display_name_in_sql
from hireloop.privacy.services import names_for_list

PAGE_SIZE = 50
SORTABLE = (Sort.NAME, Sort.NUMBER, Sort.DEPARTMENT, Sort.HIRE_DATE)


@login_required
def employee_list(request: HttpRequest) -> HttpResponse:
    if not may_see_employees(request.user):
        raise PermissionDenied
    visible = employees_visible_to(request.user)
    departments = Department.objects.filter(pk__in=visible.values("department")).order_by(
        display_name_in_sql()
    )
    form = EmployeeListForm(request.GET, departments=departments)
    employees = search_employees(visible, form.value("q") or "")
    if department := form.value("department"):
        employees = employees.filter(department=department)
    if status := form.value("status"):
        employees = employees.filter(status=status)
    ordering = form.ordering
    page: Page[Any]
    if ordering.column == Sort.NAME:
        # Names are encrypted: ordered in Python, the page's rows then fetched by id.
        ids = order_by_name(employees, descending=ordering.descending)
        page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        by_id = visible.select_related("department").in_bulk(list(page.object_list))
        people = [by_id[pk] for pk in page.object_list]
    else:
        rows = order_in_sql(employees.select_related("department"), ordering)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        people = list(page.object_list)
    names = names_for_list(viewer=request.user, object_type="employee", people=people)
    rows_shown = [(e, names[e.pk]) for e in people]
    return render(
        request,
        "web/employee_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows_shown,
            "q": form.value("q") or "",
            "ordering": ordering,
            "headers": _sort_headers(ordering),
            "is_filtered": bool(form.value("q") or form.value("department") or status),
        },
    )


def _sort_headers(ordering: Any) -> dict[str, dict[str, str]]:
    """For each sortable column: the sort its header links to and its aria-sort state."""
    headers = {}
    for column in SORTABLE:
        state = "none"
        if ordering.column == column:
            state = "descending" if ordering.descending else "ascending"
        headers[column] = {"link": ordering.toggled(column), "aria": state}
    return headers


@login_required
def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access_employee(request.user, employee_id)
    today = timezone.localdate()
    employed_until = min(employee.left_on or today, today)
    years = years_of(employed_from=employee.hire_date, employed_until=employed_until)
    form = AttendanceYearForm(request.GET)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    if year not in years:
        year = years[-1] if years else today.year
    records = [
        DayRecord(r.date, r.status, r.minutes_late)
        for r in employee.attendance.filter(date__year=year)
    ]
    heatmap = build_calendar(
        year=year, records=records, employed_from=employee.hire_date, employed_until=employed_until
    )
    shifts = employee.shifts.filter(date__gte=today - timedelta(days=7)).order_by("date")[:21]
    reviews = [(review, metric_values(review.metrics)) for review in employee.reviews.all()]
    return render(
        request,
        "web/employee_detail.html",
        {
            "employee": employee,
            "contact": employee_contact(employee=employee, viewer=request.user),
            "profile": employee.resume_profile or {},
            "reviews": reviews,
            "promotions": employee.promotions.all(),
            "trainings": employee.trainings.order_by("-completed_on"),
            "shifts": list(shifts),
            "reports": interview_reports(employee.interview_results),
            "heatmap": heatmap,
            "years": years,
            "previous_year": year - 1 if year - 1 in years else None,
            "next_year": year + 1 if year + 1 in years else None,
        },
    )
