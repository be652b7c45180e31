"""The seeded question bank: large enough, balanced, fair, and the same in both languages.

Pure checks over the data in ``hireloop.demo.questions``; the loader is checked in
test_demo.py, which loads the whole demo.
"""

import re
from collections import Counter

import pytest

from hireloop.demo.content import JOBS, JobContent
from hireloop.demo.content_questions import DIMENSION_TRANSLATIONS, QUESTIONS_BY_JOB
from hireloop.demo.questions.spec import QuestionContent
from hireloop.interviews.enums import AnswerMode, QuestionKind
from hireloop.jobs.enums import Language

LANGUAGES = (Language.ZH, Language.EN)
SUFFIX = {Language.ZH: "-zh", Language.EN: "-en"}
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
# CJK ideographs, CJK punctuation and full-width forms (“”，。：！？ are among them).
CJK_OR_FULL_WIDTH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d]")

# Questions must not touch what an employer may not base a decision on (China's Employment
# Promotion Law art. 3, 27-31; Women's Rights Protection Law art. 43): age, marriage and
# children, health and disability, religion, origin, ethnicity, gender. English words are
# matched whole ("age" is not "page"); "race" is left out because of "race condition".
PROTECTED_ZH = (
    "年龄", "岁", "年纪", "老人", "老年", "结婚", "婚姻", "婚", "恋爱", "孩子", "子女", "生育",
    "怀孕", "家庭", "健康", "疾病", "病史", "残疾", "宗教", "信仰", "籍贯", "老家", "户口",
    "户籍", "哪里人", "民族", "性别", "男性", "女性",
)  # fmt: skip
PROTECTED_EN = re.compile(
    r"\b(age|aged|how old|years old|elderly|young|married|marriage|marital|spouse|husband|wife"
    r"|pregnan\w*|maternity|children|kids|family|health|illness|medical|disabilit\w*|disabled"
    r"|religio\w*|faith|church|hometown|born|birthplace|ethnic\w*|racial|nationality|gender)\b",
    re.IGNORECASE,
)


def bank(job: JobContent, language: str) -> list[QuestionContent]:
    return [q for q in QUESTIONS_BY_JOB[job.key] if q.language == language]


def every_question() -> list[QuestionContent]:
    return [q for questions in QUESTIONS_BY_JOB.values() for q in questions]


def texts(question: QuestionContent) -> tuple[str, ...]:
    return question.text, question.anchor_low, question.anchor_mid, question.anchor_high


by_job_and_language = pytest.mark.parametrize(
    ("job", "language"),
    [(job, language) for job in JOBS for language in LANGUAGES],
    ids=lambda value: getattr(value, "key", value),
)


@by_job_and_language
def test_every_job_has_at_least_twenty_questions_in_each_language(job, language):
    assert len(bank(job, language)) >= 20


@by_job_and_language
def test_every_dimension_has_four_questions_and_heavier_dimensions_have_more(job, language):
    questions = bank(job, language)
    covered = Counter(name for q in questions for name in q.dimensions)
    primary = Counter(q.dimensions[0] for q in questions)
    for dimension in job.dimensions:
        assert covered[dimension.name] >= 4, dimension.name
        assert primary[dimension.name] >= 4, dimension.name
    # A heavier weight never gets fewer questions that mainly assess it.
    for heavier in job.dimensions:
        for lighter in job.dimensions:
            if heavier.weight > lighter.weight:
                assert primary[heavier.name] >= primary[lighter.name], (heavier.name, lighter.name)


@by_job_and_language
def test_every_job_has_two_scenario_simulations_in_each_language(job, language):
    assert sum(q.kind == QuestionKind.SCENARIO for q in bank(job, language)) >= 2


@by_job_and_language
def test_questions_link_only_to_the_jobs_dimensions(job, language):
    names = {dimension.name for dimension in job.dimensions}
    for question in bank(job, language):
        assert question.dimensions, question.key
        assert set(question.dimensions) <= names, question.key
        assert len(set(question.dimensions)) == len(question.dimensions), question.key


def test_every_dimension_has_a_name_in_the_other_language():
    names = {dimension.name for job in JOBS for dimension in job.dimensions}
    assert set(DIMENSION_TRANSLATIONS) == names
    assert all(DIMENSION_TRANSLATIONS.values())


