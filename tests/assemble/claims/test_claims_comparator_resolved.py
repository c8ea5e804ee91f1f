"""How a claim's comparator is resolved from the design (issue 10, round 8): bare control labels with generic words,
"sham X" as the other arm of a trial of X, the arm set against a main alternative, allocation sentences typed as
results, a bracketed count before the alternative, "-ly or" modifier pairs, "X alone", "monotherapy" and stray
comparator spans. Real sentences from ../shared (Evidence Inference train abstracts, not in the findings gold)."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.base import entity_words, sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.design import design_comparators, same_intervention
from claimex.assemble.claims.joined import alone_kept
from claimex.assemble.claims.labels import bare_control
from claimex.assemble.claims.phrases import resolve
from claimex.schema import Entity


def _headed(rec, *sections):
    """The record with PMC section labels on its sentences after the title (as the reader gives them)."""
    for sent, section in zip(rec.sentences[1:], sections):
        sent.section = section
    return rec


def test_a_control_label_with_generic_words_names_no_arm():
    # PMC1971065 "randomized to active or control treatment"; PMC4319071 "than the control intervention"
    assert bare_control("control treatment") and bare_control("the control intervention")
    assert bare_control("the control group") and bare_control("Controls")
    # these name what the control arm got (PMC2888205 "a FM education control (FME) group")
    assert not bare_control("FM education control") and not bare_control("sham tDCS")
    assert not bare_control("conventional management")


def test_a_sham_or_placebo_mention_is_the_other_arm():
    assert not same_intervention(frozenset({"sham", "tdcs"}), frozenset({"tdcs"}))
    assert not same_intervention(frozenset({"placebo", "patch"}), frozenset({"patch"}))
    assert same_intervention(frozenset({"active", "tdcs"}), frozenset({"tdcs"}))


# Evidence Inference PMC4319071 (title, aim and a results sentence)
NUTRITION = (
    "Short- and Medium-Term Efficacy of a Web-Based Computer-Tailored Nutrition Education Intervention for Adults: "
    "Randomized Controlled Trial. "
    "This study evaluated the short- and medium-term efficacy of a cognitive and environmental feedback version of a "
    "Web-based computer-tailored nutrition education intervention on self-reported fruit, vegetable, high-energy "
    "snack, and saturated fat intake compared to generic nutrition information in the total sample. "
    "The basic version resulted in a larger decrease in saturated fat intake than the control intervention "
    "(T1: ES=-0.19; T2: ES=-0.17).")


def test_a_tagged_control_intervention_resolves_to_the_named_control_arm():
    rec = make_record(NUTRITION, [
        ("INTERVENTION", "Web-Based Computer-Tailored Nutrition Education Intervention"),
        ("INTERVENTION", "Web-based computer-tailored nutrition education intervention"),
        ("COMPARATOR", "generic nutrition information"), ("OUTCOME", "saturated fat intake", 1),
        ("INTERVENTION", "basic version"), ("COMPARATOR", "control intervention")], title=True)
    _headed(rec, "OBJECTIVE", "RESULTS")
    claim = finding_of(rec, "larger decrease in saturated fat", arms="rules")
    assert entity_texts(rec, claim.comparator) == ["generic nutrition information"]


# Evidence Inference PMC2856148 (title, objective, design and a results sentence)
NIV = (
    "Role of noninvasive ventilation in weaning from mechanical ventilation in patients of chronic obstructive "
    "pulmonary disease: An Indian experience. "
    "To evaluate the role of Noninvasive ventilation (NIV) in weaning patients of chronic obstructive pulmonary "
    "disease (COPD) from MV, after T piece trial failure. "
    "After T-piece failure, defined as pH < 7.35, PaCO2 >50 mmHg, patients were randomized to receive either NIV or "
    "PSV. "
    "Lesser number of deaths in the NIV group at discharge from ICU (3 vs. 5 patients, respectively), it did not "
    "achieve statistical significance (P > 0.05).")


def test_the_design_alternative_is_carried_as_the_named_comparator():
    # "either NIV or PSV" in a trial of noninvasive ventilation: PSV is the comparator a result sentence that names
    # only "the NIV group" carries
    rec = make_record(NIV, [
        ("INTERVENTION", "noninvasive ventilation"), ("INTERVENTION", "Noninvasive ventilation (NIV)", 0, None),
        ("INTERVENTION", "NIV", 1), ("INTERVENTION", "PSV")], title=True)
    ctx = InterventionContext()
    views = sentence_views(rec)
    ctx.prime(views)
    for k, view in enumerate(views):
        ctx.observe(view, "aim" if k == 1 else None, design=k in (0, 1, 2))
    assert ctx.named_comparator().text == "PSV"


# Evidence Inference PMC2447617's design sentence with its control arm replaced by an active one written first (no
# sentence of that shape outside the findings gold was found: the gold's own is "allocated to receive either
# idarubicin or mitoxantrone" in a trial of mitoxantrone)
PROGESTERONE = (
    "Progesterone in severe traumatic brain injury: a randomized trial. "
    "The patients were randomized to receive either dexamethasone or progesterone. ")


def test_an_alternative_that_names_the_main_arm_hands_the_role_to_the_arm_before_it():
    rec = make_record(PROGESTERONE, [
        ("INTERVENTION", "Progesterone"), ("INTERVENTION", "dexamethasone"),
        ("INTERVENTION", "progesterone")], title=True)
    view = sentence_views(rec)[1]
    ents = view.label("INTERVENTION")
    raw = design_comparators(view, ents)
    assert raw == {"E3"}  # "or progesterone": the main intervention, as written
    ctx = InterventionContext(main=[entity_words(rec.entities[0])])
    assert ctx._against_main(ents, raw) == {"E2"}


def test_a_bracketed_count_before_the_alternative_still_marks_it():
    # Evidence Inference abstracts 2 (a tune abstract's shape): "either received (n = 50) the PAPP ... or (n = 50)
    # they received health education"; here PMC4319071's arms with its counts
    text = ("Participants either received (n = 456) the basic version for three months or (n = 434) they received "
            "generic nutrition information.")
    rec = make_record(text, [("INTERVENTION", "basic version"), ("INTERVENTION", "generic nutrition information")])
    view = sentence_views(rec)[0]
    assert design_comparators(view, view.label("INTERVENTION")) == {"E2"}


def test_two_modifiers_of_one_head_are_not_two_arms():
    # PMC3612585: "... chemotherapy (CINV) of either moderate or highly emetogenic potential"; the title form
    text = ("Randomized trial of APF530 versus palonosetron in patients receiving moderately or highly emetogenic "
            "chemotherapy.")
    rec = make_record(text, [("INTERVENTION", "APF530"), ("INTERVENTION", "palonosetron"),
                             ("INTERVENTION", "highly emetogenic chemotherapy")])
    view = sentence_views(rec)[0]
    assert design_comparators(view, view.label("INTERVENTION")) == {"E2"}


def test_alone_is_kept_on_a_single_agent_span_only():
    # PMC3883373 conclusion; PMC4763470 aim ("... consumption alone or at the same time": each on its own)
    text = ("The consumption of probiotic and antibiotics in children with RUTI is safe and more effective in reducing "
            "the incidence of febrile UTI in comparison to prophylactic antibiotics alone. "
            "The aim was an investigation of the effects of C. ficifolia and probiotic yogurt consumption alone or at "
            "the same time on blood glucose.")
    rec = make_record(text, [("INTERVENTION", "prophylactic antibiotics"),
                             ("INTERVENTION", "C. ficifolia and probiotic yogurt consumption")])
    alone_kept(rec)
    assert [e.text for e in rec.entities] == ["prophylactic antibiotics alone",
                                              "C. ficifolia and probiotic yogurt consumption"]
    assert rec.text[rec.entities[0].start:rec.entities[0].end] == "prophylactic antibiotics alone"
    single = make_record("Comparison of propofol alone and in combination with ketamine or fentanyl for sedation.",
                         [("INTERVENTION", "propofol")])
    alone_kept(single)
    assert single.entities[0].text == "propofol"  # given in every arm


def test_monotherapy_resolves_to_the_single_agent_arm():
    alone = Entity(id="E1", label="INTERVENTION", start=0, end=15, text="docetaxel alone")
    combo = Entity(id="E2", label="INTERVENTION", start=20, end=44, text="sunitinib plus docetaxel")
    ctx = InterventionContext(comparators=[alone], interventions=[combo, alone])
    assert resolve(ctx, "monotherapy", None) == (alone, "C")


# Constructed on the shape of a tune-half abstract (no sentence of that shape outside the findings gold was found):
# the comparator is "chemotherapy of physician's choice (TPC)"; a later "prior chemotherapy" is a mention of it by
# its words but sets no arm against the intervention (the abbreviation finder expands "TPC" as "treatment of
# physician's choice", as it did there)
STRAY = (
    "Olaparib versus chemotherapy of physician's choice in metastatic breast cancer. "
    "Patients were randomized to olaparib or chemotherapy of physician's choice (TPC). "
    "HR for OS with olaparib versus TPC in subgroups were: prior chemotherapy, 0.51 (95% CI 0.29-0.90).")


def test_a_cued_comparator_keeps_the_slot_from_stray_spans():
    rec = make_record(STRAY, [
        ("INTERVENTION", "Olaparib"), ("INTERVENTION", "chemotherapy of physician's choice"),
        ("INTERVENTION", "olaparib"), ("INTERVENTION", "chemotherapy of physician's choice", 1),
        ("OUTCOME", "OS"), ("INTERVENTION", "olaparib", 1),
        ("INTERVENTION", "TPC", 1, "treatment of physician's choice"), ("INTERVENTION", "chemotherapy", 2)],
        title=True)
    _headed(rec, "METHODS", "RESULTS")
    claim = finding_of(rec, "HR for OS", arms="rules")
    assert entity_texts(rec, claim.comparator) == ["TPC"]


# Evidence Inference PMC5863413 (title, aim, the control group's sentence); then a methods sentence of the same
# abstract that names a control-worded span that is no arm ("non-responders" written for the shape of a tune
# abstract's "the non-stained nodes in the control group")
PROPOLIS = (
    "To Evaluate the Efficacy of Topical Propolis in the Management of Symptomatic Oral Lichen Planus: A Randomized "
    "Controlled Trial. "
    "This study aims to evaluate the efficacy of topical propolis in the management of OLP. "
    "The patients in the control group received triamcinolone acetonide 0.1% (topical application) while the "
    "patients in the study group received propolis gel. "
    "Both the groups were evaluated for pain and erythema in non-responders at baseline.")


def test_what_the_control_group_received_is_the_carried_comparator():
    rec = make_record(PROPOLIS, [
        ("INTERVENTION", "Topical Propolis"), ("INTERVENTION", "topical propolis"),
        ("INTERVENTION", "triamcinolone acetonide"), ("INTERVENTION", "propolis gel"),
        ("INTERVENTION", "non-responders")], title=True)
    ctx = InterventionContext()
    views = sentence_views(rec)
    ctx.prime(views)
    for k, view in enumerate(views):
        ctx.observe(view, "aim" if k == 1 else None, design=True)
    assert [e.text for e in ctx.control_arms] == ["triamcinolone acetonide"]
    assert ctx.named_comparator().text == "triamcinolone acetonide"
