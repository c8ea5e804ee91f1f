"""Typing, cross-sentence intervention context and the gold fixture (gold entities and measures in,
the fixture's claims out)."""

import json

from claims_helpers import claims_of, ent, make_record

from claimex import paths
from claimex.assemble.claims.context import InterventionContext
from claimex.schema import Entity, Record


def test_combination_group_refers_to_the_arm_defined_earlier():
    text = ("Gemcitabine plus cisplatin versus gemcitabine alone in advanced pancreatic cancer. "
            "Patients were randomly assigned to gemcitabine plus cisplatin or gemcitabine alone. "
            "Median survival was 7.5 months in the combination group and 6.0 months in the gemcitabine group "
            "(P = 0.12).")
    rec = make_record(text, [("INTERVENTION", "Gemcitabine plus cisplatin"), ("COMPARATOR", "gemcitabine alone"),
                             ("INTERVENTION", "gemcitabine plus cisplatin"), ("COMPARATOR", "gemcitabine alone", 1),
                             ("OUTCOME", "Median survival")], title=True)
    claim = next(c for c in claims_of(rec) if c.type == "finding")
    combo, alone = ent(rec, "gemcitabine plus cisplatin"), ent(rec, "gemcitabine alone", 1)
    by_text = {a.arm_text: a.arm for a in claim.arms}
    assert by_text["the combination group"] == combo and by_text["the gemcitabine group"] == alone
    assert claim.intervention == [combo] and claim.comparator == [alone]
    assert set(claim.inherited) == {combo, alone}
    assert claim.direction == "no_difference" and claim.significant is False


def test_findings_without_an_intervention_inherit_the_title_intervention():
    text = ("Zinc supplementation for acute diarrhoea in children. "
            "We randomised 200 children to zinc or placebo. "
            "Stool output was reduced by 30% (P < 0.01).")
    rec = make_record(text, [("INTERVENTION", "Zinc supplementation"), ("INTERVENTION", "zinc"),
                             ("COMPARATOR", "placebo"), ("OUTCOME", "Stool output")], title=True)
    claim = next(c for c in claims_of(rec) if c.type == "finding")
    # the latest mention of the main intervention is carried; the p-value makes it a between-arm
    # comparison, so the design's comparator (placebo) is carried too
    assert claim.intervention == [ent(rec, "zinc")] and claim.comparator == [ent(rec, "placebo")]
    assert claim.inherited == [ent(rec, "zinc"), ent(rec, "placebo")]
    assert claim.direction == "decrease" and claim.significant is True


def test_sentence_types():
    text = ("Effect of early mobilisation on delirium. "
            "Delirium is common in older inpatients. "
            "The aim of this study was to assess whether early mobilisation prevents delirium. "
            "Patients were randomly assigned to early mobilisation or usual care. "
            "Delirium occurred in 4.9% of the intervention group and 5.9% of the usual care group (P = 0.6). "
            "Serious adverse events were rare. "
            "In conclusion, early mobilisation did not prevent delirium.")
    rec = make_record(text, [("INTERVENTION", "early mobilisation"), ("OUTCOME", "delirium", 1)], title=True)
    types = {c.sentence: c.type for c in claims_of(rec, outcomeless=True)}
    assert types == {1: "background", 2: "aim", 4: "finding", 5: "adverse_effect", 6: "conclusion"}
    # by default the adverse-effect sentence, which names no outcome entity, gives no claim
    assert 5 not in {c.sentence for c in claims_of(rec)}


def _gold():
    data = json.loads((paths.GOLD_DIR / "10940692.json").read_text(encoding="utf-8"))
    gold_claims = data.pop("claims")
    for e in data["entities"]:
        e["mesh"] = []
    return Record.from_dict(data), gold_claims


def test_gold_fixture_claims_from_gold_entities_and_measures():
    record, gold = _gold()
    predicted = claims_of(record)
    fields = ("sentence", "type", "population", "intervention", "comparator", "outcome", "measures", "direction",
              "significant", "hedged", "negated", "inherited")
    # one claim per result: the aims sentence reports three (5-HIAA decrease, response rates, duration)
    assert [{f: getattr(p, f) for f in fields} for p in predicted] == [{f: g[f] for f in fields} for g in gold]


def test_main_intervention_is_the_most_mentioned_when_the_title_names_none():
    """The fixture's shape: an early verdict on chemotherapy, then HACE throughout."""
    from claims_helpers import claims_of, make_record

    text = ("Management of digestive endocrine tumors. "
            "Objective response rates with systemic chemotherapy are disappointing. "
            "Most metastases argue in favor of hepatic arterial chemoembolization (HACE). "
            "The aims of HACE are to control symptoms (objective response rates: 33-80%). "
            "The postembolization syndrome is the commonest side effect.")
    rec = make_record(text, [("INTERVENTION", "systemic chemotherapy"),
                             ("INTERVENTION", "hepatic arterial chemoembolization"), ("INTERVENTION", "HACE"),
                             ("OUTCOME", "postembolization syndrome")], title=True)
    for entity in rec.entities:
        if entity.text == "HACE":
            entity.expanded = "hepatic arterial chemoembolization"
    adverse = [c for c in claims_of(rec) if c.type == "adverse_effect"][0]
    assert [rec.entity(i).text for i in adverse.inherited] in (["HACE"], ["hepatic arterial chemoembolization"])


def test_a_comparator_mention_reads_the_comparators_own_words_in_text_order():
    # EvidenceMap 32706953: "hydroxychloroquine" is not a mention of the arm "standard care plus hydroxychloroquine"
    # (its own words "standard care" are control words). The own words used to be joined in a set's order, so
    # the answer, and the claims, changed with PYTHONHASHSEED.
    arm = Entity(id="E1", label="INTERVENTION", start=0, end=37, text="standard care plus hydroxychloroquine")
    drug = Entity(id="E2", label="INTERVENTION", start=40, end=58, text="hydroxychloroquine")
    assert not InterventionContext(comparators=[arm])._is_known_comparator(drug)
