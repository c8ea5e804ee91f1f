"""Mention helpers shared by the arm ranker and the trial-arm check (:mod:`claimex.assemble.claims.mentions`).
The sentence is of Evidence Inference 2.0 train abstract PMC 34114 (../shared/corpora/evidence-inference-v2; not in
the findings gold)."""

import itertools

from claims_helpers import make_record

from claimex.assemble.claims.mentions import GROUP_AFTER, PERSON, Covering

TEXT = ("The data suggest a statistically significant reduction in the number of tender joints (P < 0.008) at the "
        "15 μg/kg once-weekly dose schedule but showed no overall significant benefit at the ACR criterion of a 20% "
        "response.")


def test_covering_holds_a_mention_exactly_when_a_span_of_the_label_does():
    rec = make_record(TEXT, [("OUTCOME", "reduction in the number of tender joints"), ("OUTCOME", "tender joints"),
                             ("OUTCOME", "ACR criterion"), ("INTERVENTION", "once-weekly"),
                             ("INTERVENTION", "number of tender"), ("INTERVENTION", "joints (P"),
                             ("INTERVENTION", "ACR")], measures=False)
    outcomes = [(e.start, e.end) for e in rec.entities if e.label == "OUTCOME"]
    covering = Covering(rec, "OUTCOME")
    for e in rec.entities:
        assert covering.holds(e) == any(s <= e.start and e.end <= t for s, t in outcomes), e.text
    # and on every span of the sentence's word offsets (the bisect against the brute-force answer)
    words = [0] + [k + 1 for k, ch in enumerate(TEXT) if ch == " "] + [len(TEXT)]
    for a, b in itertools.combinations(words, 2):
        probe = rec.entities[0].model_copy(update={"start": a, "end": b})
        assert covering.holds(probe) == any(s <= a and b <= t for s, t in outcomes), (a, b)
    assert not Covering(rec, "POPULATION").holds(rec.entities[0])


def test_population_heads_and_group_words():
    assert PERSON.search("postgraduate nurses") and PERSON.search("81% of attendees")
    assert not PERSON.search("nurse-led follow-up")
    assert GROUP_AFTER.match(" group received") and GROUP_AFTER.match(" arms")
    assert not GROUP_AFTER.match(" grouped by age")
