"""Every page, for every role, in both languages: no interface text in the other language.

The pages are those of the route matrix (its ROUTES and its world, built once for the
module), the candidate room at each of its steps, and the back office's pages of our models.
What users and candidates wrote, and what the interview said in the job's language, is not
interface text: the values of the fields listed in CONTENT are cut out of the page before it
is read, and an element marked with another ``lang`` (a question in the job's language, the
language switch) is skipped. What remains must be Chinese in Chinese (no English word) and
free of Chinese in English (web/tests/language.py reads the pages).
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import get_resolver, reverse
from django.utils.functional import Promise

from hireloop.archive.services import do_hire
from hireloop.candidates.models import Application, Candidate
from hireloop.decisions.reviews import do_submit_review
from hireloop.decisions.services import Decision, do_decide
from hireloop.interviews import room as flow
from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.services import do_invite, do_start, link_token, plan_questions
from hireloop.jobs.models import Job
from hireloop.org.models import Department, Team
from hireloop.privacy.masking import mask_name
from hireloop.testing.factories import ApplicationFactory
from hireloop.testing.interviews import take_interview
from hireloop.web.views.room import STEP_TEMPLATES

from .language import leaks
from .test_route_matrix import ROUTES
from .world import build_world, client_as, url_of, url_patterns

STAFF_ROLES = ("int_on", "rec_on", "hr", "auditor", "sys")
BACK_OFFICE_ROLES = ("hr", "sys")
LANGUAGES = ("zh-hans", "en")
OUR_APPS = {"accounts", "org", "jobs", "candidates", "screening", "interviews", "media"}
OUR_APPS |= {"assessment", "decisions", "archive", "workflow", "privacy", "notify"}

# What people typed and what the interview said in the job's language, by model and field.
CONTENT = {
    "accounts.User": ("username", "display_name", "first_name", "last_name", "email"),
    "org.Organisation": ("name", "name_en"),
    "org.Branding": ("slogan", "slogan_en"),
    "org.Department": ("name", "name_en"),
    "org.Team": ("name", "name_en"),
    "jobs.Job": ("title", "description", "skills", "must_have_keywords", "bonus_keywords"),
    "jobs.Dimension": ("name", "description", "anchor_low", "anchor_mid", "anchor_high"),
    "candidates.Candidate": ("name", "email", "phone"),
    "candidates.ResumeFile": ("original_name",),
    "candidates.StageChange": ("reason",),
    "interviews.Question": ("text", "anchor_low", "anchor_mid", "anchor_high"),
    # The remark the candidate read after an answer, kept in the room's language.
    "interviews.Answer": ("text", "remark"),
    "interviews.FollowUp": ("question_text", "text", "remark"),
    # Evidence quotes the answer; the rationale is written in the interview's language, for
    # the candidate too (the room's "how it could be stronger").
    "assessment.DimensionScore": ("evidence", "rationale"),
    "decisions.InterviewerReview": ("comments", "divergence_note"),
    "decisions.HumanReviewRequest": ("message", "resolution"),
    "archive.Employee": ("employee_number", "name", "job_title"),
    # A failure of an unforeseen kind keeps the exception's own words (the foreseen ones are
    # codes, read in the reader's language: media.reasons).
    "media.MediaAnalysis": ("error",),
    # The address, and the mail server's own words beside the failure's code.
    "notify.Delivery": ("recipient", "last_error"),
}


@pytest.fixture(scope="module")
def _private_media(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The module's one world keeps its files in one folder (the conftest's is per test)."""
    folder = tmp_path_factory.mktemp("language")
    with override_settings(
        MEDIA_ROOT=folder / "media",
        AUDIT_CHECKPOINT_FILE=folder / "audit-checkpoints.log",
        TWO_FACTOR_REQUIRED_ROLES=(),
    ):
        yield


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, _private_media):  # type: ignore[no-untyped-def]
    """The route matrix's world, plus what only shows here; built once, flushed after."""
    with django_db_blocker.unblock():
        users, args = build_world()
        job = Job.objects.get(pk=args["job_id"])
        _name_the_department(job)
        args["employee_id"] = _hire(job, users).pk
        _e_mail_problems(args["application_id"], users["int_on"])
        rooms = _rooms_at_each_step(job, users["rec_on"])
        yield users, args, rooms, _content()
        call_command("flush", interactive=False, verbosity=0)


