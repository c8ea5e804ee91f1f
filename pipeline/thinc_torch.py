"""spaCy without torch: thinc's one-time torch probe is skipped unless torch is asked for.

thinc (spaCy's ML library) decides whether torch is available once, when ``thinc.compat`` is
imported: thinc 8.3 runs ``try: import torch ... has_torch = True / except ImportError:
has_torch = False`` there, and spaCy imports thinc. So with torch installed (the optional
``transformers`` extra) every ``import spacy`` imports torch too: 1.5-2 s and ~250 MB, although
claimex's spaCy components never use it. Only the Hugging Face backend needs torch
(``claimex_hf_pico`` and ``claimex train --backend transformers``), and both import it themselves
(``import torch`` in ``annotate/tagger/hf.py`` and ``train/hf_backend.py``), which still works.

:func:`install` (run by ``import claimex``) puts a one-shot finder on ``sys.meta_path`` that wraps
the loader of ``thinc.compat``: while that module executes, ``sys.modules["torch"]`` is ``None``,
Python's documented way to make an import raise ``ImportError`` ("The module cache", Python
language reference 5.3.1), so thinc records ``has_torch = False``; the entry is removed right
after, and a later ``import torch`` imports torch as usual.

Nothing is changed when torch or thinc is already imported (then thinc sees torch as before), or
when ``CLAIMEX_THINC_TORCH=1`` is set: use that to run thinc's own PyTorch layers (e.g.
spacy-transformers pipelines) in the same process as claimex.
"""

from __future__ import annotations

import importlib.abc
import os
import sys

ENV = "CLAIMEX_THINC_TORCH"
_MODULE = "thinc.compat"


class _WithoutTorch(importlib.abc.Loader):
    """Wraps the real loader of ``thinc.compat``; ``import torch`` fails while it executes."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        block = "torch" not in sys.modules
        if block:
            sys.modules["torch"] = None  # type: ignore[assignment]
        try:
            self.loader.exec_module(module)
        finally:
            if block and "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]

    def __getattr__(self, name):  # get_source, get_code, is_package, ... of the real loader
        return getattr(self.loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``thinc.compat`` with the other finders and hands back its spec with a wrapped loader."""

    def find_spec(self, fullname, path, target=None):
        if fullname != _MODULE:
            return None
        uninstall()  # one shot
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find else None
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and "torch" not in sys.modules:
            spec.loader = _WithoutTorch(spec.loader)
        return spec


_FINDER = _Finder()


def install() -> bool:
    """Arrange for thinc to be imported without torch; ``False`` (nothing done) when torch or thinc
    is already imported or ``CLAIMEX_THINC_TORCH=1``."""
    if os.environ.get(ENV) == "1" or "torch" in sys.modules or _MODULE in sys.modules:
        return False
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    return True


def uninstall() -> None:
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
