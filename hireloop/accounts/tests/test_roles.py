"""The role × permission matrix, as the groups in the database hold it."""

import pytest
from django.contrib.auth.models import Group

from hireloop.accounts.roles import ROLE_PERMISSIONS, Role

pytestmark = pytest.mark.django_db


def permissions_of(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_every_role_exists_as_a_group_with_its_matrix() -> None:
    for role in Role:
        expected = {
            f"{label.split('.')[0]}.{action}_{label.split('.')[1]}"
            for label, actions in ROLE_PERMISSIONS[role].items()
            for action in actions
        }
        assert permissions_of(role) == expected


@pytest.mark.parametrize(
    ("role", "permission", "granted"),
    [
        (Role.AUDITOR, "privacy.view_auditentry", True),
        (Role.AUDITOR, "candidates.view_candidate", False),  # no raw personal data
        (Role.INTERVIEWER, "decisions.add_interviewerreview", True),
        (Role.INTERVIEWER, "candidates.view_candidate", False),
        (Role.INTERVIEWER, "candidates.change_application", False),
        (Role.INTERVIEWER, "decisions.view_humanreviewrequest", True),  # they re-review
        (Role.INTERVIEWER, "decisions.change_humanreviewrequest", False),  # HR answers
        (Role.AUDITOR, "decisions.view_humanreviewrequest", False),
        (Role.RECRUITER, "decisions.change_humanreviewrequest", True),
        (Role.RECRUITER, "candidates.add_application", True),
        (Role.RECRUITER, "privacy.view_auditentry", False),
        (Role.RECRUITER, "archive.change_performancereview", False),
        (Role.HR_ADMIN, "archive.change_performancereview", True),
        (Role.HR_ADMIN, "privacy.delete_auditentry", False),  # append-only for everyone
    ],
)
def test_role_matrix(role: str, permission: str, granted: bool) -> None:
    assert (permission in permissions_of(role)) is granted
