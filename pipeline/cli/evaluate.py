"""``claimex evaluate --task TASK``: score the pipeline against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import ModelOption, fail


def evaluate(
    task: str = typer.Option("fixture", "--task", "-t",
                             help="fixture | measures | pico | claims | direction | subtypes | spans"),
    gold: Optional[Path] = typer.Option(None, "--gold", "-g",
                                        help="Gold file or shared corpus spec (default: the task's own)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score these predicted records (JSONL) "
                                                             "instead of running the pipeline."),
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="spans: records JSONL or any readable input "
                                                                      "(PubMed XML, JSONL, ...) to lint."),
    model: Optional[str] = ModelOption,
    limit: Optional[int] = typer.Option(None, help="Score at most this many documents."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the report as JSON."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write an HTML report with plots to DIR."),
) -> None:
    """Evaluate a task and print a per-class table (precision, recall, F1, support)."""
    from ..evaluate import TASKS, run_task

    if task not in TASKS:
        raise fail(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    if gold is not None and not gold.exists():
        from ..corpora import SHARED, parse_spec

        if parse_spec(str(gold))[0] not in SHARED:
            raise fail(f"{gold}: gold file not found")
    if input is not None and not input.exists():
        raise fail(f"{input}: input file not found")
    extra = {"input": input} if input is not None else {}
    result = run_task(task, gold=gold, pred=pred, model=model, limit=limit, **extra)
    result.render()
    if json_out:
        result.write_json(json_out)
    if report:
        from ..review.report import write_report

        write_report(result, report)


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
