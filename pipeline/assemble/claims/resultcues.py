"""Result wording for sentence typing (:mod:`.types`): strong and weak result words (:data:`RESULT_STRONG`,
:data:`RESULT_WEAK`), significance words, the kinds of result measures (:data:`RESULT_KINDS`, :data:`STRONG_KINDS`,
:data:`TEST_KINDS`), a short event sentence of a Results section (:data:`EVENT`) and adverse wording (:data:`ADVERSE`;
:func:`is_adverse`: a result about side effects, complications or toxicity is an ``adverse_effect``).
"""

from __future__ import annotations

import re

from .base import SentenceView
from .gates import Alternation, Gated, cues

#: strong result wording; one alternation cut into runs gated by their keywords (:class:`.base.Alternation`:
#: the same matches as the single pattern ``\b(?:...)\b`` it was, each run scanned only where its keywords occur)
RESULT_STRONG = Alternation([Gated(re.compile(r"\b(?:" + alts + r")\b", re.IGNORECASE), keys) for alts, keys in [
    (r"(?:statistically\s+)?significant(?:ly)?|non-?significant", ("significant",)),
    (r"no\s+(?:\w+\s+){0,2}differences?|did\s+not\s+differ", ("differ",)),
    (r"(?:was|were|remained)\s+(?:\w+\s+)?(?:similar|comparable|unchanged|equivalent)",
     ("similar", "comparable", "unchanged", "equivalent")),
    (r"(?:higher|lower|greater|fewer|less|more|shorter|longer|better|worse|larger|smaller)\s+(?:\w+\s+){0,3}?"
     r"(?:than|in|with|among|for|after|during|compared)",
     ("higher", "lower", "greater", "fewer", "less", "more", "shorter", "longer", "better", "worse", "larger",
      "smaller")),
    # a comparative predicate, whatever follows it: "reactions were more common, and ..."
    (r"(?:was|were)\s+(?:\w+\s+)?(?:more|less)\s+(?:common|frequent|prevalent|likely)", ("more", "less")),
    (r"increased|decreased|reduced|improved|worsened|unchanged",
     ("increased", "decreased", "reduced", "improved", "worsened", "unchanged")),
    (r"superior|inferior|associated\s+with|odds\s+ratio|hazard\s+ratio|relative\s+risk|risk\s+reduction",
     ("superior", "inferior", "associated", "ratio", "relative", "reduction")),
    (r"(?:rose|fell|declined|dropped)|(?:increase|decrease|reduction|improvement|rise|decline)\s+(?:in|of)",
     ("rose", "fell", "declined", "dropped", "increase", "decrease", "reduction", "improvement", "rise", "decline")),
    (r"differed|differences?\s+(?:in|between|was|were)", ("differ",)),
    (r"no\s+(?:\w+\s+)?(?:effects?|benefits?|changes?)", ("effect", "benefit", "change")),
    (r"(?:did|does|do)\s+not\s+(?:significantly\s+)?(?:alter|affect|change|influence|modify|improve|reduce|increase|"
     r"decrease|prevent)|(?:was|were)\s+not\s+(?:significantly\s+)?(?:altered|affected|changed|influenced|modified)",
     ("not",)),
]])
RESULT_WEAK = cues(
    r"showed", r"shown", r"demonstrated", r"revealed", r"found", r"observed", r"noted", r"reported", r"occurred",
    r"experienced", r"developed", r"died", r"deaths?", r"survived", r"tolerated", r"resolved", r"achieved",
    r"responded", r"responders?", r"responses?", r"remissions?", r"effective(?:ness)?", r"efficacious",
    r"benefit(?:s|ed|ted)?", r"beneficial", r"disappointing", r"promising", r"attractive", r"encouraging",
    r"rare(?:ly)?", r"common(?:est)?", r"frequent(?:ly)?", r"successful(?:ly)?", r"unsuccessful", r"failed",
    r"induced", r"resulted\s+in", r"led\s+to", r"attenuated", r"prevented", r"enhanced", r"abolished",
    r"suppressed", r"inhibited", r"vs\.?", r"versus", r"compared\s+(?:with|to)", r"elevated", r"safe", r"feasible",
    r"ineffective", r"poor", r"excellent", r"favou?rable", r"unfavou?rable", r"well", r"was\s+(?:\d|one|two)",
)
ADVERSE = cues(
    r"side[- ]effects?", r"adverse\s+(?:\w+\s+)?(?:events?|effects?|reactions?)", r"complications?",
    r"toxicit(?:y|ies)", r"hepatotoxicity", r"nephrotoxicity", r"tolerab(?:le|ility)", r"(?:well|poorly)\s+tolerated",
    r"morbidity", r"postembolization\s+syndrome", r"safety\s+profile",
)
#: :data:`ADVERSE` behind a keyword prefilter for whole sentences and entity names (session 14: every cue holds one
#: of these words; most sentences hold none)
_ADVERSE_GATED = Gated(ADVERSE, ("side-effect", "side effect", "adverse", "complication", "toxicit", "tolerab",
                                 "tolerated", "morbidity", "postembolization", "safety"))


SIGNIFICANCE = re.compile(r"\bsignificant(?:ly)?\b|\bdid\s+not\s+differ|\bno\s+(?:\w+\s+)?differences?\b",
                          re.IGNORECASE)

RESULT_KINDS = frozenset({"p_value", "ci", "ratio", "mean_sd", "median_iqr", "percentage", "range"})
STRONG_KINDS = frozenset({"p_value", "ci", "ratio", "mean_sd", "median_iqr"})
TEST_KINDS = frozenset({"p_value", "ci", "ratio"})
#: a short result sentence of a Results section ("No patients died.", "One woman had a stillbirth.")
EVENT = cues(r"died", r"deaths?", r"had", r"suffered", r"required", r"needed", r"experienced", r"developed",
             r"occurred", r"presented", r"exhibited", r"survived", r"recovered", r"relapsed", r"progressed",
             r"achieved", r"responded")


def is_adverse(view: SentenceView) -> bool:
    if not _ADVERSE_GATED.search(view.masked("INTERVENTION", "COMPARATOR", "POPULATION")):
        return False
    outcomes = view.label("OUTCOME")
    if not outcomes:
        return True
    ae = [o for o in outcomes
          if o.subtype == "Adverse_effects" or _ADVERSE_GATED.search(o.text) or _cue_follows(view, o)]
    return 2 * len(ae) >= len(outcomes)


def _cue_follows(view: SentenceView, outcome) -> bool:
    """A tagger may stop short of the head noun: "[Major extrahepatic] complications are rare"."""
    _a, b = view.local(outcome)
    return ADVERSE.match(view.text[b:b + 40].lstrip(" -")) is not None