def _name_the_department(job: Job) -> None:
    department = Department.objects.create(
        organisation=job.organisation, name="研发部", name_en="Engineering"
    )
    team = Team.objects.create(department=department, name="平台组", name_en="Platform")
    Job.objects.filter(organisation=job.organisation).update(department=department, team=team)
    job.refresh_from_db()


def _hire(job: Job, users: dict) -> Any:  # type: ignore[type-arg]
    """An employee hired through the pipeline: reviewed interview, offer, hire."""
    session = take_interview(
        application=ApplicationFactory(job=job), actor=users["rec_on"], answers="We measured it."
    )
    report = session.report
    do_submit_review(
        report=report,
        reviewer=users["int_on"],
        scores={s.dimension_id: float(s.score) for s in report.scores.all()},
        comments="Solid",
    )
    application = Application.objects.get(pk=session.application_id)
    do_decide(application=application, decision=Decision.OFFER, actor=users["rec_on"], reason="ok")
    return do_hire(application=application, actor=users["rec_on"], reason="accepted")


def _e_mail_problems(application_id: int, user) -> None:  # type: ignore[no-untyped-def]
    """An invitation e-mail that failed for good and one waiting for its next try (the
    application page's warning lines), and a staff member's notification preference."""
    from datetime import timedelta

    from django.utils import timezone

    from hireloop.notify.enums import DeliveryStatus, FailureReason, MessageKind
    from hireloop.notify.models import Delivery, DeliveryAttempt, NotificationPreference
    from hireloop.workflow.enums import EventType

    for status in (DeliveryStatus.FAILED, DeliveryStatus.PENDING):
        delivery = Delivery.objects.create(
            kind=MessageKind.INVITATION,
            key=f"world:{status}",
            application_id=application_id,
            recipient="candidate@example.com",
            language="en",
            status=status,
            attempts=2,
            next_attempt_at=timezone.now() + timedelta(minutes=5),
            last_reason=FailureReason.UNREACHABLE,
            last_error="ConnectionRefusedError: [Errno 111] Connection refused",
        )
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=1,
            outcome="failed",
            reason=FailureReason.UNREACHABLE,
            started_at=timezone.now(),
        )
    NotificationPreference.objects.create(user=user, event_type=EventType.REPORT_READY)


# An answer long enough, with no example of the candidate's own: it earns a follow-up.
GENERAL_ANSWER = "Good teams share knowledge and goals, and they review their work often."


