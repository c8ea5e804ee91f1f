"""The gold fixture end to end: measures must be exact; entity and claim scores are reported."""

from claimex.evaluate.fixture import evaluate, gold_document, load_gold_records


def test_gold_document_restores_title_section(gold_fixture):
    doc = gold_document(gold_fixture)
    assert doc.sections == [(0, 91, "TITLE")]
    assert doc.text.startswith("Hepatic arterial chemoembolization in the management")


def test_fixture_measures_exact_with_rule_pipeline():
    report = evaluate(model="rules")
    assert report.summary["documents"] == 1
    rows = {r["name"]: r for r in report.sections["measures"].rows}
    assert rows["exact span"]["f1"] == 1.0 and rows["exact span"]["support"] == 4
    assert rows["all fields"]["f1"] == 1.0


def test_fixture_scores_predicted_records_file(tmp_path, gold_fixture):
    # the gold itself as prediction: everything perfect, which checks the scorer end to end
    pred = tmp_path / "pred.jsonl"
    pred.write_text(gold_fixture.to_json() + "\n")
    report = evaluate(pred=pred)
    assert report.summary["claims_recovered"] == "12/12"
    assert report.summary["entities_token_macro_f1"] == 1.0
    # and a prediction with one measure shifted loses exactly that measure
    broken = gold_fixture.model_copy(deep=True)
    broken.measures[0].unit = "months"
    pred.write_text(broken.to_json() + "\n")
    rows = {r["name"]: r for r in evaluate(pred=pred).sections["measures"].rows}
    assert rows["exact span"]["recall"] == 1.0 and rows["all fields"]["recall"] == 0.75


def test_load_gold_records_reads_folder_and_jsonl(tmp_path, gold_fixture):
    assert [r.id for r in load_gold_records()] == ["10940692"]
    path = tmp_path / "g.jsonl"
    path.write_text(gold_fixture.to_json() + "\n" + gold_fixture.to_json() + "\n")
    assert len(load_gold_records(path)) == 2


def test_fixture_end_to_end_with_the_shipped_model():
    """The default model: exact measures, every gold claim (type, direction, measures), HACE tagged."""
    from claimex.evaluate.fixture import recovered_all

    report = evaluate(model=None)
    assert report.summary["measures_fields_f1"] == 1.0
    assert recovered_all(report), report.notes
    assert report.summary["entities_token_macro_f1"] > 0.5
