"""The assemble step: a spaCy Doc plus its source Document become a claimex/1 Record."""

from . import component  # noqa: F401  (registers the claimex_record factory)
from .record import to_record  # noqa: F401
