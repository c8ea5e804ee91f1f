"""Refuse compiled modules older than their source (the in-place mypyc build, ``tools/mypyc_build.py``).

``make compile`` builds some modules with mypyc in place: an extension module beside each ``.py``, which Python
imports instead of the source. Edit or check out a newer ``.py`` without rebuilding and the old compiled code would
run silently. The build writes a stamp (``_compiled.txt`` in this package, one module path per line, never
shipped in a wheel); at import, ``check`` compares each listed module's extension with its source by modification
time and raises ``StaleCompiledModule`` naming the module and the fix. No stamp (pure Python, a wheel): nothing to do.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
STAMP = PACKAGE / "_compiled.txt"


class StaleCompiledModule(ImportError):
    """A compiled module is older than its ``.py``."""


def compiled_modules(stamp: Path = STAMP) -> list[tuple[Path, Path]]:
    """(source, extension) of every module the stamp lists whose extension exists."""
    if not stamp.is_file():
        return []
    pairs = []
    for line in stamp.read_text().split():
        source = stamp.parent / line
        for suffix in EXTENSION_SUFFIXES:
            extension = source.with_name(source.stem + suffix)
            if extension.exists():
                pairs.append((source, extension))
                break
    return pairs


def check(stamp: Path = STAMP) -> int:
    """Raise ``StaleCompiledModule`` if a compiled module is older than its source; return how many are compiled."""
    pairs = compiled_modules(stamp)
    for source, extension in pairs:
        if source.stat().st_mtime > extension.stat().st_mtime:
            raise StaleCompiledModule(
                f"claimex: {extension.name} (compiled) is older than {source.name} in {source.parent}; "
                "run `make compile` to rebuild it, or `python tools/mypyc_build.py --clean` for pure Python")
    return len(pairs)
