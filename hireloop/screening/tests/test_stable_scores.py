"""A resume's score against a job depends only on that resume and that job (issue 14).

Before, term rarity (IDF) and the average resume length came from the job's current pool, so
one resume went 74.3 → 79.1 → 86.5 as others were uploaded. Now both are fixed
(screening/background.py, lexical.AVERAGE_RESUME_TOKENS).
"""

import random

import pytest
from django.test import override_settings

from hireloop.candidates.models import Application
from hireloop.embeddings import embedder_named
from hireloop.resumes.fields import parse_resume_text
from hireloop.screening.bulk import do_receive_files
from hireloop.screening.matching import Requirements
from hireloop.screening.pipeline import JobSpec, ResumeInput, screen
from hireloop.screening.services import do_intake_resume, do_rescreen_job
from hireloop.testing.documents import STRONG_EN_RESUME, pdf_bytes

SKILLS = ["Python", "Django", "SQL", "Docker", "Excel", "Java", "React", "Linux", "Redis", "Git"]
ROLES = ["Backend Engineer", "Data Analyst", "Accountant", "Nurse", "Sales Manager", "Teacher"]
VERBS = ["Built", "Maintained", "Reconciled", "Designed", "Led", "Tested", "Migrated"]


def other_resumes(count: int, seed: int = 7) -> list[str]:
    """Resumes unlike each other: their skills and lengths vary, so a pool's IDF and average
    length would move with every one of them."""
    rng = random.Random(seed)
    resumes = []
    for n in range(count):
        skills = rng.sample(SKILLS, rng.randint(1, 6))
        lines = [
            f"Person {n}",
            f"Experience: {rng.choice(ROLES)}, Company {n}, 2015.01 - 2023.06",
            *(
                f"{rng.choice(VERBS)} {' and '.join(rng.sample(skills, 1))} work for team {i}."
                for i in range(rng.randint(1, 30))
            ),
            "Skills: " + ", ".join(skills),
        ]
        resumes.append("\n".join(lines))
    return resumes


def as_input(key: str, text: str) -> ResumeInput:
    return ResumeInput(key, text, parse_resume_text(text))


JOB = JobSpec(
    "Backend Engineer",
    "Build Python services with Django and SQL; run them in Docker on Linux.",
    Requirements(0, 0, ["Python", "SQL"], ["Python"], ["teamwork"]),
)


def scored(ranked: list, key: str) -> dict:  # type: ignore[type-arg]
    """The resume's explanation without its place among the others."""
    (item,) = [r for r in ranked if r.key == key]
    return {k: v for k, v in item.explanation().items() if k != "rank"}


def test_a_score_is_the_same_alone_and_among_fifty_others() -> None:
    target = as_input("target", "\n".join(STRONG_EN_RESUME))
    others = [as_input(str(n), text) for n, text in enumerate(other_resumes(50))]
    embedder = embedder_named("hashing")
    alone = scored(screen(JOB, [target], embedder=embedder), "target")
    crowded = scored(screen(JOB, [*others[:25], target, *others[25:]], embedder=embedder), "target")
    assert crowded == alone
    assert alone["semantic"] is not None  # both compared semantically: the same stage


def test_without_an_embedder_stage_one_is_the_same_alone_and_among_others() -> None:
    target = as_input("target", "\n".join(STRONG_EN_RESUME))
    for count in (1, 10, 50):
        others = [as_input(str(n), text) for n, text in enumerate(other_resumes(count, count))]
        assert scored(screen(JOB, [target, *others], embedder=None), "target") == scored(
            screen(JOB, [target], embedder=None), "target"
        )


def test_the_keyword_weights_do_not_come_from_the_pool() -> None:
    """A term every resume of the pool has still counts as much as its general rarity says."""
    target = as_input("target", "\n".join(STRONG_EN_RESUME))
    everyone_has_python = [as_input(str(n), f"Person {n}\nPython Python Python") for n in range(30)]
    alone = screen(JOB, [target], embedder=None)[0]
    crowded = [r for r in screen(JOB, [target, *everyone_has_python], embedder=None)]
    assert [r for r in crowded if r.key == "target"][0].score == alone.score


@pytest.mark.django_db(transaction=True)
@override_settings(HIRELOOP_SCREENING_EMBEDDER="hashing")
def test_a_stored_score_stays_when_fifty_more_resumes_are_uploaded(job, recruiter, run_worker):  # type: ignore[no-untyped-def]
    target = do_intake_resume(
        job=job, filename="alice.pdf", data=pdf_bytes(STRONG_EN_RESUME), actor=recruiter
    )
    run_worker()
    application = Application.objects.get(pk=target.application_id)
    before = application.match_score, _without_rank(application.match_explanation)
    assert application.match_explanation["semantic"] is not None  # ranked by rescreen_job

    files = [(f"other-{n}.txt", text.encode(), "") for n, text in enumerate(other_resumes(50))]
    do_receive_files(job=job, files=files, actor=recruiter)
    run_worker()
    assert Application.objects.filter(job=job, match_score__isnull=False).count() == 51
    application.refresh_from_db()
    assert (application.match_score, _without_rank(application.match_explanation)) == before

    do_rescreen_job(job_id=job.pk)  # and again, with nothing new
    application.refresh_from_db()
    assert application.match_score == before[0]


def _without_rank(explanation: dict) -> dict:  # type: ignore[type-arg]
    return {k: v for k, v in explanation.items() if k not in {"rank", "screened_at"}}
