"""The system's reasons for a move are stored as codes and read in the reader's language,
whatever language the person who caused the move was using."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from hireloop.candidates.enums import StageReason
from hireloop.candidates.models import StageChange
from hireloop.interviews.services import do_invite

pytestmark = pytest.mark.django_db

codes = importlib.import_module("hireloop.candidates.migrations.0005_stage_reason_codes")


def test_an_invitation_sent_in_chinese_reads_in_english_for_an_english_reader(
    application, recruiter
):  # type: ignore[no-untyped-def]
    with translation.override("zh-hans"):
        do_invite(application=application, actor=recruiter)
    changes = list(StageChange.objects.filter(application=application))
    assert [c.reason_code for c in changes] == [
        StageReason.SHORTLISTED_ON_INVITATION,
        StageReason.INVITED,
    ]
    assert all(change.reason == "" for change in changes)  # no sentence in anyone's language
    with translation.override("en"):
        assert changes[1].reason_text == "Invited to the AI interview"
    with translation.override("zh-hans"):
        assert changes[1].reason_text == "已邀请参加 AI 面试"


def test_sentences_stored_before_codes_become_codes_and_a_persons_reason_stays(application):  # type: ignore[no-untyped-def]
    def change(reason: str) -> StageChange:
        return StageChange.objects.create(
            application=application,
            from_stage="applied",
            to_stage="shortlisted",
            actor_label="x",
            reason=reason,
        )

    chinese, english, own = (
        change("已邀请参加 AI 面试"),
        change("Candidate started the interview"),
        change("Good fit"),
    )
    codes.sentences_to_codes(apps, None)
    for row in (chinese, english, own):
        row.refresh_from_db()
    assert (chinese.reason_code, chinese.reason) == ("invited", "")
    assert english.reason_code == "interview_started"
    assert (own.reason_code, own.reason) == ("", "Good fit")
