"""``claimex evaluate --task TASK``: score the pipeline against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..evaluate import TASKS
from .common import ModelOption, QuietOption, choices, fail, quiet_logs, require

Task = choices("Task", TASKS)
Split = choices("Split", ("tune", "report", "all"))


def evaluate(
    task: Task = typer.Option("fixture", "--task", "-t", help="What to score."),
    gold: Optional[Path] = typer.Option(None, "--gold", "-g",
                                        help="Gold file or shared corpus spec (default: the task's own)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score these predicted records (JSONL) "
                                                             "instead of running the pipeline."),
    input: Optional[Path] = typer.Option(None, "--input", "-i", help="spans: records JSONL or any readable input "
                                                                      "(PubMed XML, JSONL, ...) to lint."),
    model: Optional[str] = ModelOption,
    limit: Optional[int] = typer.Option(None, help="Score at most this many documents."),
    split: Optional[Split] = typer.Option(None, "--split", help="findings: which half of the gold (default all)."),
    ids: Optional[Path] = typer.Option(None, "--ids", help="findings: score only the gold abstracts listed in FILE "
                                                           "(source:id a line, # comments)."),
    skip_ids: Optional[Path] = typer.Option(None, "--skip-ids", help="findings: leave out the gold abstracts listed "
                                                                     "in FILE."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the report as JSON."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write an HTML report with plots to DIR "
                                                                 "(findings: a markdown file of examples)."),
    quiet: bool = QuietOption,
) -> None:
    """Evaluate a task and print a per-class table (precision, recall, F1, support)."""
    from ..evaluate import run_task

    quiet_logs(quiet)
    if report is not None and task.value != "findings":  # findings write a markdown file
        require("matplotlib", "--report")
    if gold is not None and not gold.exists():
        from ..corpora import SHARED, parse_spec

        if parse_spec(str(gold))[0] not in SHARED:
            raise fail(f"{gold}: gold file not found")
    if input is not None and not input.exists():
        raise fail(f"{input}: input file not found")
    for path in (ids, skip_ids):
        if path is not None and not path.exists():
            raise fail(f"{path}: ids file not found")
    options = {"split": split.value} if split else {}
    options.update({k: v for k, v in (("ids", ids), ("skip_ids", skip_ids)) if v is not None})
    if input is not None:
        options["input"] = input
    try:
        result = run_task(task.value, gold=gold, pred=pred, model=model, limit=limit, **options)
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
