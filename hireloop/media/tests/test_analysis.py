"""Recorded answers analysed on the real worker: transcript into scoring, observations gated by
the compliance profile and the consent, one result per recording, errors on that answer only."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from hireloop.assessment.models import Report
from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode, SessionStatus
from hireloop.interviews.models import Answer, InterviewSession
from hireloop.interviews.services import do_invite, do_start, plan_questions
from hireloop.jobs.services import do_set_observation_weight
from hireloop.media.enums import AnalysisStatus
from hireloop.media.models import MediaAnalysis, ObservationThumbnail
from hireloop.media.reasons import FAILURES
from hireloop.media.services import do_analyse_recording
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, ApplicationFactory
from hireloop.testing.recorded import record_answer
from hireloop.testing.speech import synthesise_english, to_webm
from hireloop.testing.video_media import write_face_video
from hireloop.workflow.models import OutboxEvent

pytestmark = pytest.mark.django_db(transaction=True)

AUDIO = "audio/webm;codecs=opus"
VIDEO = "video/webm;codecs=vp8,opus"
SPOKEN = [
    "I led the migration of our billing service to a new database.",
    "We measured the error rate every day and it fell by half within a month.",
]


@pytest.fixture(scope="module")
def spoken_webm(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("speech")
    speech = synthesise_english(SPOKEN, folder / "answer.wav", pauses=[1.5], lead_in=1.5)
    return to_webm(speech.path, folder / "answer.webm")


@pytest.fixture(scope="module")
def face_webm(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("video")
    return write_face_video(folder / "face.webm", seconds=6, absent=[(2.0, 5.0)])


def interview(job, recruiter, modes: list[str], consent: set[str]) -> InterviewSession:  # type: ignore[no-untyped-def]
    """An interview at its first question, the plan's first questions answered in ``modes``."""
    session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
    questions = plan_questions(session)
    for question, mode in zip(questions, modes, strict=False):
        question.answer_mode = mode
        question.language = "en"
        question.save()
    do_start(session=session)
    flow.do_record_consent(session=session, granted=consent)
    flow.do_finish_practice(session=session)
    return session


WRITTEN = "I found the root cause, fixed it with the team and measured the result."


def finish_in_writing(session: InterviewSession, text: str = WRITTEN) -> None:
    """Answer every remaining question and follow-up in writing, until the interview ends."""
    for _ in range(40):
        session.refresh_from_db()
        if session.status == SessionStatus.COMPLETED:
            return
        if flow.open_follow_up(session) is not None:
            from hireloop.interviews.services import do_answer_follow_up

            do_answer_follow_up(session=session, text="We wrote the result down and shared it.")
            continue
        probe = session.probes.filter(answered_at__isnull=True).first()
        if probe is not None:
            from hireloop.interviews.services import do_answer_probe

            do_answer_probe(session=session, probe_id=probe.pk, text="Yes, five people.")
            continue
        question = flow.current_question(session)[0]
        flow.do_answer_in_room(
            session=session,
            question_id=question.pk,
            text=text,
        )
    raise AssertionError("the interview did not end")


def keys(analysis: MediaAnalysis) -> set[str]:
    return {o["key"] for o in analysis.observations}


