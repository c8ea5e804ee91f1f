"""``parse_measures(text)``: find and type the measures of a text (see the package docstring for the rules)."""

from __future__ import annotations

import re

from .anchors import ANCHOR_SCAN
from .candidates import Cand, kind_of_unit
from .context import (
    _AGE_AFTER,
    _AGE_BEFORE,
    _ARM_LIST,
    _ARM_PAIR,
    _ARM_WORD_AFTER,
    _BLOCKERS,
    _CI_GAP,
    _CLOSE,
    _FIRST_NUM,
    _GROUP_AFTER,
    _INT_IN,
    _ITEM_A_AFTER,
    _ITEM_A_BEFORE,
    _ITEM_B_AFTER,
    _ITEM_B_BEFORE,
    _LABELLED_PAIR,
    _LIST_AFTER,
    _NAME_CHAIN,
    _NAME_DECIMAL,
    _NAME_DIRECT,
    _NUM_BRACKET_AFTER,
    _OF_THESE_AFTER,
    _PAREN_AFTER,
    _PAREN_PAIR,
    _PCT_AFTER,
    _RANGE_BEFORE,
    _SIMPLE,
    _SMALL_NAME,
    _STAT_BEFORE,
    _STAT_PAREN_AFTER,
    _STAT_WEAK_BEFORE,
    _TIME_BEFORE,
    _TO_ARM_AFTER,
    _TO_ARM_BEFORE,
    _UNIT_GAP,
    _VERB_AFTER,
    _VS_AFTER,
    _VS_BEFORE,
    _WORD_STARTS,
    ends_with_name,
)
from .gates import gate_test
from .measure import ParsedMeasure
from .numbers import NUMBER_WORD_SET, normalise
from .patterns import TIME, unit_info
from .triggers import AT_KEYWORD, AT_NUMBER, AT_NUMBER_WORD, AT_SYMBOL, gated

_DIGITS = re.compile(r"\d+")
# digit runs with at most 80 other characters between one and the next: their +-40 windows overlap or touch, so
# one window of the blockers' scan covers them all (one match per window, not one per digit run)
_DIGIT_CLUSTERS = re.compile(r"\d+(?:\D{0,80}+\d+)*")


def _blocked_mask(s: str) -> bytearray:
    """1 where a blocker (date, citation, identifier...) lies. Blockers all contain digits, so only
    windows around digit runs are scanned."""
    mask = bytearray(len(s))
    n = len(s)
    windows = [(max(0, m.start() - 40), min(n, m.end() + 40)) for m in _DIGIT_CLUSTERS.finditer(s)]
    if not windows:
        return mask
    opened: dict[int, bool] = {}  # gate tuples are shared by several blockers: test each once
    for gate, rx in _BLOCKERS:
        if gate is not None:
            key = id(gate)
            if key not in opened:
                opened[key] = gate_test(gate)(s)
            if not opened[key]:
                continue
        for lo, hi in windows:
            for m in rx.finditer(s, lo, hi):
                mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


_WORD_CONT = re.compile(r"(?i:(?:hundred|thousand|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"(?:[ ]?-[ ]?|[ ])(?:and[ ])?)$")


