"""Direction and significance rules of issue 10, round 3, each on a real sentence of an Evidence Inference
2.0 *train* abstract (../shared/corpora/evidence-inference); PMC ids in the comments."""

from claims_helpers import finding_of, make_record

from claimex.assemble.claims.polarity import _hits


def test_compound_cue_needs_exactly_one_comparative():
    # PMC4756971: "lower and longer" are two cues (one per outcome), not one compound whose signs multiply
    hits = _hits("the first analgesic demand were significantly lower and longer in study group", harmful=False)
    assert [h[2] for h in hits] == [-1, 1]
    assert [h[2] for h in _hits("greater reduction", harmful=False)] == [-1]


def test_reference_arm_after_its_value():
    # PMC5866829: the placebo group follows "compared with 2.6 ± 2.9 times per week in": it is the reference
    text = ("Japanese patients with chronic constipation were randomized to receive elobixibat (5, 10, or 15 mg) or "
            "placebo once daily for 2 weeks. In the 10- and 15-mg groups, frequency of spontaneous bowel movements "
            "(±standard deviation) were significantly higher than baseline (5.7 ± 4.2 and 5.6 ± 3.5 times per week, "
            "respectively, compared with 2.6 ± 2.9 times per week in the placebo group [P = 0.0005, P = 0.0001, "
            "respectively]).")
    rec = make_record(text, [("INTERVENTION", "elobixibat"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "frequency of spontaneous bowel movements"), ("COMPARATOR", "placebo", 1)])
    claim = finding_of(rec, "significantly higher")
    assert claim.direction == "increase" and claim.significant is True
