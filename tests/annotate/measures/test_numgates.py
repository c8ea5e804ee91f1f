"""``numgates``: the gates of the number-anchored patterns never skip a pattern that would match, and the parser's
candidates with the gates are those without them."""

from __future__ import annotations

import random
import re

import pytest

try:
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from claimex.annotate.measures import numgates, parse, patterns, regexes
from claimex.annotate.measures.numbers import normalise
from claimex.annotate.measures.numgates import GATES, NUMBER_RUN, gate_of
from claimex.annotate.measures.regexes import RE_C_OF, RE_C_SLASH, RE_MSD1, RE_MSD3, RE_R1, RE_TH2, RE_UNIT


def _consumed(items, out: set, flags: int = 0) -> None:
    """What a parsed (sub)pattern can consume, outside look-arounds: literal characters and categories."""
    for op, av in items:
        if op is _c.LITERAL:
            out.add(("char", chr(av), bool(flags & re.IGNORECASE)))
        elif op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL:
                    out.add(("char", chr(value), bool(flags & re.IGNORECASE)))
                elif kind is _c.RANGE:
                    out.update(("char", chr(k), bool(flags & re.IGNORECASE)) for k in range(value[0], value[1] + 1))
                else:
                    out.add((str(kind), str(value), False))
        elif op is _c.BRANCH:
            for branch in av[1]:
                _consumed(branch, out, flags)
        elif op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            _consumed(sub, out, (flags | add) & ~remove)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            _consumed(av[2], out, flags)
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width
        else:
            out.add((str(op), str(av), False))


@pytest.mark.parametrize("source", [patterns.NUMB, patterns.INT, "[ ]{0,3}"])
def test_number_chars_hold_every_character_a_number_can_consume(source):
    consumed: set = set()
    _consumed(_parser.parse(source), consumed)
    assert consumed
    for kind, value, folded in consumed:
        if kind == "char":
            assert not folded and NUMBER_RUN.fullmatch(value), value
        else:  # only \d, which the run's class holds as \d
            assert (kind, value) == ("CATEGORY", "CATEGORY_DIGIT"), (kind, value)
    # and the run holds nothing a following word of a gate starts with
    for ch in "oft/a±[":
        assert not NUMBER_RUN.fullmatch(ch)


def test_gated_patterns_open_with_the_number_the_gates_assume():
    """The gates' reasoning reads each pattern's opening: number (and optional unit), then the gate's word."""
    unit = f"(?P<lu>{patterns.UNIT})?"
    assert RE_R1.pattern.startswith(f"{regexes._APX}?(?P<lo>{regexes._NUMX}){unit}"
                                    "(?P<sep>[ ]{0,2}-[ ]{0,2}|[ ]{1,2}(?:to|through)[ ]{1,2})")
    assert RE_C_OF.pattern.startswith(f"(?P<x>{regexes._NUMX})[ ]{{1,2}}(?P<of>out[ ]of|of|from)[ ]")
    assert RE_C_SLASH.pattern.startswith(rf"(?<![\w.,/^-])(?P<x>{patterns.INT})[ ]?/")
    assert RE_TH2.pattern.startswith(f"(?P<val>{patterns.NUMB})(?P<u>{patterns.UNIT})?(?P<suf>[ ]{{1,2}}"
                                     "(?:of[ ]age[ ]{1,2})?(?:or|and)[ ]")
    assert RE_MSD1.pattern.startswith(f"{regexes._KW_MEAN}{regexes._APX}?(?P<val>{patterns.NUMB})"
                                      f"(?P<u1>{patterns.UNIT})?[ ]{{0,3}}{regexes._PM}")
    assert RE_MSD3.pattern.startswith(f"{regexes._KW_MEAN}(?P<val>{patterns.NUMB})(?P<u1>{patterns.UNIT})?"
                                      r"[ ]{0,2}[(\[]")
    assert RE_UNIT.pattern.startswith(f"(?P<val>{patterns.NUMB})(?:(?P<u>{patterns.UNIT})")
    # a unit is matched the same inside any of them: no group reference or conditional in it
    assert "(?P=" not in patterns.UNIT and "(?(" not in patterns.UNIT
    assert set(GATES) == {p.pattern for p in (RE_C_OF, RE_C_SLASH, RE_R1, RE_TH2, RE_MSD1, RE_MSD3)}


def _number_starts(s: str) -> list[int]:
    """The positions ``parse._candidates`` tries ``AT_NUMBER`` at (a digit run's start, the sign or dot before)."""
    out = []
    for m in re.finditer(r"\d+", s):
        p = m.start()
        if p >= 2 and s[p - 1] in ".," and s[p - 2].isdigit():
            continue
        out.append(p)
        if p >= 1 and s[p - 1] in ".+-":
            out.append(p - 1)
        if p >= 2 and s[p - 2] in "+-" and s[p - 1] in ". ":
            out.append(p - 2)
    return out


def _fuzz(rng: random.Random, n: int) -> list[str]:
    pieces = ["12", "3", "0.5", ".4", "1,000", "1 000", " ", "  ", "-", " - ", "+", "+/-", "±", " to ", " through ",
              "to", "of", " of ", "out of", " from ", "/", " / ", "or older", " and more", " of age ", "(", ")", "[",
              "]", "mg", " mg", "%", " years", "-day", "x10^3", "e-5", "×", "^", "patients", "vs", "SD", ","]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_a_closed_gate_means_no_match(pubmed_sentences):
    """Wherever a gate is closed (and, for the patterns that allow a unit, ``RE_UNIT`` finds none), the pattern
    does not match there: real abstracts and made-up number phrases."""
    texts = [normalise(t) for t in pubmed_sentences[::3]] + _fuzz(random.Random(7), 4000)
    closed = {p: 0 for p in GATES}
    for s in texts:
        for q in _number_starts(s):
            r = NUMBER_RUN.match(s, q).end()
            unit = RE_UNIT.match(s, q)
            for rx in (RE_C_OF, RE_C_SLASH, RE_R1, RE_TH2, RE_MSD1, RE_MSD3):
                test, after_unit = gate_of(rx)
                if test(s, q, r) or (after_unit and unit is not None):
                    continue
                closed[rx.pattern] += 1
                assert rx.match(s, q) is None, (s, q, rx.pattern[:60])
    assert all(closed.values())  # every gate closed somewhere


def test_candidates_are_the_same_without_the_gates(pubmed_sentences, monkeypatch):
    texts = [normalise(t) for t in pubmed_sentences[1::4]] + _fuzz(random.Random(11), 1500)
    with_gates = [parse._candidates(s) for s in texts]
    monkeypatch.setattr(parse, "gate_of", lambda rx: None)
    without = [parse._candidates(s) for s in texts]
    assert sum(map(len, without)) > 1000
    assert [[_fields(c) for c in cs] for cs in with_gates] == [[_fields(c) for c in cs] for cs in without]


def _fields(c) -> tuple:
    return tuple(getattr(c, name, None) for name in type(c).__slots__)


def test_the_module_doc_names_every_gated_pattern():
    for name in ("RE_C_OF", "RE_C_SLASH", "RE_R1", "RE_TH2", "RE_MSD1", "RE_MSD3", "RE_UNIT"):
        assert name in numgates.__doc__
