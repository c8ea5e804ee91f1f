"""A result said of both arms, each with its own figures, in a sentence that names no arm (issue 10, session 21,
:mod:`claimex.assemble.claims.botharms`). A real abstract from ../shared (EvidenceMap PubMed 10993031, an OPEN tune
abstract of the findings gold: not the report half), with the entities the shipped tagger gives it (populations left
out). Its sentence "Significant reductions (p < 0.05) in cross-linked N-telopeptide ... were also observed in both
groups, -24.4 +/- 6.5 % and -39.5 +/- 8.6 %, respectively" names no arm; before the rule it gave one single-arm
finding, of the carried arm only."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.switches import without

TEXT = "".join((
    'Sublingual administration of micronized estradiol and progesterone , with and without micronized testosterone : effect on biochemical markers of bone metabolism and bone mineral density . '
    'The purpose of this investigation was to evaluate the relative efficacy of the sublingual administration of micronized estradiol ( E2 ) , progesterone ( P4 ) , and testosterone ( T ) on bone mineral density and biochemical markers of bone metabolism . '
    'In this double-blind , prospective study , postmenopausal women were randomly assigned to one of four treatment groups : hysterectomized women were assigned to either 1 ) micronized E2 ( 0.5 mg ) or 2 ) micronized E2 ( 0.5 mg ) + micronized T ( 1.25 mg ) . '
    'Women with intact uteri were assigned to either 3 ) micronized E2 ( 0.5 mg ) + micronized P4 ( 100 mg ) or 4 ) micronized E2 ( 0.5 mg ) + micronized P4 ( 100 mcg ) + micronized T ( 1.25 mg ) . '
    'For the purpose of this study , the four treatment groups were combined into two groups for all comparisons . '
    'The E2 and E2+P4 groups were combined into the HRT alone group ( n=30 ) , and the E2+T and E2+P4+T groups were combined into the HRT + T group ( n=27 ) . '
    'Hormones were administered sublingually as a single tablet twice a day for 12 months . '
    'Bone mineral density was measured in the anterior-posterior lumbar spine and total left hip via dual energy x-ray absorptiometry . '
    'Bone metabolism was assessed via serum bone-specific alkaline phosphatase and urinary deoxypyridinoline and cross-linked N-telopeptide of type I collagen , both normalized to creatinine . '
    "Data were analyzed via a repeated measures analysis of variance and a Student 's t test ( alpha=0.05 ) . "
    'The subjects were of similar age ( 54.0 +/- 0.8 years ) , height ( 64.0 +/- 0.3 in ) , weight ( 157.6 +/- 4.2 lb ) , and had similar baseline follicle-stimulating hormone ( 66.4 +/- 3.2 mIU/L ) , E2 ( 26.4 +/- 1.5 pg/ml ) , P4 ( 0.3 +/- 0.1 ng/ml ) , total T ( 19.0 +/- 1.5 ng/dL ) , and bioavailable T ( 3.7 +/- 0.3 ng/dL ) levels . '
    'During therapy , serum levels increased ( p < 0.05 ) for each hormone . '
    'Bone mineral density and bone markers at baseline were similar for each treatment group . '
    'Bone-specific alkaline phosphatase decreased ( p < 0.05 ) by -14.3 +/- 4.1 % in the HRT alone group and by -8.2 +/- 4.6 % in the HRT + T group . '
    'Deoxypyridinoline levels decreased significantly in the HRT alone and HRT + T groups , - 14.4 +/- 6.8 % and -26.9 +/- 7.6 % , respectively . '
    'Significant reductions ( p < 0.05 ) in cross-linked N-telopeptide of type I collagen were also observed in both groups , -24.4 +/- 6.5 % and -39.5 +/- 8.6 % , respectively . '
    'Bone mineral density in the lumbar spine increased ( p < 0.05 ) by +2.2 +/- 0.5 % the HRT alone group and by + 1.8 +/- 0.6 % in the HRT + T group . '
    'Total hip bone mineral density was maintained in the HRT alone group ( +0.4 +/- 0.4 % ) and increased ( p < 0.05 ) in the HRT + T group ( + 1.8 +/- 0.5 % ) . '
    'Sublingual micronized HRT favorably decreases serum and urine markers of bone metabolism , prevents bone loss , and results in a slight increase in spine and hip bone mineral density . '
    'Although the addition of testosterone to HRT for 1 year did not result in added benefit to the spine bone mineral density , it did result in a significant increase in hip bone mineral density . '
    'Longer duration of therapy may have further improved these outcomes . '
))
ENTS = [
    ("INTERVENTION", 'micronized estradiol'),
    ("INTERVENTION", 'progesterone'),
    ("INTERVENTION", 'micronized testosterone'),
    ("OUTCOME", 'biochemical markers of bone metabolism'),
    ("OUTCOME", 'bone mineral density'),
    ("OUTCOME", 'relative efficacy of the sublingual administration'),
    ("INTERVENTION", 'micronized estradiol ( E2 )'),
    ("INTERVENTION", 'progesterone', 1),
    ("OUTCOME", 'testosterone ( T )'),
    ("OUTCOME", 'bone mineral density', 1),
    ("OUTCOME", 'biochemical markers of bone metabolism', 1),
    ("INTERVENTION", 'micronized E2'),
    ("INTERVENTION", 'micronized E2', 1),
    ("INTERVENTION", 'micronized T'),
    ("INTERVENTION", 'micronized E2', 2),
    ("INTERVENTION", 'micronized', 7),
    ("INTERVENTION", 'micronized E2', 3),
    ("INTERVENTION", 'micronized', 9),
    ("INTERVENTION", 'micronized T', 1),
    ("INTERVENTION", 'HRT alone'),
    ("INTERVENTION", 'HRT + T'),
    ("OUTCOME", 'Bone mineral density'),
    ("OUTCOME", 'anterior-posterior lumbar spine'),
    ("OUTCOME", 'total left'),
    ("OUTCOME", 'Bone metabolism'),
    ("OUTCOME", 'serum bone-specific alkaline phosphatase and urinary deoxypyridinoline and cross-linked N-telopeptide of type I collagen'),
    ("OUTCOME", 'normalized to creatinine'),
    ("OUTCOME", 'height'),
    ("OUTCOME", 'weight'),
    ("OUTCOME", 'baseline follicle-stimulating hormone'),
    ("OUTCOME", 'total T'),
    ("OUTCOME", 'bioavailable T'),
    ("OUTCOME", 'serum levels'),
    ("OUTCOME", 'Bone mineral density', 1),
    ("OUTCOME", 'bone markers at baseline'),
    ("OUTCOME", 'Bone-specific alkaline phosphatase'),
    ("INTERVENTION", 'HRT alone', 1),
    ("INTERVENTION", 'HRT + T', 1),
    ("OUTCOME", 'Deoxypyridinoline levels'),
    ("INTERVENTION", 'HRT alone', 2),
    ("INTERVENTION", 'HRT + T', 2),
    ("OUTCOME", 'cross-linked N-telopeptide of type I collagen', 1),
    ("OUTCOME", 'Bone mineral density in the lumbar spine'),
    ("INTERVENTION", 'HRT alone', 3),
    ("INTERVENTION", 'HRT + T', 3),
    ("OUTCOME", 'Total hip bone mineral density'),
    ("INTERVENTION", 'HRT alone', 4),
    ("INTERVENTION", 'HRT + T', 4),
    ("INTERVENTION", 'micronized HRT'),
    ("OUTCOME", 'serum and urine markers of bone metabolism'),
    ("OUTCOME", 'prevents bone loss'),
    ("OUTCOME", 'spine', 2),
    ("OUTCOME", 'hip bone mineral density', 1),
    ("INTERVENTION", 'testosterone to HRT'),
    ("OUTCOME", 'spine', 3),
    ("OUTCOME", 'bone mineral density', 4),
    ("OUTCOME", 'hip bone mineral density', 2),
    ("OUTCOME", 'Longer duration'),
]
BOTH = "Significant reductions ( p < 0.05 ) in cross-linked N-telopeptide"


def _arms_of(rec, opening):
    return [entity_texts(rec, c.intervention) for c in claims_of(rec)
            if c.text.startswith(opening) and c.type == "finding"]


def test_both_groups_with_each_arms_figures_give_the_design_comparator_its_own_finding():
    rec = make_record(TEXT.strip(), ENTS, title=True)
    arms = _arms_of(rec, BOTH)
    assert len(arms) == 2 and ["HRT alone"] in arms


def test_without_the_rule_the_carried_arm_alone():
    rec = make_record(TEXT.strip(), ENTS, title=True)
    with without("each_arm_valued"):
        assert len(_arms_of(rec, BOTH)) == 1


def test_one_figure_for_both_groups_stays_one_finding():
    # "observed in both groups (p < 0.05)": no figures of each arm - the GUIDELINES' one finding
    text = TEXT.replace(", -24.4 +/- 6.5 % and -39.5 +/- 8.6 % , respectively .", ".")
    rec = make_record(text.strip(), ENTS, title=True)
    assert len(_arms_of(rec, BOTH)) == 1
