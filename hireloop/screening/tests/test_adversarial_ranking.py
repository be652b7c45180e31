"""Resumes that hide the job's keywords and orders to the screener never outrank honest ones.

The real screening path: files read and parsed in the sandbox pool (read_for_screening),
ranked by screen(), for every technique of hireloop.resumes.tests.adversarial.
"""

from hireloop.embeddings import HashingEmbedder
from hireloop.resumes.tests.adversarial import adversarial_resumes, honest_pdf
from hireloop.screening.matching import Requirements
from hireloop.screening.pipeline import JobSpec, read_for_screening, screen

JOB = JobSpec(
    title="Backend Engineer",
    description="Build Python services on PostgreSQL, deployed with Docker and Kubernetes.",
    requirements=Requirements(3, 3, ["Python", "PostgreSQL", "Kubernetes"], ["Python"], ["Docker"]),
)
STRONG = [
    "Alice Chen",
    "Email: alice.chen@example.com  Phone: 13912345678",
    "Education: Bachelor of Computer Science, Zhejiang University, 2012 - 2016",
    "Experience: Backend Engineer, Acme Cloud, 2016.07 - 2024.06",
    "Built Python services on PostgreSQL, shipped with Docker and Kubernetes.",
    "Skills: Python, PostgreSQL, Kubernetes, Docker",
]
GOOD = [
    "Dan Wu",
    "Email: dan.wu@example.com  Phone: 13812345678",
    "Education: Bachelor of Software Engineering, 2015 - 2019",
    "Experience: Software Engineer, Shopline, 2019.07 - 2024.06",
    "Python and PostgreSQL reporting services; some Kubernetes.",
    "Skills: Python, PostgreSQL, Kubernetes",
]


def test_no_adversarial_resume_is_unflagged_or_ranked_above_an_honest_one() -> None:
    adversarial = adversarial_resumes()
    files = [("strong.pdf", honest_pdf(STRONG)), ("good.pdf", honest_pdf(GOOD))]
    files += sorted(adversarial.items())
    resumes, unreadable = read_for_screening(files)
    assert unreadable == [] and len(resumes) == len(files)
    ranked = screen(JOB, resumes, embedder=HashingEmbedder(), top_n=50)
    by_key = {r.key: r for r in ranked}
    honest = [by_key["strong.pdf"], by_key["good.pdf"]]
    assert all(r.match.passes_filters and not r.is_held_for_review for r in honest)
    assert all(r.explanation()["integrity"] == [] for r in honest)
    worst_honest = max(r.rank for r in honest)
    for name in adversarial:
        tricked = by_key[name]
        assert tricked.is_held_for_review, name
        assert "prompt_injection" in tricked.integrity, (name, tricked.integrity)
        assert tricked.explanation()["held_for_review"] is True
        assert tricked.rank > worst_honest, (name, tricked.score, [r.score for r in honest])
        assert not tricked.match.passes_filters, name
