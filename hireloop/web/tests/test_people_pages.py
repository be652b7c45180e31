"""The employee list and page, and the candidate search page, through the real views."""

import re
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireloop.archive.models import (
    AttendanceRecord,
    Employee,
    PerformanceReview,
    Promotion,
    Shift,
    TrainingRecord,
)
from hireloop.archive.search import index_employees
from hireloop.candidates.services import do_update_contact
from hireloop.org.models import Department
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import ApplicationFactory, JobFactory

pytestmark = pytest.mark.django_db

# Queries of the employee list, whatever its rows (measured): session, user and its two
# kinds of OTP device; the viewer's roles (read once per request, however often asked);
# the count and the page (or, sorted by name, the ids with their names and the page); the
# audit entry of the names shown (savepoint, head, entry, head, release); the branding; the
# template's permissions (2); the departments of the filter.
LIST_QUERIES = 16
LIST_QUERIES_BY_NAME = LIST_QUERIES


def staff(user, language: str = "en") -> Client:  # type: ignore[no-untyped-def]
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def employee(organisation, number: str, name: str, **fields) -> Employee:  # type: ignore[no-untyped-def]
    person = Employee.objects.create(
        organisation=organisation,
        employee_number=number,
        name=name,
        job_title=fields.pop("job_title", "Sales"),
        hire_date=fields.pop("hire_date", date(2024, 1, 1)),
        **fields,
    )
    index_employees([person])
    return person


def numbers(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[0].employee_number for row in response.context["rows"]]


@pytest.fixture
def archive(organisation):  # type: ignore[no-untyped-def]
    sales = Department.objects.create(organisation=organisation, name="销售部", name_en="Sales")
    tech = Department.objects.create(
        organisation=organisation, name="技术部", name_en="Engineering"
    )
    return {
        "E00195": employee(organisation, "E00195", "张红梅", department=sales,
                           email="hm.zhang@example.com", phone="13800001111",
                           hire_date=date(2023, 3, 1)),
        "E00007": employee(organisation, "E00007", "Alice Smith", department=tech,
                           hire_date=date(2021, 6, 1)),
        "E00100": employee(organisation, "E00100", "陈晨", department=tech,
                           hire_date=date(2024, 9, 1), status="left", left_on=date(2025, 2, 1)),
    }  # fmt: skip


def test_the_list_searches_by_chinese_and_english_names_phone_and_number(
    client, archive, hr_admin
) -> None:  # type: ignore[no-untyped-def]
    hr = staff(hr_admin, "zh-hans")
    url = reverse("web:employee_list")
    for query in (
        "张红梅",
        "红梅",
        "zhang hongmei",
        "138 0000 1111",
        "HM.ZHANG@example.com",
        "195",
    ):
        assert numbers(hr.get(url, {"q": query})) == ["E00195"], query
    for query in ("alice", "Alice Smith", "SMITH"):
        assert numbers(hr.get(url, {"q": query})) == ["E00007"], query
    page = hr.get(url, {"q": "王芳"}).content.decode()
    assert "没有与您的搜索匹配的员工。" in page and "暂无您可查看的员工" not in page


