"""The main (experimental) arm of an abstract (issue 10, session 12): the first aim's arm carried where no design
sentence names the title's arm, and "usual" / "routine" arms as controls. Real sentences from abstracts outside the
findings gold (../shared: PICO-Corpus, Evidence Inference 2.0)."""

from claims_helpers import ent, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.control import is_control

# PICO-Corpus 20124183 (not in the findings gold): the title's arm is a fragment of its apposition ("dimerization
# inhibitor"), which no later design sentence names; the aim names the trial's arm
PERTUZUMAB = ("Open-label, phase II, multicenter, randomized study of the efficacy and safety of two dose levels of "
              "Pertuzumab, a human epidermal growth factor receptor 2 dimerization inhibitor, in patients with human "
              "epidermal growth factor receptor 2-negative metastatic breast cancer. "
              "The aim of this phase II trial was to assess the antitumor activity and safety profile of pertuzumab "
              "monotherapy in patients with HER2-negative metastatic breast cancer. "
              "In arm A (n = 41), two patients had partial responses, and 18 patients (44%) experienced stable "
              "disease (SD) lasting > or = 12 weeks.")


def test_a_result_naming_no_arm_carries_the_aims_arm_when_no_design_sentence_names_the_titles():
    rec = make_record(PERTUZUMAB, [("INTERVENTION", "dimerization inhibitor"), ("INTERVENTION", "pertuzumab monotherapy"),
                                   ("OUTCOME", "antitumor activity and safety"), ("OUTCOME", "partial responses")],
                      title=True)
    claim = finding_of(rec, "partial responses")
    assert claim.intervention == [ent(rec, "pertuzumab monotherapy")]


def test_the_aims_arm_is_not_what_the_effect_is_measured_on():
    # PMC 4920563 (Evidence Inference train): the tagger read the outcome of "the effect of ejaculation on serum
    # prostate-specific antigen (PSA)" as an arm; the title's arm stays the carried one
    text = ("Effect of ejaculation on Serum Prostate-Specific Antigen concentration. "
            "To evaluate the effect of ejaculation on serum prostate-specific antigen (PSA) concentrations in patients "
            "with lower urinary tract symptom (LUTS).")
    rec = make_record(text, [("INTERVENTION", "ejaculation"), ("INTERVENTION", "prostate-specific antigen")], title=True)
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    ctx.observe(views[1], "aim", design=True)
    assert [e.id for e in ctx.carried()] == [ent(rec, "ejaculation")]


def test_an_arm_worded_as_usual_or_routine_is_the_control():
    # PMC 5858078 (Evidence Inference train): "usual home care (control)" is the control arm the control group got
    text = ("Effectiveness of MI Paste Plus and Remin Pro on remineralization and color improvement of "
            "postorthodontic white spot lesions. "
            "The participants were randomly assigned into three groups by treatment: (1) a 12-week regimen of a cream "
            "containing casein phosphopeptide-amorphous calcium phosphate and fluoride (MI Paste Plus); (2) a 12-week "
            "regimen of a cream containing hydroxyapatite and fluoride (Remin Pro); and (3) usual home care (control). "
            "Over a 3-month period, the application of both MI Paste Plus and Remin Pro caused significantly greater "
            "reduction in area and significantly higher increase in mineral content of WSLs compared to the control "
            "group (P < 0.05).")
    rec = make_record(text, [("INTERVENTION", "MI Paste Plus and Remin Pro"),
                             ("INTERVENTION", "cream containing casein phosphopeptide-amorphous calcium phosphate and "
                                              "fluoride (MI Paste Plus)"),
                             ("INTERVENTION", "cream containing hydroxyapatite and fluoride (Remin Pro)"),
                             ("INTERVENTION", "usual home care"), ("COMPARATOR", "control"),
                             ("INTERVENTION", "MI Paste Plus and Remin Pro", 1), ("OUTCOME", "mineral content of WSLs"),
                             ("COMPARATOR", "control", 1)], title=True)
    assert is_control(next(e for e in rec.entities if e.text == "usual home care"))
    assert not is_control(next(e for e in rec.entities if e.text.startswith("cream containing hydroxyapatite")))
    claim = finding_of(rec, "mineral content")
    assert claim.comparator == [ent(rec, "usual home care")]
