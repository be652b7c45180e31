from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hireloop.archive.services import (
    access_employee,
    employee_display_name,
    employees_visible_to,
    may_see_employees,
)
from hireloop.privacy.services import names_for_list


@login_required
def employee_list(request: HttpRequest) -> HttpResponse:
    if not may_see_employees(request.user):
        raise PermissionDenied
    employees = employees_visible_to(request.user).select_related("department")
    query = request.GET.get("q", "").strip()
    if query:
        employees = employees.filter(job_title__icontains=query) | employees.filter(
            employee_number__icontains=query
        )
    page = Paginator(employees.order_by("-hire_date", "employee_number"), 50).get_page(
        request.GET.get("page")
    )
    names = names_for_list(viewer=request.user, object_type="employee", people=list(page))
    rows = [(e, names[e.pk]) for e in page]
    return render(request, "web/employee_list.html", {"page": page, "rows": rows, "q": query})


@login_required
def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access_employee(request.user, employee_id)
    return render(
        request,
        "web/employee_detail.html",
        {
            "employee": employee,
            "name": employee_display_name(employee=employee, viewer=request.user),
            "reviews": employee.reviews.all(),
            "promotions": employee.promotions.all(),
            "trainings": employee.trainings.all()[:20],
            "results": employee.interview_results,
        },
    )
