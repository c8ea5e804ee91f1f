"""Training callbacks: a wall-clock limit for ``spacy train`` (``training.before_update``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from spacy.util import registry


class TimeLimitReached(Exception):
    """Raised by the time-limit callback; spaCy saves the last checkpoint, model-best is kept."""


@registry.callbacks("claimex.time_limit.v1")
def create_time_limit(minutes: float | None = None) -> Callable[..., None]:
    start = [None]

    def before_update(nlp, args) -> None:
        if start[0] is None:
            start[0] = time.time()
        if minutes and time.time() - start[0] > minutes * 60:
            raise TimeLimitReached(f"training time limit of {minutes} min reached at step {args.get('step')}")

    return before_update
