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
