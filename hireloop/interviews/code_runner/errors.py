"""Errors of the code runner itself; what the candidate's code does wrong is a RunResult."""


class SandboxUnavailable(RuntimeError):
    """The sandbox could not be built or started here (missing tool, privileges, kernel).

    Nothing of the candidate's code ran, so the answer must not be scored as failed: the
    caller should keep it and report the message to an administrator.
    """


class UnsupportedLanguage(ValueError):
    """The answer is in a language the sandbox does not run."""
