"""Interview plans from the job's profile: every dimension twice or more, heavier ones more,
and one scenario simulation bound to the role (M7)."""

from collections import Counter
from decimal import Decimal

import pytest

from hireloop.interviews.enums import QuestionKind
from hireloop.interviews.scenarios import GENERIC, template_for
from hireloop.interviews.services import ensure_plan, questions_for_weight
from hireloop.testing.factories import DimensionFactory, JobFactory

pytestmark = pytest.mark.django_db


def coverage(plan) -> Counter:  # type: ignore[no-untyped-def]
    return Counter(d.name for item in plan.items.all() for d in item.question.dimensions.all())


def test_heavier_dimensions_get_more_questions(job) -> None:  # type: ignore[no-untyped-def]
    plan = ensure_plan(job)  # problem solving 60, teamwork 40
    counts = coverage(plan)
    assert counts["problem solving"] >= 4 and counts["teamwork"] >= 3
    assert min(counts.values()) >= 2


def test_every_dimension_at_least_twice_with_many_dimensions(organisation) -> None:  # type: ignore[no-untyped-def]
    job = JobFactory(organisation=organisation, title="客服专员", language="zh-hans")
    for name, weight in (("沟通表达", 40), ("情绪管理", 25), ("问题解决", 20), ("学习能力", 15)):
        DimensionFactory(job=job, name=name, weight=Decimal(weight))
    counts = coverage(ensure_plan(job))
    assert counts["沟通表达"] >= 3 and counts["学习能力"] == 2
    assert min(counts.values()) >= 2


def test_one_scenario_from_the_roles_family_comes_last(organisation) -> None:  # type: ignore[no-untyped-def]
    job = JobFactory(organisation=organisation, title="客服专员", language="zh-hans")
    DimensionFactory(job=job, name="问题解决", weight=Decimal(50))
    DimensionFactory(job=job, name="沟通与服务", weight=Decimal(50), keywords=["投诉"])
    questions = plan_questions_of(job)
    scenario = questions[-1]
    assert scenario.kind == QuestionKind.SCENARIO and "客户" in scenario.text
    assert [d.name for d in scenario.dimensions.all()] == ["沟通与服务"]  # its topic words
    assert sum(q.kind == QuestionKind.SCENARIO for q in questions) == 1
    assert len({scenario.anchor_low, scenario.anchor_mid, scenario.anchor_high}) == 3


def plan_questions_of(job):  # type: ignore[no-untyped-def]
    plan = ensure_plan(job)
    return [item.question for item in plan.items.select_related("question").order_by("position")]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Backend Engineer Python SQL", "engineering"),
        ("销售经理 客户开拓", "sales"),
        ("客服专员 售后", "customer_service"),
        ("Accountant bookkeeping", "generic"),
    ],
)
def test_the_scenario_family_follows_the_job(text: str, family: str) -> None:
    assert template_for(text).family == family
    assert GENERIC.family == "generic"


def test_question_counts_by_share() -> None:
    assert [questions_for_weight(s) for s in (0.1, 0.3, 0.44, 0.45, 0.9)] == [2, 3, 3, 4, 4]


def test_the_plan_is_made_once(job) -> None:  # type: ignore[no-untyped-def]
    assert ensure_plan(job).pk == ensure_plan(job).pk
    assert len(plan_questions_of(job)) == ensure_plan(job).items.count()
