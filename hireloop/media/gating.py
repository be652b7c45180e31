"""Which parts of a recording's analysis may run (B2): the profile and the consent decide.

The candidate's separate consent to record and analyse this kind of answer (PIPL Art. 29)
is the precondition for anything at all, the transcript included. Timing observations
(rate, pauses, fillers) describe how the answer unfolded in time and run wherever that
consent was given. Tone (pitch, loudness) and face observations are behavioural readings of
the body; the EU AI Act Art. 5(1)(f) bars emotion inference in recruitment, and the
organisation's compliance profile decides whether they run at all — they are then never
computed, not computed and hidden.
"""

from dataclasses import dataclass, field

from hireloop.interviews.enums import AnswerMode
from hireloop.interviews.models import Recording
from hireloop.org.compliance import capabilities_for

from .enums import SkipReason
from .observations import GROUPS, Group


@dataclass(frozen=True)
class Gate:
    consented: bool
    groups: frozenset[Group]
    skipped: dict[str, str] = field(default_factory=dict)  # group -> SkipReason

    @property
    def includes_tone(self) -> bool:
        return "tone" in self.groups

    @property
    def includes_face(self) -> bool:
        return "face" in self.groups


def gate_for(recording: Recording) -> Gate:
    """What may be computed from this recording, decided when the worker starts on it."""
    session = recording.session
    consented = session.consents.filter(scope=recording.mode, granted=True).exists()
    if not consented:
        return Gate(False, frozenset(), {g: SkipReason.NO_CONSENT for g in GROUPS})
    allowed = capabilities_for(session.application.job.organisation)
    skipped: dict[str, str] = {}
    if not allowed.voice_tone_observations:
        skipped["tone"] = SkipReason.PROFILE
    if recording.mode != AnswerMode.VIDEO:
        skipped["face"] = SkipReason.NO_VIDEO
    elif not allowed.facial_observations:
        skipped["face"] = SkipReason.PROFILE
    groups = frozenset(g for g in GROUPS if g not in skipped)
    return Gate(True, groups, skipped)
