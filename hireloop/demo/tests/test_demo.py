"""The demo data: complete, realistic, idempotent, and holding no personal data in clear.

These tests run the real loader with the real task worker (which also transcribes the
recorded answer with the shipped Whisper model), so they need committed data
(transaction=True); each load takes 20–60 seconds on two shared cores (docs/demo-data.md).
"""

import json
import logging
import re
import statistics
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from hireloop.archive.models import AttendanceRecord, Employee, PerformanceReview, Shift
from hireloop.archive.search import search_employees
from hireloop.assessment.models import Report
from hireloop.candidates.enums import ResumeStatus, Stage
from hireloop.candidates.models import Application, Candidate, ResumeFile
from hireloop.demo.content import BRANDING, JOBS
from hireloop.demo.content_interviews import (
    CODE_ANSWERS,
    IN_PROGRESS_ANSWERS,
    PLANS,
    SPOKEN_ANSWER,
    SPOKEN_QUESTION,
)
from hireloop.demo.content_questions import QUESTIONS_BY_JOB
from hireloop.demo.loader import load_demo
from hireloop.interviews.enums import AnswerMode, SessionStatus
from hireloop.interviews.models import Answer, InterviewSession, Question
from hireloop.interviews.services import PlanLocked, do_update_plan, plan_is_editable
from hireloop.jobs.models import Job
from hireloop.media.enums import AnalysisStatus
from hireloop.media.models import MediaAnalysis
from hireloop.org.models import Organisation

transactional = pytest.mark.django_db(transaction=True)


@transactional
def test_demo_builds_a_screened_interviewed_organisation_and_loads_only_once():
    """One load checks everything that needs the whole demo, to keep the suite short."""
    summary = load_demo()

    assert summary is not None
    organisation = Organisation.objects.get(name="云帆科技", name_en="Yunfan Technology")
    jobs = Job.objects.filter(organisation=organisation)
    assert jobs.count() == 3
    _assert_question_bank_and_plans(jobs)
    _assert_resumes_parsed_and_ranked(organisation)
    _assert_two_complete_reports(organisation)
    _assert_one_interview_in_progress(organisation)
    _assert_staff_and_access(jobs)
    assert Employee.objects.filter(organisation=organisation).count() == 200
    # The archive is searchable by name from the start (it was not: issue "Experience").
    found = search_employees(Employee.objects.all(), "张红梅")
    assert "E00195" in set(found.values_list("employee_number", flat=True))
    assert (summary["interviews in progress"], summary["answers transcribed"]) == (1, 1)
    # Read-only checks of the same load (each load costs a minute of the suite).
    _assert_archive_holds_the_planted_relations_and_no_demographic_effect()
    _assert_database_holds_no_demo_personal_data_in_clear()

    before = _row_counts()
    assert load_demo() is None
    assert _row_counts() == before

    _assert_plans_use_every_answer_mode_and_only_the_uninvited_one_is_editable()


def _assert_plans_use_every_answer_mode_and_only_the_uninvited_one_is_editable() -> None:
    recruiter = get_user_model().objects.get(username="recruiter")
    for spec in JOBS:
        job = Job.objects.get(title=spec.title)
        plan = job.interview_plan
        items = plan.items.select_related("question").order_by("position")
        keys = {q.text: q.key for q in QUESTIONS_BY_JOB[spec.key]}
        assert [keys[item.question.text] for item in items] == list(PLANS[spec.key])
        modes = [item.question.answer_mode for item in items]
        bank_modes = set(
            Question.objects.filter(job=job, language=job.language).values_list(
                "answer_mode", flat=True
            )
        )
        assert set(modes) == bank_modes  # every answer mode of the bank is asked
        assert AnswerMode.VOICE in modes
        question_ids = [item.question_id for item in items]
        if plan.interviewsession_set.exists():
            assert not plan_is_editable(plan)
            with pytest.raises(PlanLocked):
                do_update_plan(plan=plan, actor=recruiter, question_ids=question_ids, pacing={})
        else:
            # HR can change it: here, ask the recorded call first.
            assert plan_is_editable(plan)
            reordered = question_ids[-1:] + question_ids[:-1]
            do_update_plan(plan=plan, actor=recruiter, question_ids=reordered, pacing={})
            assert list(items.values_list("question_id", flat=True)) == reordered
    sales, backend = (Job.objects.get(title=title) for title in ("销售经理", "Backend Engineer"))
    assert AnswerMode.VIDEO in _planned_modes(sales)
    assert _planned_modes(backend).count(AnswerMode.CODE) == 2
    editable = [job.title for job in Job.objects.all() if plan_is_editable(job.interview_plan)]
    assert editable == ["客服专员"]


