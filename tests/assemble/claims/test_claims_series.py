"""A series of one arm that names a second mention (docs/claims-rounds.md section 34.2, :mod:`claimex.assemble.claims.series`):
a change said with no word that sets the mentions apart is judged, no comparator; a contrast stays a comparison."""

from claims_helpers import claims_of, make_record

from claimex.assemble.claims.series import sets_apart

# PubMed 25378396 (pubmed-xml-samples, not in the findings gold): a laboratory series, no controlled design, no
# other arm set up by a design sentence
KLOTHO = ("Klotho up-regulates renal calcium channel transient receptor potential vanilloid 5 (TRPV5) by intra- and "
          "extracellular N-glycosylation-dependent mechanisms.\n"
          "Whole-cell TRPV5-mediated channel activity was recorded in HEK cells coexpressing TRPV5 and sKL or "
          "membranous Klotho (mKL). Transfection of sKL, but not mKL, produced detectable Klotho protein in cell "
          "culture media. As for sKL, mKL increased TRPV5 current density.")


def _record():
    # the entities as the shipped tagger tags them (every arm mention INTERVENTION)
    return make_record(KLOTHO, [("INTERVENTION", "Klotho"), ("INTERVENTION", "sKL"), ("INTERVENTION", "membranous Klotho"),
                                ("INTERVENTION", "mKL"), ("INTERVENTION", "sKL", 1), ("INTERVENTION", "mKL", 1),
                                ("OUTCOME", "Klotho protein"), ("INTERVENTION", "sKL", 2), ("INTERVENTION", "mKL", 2),
                                ("OUTCOME", "TRPV5 current density")], title=True)


def test_a_change_of_a_series_with_a_second_mention_is_judged():
    rec = _record()
    texts = {e.id: e.text for e in rec.entities}
    claims = [c for c in claims_of(rec, arms="rules") if c.sentence == 3]
    assert claims and all(c.comparator == [] and c.direction == "positive" for c in claims)
    # one single-arm finding per mention (GUIDELINES, Findings: "improved in both groups")
    assert sorted(texts[c.intervention[0]] for c in claims) == ["mKL", "sKL"]


def test_a_contrast_of_the_mentions_stays_a_comparison():
    # the same sentence with its mentions set apart in words is read as before: compared, with a comparator
    rec = _record()
    at = rec.text.index("As for sKL")
    rec.text = rec.text[:at] + "Unlike sKL, mKL increased TRPV5 current density." + rec.text[at + len("As for sKL, mKL "
                                                                                                         "increased TRPV5 current density."):]
    claims = [c for c in claims_of(rec, arms="rules") if c.sentence == 3]
    assert claims and all(c.comparator and c.direction in ("increase", "decrease", "no_difference") for c in claims)


def test_words_that_set_two_mentions_apart():
    assert sets_apart("___, but not ___, produced ___ in cell culture media.")
    assert sets_apart("___ was associated with the highest ___ and was superior to ___ ( p < 0.001 ).")
    assert sets_apart("( HPC : x 30 ; sucralfate : x 300 as high as those in ___ )")
    assert sets_apart("___ decreased by 97.5%, while at the control site ___ no significant changes were observed.")
    assert not sets_apart("As for ___, ___ increased ___.")
    assert not sets_apart("The results suggest that ___ and ___ may have some benefit in improving ___.")
