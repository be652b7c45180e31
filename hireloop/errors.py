"""The base of HireLoop's domain errors: each carries a message a person can act on."""


class HireLoopError(Exception):
    code = "error"


class NotFoundOrForbidden(HireLoopError):
    """Raised by ``access_*`` helpers: the same error whether missing or not allowed."""

    code = "not_found"


class ActionNotAllowed(HireLoopError):
    """Raised by ``check_may_*`` helpers: the user may see the object but not do this (403)."""

    code = "not_allowed"


class InvalidTransition(HireLoopError):
    code = "invalid_transition"


class InterviewLinkInvalid(HireLoopError):
    code = "link_invalid"
