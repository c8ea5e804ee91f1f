"""Compiled regular expressions kept on disk between processes: ``re``'s parser and code generator run once per
pattern and Python build, not once per process.

Method. ``re.compile`` parses a pattern (``re._parser.parse``) and generates its matching code
(``re._compiler._code``), both in pure Python, then makes the pattern object from that code in C
(``_sre.compile``). For the measure patterns (28 of up to ~37,000 characters, 0.9 M code words) the two Python
steps take ~0.65 CPU-s per process: a third of the serial set-up of ``claimex batch --workers N`` before it
forks its workers (bench/BATCH.md, session 20) and part of every ``claimex extract`` that meets a measure. This
module keeps, per (pattern, flags), the arguments that ``re._compiler.compile`` hands to ``_sre.compile`` (flags,
code, group count and names) in one file per interpreter build, and gives ``_sre.compile`` the stored code the
next time (~12 ms for all 28): the same code, so the same pattern object and the same matches. ``_sre.compile``
checks the code it is given and rejects a damaged word.

Safe by falling back: no cache directory, an unreadable, damaged or foreign file, an entry of the wrong shape or
an interpreter whose ``re`` internals differ, and the pattern is compiled by ``re.compile`` as before. The file
name holds the Python version, ``_sre.MAGIC``, the code word size and the ``marshal`` version (``marshal``:
plain data, no code runs on load); it is written whole under a temporary name and renamed (:func:`save`), merged
with what another process saved meanwhile.

Where: ``$CLAIMEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimex``, else ``~/.cache/claimex``;
``CLAIMEX_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import _sre
import array
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # CPython 3.11+: the steps of re.compile (re._compiler.compile)
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter: re.compile only
    _compiler = _parser = None

OFF = "off"
#: the flags this module compiles itself (others, DEBUG and TEMPLATE among them, are left to re.compile)
PLAIN_FLAGS = int(re.IGNORECASE | re.LOCALE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII)
#: (pattern, flags) -> (flags of the pattern object, code as array('I') bytes, groups - 1, groupindex, indexgroup)
Entry = tuple[int, bytes, int, dict, tuple]

# the file's entries not used yet (read once per process; an entry is dropped once its pattern is made, so a
# driver does not hand ~4 MB of code its workers never read to every forked worker)
_table: dict[tuple[str, int], Entry] | None = None
_made: dict[tuple[str, int], Entry] = {}  # entries made by this process and not saved yet


def cache_dir() -> Path | None:
    """The cache directory (None: turned off)."""
    env = os.environ.get("CLAIMEX_CACHE_DIR")
    if env:
        return None if env == OFF else Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found: no cache
            return None
    return Path(base) / "claimex"


def cache_path() -> Path | None:
    """This interpreter build's cache file (None: turned off)."""
    folder = cache_dir()
    if folder is None:
        return None
    build = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{marshal.version}"
    return folder / f"re-{sys.implementation.cache_tag}-{hashlib.sha256(build.encode()).hexdigest()[:16]}.marshal"


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cached code where there is some (call :func:`save` to keep what
    was compiled here for the next process)."""
    flags = int(flags)
    entry = _loaded().pop((pattern, flags), None)
    if entry is not None:
        try:
            return _from_entry(pattern, entry)
        except Exception:  # a damaged entry: made again below
            pass
    entry = _make_entry(pattern, flags)
    if entry is None:
        return re.compile(pattern, flags)
    _made[(pattern, flags)] = entry
    return _from_entry(pattern, entry)


def save() -> bool:
    """Write the entries made since the last save into the cache file (merged with the file as it is now);
    False when there was nothing to write or it could not be written."""
    path = cache_path()
    if not _made or path is None:
        return False
    merged = _read(path)
    merged.update(_made)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(merged, fh)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    _made.clear()
    return True


def _loaded() -> dict[tuple[str, int], Entry]:
    global _table
    if _table is None:
        path = cache_path()
        _table = _read(path) if path is not None else {}
    return _table


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    """The file's entries of the right shape ({} when it is missing or damaged)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if _well_formed(key, value)}


def _well_formed(key, value) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(value, tuple) and len(value) == 5 and isinstance(value[0], int)
            and isinstance(value[1], bytes) and isinstance(value[2], int) and isinstance(value[3], dict)
            and isinstance(value[4], tuple))


def _make_entry(pattern: str, flags: int) -> Entry | None:
    """What ``re._compiler.compile`` computes for ``_sre.compile`` (None: this interpreter's ``re`` differs, or the
    pattern is one that ``re.compile`` must handle itself: flags it warns about or rejects, DEBUG)."""
    if _compiler is None or not isinstance(pattern, str) or flags & ~PLAIN_FLAGS:
        return None
    try:
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | tree.state.flags), array.array("I", code).tobytes(), tree.state.groups - 1,
                groupindex, tuple(indexgroup))
    except Exception:  # a syntax error is re.compile's to raise; other internals: re.compile does it all
        return None


def _from_entry(pattern: str, entry: Entry) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array.array("I", code).tolist(), groups, groupindex, indexgroup)