def _candidates(s: str) -> list[Cand]:
    """Try each pattern only where it can start: numbers, number words, keywords, symbols."""
    out: list[Cand] = []
    opened: dict[int, bool] = {}  # the gates of this text, each tested once
    at_number, at_word = gated(AT_NUMBER, s, opened), gated(AT_NUMBER_WORD, s, opened)
    cache: dict[str, list] = {}

    def keyword_patterns(table: dict, key: str):
        if key not in cache:
            patterns = table.get(key)
            cache[key] = gated(patterns, s, opened) if patterns else []
        return cache[key]

    def attempt(pos: int, patterns) -> None:
        for rx, build in patterns:
            m = rx.match(s, pos)
            if m is None or m.end() == m.start():
                continue
            c = build(m)
            if c is not None and c.end > c.start:
                out.append(c)

    for tok in ANCHOR_SCAN.finditer(s):  # anchor words, digit runs, symbols (the other words skipped in the scan)
        word = tok[1]
        if word is not None:
            p, low = tok.start(1), word.lower()
            if low in NUMBER_WORD_SET and not _WORD_CONT.search(s, max(0, p - 16), p):
                attempt(p, at_word)
            if low in AT_KEYWORD:  # most words start no pattern
                patterns = keyword_patterns(AT_KEYWORD, low)
                if patterns:
                    attempt(p, patterns)
            continue
        p = tok.start(2)
        if p < 0:
            continue  # the text's end
        first = s[p]
        if first.isdigit():
            if p >= 2 and s[p - 1] in ".," and s[p - 2].isdigit():
                continue  # the decimals / thousands of a number already tried
            starts = [p]
            if p >= 1 and s[p - 1] in ".+-":
                starts.append(p - 1)
            if p >= 2 and s[p - 2] in "+-" and s[p - 1] in ". ":
                starts.append(p - 2)
            for q in starts:
                attempt(q, at_number)
        else:
            patterns = keyword_patterns(AT_SYMBOL, first)
            if patterns:
                attempt(p, patterns)
    return out


def _is_year(c: Cand) -> bool:
    v = c.value if c.value is not None else c.low
    return v is not None and c.unit is None and 1800 <= v <= 2100 and v == int(v)


def _named(before: str, s: str, c: Cand) -> bool:
    """Is the candidate's number the name of something ("grade 3 and 4 events", "Table 2")?"""
    if s[c.start].isalpha() and s[c.start:c.start + 3].lower() not in _WORD_STARTS:
        return False  # starts with a keyword ("n = 310", "median 5 ...")
    m = _FIRST_NUM.match(s, c.start)
    if m and m.group("dec"):  # a decimal is not a name, unless of a version/section/table
        return bool(_NAME_DECIMAL.search(before))
    if c.unit == "%":
        return False
    if m and int(m.group("int")[:6]) >= 10 and _SMALL_NAME.search(before):
        return False
    if c.unit is not None and c.kind not in ("count", "sample_size"):
        return ends_with_name(_NAME_DIRECT, before)  # "group 2, 27 months": only a directly preceding word
    return ends_with_name(_NAME_CHAIN, before)


def _context_ok(s: str, c: Cand) -> bool:
    before = s[max(0, c.start - 60):c.start]
    if c.kind not in ("p_value", "ci", "ratio") and _named(before, s, c):
        return False
    if c.bare and not c.weak and c.kind in ("value", "range", "threshold") and (
            _is_year(c) or (c.kind == "range" and c.high is not None and 1800 <= c.high <= 2100
                            and c.high == int(c.high) and c.low >= 1800)):
        return False
    return not (c.ctx == "range" and not _RANGE_BEFORE.search(before))


def _age_context(s: str, c: Cand) -> bool:
    if c.kind not in ("value", "duration", "range", "threshold") or (c.unit is not None and c.ucat != TIME):
        return False
    if c.unit is not None and c.unit not in ("years", "months", "weeks", "days"):
        return False
    if _AGE_BEFORE.search(s[max(0, c.start - 40):c.start]):
        return True
    return c.unit is not None and bool(_AGE_AFTER.match(s, c.end))


def _resolve(s: str, cands: list[Cand], mask: bytearray) -> tuple[list[Cand], list[Cand]]:
    strong = [c for c in cands if not c.weak]
    strong.sort(key=lambda c: (c.start - c.end, c.prio, c.start))
    taken = bytearray(len(s))
    chosen: list[Cand] = []
    for c in strong:
        if mask.find(1, c.start, c.end) != -1 or taken.find(1, c.start, c.end) != -1:
            continue
        if not _context_ok(s, c):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    weak: list[Cand] = []
    for c in sorted((c for c in cands if c.weak), key=lambda c: (c.start, c.end - c.start)):
        if mask.find(1, c.start, c.end) != -1 or taken.find(1, c.start, c.end) != -1:
            continue
        c.year = _is_year(c)
        if not _context_ok(s, c):
            continue
        if weak and weak[-1].end > c.start:
            continue
        weak.append(c)
    return chosen, weak


_BRACKET = re.compile(r"[()\[\]]")


