"""Property tests: the parser never raises and always returns consistent, well-formed measures."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimex.annotate.measures import KINDS, parse_measures
from claimex.annotate.measures.parse import _parse_strict

# text built from the pieces the parser reacts to, so that the properties are exercised on measures
_PIECES = st.sampled_from([
    " ", "  ", "\u2009", "\u00a0", "-", "\u2013", "\u2212", "\u00b1", "+/-", "%", ".", ",", ";", ":", "(", ")", "[",
    "]", "/", "<", ">", "\u2265", "\u2264", ">/=", "=", "~", "\u00b7", "\u00d7", "x", "10", "0", "1", "2", "5",
    "12", "57", "91", "2000", "1,009", "13 388", ".004", "0.05", "6-42.5", "mg", "mg/kg", "months", "mo.", "yrs",
    "percent", "patients", "women", "of", "to", "and", "vs", "between", "from", "P", "p", "n", "N", "CI", "95%",
    "OR", "HR", "IQR", "median", "mean", "SD", "aged", "years old", "Twenty", "nine", "hundred", "one", "grade",
    "phase", "IL-", "COVID-", "NCT", "January", "doi", "10.1159/", "e", "\u00b5g", "m\u00b2", "\n",
])
_TEXTS = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=30).map("".join))

_FLOATS = ("value", "low", "high", "level", "denominator", "ci_low", "ci_high", "sd")


def _check(text: str) -> None:
    ms = _parse_strict(text)  # raises on a bug, unlike parse_measures
    last_start, last_end = -1, -1
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.kind in KINDS
        assert m.start >= last_end, "measures overlap"
        assert m.start >= last_start, "not sorted"
        last_start, last_end = m.start, m.end
        for name in _FLOATS:
            v = getattr(m, name)
            assert v is None or (isinstance(v, float) and math.isfinite(v)), (name, v)
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
        if m.kind == "range":
            assert m.low is not None and m.high is not None and m.low <= m.high
        if m.kind == "p_value":
            assert 0.0 <= m.value <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_parser_properties(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_parse_measures_never_raises(text):
    assert isinstance(parse_measures(text), list)


def test_non_string_and_huge_input():
    assert parse_measures(None) == []  # type: ignore[arg-type]
    assert parse_measures("") == []
    big = "9" * 5000 + " mg and " + "1e999 patients " + "(" * 2000 + "p=0.05" + ")" * 2000
    _check(big)
    long_text = ("Of 40 patients (95% CI 1.2-3.4), 12.3 \u00b1 4.5 mg; " * 400)
    assert len(_parse_strict(long_text)) >= 400
