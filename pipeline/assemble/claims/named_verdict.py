"""A single-arm verdict word the tagger took into an outcome's span (session 22, docs/claims-rounds.md section 36.5).

The single-arm judgement (:func:`.decision.judge`) reads its polarity words with every role mention blanked, so
that words of an outcome's *name* are not read as the result ("pain relief", "urinary 5-HIAA decrease"). Where the
tagger's outcome span holds the sentence's verdict itself ("Olaparib was generally well-tolerated", "It provided
equally effective pulmonary ventilation", "acceptable overall tolerability") nothing is left to judge, and the
claim's direction stays None. GUIDELINES, Findings: a single-arm result is ``positive`` (favourable: "well
tolerated", "effective", "rare" complications) or ``negative``; the span of the outcome does not make the verdict
a part of the outcome's name, as :func:`.polarity.cue_edges` reads a comparison's cue word at an outcome span's
edge. So :func:`named_verdict` reads the polarity words (:func:`.polarity.polarity`) again with the outcome
mentions left in - but not the judgement nouns that *name* what is measured ("the efficacy of a single dose is
suboptimal", "safety concerns", "the effectiveness was not demonstrated", "treatment failure": :data:`NAME_NOUNS`),
which say nothing of the result. Used only where nothing else judged the claim (:func:`.decision.judge_named`).
"""

from __future__ import annotations

import re

from .base import SentenceView, blank
from .direction import Decision, decide_qualitative
from .polarity import anatomy

__all__ = ["NAME_NOUNS", "named_verdict", "verdict_text"]

#: judgement words of :data:`.polarity.POSITIVE` / :data:`.polarity.NEGATIVE` used as nouns that name an outcome
#: ("efficacy", "safety", "tolerability", "treatment success", "pain relief", "prophylactic benefit", "failure")
NAME_NOUNS = re.compile(r"\b(?:efficacy|effectiveness|safety|tolerability|success|relief|remission|recovery|"
                        r"benefits?|advantages?|disadvantages?|options?|alternatives?|protection|failures?|harms?)\b",
                        re.IGNORECASE)


def verdict_text(view: SentenceView) -> str:
    """The sentence with its arm and population mentions and body parts blanked (as :func:`.decision.cue_text`),
    its outcome mentions left in but for the nouns that name an outcome (:data:`NAME_NOUNS`); cached on the view."""
    def make() -> str:
        masked = view.masked("INTERVENTION", "COMPARATOR", "POPULATION")
        at = view.start
        names = [(m.start(), m.end()) for o in view.label("OUTCOME")
                 for m in NAME_NOUNS.finditer(view.text, o.start - at, o.end - at)]
        spans = list(anatomy(view.text)) + names
        return blank(masked, spans) if spans else masked

    return view.cached("verdict_text", make)


def named_verdict(view: SentenceView, adverse: bool) -> Decision:
    """The polarity of the sentence read in :func:`verdict_text` (``adverse``: the adverse-effect cues, as
    :func:`.decision.judge` chooses them)."""
    return decide_qualitative(verdict_text(view), adverse)
