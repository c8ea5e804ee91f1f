"""The evaluate step. Each task module exposes ``evaluate(**options) -> EvalReport``.

Tasks: ``fixture`` (the gold fixture end to end), ``measures``, ``pico``, ``claims``, ``direction``,
``subtypes``, ``findings`` (reviewer-grade findings gold, issue 10).
"""

from __future__ import annotations

import importlib

from .report import EvalReport, prf  # noqa: F401

TASKS = {
    "fixture": "claimex.evaluate.fixture",
    "measures": "claimex.evaluate.measures",
    "pico": "claimex.evaluate.pico",
    "claims": "claimex.evaluate.claims",
    "direction": "claimex.evaluate.direction",
    "subtypes": "claimex.evaluate.subtypes",
    "findings": "claimex.evaluate.findings",
}


def run_task(task: str, **options) -> EvalReport:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    module = importlib.import_module(TASKS[task])
    return module.evaluate(**options)
