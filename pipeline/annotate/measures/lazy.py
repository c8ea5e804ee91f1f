"""Regexes compiled on first use (``lazy_compile``), so importing the measure parser costs nothing.

The measure patterns of ``regexes.py`` are long (the unit alternation of ``patterns.UNIT`` is inlined
up to three times per pattern, up to ~37,000 characters each) and Python's ``re`` parses and compiles
them in pure Python: about 1-2 s for all of them, which used to be paid at import, most of a
one-abstract run's start-up. A :class:`LazyPattern` keeps the source and compiles it the first time one
of its methods is called; from then on its ``match``/``search``/... are the compiled pattern's own bound
methods (set on the instance), so a compiled lazy pattern costs ~0.1 us more per call than the
``re.Pattern``. Matches are those of ``re.compile(pattern, flags)``: the same object does the matching.

A text whose numbers, keywords and gate strings never reach a pattern never compiles it; a long run
compiles each pattern once. ``triggers.gated`` hands the parser the compiled ``re.Pattern`` once there
is one; ``compile_all()`` compiles everything up front (before timing the parser, and in the ``claimex batch`` driver
before it forks its workers).

Compiled from the code cached on disk (:mod:`.codecache`) where there is some: the parse and code generation of
all 28 patterns (~0.65 CPU-s) are done once per Python build, not once per process; a first compile saves its
code for the next process (``compile_all`` saves once, at its end).
"""

from __future__ import annotations

import re

from . import codecache

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")

#: every lazy pattern made, in creation order (``compile_all`` walks it)
REGISTRY: list[LazyPattern] = []


class LazyPattern:
    """``re.compile(pattern, flags)``, done on the first call of a matching method."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None
        REGISTRY.append(self)

    def compiled(self, save: bool = True) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet, ``save``: its code kept in the cache file for the
        next process); binds its methods to this object."""
        if self._compiled is None:
            self._compiled = codecache.compile_pattern(self.pattern, self.flags)
            if save:
                codecache.save()
            for name in _METHODS:  # instance attributes shadow the class's forwarding methods below
                setattr(self, name, getattr(self._compiled, name))
        return self._compiled

    def current(self) -> re.Pattern | LazyPattern:
        """The compiled pattern if it is compiled already, else this lazy one (for tables rebuilt per
        text: from the first use on they hold the ``re.Pattern`` itself)."""
        return self._compiled if self._compiled is not None else self

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    @property
    def groupindex(self):
        return self.compiled().groupindex

    @property
    def groups(self) -> int:
        return self.compiled().groups

    # forwarding methods: used only until the first call has compiled the pattern
    def match(self, *args, **kwargs):
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return self.compiled().fullmatch(*args, **kwargs)

    def search(self, *args, **kwargs):
        return self.compiled().search(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        state = "compiled" if self.is_compiled else "not compiled"
        return f"<LazyPattern {self.pattern[:40]!r}... ({state})>"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A :class:`LazyPattern` for ``pattern``: drop-in for ``re.compile`` where only the methods
    ``match``/``fullmatch``/``search``/``finditer``/``findall``/``sub``/``subn``/``split`` are used."""
    return LazyPattern(pattern, flags)


def compile_all() -> int:
    """Compile every lazy pattern not compiled yet; returns how many were compiled now."""
    todo = [p for p in REGISTRY if not p.is_compiled]
    for p in todo:
        p.compiled(save=False)
    codecache.save()
    return len(todo)