def _planned_modes(job: Job) -> list[str]:
    return list(job.interview_plan.items.values_list("question__answer_mode", flat=True))


@transactional
def test_without_espeak_the_demo_loads_says_why_and_the_answer_is_typed(
    monkeypatch, tmp_path, caplog
):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no espeak-ng on the PATH
    with caplog.at_level(logging.WARNING, logger="hireloop.demo"):
        summary = load_demo()

    assert summary is not None and summary["answers transcribed"] == 0
    assert "espeak-ng is not installed" in caplog.text
    assert "make system" in caplog.text
    report = Report.objects.get(session__application__job__title="Backend Engineer")
    spoken = report.session.answers.get(question__answer_mode=AnswerMode.VOICE)
    assert (spoken.mode, spoken.text) == (AnswerMode.TEXT, " ".join(SPOKEN_ANSWER))
    assert not MediaAnalysis.objects.exists()


def _assert_question_bank_and_plans(jobs) -> None:
    """Both languages of every bank as written, and plans made from it."""
    for spec in JOBS:
        job = jobs.get(title=spec.title)
        bank = QUESTIONS_BY_JOB[spec.key]
        rows = Question.objects.filter(job=job, text__in=[q.text for q in bank])
        stored = {row.text: row for row in rows.prefetch_related("dimensions")}
        assert rows.count() == len(stored) == len(bank)  # each question exactly once
        for question in bank:
            row = stored[question.text]
            assert (row.language, row.kind, row.difficulty, row.answer_mode) == (
                question.language,
                question.kind,
                question.difficulty,
                question.answer_mode,
            )
            assert (row.prep_seconds, row.answer_seconds) == (
                question.prep_seconds,
                question.answer_seconds,
            )
            assert (row.anchor_low, row.anchor_mid, row.anchor_high) == (
                question.anchor_low,
                question.anchor_mid,
                question.anchor_high,
            )
            assert {d.name for d in row.dimensions.all()} == set(question.dimensions)
        # The other language is in the bank but never in the plan.
        planned = job.interview_plan.items.values_list("question__language", flat=True)
        assert set(planned) == {spec.language}


def _assert_resumes_parsed_and_ranked(organisation: Organisation) -> None:
    applications = Application.objects.filter(job__organisation=organisation)
    assert applications.count() == 30
    statuses = ResumeFile.objects.filter(application__in=applications).values_list(
        "status", flat=True
    )
    assert list(statuses) == [ResumeStatus.PARSED] * 30
    assert not applications.filter(match_score__isnull=True).exists()
    for job in Job.objects.filter(organisation=organisation):
        ranked = applications.filter(job=job)
        scores = [a.match_score for a in ranked]
        # Strong and weak resumes are far apart, and someone misses a hard requirement.
        assert max(scores) - min(scores) >= 40
        assert any(not a.match_explanation["passes_filters"] for a in ranked)
    # Sensitive attributes are recorded for the audit but never written into a resume.
    for candidate in Candidate.objects.filter(organisation=organisation):
        assert candidate.name and candidate.gender and candidate.birth_date and candidate.region
        resume_text = ResumeFile.objects.get(application__candidate=candidate).text
        assert candidate.birth_date not in resume_text
        assert "族" not in resume_text


