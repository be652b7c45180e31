"""The base of HireLoop's domain errors: each carries a message a person can act on."""


class HireLoopError(Exception):
    code = "error"


class NotFoundOrForbidden(HireLoopError):
    """Raised by ``access_*`` helpers: the same error whether missing or not allowed."""

    code = "not_found"


class InvalidTransition(HireLoopError):
    code = "invalid_transition"


class InterviewLinkInvalid(HireLoopError):
    code = "link_invalid"
