"""Evaluation reports: per-class rows plus a summary, rendered as a table or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional, Union


@dataclass
class EvalReport:
    """``rows``: one dict per class with ``name``, ``precision``, ``recall``, ``f1``, ``support``
    (and any other columns); ``summary``: micro/macro figures and counts."""

    task: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    sections: dict[str, "EvalReport"] = field(default_factory=dict)  # sub-reports (span level, per corpus)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["sections"] = {k: v.to_dict() for k, v in self.sections.items()}
        return out

    def write_json(self, path: Union[str, Path]) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    def render(self, console: Optional[Any] = None, title: Optional[str] = None) -> None:
        from rich.console import Console
        from rich.table import Table

        if console is None:
            import sys

            console = Console() if sys.stdout.isatty() else Console(width=140)
        if self.rows:
            columns = [c for c in self.rows[0].keys()]
            table = Table(title=title or f"claimex evaluate --task {self.task}")
            for col in columns:
                table.add_column(col, justify="left" if col == "name" else "right")
            for row in self.rows:
                table.add_row(*[format_cell(row.get(c)) for c in columns])
            console.print(table)
        if self.summary:
            console.print("  ".join(f"[bold]{k}[/bold]={format_cell(v)}" for k, v in self.summary.items()))
        for note in self.notes:
            console.print(f"[dim]{note}[/dim]")
        for name, sub in self.sections.items():
            sub.render(console, title=f"{self.task}: {name}")


def format_cell(value: Any) -> str:
    """A table cell: floats to 3 decimals, None empty."""
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)
