"""What each compliance profile allows (B2): the single place features ask before they run.

Sources (see shared design compliance.md): PIPL Art. 28–29 (voice and face are sensitive
personal information: separate consent, and a text-only path for those who decline); EU AI Act
Art. 5(1)(f) (no inference of emotions from biometric data in recruitment: no facial-expression
or voice-tone observations at all); NYC Local Law 144 (candidates are notified at least ten
business days before an automated tool is used).
"""

from dataclasses import dataclass

from .enums import ComplianceProfile
from .models import Organisation


@dataclass(frozen=True)
class Capabilities:
    voice_answers: bool  # recording spoken answers may be offered (always with consent)
    video_answers: bool
    voice_tone_observations: bool  # pitch, loudness: behavioural observations of the voice
    facial_observations: bool  # smile frequency, gaze: observations of the face
    notice_business_days: int  # notice owed before an automated assessment is used


PROFILES = {
    ComplianceProfile.CN: Capabilities(True, True, True, True, 0),
    ComplianceProfile.EU: Capabilities(True, True, False, False, 0),
    ComplianceProfile.US_NYC: Capabilities(True, True, True, True, 10),
    # Custom starts from the strictest defaults; an organisation opens what its counsel allows.
    ComplianceProfile.CUSTOM: Capabilities(False, False, False, False, 0),
}


def capabilities_for(organisation: Organisation) -> Capabilities:
    return PROFILES[ComplianceProfile(organisation.compliance_profile)]
