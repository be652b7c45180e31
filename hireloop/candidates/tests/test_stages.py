import pytest
from django.utils import translation

from hireloop.candidates.enums import ALLOWED_TRANSITIONS, Stage
from hireloop.candidates.models import StageChange
from hireloop.candidates.services import do_move_stage
from hireloop.errors import InvalidTransition
from hireloop.workflow.models import OutboxEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """The refusals are read in English here (the services speak the active language)."""
    with translation.override("en"):
        yield


def test_a_move_is_recorded_with_actor_time_reason_and_event(application, recruiter):  # type: ignore[no-untyped-def]
    do_move_stage(
        application=application,
        to_stage=Stage.SHORTLISTED,
        actor=recruiter,
        reason="Strong Python background",
    )
    change = StageChange.objects.get(application=application)
    assert (change.from_stage, change.to_stage) == (Stage.APPLIED, Stage.SHORTLISTED)
    assert change.actor == recruiter and change.reason == "Strong Python background"
    assert change.at is not None
    application.refresh_from_db()
    assert application.stage == Stage.SHORTLISTED
    event = OutboxEvent.objects.get(type="application.stage_changed")
    assert event.payload == {
        "application_id": application.pk,
        "from": "applied",
        "to": "shortlisted",
    }


def test_illegal_stage_jump_is_refused_and_nothing_is_written(application, recruiter):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTransition):
        do_move_stage(
            application=application,
            to_stage=Stage.HIRED,
            actor=recruiter,
            reason="skip the process",
        )
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
    assert not StageChange.objects.exists()
    assert not OutboxEvent.objects.filter(type="application.stage_changed").exists()


def test_terminal_stages_have_no_way_out(application, recruiter):  # type: ignore[no-untyped-def]
    do_move_stage(
        application=application,
        to_stage=Stage.REJECTED,
        actor=recruiter,
        reason="Missing must-have skill",
        decided=True,
    )
    for stage in Stage:
        with pytest.raises(InvalidTransition, match="cannot move"):
            do_move_stage(
                application=application,
                to_stage=stage,
                actor=recruiter,
                reason="try again",
                decided=True,
            )


def test_decisions_need_a_person(application):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTransition, match="person"):
        do_move_stage(
            application=application,
            to_stage=Stage.REJECTED,
            actor="system",
            reason="low score",
            decided=True,
        )


@pytest.mark.parametrize("stage", [Stage.REJECTED, Stage.OFFER, Stage.HIRED])
def test_a_decision_stage_is_reached_only_as_a_decision(application, recruiter, stage):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTransition, match="do_decide"):
        do_move_stage(application=application, to_stage=stage, actor=recruiter, reason="why not")


def test_a_move_needs_a_reason(application, recruiter):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTransition, match="reason"):
        do_move_stage(
            application=application, to_stage=Stage.SHORTLISTED, actor=recruiter, reason="  "
        )


def test_every_stage_can_reach_an_end() -> None:
    ends = {Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN}
    for stage in Stage:
        seen, frontier = set(), {stage}
        while frontier:
            seen |= frontier
            frontier = {t for s in frontier for t in ALLOWED_TRANSITIONS[s]} - seen
        assert seen & ends, stage
