"""Three or more arms stated together: one finding per arm the results compare with the reference arm (issue 10,
session 20, :mod:`claimex.assemble.claims.allarms`). Real sentences from ../shared: Evidence Inference train PMC
5771543 (not in the findings gold; its prompts are "desvenlafaxine vs placebo" and "fluoxetine vs placebo"), title,
aim, design and three result sentences of its text, with the entities the shipped tagger gives them."""

from claims_helpers import claims_of, entity_texts, make_record

import claimex.assemble.claims as claims_pkg
from claimex.assemble.claims.allarms import TOGETHER

DESV = (
    "Desvenlafaxine Versus Placebo in a Fluoxetine-Referenced Study of Children and Adolescents with Major "
    "Depressive Disorder. "
    "To evaluate the short-term efficacy and safety of desvenlafaxine (25–50\u2009mg/d) compared with placebo in "
    "children and adolescents with major depressive disorder (MDD). "
    "Outpatient children (7–11 years) and adolescents (12–17 years) who met DSM-IV-TR criteria for MDD were randomly "
    "assigned to 8-week treatment with placebo, desvenlafaxine (25, 35, or 50\u2009mg/d based on baseline weight), or "
    "fluoxetine (20\u2009mg/d). "
    "At week 8, the CGI-I response rate for fluoxetine (78.2%) was significantly greater compared with placebo "
    "(62.6%; p\u2009=\u20090.017). "
    "Week 8 CGI-I response rate for desvenlafaxine (68.7%) was also greater than placebo, although this comparison "
    "did not reach statistical significance (p\u2009=\u20090.343). "
    "The change from baseline in CDRS-R over the 8-week treatment phase was similar for the three arms.")
DESV_ENTS = [
    ("INTERVENTION", "Desvenlafaxine"), ("COMPARATOR", "Placebo"),
    ("POPULATION", "Fluoxetine-Referenced Study of Children and Adolescents with Major Depressive Disorder"),
    ("OUTCOME", "efficacy and safety"), ("INTERVENTION", "desvenlafaxine"), ("COMPARATOR", "placebo"),
    ("POPULATION", "children and adolescents with major depressive disorder (MDD)"),
    ("COMPARATOR", "placebo", 1), ("INTERVENTION", "desvenlafaxine", 1), ("OUTCOME", "baseline weight"),
    ("INTERVENTION", "fluoxetine"),
    ("OUTCOME", "CGI-I response rate"), ("INTERVENTION", "fluoxetine", 1), ("COMPARATOR", "placebo", 2),
    ("OUTCOME", "Week 8 CGI-I response rate"), ("INTERVENTION", "desvenlafaxine", 2), ("COMPARATOR", "placebo", 3),
    ("OUTCOME", "change from baseline in CDRS-R")]


def _pairs(rec, claims):
    last = len(rec.sentences) - 1
    return sorted((tuple(entity_texts(rec, c.intervention)), tuple(entity_texts(rec, c.comparator)), c.direction)
                  for c in claims if c.sentence == last)


def test_three_arms_stated_together_give_one_finding_per_arm_against_the_reference():
    rec = make_record(DESV, DESV_ENTS, title=True)
    assert _pairs(rec, claims_of(rec, arms="rules")) == [
        (("desvenlafaxine",), ("placebo",), "no_difference"), (("fluoxetine",), ("placebo",), "no_difference")]


def test_without_the_rule_the_sentence_gives_the_main_pair_only(monkeypatch):
    monkeypatch.setattr(claims_pkg, "split_all_arms", lambda record, claims, ctx: claims)
    rec = make_record(DESV, DESV_ENTS, title=True)
    assert [p[0] for p in _pairs(rec, claims_of(rec, arms="rules"))] == [("desvenlafaxine",)]


def test_a_sentence_of_two_arms_is_not_split():
    # "similar for both arms" / "between the groups" may be said of two arms: the rule needs three or more
    text = DESV.replace("similar for the three arms", "similar between the groups")
    rec = make_record(text, DESV_ENTS, title=True)
    assert len(_pairs(rec, claims_of(rec, arms="rules"))) == 1


def test_what_states_three_or_more_arms_together():
    # Evidence Inference train / PICO-Corpus sentences (not in the findings gold)
    assert TOGETHER.search("The three treatments also showed similar improvements in the Quality of Life Enjoyment "
                           "and Satisfaction Questionnaire.")
    assert TOGETHER.search("Among patients who completed treatment, all three psychotherapies were associated with "
                           "similar, meaningful improvements in depression.")
    assert TOGETHER.search("Rates of treatment-emergent adverse events were comparable among treatment groups "
                           "(desvenlafaxine, 60.0%; placebo, 70.5%; and fluoxetine, 64.3%).")
    assert not TOGETHER.search("A similar proportion of women in both study groups had maternal morbidities.")
    assert not TOGETHER.search("No substantial difference was noted in tube patency ratio in the 2 groups (P = .646).")
    assert not TOGETHER.search("Maternal health outcomes and side effects of treatment were also similar between "
                               "treatment groups.")
