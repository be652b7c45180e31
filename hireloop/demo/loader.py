"""Build the demo organisation through the same services the product uses.

Jobs go through ``do_create_job``, resumes through ``do_intake_resume`` and the real task
worker, plans through ``ensure_plan`` / ``do_update_plan``, interviews through the room's
services (``interviews.py``), the recorded answer through the worker's speech-to-text; only
the question bank and the employee archive, which have no creation services, are written
directly.
"""

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from hireloop.accounts.roles import ensure_role_groups
from hireloop.archive.models import Employee
from hireloop.assessment.models import Report
from hireloop.candidates.enums import ResumeStatus
from hireloop.candidates.models import Application, ResumeFile
from hireloop.interviews.enums import SessionStatus
from hireloop.interviews.models import InterviewSession, Question
from hireloop.jobs.models import Job
from hireloop.jobs.services import do_create_job
from hireloop.media.enums import AnalysisStatus
from hireloop.media.models import MediaAnalysis
from hireloop.org.models import Branding, Department, Organisation, Team
from hireloop.screening.services import do_intake_resume
from hireloop.workflow.worker import run_queued_tasks

from .content import BRANDING, DEMO_PASSWORD, DEPARTMENTS, JOBS, ORGANISATION, STAFF, JobContent
from .content_people import DEPARTMENT_OF_FAMILY, JOB_OF_FAMILY
from .content_questions import QUESTIONS_BY_JOB
from .content_resumes import KITS, PROFILES
from .identities import EN, PINYIN, ZH, IdentityFactory
from .interviews import Interviewee, edit_plans, speak_answer, take_interviews
from .people import Placement, build_archive
from .resumes import make_applicant, render

SEED = 2026


def demo_exists() -> bool:
    return Organisation.objects.filter(name=ORGANISATION["name"]).exists()


def load_demo() -> dict[str, Any] | None:
    """Create the demo organisation; None when it already exists (nothing is changed)."""
    if demo_exists():
        return None
    started = time.perf_counter()
    people = IdentityFactory(SEED)
    with transaction.atomic():
        organisation = _organisation()
        staff = _staff()
        departments = _departments(organisation)
        jobs = {job.key: _job(job, organisation, departments, staff) for job in JOBS}
        question_ids = {}
        for key, job in jobs.items():
            question_ids.update(_question_bank(key, job))
        edit_plans(jobs, question_ids, staff["recruiter"])
        interviewees = _candidates(jobs, staff["recruiter"], people)
        archive = build_archive(
            organisation=organisation,
            placements=_placements(departments, jobs),
            people=people,
            seed=SEED,
            today=timezone.localdate(),
        )
    # Tasks were queued on commit; the worker reads and ranks the resumes.
    run_queued_tasks()
    take_interviews(interviewees, staff["recruiter"], speak_answer())
    # Delivers interview.completed and interview.answer_recorded: scores the sessions,
    # transcribes and observes the recording, then scores its session again.
    run_queued_tasks()
    return _summary(organisation, archive, time.perf_counter() - started)


def _organisation() -> Organisation:
    organisation = Organisation.objects.create(**ORGANISATION)
    Branding.objects.create(organisation=organisation, **BRANDING)
    return organisation


def _staff() -> dict[str, Any]:
    ensure_role_groups()  # normally done after migrate; cheap, and tests may flush groups
    user_model = get_user_model()
    users = {}
    # One hash for all the demo accounts: they share a published password, and each PBKDF2
    # hash took 0.7-1.2 s on two shared cores (measured), five of them 4-6 s of the load.
    password_hash = ""
    for spec in STAFF:
        # A user of that name created by hand before the demo is kept as it is.
        user = user_model.objects.filter(username=spec.username).first()
        if user is None:
            user = user_model(
                username=spec.username,
                display_name=spec.display_name,
                email=spec.email,
                is_staff=spec.is_staff,
                is_superuser=spec.is_superuser,
            )
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user.password = password_hash
            user.save()
        if spec.role:
            user.groups.add(Group.objects.get(name=spec.role))
        users[spec.username] = user
    return users


def _departments(organisation: Organisation) -> dict[str, list[Any]]:
    """Department English name -> [department, team, team]."""
    result: dict[str, list[Any]] = {}
    for spec in DEPARTMENTS:
        department = Department.objects.create(
            organisation=organisation, name=spec.name, name_en=spec.name_en
        )
        teams = [
            Team.objects.create(department=department, name=name, name_en=name_en)
            for name, name_en in spec.teams
        ]
        result[spec.name_en] = [department, *teams]
    return result


