"""Hiring carries the candidate's contact details and parsed resume into the archive."""

import pytest

from hireloop.archive.models import Employee
from hireloop.archive.search import search_employees
from hireloop.archive.services import do_hire
from hireloop.candidates.enums import Stage
from hireloop.candidates.models import ResumeFile
from hireloop.candidates.services import do_move_stage, do_update_contact
from hireloop.decisions.services import Decision, do_decide
from hireloop.testing.dump import raw_database_dump

pytestmark = pytest.mark.django_db

PARSED = {
    "name": "欧阳娜娜",
    "email": "nana.ouyang@example.com",
    "phone": "13911112222",
    "lines": ["欧阳娜娜 13911112222", "..."],
    "integrity": [{"kind": "hidden_text", "evidence": "x", "detail": "y"}],
    "degree": 3,
    "years_experience": 6.5,
    "skills": ["Python", "SQL"],
    "experience": [
        {"employer": "云帆科技", "title": "后端工程师", "start": "2019-07", "end": "present",
         "months": 70, "evidence": "2019.07-至今 云帆科技 后端工程师"},
    ],
    "education": [
        {"degree": 3, "school": "浙江大学", "major": "计算机科学", "start": "2012",
         "end": "2016", "evidence": "浙江大学 计算机科学 本科"},
    ],
}  # fmt: skip


def test_the_hire_carries_contact_details_and_the_resume_profile(application, recruiter) -> None:  # type: ignore[no-untyped-def]
    do_update_contact(
        candidate=application.candidate,
        name="欧阳娜娜",
        email="nana.ouyang@example.com",
        phone="13911112222",
    )
    ResumeFile.objects.create(
        application=application,
        file="resumes/ab/abc",
        original_name="欧阳娜娜.pdf",
        size=1,
        sha256="ab" * 32,
        status="parsed",
        parsed=PARSED,
    )
    for stage in (Stage.SHORTLISTED, Stage.INVITED, Stage.INTERVIEWING, Stage.INTERVIEWED):
        do_move_stage(application=application, to_stage=stage, actor=recruiter, reason="next")
    do_decide(application=application, decision=Decision.OFFER, actor=recruiter, reason="good")

    employee = do_hire(application=application, actor=recruiter, reason="accepted")

    employee = Employee.objects.get(pk=employee.pk)
    assert (employee.name, employee.email, employee.phone) == (
        "欧阳娜娜",
        "nana.ouyang@example.com",
        "13911112222",
    )
    profile = employee.resume_profile
    assert profile["skills"] == ["Python", "SQL"] and profile["years_experience"] == 6.5
    assert profile["experience"][0]["employer"] == "云帆科技"
    assert profile["education"][0]["school"] == "浙江大学"
    # Screening's working material and the contact details stay out of the profile.
    assert not {"name", "email", "phone", "lines", "integrity"} & set(profile)
    # Still encrypted at rest, and the new employee is found by name at once.
    dump = raw_database_dump()
    for secret in ("nana.ouyang@example.com", "13911112222", "云帆科技", "浙江大学"):
        assert secret not in dump, secret
    assert list(search_employees(Employee.objects.all(), "欧阳娜娜")) == [employee]
    assert list(search_employees(Employee.objects.all(), "139 1111 2222")) == [employee]
