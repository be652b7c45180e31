"""How observations read to people: a label per key and its value with its unit.

Labels describe what was measured, in plain words; none interprets it (no "confident",
"nervous", "engaged"): a person reads the observation next to the recording.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .observations import Evidence, Observation

LABELS = {
    "speaking_rate": _("Speaking rate"),
    "pause_count": _("Pauses of half a second or more"),
    "pause_ratio": _("Share of silence while speaking"),
    "longest_pause": _("Longest pause"),
    "time_to_first_word": _("Time to the first word"),
    "filler_words": _("Filler words"),
    "voiced_share": _("Share of the recording with voice"),
    "pitch_mean_hz": _("Pitch (mean)"),
    "pitch_variation": _("Pitch variation"),
    "loudness_mean_db": _("Loudness (mean)"),
    "loudness_variation_db": _("Loudness variation"),
    "face_present_ratio": _("Face in the picture"),
    "multiple_faces": _("Pictures with more than one face"),
    "looking_away_ratio": _("Face turned away"),
    "smile_frequency": _("Smiles per minute"),
    "longest_absence": _("Longest time without a face"),
    "absences": _("Times without a face for 3 s or more"),
}
GROUP_LABELS = {
    "timing": _("Timing"),
    "tone": _("Voice tone"),
    "face": _("Face"),
}
UNITS = {
    "wpm": _("words/min"),
    "cpm": _("characters/min"),
    "s": _("s"),
    "Hz": _("Hz"),
    "dB": _("dB"),
    "st": _("semitones"),
    "per_min": _("per min"),
}


@dataclass(frozen=True)
class ObservationRow:
    key: str
    group: str
    label: str
    value: str
    flag: bool
    evidence: tuple[Evidence, ...]


def display_value(observation: Observation) -> str:
    value = observation.value
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if observation.unit == "share":
        return f"{100 * float(value):.0f}%"
    unit = UNITS.get(observation.unit, observation.unit if observation.unit != "count" else "")
    number = f"{value:.1f}" if isinstance(value, float) and not value.is_integer() else f"{value:g}"
    return f"{number} {unit}".strip()


def rows(observations: list[Observation]) -> list[ObservationRow]:
    return [
        ObservationRow(
            key=o.key,
            group=o.group,
            label=str(LABELS.get(o.key, o.key)),
            value=display_value(o),
            flag=o.flag,
            evidence=o.evidence,
        )
        for o in observations
    ]
