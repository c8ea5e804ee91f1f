"""Active arms reported side by side in a controlled trial: each one against the design's control.

GUIDELINES, Findings: a finding is one comparison, of the experimental arm with the other arm (``comparator``: "the
other arm, named the same way"); a trial of several experimental arms and a control gives one finding per
comparison. A result sentence of such a trial often names two active arms side by side with a result for each and
no word that sets one against the other: "There was statistically significant difference in percentage of patients
achieving 75 % reduction in PASI and ESI scores in metformin (p value - PASI = 0.001, ...) and pioglitazone groups
(p value - ...)" of a placebo-controlled trial of metformin and pioglitazone (Evidence Inference train 4987981). The
pair rule of :func:`.arms._assign_sides` ("for LMQs and OEQs": the second of two arms written as a pair is the
comparator) reads metformin *versus* pioglitazone; a reviewer writes metformin versus placebo and pioglitazone versus
placebo.

:func:`side_by_side` names the two arms when a compared claim's intervention and comparator are one arm each of the
sentence's own (not resolved from an earlier sentence), neither control-worded, the comparator not introduced by a
comparison cue ("than", "versus", "compared with": :data:`.design.COMPARE_BEFORE`), the sentence names no control
arm and has no word that compares the arms with each other (between, differ, versus, than, compared, similar, ...),
the design's comparator (:meth:`.context.InterventionContext.named_comparator`) is control-worded and names
neither arm, and the two are not one regimen ("Concurrent use of fractional laser skin resurfacing with punch
elevation" against "fractional CO2 laser resurfacing alone": "with", "plus", "combined" between the two arms). The
claim is then one claim per arm, each with the design's control as its comparator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .base import SentenceView, entity_words
from .context import Arm, nested, same_intervention
from .control import is_control
from .design import COMPARE_BEFORE, distinct_arms
from .labels import bare_control
from .plain import EntityLike

# words that set the sentence's arms against each other: then the pair is the comparison
_BETWEEN = re.compile(r"\b(?:between|differ\w*|versus|vs|than|compar\w*|relative|superior|inferior|similar\w*|"
                      r"equivalent|same|respectively)\b", re.IGNORECASE)

# one regimen of the two arms, not two arms: "X with Y", "X plus Y", "X combined with Y" (not "... and with Y")
_WITH = re.compile(r"(?:(?<!and )(?<!or )\b(?:with|plus|combin\w*|together|added|adjunct\w*)\b|\+)", re.IGNORECASE)


def initials_of(short: str, long: str) -> bool:
    """Is ``short`` written with the initials of ``long``'s words, in any case ("SoC" / "SOC" of "Standard of
    Care", with or without the small words)?"""
    letters = re.sub(r"[^a-z]", "", short.lower())
    words = re.findall(r"[a-z]+", long.lower())
    if len(letters) < 2 or len(words) < 2:
        return False
    return letters in ("".join(w[0] for w in words), "".join(w[0] for w in words if len(w) > 3))


def side_by_side(view: SentenceView, arms: list[Arm], intervention: Sequence[EntityLike],
                 comparator: Sequence[EntityLike], control: EntityLike | None,
                 known_arm: Callable[[EntityLike], bool]) -> list[EntityLike]:
    """The two active arms of ``view`` that a compared claim holds as intervention and comparator, when the
    sentence reports them side by side in a trial whose design comparator ``control`` is control-worded and both
    are arms the design named (``known_arm``: :meth:`.context.InterventionContext.known_arm`) (module docstring);
    else ``[]``."""
    if control is None or len(intervention) != 1 or len(comparator) != 1 or not is_control(control):
        return []
    own = distinct_arms(sorted((a for a in arms if a.entity is not None and not a.plural and not a.inherited),
                               key=lambda a: a.start))
    # their entities, in order (every arm of ``own`` has one: the test only says so to the type checker)
    own_ents = [a.entity for a in own if a.entity is not None]
    if len(own) != 2 or {e.id for e in own_ents} != {intervention[0].id, comparator[0].id} \
            or any(nested(view, e, "POPULATION") or not known_arm(e) for e in own_ents):
        # not "the needlescopic technique" beside its setting "experienced laparoscopic surgeons", nor "morphine"
        # beside "patients treated by primary percutaneous coronary intervention" (a population's words)
        return []
    if any(is_control(a.entity) or bare_control(a.text) for a in arms if a.entity is not None):
        return []
    key = entity_words(control)
    if any(same_intervention(entity_words(e), key) or initials_of(e.text, control.text) for e in own_ents):
        return []  # a mention of the control arm itself: "the SoC arm" of "Standard of Care"
    first, second = own
    if COMPARE_BEFORE.search(view.between(second.start - 45, second.start)) or _BETWEEN.search(view.text):
        return []
    if _WITH.search(view.between(first.end, second.start)):
        return []  # one regimen of both: "Concurrent use of fractional laser skin resurfacing with punch elevation"
    return own_ents
