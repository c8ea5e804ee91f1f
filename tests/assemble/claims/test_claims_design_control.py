"""Which control arm the design recognises, so that a comparison whose sentence names none carries it (issue 10,
session 11). Real sentences from ../shared (Evidence Inference train abstracts, not in the findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.control import control_worded

# PMC4763470
FICIFOLIA = (
    "Effect of Cucurbita ficifolia and Probiotic Yogurt Consumption on Blood Glucose in Type 2 Diabetes. "
    "Control of blood sugar, hypertension, and dyslipidemia are key factors in diabetes management. "
    "Eighty eligible participants randomly were assigned to four groups: 1 - green C. ficifolia (100 g); "
    "2 - probiotic yogurt (150 g); 3 - C. ficifolia plus probiotic yogurt (100 g C. ficifolia plus 150 g yogurt); "
    "and 4 -control (dietary advice) for 8 weeks. "
    "Total cholesterol (TC) decreased significantly in yogurt and yogurt plus C. ficifolia groups "
    "compared with the other groups (P < 0.001).")
FICIFOLIA_ENTS = [
    ("INTERVENTION", "Cucurbita ficifolia and Probiotic Yogurt Consumption"), ("INTERVENTION", "Control"),
    ("INTERVENTION", "green C. ficifolia"), ("INTERVENTION", "probiotic yogurt"),
    ("INTERVENTION", "C. ficifolia plus probiotic yogurt"), ("INTERVENTION", "-control (dietary advice)"),
    ("INTERVENTION", "yogurt and yogurt plus C. ficifolia"), ("OUTCOME", "Total cholesterol (TC)")]


def _ficifolia():
    rec = make_record(FICIFOLIA, FICIFOLIA_ENTS, title=True)
    for k, section in enumerate(["TITLE", "BACKGROUND", "METHODS", "RESULTS"]):
        rec.sentences[k].section = section
    return rec


def test_a_span_opening_with_a_list_dash_is_read_without_it():
    assert control_worded("-control (dietary advice)")
    assert control_worded("–placebo")
    assert not control_worded("-dietary advice")
    assert not control_worded("placebo-controlled")


def test_a_background_sentence_sets_up_no_comparator():
    # "Control of blood sugar" of a background sentence is no arm of the trial; the methods' list item
    # "4 -control (dietary advice)" is its control arm
    rec = _ficifolia()
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    ctx.observe(views[1], "background")
    assert ctx.named_comparator() is None
    ctx.observe(views[2], None, design=True)
    assert ctx.named_comparator().text == "-control (dietary advice)"


def test_a_compared_result_carries_the_listed_control_arm():
    rec = _ficifolia()
    claim = next(c for c in claims_of(rec, arms="rules") if "Total cholesterol" in c.text)
    assert entity_texts(rec, claim.comparator) == ["-control (dietary advice)"]


# PMC3261693
IMPLANT = (
    "Post-cataract outcomes in patients with noninfectious posterior uveitis treated with the fluocinolone "
    "acetonide intravitreal implant. "
    "Eyes were either implanted with a 0.59- or a 2.1-mg FA implant, or, in the case of affected fellow eyes, "
    "received standard-of-care local treatment. "
    "Severity of vitreous haze was less in implanted than non-implanted eyes at 3 months postoperatively "
    "(P = 0.0005).")


def test_standard_of_care_written_with_hyphens_is_control_worded():
    assert control_worded("standard-of-care local treatment")
    assert control_worded("standard of care")
    assert not control_worded("a gold standard-of-measurement")


def test_a_compared_result_carries_the_standard_of_care_arm():
    rec = make_record(IMPLANT, [("INTERVENTION", "fluocinolone acetonide intravitreal implant"),
                                ("INTERVENTION", "FA implant"), ("INTERVENTION", "standard-of-care local treatment"),
                                ("OUTCOME", "Severity of vitreous haze")], title=True)
    rec.sentences[1].section = "PARTICIPANTS AND CONTROLS"
    rec.sentences[2].section = "RESULTS"
    claim = next(c for c in claims_of(rec, arms="rules") if "vitreous haze" in c.text)
    assert entity_texts(rec, claim.comparator) == ["standard-of-care local treatment"]


# PMC5976899
MULLIGAN = (
    "The Effect of Mulligan Mobilization Technique in Older Adults with Neck Pain: A Randomized Controlled, "
    "Double-Blind Study. "
    "Forty-two older adults with NP were included in the study, and they were randomly divided into two groups: "
    "traditional physiotherapy (TP) group and traditional physiotherapy-Mulligan mobilization (TPMM) group. "
    "When comparing effects of these two treatment programs, it was observed that the TPMM group had a better "
    "outcome (p < 0.05) in terms of ROM, kinesiophobia, depression, and QoL.")
MULLIGAN_ENTS = [
    ("INTERVENTION", "Mulligan Mobilization Technique"), ("INTERVENTION", "traditional physiotherapy (TP)"),
    ("INTERVENTION", "traditional physiotherapy-Mulligan mobilization (TPMM)"), ("INTERVENTION", "TPMM", 1),
    ("OUTCOME", "ROM")]


def _mulligan():
    rec = make_record(MULLIGAN, MULLIGAN_ENTS, title=True)
    rec.sentences[1].section = "METHODS"
    rec.sentences[2].section = "RESULTS"
    return rec


def test_the_base_regimen_of_an_add_on_arm_is_the_allocated_control():
    rec = _mulligan()
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    ctx.observe(views[1], None, design=True)
    assert ctx.named_comparator().text == "traditional physiotherapy (TP)"
    claim = next(c for c in claims_of(rec, arms="rules") if "TPMM group had" in c.text)
    assert entity_texts(rec, claim.comparator) == ["traditional physiotherapy (TP)"]


def test_no_base_when_the_added_word_negates_or_is_a_shared_head():
    # "Sensor" / "Sensor Off" (PMC3483098): the arm with "off" is the control, not the base "Sensor";
    # "STRE or flexibility (FLEX) exercises" (PMC3961245): "exercises" is the head the arms share
    for text, ents in (
            ("Randomized to Sensor On or Sensor Off. Patients were randomized to Sensor or Sensor Off use.",
             [("INTERVENTION", "Sensor", 2), ("INTERVENTION", "Sensor Off", 1)]),
            ("Strengthening exercises in fibromyalgia. Eighty sedentary women were randomly selected to participate "
             "in STRE or flexibility (FLEX) exercises in a blinded controlled trial.",
             [("INTERVENTION", "STRE", 0, "strengthening exercises"), ("INTERVENTION", "flexibility"),
              ("INTERVENTION", "FLEX"), ("INTERVENTION", "exercises", 1)])):
        rec = make_record(text, ents, title=True)
        views = sentence_views(rec)
        ctx = InterventionContext()
        ctx.observe(views[1], None, design=True)
        assert all(c.text not in ("Sensor", "exercises") for c in ctx.comparators)
