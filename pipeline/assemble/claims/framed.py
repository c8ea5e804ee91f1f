"""A span the sentence frames as what measured the outcome, or as the condition that is treated, is no arm
(issue 10, session 22).

GUIDELINES, *Fields*: the intervention is the **named arm** - the drug, procedure or programme a group received.
The tagger also tags, as INTERVENTION/COMPARATOR, words that the sentence itself says are something else:

* **the method that measured the outcome**: "By HBPM, SBP dropped by 17±10.8 at week 6" (home blood pressure
  monitoring, PubMed 4577526), "as assessed by ultrasound", "was measured with the VAS" - the span right after
  "measured / assessed / evaluated / determined / estimated / quantified / monitored / detected (by | with |
  using | via)", or a sentence opened by "By / Using X," (the span, then a comma);
* **the condition the treatment is for**: "when given ... as first-line treatment for ABC" (advanced breast
  cancer, PubMed 22331954), "for prevention of taxane-induced CIPN" - the span right after "treatment / therapy /
  management for", "prevention of", "prophylaxis of / for / against" (+ "(the) patients / women / men / children
  with"). Not "treatment of": it introduces a therapy as often as a condition ("sequential treatment of
  AC-chemotherapy and hormonal therapy", "combined hormonal treatment of ovarian ablation with tamoxifen").

:func:`framed_not_arm` tells :func:`.arms.arms_of` to leave such a span out of the sentence's arms, so a claim does
not take it as its intervention or comparator (the arm the context carries, or another arm of the sentence, does
instead). The entity itself stays in the record as tagged. Not read: a span the framing word is part of
("treatment of the control group" is a bare label, resolved before this test), nor "treatment with X" /
"treatment of X" / "therapy of X" / "administration of X" (those introduce the arm, or may).
"""

from __future__ import annotations

import re

from .base import SentenceView
from .gates import prefiltered
from .plain import EntityLike
from .switches import off

_DET = r"(?:the\s+|a\s+|an\s+)?"
_MEASURED_BY = prefiltered(
    re.compile(r"\b(?:measured|assessed|evaluated|determined|estimated|quantified|monitored|detected)"
               rf"\s+(?:by|with|using|via)\s+{_DET}$", re.IGNORECASE))
_OPENED_BY = re.compile(rf"^\W*(?:by|using|via)\s+{_DET}$", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"^\s*,")
_TREATS = prefiltered(re.compile(r"\b(?:(?:treatment|therapy|management)\s+for|prevention\s+of|"
                                 rf"prophylaxis\s+(?:of|for|against))\s+{_DET}"
                                 r"(?:(?:patients?|women|men|children|subjects)\s+with\s+)?$", re.IGNORECASE))


# The last word before the span (or before its article) that either framing pattern ends on: a cheap necessary
# test, so that the two searches run only where one can match.
_LAST = frozenset(("by", "with", "using", "via", "for", "of", "against"))
_ARTICLES = frozenset(("the", "a", "an"))


def _may_frame(before: str) -> bool:
    """Can ``_MEASURED_BY`` or ``_TREATS`` match ``before``? Both end on a word of ``_LAST``, optionally followed by
    an article, then whitespace."""
    if not before[-1:].isspace():
        return False
    words = before.lower().split()[-2:]
    return bool(words) and (words[-1] in _LAST or (words[-1] in _ARTICLES and len(words) == 2 and words[0] in _LAST))


def framed_not_arm(view: SentenceView, ent: EntityLike) -> bool:
    """Does the sentence frame ``ent`` as the outcome's measuring method or as the condition treated (module
    docstring)?"""
    if off("framed_not_arm"):
        return False
    before = view.between(max(view.start, ent.start - 60), ent.start)
    if _may_frame(before) and (_MEASURED_BY.search(before) or _TREATS.search(before)):
        return True
    return bool(_OPENED_BY.match(view.between(view.start, ent.start))
                and _COMMA_AFTER.match(view.between(ent.end, min(view.end, ent.end + 3))))
