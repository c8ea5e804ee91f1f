"""Measure patterns compiled from the code cached on disk (``annotate/measures/codecache.py``) behave as
``re.compile``; a missing, damaged or switched-off cache falls back to it."""

from __future__ import annotations

import re

import pytest

from claimex.annotate.measures import codecache, regexes
from claimex.annotate.measures.lazy import LazyPattern


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache directory and a process that has read no cache file yet."""
    monkeypatch.setenv("CLAIMEX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(codecache, "_table", None)
    monkeypatch.setattr(codecache, "_made", {})
    return tmp_path


def new_process(monkeypatch) -> None:
    """Forget what this process read and compiled, as the next process starts."""
    monkeypatch.setattr(codecache, "_table", None)
    monkeypatch.setattr(codecache, "_made", {})


def measure_patterns() -> list[LazyPattern]:
    patterns = [v for v in vars(regexes).values() if isinstance(v, LazyPattern)]
    assert len(patterns) >= 25
    return patterns


def same_matches(got: re.Pattern, eager: re.Pattern, texts: list[str]) -> None:
    assert (got.pattern, got.flags, got.groups, dict(got.groupindex)) == \
        (eager.pattern, eager.flags, eager.groups, dict(eager.groupindex))
    for text in texts:
        assert [(m.span(), m.groups()) for m in got.finditer(text)] == \
            [(m.span(), m.groups()) for m in eager.finditer(text)]


def test_the_next_process_compiles_from_the_file_and_matches_as_re_compile(fresh_cache, monkeypatch, seed_path):
    texts = [seed_path.read_text(encoding="utf-8"), "Mortality was 12% vs 20% (P = 0.03); OR 2.1 (95% CI 1.2-3.4)."]
    patterns = measure_patterns()
    for p in patterns:
        codecache.compile_pattern(p.pattern, p.flags)
    assert codecache.save() and codecache.cache_path().is_file()
    new_process(monkeypatch)

    def not_parsed(pattern, flags):
        raise AssertionError("parsed again: the cached code was not used")

    monkeypatch.setattr(codecache, "_make_entry", not_parsed)
    for p in patterns:
        same_matches(codecache.compile_pattern(p.pattern, p.flags), re.compile(p.pattern, p.flags), texts)
    assert not codecache.save()  # nothing new to write
    assert codecache._table == {}  # the code read is not kept once its patterns are made


def test_a_damaged_file_or_entry_falls_back_and_is_mended(fresh_cache, monkeypatch, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    p = measure_patterns()[0]
    codecache.compile_pattern(p.pattern, p.flags)
    codecache.save()
    path = codecache.cache_path()
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # cut off mid-write by another writer
    new_process(monkeypatch)
    same_matches(codecache.compile_pattern(p.pattern, p.flags), re.compile(p.pattern, p.flags), [text])
    assert codecache.save()

    new_process(monkeypatch)
    key = (p.pattern, int(p.flags))
    entry = codecache._loaded()[key]
    codecache._table[key] = (entry[0], entry[1][: len(entry[1]) // 2], *entry[2:])  # code cut: _sre rejects it
    same_matches(codecache.compile_pattern(p.pattern, p.flags), re.compile(p.pattern, p.flags), [text])
    assert codecache._made[key] == entry  # made again, the same code


def test_switched_off_writes_nothing_and_bad_patterns_raise_as_re_compile(fresh_cache, monkeypatch):
    monkeypatch.setenv("CLAIMEX_CACHE_DIR", codecache.OFF)
    assert codecache.cache_path() is None
    got = codecache.compile_pattern(r"(?P<n>\d+)[ ]?%", re.IGNORECASE)
    assert got.search("was 12 %").group("n") == "12"
    assert not codecache.save() and not list(fresh_cache.iterdir())
    with pytest.raises(re.error):
        codecache.compile_pattern(r"(?P<n>\d+", 0)


def test_no_home_directory_means_no_cache(fresh_cache, monkeypatch):
    monkeypatch.delenv("CLAIMEX_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(codecache.Path, "home", staticmethod(no_home))
    assert codecache.cache_dir() is None and codecache.cache_path() is None
    assert codecache.compile_pattern(r"(\d+)%").search("was 12%").group(1) == "12"
    assert not codecache.save()
