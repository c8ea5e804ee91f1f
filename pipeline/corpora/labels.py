"""Map the many spellings of PICO labels onto claimex's POPULATION/INTERVENTION/COMPARATOR/OUTCOME."""

from __future__ import annotations

_COARSE = {
    "p": "POPULATION", "par": "POPULATION", "population": "POPULATION", "participant": "POPULATION",
    "participants": "POPULATION", "patient": "POPULATION", "patients": "POPULATION",
    "i": "INTERVENTION", "int": "INTERVENTION", "intervention": "INTERVENTION", "interventions": "INTERVENTION",
    "c": "COMPARATOR", "comparator": "COMPARATOR", "comparison": "COMPARATOR", "control": "COMPARATOR",
    "o": "OUTCOME", "out": "OUTCOME", "outcome": "OUTCOME", "outcomes": "OUTCOME",
}
_SUBTYPES = {
    "age": "Age", "sex": "Sex", "sample_size": "Sample_size", "condition": "Condition",
    "surgical": "Surgical", "physical": "Physical", "pharmacological": "Pharmacological",
    "educational": "Educational", "psychological": "Psychological", "other": "Other", "control": "Control",
    "pain": "Pain", "mortality": "Mortality", "adverse_effects": "Adverse_effects", "mental": "Mental",
}


def normalise_label(name: str) -> tuple[str, str | None] | None:
    """``"Participant_Age"`` -> ("POPULATION", "Age"); ``"Intervention_Control"`` -> COMPARATOR;
    ``"I-INT"``/``"B-PAR"`` -> coarse label; ``"N"``/``"O"`` tags are not labels here (None)."""
    if not name:
        return None
    raw = str(name).strip()
    if raw.upper() in {"POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"}:
        return raw.upper(), None
    low = raw.lower()
    if len(low) > 2 and low[1] == "-" and low[0] in "bieslu":  # B-PAR / I-INT / E-OUT ...
        low = low[2:]
    for sep in ("_", ":", "/"):
        if sep in low:
            head, tail = low.split(sep, 1)
            if head in _COARSE:
                coarse = _COARSE[head]
                sub = _SUBTYPES.get(tail)
                if coarse == "INTERVENTION" and sub == "Control":
                    return "COMPARATOR", "Control"
                return coarse, sub
    if low in _COARSE:
        return _COARSE[low], ("Control" if low == "control" else None)
    return None
