"""The annotate step: spaCy components (importing this package registers their factories)."""

from __future__ import annotations

import importlib

from . import abbreviations, entities, outcome_lists, sentences, tokenizer  # noqa: F401  (registers factories)
from .language import build_pipeline, load_nlp  # noqa: F401

# components that live in their own subpackages register on import
for _mod in ("measures", "tagger", "subtypes"):
    try:
        importlib.import_module(f"{__name__}.{_mod}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a subpackage is absent
        if exc.name != f"{__name__}.{_mod}":
            raise
