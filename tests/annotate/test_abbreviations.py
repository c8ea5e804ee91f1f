import pytest


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


# -- ParenthesisMatcher: scispaCy's candidate Matcher, same matches in the same order ----------------------
def _spacy_parenthesis_matcher(vocab):
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
    return matcher


NESTED = [
    "a ( b ( c ) d ) e ( f ) g",
    "( ( x ) )",
    "( ) ( y ) )",
    "(a) (b c) ((d)) )",
    ") ( unclosed",
    "no brackets at all",
    "",
]


def test_parenthesis_matcher_equals_spacy_matcher_on_nested_brackets(rules_nlp):
    from claimex.annotate.abbreviations import ParenthesisMatcher

    ours, spacy_matcher = ParenthesisMatcher(rules_nlp.vocab), _spacy_parenthesis_matcher(rules_nlp.vocab)
    for text in NESTED:
        doc = rules_nlp.make_doc(text)
        assert ours(doc) == spacy_matcher(doc), text
    assert ours(rules_nlp.make_doc("( ( x ) )")) != []


def test_parenthesis_matcher_equals_spacy_matcher_on_real_abstracts(rules_nlp, corpora):
    import json

    from claimex.annotate.abbreviations import ParenthesisMatcher

    ours, spacy_matcher = ParenthesisMatcher(rules_nlp.vocab), _spacy_parenthesis_matcher(rules_nlp.vocab)
    path = corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl"
    n = matched = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            text = " ".join(s["text"] for s in r.get("abstract_sections") or [])
            doc = rules_nlp.make_doc(f"{r.get('title') or ''}\n{text}")
            expected = spacy_matcher(doc)
            assert ours(doc) == expected, r["pmid"]
            n += 1
            matched += bool(expected)
    assert n > 500 and matched > 100


def test_detector_uses_the_parenthesis_matcher(rules_nlp):
    from claimex.annotate.abbreviations import ParenthesisMatcher

    assert isinstance(rules_nlp.get_pipe("claimex_abbreviations").matcher, ParenthesisMatcher)


# -- ShortFormMatcher: scispaCy's global matcher (exact short-form token sequences) ---------------------------
def test_short_form_matcher_equals_spacy_matcher_on_crafted_patterns(rules_nlp):
    from claimex.annotate.abbreviations import ShortFormMatcher
    from spacy.matcher import Matcher

    ours, theirs = ShortFormMatcher(rules_nlp.vocab), Matcher(rules_nlp.vocab)
    for key, pattern in (("k1", ["A"]), ("k2", ["B", "C"]), ("k3", ["C"]), ("k0", ["X", "B", "C"]), ("k4", ["Z"])):
        for m in (ours, theirs):
            m.add(key, [[{"ORTH": t} for t in pattern]])
    for text in ("A B C A X B C C A", "C C C", "X B", "", "B C B C X B C"):
        doc = rules_nlp.make_doc(text)
        assert ours(doc) == theirs(doc), text
    for m in (ours, theirs):
        m.remove("k2")
    doc = rules_nlp.make_doc("A B C A X B C C A")
    assert ours(doc) == theirs(doc) and len(ours) == len(theirs) == 4
    with pytest.raises(ValueError):
        ours.remove("k2")
    with pytest.raises(ValueError):
        ours.add("k5", [[{"LOWER": "a"}]])


def test_short_form_matcher_equals_spacy_matcher_inside_the_detector(rules_nlp, corpora):
    """Run the detector on real abstracts with a ShortFormMatcher that checks every call against spaCy's."""
    import json

    from claimex.annotate.abbreviations import ShortFormMatcher
    from spacy.matcher import Matcher

    calls = []

    class Checked(ShortFormMatcher):
        def __init__(self, vocab):
            super().__init__(vocab)
            self.real = Matcher(vocab)

        def add(self, key, patterns):
            super().add(key, patterns)
            self.real.add(key, patterns)

        def remove(self, key):
            super().remove(key)
            self.real.remove(key)

        def __call__(self, doc):
            ours = super().__call__(doc)
            assert ours == (self.real(doc) if len(self.real) else [])
            calls.append(len(ours))
            return ours

    detector = rules_nlp.get_pipe("claimex_abbreviations")
    saved = detector.global_matcher
    detector.global_matcher = Checked(rules_nlp.vocab)
    try:
        with open(corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl", encoding="utf-8") as fh:
            texts = [" ".join(s["text"] for s in json.loads(line).get("abstract_sections") or []) for line in fh]
        for _ in rules_nlp.pipe(t for t in texts if t):
            pass
    finally:
        detector.global_matcher = saved
    assert len(calls) > 500 and sum(calls) > 1000
