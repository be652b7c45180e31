"""List pages run a fixed number of queries, however many rows they show (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hireloop.testing.factories import PASSWORD, ApplicationFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:  # type: ignore[no-untyped-def]
    """Queries of a page opened a second time: the first may also write the new session."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("username", ["recruiter", "interviewer"])
def test_the_ranking_page_does_not_grow_with_its_rows(client, job, username) -> None:  # type: ignore[no-untyped-def]
    client.login(username=username, password=PASSWORD)
    url = reverse("web:job_detail", args=[job.pk])
    ApplicationFactory(job=job)
    few = queries_for(client, url)
    ApplicationFactory.create_batch(5, job=job)
    assert queries_for(client, url) == few


def test_the_job_list_does_not_grow_with_its_rows(client, job, recruiter) -> None:  # type: ignore[no-untyped-def]
    from hireloop.testing.factories import JobFactory

    client.login(username="recruiter", password=PASSWORD)
    url = reverse("web:job_list")
    few = queries_for(client, url)
    for _ in range(4):
        JobFactory(organisation=job.organisation).recruiters.add(recruiter)
    assert queries_for(client, url) == few
