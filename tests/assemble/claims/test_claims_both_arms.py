"""A change said of every arm of the design, named one by one after "both", is a change within each arm
(GUIDELINES, Findings: "improved in both groups" is single-arm; issue 10, round 7): one single-arm finding per arm
named (or one of the span the tagger joined), no comparator carried. Real sentences from ../shared (Evidence
Inference abstracts that are neither in the findings gold nor among the EI prompts)."""

from claims_helpers import claims_of, make_record

# Evidence Inference PMC5800236 (title, design, a results sentence)
NNBT = (
    "A Long-Term Follow-Up of the Efficacy of Nature-Based Therapy for Adults Suffering from Stress-Related "
    "Illnesses on Levels of Healthcare Consumption and Sick-Leave Absence: A Randomized Controlled Trial. "
    "The study investigates the long-term efficacy of the Nacadia nature-based therapy (NNBT) by comparing it to "
    "the efficacy of a validated cognitive behavioral therapy, called STreSS. "
    "The results show that both the NNBT and the STreSS lead to a significant decrease in number of contacts with a "
    "general practitioner in the period from twelve months prior to treatment to twelve months after treatment.")

# Evidence Inference PMC3937058 (title, design, a results sentence; the tagger joins the two arms in one span)
AFIX = (
    "Comparing in-person and webinar delivery of an immunization quality improvement program: a process evaluation "
    "of the adolescent AFIX trial. "
    "In 2011, we randomly assigned 61 high-volume primary care clinics in North Carolina to receive an in-person or "
    "webinar AFIX consultation focused on adolescent immunization. "
    "Both in-person and webinar clinics showed sustained improvement in confidence to use reminder/recall systems "
    "(both p < 0.05).")


def _results(rec, words):
    return [c for c in claims_of(rec) if words in c.text and c.type == "finding"]


def test_both_arms_named_after_both_give_one_single_arm_finding_each():
    rec = make_record(NNBT, [
        ("INTERVENTION", "Nature-Based Therapy"), ("INTERVENTION", "Nacadia nature-based therapy (NNBT)"),
        ("INTERVENTION", "cognitive behavioral therapy"), ("INTERVENTION", "STreSS"),  # as the tagger marks them
        ("INTERVENTION", "NNBT", 1), ("INTERVENTION", "STreSS", 1),
        ("OUTCOME", "number of contacts")], title=True)
    claims = _results(rec, "both the NNBT and the STreSS")
    arms = sorted(rec.entities[int(c.intervention[0][1:]) - 1].text for c in claims)
    assert arms == ["NNBT", "STreSS"]
    # fewer contacts with a general practitioner is favourable: a positive change within each arm
    assert all(c.comparator == [] and c.direction == "positive" for c in claims)


def test_arms_the_tagger_joined_after_both_are_one_single_arm_finding():
    rec = make_record(AFIX, [
        ("INTERVENTION", "in-person and webinar delivery"), ("INTERVENTION", "in-person"),
        ("COMPARATOR", "webinar AFIX consultation"), ("INTERVENTION", "in-person and webinar clinics"),
        ("OUTCOME", "confidence to use reminder/recall systems")], title=True)
    (claim,) = _results(rec, "Both in-person and webinar clinics")
    assert claim.comparator == [] and (claim.direction, claim.significant) == ("positive", True)


def test_both_doses_against_a_placebo_stay_comparisons():
    # the arms after "both" are not the design's (the placebo is not among them): each dose against placebo
    text = ("Efficacy and safety of canagliflozin in patients with type 2 diabetes: a randomised, placebo-controlled "
            "trial. Patients were randomised to canagliflozin 100 mg, canagliflozin 300 mg or placebo. "
            "Both canagliflozin 100 and 300 mg reduced HbA1c at week 26 (p < 0.05).")
    rec = make_record(text, [
        ("INTERVENTION", "canagliflozin"), ("INTERVENTION", "canagliflozin 100 mg"),
        ("INTERVENTION", "canagliflozin 300 mg"), ("COMPARATOR", "placebo", 1),
        ("INTERVENTION", "canagliflozin 100"), ("INTERVENTION", "300 mg", 1), ("OUTCOME", "HbA1c")], title=True)
    claims = _results(rec, "Both canagliflozin")
    assert claims and all(c.direction in ("increase", "decrease", "no_difference") for c in claims)


# Evidence Inference PMC4280366 (title, aim, design, a results sentence; not in the findings gold)
RAGT = (
    "Effect of Robotic-Assisted Gait Training in Patients With Incomplete Spinal Cord Injury. "
    "To determine the effect of robotic-assisted gait training (RAGT) compared to conventional overground training. "
    "Sixty patients with motor incomplete spinal cord injury (SCI) were included in a prospective, randomized "
    "clinical trial by comparing RAGT to conventional overground training. "
    "At the end of rehabilitation, both groups showed significant improvement in LEMS, AMI, SCIM3-M, and WISCI-II.")


def _ragt():
    return make_record(RAGT, [
        ("INTERVENTION", "Robotic-Assisted Gait Training"), ("INTERVENTION", "robotic-assisted gait training (RAGT)"),
        ("COMPARATOR", "conventional overground training"), ("INTERVENTION", "RAGT", 1),
        ("COMPARATOR", "conventional overground training", 1),
        ("OUTCOME", "LEMS"), ("OUTCOME", "AMI"), ("OUTCOME", "SCIM3-M"), ("OUTCOME", "WISCI-II")], title=True)


def test_improvement_in_both_groups_is_one_single_arm_finding_per_arm():
    # judged within the arms ("both groups showed significant improvement") while the design's comparator is
    # carried: no comparator beside a positive direction, and the other arm gets its own single-arm finding
    for arms in (None, "rules"):  # with the shipped arm ranker and without it
        rec = _ragt()
        claims = _results(rec, "both groups showed")
        names = sorted(rec.entities[int(c.intervention[0][1:]) - 1].text for c in claims)
        assert names == ["conventional overground training", "robotic-assisted gait training (RAGT)"], arms
        assert all(c.comparator == [] and (c.direction, c.significant) == ("positive", True) for c in claims)
        assert all(len(c.outcome) == 4 for c in claims)
