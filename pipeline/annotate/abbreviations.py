"""``claimex_abbreviations``: scispaCy's AbbreviationDetector (Schwartz & Hearst) as a claimex component.

Every short form in the doc gets its long form (``HACE`` -> ``hepatic arterial
chemoembolization``), also where the short form appears later without brackets.
Results are scispaCy's ``doc._.abbreviations`` (short-form spans with ``span._.long_form``).
"""

from __future__ import annotations

import contextlib
import warnings
from typing import Iterator

from scispacy.abbreviation import AbbreviationDetector
from spacy.matcher import Matcher
from spacy.language import Language
from spacy.tokens import Doc

from .longforms import plausible

# scispaCy's detector runs a second, deliberately empty Matcher; spaCy warns (W036) on every doc
warnings.filterwarnings("ignore", message=r"\[W036\]")


class ClaimexAbbreviationDetector(AbbreviationDetector):
    """scispaCy's detector with a ``memory_zone``: it adds a pattern to ``global_matcher`` for
    every short form it finds and removes it afterwards, but ``Matcher.remove`` never frees the
    pattern (~1 KB each), so a long batch run grows without bound. A fresh matcher at the end of
    each memory zone (``nlp.memory_zone()``, as ``claimex batch`` uses) keeps a worker flat."""

    def __init__(self, nlp: Language, name: str, make_serializable: bool = False) -> None:
        super().__init__(nlp, name=name, make_serializable=make_serializable)
        self.vocab = nlp.vocab

    def find_matches_for(self, filtered, doc):  # implausible pairs dropped (claimex.annotate.longforms)
        return plausible(super().find_matches_for(filtered, doc))

    @contextlib.contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:  # noqa: ARG002 - spaCy passes its Pool
        try:
            yield
        finally:
            self.global_matcher = Matcher(self.vocab)


@Language.factory(
    "claimex_abbreviations",
    assigns=["doc._.abbreviations"],
    default_config={"make_serializable": False},
)
def make_abbreviation_detector(nlp: Language, name: str, make_serializable: bool) -> AbbreviationDetector:
    return ClaimexAbbreviationDetector(nlp, name=name, make_serializable=make_serializable)


def abbreviation_pairs(doc: Doc) -> list[tuple[int, int, str, str]]:
    """``(start_char, end_char, short, long)`` for every short-form occurrence, sorted."""
    if not Doc.has_extension("abbreviations") or not doc._.abbreviations:
        return []
    out = set()
    for short in doc._.abbreviations:
        long_form = short._.long_form
        if long_form is None:
            continue
        out.add((short.start_char, short.end_char, short.text, long_form.text))
    return sorted(out)