def test_a_voice_answer_is_transcribed_and_scored_like_a_typed_one(  # type: ignore[no-untyped-def]
    job, recruiter, spoken_webm, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VOICE], {"voice"})
    answer = record_answer(session, spoken_webm, mime_type=AUDIO)
    finish_in_writing(session, "Not sure.")  # so the spoken answer is the one with evidence
    run_worker()

    analysis = MediaAnalysis.objects.get(recording=answer.recording)
    assert analysis.status == AnalysisStatus.DONE, analysis.error_text()
    transcript = analysis.transcript.lower()
    assert "migration" in transcript and "error rate" in transcript
    assert analysis.segments and analysis.segments[0]["start"] >= 0.5  # the lead-in silence
    first_word = next(o for o in analysis.observations if o["key"] == "time_to_first_word")
    assert first_word["value"] == pytest.approx(1.5, abs=0.6)
    assert {"speaking_rate", "longest_pause", "pitch_mean_hz"} <= keys(analysis)
    assert not any(o["group"] == "face" for o in analysis.observations)
    answer.refresh_from_db()
    assert "migration" in answer.text.lower()  # scored like a typed answer
    report = Report.objects.get(session=session)
    evidence = " ".join(q for s in report.scores.all() for q in s.evidence).lower()
    assert "migration" in evidence or "error rate" in evidence
    assert report.delivery_score is not None and report.observation_weight == 0


def test_under_the_eu_profile_no_tone_or_face_observation_is_computed(  # type: ignore[no-untyped-def]
    job, recruiter, face_webm, run_worker
) -> None:
    job.organisation.compliance_profile = "eu"
    job.organisation.save()
    session = interview(job, recruiter, [AnswerMode.VIDEO], {"video"})
    answer = record_answer(session, face_webm, mime_type=VIDEO)
    run_worker()
    analysis = MediaAnalysis.objects.get(recording=answer.recording)
    assert analysis.status == AnalysisStatus.DONE, analysis.error_text()
    assert {o["group"] for o in analysis.observations} == {"timing"}
    assert analysis.skipped == {"tone": "profile", "face": "profile"}
    assert not ObservationThumbnail.objects.exists()


def test_a_video_answer_gets_face_observations_and_encrypted_stills(  # type: ignore[no-untyped-def]
    job, recruiter, face_webm, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VIDEO], {"video"})
    answer = record_answer(session, face_webm, mime_type=VIDEO)
    run_worker()
    analysis = MediaAnalysis.objects.get(recording=answer.recording)
    assert analysis.status == AnalysisStatus.DONE, analysis.error_text()
    face = {o["key"]: o for o in analysis.observations if o["group"] == "face"}
    assert face["longest_absence"]["value"] == pytest.approx(3.0, abs=1.0)
    assert 0.3 < face["face_present_ratio"]["value"] < 0.8
    stills = list(analysis.thumbnails.all())
    assert stills
    with open(default_storage.path(stills[0].file.name), "rb") as raw:
        assert not raw.read().startswith(b"\xff\xd8")  # not a readable JPEG on disk
    with default_storage.open(stills[0].file.name, "rb") as plain:
        assert plain.read().startswith(b"\xff\xd8")
    names = [default_storage.path(s.file.name) for s in stills]
    session.delete()  # erasure takes the stills with it
    assert not any(Path(name).exists() for name in names)


def test_a_corrupt_recording_fails_alone_and_the_interview_is_scored(  # type: ignore[no-untyped-def]
    job, recruiter, spoken_webm, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VOICE, AnswerMode.VOICE], {"voice"})
    broken = record_answer(session, b"\x1a\x45\xdf\xa3" + b"not a webm" * 200, mime_type=AUDIO)
    good = record_answer(session, spoken_webm, mime_type=AUDIO)
    finish_in_writing(session)
    run_worker()
    failed = MediaAnalysis.objects.get(recording=broken.recording)
    assert failed.status == AnalysisStatus.FAILED
    assert failed.error_code == "audio_damaged" and "damaged" in failed.error_text()
    assert MediaAnalysis.objects.get(recording=good.recording).status == AnalysisStatus.DONE
    assert Report.objects.filter(session=session).exists()
    assert Answer.objects.get(pk=broken.pk).text == ""  # left out of the scores, not a zero


