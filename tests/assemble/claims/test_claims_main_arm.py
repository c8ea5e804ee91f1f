"""The main (experimental) arm of an abstract (issue 10, session 12): a title that sets one arm against another
("X versus Y") is about the arm before the cue, whatever title span the abstract mentions most. Real sentences from
an Evidence Inference 2.0 abstract outside the findings gold (../shared/corpora/evidence-inference-v2, PMC 3046916)."""

from claims_helpers import ent, make_record

from claimex.assemble.claims.base import entity_words, sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.design import contrasted

TEXT = ("Cost-effectiveness of cognitive behaviour therapy versus talking and usual care for depressed older people "
        "in primary care. "
        "Whilst evidence suggests cognitive behaviour therapy (CBT) may be effective for depressed older people in a "
        "primary care setting, few studies have examined its cost-effectiveness. "
        "Cost-effectiveness analysis was conducted using non-parametric bootstrapping.")
# the tagger's fragment "Cost-effectiveness" as a title arm, mentioned twice more; the therapy once more
ENTITIES = [("INTERVENTION", "Cost-effectiveness"), ("INTERVENTION", "cognitive behaviour therapy"),
            ("COMPARATOR", "talking"), ("COMPARATOR", "usual care"),
            ("INTERVENTION", "cognitive behaviour therapy (CBT)"), ("INTERVENTION", "cost-effectiveness"),
            ("INTERVENTION", "Cost-effectiveness", 1)]


def test_the_arm_before_versus_is_the_main_one():
    rec = make_record(TEXT, ENTITIES, title=True)
    views = sentence_views(rec)
    assert contrasted(views[0]).id == ent(rec, "cognitive behaviour therapy")
    ctx = InterventionContext()
    ctx.prime(views)
    assert ctx.main == [frozenset(entity_words(contrasted(views[0])))]


def test_a_title_without_a_contrast_keeps_the_arm_mentioned_most():
    rec = make_record(TEXT.replace(" versus talking and usual care", ""), ENTITIES[:2] + ENTITIES[4:], title=True)
    views = sentence_views(rec)
    assert contrasted(views[0]) is None
    ctx = InterventionContext()
    ctx.prime(views)
    assert ctx.main == [entity_words(next(e for e in rec.entities if e.text == "Cost-effectiveness"))]
