"""MeSH grounding from the record's own headings and chemicals."""

import json

from claimex import paths
from claimex.assemble.claims.grounding import descriptor_matches, ground, mesh_terms
from claimex.schema import Record


def _fixture() -> Record:
    data = json.loads((paths.GOLD_DIR / "10940692.json").read_text(encoding="utf-8"))
    data["claims"] = []
    for e in data["entities"]:
        e["mesh"] = []
    return Record.from_dict(data)


def test_descriptor_rule():
    assert descriptor_matches("hepatic arterial chemoembolization", "Chemoembolization, Therapeutic")
    assert not descriptor_matches("hepatic arterial chemoembolization", "Hepatic Artery")  # head is not artery
    assert not descriptor_matches("Liver metastases", "Liver Neoplasms")
    assert not descriptor_matches("advanced digestive endocrine tumors", "Neuroendocrine Tumors")
    assert descriptor_matches("breast tumours", "Breast Neoplasms")  # synonym step
    assert descriptor_matches("coronary artery disease", "Coronary Artery Disease")
    assert descriptor_matches("patients with type 2 diabetes", "Diabetes Mellitus, Type 2")
    assert not descriptor_matches("women", "Female")  # check tags never


def test_fixture_grounding_and_chemicals():
    record = _fixture()
    ground(record)
    mesh = {e.id: e.mesh for e in record.entities}
    for hace in ("E1", "E9", "E10", "E21", "E24"):
        assert mesh[hace] == ["Chemoembolization, Therapeutic", "Streptozocin", "Doxorubicin"]
    # systemic chemotherapy is not the record's main intervention; other entities get nothing
    assert all(not m for k, m in mesh.items() if k not in ("E1", "E9", "E10", "E21", "E24"))


def test_mesh_meta_forms():
    assert mesh_terms({"mesh": ["Liver Neoplasms / secondary*", "Humans"]}) == [
        {"descriptor": "Liver Neoplasms", "qualifiers": ["secondary"]}, {"descriptor": "Humans", "qualifiers": []}]
    terms = [{"descriptor": "Doxorubicin", "qualifiers": ["administration & dosage"], "major": False}]
    assert mesh_terms({"mesh_terms": terms, "mesh": ["ignored"]})[0]["descriptor"] == "Doxorubicin"


def test_named_chemical_attaches_to_the_entity_that_names_it():
    from claims_helpers import make_record

    text = "Doxorubicin versus observation in soft tissue sarcoma. Doxorubicin improved survival."
    meta = {"chemicals": ["Doxorubicin", "Water"], "mesh": ["Doxorubicin / therapeutic use*", "Sarcoma / drug therapy"]}
    rec = make_record(text, [("INTERVENTION", "Doxorubicin"), ("COMPARATOR", "observation"),
                             ("POPULATION", "soft tissue sarcoma"), ("INTERVENTION", "Doxorubicin", 1)], meta=meta)
    ground(rec)
    assert [e.mesh for e in rec.entities] == [["Doxorubicin"], [], ["Sarcoma"], ["Doxorubicin"]]