def _assert_two_complete_reports(organisation: Organisation) -> None:
    reports = Report.objects.filter(session__application__job__organisation=organisation)
    assert reports.count() == 2
    for report in reports:
        application = report.session.application
        dimensions = list(application.job.dimensions.values_list("id", flat=True))
        assert sorted(report.scores.values_list("dimension_id", flat=True)) == sorted(dimensions)
        assert application.stage == Stage.INTERVIEWED
        planned = report.session.plan.items.count()
        assert Answer.objects.filter(session=report.session).count() == planned >= 8
    stages = Application.objects.filter(job__organisation=organisation).values_list(
        "stage", flat=True
    )
    assert set(stages) == {Stage.APPLIED, Stage.INTERVIEWING, Stage.INTERVIEWED}
    backend = reports.get(session__application__job__title="Backend Engineer")
    _assert_code_answers_were_run(backend.session)
    _assert_voice_answer_transcribed_and_observed(backend)


def _assert_code_answers_were_run(session: InterviewSession) -> None:
    """Both coding answers went through the sandbox: one passes every hidden test, one not."""
    code = Answer.objects.filter(session=session, mode=AnswerMode.CODE).order_by("id")
    assert [answer.text for answer in code] == [text.strip() for text in CODE_ANSWERS.values()]
    passed = [(a.code_result["tests_passed"], a.code_result["tests_total"]) for a in code]
    assert passed[0][0] == passed[0][1] > 0
    assert 0 < passed[1][0] < passed[1][1]


def _assert_voice_answer_transcribed_and_observed(report: Report) -> None:
    """The spoken answer was uploaded as the room does, transcribed and observed by the worker,
    and the report scored again with its transcript."""
    answer = Answer.objects.select_related("recording", "question").get(
        session=report.session, mode=AnswerMode.VOICE
    )
    keys = {q.text: q.key for q in QUESTIONS_BY_JOB["backend"]}
    assert keys[answer.question.text] == SPOKEN_QUESTION
    recording = answer.recording
    assert recording.is_complete and recording.mime_type == "audio/webm;codecs=opus"
    assert recording.chunks.count() == recording.chunk_count >= 1
    analysis = MediaAnalysis.objects.get(recording=recording)
    assert analysis.status == AnalysisStatus.DONE, analysis.error_text()
    assert analysis.language == "en" and analysis.engine.startswith("faster-whisper")
    transcript = analysis.transcript.lower()
    for words in ("tuesday", "export", "thursday", "one week at a time", "note"):
        assert words in transcript, transcript
    assert analysis.segments and answer.text == analysis.transcript  # scored like typed text
    observed = {o["key"]: o for o in analysis.observations}
    assert {"speaking_rate", "longest_pause", "time_to_first_word", "pitch_mean_hz"} <= set(
        observed
    )
    assert observed["longest_pause"]["value"] == pytest.approx(1.2, abs=0.4)
    assert report.recomputed_at is not None and report.recomputed_at >= analysis.finished_at
    assert report.delivery_score is not None and report.observation_weight == 0


def _assert_one_interview_in_progress(organisation: Organisation) -> None:
    """A candidate mid-interview: their link resumes at the first unanswered question."""
    session = InterviewSession.objects.get(
        application__job__organisation=organisation, status=SessionStatus.IN_PROGRESS
    )
    assert session.application.job.title == "销售经理"
    assert session.application.stage == Stage.INTERVIEWING
    assert session.answers.count() == session.current_index == len(IN_PROGRESS_ANSWERS)
    assert session.consent_decided_at is not None and session.practiced_at is not None
    granted = set(session.consents.filter(granted=True).values_list("scope", flat=True))
    assert granted == {"voice", "video"}


