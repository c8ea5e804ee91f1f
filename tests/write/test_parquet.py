"""Records -> Parquet -> the same Records; the column layout."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimex.schema import Record
from claimex.write.parquet import (
    ParquetWriter,
    read_parquet_ids,
    read_parquet_records,
    record_schema,
    records_to_table,
    write_parquet,
)


def sample(k: int) -> Record:
    text = f"Mortality was 12% vs 20% (P = 0.03) in trial {k}."
    m1, m2 = text.index("12%"), text.index("P = 0.03")
    return Record.from_dict({
        "schema": "claimex/1", "id": str(k), "text": text,
        "meta": {"title": f"T{k}", "year": 2000 + k, "mesh": ["Humans"], "nested": {"a": [1, None]}},
        "sentences": [{"start": 0, "end": len(text), "section": None if k % 2 else "RESULTS"}],
        "abbreviations": [],
        "entities": [{"id": "E1", "label": "OUTCOME", "start": 0, "end": 9, "text": "Mortality", "score": 0.9}],
        "measures": [{"id": "M1", "text": "12%", "start": m1, "end": m1 + 3, "kind": "percentage", "value": 12.0,
                      "unit": "%"},
                     {"id": "M2", "text": "P = 0.03", "start": m2, "end": m2 + 8, "kind": "p_value", "value": 0.03,
                      "op": "="}],
        "claims": [{"id": "C1", "sentence": 0, "type": "finding", "outcome": ["E1"], "measures": ["M1", "M2"],
                    "direction": "decrease", "significant": True, "text": text, "start": 0, "end": len(text),
                    "arms": [{"measure": "M1", "arm_text": "the study group"}], "p_value": "M2"}],
        "errors": [] if k % 3 else ["something odd"],
    })


def test_roundtrip_is_exact(tmp_path):
    records = [sample(k) for k in range(5)]
    path = tmp_path / "r.parquet"
    assert write_parquet(records, path, row_group_size=2) == 5
    back = list(read_parquet_records(path))
    assert [r.to_dict() for r in back] == [r.to_dict() for r in records]
    assert read_parquet_ids(path) == ["0", "1", "2", "3", "4"]
    assert pq.ParquetFile(path).num_row_groups == 3


def test_layout(tmp_path):
    schema = record_schema()
    assert schema.names == ["schema", "id", "text", "meta", "sentences", "abbreviations", "entities", "measures",
                            "claims", "errors"]
    assert schema.field("meta").type == pa.string()
    assert schema.field("errors").type == pa.list_(pa.string())
    claim = schema.field("claims").type.value_type
    assert claim.field("outcome").type == pa.list_(pa.string())
    assert claim.field("arms").type.value_type.field("arm_text").type == pa.string()
    assert schema.field("measures").type.value_type.field("value").type == pa.float64()
    table = records_to_table([sample(1)])
    assert json.loads(table.column("meta")[0].as_py())["nested"] == {"a": [1, None]}
    # column projection works on the nested layout
    path = tmp_path / "r.parquet"
    write_parquet([sample(1), sample(2)], path)
    claims = pq.read_table(path, columns=["id", "claims"]).to_pylist()
    assert claims[0]["claims"][0]["direction"] == "decrease"


def test_writer_is_atomic(tmp_path):
    path = tmp_path / "r.parquet"
    with pytest.raises(RuntimeError), ParquetWriter(path) as w:
        w.write(sample(1))
        raise RuntimeError("boom")
    assert not path.exists() and not list(tmp_path.iterdir())
    with ParquetWriter(path) as w:
        pass
    assert w.count == 0 and pq.read_table(path).num_rows == 0
