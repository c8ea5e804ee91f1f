"""The in-place mypyc build (`make compile`, tools/mypyc_build.py) and the stale-module guard (claimex.compiled)."""

from __future__ import annotations

import importlib
import os
from importlib.machinery import EXTENSION_SUFFIXES

import pytest

from claimex import compiled, paths

LIST = paths.REPO_DIR / "tools" / "mypyc_modules.txt"


def _listed() -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in LIST.read_text().splitlines())
    return [line for line in lines if line]


def _package(tmp_path, *, extension_age: float):
    """A package folder with one listed module and a (fake) extension ``extension_age`` s older than the source."""
    (tmp_path / "sub").mkdir()
    source = tmp_path / "sub" / "mod.py"
    source.write_text("X = 1\n")
    extension = tmp_path / "sub" / f"mod{EXTENSION_SUFFIXES[0]}"
    extension.write_bytes(b"")
    now = source.stat().st_mtime
    os.utime(extension, (now - extension_age, now - extension_age))
    stamp = tmp_path / "_compiled.txt"
    stamp.write_text("sub/mod.py\n")
    return stamp


def test_no_stamp_is_pure_python(tmp_path):
    assert compiled.check(tmp_path / "_compiled.txt") == 0


def test_a_fresh_compiled_module_passes(tmp_path):
    assert compiled.check(_package(tmp_path, extension_age=-5)) == 1


def test_a_compiled_module_older_than_its_source_is_refused(tmp_path):
    stamp = _package(tmp_path, extension_age=5)
    with pytest.raises(compiled.StaleCompiledModule, match=r"mod\.py .*make compile"):
        compiled.check(stamp)


def test_a_listed_module_without_extension_is_not_counted(tmp_path):
    stamp = _package(tmp_path, extension_age=5)
    next((tmp_path / "sub").glob("*.so")).unlink()
    assert compiled.check(stamp) == 0


def test_every_listed_module_exists():
    modules = _listed()
    assert modules and all((paths.REPO_DIR / "pipeline" / m).is_file() for m in modules)


@pytest.mark.skipif(not compiled.STAMP.is_file(), reason="pure Python checkout (no `make compile`)")
def test_compiled_build_is_what_imports():
    """After `make compile` every listed module is imported from its extension, not its source."""
    stamped = compiled.STAMP.read_text().split()
    assert stamped == _listed()
    for path in stamped:
        module = importlib.import_module("claimex." + path.removesuffix(".py").replace("/", "."))
        assert module.__file__.endswith(tuple(EXTENSION_SUFFIXES)), module.__file__