def test_a_failure_found_by_the_english_worker_reads_in_each_readers_language(  # type: ignore[no-untyped-def]
    client, job, recruiter, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VOICE], {"voice"})
    broken = record_answer(session, b"\x1a\x45\xdf\xa3" + b"not a webm" * 200, mime_type=AUDIO)
    finish_in_writing(session)
    run_worker()  # in English: the tests' active language (conftest)
    failed = MediaAnalysis.objects.get(recording=broken.recording)
    assert (failed.error_code, failed.error) == ("audio_damaged", "")  # a code, no sentence
    report = Report.objects.get(session=session)
    client.login(username=recruiter.username, password=PASSWORD)
    url = reverse("web:report_detail", args=[report.pk])
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    with translation.override("zh-hans"):
        assert gettext(FAILURES["audio_damaged"]) in chinese
    assert "The recording could not be read" not in chinese
    assert FAILURES["audio_damaged"] in english


@pytest.mark.parametrize("english", list(FAILURES.values()))
def test_every_media_failure_has_a_chinese_sentence_with_the_same_parameters(english) -> None:  # type: ignore[no-untyped-def]
    with translation.override("zh-hans"):
        chinese = gettext(english)
    assert chinese != english and re.search(r"[\u4e00-\u9fff]", chinese), english
    assert set(re.findall(r"%\((\w+)\)", chinese)) == set(re.findall(r"%\((\w+)\)", english))


def test_without_consent_to_its_analysis_nothing_is_computed(  # type: ignore[no-untyped-def]
    job, recruiter, spoken_webm, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VOICE], {"voice"})
    answer = record_answer(session, spoken_webm, mime_type=AUDIO)
    session.consents.update(granted=False)  # withdrawn before the worker got to it
    run_worker()
    analysis = MediaAnalysis.objects.get(recording=answer.recording)
    assert analysis.status == AnalysisStatus.SKIPPED
    assert analysis.transcript == "" and analysis.observations == []


def test_a_run_killed_midway_is_redone_once_and_a_second_run_changes_nothing(  # type: ignore[no-untyped-def]
    job, recruiter, face_webm, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VIDEO], {"video"})
    answer = record_answer(session, face_webm, mime_type=VIDEO)
    # As a worker killed during the analysis leaves it: claimed, running, nothing written.
    MediaAnalysis.objects.update_or_create(
        recording=answer.recording, defaults={"status": AnalysisStatus.RUNNING, "attempts": 1}
    )
    run_worker()
    analysis = MediaAnalysis.objects.get(recording=answer.recording)
    assert analysis.status == AnalysisStatus.DONE and analysis.attempts == 2
    stills = analysis.thumbnails.count()
    again = do_analyse_recording(recording_id=answer.recording_id)
    assert again.pk == analysis.pk and again.attempts == 2
    assert analysis.thumbnails.count() == stills
    events = OutboxEvent.objects.filter(type="media.analysed")
    assert events.count() == 1


def test_observations_weigh_only_once_hr_sets_a_weight_and_the_change_is_audited(  # type: ignore[no-untyped-def]
    job, recruiter, hr_admin, spoken_webm, run_worker
) -> None:
    session = interview(job, recruiter, [AnswerMode.VOICE], {"voice"})
    record_answer(session, spoken_webm, mime_type=AUDIO)
    finish_in_writing(session)
    run_worker()
    report = Report.objects.get(session=session)
    content = report.overall_score
    assert report.observation_weight == 0 and report.delivery_score is not None

    do_set_observation_weight(
        job=job, actor=hr_admin, weight=Decimal("0.30"), reason="validated on our hires"
    )
    run_worker()
    report.refresh_from_db()
    assert report.observation_weight == pytest.approx(0.3)
    expected = round(0.7 * content + 0.3 * report.delivery_score, 1)
    assert report.overall_score == pytest.approx(expected, abs=0.11)
    entry = AuditEntry.objects.get(object_type="job_observation_weight")
    assert entry.detail["before"] == {"observation weight": "0.00"}
    assert entry.detail["after"] == {"observation weight": "0.30"}
    assert job.profile_changes.filter(reason="validated on our hires").exists()
