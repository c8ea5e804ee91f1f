from __future__ import annotations

import csv
import io

import pytest

from claimex.write.tables import Column, Table, write_csv, write_parquet, write_xlsx


@pytest.fixture()
def table() -> Table:
    columns = [
        Column("name", "string", "a name", 20),
        Column("n", "int"),
        Column("x", "float"),
        Column("ok", "bool"),
        Column("note", "string", "long text", 50),
    ]
    rows = [
        {"name": "plain", "n": 3, "x": 0.5, "ok": True, "note": 'a, b "quoted"\nsecond line'},
        {"name": "=1+1", "n": None, "x": None, "ok": False, "note": "bell\x07 and \u00e9\u00df\u2264"},
        {"name": "missing"},
    ]
    return Table("claims", columns, rows)


def test_csv_bom_crlf_quoting(tmp_path, table):
    path = write_csv(table, tmp_path / "t.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 4  # header + 3 rows; the embedded newline stays a bare \n inside quotes
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["name", "n", "x", "ok", "note"]
    assert rows[1] == ["plain", "3", "0.5", "TRUE", 'a, b "quoted"\nsecond line']
    assert rows[2][:4] == ["'=1+1", "", "", "FALSE"]  # formula-like text escaped (OWASP)
    assert rows[3] == ["missing", "", "", "", ""]


def test_csv_reads_in_pandas(tmp_path, table):
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(write_csv(table, tmp_path / "t.csv"), encoding="utf-8-sig")
    assert list(frame.columns) == table.names
    assert len(frame) == 3
    assert frame.loc[0, "note"] == 'a, b "quoted"\nsecond line'
    assert frame.loc[1, "note"].endswith("\u00e9\u00df\u2264")


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR",
            "=cmd|' /C calc'!A0", "-0.5"]


def formula_table() -> Table:
    columns = [Column("text"), Column("x", "float"), Column("n", "int"), Column("ok", "bool")]
    rows = [{"text": f, "x": -0.5, "n": -3, "ok": True} for f in FORMULAS]
    rows.append({"text": "safe - inside, 1 = 1", "x": float("-inf"), "n": "=1+1", "ok": "-x"})
    return Table("claims", columns, rows)


def test_csv_escapes_formula_text_not_numbers(tmp_path):
    path = write_csv(formula_table(), tmp_path / "f.csv")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert [r[0] for r in rows[1:-1]] == ["'" + f for f in FORMULAS]  # text column: every one escaped
    assert {tuple(r[1:]) for r in rows[1:-1]} == {("-0.5", "-3", "TRUE")}  # numbers stay numbers
    assert rows[-1] == ["safe - inside, 1 = 1", "'-inf", "'=1+1", "'-x"]  # text in a typed column is text
    pd = pytest.importorskip("pandas")
    numbers = formula_table()
    numbers.rows.pop()
    frame = pd.read_csv(write_csv(numbers, tmp_path / "n.csv"), encoding="utf-8-sig")
    assert frame["x"].tolist() == [-0.5] * len(FORMULAS) and frame["n"].tolist() == [-3] * len(FORMULAS)
    assert frame["text"].iloc[-1] == "'-0.5"


def test_xlsx_never_writes_formulas(tmp_path):
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    path = write_xlsx([formula_table()], tmp_path / "f.xlsx", notes=["=1+1 in the notes"])
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in x or "<f " in x for x in sheets)
    sheet = openpyxl.load_workbook(path)["claims"]
    texts = [sheet.cell(row=r, column=1) for r in range(2, len(FORMULAS) + 2)]
    assert [c.value for c in texts] == FORMULAS  # as written, no quote: text cells are never run
    assert {c.data_type for c in texts} == {"s"} and sheet["B2"].value == -0.5 and sheet["B2"].data_type == "n"


def test_xlsx_styling_and_safety(tmp_path, table):
    openpyxl = pytest.importorskip("openpyxl")
    path = write_xlsx(
        [table, Table("abstracts", [Column("id")], [{"id": "1"}])], tmp_path / "t.xlsx", notes=["hello"]
    )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["claims", "abstracts", "about"]
    sheet = book["claims"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet["A1"].value == "name"
    assert sheet["A3"].value == "=1+1" and sheet["A3"].data_type == "s"  # text, not a formula
    assert sheet["E3"].value == "bell and \u00e9\u00df\u2264"  # control character dropped
    assert sheet["D2"].value is True and sheet["B3"].value is None
    assert sheet.column_dimensions["E"].width == 50


def test_xlsx_reads_in_pandas(tmp_path, table):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    frame = pd.read_excel(write_xlsx([table], tmp_path / "t.xlsx"), sheet_name="claims")
    assert frame.shape == (3, 5)
    assert frame.loc[1, "name"] == "=1+1"


def test_parquet_types_and_nulls(tmp_path, table):
    import pyarrow.parquet as pq

    data = pq.read_table(write_parquet(table, tmp_path / "t.parquet"))
    assert [str(t) for t in data.schema.types] == ["string", "int64", "double", "bool", "string"]
    assert data.column("n").to_pylist() == [3, None, None]
    assert data.column("ok").to_pylist() == [True, False, None]
