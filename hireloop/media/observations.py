"""What the media analysis reports: plain observations with their evidence, never verdicts.

Every observation belongs to one group, and the group decides where it may run at all
(``hireloop.media.gating``): ``timing`` (how the answer was spoken in time: rate, pauses,
fillers) runs wherever the candidate consented to the recording; ``tone`` (pitch and loudness
of the voice) and ``face`` (anything computed from the face in the picture) are behavioural
observations of the body that the EU AI Act Art. 5(1)(f) rules out in recruitment, so they run
only where the organisation's compliance profile allows them.
"""

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Group = Literal["timing", "tone", "face"]
GROUPS: tuple[Group, ...] = ("timing", "tone", "face")


@dataclass(frozen=True)
class Evidence:
    """Where in the recording an observation can be checked by a person (seconds)."""

    start: float
    end: float
    note: str = ""


@dataclass(frozen=True)
class Observation:
    key: str  # stable identifier, e.g. "speaking_rate"; labels are translated by the pages
    group: Group
    value: float | int | bool | None
    unit: str = ""  # "wpm", "cpm", "s", "share", "Hz", "dB", "count"
    evidence: tuple[Evidence, ...] = ()
    flag: bool = False  # worth a human's look (e.g. a second face in the picture)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Observation":
        evidence = tuple(Evidence(**e) for e in data.get("evidence", ()))
        return cls(**{**data, "evidence": evidence})


@dataclass(frozen=True)
class Thumbnail:
    """A still picture that backs an observation; JPEG bytes, stored encrypted."""

    at_seconds: float
    observation_key: str
    jpeg: bytes = field(repr=False)
