"""claimex: structured claim records from biomedical abstracts.

Public API::

    import claimex
    nlp = claimex.load()                 # spaCy pipeline (shipped model; load("rules"): rules only)
    doc = nlp(text)                      # doc._.record, doc._.claims, doc.spans["measures"|"pico"]

    ex = claimex.Extractor.load()        # Records from texts and files
    record = ex(text, id="123")          # a claimex.schema.Record
    record = claimex.extract(text)       # one-shot, cached pipeline
    print(record.to_json())
"""

from __future__ import annotations

from . import compiled, thinc_torch

compiled.check()  # before any module that `make compile` may have built: never run a stale compiled one
thinc_torch.install()  # spaCy's thinc would import torch; only the Hugging Face backend needs it

from .schema import SCHEMA_VERSION, Claim, Entity, Measure, Record  # noqa: E402
from .version import __version__  # noqa: E402


def __getattr__(name):  # lazy: importing the package must not import spaCy
    if name in {"load", "extract", "Extractor"}:
        from . import extractor

        return getattr(extractor, name)
    raise AttributeError(name)


__all__ = ["load", "extract", "Extractor", "Record", "Claim", "Entity", "Measure", "SCHEMA_VERSION",
           "__version__"]
