"""The span lint (``claimex evaluate --task spans``) on the gold fixture's real text."""

from __future__ import annotations

from claimex.evaluate.spans import lint_records, span_defects
from claimex.schema import Entity


def entity(record, phrase: str, label: str = "OUTCOME", k: int = 0) -> Entity:
    start = record.text.index(phrase)
    return Entity(id=f"E{k}", label=label, text=phrase, start=start, end=start + len(phrase))


def test_defect_classes(gold_fixture):
    rec = gold_fixture.model_copy(update={"entities": [], "claims": []})
    cases = {
        "side effect. Major extrahepatic complications": {"sentence"},
        "tumor growth (objective response rates": {"bracket"},
        "duration: 6-42.5": {"number_end"},
        "response rates: 33-80%; mean duration": {"clause"},
        "diffuse (unresectable) and progressive metastases confined to": {"edge_word"},
        "Hepatic arterial": {"truncated"},
        "objective response rates": set(),
        "hepatic arterial chemoembolization (HACE)": set(),
    }
    for phrase, expected in cases.items():
        assert set(span_defects(rec, entity(rec, phrase))) == expected, phrase


def test_rates_per_thousand(gold_fixture):
    ents = [entity(gold_fixture, "side effect. Major extrahepatic complications", k=1),
            entity(gold_fixture, "objective response rates", k=2),
            entity(gold_fixture, "postembolization syndrome", k=3),
            entity(gold_fixture, "survival", k=4)]
    rec = gold_fixture.model_copy(update={"entities": ents, "claims": []})
    report = lint_records([rec])
    rows = {r["name"]: r for r in report.rows}
    assert report.summary["spans"] == 4 and report.summary["defective"] == 1
    assert report.summary["defective_pct"] == 25.0
    assert rows["sentence"]["count"] == 1 and rows["sentence"]["per_1000_spans"] == 250.0
    assert rows["bracket"]["count"] == 0
