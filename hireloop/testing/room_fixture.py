"""One job and N invited candidates in a separate database; prints their room URLs.

    DATABASE_URL=sqlite:///… python -m hireloop.testing.room_fixture N [--language en]

For tests and benchmarks that run the real server in its own process (bench/room_latency.py,
the restart browser test): run it in a child process against that server's database.
"""

import sys
from decimal import Decimal

import django

django.setup()

from hireloop.interviews.services import do_invite, interview_url  # noqa: E402
from hireloop.testing.factories import (  # noqa: E402
    ApplicationFactory,
    DimensionFactory,
    JobFactory,
    OrganisationFactory,
    UserFactory,
)


def main(candidates: int, language: str = "en") -> None:
    organisation = OrganisationFactory()
    recruiter = UserFactory(username="bench-recruiter", role="recruiter")
    job = JobFactory(organisation=organisation, created_by=recruiter, language=language)
    DimensionFactory(job=job, name="problem solving", weight=Decimal(60))
    DimensionFactory(job=job, name="teamwork", weight=Decimal(40))
    for _ in range(candidates):
        application = ApplicationFactory(job=job)
        session = do_invite(
            application=application,  # type: ignore[arg-type]
            actor=recruiter,  # type: ignore[arg-type]
            email_candidate=False,  # the links are printed; the fictional candidates get no mail
        )
        print(interview_url(session))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en")
