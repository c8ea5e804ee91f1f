"""A no difference said of one outcome alone is that outcome's result, not the other coordinated outcome's (issue 10,
session 16; ``claims/owned.py``, docs/claims-rounds.md section 30.4). Real sentences from ../shared (Evidence Inference train
abstracts outside the findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.owned import nulls_of, own_null, own_span

# Evidence Inference PMC4332717 (a conclusion: three outcomes, each with its own result word)
THREE = ("In comparison to patients included in the Flu-TBI arm, patients included in the TLI-ATG arm had lower "
         "incidence of chronic GVHD, higher incidence of relapse and similar OS.")
# Evidence Inference PMC3571894
TWO = ("Compared with BuCy, BuFlu as a myeloablative condition regimen was associated with lower toxicities and "
       "comparable anti-leukemic activity in AML-CR1 patients undergoing allo-HSCT.")
# Evidence Inference PMC4772687
TESTED = ("Cal/BD aerosol foam demonstrates significantly greater efficacy and similar tolerability compared with "
          "Cal/BD ointment for psoriasis treatment.")


def _results(text, entities):
    rec = make_record(text, entities)
    rec.sentences[0].section = "RESULTS"
    return rec, {tuple(entity_texts(rec, c.outcome)): (c.direction, c.significant) for c in claims_of(rec, model=None)}


def _at(text, words):
    start = text.index(words)
    return start, start + len(words)


def test_the_null_word_is_read_in_the_outcomes_own_stretch():
    assert own_null(TWO, *_at(TWO, "anti-leukemic activity"))
    assert not own_null(TWO, *_at(TWO, "toxicities"))  # "... lower toxicities and": its own words end at "and"
    a, b = own_span(TWO, *_at(TWO, "anti-leukemic activity"))
    assert TWO[a:b].strip().startswith("comparable")
    mentions = [_at(THREE, w) for w in ("incidence of chronic GVHD", "incidence of relapse", "OS")]
    assert nulls_of(THREE, mentions) == [False, False, True]


def test_no_difference_words_before_a_list_are_read_for_its_first_item_only():
    # Evidence Inference PMC3187863: the list stays one claim (no item has a change word of its own)
    text = "There were no significant differences in postpartum haemorrhage, sphincter injuries or in neonatal outcomes."
    mentions = [_at(text, w) for w in ("postpartum haemorrhage", "sphincter injuries", "neonatal outcomes")]
    assert nulls_of(text, mentions) == [True, False, False]


def test_each_coordinated_outcome_gets_its_own_result():
    _rec, got = _results(THREE, [
        ("COMPARATOR", "Flu-TBI arm"), ("INTERVENTION", "TLI-ATG arm"), ("OUTCOME", "incidence of chronic GVHD"),
        ("OUTCOME", "incidence of relapse"), ("OUTCOME", "OS")])
    assert got == {("incidence of chronic GVHD",): ("decrease", None), ("incidence of relapse",): ("increase", None),
                   ("OS",): ("no_difference", False)}


def test_a_change_beside_another_outcomes_null_is_a_change():
    _rec, got = _results(TWO, [("COMPARATOR", "BuCy"), ("INTERVENTION", "BuFlu"), ("OUTCOME", "toxicities"),
                               ("OUTCOME", "anti-leukemic activity")])
    assert got == {("toxicities",): ("decrease", None), ("anti-leukemic activity",): ("no_difference", False)}


def test_the_changed_outcome_keeps_its_own_significance_word():
    _rec, got = _results(TESTED, [("INTERVENTION", "Cal/BD aerosol foam"), ("COMPARATOR", "Cal/BD ointment"),
                                  ("OUTCOME", "efficacy"), ("OUTCOME", "tolerability")])
    assert got == {("efficacy",): ("increase", True), ("tolerability",): ("no_difference", False)}
