"""``claimex_subtypes``: EBM-NLP fine labels (subtypes) for the PICO spans (see :mod:`.component`)."""

from __future__ import annotations

from . import component  # noqa: F401  (registers the factory)
from .component import SubtypeTagger, load_component  # noqa: F401
from .features import SpanFeatures, span_features  # noqa: F401
from .model import CLASSES, FIXED, SubtypeModel  # noqa: F401
