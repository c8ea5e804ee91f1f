"""PICO tagger components: ``claimex_pico`` (spaCy CNN) and ``claimex_hf_pico`` (Hugging Face;
torch/transformers are imported only when the component is built)."""

from __future__ import annotations

from . import component, hf, model  # noqa: F401  (register factories and the architecture)
from .component import PicoTagger  # noqa: F401
from .model import HEADS  # noqa: F401
