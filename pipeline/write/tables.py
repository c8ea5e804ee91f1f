"""Flat tables to CSV, XLSX and Parquet, written so they open cleanly in a spreadsheet and in pandas.

A :class:`Table` is a name, typed :class:`Column` s and rows (dicts; a missing key or ``None`` is an
empty cell). Every writer goes through :func:`claimex.write.atomic_path`.

* CSV: UTF-8 with a byte-order mark (Excel then reads it as UTF-8), ``csv`` module quoting
  (``QUOTE_MINIMAL``: a cell with a comma, quote or newline is quoted, so an embedded newline stays inside
  its cell), ``\\r\\n`` row ends, booleans as ``TRUE``/``FALSE``, ``None`` as an empty cell. A text cell
  (any cell of a ``string`` column, and any value that is not a number) that starts with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return gets a leading ``'`` (OWASP's advice against CSV injection: a
  spreadsheet would run it as a formula); numbers in ``int``/``float`` columns are written as they are, so
  ``-0.5`` stays a number.
* XLSX (openpyxl): one sheet per table, bold shaded header, frozen header row, auto filter, column
  widths; text that starts with ``=`` stays text (never a formula); characters XML cannot hold are dropped
  and cells are cut at Excel's 32,767-character limit.
* Parquet (pyarrow): the column types given (string, int64, float64, bool), nulls kept.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import atomic_path

ColumnType = str  # "string" | "int" | "float" | "bool"
EXCEL_CELL_LIMIT = 32767
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # what starts a formula (or DDE call) in a spreadsheet


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = "string"
    help: str = ""
    width: int = 14  # XLSX column width (characters)


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def __len__(self) -> int:
        return len(self.rows)

    def to_arrow(self):
        """A ``pyarrow.Table`` with the declared column types."""
        import pyarrow as pa

        types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        schema = pa.schema([pa.field(c.name, types[c.type]) for c in self.columns])
        data = {c.name: [_coerce(row.get(c.name), c.type) for row in self.rows] for c in self.columns}
        return pa.Table.from_pydict(data, schema=schema)

    def to_pandas(self):
        return self.to_arrow().to_pandas()


def _coerce(value: Any, ctype: ColumnType) -> Any:
    if value is None:
        return None
    if value == "" and ctype != "string":
        return None
    if ctype == "int":
        return round(float(value))
    if ctype == "float":
        return float(value)
    if ctype == "bool":
        return bool(value)
    return str(value)


def _csv_cell(value: Any, ctype: ColumnType = "string") -> str:
    """One CSV cell; a text cell that a spreadsheet would take for a formula is escaped (module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = str(value)
    number = ctype in ("int", "float") and isinstance(value, (int, float)) and math.isfinite(value)
    if not number and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def write_csv(table: Table, path: str | Path) -> Path:
    """One table as an Excel-friendly CSV (see module docstring)."""
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(table.names)
        for row in table.rows:
            writer.writerow([_csv_cell(row.get(col.name), col.type) for col in table.columns])
    return path


def write_parquet(table: Table, path: str | Path) -> Path:
    import pyarrow.parquet as pq

    path = Path(path)
    with atomic_path(path) as tmp:
        pq.write_table(table.to_arrow(), tmp)
    return path


def _xlsx_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > EXCEL_CELL_LIMIT:
            value = value[: EXCEL_CELL_LIMIT - 1] + "\u2026"
    return value


def write_xlsx(tables: Iterable[Table], path: str | Path, notes: list[str] | None = None) -> Path:
    """Several tables as sheets of one workbook (sheet name = table name). ``notes``, when given,
    go to a last sheet "about" together with each column's description. Written in openpyxl's
    write-only (streaming) mode, so memory does not grow with the number of cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    tables = list(tables)
    workbook = Workbook(write_only=True)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="305496")
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(sheet, value, font=None, fill=None, alignment=None):
        out = WriteOnlyCell(sheet, value=_xlsx_value(value))
        if isinstance(out.value, str):
            out.data_type = "s"  # "=..." is text, not a formula
        if font is not None:
            out.font = font
        if fill is not None:
            out.fill = fill
        if alignment is not None:
            out.alignment = alignment
        return out

    for table in tables:
        sheet = workbook.create_sheet(title=table.name[:31])
        for c, col in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = col.width
        sheet.freeze_panes = "A2"
        if table.columns:
            last = get_column_letter(len(table.columns))
            sheet.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
        sheet.append([cell(sheet, name, header_font, header_fill) for name in table.names])
        wide = [col.width >= 40 for col in table.columns]
        for row in table.rows:
            values = [row.get(col.name) for col in table.columns]
            sheet.append(
                [
                    None if value is None else cell(sheet, value, alignment=wrap if is_wide else None)
                    for value, is_wide in zip(values, wide)
                ]
            )
    if notes is not None:
        about = workbook.create_sheet(title="about")
        for letter, width in zip("ABCD", (14, 18, 8, 90)):
            about.column_dimensions[letter].width = width
        for line in notes:
            about.append([cell(about, line)])
        about.append([])
        bold = Font(bold=True)
        about.append([cell(about, h, bold) for h in ("sheet", "column", "type", "meaning")])
        for table in tables:
            for col in table.columns:
                about.append([cell(about, v) for v in (table.name, col.name, col.type, col.help)])
    with atomic_path(path) as tmp:
        workbook.save(tmp)
    return path
