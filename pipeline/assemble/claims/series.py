"""A result of a series of one arm that names a second treatment (issue 10, session 20; docs/claims-rounds.md section
34.2).

GUIDELINES (Findings, comparator): "Null only for single-arm findings (within-group change, uncontrolled series, a
harm stated for one arm without comparison)". In an abstract that names no controlled design and whose design sets up
no other arm before the sentence, :func:`.decision.decide` already judges a result that names no comparator and
compares nothing in words. The same holds for a sentence that names a second mention on the comparator side when
no word sets the two apart and the sentence says a change, polarity words or a negation of the outcome (``decide``
asks :func:`.decision.judge`; a result merely counted or observed - values set side by side - stays a comparison of
the values, as everywhere): a series of one arm has no other arm, so the second mention is a subgroup, a setting, a
dose or a method ("As for sKL, mKL increased TRPV5 current density", PubMed 25378396; "The results suggest that oral
and transdermal glutathione supplementation may have some benefit", EBM-NLP 22129897). Words that set two mentions
apart (:func:`sets_apart`): the between-arm words of :func:`.sides.between_word` ("than", "versus", "differ",
"superior to", ...; :func:`.significance.compares_arms` is asked by the caller), a comparative of degree not against
the start (:func:`.sides.compared_in_degree`), a contrast of one mention with the other ("Telmisartan, but not
losartan, significantly reduced ...", "whereas", ", while", "unlike", "in contrast"), a superlative ("the highest
accuracy") and an equality of degree ("as high as").
"""

from __future__ import annotations

import re

from .sides import between_word, compared_in_degree

__all__ = ["CONTRAST", "sets_apart"]

#: a contrast of one mention with another ("X, but not Y, reduced", "whereas", ", while", "unlike", "in contrast to"),
#: a superlative among them ("was associated with the highest accuracy") or an equality of degree ("x 300 as high as
#: EGF alone")
CONTRAST = re.compile(r"\bbut\s+not\b|\bwhereas\b|,\s*while\b|\bunlike\b|\bin\s+contrast\b|"
                      r"\b(?:highest|lowest|greatest|best|worst|largest|smallest|longest|shortest)\b|"
                      r"\bas\s+(?:high|low|great|large|small|long|short|much|many|effective|good)\s+as\b",
                      re.IGNORECASE)


def sets_apart(masked: str) -> bool:
    """Do the words of ``masked`` (the sentence with its role entities blanked) set two mentions apart: a between-arm
    word, a comparative of degree not against the start, a contrast or a superlative (:data:`CONTRAST`)?"""
    return between_word(masked) or compared_in_degree(masked) or bool(CONTRAST.search(masked))
