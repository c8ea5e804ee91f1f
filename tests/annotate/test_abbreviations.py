def test_hace_long_form_attached_everywhere(rules_nlp, gold_fixture):
    from pipeline.annotate.abbreviations import abbreviation_pairs

    pairs = abbreviation_pairs(rules_nlp(gold_fixture.text))
    shorts = [(a, b) for a, b, s, _ in pairs if s == "HACE"]
    assert len(shorts) == gold_fixture.text.count("HACE") == 4
    assert {lf for *_, lf in pairs} == {"hepatic arterial chemoembolization"}
