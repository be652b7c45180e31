"""A review decides nothing; an offer or rejection is its own step, confirmed on a page that
names the candidate and the stage they move to, and taken through decisions.do_decide."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from hireloop.candidates.enums import Stage, StageReason
from hireloop.candidates.models import StageChange
from hireloop.decisions.models import InterviewerReview
from hireloop.privacy.models import AuditEntry
from hireloop.testing.factories import PASSWORD, ApplicationFactory
from hireloop.testing.interviews import take_interview

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = (
    "Our nightly batch failed, so I led the debugging with two colleagues. We measured each "
    "step, found the root cause in a missing index and cut the run time by 70%."
)


class _FormDefaults(HTMLParser):
    """What a browser submits from a form the person has not touched: each input's value, a
    select's selected option (or its first one, when none is selected), each textarea."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = found.get("id") == self.form_id
        if not self.inside or "name" not in found and tag != "option":
            return
        if tag == "input" and found.get("type") not in ("checkbox", "submit"):
            self.values[found["name"]] = found.get("value", "")
        elif tag == "textarea":
            self.values[found["name"]] = ""
        elif tag == "select":
            self._select, self._first_option = found["name"], None
        elif tag == "option" and self._select is not None:
            if self._first_option is None:
                self._first_option = found.get("value", "")
                self.values[self._select] = self._first_option
            if "selected" in found:
                self.values[self._select] = found.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def untouched_form(html: str, form_id: str) -> dict[str, str]:
    parser = _FormDefaults(form_id)
    parser.feed(html)
    return parser.values


@pytest.fixture
def report(job, recruiter):  # type: ignore[no-untyped-def]
    session = take_interview(
        application=ApplicationFactory(job=job, candidate__name="张伟"),
        actor=recruiter,
        answers=ANSWER,
    )
    return session.report


def _login(client, user) -> None:  # type: ignore[no-untyped-def]
    assert client.login(username=user.username, password=PASSWORD)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def test_saving_scores_only_leaves_the_stage_unchanged(client, report, interviewer) -> None:  # type: ignore[no-untyped-def]
    """The defect: the form preselected 发放录用意向 (offer), so saving scores made an offer."""
    _login(client, interviewer)
    url = reverse("web:report_detail", args=[report.pk])
    page = client.get(url).content.decode()
    form = untouched_form(page, "review-form")
    assert "decision" not in form  # nothing to preselect
    # Only the scores are entered; everything else is sent as the browser would.
    form.update({f"dim_{s.dimension_id}": str(round(s.score)) for s in report.scores.all()})
    assert client.post(url, form).status_code == 302
    review = InterviewerReview.objects.get(report=report)
    assert review.decision == ""
    application = report.session.application
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWED
    assert not AuditEntry.objects.filter(action="decide").exists()
    assert not StageChange.objects.filter(application=application, to_stage=Stage.OFFER).exists()


def test_a_decision_needs_the_explicit_confirmed_step(client, report, interviewer) -> None:  # type: ignore[no-untyped-def]
    _login(client, interviewer)
    application = report.session.application
    report_page = client.get(reverse("web:report_detail", args=[report.pk])).content.decode()
    decide = reverse("web:report_decide", args=[report.pk, "offer"])
    assert f'href="{decide}"' in report_page
    assert reverse("web:report_decide", args=[report.pk, "reject"]) in report_page

    # The confirmation page names the candidate (masked, as on the report), the job and the
    # stage the application moves to; opening it changes nothing.
    confirmation = client.get(decide).content.decode()
    assert "Make an offer to 张* for Backend Engineer?" in confirmation
    assert "张伟" not in confirmation
    assert "from <strong>Interviewed</strong> to <strong>Offer</strong>" in confirmation
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWED

    # A post that did not come from the confirmation's button only shows the page again.
    again = client.post(decide, {"reason": "Strong answers."})
    assert again.status_code == 200 and 'data-testid="decision-confirmation"' in again.text
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWED

    done = client.post(decide, {"reason": "Strong answers.", "confirmed": "1"})
    assert done.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.OFFER
    change = StageChange.objects.get(application=application, to_stage=Stage.OFFER)
    assert change.actor == interviewer and change.reason == "Strong answers."
    entry = AuditEntry.objects.get(action="decide", object_id=str(application.pk))
    assert entry.actor == interviewer and entry.detail == {"decision": "offer"}
    assert "张* moved to Offer." in client.get(done["Location"]).content.decode()


def test_the_page_offers_only_the_decisions_the_reader_may_take_now(
    client, report, interviewer, recruiter
):  # type: ignore[no-untyped-def]
    application = report.session.application
    _login(client, recruiter)
    client.post(
        reverse("web:report_decide", args=[report.pk, "offer"]), {"reason": "", "confirmed": "1"}
    )
    application.refresh_from_db()
    assert application.stage == Stage.OFFER
    # No words of the decider's own: a code, read in each reader's language.
    change = StageChange.objects.get(to_stage=Stage.OFFER)
    assert change.reason == "" and change.reason_code == StageReason.OFFER_AFTER_REVIEW
    with translation.override("zh-hans"):
        assert change.reason_text == "经评审决定发放录用意向"
    page = client.get(reverse("web:report_detail", args=[report.pk])).content.decode()
    assert 'data-testid="decide-reject"' in page and 'data-testid="decide-offer"' not in page
    # An offer made cannot be made again: the page says so and the post changes nothing.
    offer = reverse("web:report_decide", args=[report.pk, "offer"])
    assert 'data-testid="decision-impossible"' in client.get(offer).content.decode()
    client.post(offer, {"confirmed": "1"})
    assert StageChange.objects.filter(to_stage=Stage.OFFER).count() == 1
    # The interviewer decides once the interview is done, not after the offer.
    client.logout()
    _login(client, interviewer)
    page = client.get(reverse("web:report_detail", args=[report.pk])).content.decode()
    assert 'data-testid="decision-card"' not in page
    reject = client.post(
        reverse("web:report_decide", args=[report.pk, "reject"]), {"confirmed": "1"}
    )
    assert reject.status_code == 403
    application.refresh_from_db()
    assert application.stage == Stage.OFFER


def test_no_decision_by_outsiders_or_by_another_name(client, report, other_interviewer) -> None:  # type: ignore[no-untyped-def]
    _login(client, other_interviewer)
    decide = reverse("web:report_decide", args=[report.pk, "offer"])
    assert client.post(decide, {"confirmed": "1"}).status_code == 404
    client.logout()
    hire = reverse("web:report_decide", args=[report.pk, "hire"])  # the hire has its own page
    _login(client, report.session.application.job.recruiters.get())
    assert client.post(hire, {"confirmed": "1"}).status_code == 404
    report.session.application.refresh_from_db()
    assert report.session.application.stage == Stage.INTERVIEWED
