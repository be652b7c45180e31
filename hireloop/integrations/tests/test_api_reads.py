"""Reads that must stay cheap and discreet: a constant number of queries per page, and the
candidate's contact details masked inside report quotes without the contact scope."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hireloop.assessment.models import DimensionScore
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.interviews import take_interview

from .conftest import api_client

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/api/v1/jobs", "/api/v1/applications", "/api/v1/candidates"])
def test_a_page_costs_the_same_queries_for_few_rows_or_many(make_key, job, url) -> None:  # type: ignore[no-untyped-def]
    client = api_client(make_key("jobs:read", "applications:read", "candidates:read").secret)
    ApplicationFactory(job=job)
    client.get(url)  # the key's first call also records its last use
    few = _queries(client, url)
    for _n in range(6):
        ApplicationFactory()  # each with its own job and candidate
    assert _queries(client, url) == few


@pytest.mark.django_db(transaction=True)  # the report is written by a task run on commit
def test_report_quotes_mask_the_candidate_without_the_contact_scope(
    make_key, application, recruiter
) -> None:  # type: ignore[no-untyped-def]
    session = take_interview(application=application, actor=recruiter, answers="We debugged it.")
    score = DimensionScore.objects.filter(report=session.report).first()
    score.rationale = "张伟 said: call me on 13812341234."
    score.save()
    url = f"/api/v1/reports/{session.report.pk}"
    masked = api_client(make_key("reports:read").secret).get(url).json()
    clear = api_client(make_key("reports:read", "candidates:contact").secret).get(url).json()
    masked_text = next(
        s["rationale"] for s in masked["scores"] if s["dimension_id"] == score.dimension_id
    )
    clear_text = next(
        s["rationale"] for s in clear["scores"] if s["dimension_id"] == score.dimension_id
    )
    assert (
        "张伟" not in masked_text
        and "13812341234" not in masked_text
        and "138****1234" in masked_text
    )
    assert clear_text == score.rationale
    assert masked["application_id"] == application.pk and masked["job_id"] == application.job_id
