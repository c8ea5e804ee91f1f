"""``claimex evaluate --task TASK``: score the pipeline against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import ModelOption, fail


def evaluate(
    task: str = typer.Option("fixture", "--task", "-t",
                             help="fixture | measures | pico | claims | direction | subtypes | findings"),
    gold: Optional[Path] = typer.Option(None, "--gold", "-g",
                                        help="Gold file or shared corpus spec (default: the task's own)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score these predicted records (JSONL) "
                                                             "instead of running the pipeline."),
    model: Optional[str] = ModelOption,
    limit: Optional[int] = typer.Option(None, help="Score at most this many documents."),
    split: Optional[str] = typer.Option(None, "--split", help="findings: tune | report | all (default all)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the report as JSON."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write an HTML report with plots to DIR "
                                                                 "(findings: a markdown file of examples)."),
) -> None:
    """Evaluate a task and print a per-class table (precision, recall, F1, support)."""
    from ..evaluate import TASKS, run_task

    if task not in TASKS:
        raise fail(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    if gold is not None and not gold.exists():
        from ..corpora import SHARED, parse_spec

        if parse_spec(str(gold))[0] not in SHARED:
            raise fail(f"{gold}: gold file not found")
    options = {"split": split} if split else {}
    try:
        result = run_task(task, gold=gold, pred=pred, model=model, limit=limit, **options)
    except ValueError as exc:
        raise fail(str(exc))
    result.render()
    if json_out:
        result.write_json(json_out)
    if report and hasattr(result, "write_markdown"):
        result.write_markdown(report)
    elif report:
        from ..review.report import write_report

        write_report(result, report)


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
