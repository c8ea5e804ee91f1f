"""Cue patterns opened on their first letter (``gates.first_letter``, issue 13): the same matches, spans and groups
as the look-behind-first forms they replace (kept here), on real sentences and made-up strings."""

from __future__ import annotations

import ast
import random
import re
from pathlib import Path

import pytest

from claimex.assemble.claims import gates, hedging, labels, sides
from claimex.assemble.claims.labels import ARM_HEAD, ARM_LABEL

CLAIMS = Path(gates.__file__).parent
FOLD_CHARS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)


def _old_cues(*words: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """``gates.cues`` before the first-letter opening (main 76aaec8)."""
    body = "(?:" + "|".join(words) + r")(?![\w-])"
    if not all(w[:1].isalpha() for w in words):
        return re.compile(r"(?<![\w-])" + body, flags)
    body = gates._by_first_letter(words, flags) + r"(?![\w-])"
    firsts = "".join(sorted({w[0].lower() for w in words} | {w[0].upper() for w in words}))
    return re.compile(r"\b(?=[" + firsts + r"])(?<![-])" + body, flags)


def _cue_calls() -> list[tuple[str, tuple[str, ...], int]]:
    """Every ``cues(...)`` call of the claims package with literal arguments: (where, words, flags)."""
    out = []
    for path in sorted(CLAIMS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "cues":
                words = tuple(ast.literal_eval(a) for a in node.args)
                flags = re.IGNORECASE
                for kw in node.keywords:
                    assert kw.arg == "flags"
                    flags = eval(compile(ast.Expression(kw.value), "<flags>", "eval"), {"re": re})
                out.append((f"{path.name}:{node.lineno}", words, flags))
    return out


CALLS = _cue_calls()
OLD_BETWEEN = re.compile(
    r"\b(?:than|compared|comparison|versus|vs\.?|relative\s+to|between|differ\w*|similar(?:ly)?|comparable|"
    r"equivalent|superior|inferior|non-?inferior\w*|no\s+(?:\w+\s+){0,2}(?:effect|impact|benefit)s?|"
    r"odds|hazard|risk\s+ratio|relative\s+risk)\b", re.IGNORECASE)
OLD_NEGATION = re.compile(
    r"(?<![\w-])(?:not|no|nor|neither|never|without|none|cannot|failed\s+to|fails?\s+to|lack(?:ed|s)?\s+(?:of\s+)?"
    r"|absence\s+of)(?![\w-])|n't\b",
    re.IGNORECASE,
)
OLD_HEAD_WORD = re.compile(r"\b(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)
OLD_DEFINE_BEFORE = re.compile(rf"\b{ARM_HEAD}\s+(?P<label>{ARM_LABEL})\s*(?:\(|:|,|received|was\s+given|were\s+given|"
                               rf"was\s+treated\s+with|were\s+treated\s+with|underwent|got)\s*(?:\w+\s+){{0,3}}$",
                               re.IGNORECASE)


def _fuzz(words: tuple[str, ...], n: int, seed: int) -> list[str]:
    """Strings of the cue words' own pieces (whole, cut, upper-cased), letters that fold to ASCII, hyphens,
    spaces and digits."""
    rng = random.Random(seed)
    plain = [re.sub(r"\\[sw]\+?|\\.|[()?:|{}+*\[\]\d,]", " ", w) for w in words]
    pieces = [*plain, *(p.upper() for p in plain), *(p[:3] for p in plain), *FOLD_CHARS, "-", " ", "  ", "a", "1",
              ".", "x-", "_", "é", "\n", "'t", "n't", "'"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(n)]


def _labelled(n: int, seed: int) -> list[str]:
    """Made-up arm definitions ending a text ("... Group B received the ", "xarm 2: ", "cohorts IV (") in mixed
    case: what ``_DEFINE_BEFORE`` looks for, near-misses included."""
    rng = random.Random(seed)
    heads = ["group", "Groups", "ARM", "arms", "cohort", "Cohorts", "xgroup", "-arm", "gro", "\u0130arm"]
    labels_ = ["A", "b", "D", "E", "I", "ii", "III", "IIII", "IV", "1", "4", "5", "AB"]
    links = ["(", ":", ",", " received", " was given", " Were  Given", " underwent", " got", " took", ""]
    tails = ["", " the ", " a high dose ", " x y z w ", " x", "\n"]
    return [rng.choice(["", "In ", "the ", "x"]) + rng.choice(heads) + rng.choice([" ", "  ", "\t", ""])
            + rng.choice(labels_) + rng.choice(["", " "]) + rng.choice(links) + rng.choice(tails) for _ in range(n)]


def _hits(pattern: re.Pattern, text: str) -> list:
    found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    at = [pattern.match(text, k) for k in range(0, len(text), 3)]
    later = pattern.search(text, len(text) // 2)
    return [found, [m and (m.span(), m.groups()) for m in at], later and later.span()]


def test_folds_are_every_non_ascii_match_of_an_ascii_letter():
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(128, 0x110000) if letters.fullmatch(chr(c))}
    assert found == set(gates._FOLDS)


def test_every_cue_call_is_read():
    assert len(CALLS) >= 15
    assert any(gates._groupable(words) for _, words, _ in CALLS)


@pytest.mark.parametrize("where, words, flags", CALLS, ids=[c[0] for c in CALLS])
def test_cues_as_before(where, words, flags, pubmed_sentences):
    new, old = gates.cues(*words, flags=flags), _old_cues(*words, flags=flags)
    for text in pubmed_sentences[::3] + _fuzz(words, 3000, len(words)):
        assert _hits(new, text) == _hits(old, text), (where, text)


@pytest.mark.parametrize("new, old", [(sides._BETWEEN, OLD_BETWEEN), (labels.ARM_HEAD_WORD, OLD_HEAD_WORD),
                                      (labels._DEFINE_BEFORE, OLD_DEFINE_BEFORE), (hedging.NEGATION, OLD_NEGATION)],
                         ids=["sides._BETWEEN", "labels.ARM_HEAD_WORD", "labels._DEFINE_BEFORE", "hedging.NEGATION"])
def test_module_patterns_as_before(new, old, pubmed_sentences):
    words = (*re.findall(r"[a-z][a-z-]+", old.pattern), "A", "B ", "II", "IV ", "3", " (", ":", ", ", "\t")
    for text in pubmed_sentences[::2] + _fuzz(words, 5000, 7) + _labelled(3000, 11):
        assert _hits(new, text) == _hits(old, text), text


def test_first_letter_opens_on_a_character_class():
    """The point of the form: ``re`` gets a leading class to skip to (its compiled INFO block has the
    charset flag), which the look-behind-first form does not."""
    assert re._compiler._code(re._parser.parse(sides._BETWEEN.pattern, 0), 0)[2] & re._constants.SRE_INFO_CHARSET
    assert not re._compiler._code(re._parser.parse(OLD_BETWEEN.pattern, re.IGNORECASE), re.IGNORECASE)[2] \
        & re._constants.SRE_INFO_CHARSET
