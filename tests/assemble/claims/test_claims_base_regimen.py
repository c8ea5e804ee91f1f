"""The regimen every arm gets is no comparator (issue 10, session 16): in a design sentence whose other arm is a
placebo / sham ("X or placebo in addition to Y"), the arm after "in addition to" / "added to" / "as add-on to" /
"as an adjunct(ive treatment) to" is the base every arm receives, not the alternative the allocation sets up. Real sentences from ../shared (Evidence Inference abstracts, not in the findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.design import design_comparators

# evidence-inference-abstracts 3688436 (title, a methods sentence, a result that names no arm)
DONEPEZIL = (
    "A randomized, 4-week double-blind placebo control study on the efficacy of donepezil augmentation of lithium "
    "for treatment of acute mania. "
    "Eligible subjects were randomly assigned to receive donepezil or placebo in addition to lithium. "
    "The total YMRS difference on the first day approached the conventional significance level "
    "(1.97 units, t = 1.84, P = 0.07).")
DONEPEZIL_ENTS = [
    ("COMPARATOR", "placebo control"), ("INTERVENTION", "donepezil augmentation"), ("INTERVENTION", "lithium"),
    ("INTERVENTION", "donepezil", 1), ("COMPARATOR", "placebo", 1), ("INTERVENTION", "lithium", 1),
    ("OUTCOME", "total YMRS difference")]

# evidence-inference-abstracts 4224669 (the title and the aim)
QUETIAPINE = (
    "Lithium as add-on to quetiapine XR in adult patients with acute mania: a 6-week, multicenter, double-blind, "
    "randomized, placebo-controlled study. "
    "This randomized study evaluated the efficacy and safety of lithium or placebo as add-on to quetiapine XR in "
    "adult patients with manic or mixed symptoms of bipolar I disorder.")
QUETIAPINE_ENTS = [
    ("INTERVENTION", "Lithium"), ("INTERVENTION", "quetiapine XR"), ("COMPARATOR", "placebo-controlled"),
    ("INTERVENTION", "lithium"), ("COMPARATOR", "placebo", 1), ("INTERVENTION", "quetiapine XR", 1)]


def _alternatives(text, ents, k):
    rec = make_record(text, ents, title=True)
    view = sentence_views(rec)[k]
    found = design_comparators(view, view.label("INTERVENTION", "COMPARATOR"))
    return sorted(e.text for e in rec.entities if e.id in found)


def test_the_base_regimen_after_in_addition_to_is_no_alternative():
    # placebo is the comparator by its control word; lithium, which every arm gets, is set up as nothing
    assert "lithium" not in _alternatives(DONEPEZIL, DONEPEZIL_ENTS, 1)


def test_the_base_regimen_after_as_add_on_to_is_no_alternative():
    assert "quetiapine XR" not in _alternatives(QUETIAPINE, QUETIAPINE_ENTS, 1)


# pico-corpus 30523750 (the title): no placebo arm - letrozole alone is the other arm (A) of the trial
PALLET = ("Randomized Phase II Study Evaluating Palbociclib in Addition to Letrozole as Neoadjuvant Therapy in "
          "Estrogen Receptor-Positive Early Breast Cancer: PALLET Trial.")
PALLET_ENTS = [("INTERVENTION", "Palbociclib"), ("INTERVENTION", "Letrozole"), ("INTERVENTION", "Neoadjuvant Therapy")]


def test_without_a_placebo_arm_the_base_of_an_add_on_stays_the_alternative():
    assert "Letrozole" in _alternatives(PALLET, PALLET_ENTS, 0)


def test_an_allocated_arm_after_to_is_still_the_alternative_of_a_comparison():
    # "comparing X to Y": the "to" of a comparison still sets up the alternative
    text = "Trial. This study compared singing classes to usual care in older adults."
    ents = [("INTERVENTION", "singing classes"), ("COMPARATOR", "usual care")]
    assert _alternatives(text, ents, 1) == ["usual care"]


def test_a_result_naming_no_arm_carries_the_placebo_not_the_base_regimen():
    rec = make_record(DONEPEZIL, DONEPEZIL_ENTS, title=True)
    rec.sentences[1].section = "METHODS"
    rec.sentences[2].section = "RESULTS"
    claim = next(c for c in claims_of(rec, arms="rules") if "YMRS" in c.text)
    assert entity_texts(rec, claim.comparator) == ["placebo"]
