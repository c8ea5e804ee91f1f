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