def _in_paren(s: str, pos: int) -> bool:
    """Is ``pos`` inside an unclosed ``(``/``[`` opened at most 300 characters before? (The brackets of that
    window, found by one C scan, read backwards.)"""
    depth = 0
    for ch in reversed(_BRACKET.findall(s, max(0, pos - 300), pos)):
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                return True
            depth -= 1
    return False


def _confirm_weak(s: str, chosen: list[Cand], weak: list[Cand]) -> list[Cand]:
    """Keep the weak candidates that their context confirms (see the package docstring)."""
    starts = {c.start: c for c in chosen}
    weak_starts = {c.start: c for c in weak}
    confirmed: list[Cand] = []
    pending = list(weak)
    arm_starts: set[int] = set()
    if weak:
        for pair in _ARM_PAIR.finditer(s):
            arm_starts.update((pair.start("a"), pair.start("b")))
        for pair in _LABELLED_PAIR.finditer(s):
            arm_starts.update((pair.start("a"), pair.start("b")))
        if "(" in s:
            for pair in _PAREN_PAIR.finditer(s):
                arm_starts.update((pair.start("a"), pair.start("b")))
        if "(" in s:
            for listed in _ARM_LIST.finditer(s):
                arm_starts.update(n.start() for n in _INT_IN.finditer(s, listed.start(), listed.end()))
    for _round in range(4):
        changed = False
        for c in sorted(pending, key=lambda c: -c.start):
            if c in confirmed:
                continue
            ok = False
            if _PCT_AFTER.match(s, c.end) or (_GROUP_AFTER.match(s, c.end) or _VERB_AFTER.match(s, c.end) or (c.start in arm_starts and not c.year)
                  or _OF_THESE_AFTER.match(s, c.end)
                  or (not c.year and c.value is not None and c.value >= 10 and s[c.start:c.start + 1].isdigit()
                      and _PAREN_AFTER.match(s, c.end))
                  or (not c.year and _STAT_PAREN_AFTER.match(s, c.end))
                  or _ARM_WORD_AFTER.match(s, c.end)
                  or (_TO_ARM_AFTER.match(s, c.end) and _TO_ARM_BEFORE.search(s, max(0, c.start - 6), c.start))) or not c.year and _in_paren(s, c.start) and "et al" not in s[max(0, c.start - 40):c.start] and (
                    (_ITEM_A_AFTER.match(s, c.end) and _ITEM_A_BEFORE.search(s, max(0, c.start - 8), c.start))
                    or (_ITEM_B_AFTER.match(s, c.end) and _ITEM_B_BEFORE.search(s, max(0, c.start - 60), c.start))):
                c.kind, ok = "count", True
            elif c.year:
                pass  # a year-like integer needs one of the count contexts above
            elif _AGE_BEFORE.search(s[max(0, c.start - 40):c.start]):
                c.kind, ok = "age", True
            elif _STAT_WEAK_BEFORE.search(s, max(0, c.start - 20), c.start) or _NUM_BRACKET_AFTER.match(s, c.end):
                ok = True
            else:
                m = _VS_AFTER.match(s, c.end)
                if m and (m.end() in starts or m.end() in weak_starts) or _VS_BEFORE.search(s[max(0, c.start - 16):c.start]):
                    ok = True
                else:
                    m = _LIST_AFTER.match(s, c.end)
                    nxt = starts.get(m.end()) if m else None
                    if _TIME_BEFORE.search(s, max(0, c.start - 24), c.start):
                        nxt = None  # "weeks 0-96, 41.5%": a time point, not the first item of a list of percentages
                    if nxt is not None and nxt.kind in _SIMPLE + ("count", "sample_size") and (
                            nxt.unit or nxt.kind in ("count", "sample_size")):
                        ok = True
                        c.kind, c.unit, c.ucat = nxt.kind, nxt.unit, nxt.ucat
            if ok:
                c.weak = False
                confirmed.append(c)
                starts[c.start] = c
                changed = True
        pending = [c for c in pending if c not in confirmed]
        if not changed:
            break
    return confirmed


