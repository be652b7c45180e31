"""The candidates' search index: kept in step with their details, keyed, and back-filled."""

import importlib

import pytest
from django.apps import apps
from django.test import override_settings

from hireloop.candidates.models import Application, Candidate, CandidateSearchTerm
from hireloop.candidates.search import (
    rebuild_candidate_index,
    search_applications,
)
from hireloop.candidates.services import applications_visible_to, do_update_contact
from hireloop.privacy.crypto import blind_index
from hireloop.testing.dump import raw_database_dump
from hireloop.testing.factories import ApplicationFactory, CandidateFactory, JobFactory

pytestmark = pytest.mark.django_db

OTHER_KEYS = "k9:" + "ab" * 32


def found(query: str) -> set[int]:
    return set(
        search_applications(applications=Application.objects.all(), query=query).values_list(
            "candidate_id", flat=True
        )
    )


def test_contact_details_are_indexed_when_written_and_reindexed_when_changed(job) -> None:  # type: ignore[no-untyped-def]
    application = ApplicationFactory(job=job)
    candidate = application.candidate
    do_update_contact(
        candidate=candidate, name="张红梅", email="Hongmei.Zhang@example.com", phone="13800001111"
    )
    for query in (
        "张红梅",
        "红梅",
        "zhang hongmei",
        "hongmei.zhang@EXAMPLE.com",
        "+86 138 0000 1111",
    ):
        assert found(query) == {candidate.pk}, query

    do_update_contact(candidate=candidate, name="Alice Chen", email="alice@example.com", phone="")
    assert found("张红梅") == found("13800001111") == found("hongmei.zhang@example.com") == set()
    assert found("alice") == found("Alice Chen") == found("ALICE@example.com") == {candidate.pk}


def test_a_search_returns_only_the_applications_given(job, recruiter) -> None:  # type: ignore[no-untyped-def]
    mine = ApplicationFactory(job=job)
    elsewhere = ApplicationFactory(job=JobFactory(organisation=job.organisation, title="Other"))
    for application in (mine, elsewhere):
        do_update_contact(candidate=application.candidate, name="王芳", email="", phone="")
    visible = applications_visible_to(recruiter)
    assert list(search_applications(applications=visible, query="王芳")) == [mine]
    assert set(search_applications(applications=Application.objects.all(), query="王芳")) == {
        mine,
        elsewhere,
    }


def test_the_index_holds_keyed_hashes_only(job) -> None:  # type: ignore[no-untyped-def]
    application = ApplicationFactory(job=job)
    do_update_contact(
        candidate=application.candidate,
        name="欧阳娜娜",
        email="nana@example.com",
        phone="13900002222",
    )
    digests = set(CandidateSearchTerm.objects.values_list("digest", flat=True))
    assert len(digests) >= 8 and all(len(d) == 64 for d in digests)
    dump = raw_database_dump()
    for secret in ("欧阳娜娜", "娜娜", "ouyang", "nana@example.com", "13900002222"):
        assert secret not in dump, secret
    # Search terms are not the duplicate-detection indexes (a key of their own).
    assert blind_index("nana@example.com") not in digests
    # Without the key the hashes say nothing: another key gives other hashes.
    with override_settings(FIELD_ENCRYPTION_KEYS=OTHER_KEYS):
        from hireloop.candidates.search import digests_of
        from hireloop.candidates.search_terms import person_terms

        terms = person_terms(name="欧阳娜娜", email="nana@example.com", phone="13900002222")
        assert not set(digests_of(terms)) & digests


def test_a_deleted_candidate_leaves_no_terms(job) -> None:  # type: ignore[no-untyped-def]
    application = ApplicationFactory(job=job)
    do_update_contact(candidate=application.candidate, name="李雷", email="", phone="")
    application.candidate.delete()
    assert not CandidateSearchTerm.objects.exists()


def test_rebuild_indexes_candidates_written_around_the_services(job) -> None:  # type: ignore[no-untyped-def]
    application = ApplicationFactory(job=job, candidate__name="韩梅梅", candidate__phone="")
    assert found("韩梅梅") == set()  # written directly: no terms yet
    assert rebuild_candidate_index() > 0
    assert found("韩梅梅") == found("han meimei") == {application.candidate_id}
    assert rebuild_candidate_index() == CandidateSearchTerm.objects.count()  # same again


def test_rebuild_recomputes_the_duplicate_indexes_too(job) -> None:  # type: ignore[no-untyped-def]
    # They derive from the oldest field key as the search terms do: dropping that key after
    # a rotation changes both, and one rebuild brings both back.
    candidate = ApplicationFactory(job=job).candidate
    do_update_contact(candidate=candidate, name="李雷", email="lei@example.com", phone="")
    Candidate.objects.filter(pk=candidate.pk).update(email_index="stale", phone_index="stale")
    CandidateSearchTerm.objects.all().delete()
    rebuild_candidate_index()
    candidate.refresh_from_db()
    assert candidate.email_index == blind_index("lei@example.com") and candidate.phone_index == ""
    assert found("李雷") == {candidate.pk}


def test_the_migration_back_fills_existing_candidates(job) -> None:  # type: ignore[no-untyped-def]
    migration = importlib.import_module("hireloop.candidates.migrations.0006_search_terms")
    first = CandidateFactory(organisation=job.organisation, name="Alice Smith")
    second = CandidateFactory(organisation=job.organisation, name="张伟", phone="13812345678")
    for candidate in (first, second):
        Application.objects.create(job=job, candidate=candidate)
    CandidateSearchTerm.objects.all().delete()
    migration.index_existing_candidates(apps, None)
    assert found("smith") == {first.pk}
    assert found("zhang wei") == found("138-1234-5678") == {second.pk}


def test_a_change_in_the_back_office_keeps_the_indexes(job, hr_admin) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    candidate = ApplicationFactory(job=job).candidate
    do_update_contact(candidate=candidate, name="李雷", email="lei@example.com", phone="")
    candidate.name, candidate.email = "韩梅梅", "meimei@example.com"
    request = RequestFactory().post("/")
    request.user = hr_admin
    site._registry[Candidate].save_model(request, candidate, form=None, change=True)
    assert found("韩梅梅") == found("meimei@example.com") == {candidate.pk}
    assert found("李雷") == found("lei@example.com") == set()
    candidate.refresh_from_db()
    assert candidate.email_index == blind_index("meimei@example.com")
