"""A job whose plan has one question of each answer mode — text, voice, video, code — and one
invited candidate, for the browser tests that take a whole interview (test_browser_full_interview)
and audit every step of the room (test_browser_contrast).

In the test's own database: ``build_full_interview(...)``. For a server in its own process
(``hireloop.testing.server.Server``), in a child process against that server's database:

    DATABASE_URL=sqlite:///… python -m hireloop.testing.full_interview_fixture [--brand '#ffd400']

prints the candidate's room path; ``python -m … --describe`` prints, as JSON, what the
database holds of that interview (the answer texts decrypted, the recordings' bytes counted).
"""

import json
import subprocess
import sys
from decimal import Decimal
from typing import Any, cast

from hireloop.testing.server import ROOT

# The plan, in order: (kind, answer mode, question text). The text question is the one the
# browser test answers vaguely, so that QuickFeedback asks its follow-up.
PLAN = (
    (
        "behavioural",
        "text",
        "Tell us about a time you worked with a team to solve a hard problem.",
    ),
    (
        "behavioural",
        "voice",
        "Describe how you explained a technical decision to a colleague outside your field.",
    ),
    ("situational", "video", "A release is due tomorrow and a test fails. What do you do?"),
    ("coding", "code", "Merge the overlapping intervals."),
)
CODE_PROBLEM = "merge_intervals"
# Long enough for a follow-up, with no example of the candidate's own (QuickFeedback asks for
# one: "Could you give one concrete example from your own experience …?").
VAGUE_ANSWER = (
    "Good teamwork matters a lot for hard problems. Teams should share information openly, "
    "agree on clear goals and respect different views, because solving problems is easier "
    "together."
)


def build_full_interview(
    *,
    brand_colour: str = "#0b5cab",
    language: str = "en",
    prep_seconds: int = 0,
    answer_seconds: int = 0,
    pause_seconds: int = 0,
    stall_seconds: int = 45,
    allow_extension: bool = False,
) -> Any:
    """The organisation (with ``brand_colour``), the job, its four-question plan and one
    invited candidate; returns the candidate's InterviewSession."""
    from hireloop.accounts.models import User
    from hireloop.candidates.models import Application
    from hireloop.interviews.models import InterviewPlan, PlanItem, Question
    from hireloop.interviews.services import do_invite
    from hireloop.jobs.models import Dimension, Job
    from hireloop.org.models import Organisation
    from hireloop.testing.factories import (
        ApplicationFactory,
        DimensionFactory,
        JobFactory,
        OrganisationFactory,
        UserFactory,
    )

    organisation = cast(Organisation, OrganisationFactory(branding__primary_colour=brand_colour))
    recruiter = cast(User, UserFactory(username=f"recruiter-{organisation.pk}", role="recruiter"))
    job = cast(Job, JobFactory(organisation=organisation, created_by=recruiter, language=language))
    job.recruiters.add(recruiter)
    dimensions = [
        cast(Dimension, DimensionFactory(job=job, name=name, weight=Decimal(weight)))
        for name, weight in (("problem solving", 60), ("teamwork", 40))
    ]
    plan = InterviewPlan.objects.create(
        job=job,
        prep_seconds=prep_seconds,
        answer_seconds=answer_seconds,
        pause_seconds=pause_seconds,
        stall_seconds=stall_seconds,
        allow_extension=allow_extension,
    )
    for position, (kind, mode, text) in enumerate(PLAN):
        question = Question.objects.create(
            job=job,
            kind=kind,
            text=text,
            language=language,
            answer_mode=mode,
            code_problem=CODE_PROBLEM if mode == "code" else "",
            anchor_high="a concrete example with actions, measured results and lessons learned",
        )
        question.dimensions.set(dimensions)
        PlanItem.objects.create(plan=plan, question=question, position=position)
    application = cast(Application, ApplicationFactory(job=job))
    # The browser test opens the link itself; the fictional candidate gets no mail.
    return do_invite(application=application, actor=recruiter, email_candidate=False)


def describe_interview() -> dict[str, Any]:
    """What the database holds of the (only) interview: per plan question its answers."""
    from hireloop.interviews.models import Answer, InterviewSession
    from hireloop.interviews.recordings import iter_bytes, recording_chunks
    from hireloop.interviews.services import plan_questions

    session = InterviewSession.objects.get()
    questions = []
    for question in plan_questions(session):
        answers = []
        for answer in Answer.objects.filter(session=session, question=question):
            recording = answer.recording
            follow_up = getattr(answer, "follow_up", None)
            stored = b""
            if recording is not None and recording.bytes_received:
                chunks = recording_chunks(recording)
                stored = b"".join(iter_bytes(chunks, 0, recording.bytes_received - 1))
            answers.append(
                {
                    "mode": answer.mode,
                    "text": answer.text,
                    "code_result": answer.code_result,
                    "follow_up": follow_up
                    and {"text": follow_up.text, "answered": bool(follow_up.answered_at)},
                    "recording": recording
                    and {
                        "mode": recording.mode,
                        "complete": recording.is_complete,
                        "bytes_received": recording.bytes_received,
                        "chunk_count": recording.chunk_count,
                        "chunk_seqs": list(recording.chunks.values_list("seq", flat=True)),
                        "chunk_sizes": sum(recording.chunks.values_list("size", flat=True)),
                        "stored_bytes": len(stored),
                    },
                }
            )
        questions.append({"mode": question.answer_mode, "answers": answers})
    return {"status": session.status, "questions": questions}


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def prepare_full_interview(env: dict[str, str], brand_colour: str = "#0b5cab") -> str:
    """Migrate the server's database (``server_env``) and build the interview; its room path."""
    _run(env, "manage.py", "migrate", "--noinput", "-v0")
    out = _run(env, "-m", "hireloop.testing.full_interview_fixture", "--brand", brand_colour)
    return next(line for line in out.splitlines() if line.startswith("/i/"))


def stored_interview(env: dict[str, str]) -> dict[str, Any]:
    """``describe_interview`` of the server's database, read in a child process."""
    result: dict[str, Any] = json.loads(
        _run(env, "-m", "hireloop.testing.full_interview_fixture", "--describe")
    )
    return result


if __name__ == "__main__":
    import django

    django.setup()
    if "--describe" in sys.argv:
        print(json.dumps(describe_interview()))
    else:
        from hireloop.interviews.services import interview_url

        brand = sys.argv[sys.argv.index("--brand") + 1] if "--brand" in sys.argv else "#0b5cab"
        print(interview_url(build_full_interview(brand_colour=brand)))