def _propagate_units(s: str, chosen: list[Cand]) -> None:
    """``10.8 and 10.2 months``: a unitless value takes the unit of the next value in its list."""
    by_pos = sorted(chosen, key=lambda c: c.start)
    for i in range(len(by_pos) - 2, -1, -1):
        left, right = by_pos[i], by_pos[i + 1]
        if left.unit is not None or right.unit is None or left.kind not in ("value", "mean_sd", "median_iqr", "range"):
            continue
        if right.kind not in _SIMPLE + ("mean_sd", "median_iqr", "range", "age"):
            continue
        if left.kind == "value" and right.kind not in _SIMPLE + ("age",):
            continue
        gap = s[left.end:right.start]
        if len(gap) > 20 or not _UNIT_GAP.fullmatch(gap):
            continue
        left.unit, left.ucat = right.unit, right.ucat
        if left.kind == "value":
            left.kind = right.kind if right.kind != "age" else "value"


def _merge_ci(s: str, chosen: list[Cand]) -> list[Cand]:
    """An estimate directly followed by its CI (``OR 2.1 (95% CI 1.2-3.4)``) becomes one measure."""
    by_pos = sorted(chosen, key=lambda c: c.start)
    out: list[Cand] = []
    i = 0
    while i < len(by_pos):
        c = by_pos[i]
        nxt = by_pos[i + 1] if i + 1 < len(by_pos) else None
        if (nxt is not None and nxt.kind == "ci" and c.ci_low is None
                and c.kind in _SIMPLE + ("ratio", "mean_sd")):
            m = _CI_GAP.match(s, c.end)
            if m and m.end() == nxt.start:
                end: int | None = nxt.end
                if m.group("ob"):
                    close = _CLOSE.match(s, nxt.end)
                    end = close.end() if close else None
                if end is not None:
                    c.ci_low, c.ci_high, c.level, c.end = nxt.low, nxt.high, nxt.level, end
                    out.append(c)
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


def _finish(s: str, c: Cand) -> None:
    if _age_context(s, c):
        c.kind = "age"
    if c.stat is None and c.kind in _SIMPLE:
        m = _STAT_BEFORE.search(s[max(0, c.start - 20):c.start])
        if m:
            c.stat = m.group(1).lower()
    if c.kind == "value" and c.unit is not None and c.ucat is not None:
        c.kind = kind_of_unit(c.ucat, unit_info(c.unit)[2])


def _has_digit(s: str) -> bool:
    """``any(map(str.isdigit, s))``: a ``\\d`` search first (a decimal digit is a digit; the C scan stops at the
    first), the per-character ``str.isdigit`` calls only for a text without one (superscripts, circled digits)."""
    return _DIGITS.search(s) is not None or any(map(str.isdigit, s))


def _parse_strict(text: str) -> list[ParsedMeasure]:
    """The parser; may raise on a bug (tests call this one), ``parse_measures`` never does."""
    if not text:
        return []
    s = normalise(text)
    if not _has_digit(s) and not re.search(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|"
                                           r"eleven|twelve|teen|twenty|ty\b)", s):
        return []
    mask = _blocked_mask(s)
    chosen, weak = _resolve(s, _candidates(s), mask)
    chosen += _confirm_weak(s, chosen, weak)
    _propagate_units(s, chosen)
    chosen = _merge_ci(s, chosen)
    out = []
    for c in sorted(chosen, key=lambda c: (c.start, c.end)):
        _finish(s, c)
        out.append(ParsedMeasure(
            start=c.start, end=c.end, text=text[c.start:c.end], kind=c.kind, value=c.value, low=c.low,
            high=c.high, unit=c.unit, op=c.op, stat=c.stat, level=c.level, denominator=c.denominator,
            ci_low=c.ci_low, ci_high=c.ci_high, sd=c.sd))
    return out


def parse_measures(text: object) -> list[ParsedMeasure]:
    """All measures of ``text``, sorted by start offset. Pure, never raises (returns [] on a bug; a non-string is read
    as ``str(text)``: typed ``object``, since compiled the annotation is enforced)."""
    try:
        return _parse_strict(text if isinstance(text, str) else str(text))
    except Exception:  # pragma: no cover - defensive: the contract is "never raises"
        return []
