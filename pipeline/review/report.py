"""``claimex evaluate ... --report DIR``: an evaluation report as tables, plots and one HTML page.

:func:`write_report` writes into ``out_dir``:

* ``report.html`` - self-contained (plots embedded as base64 PNG): summary, per-class table, notes,
  the plots, then every section (sub-report) the same way;
* ``report.json`` - :meth:`EvalReport.to_dict`;
* ``<task>.csv`` (and ``<task>.<section>.csv``) - the per-class rows;
* ``prf.png`` (``prf.<section>.png``) - per-class precision/recall/F1 bars, one panel per metric variant;
* ``confusion.png`` (``confusion.<section>.png``) - when ``summary["confusion"]`` is
  ``{"labels": [...], "matrix": [[...]]}`` (rows: gold, columns: predicted);
* ``sections.png`` - F1 per class side by side for each section, when there are two or more with rows.

Metric columns are recognised by name, so every task's rows plot: ``precision``/``recall``/``f1``,
``P_exact``/``R_exact``/``F1_exact`` and ``exact_p``/``exact_r``/``exact_f1`` (variant ``exact``), ... -
numbers between 0 and 1. Plots use matplotlib's object API (no pyplot state, no display needed).
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path
from typing import Any

from ..evaluate.report import EvalReport
from ..version import __version__
from ..write.atomic import atomic_path
from ..write.tables import Column, Table, write_csv

METRICS = ("precision", "recall", "f1")
COLOURS = {"precision": "#4c72b0", "recall": "#55a868", "f1": "#c44e52"}


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "section"


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return "" if value is None else str(value)


_METRIC_NAME = re.compile(
    r"^(?:(?P<pre>precision|recall|f1|p|r)(?:_(?P<v1>.+))?|(?P<v2>.+?)_(?P<post>precision|recall|f1|p|r))$",
    re.IGNORECASE,
)
_CANON = {"p": "precision", "r": "recall", "precision": "precision", "recall": "recall", "f1": "f1"}


def _is_score(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0.0 <= value <= 1.0


def metric_families(rows: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """``{variant: {"precision"|"recall"|"f1": column}}`` for the score columns of ``rows``
    (variant ``""`` for plain precision/recall/f1), in column order."""
    families: dict[str, dict[str, str]] = {}
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    for column in columns:
        match = _METRIC_NAME.match(column)
        values = [r.get(column) for r in rows if r.get(column) is not None]
        if not match or not values or not all(_is_score(v) for v in values):
            continue
        metric = _CANON[(match.group("pre") or match.group("post")).lower()]
        variant = match.group("v1") or match.group("v2") or ""
        families.setdefault(variant, {}).setdefault(metric, column)
    return {v: f for v, f in families.items() if "f1" in f or len(f) >= 2}


def _primary_f1(families: dict[str, dict[str, str]]) -> str | None:
    for family in ([families[""]] if "" in families else []) + list(families.values()):
        if "f1" in family:
            return family["f1"]
    return None


def _metric_rows(report: EvalReport) -> list[dict[str, Any]]:
    families = metric_families(report.rows)
    columns = {c for f in families.values() for c in f.values()}
    return [r for r in report.rows if any(_is_score(r.get(c)) for c in columns)]


def _confusion(report: EvalReport) -> tuple[list[str], list[list[float]]] | None:
    data = report.summary.get("confusion") if isinstance(report.summary, dict) else None
    if not isinstance(data, dict):
        return None
    labels, matrix = data.get("labels"), data.get("matrix")
    if not labels or not matrix or len(matrix) != len(labels) or any(len(r) != len(labels) for r in matrix):
        return None
    try:
        values = [[v if isinstance(v, int) else float(v) for v in row] for row in matrix]
    except (TypeError, ValueError):
        return None
    return [str(label) for label in labels], values


def _save(fig, path: Path) -> Path:
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=110, bbox_inches="tight")
    return path


def plot_prf(rows: list[dict[str, Any]], path: Path, title: str) -> Path:
    """Grouped bars: precision, recall, F1 per class (row ``name``); one panel per metric variant."""
    from matplotlib.figure import Figure

    families = metric_families(rows) or {"": {m: m for m in METRICS}}
    names = [str(r.get("name", k)) for k, r in enumerate(rows)]
    rotate = len(names) > 5 or max((len(n) for n in names), default=0) > 14
    fig = Figure(figsize=(max(5.0, 0.9 * len(names) + 2), 3.6 * len(families)))
    axes = fig.subplots(len(families), 1, squeeze=False)[:, 0]
    for ax, (variant, family) in zip(axes, families.items()):
        metrics = [m for m in METRICS if m in family]
        width = 0.8 / len(metrics)
        for k, metric in enumerate(metrics):
            values = [float(r.get(family[metric]) or 0.0) for r in rows]
            xs = [i + (k - (len(metrics) - 1) / 2) * width for i in range(len(rows))]
            bars = ax.bar(xs, values, width, label=metric, color=COLOURS[metric])
            if len(rows) <= 12:
                ax.bar_label(bars, labels=[f"{v:.2f}" for v in values], fontsize=7, padding=1)
        ax.set_xticks(
            range(len(names)), names, rotation=30 if rotate else 0, ha="right" if rotate else "center"
        )
        ax.set_ylim(0, 1.1)
        ax.set_ylabel("score")
        ax.set_title(f"{title} ({variant})" if variant else title)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return _save(fig, path)


def plot_confusion(labels: list[str], matrix: list[list[float]], path: Path, title: str) -> Path:
    """Heat map with counts; rows are gold labels, columns predicted."""
    from matplotlib.figure import Figure

    n = len(labels)
    fig = Figure(figsize=(1.1 * n + 2.5, 1.0 * n + 1.8))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues")
    top = max((max(row) for row in matrix), default=0) or 1
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            ax.text(
                j,
                i,
                f"{value:g}",
                ha="center",
                va="center",
                fontsize=9,
                color="white" if value > top / 2 else "black",
            )
    ax.set_xticks(range(n), labels, rotation=30, ha="right")
    ax.set_yticks(range(n), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    return _save(fig, path)


def plot_sections(sections: dict[str, list[dict[str, Any]]], path: Path, title: str) -> Path:
    """One bar per section for each class: compares corpora / levels on each section's F1 (plain
    ``f1`` where there is one, else the first F1 variant)."""
    from matplotlib.figure import Figure

    classes: list[str] = []
    for rows in sections.values():
        for r in rows:
            if str(r.get("name")) not in classes:
                classes.append(str(r.get("name")))
    fig = Figure(figsize=(max(5.0, 0.5 * len(classes) * len(sections) + 2.5), 3.8))
    ax = fig.add_subplot()
    width = 0.8 / len(sections)
    palette = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]
    for k, (name, rows) in enumerate(sections.items()):
        column = _primary_f1(metric_families(rows)) or "f1"
        by_name = {str(r.get("name")): float(r.get(column) or 0.0) for r in rows}
        xs = [i + (k - (len(sections) - 1) / 2) * width for i in range(len(classes))]
        ax.bar(xs, [by_name.get(c, 0.0) for c in classes], width, label=name, color=palette[k % len(palette)])
    ax.set_xticks(
        range(len(classes)),
        classes,
        rotation=30 if len(classes) > 5 else 0,
        ha="right" if len(classes) > 5 else "center",
    )
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("F1")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    return _save(fig, path)


def _rows_table(report: EvalReport, name: str) -> Table:
    columns: list[str] = []
    for row in report.rows:
        columns.extend(c for c in row if c not in columns)
    types = {}
    for c in columns:
        values = [r.get(c) for r in report.rows if r.get(c) is not None]
        types[c] = (
            "float"
            if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
            else "string"
        )
    rows = [
        {c: (_fmt(v) if types[c] == "string" and isinstance(v, (dict, list)) else v) for c, v in r.items()}
        for r in report.rows
    ]
    return Table(name, [Column(c, types[c]) for c in columns], rows)


def _html_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"num" if isinstance(r.get(c), (int, float)) else ""}">{_esc(_fmt(r.get(c)))}</td>'
            for c in columns
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _img(path: Path, alt: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (
        f'<figure><img alt="{_esc(alt)}" src="data:image/png;base64,{data}"><figcaption>{_esc(path.name)}'
        f"</figcaption></figure>"
    )


def _part(report: EvalReport, out_dir: Path, suffix: str, title: str, written: list[Path]) -> str:
    parts = [f"<h2>{_esc(title)}</h2>"]
    scalars = {k: v for k, v in report.summary.items() if k != "confusion"}
    if scalars:
        parts.append(_html_table([{"measure": k, "value": v} for k, v in scalars.items()]))
    if report.rows:
        parts.append(_html_table(report.rows))
        name = f"{_slug(report.task)}{suffix}.csv"
        written.append(write_csv(_rows_table(report, "rows"), out_dir / name))
    for note in report.notes:
        parts.append(f'<p class="note">{_esc(note)}</p>')
    metric_rows = _metric_rows(report)
    if metric_rows:
        path = plot_prf(metric_rows, out_dir / f"prf{suffix}.png", f"{title}: precision / recall / F1")
        written.append(path)
        parts.append(_img(path, f"{title}: per-class precision, recall and F1"))
    confusion = _confusion(report)
    if confusion:
        labels, matrix = confusion
        path = plot_confusion(labels, matrix, out_dir / f"confusion{suffix}.png", f"{title}: confusion")
        written.append(path)
        parts.append(_img(path, f"{title}: confusion matrix (rows gold, columns predicted)"))
        parts.append(
            _html_table(
                [
                    {"gold \\ predicted": g, **{p: v for p, v in zip(labels, row)}}
                    for g, row in zip(labels, matrix)
                ]
            )
        )
    return "\n".join(parts)


PAGE_CSS = """body{font:14px/1.5 system-ui,"DejaVu Sans",sans-serif;margin:24px auto;max-width:1100px;
color:#1d2330}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #d9dde5;padding-bottom:3px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d9dde5;padding:3px 8px;text-align:left}
th{background:#eef1f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:10px 0}img{max-width:100%}figcaption{font-size:12px;color:#5f6878}.note{color:#5f6878}"""


def write_report(report: EvalReport, out_dir: str | Path) -> Path:
    """Write the report files (see module docstring) into ``out_dir``; returns the HTML page's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    body = [_part(report, out_dir, "", f"task {report.task}", written)]
    with_rows = {name: _metric_rows(sub) for name, sub in report.sections.items() if _metric_rows(sub)}
    if len(with_rows) >= 2:
        path = plot_sections(with_rows, out_dir / "sections.png", f"{report.task}: F1 per class by section")
        written.append(path)
        body.append("<h2>Sections compared</h2>" + _img(path, "F1 per class for each section"))
    for name, sub in report.sections.items():
        body.append(_part(sub, out_dir, f".{_slug(name)}", f"{report.task}: {name}", written))
    json_path = out_dir / "report.json"
    with atomic_path(json_path) as tmp:
        tmp.write_text(json.dumps(report.to_dict(), indent=2, default=str) + "\n", encoding="utf-8")
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" '
        f"content=\"default-src 'none'; style-src 'unsafe-inline'; "
        f'img-src data:"><title>claimex evaluate: {_esc(report.task)}</title><style>{PAGE_CSS}</style></head>'
        f"<body><h1>claimex evaluate: {_esc(report.task)}</h1>"
        f'<p class="note">claimex {_esc(__version__)}; files beside this page: '
        f"{_esc(', '.join(p.name for p in [json_path, *written]))}</p>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    html_path = out_dir / "report.html"
    with atomic_path(html_path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return html_path
