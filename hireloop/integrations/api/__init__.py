"""HireLoop's REST API v1 (Django Ninja), mounted at ``/api/v1/``: see docs/api.md."""

from typing import Any

from ninja import NinjaAPI

from . import applications, employee_upsert, employees, jobs, people, reports
from .auth import ApiKeyAuth
from .problems import PROBLEM_CONTENT_TYPE, install_problem_handlers

DESCRIPTION = """Jobs, applications, candidates, reports and employees for other systems.

Authenticate with an API key made by an HR administrator: `Authorization: Bearer <key>`.
Each endpoint needs a scope. Lists are paged with an opaque `cursor` by ascending id.
Every POST needs an `Idempotency-Key`; updates need `If-Match` with the ETag read before.
Errors are RFC 9457 problem details. Decisions (offer, reject, hire) are not available
through the API: a person takes them in HireLoop."""


class HireLoopApi(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Problems are documented as ``application/problem+json``, as they are sent."""
        schema = super().get_openapi_schema(**kwargs)
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
        return schema


api = HireLoopApi(
    title="HireLoop API",
    version="1",
    description=DESCRIPTION,
    auth=ApiKeyAuth(),
    urls_namespace="api_v1",
)
install_problem_handlers(api)
for module in (jobs, applications, people, employees, employee_upsert, reports):
    api.add_router("", module.router)