def test_the_list_sorts_filters_and_paginates(client, archive, hr_admin, settings) -> None:  # type: ignore[no-untyped-def]
    hr = staff(hr_admin)
    url = reverse("web:employee_list")
    assert numbers(hr.get(url)) == ["E00100", "E00195", "E00007"]  # newest hires first
    assert numbers(hr.get(url, {"sort": "name"})) == [
        "E00007",
        "E00100",
        "E00195",
    ]  # a, chen, zhang
    assert numbers(hr.get(url, {"sort": "-name"})) == ["E00195", "E00100", "E00007"]
    assert numbers(hr.get(url, {"sort": "number"})) == ["E00007", "E00100", "E00195"]
    assert numbers(hr.get(url, {"sort": "department"})) == ["E00007", "E00100", "E00195"]
    assert numbers(hr.get(url, {"sort": "hire_date"})) == ["E00007", "E00195", "E00100"]
    tech = Department.objects.get(name="技术部")
    assert numbers(hr.get(url, {"department": tech.pk, "sort": "number"})) == ["E00007", "E00100"]
    assert numbers(hr.get(url, {"status": "left"})) == ["E00100"]
    assert numbers(hr.get(url, {"status": "active", "q": "zhang"})) == ["E00195"]
    # Values that do not validate are ignored, never an error.
    assert len(numbers(hr.get(url, {"department": "x", "status": "gone", "sort": "pay"}))) == 3
    page = hr.get(url, {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"' in page and "sort=-name" in page  # the header toggles
    assert "Engineering" in page and "技术部" not in page  # departments in the reader's language


def test_the_list_pages_keep_the_filters(client, organisation, hr_admin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("hireloop.web.views.archive.PAGE_SIZE", 2)
    for n in range(5):
        employee(organisation, f"E{n}", f"王{'一二三四五'[n]}明")
    hr = staff(hr_admin)
    url = reverse("web:employee_list")
    first = hr.get(url, {"sort": "number", "status": "active"})
    assert numbers(first) == ["E0", "E1"]
    link = re.search(r'href="(\?[^"]*page=2[^"]*)"', first.content.decode()).group(1)
    assert "status=active" in link and "sort=number" in link
    assert numbers(hr.get(url + link.replace("&amp;", "&"))) == ["E2", "E3"]
    # By name: wang er ming, wang san ming, wang si ming, wang wu ming, wang yi ming.
    assert numbers(hr.get(url, {"sort": "name", "page": "2"})) == ["E3", "E4"]
    assert numbers(hr.get(url, {"sort": "name", "page": "999"})) == ["E0"]  # the last page


@pytest.mark.parametrize("sort", ["-hire_date", "name", "department"])
def test_the_list_runs_the_same_queries_for_3_or_60_employees(  # type: ignore[no-untyped-def]
    client, archive, organisation, hr_admin, django_assert_num_queries, sort
):
    hr = staff(hr_admin)
    url = reverse("web:employee_list") + f"?sort={sort}"
    hr.get(url)  # the first request may also write the session
    expected = LIST_QUERIES_BY_NAME if sort == "name" else LIST_QUERIES
    with django_assert_num_queries(expected):
        assert len(numbers(hr.get(url))) == 3
    department = Department.objects.get(name="技术部")
    for n in range(57):
        employee(organisation, f"X{n:03d}", f"员工{n}", department=department)
    with django_assert_num_queries(expected):
        assert len(numbers(hr.get(url))) == 50


@pytest.fixture
def history(archive):  # type: ignore[no-untyped-def]
    """张红梅's year: late days, an absence, leave, shifts, training, reviews, a promotion."""
    person = archive["E00195"]
    person.interview_results = {
        "job": "销售代表",
        "reports": [
            {"overall_score": 7.4, "recommendation": "advance",
             "scores": [{"dimension": "沟通与谈判", "score": 7.0, "evidence": ["我先倾听客户"]}],
             "reviews": [{"reviewer": "recruiter", "decision": "offer", "comments": "很好",
                          "scores": {}}]},
        ],
    }  # fmt: skip
    person.resume_profile = {"skills": ["CRM"], "degree": 3, "years_experience": 4.0}
    person.save()
    for day, status, minutes in (
        (date(2024, 3, 4), "late", 10),
        (date(2024, 3, 5), "late", 90),
        (date(2024, 4, 8), "absent", 0),
        (date(2024, 5, 6), "leave", 0),
        (date(2024, 5, 7), "leave", 0),
    ):
        AttendanceRecord.objects.create(
            employee=person, date=day, status=status, minutes_late=minutes
        )
    today = timezone.localdate()
    Shift.objects.create(
        employee=person, date=today + timedelta(days=1), starts_at=time(8), ends_at=time(16)
    )
    Shift.objects.create(
        employee=person, date=today - timedelta(days=30), starts_at=time(8), ends_at=time(16)
    )
    TrainingRecord.objects.create(
        employee=person,
        course="谈判技巧",
        completed_on=date(2024, 6, 1),
        hours=Decimal(8),
        score=Decimal(92),
    )
    PerformanceReview.objects.create(
        employee=person,
        period="2024-H1",
        rating=Decimal("3.8"),
        metrics={"customer_retention": 0.81, "quota_attainment": 1.12, "teamwork": 3.6},
    )
    Promotion.objects.create(
        employee=person, date=date(2024, 7, 1), from_title="销售代表", to_title="高级销售代表"
    )
    return person  # fmt: skip


def test_the_employee_page_in_chinese(client, history, hr_admin) -> None:  # type: ignore[no-untyped-def]
    hr = staff(hr_admin, "zh-hans")
    response = hr.get(reverse("web:employee_detail", args=[history.pk]), {"year": 2024})
    page = response.content.decode()
    heatmap = page.split('data-testid="attendance-heatmap"')[1].split("</svg>")[0]
    assert heatmap.count("<rect") == 366 + 1  # every day of 2024, and the hatch pattern's tile
    assert (
        heatmap.count('class="hm-late hm-late-1"') == 1 and 'class="hm-late hm-late-3"' in heatmap
    )
    assert heatmap.count('class="hm-absent"') == 1 and heatmap.count('class="hm-leave"') == 2
    assert 'class="hm-off"' not in heatmap  # employed the whole year
    assert "迟到 90 分钟" in heatmap
    assert " style=" not in page and not re.search(r"<script(?![^>]*\bsrc=)", page)  # strict CSP
    totals = page.split('data-testid="attendance-totals"')[1].split("</p>")[0]
    assert "迟到 2 天" in totals and "缺勤 1 天" in totals and "请假 2 天" in totals
    performance = page.split('data-testid="performance"')[1].split("</table>")[0]
    assert "客户留存率" in performance and "81%" in performance and "团队协作" in performance
    assert "customer_retention" not in page and "quota_attainment" not in page
    results = page.split('data-testid="interview-results"')[1].split("</div>")[0]
    assert "发放录用意向" in results and "建议进入下一环节" in results
    assert not re.search(r"\boffer\b|\badvance\b", page.split("<main")[1])  # no English leaks
    assert "hm.zhang@example.com" in page and "13800001111" in page  # HR sees them in clear
    assert "谈判技巧" in page and "高级销售代表" in page and "CRM" in page
    shifts = page.split('data-testid="shifts"')[1].split("</table>")[0]
    assert shifts.count("<tr>") == 2  # the header and tomorrow's shift, not last month's
    # One audited read of the contact card.
    (entry,) = AuditEntry.objects.filter(object_type="employee", object_id=str(history.pk))
    assert entry.detail == {"fields": ["name", "email", "phone"]}


def test_the_attendance_years_follow_the_employment(client, history, hr_admin) -> None:  # type: ignore[no-untyped-def]
    hr = staff(hr_admin)
    url = reverse("web:employee_detail", args=[history.pk])
    latest = hr.get(url).context["heatmap"].year
    assert latest == timezone.localdate().year  # still employed: this year
    page = hr.get(url, {"year": 2023}).content.decode()
    assert 'data-testid="previous-year"' not in page and "?year=2024" in page  # hired in 2023
    assert page.count('class="hm-off"') == 31 + 28  # January and February, before the hire
    assert hr.get(url, {"year": "1999"}).context["heatmap"].year == latest
    assert hr.get(url, {"year": "x" * 50}).status_code == 200


def test_an_employee_without_history_has_a_plain_page(client, archive, hr_admin) -> None:  # type: ignore[no-untyped-def]
    page = staff(hr_admin).get(reverse("web:employee_detail", args=[archive["E00100"].pk]))
    text = page.content.decode()
    assert page.context["heatmap"].year == 2025  # left on 1 February 2025
    assert "No resume on record" in text and "No shifts planned." in text


# --- candidates ------------------------------------------------------------------------------


@pytest.fixture
def applicants(job):  # type: ignore[no-untyped-def]
    other_job = JobFactory(organisation=job.organisation, title="Elsewhere")
    people = {}
    for key, target, name, email, phone in (
        ("zhang", job, "张红梅", "hm@example.com", "13800001111"),
        ("alice", job, "Alice Smith", "alice@example.com", ""),
        ("hidden", other_job, "张红梅", "other@example.com", ""),
    ):
        application = ApplicationFactory(job=target)
        do_update_contact(candidate=application.candidate, name=name, email=email, phone=phone)
        people[key] = application
    return people


def rows(response) -> list[int]:  # type: ignore[no-untyped-def]
    return [application.pk for application, _name in response.context["rows"]]


def test_a_recruiter_finds_candidates_of_their_jobs_by_name_pinyin_email_and_phone(  # type: ignore[no-untyped-def]
    client, applicants, recruiter
):
    page = staff(recruiter, "zh-hans")
    url = reverse("web:candidate_search")
    zhang, alice = applicants["zhang"].pk, applicants["alice"].pk
    for query in ("张红梅", "红梅", "Zhang Hongmei", "hm@example.com", "+86 138-0000-1111"):
        assert rows(page.get(url, {"q": query})) == [zhang], query  # not the other job's 张红梅
    for query in ("alice", "Smith", "alice smith"):
        assert rows(page.get(url, {"q": query})) == [alice], query
    assert set(rows(page.get(url))) == {zhang, alice}
    text = page.get(url, {"q": "张红梅"}).content.decode()
    assert "张红梅" in text and "没有与您的搜索匹配" not in text
    assert "暂无" not in text and 'data-testid="candidate-search"' in text


def test_an_interviewer_sees_masked_names_and_no_search_by_personal_data(  # type: ignore[no-untyped-def]
    client, applicants, interviewer
):
    page = staff(interviewer)
    url = reverse("web:candidate_search")
    response = page.get(url, {"q": "13800001111"})
    text = response.content.decode()
    # The query is not used: a search would tell which masked candidate holds this number.
    assert set(rows(response)) == {applicants["zhang"].pk, applicants["alice"].pk}
    assert 'data-testid="search-not-offered"' in text and 'name="q"' not in text
    assert "张红梅" not in text and "张**" in text and "A**** S****" in text


def test_the_menu_offers_candidates_to_those_who_work_on_them(  # type: ignore[no-untyped-def]
    client, applicants, recruiter, interviewer, hr_admin, auditor
):
    link = f'href="{reverse("web:candidate_search")}"'
    for user in (recruiter, interviewer, hr_admin):
        assert link in staff(user).get(reverse("web:job_list")).content.decode()
    assert link not in staff(auditor).get(reverse("web:job_list")).content.decode()
    assert staff(auditor).get(reverse("web:candidate_search")).status_code == 403


FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "\x00", "-1", "0", "99999999999999999999", "name", "-name", "@", "+86"]),
    st.just("张" * 500),
)


@FUZZ
@given(
    query=st.dictionaries(
        st.sampled_from(["q", "sort", "department", "status", "page", "year"]), VALUES
    )
)
def test_the_people_pages_never_fail_on_hostile_queries(
    query, archive, applicants, hr_admin, recruiter
) -> None:  # type: ignore[no-untyped-def]
    # 400 is the answer to a NUL byte anywhere in a request (hireloop.web.middleware).
    hr, rec = staff(hr_admin), staff(recruiter)
    for client, url in (
        (hr, reverse("web:employee_list")),
        (hr, reverse("web:employee_detail", args=[archive["E00195"].pk])),
        (rec, reverse("web:candidate_search")),
    ):
        assert client.get(url, query).status_code in (200, 400), (url, query)
