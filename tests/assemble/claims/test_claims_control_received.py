"""What a design sentence says the control group received, after the sentence's start, is the named control arm that
a comparison naming none carries (issue 10, session 14, `allocation.control_arm_received`). Real sentences from
../shared (Evidence Inference train abstracts, not in the findings gold), with the shipped tagger's arm spans."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext

# PMC3258705 (title, aim, methods, results)
OESTRADIOL = (
    "The effect of adding oral oestradiol to progesterone as luteal phase support in ART cycles - a randomized "
    "controlled study. "
    "The present study was conducted to evaluate the effect of adding oral oestradiol to progesterone during ART "
    "cycles. "
    "Patients were randomly divided into two groups for luteal phase support: the control group received vaginal "
    "administration of progesterone supplementation alone starting on the day after oocyte retrieval and continued "
    "until the tenth week if the chemical pregnancy test was positive. "
    "In the oestradiol group, 2 mg of oestradiol valerate was initiated orally with progesterone. "
    "There were no significant differences in the mean number of retrieved oocytes, number of transferred embryos, "
    "or chemical and clinical pregnancy rates between the two groups.")
OESTRADIOL_ENTS = [
    ("INTERVENTION", "oral oestradiol"), ("INTERVENTION", "progesterone"), ("INTERVENTION", "ART"),
    ("INTERVENTION", "oral oestradiol", 1), ("INTERVENTION", "progesterone", 1), ("INTERVENTION", "ART", 1),
    ("COMPARATOR", "control"), ("INTERVENTION", "vaginal administration"),
    ("INTERVENTION", "progesterone supplementation alone"),
    ("INTERVENTION", "oestradiol", 3), ("INTERVENTION", "oestradiol valerate"), ("INTERVENTION", "progesterone", 3),
    ("OUTCOME", "mean number of retrieved oocytes"), ("OUTCOME", "clinical pregnancy rates")]


def _oestradiol(received: str = "the control group received"):
    text = OESTRADIOL.replace("the control group received", received)
    rec = make_record(text, OESTRADIOL_ENTS, title=True)
    for k, section in enumerate(["TITLE", "INTRODUCTION", "METHODS", "METHODS", "RESULTS"]):
        rec.sentences[k].section = section
    return rec


def test_the_arm_the_control_group_received_mid_sentence_is_the_named_control():
    rec = _oestradiol()
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    ctx.observe(views[1], "aim", design=True)
    ctx.observe(views[2], None, design=True)
    assert ctx.named_comparator().text == "vaginal administration"


def test_a_comparison_naming_no_arm_carries_it():
    rec = _oestradiol()
    claim = finding_of(rec, "retrieved oocytes", arms="rules")
    assert entity_texts(rec, claim.comparator) == ["vaginal administration"]


def test_a_control_group_with_a_name_of_its_own_is_not_read_so():
    # "the PC control group received antiemetic agents" (the group is named "PC" already): the rule does not fire
    rec = _oestradiol("the ART control group received")
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    for view, ctype in zip(views[:3], (None, "aim", None)):
        ctx.observe(view, ctype, design=True)
    named = ctx.named_comparator()
    assert named is None or named.text != "vaginal administration"
