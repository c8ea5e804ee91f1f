"""A result of a plain abstract said in words the result cues miss (used by :mod:`.types`, issue 10: found).

In an abstract without section labels, after its design sentences, a sentence with no result measure and none of
the result words of :mod:`.resultcues` got no claim, though many of them report what the study saw: "[Plasma
globotriaosylsphingosine] remained low and stable following the switch", "[Changes in cathepsin S levels] were
directly correlated with [change in LDL-C]", "Neither [executive function] nor [processing speed] predicted
[outcome]", "[blood pressure] was higher under [FAST treatment]", "[CPP] did not vary with [ETS]". Such a sentence
is a finding when it names an OUTCOME, says it in the past tense of this study (:func:`.concluded.past_result`:
a past auxiliary that is no design statement, or a finite ``-ed`` verb after its subject), no hedge reaches it, and
one of these observation cues stands outside the entity names (:data:`OBSERVED`), or a comparative opens an OUTCOME
entity (:data:`_LEAD`: the tagger took it in, "had the [fewest adverse events]"):

* a comparative or superlative adjective ("higher", "narrower", "faster", "fewest"; not "more" / "less" / "later" /
  "at least": "for less time if", "1 week later"; but "were more satisfied"); a difference or its absence ("not
  different", "were unaffected by");
* a correlation or prediction ("correlated with", "inversely related"; "predicted" not after "we" / "it was": a
  hypothesis);
* a value that stayed ("remained", "persisted");
* what was not seen or did not change ("were not detected", "did not vary / show / occur / exceed");
* likeness ("similar", "identical", "the same in both") and a count of none ("had no", "Neither ... nor",
  "No ... were identified"); a level judged ("Levels of pain were low", "was infrequent");
* "dose-dependent", "in favour of", "favoured", "twice as".

:func:`seen_part`: a conclusion's result with a trailing clause that interprets it (", suggesting that X may ...")
is still a stated result; the hedge of that clause does not reach the result before its comma.

Measured on headed abstracts outside the gold with their headings stripped (``bench/typing_dev.py``, docs/claims.md
section 30.1): of the sentences this rule turns into findings most come from Results sections.
"""

from __future__ import annotations

import re

from .base import SentenceView
from .concluded import past_result
from .gates import cues
from .hedging import hedged

#: observation cues of a plain abstract's result sentence (module doc)
OBSERVED = cues(
    # a comparative adjective
    r"higher", r"lower", r"greater", r"fewer", r"shorter", r"longer", r"better", r"worse", r"larger", r"smaller",
    r"faster", r"slower", r"quicker", r"narrower", r"wider", r"stronger", r"weaker", r"lesser",
    r"(?:was|were|became)\s+(?:\w+\s+)?(?:more|less)\s+[a-z]+",
    # a superlative among the arms
    r"highest", r"lowest", r"greatest", r"fewest", r"largest", r"smallest", r"(?:the|was|were)\s+least", r"shortest",
    r"longest",
    # a difference or its absence
    r"(?:not|nonsignificantly)\s+different", r"different\s+(?:from|between|in|among)", r"statistical\s+significance",
    r"unaffected", r"(?:was|were)\s+affected\s+by",
    # a correlation or prediction
    r"correlated", r"correlat(?:es|ion)", r"(?:inversely|positively|negatively)\s+(?:related|associated)",
    r"associations?\s+between", r"predicted", r"predictors?", r"mediated", r"determinants?",
    # a value that stayed
    r"remained", r"persisted",
    # what was not seen, or did not change
    r"(?:was|were)\s+not\s+(?:detected|seen|found|observed|identified)", r"could\s+not\s+be\s+detected",
    r"(?:did|could)\s+not\s+(?:\w+\s+)?(?:vary|show|differ|exceed|occur|correlate|predict|change|display|reach|have|"
    r"associate|moderate)",
    r"no\s+(?:[\w-]+\s+){0,3}(?:was|were)\s+(?:detected|seen|found|observed|identified)",
    # a level judged ("Levels of pain were low", "Severe hypoglycaemia was infrequent")
    r"(?:was|were)\s+(?:\w+\s+)?(?:low|high|infrequent|rare)",
    # likeness, a count of none
    r"similar(?:ly)?", r"identical", r"comparable", r"same\s+in\s+(?:both|all|each)", r"had\s+no", r"with\s+no",
    r"neither", r"none",
    # a dose relation, a verdict between arms
    r"dose[- ]dependent(?:ly)?", r"in\s+favou?r\s+of", r"favou?red", r"twice\s+as",
)
#: a comparative or superlative that the tagger took into the OUTCOME it qualifies ("the walking subgroup had the
#: [fewest adverse events]", "Tapentadol produced [lesser drowsiness]")
_LEAD = re.compile(r"(?:higher|lower|greater|fewer|lesser|shorter|longer|better|worse|larger|smaller|faster|slower|"
                   r"highest|lowest|greatest|fewest|largest|smallest|shortest|longest|least)\b", re.IGNORECASE)
#: a hypothesis, not a result: "We predicted that ATD would affect ...", "It was also predicted that ..."
_WE_PREDICTED = re.compile(r"\b(?:we|it\s+was)\s+(?:\w+\s+){0,2}?predicted\b", re.IGNORECASE)


def observed_plain(view: SentenceView) -> bool:
    """A plain abstract's sentence that reports an observed result in words the result cues miss (module doc). The
    caller asks it only of a sentence after the design sentences of an abstract without section labels."""
    if not view.label("OUTCOME"):
        return False
    text = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
    if OBSERVED.search(text) is None and not any(_LEAD.match(o.text) for o in view.label("OUTCOME")) \
            or _WE_PREDICTED.search(text):
        return False
    return not hedged(view.text) and past_result(view)


#: a trailing clause that interprets the result before it: ", suggesting that ...", ", which may ...", ", and may be"
_INTERPRETS = re.compile(r",\s*(?:which\s+|and\s+|thus\s+|this\s+)?(?:suggest(?:s|ed|ing)?|may|might|could|possibly|"
                         r"probably|presumably|likely|potentially)\b.*$", re.IGNORECASE | re.DOTALL)


def seen_part(text: str) -> str:
    """``text`` without a trailing clause that interprets the result before it ("X significantly reduced Y,
    suggesting that X may ..."): what the study saw, for the hedge test of a conclusion (:func:`.types.states_result`);
    ``text`` itself when no such clause follows a comma."""
    m = _INTERPRETS.search(text)
    return text[:m.start()] if m else text
