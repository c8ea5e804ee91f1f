import json

import pytest
from pydantic import ValidationError

from claimex.schema import SCHEMA_VERSION, Record, json_schema


def test_gold_fixture_round_trips(gold_fixture):
    assert gold_fixture.schema_ == SCHEMA_VERSION
    again = Record.from_json(gold_fixture.to_json())
    assert again == gold_fixture
    assert json.loads(gold_fixture.to_json())["schema"] == "claimex/1"


def test_offsets_must_match_text():
    with pytest.raises(ValidationError, match="text"):
        Record(id="x", text="mortality 12%", sentences=[{"start": 0, "end": 13}],
               measures=[{"id": "M1", "start": 10, "end": 13, "text": "13%", "kind": "percentage"}])


def test_claim_refs_must_exist():
    with pytest.raises(ValidationError, match="unknown id E9"):
        Record(id="x", text="a b", sentences=[{"start": 0, "end": 3}],
               claims=[{"id": "C1", "sentence": 0, "type": "finding", "outcome": ["E9"], "text": "a b"}])


def test_unknown_fields_rejected():
    with pytest.raises(ValidationError):
        Record.from_dict({"schema": "claimex/1", "id": "x", "text": "", "surprise": 1})


def test_json_schema_names_the_contract_fields():
    schema = json_schema()
    props = schema["properties"]
    for field in ("schema", "id", "text", "meta", "sentences", "abbreviations", "entities", "measures",
                  "claims", "errors"):
        assert field in props
    claim_props = schema["$defs"]["Claim"]["properties"]
    assert set(claim_props["type"]["enum"]) == {"finding", "adverse_effect", "conclusion", "background", "aim"}


def test_claim_arm_mentions_is_optional_and_checked(gold_fixture):
    """``Claim.arm_mentions`` (issue 10) was added inside claimex/1: records written before it still
    load, and its ids must exist like every other claim reference."""
    data = json.loads(gold_fixture.to_json())
    for claim in data["claims"]:
        claim.pop("arm_mentions", None)  # a record written before the field existed
    old = Record.from_dict(data)
    assert all(c.arm_mentions == [] for c in old.claims)
    data["claims"][0]["arm_mentions"] = ["E1"]
    assert Record.from_dict(data).claims[0].arm_mentions == ["E1"]
    data["claims"][0]["arm_mentions"] = ["E99"]
    with pytest.raises(ValidationError, match="unknown id E99"):
        Record.from_dict(data)


def test_claim_confidence_is_optional_and_bounded(gold_fixture):
    """``Claim.confidence`` (round 8) was added inside claimex/1: records without it load (None), a
    confidence round-trips, and a probability outside [0, 1] is refused."""
    data = json.loads(gold_fixture.to_json())
    for claim in data["claims"]:
        claim.pop("confidence", None)
    assert all(c.confidence is None for c in Record.from_dict(data).claims)
    conf = {"intervention": 0.9, "comparator": 0.4, "outcome": 1.0, "direction": 0.7, "significance": 0.8,
            "all": 0.3}
    data["claims"][0]["confidence"] = conf
    back = Record.from_json(Record.from_dict(data).to_json())
    assert back.claims[0].confidence.model_dump() == conf
    data["claims"][0]["confidence"] = {**conf, "all": 1.2}
    with pytest.raises(ValidationError):
        Record.from_dict(data)
