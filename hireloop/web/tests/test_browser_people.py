"""Searching people by name in a real browser: the employee list, the employee page with its
attendance heat-map, and the candidate search, on a desktop and a phone, in both languages."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from hireloop.archive.models import AttendanceRecord, Employee, PerformanceReview, TrainingRecord
from hireloop.archive.search import index_employees
from hireloop.candidates.services import do_update_contact
from hireloop.org.models import Department
from hireloop.testing.browser import (
    BROWSER_MARKS,
    csp_violations,
    shot,
    staff_page,
)
from hireloop.testing.factories import ApplicationFactory

pytestmark = BROWSER_MARKS

EMPLOYEES = [  # number, name, department, e-mail
    ("E00195", "张红梅", "销售部", "hongmei.zhang@example.com"),
    ("E00196", "Alice Smith", "技术部", "alice.smith@example.com"),
    ("E00197", "张伟", "技术部", "wei.zhang@example.com"),
    ("E00198", "欧阳娜娜", "客服部", "nana.ouyang@example.com"),
    ("E00199", "Michael Brown", "销售部", "michael.brown@example.com"),
]
DEPARTMENTS_EN = {"销售部": "Sales", "技术部": "Engineering", "客服部": "Customer service"}
CANDIDATES = [("张红梅", "13800001111"), ("Michael Brown", "13900002222"), ("王晓燕", "")]


def _archive(organisation) -> Employee:  # type: ignore[no-untyped-def]
    departments = {
        name: Department.objects.create(organisation=organisation, name=name, name_en=english)
        for name, english in DEPARTMENTS_EN.items()
    }
    this_year = timezone.localdate().year
    people = []
    for index, (number, name, department, email) in enumerate(EMPLOYEES):
        people.append(
            Employee.objects.create(
                organisation=organisation,
                department=departments[department],
                employee_number=number,
                name=name,
                email=email,
                phone=f"1380000{index:04d}",
                job_title="销售代表" if department == "销售部" else "Engineer",
                hire_date=date(this_year - 2, 3 + index, 1),
            )
        )
    index_employees(people)
    hongmei = people[0]
    hongmei.resume_profile = {"skills": ["CRM", "谈判"], "degree": 3, "years_experience": 5.0}
    hongmei.interview_results = {
        "reports": [
            {"overall_score": 7.6, "recommendation": "advance",
             "scores": [{"dimension": "沟通与谈判", "score": 7.8, "evidence": ["先倾听顾虑"]}],
             "reviews": [{"reviewer": "recruiter", "decision": "offer", "comments": "很好"}]},
        ]
    }  # fmt: skip
    hongmei.save()
    start = date(this_year - 1, 1, 1)
    for offset in range(0, 365, 9):  # a late day every nine days, now and then an absence
        day = start + timedelta(days=offset)
        if day.month == 8:
            continue  # the month of the leave
        status = "absent" if offset % 90 == 0 else "late"
        AttendanceRecord.objects.create(
            employee=hongmei, date=day, status=status, minutes_late=(offset * 7) % 100
        )
    for offset in range(5):  # a week of leave in August
        AttendanceRecord.objects.create(
            employee=hongmei,
            date=date(this_year - 1, 8, 4) + timedelta(days=offset),
            status="leave",
        )
    PerformanceReview.objects.create(
        employee=hongmei,
        period=f"{this_year - 1}-H2",
        rating=Decimal("3.9"),
        metrics={"customer_retention": 0.82, "quota_attainment": 1.08, "teamwork": 3.7},
    )
    TrainingRecord.objects.create(
        employee=hongmei, course="大客户谈判", completed_on=start, hours=Decimal(12)
    )
    return hongmei


def _phone_page(browser, live_server, username: str, language: str):  # type: ignore[no-untyped-def]
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    return staff_page(browser, live_server, username, language, **phone)


def _search(page, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.fill("#id_q", text)
    page.press("#id_q", "Enter")
    page.wait_for_load_state()
    return page.locator("tbody tr[data-testid$='-row']").all_inner_texts()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_hr_finds_people_by_name_and_reads_the_attendance_heat_map(  # type: ignore[no-untyped-def]
    browser, live_server, organisation, job, hr_admin, language
):
    hongmei = _archive(organisation)
    for name, phone in CANDIDATES:
        application = ApplicationFactory(job=job)
        do_update_contact(candidate=application.candidate, name=name, email="", phone=phone)
    last_year = timezone.localdate().year - 1
    zh = language == "zh-hans"

    page = staff_page(browser, live_server, hr_admin.username, language=language)
    page.click("nav a[href='/employees/']")
    for query, number in (("张红梅", "E00195"), ("Alice Smith", "E00196"), ("hongmei", "E00195")):
        rows = _search(page, query)
        assert len(rows) == 1 and number in rows[0], (query, rows)
    assert len(_search(page, "张")) == 2  # 张红梅 and 张伟
    page.select_option("#id_department", label="技术部" if zh else "Engineering")
    page.press("#id_q", "Enter")
    page.wait_for_load_state()
    assert "E00197" in page.get_by_test_id("employee-table").inner_text()
    shot(page, f"people-list-search-{language}-desktop")

    page.goto(f"{live_server.url}/employees/{hongmei.pk}/?year={last_year}")
    heatmap = page.get_by_test_id("attendance-heatmap")
    heatmap.wait_for()
    box = heatmap.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 150
    assert page.locator("[data-testid=attendance-heatmap] g.hm-absent").count() == 5
    assert page.locator("[data-testid=attendance-heatmap] g.hm-leave").count() == 5
    performance = page.get_by_test_id("performance").inner_text()
    assert ("客户留存率" if zh else "Customer retention") in performance
    assert "customer_retention" not in page.content()
    if zh:
        assert not re.search(r"\boffer\b", page.locator("main").inner_text())
    assert csp_violations(page) == []
    shot(page, f"people-employee-{language}-desktop")

    page.click("nav a[href='/candidates/']")
    for query, expected in (
        ("张红梅", "张红梅"),
        ("Zhang Hongmei", "张红梅"),
        ("michael brown", "Michael Brown"),
        ("139 0000 2222", "Michael Brown"),
    ):
        rows = _search(page, query)
        assert len(rows) == 1 and expected in rows[0], (query, rows)
    assert csp_violations(page) == []
    shot(page, f"people-candidates-{language}-desktop")

    phone = _phone_page(browser, live_server, hr_admin.username, language)
    phone.goto(f"{live_server.url}/employees/")
    assert len(_search(phone, "欧阳娜娜")) == 1
    shot(phone, f"people-list-search-{language}-phone")
    phone.goto(f"{live_server.url}/employees/{hongmei.pk}/?year={last_year}")
    phone.get_by_test_id("attendance-heatmap").wait_for()
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    assert csp_violations(phone) == []
    shot(phone, f"people-employee-{language}-phone")
    phone.goto(f"{live_server.url}/candidates/")
    assert len(_search(phone, "王晓燕")) == 1
    shot(phone, f"people-candidates-{language}-phone")
