"""Claim evaluation: the chain scorer on hand-made gold, and one run on shared EvidenceMap."""

from claimex.evaluate.claims import GoldDoc, evaluate, load_gold, score_docs
from claimex.schema import Claim, Entity, Measure, Record, Sentence

TEXT = ("Mortality was lower with aspirin than with placebo (12% vs 20%). "
        "Nausea was similar in both groups.")


def _gold() -> GoldDoc:
    def span(s, n=0):
        pos = -1
        for _ in range(n + 1):
            pos = TEXT.find(s, pos + 1)
        return pos, pos + len(s)

    ents = {"T1": (*span("Mortality"), "Outcome"), "T2": (*span("lower"), "Observation"),
            "T3": (*span("aspirin"), "Intervention"), "T4": (*span("placebo"), "Intervention"),
            "T5": (*span("12%"), "Observation"), "T6": (*span("Nausea"), "Outcome"), "T7": (*span("similar"), "Observation")}
    gold = GoldDoc(id="d1", text=TEXT, entities=ents,
                   links=[("Intervention->Observation", "T3", "T2"), ("Intervention->Observation", "T4", "T2"),
                          ("Observation->Outcome", "T2", "T1"), ("Observation->Outcome", "T5", "T1"),
                          ("Intervention->Observation", "T3", "T5"), ("Observation->Outcome", "T7", "T6")])
    from claimex.evaluate.claims import _chains

    gold.chains = _chains(gold)
    return gold


def _record(with_outcome_2: bool, numeric: bool = True) -> Record:
    s1 = TEXT.index("Nausea") - 1
    ents = [Entity(id="E1", label="OUTCOME", start=0, end=9, text="Mortality"),
            Entity(id="E2", label="INTERVENTION", start=25, end=32, text="aspirin"),
            Entity(id="E3", label="OUTCOME", start=s1 + 1, end=s1 + 7, text="Nausea")]
    a = TEXT.index("12%")
    ms = [Measure(id="M1", start=a, end=a + 3, text="12%", kind="percentage", value=12.0)]
    claims = [Claim(id="C1", sentence=0, type="finding", intervention=["E2"], outcome=["E1"],
                    measures=["M1"] if numeric else [], text=TEXT[:s1], start=0, end=s1)]
    if with_outcome_2:
        claims.append(Claim(id="C2", sentence=1, type="finding", intervention=["E2"], outcome=["E3"],
                            text=TEXT[s1 + 1:], start=s1 + 1, end=len(TEXT)))
    return Record(id="d1", text=TEXT, sentences=[Sentence(start=0, end=s1), Sentence(start=s1 + 1, end=len(TEXT))],
                  entities=ents, measures=ms, claims=claims)


def test_chain_scoring_counts_chains_and_links():
    gold = _gold()
    assert len(gold.chains) == 3  # lower->Mortality, 12%->Mortality, similar->Nausea
    report = score_docs([gold], [_record(True)])
    assert report.summary["precision"] == 1.0 and report.summary["recall"] == 1.0
    report = score_docs([gold], [_record(False)])
    assert report.summary["recall"] == round(2 / 3, 4) and report.summary["precision"] == 1.0
    rows = {r["name"]: r for r in report.rows}
    assert rows["Observation->Outcome"]["recall"] == round(2 / 3, 4)
    assert rows["Intervention->Observation"]["support"] == 3


def test_numeric_observation_must_be_a_claim_measure_in_strict_mode():
    gold = _gold()
    loose = score_docs([gold], [_record(True, numeric=False)])
    strict = score_docs([gold], [_record(True, numeric=False)], strict=True)
    assert loose.summary["recall"] == 1.0 and strict.summary["recall"] == round(2 / 3, 4)


def test_evidencemap_dev_with_gold_entities(shared_dir):
    golds = load_gold(split="dev")
    assert 30 <= len(golds) <= 50 and sum(len(g.chains) for g in golds) > 200
    report = evaluate(limit=4, arms=False)
    assert report.summary["documents"] == 4
    assert report.summary["precision"] >= 0.6 and report.summary["recall"] >= 0.6
    assert report.summary["claims_ms_per_doc"] > 0 and "numeric" in report.sections
