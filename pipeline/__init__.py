"""claimex: structured claim records from biomedical abstracts.

Public API::

    from claimex import load, extract, Record
    ex = load()                  # shipped model; load("rules") for the rule pipeline only
    record = ex(text, id="123")  # a claimex.schema.Record
    print(record.to_json())
"""

from __future__ import annotations

__version__ = "0.1.0"

from . import thinc_torch

thinc_torch.install()  # spaCy's thinc would import torch; only the Hugging Face backend needs it

from .schema import SCHEMA_VERSION, Claim, Entity, Measure, Record  # noqa: E402,F401


def __getattr__(name):  # lazy: importing the package must not import spaCy
    if name in {"load", "extract", "Extractor"}:
        from . import extractor

        return getattr(extractor, name)
    raise AttributeError(name)


__all__ = ["load", "extract", "Extractor", "Record", "Claim", "Entity", "Measure", "SCHEMA_VERSION",
           "__version__"]
