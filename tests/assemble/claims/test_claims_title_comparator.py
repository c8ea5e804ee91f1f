"""The comparison a title sets up is the trial's: a result that names no comparator carries the title's alternative
before arms the abstract names later - not a design adjective ("Placebo-Controlled"), not a mention of the main arm
(issue 10, session 14, `InterventionContext.named_comparator`). Real sentences from ../shared (Evidence Inference train
abstracts, not in the findings gold), with the shipped tagger's arm spans."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.control import design_adjective

# PMC3558647 (title, methods, allocation, a result)
CISATRACURIUM = (
    "Anesthesiologist's satisfaction using between cisatracurium and rocuronium for the intubation in the anesthesia "
    "induced by remifentanil and propofol. "
    "Anesthesia was induced in all patients with propofol 2.0 mg/kg and remifentanil 0.5 µg/kg, administered over 60 "
    "seconds. "
    "Rocuronium 0.9 mg/kg (3 × ED95, R group, n = 23) or cisatracurium 0.15 mg/kg (3 × ED95, C group, n = 29) was "
    "administered after the induction sequence. "
    "The best time to laryngoscopy was predicted by measuring TOF and was found to be significantly longer in the C "
    "group (197 ± 53 s) than in the R group (102 ± 49 s) (P value < 0.05).")
CISATRACURIUM_ENTS = [
    ("OUTCOME", "Anesthesiologist's satisfaction"), ("INTERVENTION", "cisatracurium"), ("INTERVENTION", "rocuronium"),
    ("INTERVENTION", "intubation"), ("INTERVENTION", "anesthesia"), ("INTERVENTION", "remifentanil"),
    ("INTERVENTION", "propofol"), ("INTERVENTION", "Anesthesia"), ("INTERVENTION", "propofol", 1),
    ("INTERVENTION", "remifentanil", 1), ("INTERVENTION", "Rocuronium"), ("INTERVENTION", "cisatracurium", 1),
    ("OUTCOME", "time to laryngoscopy")]

# PMC4218764 (title, allocation)
PARAVERTEBRAL = (
    "Continuous Right Thoracic Paravertebral Block Following Bolus Initiation Reduced Postoperative Pain After "
    "Right-Lobe Hepatectomy: A Randomized, Double-Blind, Placebo-Controlled Trial. "
    "Patients undergoing right-lobe hepatectomy with a right thoracic paravertebral catheter placed at T7 30 minutes "
    "before surgery were randomly assigned to receive through this catheter either a 10-mL bolus of 0.2% ropivacaine "
    "before emergence, followed by a continuous infusion of 6 mL/h for 24 hours (PVB group), or saline at the same "
    "scheme of administration (control group).")
PARAVERTEBRAL_ENTS = [
    ("INTERVENTION", "Continuous Right Thoracic Paravertebral Block"), ("INTERVENTION", "Bolus Initiation"),
    ("OUTCOME", "Postoperative Pain"), ("COMPARATOR", "Placebo-Controlled"), ("INTERVENTION", "right-lobe hepatectomy"),
    ("INTERVENTION", "right thoracic paravertebral catheter placed"), ("INTERVENTION", "surgery"),
    ("INTERVENTION", "ropivacaine"), ("INTERVENTION", "PVB"), ("INTERVENTION", "saline"), ("COMPARATOR", "control")]


def _record(text, ents, sections):
    rec = make_record(text, ents, title=True)
    for k, section in enumerate(sections):
        rec.sentences[k].section = section
    return rec


def test_a_comparison_naming_no_comparator_carries_the_titles_alternative():
    # before: "propofol" of the induction sentence (in every arm) was the latest comparator carried
    rec = _record(CISATRACURIUM, CISATRACURIUM_ENTS, ["TITLE", "METHODS", "METHODS", "RESULTS"])
    claim = next(c for c in claims_of(rec, arms="rules") if c.sentence == 3)
    assert entity_texts(rec, claim.intervention) == ["cisatracurium"]
    assert entity_texts(rec, claim.comparator) == ["rocuronium"]


def test_a_design_adjective_of_the_title_is_not_its_alternative():
    assert design_adjective("Placebo-Controlled")
    assert design_adjective("placebo-controlled comparison") is False
    assert not design_adjective("placebo")
    rec = _record(PARAVERTEBRAL, PARAVERTEBRAL_ENTS, ["TITLE", "METHODS"])
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    ctx.observe(views[1], None, design=True)
    assert ctx.named_comparator().text == "saline"
