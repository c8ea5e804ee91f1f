"""Session 32's direction fixes, on real sentences from ../shared: a trend towards any change is not significant
(claims/significance.py ``_MORE_LESS``), the delayed phase of nausea and vomiting is a name, not a delay
(claims/polarity.py ``NOT_A_CUE``), and an outcome named as a harm's absence is not harmful (claims/harms.py
``HARM_OBJECT``)."""

from claims_helpers import claims_of, make_record, significance_of

from claimex.assemble.claims.harms import harmful
from claimex.assemble.claims.polarity import cue_direction


def test_a_trend_towards_any_change_is_not_significant():
    # Evidence Inference 3258678 (findings gold, tune; GUIDELINES, Findings: a "trend" is significant: false)
    assert significance_of("However, there was only a trend towards slowing of decline on the ADAS-cog.") is False
    # outside-gold Evidence Inference abstracts 165418 and 20736298 (claimex extract, session 32)
    assert significance_of("There was also a trend for superior efficacy of paroxetine in investigator-rated anxiety.") is False
    assert significance_of("Exploratory analyses demonstrate a trend toward a survival advantage.") is False
    # a trend that was tested significant stays significant; no trend word, no change
    assert significance_of("There was a significant trend towards longer survival (p for trend = 0.01).") is True
    assert significance_of("Survival was longer with X.") is None


def test_a_trend_sentence_gives_no_difference():
    text = ("Patients were randomised to donepezil or placebo. "
            "However, there was only a trend towards slowing of decline on the ADAS-cog.")
    rec = make_record(text, [("INTERVENTION", "donepezil"), ("COMPARATOR", "placebo"), ("OUTCOME", "ADAS-cog")])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "no_difference" and claim.significant is False


def test_the_delayed_phase_is_no_cue():
    # PICO-Corpus 26562292 (findings gold, tune): "in the delayed period" names the CINV phase; the nearest cue of
    # "no vomiting" had been "delayed" (a decrease word)
    text = ("Significantly more patients in the RMG group reported no vomiting (87.1% vs 78.0%; P < .001) "
            "in the delayed period.")
    start = text.index("no vomiting")
    masked = text[:start] + " " * len("no vomiting") + text[start + len("no vomiting"):]
    spans = [(text.index("RMG"), text.index("RMG") + 3, "I"), (start, start + len("no vomiting"), "O")]
    assert cue_direction(masked, spans, "no vomiting")[0] == "increase"
    assert cue_direction(masked.replace("in the delayed period", "and delayed recovery"), spans,
                         "no vomiting")[0] == "decrease"  # a delay said of something is still a cue


def test_an_outcome_named_as_a_harms_absence_is_not_harmful():
    assert harmful("vomiting") and harmful("nausea")
    assert not harmful("no vomiting") and not harmful("no nausea") and not harmful("without rescue medication")
    assert harmful("nausea and no vomiting")  # a harm named outside the absence still counts
    # outside-gold PICO-Corpus 31500422 (claimex extract, session 32): more patients free of nausea with olanzapine
    text = ("Patients were randomised to olanzapine or placebo. "
            "In the overall period, 30.0% and 0% of patients reported no nausea in the olanzapine and placebo groups "
            "respectively (P=0.009).")
    rec = make_record(text, [("INTERVENTION", "olanzapine"), ("COMPARATOR", "placebo"), ("OUTCOME", "no nausea"),
                             ("INTERVENTION", "olanzapine", 1), ("COMPARATOR", "placebo", 1)])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "increase"


def test_two_head_counts_of_the_arms_give_the_order():
    # outside-gold PICO-Corpus 30973790's shape: "12 patients" parses as a sample size, the bare "16" after it as a
    # count; both are head counts, so their order decides (GUIDELINES, Findings: arm values without a test)
    text = ("Patients were randomised to tamoxifen or placebo. "
            "Serious adverse events occurred in 12 patients with tamoxifen and 16 with placebo.")
    rec = make_record(text, [("INTERVENTION", "tamoxifen"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "Serious adverse events"), ("INTERVENTION", "tamoxifen", 1),
                             ("COMPARATOR", "placebo", 1)])
    rec.sentences[1].section = "RESULTS"
    assert [m.kind for m in rec.measures] == ["sample_size", "count"]
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "decrease" and claim.significant is None