def _assert_staff_and_access(jobs) -> None:
    users = get_user_model().objects
    for username, role in [
        ("hr_admin", "hr_admin"),
        ("recruiter", "recruiter"),
        ("interviewer", "interviewer"),
        ("auditor", "auditor"),
    ]:
        user = users.get(username=username)
        assert user.check_password("hireloop-demo")
        assert list(user.groups.values_list("name", flat=True)) == [role]
    assert users.get(username="admin").is_superuser
    assert users.get(username="recruiter").is_staff
    interviewer = users.get(username="interviewer")
    on_jobs = set(jobs.filter(interviewers=interviewer).values_list("title", flat=True))
    assert on_jobs == {"销售经理", "Backend Engineer"}
    assert set(jobs.filter(recruiters__username="recruiter").values_list("title", flat=True)) == {
        "销售经理",
        "Backend Engineer",
        "客服专员",
    }


def _row_counts() -> dict[str, int]:
    models = (Organisation, Job, Question, Application, Report, Employee, PerformanceReview)
    models += (InterviewSession, Answer, MediaAnalysis)
    return {
        model.__name__: model.objects.count()
        for model in (*models, AttendanceRecord, Shift, get_user_model())
    }


def _assert_archive_holds_the_planted_relations_and_no_demographic_effect() -> None:
    sales = _mean_review_metrics("sales")
    sales.sort(key=lambda row: row["rating"], reverse=True)
    cut = round(len(sales) * 0.2)
    top, rest = sales[:cut], sales[cut:]
    # Relation (a): top-20% sellers keep customers and work across teams clearly better.
    assert _mean(top, "customer_retention") - _mean(rest, "customer_retention") >= 0.08
    assert _mean(top, "cross_team") - _mean(rest, "cross_team") >= 0.5
    # Relation (d): ratings do not depend on gender (no significant gap).
    everyone = [
        row
        for family in ("sales", "engineering", "customer_service")
        for row in _mean_review_metrics(family)
    ]
    by_gender = [
        [row["rating"] for row in everyone if row["gender"] == g] for g in ("female", "male")
    ]
    assert abs(_welch_t(*by_gender)) < 2
    assert 0.10 <= Employee.objects.filter(status="left").count() / 200 <= 0.20


def _mean_review_metrics(family: str) -> list[dict]:
    rows = []
    for employee in Employee.objects.filter(role_family=family).prefetch_related("reviews"):
        reviews = list(employee.reviews.all())
        if not reviews:
            continue
        row = {
            "rating": statistics.mean(float(r.rating) for r in reviews),
            "gender": employee.gender,
        }
        for metric in reviews[0].metrics:
            row[metric] = statistics.mean(r.metrics[metric] for r in reviews)
        rows.append(row)
    return rows


def _mean(rows: list[dict], key: str) -> float:
    return statistics.mean(row[key] for row in rows)


def _welch_t(first: list[float], second: list[float]) -> float:
    spread = statistics.variance(first) / len(first) + statistics.variance(second) / len(second)
    return (statistics.mean(first) - statistics.mean(second)) / spread**0.5


def _assert_database_holds_no_demo_personal_data_in_clear() -> None:
    people = [*Candidate.objects.all(), *Employee.objects.all()]
    needles = {value for person in people for value in _identifying_values(person)}
    assert len(needles) > 3 * 200
    pattern = re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))

    leaks = {
        (table, match.group())
        for table, text in _every_stored_text()
        for match in pattern.finditer(text)
    }

    assert leaks == set()


def _identifying_values(person: Candidate | Employee) -> Iterator[str]:
    """Name, phone and e-mail, also as JSON escapes them (SQLite JSON is ASCII-escaped)."""
    for value in (person.name, person.phone, person.email):
        # Two-character Chinese names also occur inside ordinary words, so only candidates'
        # (whose names must be absent whatever their length) are checked at that length.
        if not value or (len(value) < 3 and isinstance(person, Employee)):
            continue
        yield value
        yield json.dumps(value)[1:-1]


def _every_stored_text() -> Iterator[tuple[str, str]]:
    """(table, text) for every value of every column of every table, on any backend."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # The table names come from the database itself, not from input.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if text := _as_text(value):
                        yield table, text


def _as_text(value: object) -> str:
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "ignore")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str) else ""


def test_brand_colour_is_readable_under_white_text():
    assert _contrast_ratio(BRANDING["primary_colour"], "#ffffff") >= 4.5


def _contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
