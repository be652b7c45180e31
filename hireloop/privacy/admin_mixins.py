"""Back-office behaviour for models that hold personal data."""

from typing import Any

from django.http import HttpRequest, HttpResponse

from .services import reveal


class AuditedPersonalDataAdmin:
    """Every opening of a record's form shows its personal data in clear, so it is audited."""

    personal_fields: tuple[str, ...] = ()

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(  # type: ignore[misc]
            request, object_id, form_url, extra_context
        )
        if request.method == "GET" and response.status_code == 200:
            reveal(
                actor=request.user,
                object_type=self.model._meta.model_name,  # type: ignore[attr-defined]
                object_id=object_id,
                fields=list(self.personal_fields),
            )
        return response
