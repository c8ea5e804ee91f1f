"""The experimental arm as the results report it (issue 10, session 13, :mod:`claimex.assemble.claims.reported`).
Real sentences from ../shared (PICO-Corpus 25462702, not in the findings gold), with the entities the shipped
tagger gives them: the title's arms are the sealant and, wrongly, "wound" (of "wound serous drainage")."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.reported import reported_arm
from claimex.assemble.claims.switches import without

SEALANT = (
    "The effects of low-thrombin fibrin sealant on wound serous drainage, seroma formation and length of "
    "postoperative stay in patients undergoing axillary node dissection for breast cancer. "
    "Our aim was to assess the efficacy of a new low-thrombin fibrin glue in reducing the serous output from the "
    "axillary surgical wound in patients undergoing axillary node dissection for breast cancer, and its long-term "
    "effects on lymphedema. "
    "Thirty patients received Artiss®(Baxter, UK) fibrin glue plus drainage, and 30 drainage alone. "
    "Patients who received fibrin glue had reduced serum output collected in the drain after surgery "
    "(94.3 ± 22.4 vs 176 ± 24.6 ml p < 0.001). "
    "Incidence of seroma at 4-week follow-up did not differ between groups.")
SEALANT_ENTS = [
    ("INTERVENTION", "low-thrombin fibrin sealant"), ("INTERVENTION", "wound"), ("INTERVENTION", "drainage"),
    ("OUTCOME", "seroma formation and length of postoperative stay"), ("INTERVENTION", "axillary node dissection"),
    ("INTERVENTION", "low-thrombin fibrin glue"), ("OUTCOME", "serous output"), ("INTERVENTION", "wound", 1),
    ("INTERVENTION", "fibrin glue plus drainage"), ("INTERVENTION", "drainage alone"),
    ("INTERVENTION", "fibrin glue", 2), ("OUTCOME", "serum output"), ("OUTCOME", "Incidence of seroma")]


def _claims():
    rec = make_record(SEALANT, SEALANT_ENTS, title=True)
    return rec, claims_of(rec, arms="rules")


def test_a_result_that_names_no_arm_carries_the_arm_the_results_compare():
    rec, claims = _claims()
    seroma = next(c for c in claims if c.text.startswith("Incidence of seroma"))
    assert entity_texts(rec, seroma.intervention) == ["fibrin glue"]
    assert entity_texts(rec, seroma.comparator) == ["drainage alone"]


def test_without_the_rule_it_carried_the_title_fragment():
    with without("carry_reported"):
        rec, claims = _claims()
    seroma = next(c for c in claims if c.text.startswith("Incidence of seroma"))
    assert entity_texts(rec, seroma.intervention) != ["fibrin glue"]


def test_no_reported_arm_when_two_arms_are_compared_equally_often():
    rec, claims = _claims()
    by_id = {e.id: e for e in rec.entities}
    assert [e.text for e in reported_arm(claims, by_id)] == ["fibrin glue"]
    glue = next(c for c in claims if c.text.startswith("Patients who received"))
    other = glue.model_copy(update={"intervention": [next(e.id for e in rec.entities if e.text == "drainage")],
                                    "inherited": []})
    assert reported_arm([*claims, other], by_id) == []


def test_an_adverse_effect_that_names_no_arm_carries_it_too():
    # the harm sentence is PICO-Corpus 17154160's (also a trial whose results name the arm the title does not carry)
    text = SEALANT + " The incidence of treatment-emergent adverse events was similar between groups."
    ents = [*SEALANT_ENTS, ("OUTCOME", "incidence of treatment-emergent adverse events")]
    rec = make_record(text, ents, title=True)
    harm = next(c for c in claims_of(rec, arms="rules") if c.type == "adverse_effect")
    assert entity_texts(rec, harm.intervention) == ["fibrin glue"]
    rec = make_record(text, ents, title=True)
    with without("carry_reported"):
        harm = next(c for c in claims_of(rec, arms="rules") if c.type == "adverse_effect")
    assert entity_texts(rec, harm.intervention) != ["fibrin glue"]
