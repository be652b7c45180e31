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


# Measured on SQLite with the fixtures' recruiter: the queries of the middleware, the menu and
# the role checks (the roles read once per request), plus the page's own. Pinned, so that a
# change that adds one has to say so.
RANKING_QUERIES = {
    "score": 20,  # count, page, resumes, one audit entry for the names shown, the stale count…
    "name": 20,  # names of every listed application (encrypted: ordered in Python), page rows
    "stage": 20,
    "newest": 20,
}


@pytest.mark.parametrize("sort", list(RANKING_QUERIES))
def test_the_ranking_page_runs_a_pinned_number_of_queries_for_each_sort(  # type: ignore[no-untyped-def]
    client, job, django_assert_num_queries, sort
) -> None:
    client.login(username="recruiter", password=PASSWORD)
    url = reverse("web:job_detail", args=[job.pk])
    query = {"sort": sort, "stage": "applied"}
    for rows in (3, 9):
        ApplicationFactory.create_batch(rows - job.applications.count(), job=job)
        assert client.get(url, query).status_code == 200  # the first may write the session
        with django_assert_num_queries(RANKING_QUERIES[sort]):
            response = client.get(url, query)
        assert len(response.context["rows"]) == rows


def test_the_filtered_job_list_runs_a_pinned_number_of_queries(  # type: ignore[no-untyped-def]
    client, job, recruiter, django_assert_num_queries
) -> None:
    from hireloop.testing.factories import JobFactory

    client.login(username="recruiter", password=PASSWORD)
    query = {"q": "Engineer", "status": "open", "department": ""}
    for jobs in (1, 5):
        while recruiter.recruiting_jobs.count() < jobs:
            JobFactory(organisation=job.organisation).recruiters.add(recruiter)
        assert client.get(reverse("web:job_list"), query).status_code == 200
        with django_assert_num_queries(12):
            response = client.get(reverse("web:job_list"), query)
        assert len(response.context["rows"]) == jobs