def _job(
    spec: JobContent, organisation: Organisation, departments: dict[str, list[Any]], staff: dict
) -> Job:
    department, *teams = departments[spec.department]
    job = do_create_job(
        organisation=organisation,
        actor=staff["recruiter"],
        title=spec.title,
        dimensions=list(spec.dimensions),
        department=department,
        team=teams[spec.team],
        description=spec.description,
        language=spec.language,
        min_degree=spec.min_degree,
        min_years=spec.min_years,
        skills=list(spec.skills),
        must_have_keywords=list(spec.must_have),
        bonus_keywords=list(spec.bonus),
    )
    if spec.has_demo_interviewer:
        job.interviewers.add(staff["interviewer"])
        # The hiring manager belongs to the team the job hires for.
        teams[spec.team].members.add(staff["interviewer"])
    return job


def _question_bank(key: str, job: Job) -> dict[str, int]:
    """Both languages of the job's bank; only the job's own language is planned. Returns the
    id of each question by its content key."""
    dimensions = {dimension.name: dimension for dimension in job.dimensions.all()}
    ids = {}
    for spec in QUESTIONS_BY_JOB[key]:
        question = Question.objects.create(
            job=job,
            kind=spec.kind,
            text=spec.text,
            language=spec.language,
            anchor_low=spec.anchor_low,
            anchor_mid=spec.anchor_mid,
            anchor_high=spec.anchor_high,
            difficulty=spec.difficulty,
            answer_mode=spec.answer_mode,
            prep_seconds=spec.prep_seconds,
            answer_seconds=spec.answer_seconds,
            code_problem=spec.code_problem,
        )
        question.dimensions.set([dimensions[name] for name in spec.dimensions])
        ids[spec.key] = question.pk
    return ids


def _candidates(jobs: dict[str, Job], recruiter: Any, people: IdentityFactory) -> list[Interviewee]:
    """Send each generated resume through intake; remember whom to interview."""
    interviewees = []
    for key, job in jobs.items():
        kit = KITS[key]
        for index, profile in enumerate(PROFILES[key]):
            # The English job draws applicants from abroad and Chinese applicants writing
            # their names in pinyin.
            style = ZH if kit.language == "zh" else PINYIN if index % 3 == 1 else EN
            identity, resume = make_applicant(kit=kit, profile=profile, people=people, style=style)
            upload = render(resume, profile.file_format)
            stored = do_intake_resume(
                job=job,
                filename=upload.filename,
                data=upload.data,
                content_type=upload.content_type,
                actor=recruiter,
            )
            # Collected for the fairness audit only; never part of the resume text.
            candidate = stored.application.candidate
            candidate.gender = identity.gender
            candidate.birth_date = identity.birth_date.isoformat()
            candidate.ethnicity = identity.ethnicity
            candidate.region = identity.region
            candidate.save(update_fields=["gender", "birth_date", "ethnicity", "region"])
            if profile.interview:
                interviewees.append(Interviewee(key, stored.application_id, profile.interview))
    return interviewees


def _placements(departments: dict[str, list[Any]], jobs: dict[str, Job]) -> dict[str, Placement]:
    placements = {}
    for family, department_name in DEPARTMENT_OF_FAMILY.items():
        department, *teams = departments[department_name]
        job = jobs[JOB_OF_FAMILY[family]]
        dimensions = [(d.name, float(d.weight)) for d in job.dimensions.all()]
        placements[family] = Placement(department, teams, job.title, dimensions)
    return placements


def _summary(organisation: Organisation, archive: dict[str, int], seconds: float) -> dict:
    applications = Application.objects.filter(job__organisation=organisation)
    return {
        "organisation": f"{organisation.name} ({organisation.name_en})",
        "staff users": len(STAFF),
        "jobs": Job.objects.filter(organisation=organisation).count(),
        "questions": Question.objects.filter(job__organisation=organisation).count(),
        "applications": applications.count(),
        "resumes parsed": ResumeFile.objects.filter(
            application__in=applications, status=ResumeStatus.PARSED
        ).count(),
        "interviews in progress": InterviewSession.objects.filter(
            application__in=applications, status=SessionStatus.IN_PROGRESS
        ).count(),
        "reports": Report.objects.filter(session__application__in=applications).count(),
        "answers transcribed": MediaAnalysis.objects.filter(
            recording__session__application__in=applications, status=AnalysisStatus.DONE
        ).count(),
        "employees": archive["employees"],
        "employees who left": Employee.objects.filter(
            organisation=organisation, left_on__isnull=False
        ).count(),
        "performance reviews": archive["reviews"],
        "promotions": archive["promotions"],
        "training records": archive["trainings"],
        "attendance exceptions": archive["attendance"],
        "shifts": archive["shifts"],
        "seconds": round(seconds, 1),
    }
