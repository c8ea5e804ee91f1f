"""The comparator slot agrees with the comparison decision (issue 10, round 7): a finding decided as a comparison
(increase / decrease / no difference) that names no comparator gets the design's comparator, as a reviewer
resolves it from the design sentence; a single-arm result (positive / negative) keeps none. Real sentences from
../shared (Evidence Inference train abstracts, not in the findings gold)."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.design import same_intervention

# Evidence Inference PMC5737852 (title, design sentence and a results sentence)
KETAMINE = (
    "Factors Influencing the Cardiovascular Response to Subanesthetic Ketamine: A Randomized, Placebo-Controlled "
    "Trial. "
    "Blood pressure and heart rate were monitored during and following administration of a subanesthetic dose of "
    "ketamine or placebo in 68 healthy participants in a double-blind, randomized, controlled, parallel-design "
    "trial. "
    "Systolic and diastolic blood pressure as well as heart rate increased significantly upon ketamine "
    "administration, but without reaching hypertensive levels.")


def _ketamine():
    return make_record(KETAMINE, [
        ("INTERVENTION", "Subanesthetic Ketamine"), ("COMPARATOR", "Placebo-Controlled"),
        ("OUTCOME", "Blood pressure"), ("OUTCOME", "heart rate"), ("INTERVENTION", "ketamine"),
        ("COMPARATOR", "placebo"), ("OUTCOME", "Systolic and diastolic blood pressure"),
        ("OUTCOME", "heart rate", 1), ("INTERVENTION", "ketamine", 1)], title=True)


def test_a_comparison_naming_one_arm_gets_the_design_comparator():
    rec = _ketamine()
    claim = finding_of(rec, "increased significantly upon ketamine", arms="rules")
    ents = {e.id: e.text for e in rec.entities}
    assert claim.direction == "increase"
    assert [ents[i] for i in claim.intervention] == ["ketamine"]
    # the design's alternative ("ketamine or placebo"), carried from the methods sentence
    assert [ents[i] for i in claim.comparator] == ["placebo"]
    assert rec.entities[5].id in claim.inherited



# Evidence Inference PMC3556314 (title, design sentence, two results sentences)
PEMF = (
    "Early application of pulsed electromagnetic field in the treatment of postoperative delayed union of long-bone "
    "fractures: a prospective randomized controlled study. "
    "In this study, the outcomes of postoperative delayed union of long-bone fractures treated with an early "
    "application of PEMF were evaluated as compared with a sham-treated control group. "
    "At the end of the study, PEMF treatment conducted for an average of 4.8 months led to a success rate of 77.4%. "
    "This was significantly higher than the control, which had an average duration of 4.4 months and a success "
    "rate of 48.1%.")


def test_a_sham_treated_arm_is_the_named_control():
    # "sham-treated" is control-worded like "sham": the design's named control, which "the control" resolves to
    rec = make_record(PEMF, [
        ("INTERVENTION", "pulsed electromagnetic field"), ("INTERVENTION", "PEMF"), ("INTERVENTION", "sham-treated"),
        ("COMPARATOR", "control", 1), ("INTERVENTION", "PEMF treatment"), ("OUTCOME", "success rate"),
        ("COMPARATOR", "control", 2), ("OUTCOME", "success rate", 1)], title=True)
    claim = finding_of(rec, "significantly higher than the control", arms="rules")
    assert entity_texts(rec, claim.comparator) == ["sham-treated"]


# Evidence Inference PMC1277845 (design sentence and a results sentence)
WALKING = (
    "Sixteen men performed three activity trials (30, 60, or 90 min of treadmill walking at 50% of their individual "
    "VO2max) and a control trial with no physical activity in a repeated measures crossover design. "
    "Postprandial lipemia (dAUC of triacylglycerol) was, compared to the control trial, +2% (P = 1.00), -14% "
    "(P = 0.24), and -15% (P = 0.23) in the 30, 60, and 90 min walking trials, respectively.")


def test_an_arm_named_by_what_it_lacks_is_the_control():
    # "no physical activity" names the control trial: "the control trial" of the result resolves to it
    rec = make_record(WALKING, [
        ("INTERVENTION", "treadmill walking"), ("COMPARATOR", "control"), ("INTERVENTION", "no physical activity"),
        ("OUTCOME", "Postprandial lipemia"), ("COMPARATOR", "control", 1), ("INTERVENTION", "walking", 1)])
    claim = finding_of(rec, "compared to the control trial", arms="rules")
    assert entity_texts(rec, claim.comparator) == ["no physical activity"]


# Evidence Inference PMC5836873 (title, aim and design sentences, a results sentence)
COMMUNITY = (
    "Community Program Improves Quality of Life and Self-Management in Older Adults with Diabetes Mellitus and "
    "Comorbidity. "
    "To compare the effect of a 6-month community-based intervention with that of usual care on quality of life, "
    "depressive symptoms, anxiety, self-efficacy, self-management, and healthcare costs in older adults with type 2 "
    "diabetes mellitus. "
    "Community-dwelling older adults with T2DM and 2 or more comorbidities randomized into intervention (n = 80) and "
    "control (n = 79) groups (N = 159). "
    "No group differences were seen in PCS score, anxiety, self-efficacy, or total healthcare costs.")


def test_a_control_worded_arm_never_becomes_the_main_intervention():
    # the title and the aim name no active arm ("Program", "intervention": bare labels) beside "usual care": it stays
    # the design's comparator (it was taken as the main intervention), and "control" of the design sentence does
    # not replace it as the comparator a result carries
    rec = make_record(COMMUNITY, [
        ("INTERVENTION", "Program"), ("INTERVENTION", "intervention"), ("INTERVENTION", "usual care"),
        ("INTERVENTION", "intervention", 1), ("COMPARATOR", "control")], title=True)
    ctx = InterventionContext()
    views = sentence_views(rec)
    ctx.prime(views)
    for view, ctype in zip(views[:3], (None, "aim", None)):
        ctx.observe(view, ctype, design=True)
    care = next(e for e in rec.entities if e.text == "usual care")
    assert not ctx.is_main(care)
    assert ctx.named_comparator().model is care  # the views hold plain copies (:mod:`.plain`, session 23)


# Evidence Inference PMC1224861 (title, design sentence, a results sentence)
PUMP = (
    "Coronary artery bypass surgery in high-risk patients. "
    "Patients were assigned to off-pump surgery (40) or on-pump surgery (46) based on coronary anatomy coupled with "
    "the likelihood of achieving complete revascularization. "
    "Differences between the two groups were nonsignificant with regard to number of grafts per patient, mean "
    "duration of surgery, anesthesia and operating room time.")


def test_off_pump_and_on_pump_are_two_arms():
    # "off" marks the other arm like "non" / "no" ("on" is a stop word): the design's alternative is on-pump surgery
    assert not same_intervention(frozenset(["off", "pump", "surgery"]), frozenset(["pump", "surgery"]))
    rec = make_record(PUMP, [
        ("INTERVENTION", "Coronary artery bypass surgery"), ("INTERVENTION", "off-pump surgery"),
        ("INTERVENTION", "on-pump surgery"), ("OUTCOME", "number of grafts")], title=True)
    claim = finding_of(rec, "Differences between the two groups", arms="rules")
    assert entity_texts(rec, claim.comparator) == ["on-pump surgery"]
    assert claim.direction == "no_difference"


# Evidence Inference PMC5140822 (the findings gold's tune half; the design sentence has no methods cue)
RIDING = (
    "The effects of horse riding simulation exercise with blindfolding on healthy subjects' balance and gait. "
    "Thirty subjects were randomly divided into an experimental group (n=15) and a control group (n=15). "
    "The control group took part in the horse riding exercises without a blindfold. "
    "Significant differences in post-training gains in static balance, dynamic balance, and cadence were observed "
    "between the experimental group and the control group.")


def test_what_the_control_group_took_part_in_is_the_named_control():
    rec = make_record(RIDING, [
        ("INTERVENTION", "horse riding simulation exercise with blindfolding"), ("INTERVENTION", "experimental"),
        ("COMPARATOR", "control"), ("COMPARATOR", "control", 1), ("INTERVENTION", "horse riding exercises"),
        ("OUTCOME", "static balance"), ("INTERVENTION", "experimental", 1), ("COMPARATOR", "control", 2)],
        title=True)
    claim = finding_of(rec, "Significant differences in post-training", arms="rules")
    # "the control group" resolves to the arm the design sentence says it took part in, though that arm shares
    # its words with the main intervention
    assert entity_texts(rec, claim.comparator) == ["horse riding exercises"]


# Evidence Inference PMC3702143 (design sentences and a results sentence)
EDUCATION_HBM = (
    "In this interventional study, 84 housewives were randomly divided into two groups. "
    "The study group underwent seven sessions of education based on Health Belief Model. "
    "Control group did not receive the education. "
    "While mean scores of knowledge, attitude and practice were not significantly different before education, the "
    "intervention group showed significantly higher scores after education (p < 0.001).")


def test_what_the_control_group_did_not_receive_is_not_the_control():
    rec = make_record(EDUCATION_HBM, [
        ("INTERVENTION", "education based on Health Belief Model"), ("COMPARATOR", "Control"),
        ("INTERVENTION", "education", 1), ("OUTCOME", "mean scores of knowledge")])
    ctx = InterventionContext()
    views = sentence_views(rec)
    ctx.prime(views)
    for view in views[:3]:
        ctx.observe(view, None, design=view.index < 2)
    assert ctx.control_arms == []
    assert all(e.text != "education" for e in ctx.comparators)


# Evidence Inference PMC5057363 (title, methods and a results sentence; an EI train prompt, not in the findings gold)
ATACICEPT = (
    "Safety and Efficacy of Atacicept in Combination With Rituximab for Reducing the Signs and Symptoms of Rheumatoid "
    "Arthritis: A Phase II, Randomized, Double-Blind, Placebo-Controlled Pilot Trial. "
    "In this randomized, double-blind, placebo-controlled pilot trial, 2 infusions of intravenous rituximab were "
    "followed by once-weekly subcutaneous injections of 150 mg atacicept or placebo for 25 weeks. "
    "Hypersensitivity and injection site reactions were more common, and more patients withdrew due to AEs, in the "
    "atacicept group.")


def test_a_comparative_said_of_one_arm_across_a_comma_list_compares_the_arms():
    rec = make_record(ATACICEPT, [
        ("INTERVENTION", "Atacicept"), ("INTERVENTION", "atacicept", 0), ("COMPARATOR", "placebo", 1),
        ("OUTCOME", "Hypersensitivity"), ("OUTCOME", "injection site reactions"), ("OUTCOME", "AEs"),
        ("INTERVENTION", "atacicept", 1)], title=True)
    claim = finding_of(rec, "were more common")
    # "more common ..., in the atacicept group": more than in the other arm, the design's placebo
    assert claim.direction == "increase"
    assert [e.text for e in rec.entities if e.id in claim.comparator] == ["placebo"]
