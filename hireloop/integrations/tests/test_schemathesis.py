"""schemathesis against the live test server's schema: every operation, generated requests,
no server error and no answer outside the schema (status, content type, body, headers)."""

import pytest

schemathesis = pytest.importorskip(
    "schemathesis", reason="schemathesis is in the dev extra: pip install -e .[dev]"
)
from hypothesis import HealthCheck, Phase, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from hireloop.integrations.enums import Scope  # noqa: E402
from hireloop.integrations.services import do_create_api_key  # noqa: E402
from hireloop.testing.factories import ApplicationFactory, UserFactory, staffed_job  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES = 40  # generated requests per operation
# A request that matches the schema may still fail a precondition by design: a generated
# If-Match names no version the server holds (412), or is left out (428, RFC 6585 §3).
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2XX", "401", "403", "404", "409", "412", "428", "429"]
            }
        }
    }
)


@pytest.fixture
def secret(organisation) -> str:  # type: ignore[no-untyped-def]
    hr = UserFactory(role="hr_admin")
    job = staffed_job(
        organisation=organisation,
        recruiter=UserFactory(role="recruiter"),
        interviewer=UserFactory(role="interviewer"),
    )
    for _n in range(3):
        ApplicationFactory(job=job)
    key = do_create_api_key(actor=hr, name="schemathesis", scopes=Scope.values, expires_at=None)
    return key.secret


# schemathesis' own pytest loader (from_fixture) reads pytest internals that pytest 9 no
# longer has ('Function' object has no attribute '_nodeid'): each operation's strategy is
# run with hypothesis here instead.
def test_the_api_keeps_to_its_schema(live_server, settings, secret) -> None:  # type: ignore[no-untyped-def]
    settings.API_RATE_LIMIT = 1_000_000  # generated calls, not a runaway integration
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json", config=CONFIG)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 13
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,  # the same requests on every run: a failure is reproducible
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(headers={"Authorization": f"Bearer {secret}"})

        try:
            call()
        except (Exception, BaseExceptionGroup) as failure:  # noqa: BLE001 - report each operation
            failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)
