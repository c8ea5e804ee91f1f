"""The arms of a result sentence that names both (issue 10, session 13): a two-letter arm label written again
untagged (claims/arms.py ``_re_mentions``). Sentences and tagger spans are real: an Evidence Inference train
abstract (not in the findings gold), cut to the sentences the rule reads."""

from claims_helpers import claims_of, make_record

from claimex.assemble.claims.arms import _short_label
from claimex.assemble.claims.switches import without

# PMC4752820: four arms named by two-letter labels in the allocation sentence; the result sentence tags only "PP"
SUPPLEMENT = (
    "Effects of a New Metabolic Conditioning Supplement on Perioperative Metabolic Stress and Clinical Outcomes: A "
    "Randomized, Placebo-Controlled Trial. "
    "Using the balanced block randomization method, the patients were allocated to one of four study arms: 1) SP "
    "(supplement/placebo): supplement seven days before and placebo 30 days after the surgery; 2) PS: placebo "
    "before and supplement after the surgery; 3) SS: supplement before and after the surgery; and 4) PP: placebo "
    "before and after the surgery. "
    "Blood glucose levels were increased postoperatively in the four groups (< 0.001), but a significantly higher "
    "increase occurred in the PP group compared to the SP (0.027), PS (0.026), and SS (0.004) groups.")
SUPPLEMENT_SPANS = [
    ("INTERVENTION", "Metabolic Conditioning Supplement"), ("COMPARATOR", "Placebo-Controlled"),
    ("INTERVENTION", "SP"), ("INTERVENTION", "PS"), ("INTERVENTION", "SS"), ("INTERVENTION", "PP"),
    ("OUTCOME", "Blood glucose levels"), ("INTERVENTION", "PP", 1), ("OUTCOME", "PS", 1)]


def _glucose_claim():
    rec = make_record(SUPPLEMENT, SUPPLEMENT_SPANS, title=True)
    ents = {e.id: e.text for e in rec.entities}
    claim = next(c for c in claims_of(rec, arms="rules")
                 if c.sentence == 2 and any(ents[i] == "Blood glucose levels" for i in c.outcome))
    return [ents[i] for i in claim.intervention], [ents[i] for i in claim.comparator]


def test_two_letter_labels_in_capitals_only():
    assert _short_label("SP") and _short_label("TU")
    assert not _short_label("to") and not _short_label("Sp") and not _short_label("5F") and not _short_label("IFN")


def test_an_untagged_two_letter_label_is_the_arm_it_names():
    intervention, comparator = _glucose_claim()
    assert "PP" in intervention
    assert comparator == ["SP"]  # "compared to the SP (0.027)": the arm the sentence names
    with without("short_label"):
        _, comparator = _glucose_claim()
    assert comparator == ["Placebo-Controlled"]  # without the rule: the title's placebo is carried
