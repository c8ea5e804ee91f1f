"""One claim per coordinated arm (:mod:`claimex.assemble.claims.coordinated`) on real sentences of Evidence
Inference 2.0 train abstracts (../shared/corpora/evidence-inference-v2; none is in the findings gold), entities
as a tagger gives them, trimmed to those the case needs."""

from claims_helpers import claims_of, ent, make_record

from claimex.assemble.claims.coordinated import coordinated_runs, split_coordinated

# PMC 3598549: two arms given one result ("either X (p) or Y (p)")
FOTEMUSTINE = ("Phase III randomized study of fotemustine and dacarbazine versus dacarbazine with or without "
               "interferon-α in advanced malignant melanoma\n"
               "Overall response rate was not improved by the addition of either fotemustine (p=0.87) or IFN-α2b "
               "(p=0.57).")


def _ic(rec):
    return sorted((e for e in rec.entities if e.label in ("INTERVENTION", "COMPARATOR")), key=lambda e: e.start)


def test_arms_given_one_result_get_one_claim_each():
    rec = make_record(FOTEMUSTINE, [("INTERVENTION", "fotemustine"), ("INTERVENTION", "dacarbazine"),
                                    ("INTERVENTION", "fotemustine", 1), ("INTERVENTION", "IFN-α2b"),
                                    ("OUTCOME", "Overall response rate")], title=True)
    claims = [c for c in claims_of(rec) if "Overall response rate" in c.text and c.type == "finding"]
    assert sorted(c.intervention for c in claims) == sorted([[ent(rec, "fotemustine", 1)], [ent(rec, "IFN-α2b")]])
    assert len({(tuple(c.outcome), c.direction, c.significant) for c in claims}) == 1  # the rest is shared
    assert all(ent(rec, "IFN-α2b") not in c.comparator and ent(rec, "fotemustine", 1) not in c.comparator
               for c in claims)
    assert [c.id for c in claims_of(rec)] == [f"C{n}" for n in range(1, len(claims_of(rec)) + 1)]


def test_agents_received_together_are_one_arm():
    # PMC 5866486: "receiving X and Y" (vs "Y only") is one combined regimen, not two arms
    text = ("After 1 month of rehabilitation, patients receiving vestibular rehabilitation and medication showed "
            "greater progress than patients receiving medication only (P=0.000).")
    rec = make_record(text, [("INTERVENTION", "vestibular rehabilitation"), ("INTERVENTION", "medication"),
                             ("COMPARATOR", "medication", 1), ("OUTCOME", "progress")])
    assert coordinated_runs(rec.text, 0, len(text), _ic(rec)) == []


def test_an_apposition_is_no_list_and_a_comparison_no_coordination():
    # PMC 5807510: "the study test, rWGS" names one arm twice
    text = ("In such cases, the time of enrollment delayed the study test, rWGS, compared to standard testing; "
            "nevertheless, there was still a decreased time to diagnosis with rWGS.")
    rec = make_record(text, [("INTERVENTION", "test"), ("INTERVENTION", "rWGS"), ("COMPARATOR", "standard")])
    assert coordinated_runs(rec.text, 0, len(text), _ic(rec)) == []


def test_arms_said_to_be_similar_are_compared_not_split():
    # PMC 2644667: "The safety profiles of hydromorphone and morphine were similar"
    text = ("Hydromorphone versus morphine for cancer pain\n"
            "The safety profiles of hydromorphone and morphine were similar and typical of opioid analgesics.")
    rec = make_record(text, [("INTERVENTION", "Hydromorphone"), ("COMPARATOR", "morphine"),
                             ("INTERVENTION", "hydromorphone"), ("INTERVENTION", "morphine", 1),
                             ("OUTCOME", "safety profiles")], title=True)
    s = rec.sentences[1]
    s.section = "RESULTS"
    assert [[e.text for e in r] for r in coordinated_runs(rec.text, s.start, s.end, _ic(rec))] == [
        ["hydromorphone", "morphine"]]
    (claim,) = [c for c in claims_of(rec, arms="rules") if c.type == "finding"]
    assert claim.intervention == [ent(rec, "hydromorphone")] and claim.comparator == [ent(rec, "morphine", 1)]
    assert split_coordinated(rec, [claim]) == [claim]
