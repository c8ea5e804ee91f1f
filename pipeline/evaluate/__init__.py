"""The evaluate step. Each task module exposes ``evaluate(**options) -> EvalReport``.

Tasks: ``fixture`` (the gold fixture end to end), ``measures``, ``pico``, ``claims``, ``direction``,
``subtypes``, ``findings`` (reviewer-grade findings gold, issue 10), ``spans`` (a lint of PICO spans),
``prompts`` (Evidence Inference prompts end to end: found, arms, direction).
"""

from __future__ import annotations

import importlib

from ..metrics import prf  # noqa: F401
from .report import EvalReport

TASKS = {
    "fixture": "claimex.evaluate.fixture",
    "measures": "claimex.evaluate.measures",
    "pico": "claimex.evaluate.pico",
    "claims": "claimex.evaluate.claims",
    "direction": "claimex.evaluate.direction",
    "subtypes": "claimex.evaluate.subtypes",
    "findings": "claimex.evaluate.findings",
    "spans": "claimex.evaluate.spans",
    "prompts": "claimex.evaluate.prompts",
}


def run_task(task: str, **options) -> EvalReport:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    module = importlib.import_module(TASKS[task])
    return module.evaluate(**options)
