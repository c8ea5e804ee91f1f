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

Measured on headed abstracts outside the gold with their headings stripped (``bench/typing_dev.py``,
docs/claims-rounds.md section 30.3): of the sentences this rule turns into findings most come from Results sections.
"""

from __future__ import annotations

import re

from .base import SentenceView
from .concluded import past_result
from .gates import Alternation, Gated
from .hedging import hedged

_COMPARATIVES = ("higher", "lower", "greater", "fewer", "shorter", "longer", "better", "worse", "larger", "smaller",
                 "faster", "slower", "quicker", "narrower", "wider", "stronger", "weaker", "lesser", "highest",
                 "lowest", "greatest", "fewest", "largest", "smallest", "shortest", "longest")


def _run(alternatives: str, keys: tuple[str, ...]) -> Gated:
    return Gated(re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])", re.IGNORECASE), keys)


#: observation cues of a plain abstract's result sentence (module doc): one alternation cut into runs gated by their
#: keywords (:class:`.gates.Alternation`; every match of a run holds one of its keys), most sentences open none
OBSERVED = Alternation([
    # a comparative or superlative adjective
    _run("|".join(_COMPARATIVES), _COMPARATIVES),
    _run(r"(?:the|was|were)\s+least", ("least",)),
    _run(r"(?:was|were|became)\s+(?:\w+\s+)?(?:more|less)\s+[a-z]+", ("more", "less")),
    # a difference or its absence
    _run(r"(?:not|nonsignificantly)\s+different|different\s+(?:from|between|in|among)|statistical\s+significance|"
         r"unaffected|(?:was|were)\s+affected\s+by", ("different", "significance", "affected")),
    # a correlation or prediction
    _run(r"correlated|correlat(?:es|ion)|(?:inversely|positively|negatively)\s+(?:related|associated)|"
         r"associations?\s+between|predicted|predictors?|mediated|determinants?",
         ("correlat", "related", "associated", "association", "predict", "mediated", "determinant")),
    # a value that stayed
    _run(r"remained|persisted", ("remained", "persisted")),
    # what was not seen, or did not change; a count of none
    _run(r"(?:was|were)\s+not\s+(?:detected|seen|found|observed|identified)|could\s+not\s+be\s+detected|"
         r"(?:did|could)\s+not\s+(?:\w+\s+)?(?:vary|show|differ|exceed|occur|correlate|predict|change|display|reach|"
         r"have|associate|moderate)|no\s+(?:[\w-]+\s+){0,3}(?:was|were)\s+(?:detected|seen|found|observed|identified)|"
         r"had\s+no|with\s+no|neither|none", ("no", "neither")),
    # a level judged ("Levels of pain were low", "Severe hypoglycaemia was infrequent")
    _run(r"(?:was|were)\s+(?:\w+\s+)?(?:low|high|infrequent|rare)", ("low", "high", "infrequent", "rare")),
    # likeness
    _run(r"similar(?:ly)?|identical|comparable|same\s+in\s+(?:both|all|each)",
         ("similar", "identical", "comparable", "same")),
    # a dose relation, a verdict between arms
    _run(r"dose[- ]dependent(?:ly)?|in\s+favou?r\s+of|favou?red|twice\s+as", ("dependent", "favo", "twice")),
])
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
    if not OBSERVED.found(text) and not any(_LEAD.match(o.text) for o in view.label("OUTCOME")) \
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
