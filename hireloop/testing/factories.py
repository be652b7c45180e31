"""factory_boy factories shared by the tests of every app."""

from decimal import Decimal
from typing import cast

import factory
from django.contrib.auth.models import Group

from hireloop.accounts.models import User
from hireloop.candidates.models import Application, Candidate
from hireloop.jobs.models import Dimension, Job
from hireloop.org.models import Branding, Organisation

PASSWORD = "test-pass-123"  # noqa: S105 - test users only


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = "测试公司"
    name_en = "Test Company"
    branding = factory.RelatedFactory(
        "hireloop.testing.factories.BrandingFactory", factory_related_name="organisation"
    )


class BrandingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branding

    slogan = "公平面试"
    slogan_en = "Fair interviews"
    primary_colour = "#0b5cab"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        self.save()


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    organisation = factory.SubFactory(OrganisationFactory)
    title = "Backend Engineer"
    language = "en"
    min_degree = 3
    min_years = 2
    skills = ["Python", "SQL"]
    must_have_keywords = ["Python"]
    bonus_keywords = ["teamwork"]


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension

    job = factory.SubFactory(JobFactory)
    name = factory.Sequence(lambda n: f"dimension {n}")
    weight = Decimal(1)
    anchor_low = "vague, no example, no result"
    anchor_mid = "an example with some actions"
    anchor_high = "a concrete example with actions, measured results and lessons learned"
    keywords = ["example", "result"]


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    organisation = factory.SubFactory(OrganisationFactory)
    name = "张伟"
    email = factory.Sequence(lambda n: f"candidate{n}@example.com")
    phone = "13812341234"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    job = factory.SubFactory(JobFactory)
    candidate = factory.SubFactory(
        CandidateFactory, organisation=factory.SelfAttribute("..job.organisation")
    )


def staffed_job(*, organisation: Organisation, recruiter: User, interviewer: User) -> Job:
    """A job with its recruiter and interviewer and two weighted dimensions whose keywords
    the tests' answers ("We debugged it together.") match."""
    job = cast(Job, JobFactory(organisation=organisation, created_by=recruiter))
    job.recruiters.add(recruiter)
    job.interviewers.add(interviewer)
    DimensionFactory(
        job=job,
        name="problem solving",
        weight=Decimal(60),
        keywords=["debug", "root cause", "measured"],
    )
    DimensionFactory(
        job=job, name="teamwork", weight=Decimal(40), keywords=["team", "together", "helped"]
    )
    return job