def test_every_question_has_three_distinct_anchors():
    for question in every_question():
        anchors = [question.anchor_low, question.anchor_mid, question.anchor_high]
        assert all(anchor.strip() for anchor in anchors), question.key
        assert len(set(anchors)) == 3, question.key


def test_no_question_touches_a_protected_attribute():
    for question in every_question():
        for text in texts(question):
            if question.language == Language.ZH:
                assert not [word for word in PROTECTED_ZH if word in text], question.key
            else:
                assert not PROTECTED_EN.search(text), (question.key, PROTECTED_EN.search(text))


def test_the_protected_attribute_check_catches_what_it_is_for():
    assert PROTECTED_EN.search("How old are your children?")
    assert not PROTECTED_EN.search("Manage the message on the page; fix a race condition.")
    assert [word for word in PROTECTED_ZH if word in "请问你结婚了吗？"]


def test_questions_are_written_in_their_own_language():
    for question in every_question():
        if question.language == Language.ZH:
            # Product and technical names (SaaS, ERP, PostgreSQL) stay in Latin letters, so
            # a short anchor may be half Latin; the question as a whole is mostly Chinese.
            assert _cjk_share(" ".join(texts(question))) >= 0.7, question.key
            assert min(_cjk_share(text) for text in texts(question)) >= 0.5, question.key
        else:
            for text in texts(question):
                assert not CJK_OR_FULL_WIDTH.search(text), (question.key, text)
                assert len(LATIN.findall(text)) > len(text) / 2, (question.key, text)


def _cjk_share(text: str) -> float:
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    return cjk / (cjk + latin)


def test_question_keys_are_unique():
    keys = Counter(q.key for q in every_question())
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.key)
def test_every_question_has_a_translation_that_asks_the_same_way(job):
    own = bank(job, job.language)
    other_language = Language.EN if job.language == Language.ZH else Language.ZH
    translated = bank(job, other_language)
    assert [q.key for q in translated] == [q.key + SUFFIX[other_language] for q in own]
    for original, translation in zip(own, translated, strict=True):
        assert _settings(translation) == _settings(original), original.key


def _settings(question: QuestionContent) -> tuple:
    return (
        question.kind,
        question.dimensions,
        question.difficulty,
        question.answer_mode,
        question.prep_seconds,
        question.answer_seconds,
        question.code_problem,
    )


def test_difficulty_modes_and_limits_are_consistent():
    for question in every_question():
        assert question.kind in QuestionKind.values, question.key
        assert question.answer_mode in AnswerMode.values, question.key
        assert 1 <= question.difficulty <= 3, question.key
        if question.answer_mode in (AnswerMode.VOICE, AnswerMode.VIDEO):
            # A spoken answer is recorded: the candidate needs to know how long they have.
            assert question.prep_seconds > 0 and question.answer_seconds > 0, question.key
        is_coding = question.kind == QuestionKind.CODING
        assert is_coding == (question.answer_mode == AnswerMode.CODE), question.key
        assert is_coding == bool(question.code_problem), question.key
        if is_coding:
            assert question.answer_seconds > 0, question.key


def test_only_the_engineering_job_has_coding_questions():
    coding = {job for job, qs in QUESTIONS_BY_JOB.items() for q in qs if q.kind == "coding"}
    assert coding == {"backend"}
    problems = {q.code_problem for q in QUESTIONS_BY_JOB["backend"] if q.code_problem}
    assert len(problems) == 3


def test_coding_questions_name_problems_the_sandbox_has():
    code_problems = pytest.importorskip("hireloop.interviews.code_problems")
    keys = {problem.key for problem in code_problems.PROBLEMS_BY_ROLE["backend"]}
    for question in QUESTIONS_BY_JOB["backend"]:
        if question.code_problem:
            assert question.code_problem in keys, question.key


def test_every_bank_starts_with_the_eight_original_questions_two_per_dimension_in_order():
    """The demo's scripted answers were written for these eight (see content_questions)."""
    for job in JOBS:
        first_eight = QUESTIONS_BY_JOB[job.key][:8]
        names = [dimension.name for dimension in job.dimensions]
        assert [q.language for q in first_eight] == [job.language] * 8
        assert [q.dimensions[0] for q in first_eight] == [name for name in names for _ in "12"]
        assert sum(q.kind == QuestionKind.SCENARIO for q in first_eight) == 1
