"""The detector's per-doc steps on token texts (``abbreviations.filter_matches``, ``short_form_ok``,
``find_abbreviation``, ``ClaimexAbbreviationDetector.__call__`` / ``find_matches_for``) give what scispaCy's own
functions give on the same docs: candidates, letter matches and the abbreviations set on the doc, in order."""

from __future__ import annotations

import random

import scispacy.abbreviation as sci
from scispacy.abbreviation import AbbreviationDetector

from claimex.annotate.abbreviations import (
    ClaimexAbbreviationDetector,
    _Texts,
    filter_matches,
    find_abbreviation,
)
from claimex.annotate.longforms import plausible


def _texts(pubmed_abstracts) -> list[str]:
    out = [f"{title}\n{body}" for _, title, body in pubmed_abstracts[:300]]
    rnd = random.Random(16)
    pieces = ["(", ")", "HACE", "hepatic", "arterial", "chemoembolization", "IL-6", "a", "of", "(n = 3)", "CI",
              "95%", "confidence interval", " ", "  ", "\n", "Pts", "x", "AB", "ab1", "(IL-6)", "((", "))"]
    out += [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(3, 40))) for _ in range(400)]
    return out


def _spans(pairs):
    return [(a.start, a.end, b.start, b.end) for a, b in pairs]


def test_steps_on_token_texts_equal_scispacys(rules_nlp, pubmed_abstracts):
    detector = rules_nlp.get_pipe("claimex_abbreviations")
    found = 0
    for text in _texts(pubmed_abstracts):
        doc = rules_nlp.make_doc(text)
        matches = [(k, s + 1, e - 1) for k, s, e in detector.matcher(doc)]
        ours, theirs = filter_matches(matches, doc), sci.filter_matches(matches, doc)
        assert _spans(ours) == _spans(theirs), text
        texts = _Texts(doc)
        for long_c, short_c in theirs:
            s1, l1 = find_abbreviation(long_c, short_c, texts)
            s2, l2 = sci.find_abbreviation(long_c, short_c)
            assert s1 == s2 and (l1 is None) == (l2 is None), text
            if l1 is not None:
                assert (l1.start, l1.end) == (l2.start, l2.end) and texts.of(l1) == l2.text
                found += 1
        for span in (doc[0:len(doc)], doc[1:3] if len(doc) > 3 else doc[0:0]):
            assert texts.of(span) == span.text
    assert found > 100


class _Reference(ClaimexAbbreviationDetector):
    """The detector as it was: scispaCy's ``__call__`` and ``find_matches_for`` (Token objects), then plausible."""

    __call__ = AbbreviationDetector.__call__

    def find_matches_for(self, filtered, doc):
        return plausible(AbbreviationDetector.find_matches_for(self, filtered, doc))


def test_detector_sets_the_abbreviations_scispacy_sets(rules_nlp, pubmed_abstracts):
    ours = rules_nlp.get_pipe("claimex_abbreviations")
    reference = _Reference(rules_nlp, name="reference")
    n = 0
    for text in _texts(pubmed_abstracts):
        # the same Doc for both (a set of Spans iterates in an order that depends on the Doc's hash)
        doc = ours(rules_nlp.make_doc(text))
        got = [(s.start, s.end, s._.long_form.start, s._.long_form.end) for s in doc._.abbreviations]
        doc._.abbreviations = []
        reference(doc)
        assert got == [(s.start, s.end, s._.long_form.start, s._.long_form.end) for s in doc._.abbreviations], text
        n += len(got)
    assert n > 200
    assert len(ours.global_matcher) == 0  # every rule removed after its doc
