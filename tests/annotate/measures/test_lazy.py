"""Measure patterns compiled on first use (``annotate/measures/lazy.py``) behave as ``re.compile``."""

from __future__ import annotations

import re
import subprocess
import sys

from claimex.annotate.measures import lazy, parse_measures, regexes
from claimex.annotate.measures.measure import ParsedMeasure

SENTENCES = [
    "Mortality was 12% vs 20% (P = 0.03); OR 2.1 (95% CI 1.2-3.4).",
    "Median age 54 years (IQR 46-59), 127 patients; 16 of 41 responded, n = 25/51.",
    "The dose was 75 mg/m2 every 3 weeks; mean 12.3 ± 4.5 mmHg, between 5 and 10 days.",
    "HR 0.76 (0.61-0.95) at >50% and approximately 40% at least 18 months, pH 7.4, $2436.",
    "No deaths; Twenty one women aged 50-69 years old [9, 16] 13 [9, 16].",
]


def test_importing_the_parser_compiles_no_measure_pattern():
    code = ("from claimex.annotate.measures import lazy, parse_measures; "
            "print(len(lazy.REGISTRY), sum(p.is_compiled for p in lazy.REGISTRY))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) >= 25 and out[1] == "0"


def test_every_lazy_pattern_matches_as_re_compile(seed_path):
    texts = SENTENCES + [seed_path.read_text(encoding="utf-8")]
    patterns = [v for v in vars(regexes).values() if isinstance(v, lazy.LazyPattern)]
    assert len(patterns) >= 25
    for p in patterns:
        eager = re.compile(p.pattern, p.flags)
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in p.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in eager.finditer(text)]
            for pos in range(0, len(text), 7):
                a, b = p.match(text, pos), eager.match(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
        assert p.is_compiled and p.groupindex == eager.groupindex


def test_first_call_binds_the_compiled_methods():
    p = lazy.LazyPattern(r"(?P<n>\d+)[ ]?%")
    assert not p.is_compiled
    assert p.search("was 12 %").group("n") == "12"
    assert p.is_compiled and p.match == p.compiled().match and p.search == p.compiled().search
    assert p.sub("N%", "12% and 3 %") == "N% and N%"


def test_gated_tables_hold_compiled_patterns_once_compiled():
    from claimex.annotate.measures.triggers import AT_NUMBER, gated

    text = "12 of 41 (29%) responded"
    first = {id(rx): rx for rx, _ in AT_NUMBER}
    for rx, _ in gated(AT_NUMBER, text):
        assert isinstance(rx, (lazy.LazyPattern, re.Pattern))
    parse_measures(text)
    compiled = [rx for rx, _ in gated(AT_NUMBER, text) if isinstance(rx, re.Pattern)]
    assert compiled and all(any(p.is_compiled and p.compiled() is rx for p in first.values()) for rx in compiled)


def test_compile_all_compiles_what_is_left():
    p = lazy.LazyPattern(r"x+")
    assert lazy.compile_all() >= 1
    assert p.is_compiled and lazy.compile_all() == 0


def test_parse_output_does_not_depend_on_what_was_compiled_first():
    """The same parse whether the patterns were compiled up front or on demand during parsing."""
    code = ("import json, sys; from claimex.annotate.measures import lazy, parse_measures\n"
            "if sys.argv[1] == 'eager': lazy.compile_all()\n"
            "texts = json.loads(sys.stdin.read())\n"
            "print(json.dumps([[m.to_dict() for m in parse_measures(t)] for t in texts]))")
    runs = [subprocess.run([sys.executable, "-c", code, mode], input=__import__("json").dumps(SENTENCES),
                           capture_output=True, text=True, check=True).stdout for mode in ("eager", "lazy")]
    assert runs[0] == runs[1]
    here = [[m.to_dict() for m in parse_measures(t)] for t in SENTENCES]
    assert __import__("json").loads(runs[0]) == here and sum(map(len, here)) >= 20


def test_to_dict_equals_dataclasses_asdict():
    from dataclasses import asdict

    for text in SENTENCES:
        for m in parse_measures(text):
            assert m.to_dict() == asdict(m)
            assert m.to_schema("M1").model_dump(exclude={"id"}) == asdict(m)
    assert ParsedMeasure(0, 3, "12%", "percentage", value=12.0).to_dict()["value"] == 12.0
