"""The write step: Records to files (JSONL here; tables in :mod:`claimex.review.export`)."""

from .atomic import atomic_path  # noqa: F401
from .jsonl import JsonlWriter, read_records  # noqa: F401
