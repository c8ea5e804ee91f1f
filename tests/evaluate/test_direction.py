"""Direction evaluation on Evidence Inference prompts."""

from claimex.evaluate.direction import EIExample, example_record, find_mentions, score, widen


def test_score_accuracy_and_per_class():
    report = score(["increase", "decrease", "no_difference", "no_difference"],
                   ["increase", "increase", "no_difference", None])
    assert report.summary["accuracy"] == 0.5 and report.summary["undecided"] == 1
    rows = {r["name"]: r for r in report.rows}
    assert rows["increase"]["precision"] == 0.5 and rows["decrease"]["recall"] == 0.0


def test_mentions_and_record_of_an_evidence_sentence():
    ex = EIExample(1, "x", "validation", "decrease", "tiotropium 18 μg via the HandiHaler®", "placebo",
                   "The percentage of patients with ≥1 exacerbation",
                   "The percentage of patients with ≥1 exacerbation was reduced (tiotropium 9.5%; placebo 17.9%; "
                   "p = 0.0147), independent of disease severity.", True)
    rec = example_record(ex)
    labels = {(e.label, e.text) for e in rec.entities}
    assert ("INTERVENTION", "tiotropium") in labels and ("COMPARATOR", "placebo") in labels
    assert any(lab == "OUTCOME" and "exacerbation" in t for lab, t in labels)
    assert [m.kind for m in rec.measures if m.kind == "p_value"] == ["p_value"]
    assert find_mentions("the fentanyl group and lidocaine", {"fentanyl"}) == [(4, 12)]


def test_widen_to_sentence():
    text = "First sentence here. The rate was lower with X (P = 0.01). Third one."
    start = text.index("lower")
    assert widen(text, start, start + 5) == "The rate was lower with X (P = 0.01)."


def test_validation_split_rules_only(shared_dir):
    from claimex.evaluate.direction import evaluate, load_examples

    examples = load_examples(split="validation")
    assert 100 <= len(examples) <= 130
    assert {e.label for e in examples} == {"increase", "decrease", "no_difference"}
    report = evaluate(model="cues", limit=40)
    assert report.summary["n"] == 40 and report.summary["accuracy"] >= 0.55
