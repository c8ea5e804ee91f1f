"""The per-process caches of claim assembly, emptied on request (issue 13: timing it on abstracts it has not seen).

Claim assembly keeps small bounded caches of pure functions of a text or a word set (``functools.lru_cache`` on
module functions, and the gates' case-folded texts, :data:`.gates._FOLDED`), so a sentence asked about by several
rules is read once. Timed on the very records a warm-up pass has just assembled, every per-text cache answers and the
pass looks faster than on new abstracts; :func:`clear` empties them all, so that a timing can warm up on other
records first (``claimex evaluate --task claims``). Nothing else needs it: the caches are bounded and hold no state
that changes an answer.
"""

from __future__ import annotations

import sys

from . import gates


def clear() -> int:
    """Empty every ``functools`` cache of the modules of this package and the gates' folded texts; returns how many
    caches were emptied (each once, though a cached function is imported into many modules)."""
    package = __name__.rpartition(".")[0]
    cached: dict[int, object] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not (name == package or name.startswith(package + ".")):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                cached[id(value)] = value
    for value in cached.values():
        value.cache_clear()  # type: ignore[attr-defined]
    gates._FOLDED.clear()
    return len(cached) + 1
