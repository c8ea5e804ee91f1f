"""Single-arm results, judged rather than compared (GUIDELINES, Findings: ``positive`` / ``negative``):
the results of a single-arm design, changes within the arms ("reduced significantly in both groups"), and
results reported with no comparator and no comparison. See :func:`decide_within`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .clauses import focus
from .direction import Decision, decide_qualitative
from .gates import prefiltered
from .harms import harmful
from .hedging import negation_scope
from .plain import MeasureLike
from .polarity import change_of, outcome_change
from .significance import NOT_SIGNIFICANT, significance

# an event that happened to patients (a harm when it is counted); a judged *value* of a harmful measure
# ("hospital stay was 1-4 days") is not an event
EVENT = re.compile(r"death|died|\bdie\b|mortality|fatal|complication|adverse|side[- ]effect|toxicit|infection|"
                   r"bleed|h(?:a)?emorrh|relapse|recurren|progress|failure|reoperation|readmission", re.IGNORECASE)
# a result that was observed or counted ("occurred in five patients", "achieved a CR", "was observed")
#: an outcome list that names harms ("The most frequent adverse events were fever (59 %), ...")
HARMS = re.compile(r"adverse|side[- ]effect|complication|toxicit", re.IGNORECASE)
OCCURRED = re.compile(r"\b(?:occurr\w*|developed|experienced|suffered)\b", re.IGNORECASE)
#: the outcome stayed as it was ("no significant differences in changes of ...", "remained unchanged")
NO_CHANGE = prefiltered(re.compile(r"\bno\s+(?:\w+\s+){0,2}?(?:differences?|changes?)\b|\bunchanged\b|"
                                   r"\bdid\s+not\s+(?:\w+\s+)?(?:differ|change)\b", re.IGNORECASE))
#: no change said without a test or a between-arm null ("remained unchanged", "showed no change")
UNTESTED_NO_CHANGE = re.compile(r"\bunchanged\b|\bno\s+(?:\w+\s+){0,2}?changes?\b|\bremained\s+(?:stable|constant)\b|"
                                r"\bdid\s+not\s+(?:\w+\s+)?change\b", re.IGNORECASE)
TESTED_NULL = re.compile(r"significan|statistic|differ|similar|comparable|equivalen|\bn\.?s\.?\b|trend|tend",
                         re.IGNORECASE)
_EVENT_FREE_NAME = re.compile(r"surviv|\bfree\b|-free", re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_event(outcome_text: str) -> bool:
    """An event that happens to patients (death, complications, progression), not a time free of it
    ("progression-free survival")."""
    return bool(EVENT.search(outcome_text)) and not _EVENT_FREE_NAME.search(outcome_text)


#: outcomes of which more is better (survival, function, response ...): their fall is unfavourable
BENEFICIAL = re.compile(r"surviv|quality\s+of\s+life|\bQoL\b|function|strength|\brespon|remission|success|satisf|"
                        r"bone\s+(?:mineral\s+)?density|\bBMD\b|adheren|complian(?:ce|t)\b|efficacy|effectiveness|"
                        r"accura|performance|well-?being|\bcure|healing|recover|mobility|range\s+of\s+motion|walking|"
                        r"exercise\s+capacity|\bFEV|\bFVC|vitality|knowledge|self-efficacy|h(?:a)?emoglobin|\bHDL|uptake|"
                        r"weight\s+gain|abstinen|cessation|quit", re.IGNORECASE)
OBSERVED = re.compile(r"\b(?:occurr\w*|observed|reported|noted|seen|achieved|attained|developed|experienced|"
                      r"died|had)\b", re.IGNORECASE)


def _measured(outcome_text: str) -> str:
    """What an outcome named by a change noun measures ("alleviation of their symptoms" -> "their symptoms")."""
    return re.split(r"\s+(?:in|of)\s+", outcome_text, maxsplit=1)[-1]


def single_arm_direction(direction: str | None, outcome_text: str) -> str | None:
    """A single-arm result is judged, not compared (GUIDELINES, Findings): a change of a harmful outcome
    (pain, mortality, HbA1c: :data:`.harms.HARMFUL`) is positive when it falls, of a beneficial one
    (survival, function, response: :data:`BENEFICIAL`) when it rises; an outcome of neither kind (bone turnover
    markers, smooth muscle tone, a hormone level) changed by the treatment is its effect: positive whether it
    rose or fell; no change is negative (the treatment did not do what it was given for)."""
    if direction == "no_difference":
        return "negative"
    if direction in ("increase", "decrease"):
        if direction == "decrease" and not harmful(outcome_text) and not BENEFICIAL.search(outcome_text):
            return "positive"
        good = "decrease" if harmful(outcome_text) else "increase"
        return "positive" if direction == good else "negative"
    return direction


def decide_within(text: str, offset: int, masked: str, measures: Sequence[MeasureLike], adverse: bool,
                  outcome_text: str = "", outcome_at: int | None = None, adverse_claim: bool = False) -> Decision:
    """A single-arm result, or a change within the arms and no comparison between them ("Significant
    improvement in IKDC scores (P < 0.0001) ... over the 24-month period for both groups"): judged
    positive / negative (GUIDELINES, Findings), first that applies:

    1. polarity words (:func:`.polarity.polarity`);
    2. a change word of the outcome (:func:`.polarity.change_of`; a harmful outcome falling is positive,
       any other rising; "no significant change" is negative): :func:`single_arm_direction`;
    3. a negation over the outcome (``outcome_at``: its local start): "No postoperative complications
       ... were observed", "was not associated with hypotension" -> positive for a harm (an event, a
       harmful outcome or an adverse-effect claim), negative otherwise ("did not achieve CR");
    4. a result that was counted or observed (numbers, or "occurred", "achieved", "died" ...): a harm
       that happened (an adverse-effect claim, an event such as death, complications, progression, or a
       harmful outcome that "occurred" / was "experienced") is negative, any other result reported for
       the arm ("The efficacy rate was 100 %", "The postoperative hospital stay was 1-4 days") positive.

    ``adverse``: read the adverse-effect polarity cues (the claim is typed adverse or the sentence's
    outcomes name harms); ``adverse_claim``: the claim itself is typed adverse (step 4). A description
    without numbers or an observation verb ("usually mild and transient, is the commonest side effect")
    stays None. Significance from the p-value, CI or words."""
    decision = Decision()
    fa, fb = focus(masked, [(outcome_at, outcome_at + 1, "O")] if outcome_at is not None else [])
    for a, b in dict.fromkeys(((fa, fb), (0, len(masked)))):  # the outcome's clause first, then the sentence
        clause = masked[a:b]
        decision = decide_qualitative(clause, adverse)
        if decision.direction is not None:
            break
        change = change_of(clause, outcome_text)
        negated = outcome_at is not None and a <= outcome_at < b and negation_scope(masked, outcome_at)
        if change is None:
            change = outcome_change(outcome_text)
            if change is not None:  # "experienced significant alleviation of their symptoms"
                decision.direction, decision.source = single_arm_direction(change, _measured(outcome_text)), \
                    "change"
                break
        if change is None and (NOT_SIGNIFICANT.found(clause) and not negated or NO_CHANGE.search(clause)):
            # "no significant change", also over the outcome ("no significant differences in changes of Fasting
            # Plasma Glucose ... within each group"): the outcome stayed as it was, not a harm that did not happen
            change = "no_difference"
        if change is not None:
            decision.direction, decision.source = single_arm_direction(change, outcome_text), "change"
            break
        if negated:
            harm = adverse or harmful(outcome_text) or is_event(outcome_text)
            decision.direction, decision.negated, decision.source = ("positive" if harm else "negative"), True, \
                "negation"
            break
    if decision.direction is None and (measures or OBSERVED.search(masked)):
        # a harm that happened: an event, an adverse-effect claim, or a harmful outcome said to occur
        event = adverse_claim or is_event(outcome_text) or bool(
            HARMS.search(outcome_text) or harmful(outcome_text) and OCCURRED.search(masked))
        decision.direction, decision.source = ("negative" if event else "positive"), "observed"
    # the outcome's own clause first ("Although LV dimensions, mass and ejection fraction remained unchanged, LV
    # diastolic and systolic functions improved": the improvement is not the unchanged clause's null)
    sig, p, source = significance([m for m in measures if fa <= m.start - offset < fb], text[fa:fb], offset + fa)
    if sig is None and (fa, fb) != (0, len(masked)):  # a test elsewhere in the sentence ("(P < 0.05 for all)")
        sig, p, source = significance(measures, text[fa:fb], offset + fa)
    if sig is False and source == "words" and UNTESTED_NO_CHANGE.search(text, fa, fb) \
            and not TESTED_NULL.search(text, fa, fb):
        # "LV dimensions, mass and ejection fraction remained unchanged": the arm stayed as it was, a description,
        # no test (GUIDELINES, Findings: significant is null when the sentence states neither a test nor a
        # no-difference word)
        sig = None
    decision.significant = sig
    decision.p_value = p.id if p is not None else None
    return decision
