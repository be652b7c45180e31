"""The demo's plans and interview scripts as data: valid plans that show every answer mode.

Pure checks, no database; test_demo.py checks that the loader builds them through the
product's services and what the worker makes of the recorded answer.
"""

import ast

import pytest

from hireloop.demo.content import JOBS, JobContent
from hireloop.demo.content_answers import ANSWERS_BY_JOB
from hireloop.demo.content_interviews import (
    CODE_ANSWERS,
    CONSENT,
    IN_PROGRESS_ANSWERS,
    PLANS,
    SPOKEN_ANSWER,
    SPOKEN_PAUSES,
    SPOKEN_QUESTION,
)
from hireloop.demo.content_questions import QUESTIONS_BY_JOB
from hireloop.demo.content_resumes import COMPLETED, IN_PROGRESS, PROFILES
from hireloop.demo.questions.spec import QuestionContent
from hireloop.interviews.code_problems import problem_by_key
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.services import QUESTIONS_PER_DIMENSION

by_job = pytest.mark.parametrize("job", JOBS, ids=lambda job: job.key)


def planned(job: JobContent) -> list[QuestionContent]:
    bank = {question.key: question for question in QUESTIONS_BY_JOB[job.key]}
    return [bank[key] for key in PLANS[job.key]]


@by_job
def test_each_plan_asks_questions_of_its_own_bank_in_its_own_language_once(job):
    questions = planned(job)
    assert len(set(PLANS[job.key])) == len(questions) <= 12
    assert {question.language for question in questions} == {job.language}


@by_job
def test_each_plan_gives_every_dimension_what_the_plan_editor_requires(job):
    """do_update_plan refuses a plan with fewer than two questions for a dimension."""
    for dimension in job.dimensions:
        asked = sum(dimension.name in question.dimensions for question in planned(job))
        assert asked >= QUESTIONS_PER_DIMENSION, dimension.name


@by_job
def test_each_plan_asks_in_every_answer_mode_of_its_bank(job):
    bank_modes = {q.answer_mode for q in QUESTIONS_BY_JOB[job.key] if q.language == job.language}
    modes = [question.answer_mode for question in planned(job)]
    assert set(modes) == bank_modes
    assert AnswerMode.VOICE in modes


def test_sales_films_an_answer_and_backend_codes_twice():
    assert AnswerMode.VIDEO in [q.answer_mode for q in planned(_job("sales"))]
    coding = [q for q in planned(_job("backend")) if q.answer_mode == AnswerMode.CODE]
    assert len({q.code_problem for q in coding}) == 2


def test_one_job_has_no_interview_so_its_plan_stays_editable():
    states = {key: {profile.interview for profile in PROFILES[key]} for key in PROFILES}
    assert states["service"] == {""}
    assert COMPLETED in states["sales"] and IN_PROGRESS in states["sales"]
    assert COMPLETED in states["backend"]


def test_the_code_answers_define_the_function_their_problem_calls():
    backend = {q.key: q for q in planned(_job("backend"))}
    assert set(CODE_ANSWERS) == {key for key, q in backend.items() if q.code_problem}
    for key, code in CODE_ANSWERS.items():
        problem = problem_by_key(backend[key].code_problem)
        assert problem is not None
        defined = {node.name for node in ast.parse(code).body if isinstance(node, ast.FunctionDef)}
        assert problem.function_names["python"] in defined


def test_the_spoken_answer_is_english_for_a_planned_voice_question_with_consent():
    backend = {q.key: q for q in planned(_job("backend"))}
    assert backend[SPOKEN_QUESTION].answer_mode == AnswerMode.VOICE
    assert backend[SPOKEN_QUESTION].language == "en"  # espeak-ng's Mandarin is not usable
    assert "voice" in CONSENT["backend"]
    assert len(SPOKEN_PAUSES) == len(SPOKEN_ANSWER) - 1
    assert all(phrase.isascii() for phrase in SPOKEN_ANSWER)


def test_the_spoken_and_filmed_questions_have_scripted_answers_where_typed_instead():
    """The sales candidate declined recording and typed these; a generic answer would make
    the report's evidence for them meaningless."""
    assert not CONSENT["sales"]
    recorded = [q.key for q in planned(_job("sales")) if q.answer_mode != AnswerMode.TEXT]
    assert recorded and set(recorded) <= set(ANSWERS_BY_JOB["sales"])


def test_the_interview_in_progress_answered_the_plans_first_questions():
    assert list(IN_PROGRESS_ANSWERS) == list(PLANS["sales"][: len(IN_PROGRESS_ANSWERS)])


def _job(key: str) -> JobContent:
    return next(job for job in JOBS if job.key == key)