def _rooms_at_each_step(job: Job, recruiter) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A room link per step (the world's own link shows the welcome)."""
    rooms = {}
    for step in ("consent", "practice", "question", "follow_up"):
        session = do_invite(application=ApplicationFactory(job=job), actor=recruiter)
        question = plan_questions(session)[0]
        question.answer_mode = AnswerMode.VOICE  # a recorded answer needs consent
        question.save()
        do_start(session=session)
        if step != "consent":
            flow.do_record_consent(session=session, granted=set())
        if step in ("question", "follow_up"):
            flow.do_finish_practice(session=session)
        if step == "follow_up":
            flow.do_answer_in_room(session=session, question_id=question.pk, text=GENERAL_ANSWER)
        rooms[step] = link_token(session)
    done = take_interview(application=ApplicationFactory(job=job), actor=recruiter, answers="Yes.")
    rooms["done"] = link_token(done)
    return rooms


def _content() -> list[str]:
    """The values of the CONTENT fields held now, longest first (so a name inside a title is
    cut with its title)."""
    texts: set[str] = set()
    for label, fields in CONTENT.items():
        for row in apps.get_model(label).objects.values_list(*fields):
            texts.update(_strings(row))
    texts |= {mask_name(name) for name in Candidate.objects.values_list("name", flat=True)}
    return sorted((t for t in texts if len(t) > 1), key=len, reverse=True)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value.strip()
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _reader(client: Client, language: str) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _read_all(client: Client, urls: list[str], language: str, content: list[str]) -> list[str]:
    """Each leak once, with the first page that shows it (the menu is on every page)."""
    found: dict[tuple[str, str], str] = {}
    for url in urls:
        response = client.get(url)
        if response.status_code in (200, 403, 404) and "html" in response["Content-Type"]:
            for leak in leaks(response.content.decode(), language, content):
                found.setdefault(leak, url)
    return [f"{url}: {leak!r} in {text[:100]!r}" for (leak, text), url in found.items()]


def _pages(role: str, args: dict) -> list[str]:  # type: ignore[type-arg]
    """The pages (GET routes) the role may open, with the world's objects."""
    return [
        url_of(pattern, args)
        for pattern, name in url_patterns(get_resolver().url_patterns)
        if name in ROUTES
        and ROUTES[name].method == "GET"
        and ROUTES[name].expected[role] == "ok"
        and name != "web:room"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_pages_speak_the_readers_language(world, role, language) -> None:  # type: ignore[no-untyped-def]
    users, args, _rooms, content = world
    client = _reader(client_as(role, users), language)
    missing = reverse("web:job_detail", args=[999_999])  # the page for what is not there
    found = _read_all(client, [*_pages(role, args), missing], language, content)
    assert not found, "\n" + "\n".join(found)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_room_speaks_the_candidates_language_at_every_step(world, language) -> None:  # type: ignore[no-untyped-def]
    _users, args, rooms, content = world
    client = _reader(Client(), language)
    tokens = (args["token"], *rooms.values(), "not-a-link")
    urls = [reverse("web:room", args=[token]) for token in tokens]
    shown = {t.name for url in urls for t in client.get(url).templates}
    # Every step but the resume's claims, which need a parsed resume with claims to ask about.
    steps = set(STEP_TEMPLATES.values()) - {"web/room_probe.html"}
    assert shown >= {*steps, "web/room_invalid.html"}
    found = _read_all(client, urls, language, content)
    assert not found, "\n" + "\n".join(found)


def _back_office_pages(user) -> list[str]:  # type: ignore[no-untyped-def]
    """The index, and the list and first record of every model of ours the user may view."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        app, name = model._meta.app_label, model._meta.model_name
        if app in OUR_APPS and user.has_perm(f"{app}.view_{name}"):
            urls.append(reverse(f"admin:{app}_{name}_changelist"))
            first = model.objects.order_by("pk").first()
            if first is not None:
                urls.append(reverse(f"admin:{app}_{name}_change", args=[first.pk]))
    return urls


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", BACK_OFFICE_ROLES)
def test_the_back_office_speaks_the_readers_language(world, role, language) -> None:  # type: ignore[no-untyped-def]
    users, _args, _rooms, content = world
    client = _reader(client_as(role, users), language)
    found = _read_all(client, _back_office_pages(users[role]), language, content)
    assert not found, "\n" + "\n".join(found)


def test_the_reader_finds_interface_text_in_the_other_language() -> None:
    chinese = (
        '<html lang="zh-hans"><body><h1 title="Open the job">职位</h1><p>张伟 · offer</p>'
        '<button lang="en">English</button><p>Python、PDF、hr@example.com</p></body></html>'
    )
    assert {leak for leak, _text in leaks(chinese, "zh-hans", ["张伟"])} == {
        "Open the job",
        "offer",
    }
    english = (
        '<html lang="en"><body><p>Jobs 职位</p><p lang="zh-hans">中文</p><p>王芳</p></body></html>'
    )
    assert [leak for leak, _text in leaks(english, "en", ["王芳"])] == ["职位"]


def test_every_name_the_back_office_shows_is_translatable() -> None:
    """Apps, models, fields and their choices: the back office shows them all, even those
    no page of the world above shows."""
    untranslated = []
    for config in apps.get_app_configs():
        if config.label not in OUR_APPS:
            continue
        names = [(config.label, config.verbose_name)]
        for model in config.get_models():
            meta = model._meta
            names += [(meta.label, meta.verbose_name), (meta.label, meta.verbose_name_plural)]
            for field in meta.get_fields():
                if field.auto_created:
                    continue  # "ID", or a reverse relation (named by the other side)
                names.append((f"{meta.label}.{field.name}", field.verbose_name))
                names += [(f"{meta.label}.{field.name}", label) for _, label in field.choices or ()]
        untranslated += [where for where, name in names if not isinstance(name, Promise)]
    assert sorted(untranslated) == []
