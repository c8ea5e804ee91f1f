"""Regexes behind a gate of the literal keywords every match holds (``gates.prefiltered``, ``literals``; issue 13,
session 29): the keywords read off the parse tree, and every prefiltered pattern of the claims package giving the
same matches as its bare regex on real abstracts and on letters that ``re`` folds oddly."""

from __future__ import annotations

import re
import sys

import pytest

import claimex.assemble.claims  # noqa: F401  (imports every module of the package)
from claimex.assemble.claims import gates
from claimex.assemble.claims.literals import required_keywords
from claimex.paths import seed_fixture


@pytest.mark.parametrize(("pattern", "flags", "keywords"), [
    (r"\bsignifican(?:t|ce)\b", 0, {"significan"}),
    (r"\b(?:increas\w*|rais(?:e|ed)|higher)\b", re.IGNORECASE, {"increas", "raise", "higher"}),  # "rais(?:e|ed)"
    (r"^\s*(?:The|A)\s+(\w+)", 0, {"the", "a"}),
    (r"\d+(?:\.\d+)?\s*%", 0, {"%"}),
    (r"x?y+", 0, {"y"}),  # a repeat of at least one is required, an optional item is not
    (r"(?i:respectively)", 0, {"respectively"}),
])
def test_required_keywords(pattern, flags, keywords):
    assert required_keywords(pattern, flags) == keywords


@pytest.mark.parametrize("pattern", [r"[A-Z]\d", r"(?=abc)\w+", r"\w+(?:ab)?", r"(a)\1|\d", "±\\s*\\d"])
def test_nothing_required(pattern):
    """Classes, look-arounds, optional items, a branch without a literal and non-ASCII literals require nothing."""
    assert required_keywords(pattern) == frozenset()
    with pytest.raises(ValueError):
        gates.prefiltered(re.compile(pattern))


def _prefiltered() -> dict[str, gates.Prefiltered]:
    out = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith("claimex.assemble.claims."):
            for attr, value in vars(module).items():
                if type(value) is gates.Prefiltered:
                    out.setdefault(str(id(value)), (f"{name}.{attr}", value))
    return dict(out.values())


def _texts() -> list[str]:
    seed = seed_fixture().read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.;:])\s+", seed) if s]
    # the letters ``re`` folds to ASCII and ``str.lower`` does not (``gates._FOLDS``): ſ, K, ı
    odd = [s.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131") for s in sentences]
    made = ["Both groups improved; the increase was significant (P < 0.05) in arm A alone, respectively.",
            "Compared with placebo, mortality decreased by 12% versus 20%; no difference at baseline.",
            "\u0130ncreased \u017fignificantly", "SIGNIFICANTLY HIGHER IN THE CONTROL GROUP"]
    return sentences + odd + made + [s[len(s) // 3:] for s in sentences]


def test_the_package_has_prefiltered_patterns():
    assert len(_prefiltered()) >= 20


@pytest.mark.parametrize("name", sorted(_prefiltered()))
def test_same_matches_as_the_bare_regex(name):
    gate = _prefiltered()[name]
    regex = gate.pattern
    assert isinstance(regex, re.Pattern)
    for text in _texts():
        assert [m.span() for m in gate.finditer(text)] == [m.span() for m in regex.finditer(text)], text
        for method in ("search", "match", "fullmatch"):
            got, want = getattr(gate, method)(text), getattr(regex, method)(text)
            assert (got and got.span()) == (want and want.span()), (method, text)
        assert gate.findall(text) == regex.findall(text)
        assert gate.sub("#", text) == regex.sub("#", text)
        got, want = gate.search(text, 5), regex.search(text, 5)
        assert (got and got.span()) == (want and want.span()), ("pos", text)


def test_odd_folds_keep_the_gate_open():
    """"ſignificant" matches ``significant`` case-insensitively in ``re``, though ``str.lower`` leaves the ſ."""
    gate = gates.prefiltered(re.compile(r"\bsignificant\b", re.IGNORECASE))
    assert gate.search("a \u017fignificant fall") is not None
    assert gate.search("no such word here") is None
