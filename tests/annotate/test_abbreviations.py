def test_hace_long_form_attached_everywhere(rules_nlp, gold_fixture):
    from claimex.annotate.abbreviations import abbreviation_pairs

    pairs = abbreviation_pairs(rules_nlp(gold_fixture.text))
    shorts = [(a, b) for a, b, s, _ in pairs if s == "HACE"]
    assert len(shorts) == gold_fixture.text.count("HACE") == 4
    assert {lf for *_, lf in pairs} == {"hepatic arterial chemoembolization"}


def test_memory_zone_starts_a_fresh_global_matcher(rules_nlp):
    detector = rules_nlp.get_pipe("claimex_abbreviations")
    before = detector.global_matcher
    with rules_nlp.memory_zone():
        doc = rules_nlp("Hepatic arterial chemoembolization (HACE) was used. HACE worked.")
        pairs = [(a.text, a._.long_form.text) for a in doc._.abbreviations]
    assert ("HACE", "Hepatic arterial chemoembolization") in pairs
    assert detector.global_matcher is not before and len(detector.global_matcher) == 0


def _scispacy_matches(nlp, doc):
    """scispaCy's own bracket pattern ("(" + any token one or more times + ")"), quadratic."""
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    return matcher(doc)


def test_bounded_pattern_gives_scispacys_candidates(rules_nlp, corpora):
    """Issue 14.4: the bounded pattern finds exactly the bracket groups scispaCy's filter keeps (at most 8
    tokens inside), in the same order, on real abstracts and on random bracket soup."""
    import json
    import random

    from claimex.annotate.abbreviations import MAX_INSIDE

    detector = rules_nlp.get_pipe("claimex_abbreviations")
    lines = (corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [" ".join(s["text"] or "" for s in json.loads(line)["abstract_sections"]) for line in lines[:150]]
    rnd = random.Random(14)
    vocab = ["(", ")", "HR", "hazard", "ratio", "CI", "of", "the", "AB", "x", "(", ")"]
    texts += [" ".join(rnd.choice(vocab) for _ in range(80)) for _ in range(100)]
    for text in texts:
        doc = rules_nlp.make_doc(text)
        wanted = [(m, s, e) for m, s, e in _scispacy_matches(rules_nlp, doc) if e - s - 2 <= MAX_INSIDE]
        assert detector.matcher(doc) == wanted


def test_long_text_memory_is_linear(rules_nlp):
    """Issue 14.4: scispaCy's pattern makes O(n^2) candidate matches (every "(" with every later ")"); the
    bounded one makes O(n). 1,000 bracket groups: scispaCy's gives half a million matches, ours under 2,000
    (each group, and each pair of neighbours close enough to fit 8 tokens between the outer brackets)."""
    text = " ".join(f"hazard ratio (HR{k % 50}) was {k}" for k in range(1000))
    doc = rules_nlp.make_doc(text)
    detector = rules_nlp.get_pipe("claimex_abbreviations")
    assert len(detector.matcher(doc)) == 2 * 1000 - 1
    assert len(_scispacy_matches(rules_nlp, doc)) == 1000 * 1001 // 2


def test_same_abbreviations_as_scispacy(rules_nlp, corpora):
    """Issue 14.4: the detector with both linear parts (bracket pattern, ShortFormMatcher) gives exactly
    scispaCy's abbreviations (short form and long form spans; both with claimex's long-form filter) on real
    abstracts, one long concatenation of them, and random bracket soup."""
    import json
    import random
    import warnings

    from scispacy.abbreviation import AbbreviationDetector

    from claimex.annotate.longforms import plausible

    class ScispacyWithOurFilter(AbbreviationDetector):  # the long-form filter is ours on purpose (issue 11)
        def find_matches_for(self, filtered, doc):
            return plausible(super().find_matches_for(filtered, doc))

    ours = rules_nlp.get_pipe("claimex_abbreviations")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scispacy = ScispacyWithOurFilter(rules_nlp)
    lines = (corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [" ".join(s["text"] or "" for s in json.loads(line)["abstract_sections"]) for line in lines[:200]]
    texts.append("\n".join(texts[:60]))
    rnd = random.Random(7)
    vocab = ["(", ")", "HR", "hazard", "ratio", "CI", "confidence", "interval", "of", "the", "AB", "x"]
    texts += [" ".join(rnd.choice(vocab) for _ in range(80)) for _ in range(100)]

    def found(detector, text):
        doc = rules_nlp.make_doc(text)
        doc._.abbreviations = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scispaCy's empty global Matcher warns (W036)
            detector(doc)
        return sorted((a.start, a.end, a._.long_form.start, a._.long_form.end) for a in doc._.abbreviations)

    total = 0
    for text in texts:
        mine = found(ours, text)
        assert mine == found(scispacy, text)
        total += len(mine)
    assert total > 500  # the comparison saw abbreviations, not just empty lists


NESTED = ["a ( b ( c ) d ) e ( f ) g", "( ( x ) )", "( ) ( y ) )", "(a) (b c) ((d)) )", ") ( unclosed",
          "no brackets at all", "", "( " + "w " * 9 + ")", "( " + "w " * 8 + ")"]


def test_parenthesis_matcher_on_nested_and_long_groups(rules_nlp):
    """The ORTH-array scan gives spaCy's Matcher results for scispaCy's pattern, cut at MAX_INSIDE tokens."""
    from claimex.annotate.abbreviations import MAX_INSIDE, ParenthesisMatcher

    ours = ParenthesisMatcher(rules_nlp.vocab)
    for text in NESTED:
        doc = rules_nlp.make_doc(text)
        wanted = [(m, s, e) for m, s, e in _scispacy_matches(rules_nlp, doc) if e - s - 2 <= MAX_INSIDE]
        assert ours(doc) == wanted, text
    assert ours(rules_nlp.make_doc("( ( x ) )")) != []
    assert ours(rules_nlp.make_doc("( " + "w " * 9 + ")")) == []


def test_detector_uses_the_parenthesis_matcher(rules_nlp):
    from claimex.annotate.abbreviations import ParenthesisMatcher

    assert isinstance(rules_nlp.get_pipe("claimex_abbreviations").matcher, ParenthesisMatcher)
