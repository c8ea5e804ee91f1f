"""Measure candidates: each pattern match (``regexes.py``) -> one :class:`Cand` (or nothing).

Candidates overlap freely here; ``parse.py`` filters them by context and picks a non-overlapping set
(longest first, then by ``prio``: lower is stronger).
"""

from __future__ import annotations

import re

from .numbers import to_float, words_to_number
from .patterns import PCT, TIME, op_of, unit_info
from .regexes import RE_UNIT_AT


class Cand:
    """A candidate measure (internal; becomes a ParsedMeasure if it survives)."""

    __slots__ = (
        "bare",
        "ci_high",
        "ci_low",
        "ctx",
        "denominator",
        "end",
        "high",
        "kind",
        "level",
        "low",
        "op",
        "person",
        "prio",
        "sd",
        "start",
        "stat",
        "ucat",
        "unit",
        "value",
        "weak",
        "year",
    )

    def __init__(self, start: int, end: int, kind: str, prio: int, *, value=None, low=None, high=None, unit=None,
                 op=None, stat=None, level=None, denominator=None, ci_low=None, ci_high=None, sd=None, ucat=None,
                 weak: bool = False, bare: bool = False, person: bool = False, ctx: str | None = None):
        # plain assignments: a pattern match makes one (~18 an abstract); a loop of setattr cost twice as much
        self.start, self.end, self.kind, self.prio = start, end, kind, prio
        self.value, self.low, self.high, self.unit, self.op, self.stat = value, low, high, unit, op, stat
        self.level, self.denominator, self.ci_low, self.ci_high, self.sd, self.ucat = (level, denominator, ci_low,
                                                                                         ci_high, sd, ucat)
        self.weak = weak  # bare integer / number word: kept only if its context confirms it
        self.bare = bare  # no unit and no structure (context checks apply)
        self.person = person
        self.ctx = ctx  # what a context check must confirm: "range" (bare integer range), ...
        self.year = False

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cand({self.start},{self.end},{self.kind},v={self.value},lo={self.low},hi={self.high},u={self.unit})"


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    if text[:1].isalpha():
        return words_to_number(text)
    return to_float(text)


def _is_int_literal(text: str | None) -> bool:
    return text is not None and text[:1].isdigit() and "." not in text and "e" not in text and "x" not in text \
        and "×" not in text


def _unit(m: re.Match, *groups: str):
    """(normalised unit, category, is_dose) of the last matched group among ``groups``."""
    for g in reversed(groups):
        raw = m.group(g)
        if raw:
            return unit_info(raw.strip().removeprefix("-"))  # hyphen unit "-year"
    return None, None, False


def kind_of_unit(cat: str | None, dose: bool) -> str:
    if cat == PCT:
        return "percentage"
    if cat == TIME:
        return "duration"
    if dose:
        return "dose"
    return "value"


def _noun(m: re.Match) -> tuple[str | None, bool]:
    for g, person in (("person", True), ("cnoun", False), ("plural", False)):
        if g in m.re.groupindex and m.group(g):
            return m.group(g), person
    return None, False


_STAT_NORM = [
    (r"adjusted odds|aor|aors", "aOR"), (r"adjusted hazard|ahr", "aHR"), (r"adjusted (?:risk|relative)|arr$", "aRR"),
    (r".*odds", "OR"), (r".*subdistribution", "sHR"), (r".*(?:hazard|relative hazard)", "HR"),
    (r".*incidence rate", "IRR"), (r".*(?:risk ratio|relative risk$|relative risks$|rate ratio)", "RR"),
    (r".*standardi[sz]ed mean", "SMD"), (r".*weighted mean", "WMD"), (r".*mean difference", "MD"),
    (r".*risk difference", "RD"), (r".*absolute risk reduction", "ARR"), (r".*relative risk reduction", "RRR"),
    (r".*number needed", "NNT"), (r".*standardi[sz]ed incidence", "SIR"), (r".*standardi[sz]ed mortality", "SMR"),
    (r".*prevalence ratio", "PR"), (r".*area under", "AUC"), (r".*correlation", "r"), (r".*kappa", "κ"),
    (r"rho", "ρ"), (r"beta", "β"), (r"tau", "τ"), (r"r\^2", "R2"),
]


def _stat_name(raw: str) -> str:
    low = raw.lower()
    if low in ("or", "ors", "hr", "hrs", "rr", "rrs", "aucs"):
        return raw.upper().rstrip("S").replace("AUC", "AUC")
    for rx, name in _STAT_NORM:
        if re.match(rx, low):
            return name
    return raw.rstrip("s") if raw.endswith("s") and len(raw) > 2 and raw[:-1].isupper() else raw


# -- builders --------------------------------------------------------------------------------
def b_p(m):
    v = _num(m.group("num"))
    raw = m.group("num")
    if raw.startswith("10") and "-" in raw and "." not in raw and "x" not in raw:
        try:
            v = 10.0 ** -int(raw.split("-")[-1])
        except ValueError:
            return None
    if v is None or not 0 <= v <= 1:
        return None
    op = m.group("op").strip()
    return Cand(m.start(), m.end(), "p_value", 2, value=v, op=op_of(op) if op[0] in "<>=≤≥~" else "=", stat="P")


def b_ci(m):
    lo, hi = _num(m.group("lo")), _num(m.group("hi"))
    if lo is None or hi is None or lo > hi:
        return None
    level = _num(m.group("level") or m.group("level2"))
    unit, cat, _ = _unit(m, "lu", "hu")
    return Cand(m.start(), m.end(), "ci", 1, low=lo, high=hi, level=level, unit=unit, ucat=cat, stat="CI")


def b_ratio(m):
    v = _num(m.group("val"))
    if v is None:
        return None
    stat = _stat_name(m.group("abbr") or m.group("word") or m.group("eq"))
    c = Cand(m.start(), m.end("val"), "ratio", 0, value=v, stat=stat)
    if m.group("op"):
        c.op = op_of(m.group("op"))
    if m.group("tail") and (m.group("thead") or m.group("tob")):
        lo, hi = _num(m.group("tlo")), _num(m.group("thi"))
        if lo is not None and hi is not None and lo <= hi:
            c.ci_low, c.ci_high, c.end = lo, hi, m.end("tail")
            c.level = _num(m.group("tlevel") or m.group("tlevel2"))
    return c


def b_msd(m):
    v = _num(m.group("val"))
    sd_raw = m.group("sd") if "sd2" not in m.re.groupindex or m.group("sd") else m.group("sd2")
    sd = _num(sd_raw)
    if v is None or sd is None or sd < 0:
        return None
    groups = [g for g in ("u1", "u2", "u3") if g in m.re.groupindex]
    unit, cat, _ = _unit(m, *groups)
    lab = None
    for g in ("lab", "lab2"):
        if g in m.re.groupindex and m.group(g):
            lab = m.group(g).upper().replace(".", "")
    c = Cand(m.start(), m.end(), "mean_sd", 3, value=v, sd=sd, unit=unit, ucat=cat,
             stat="SE" if lab and lab.startswith("SE") else "SD")
    if "apx" in m.re.groupindex and m.group("apx"):
        c.op = "~"
    return c


def b_miqr(m):
    v, lo, hi = _num(m.group("val")), _num(m.group("lo")), _num(m.group("hi"))
    if v is None or lo is None or hi is None or lo > hi:
        return None
    groups = [g for g in ("u1", "lu", "u2") if g in m.re.groupindex]
    unit, cat, _ = _unit(m, *groups)
    return Cand(m.start(), m.end(), "median_iqr", 4, value=v, low=lo, high=hi, unit=unit, ucat=cat, stat="median")


def b_iqr(m):
    lo, hi = _num(m.group("lo")), _num(m.group("hi"))
    if lo is None or hi is None or lo > hi:
        return None
    unit, cat, _ = _unit(m, "lu", "u2")
    return Cand(m.start(), m.end(), "range", 5, low=lo, high=hi, unit=unit, ucat=cat, stat="IQR")


def b_age_old(m):
    v = _num(m.group("val"))
    if v is None:
        return None
    unit, cat, _ = unit_info(m.group("u"))
    return Cand(m.start(), m.end(), "age", 6, value=v, unit=unit, ucat=cat)


def b_th1(m):
    raw_val = m.group("val")
    v = _num(raw_val)
    if v is None:
        return None
    op = op_of(m.group("op"))
    noun, person = _noun(m)
    unit, cat, dose = _unit(m, "u", "hu")
    if raw_val[:1].isalpha() and not (unit or noun):
        return None
    if noun:
        unit, cat = noun, None
    kind = "threshold" if op != "~" else (
        ("sample_size" if person else "count") if noun else kind_of_unit(cat, dose) if unit else "value")
    return Cand(m.start(), m.end(), kind, 7, value=v, unit=unit, ucat=cat, op=op, person=person,
                bare=not unit and not noun)


def b_th2(m):
    v = _num(m.group("val"))
    if v is None:
        return None
    unit, cat, _ = _unit(m, "u")
    suf = m.group("suf").split()[-1].lower()
    op = ">=" if suf in ("older", "more", "over", "above", "greater", "higher", "longer") else "<="
    kind = "age" if ("of age" in m.group("suf") or suf in ("older", "younger")) and cat in (TIME, None) else "threshold"
    return Cand(m.start(), m.end(), kind, 7, value=v, unit=unit, ucat=cat, op=op, bare=not unit)


def b_range(m):
    lo_raw, hi_raw = m.group("lo"), m.group("hi")
    lo, hi = _num(lo_raw), _num(hi_raw)
    if lo is not None and hi is not None and hi < lo < 0:
        lo, hi = hi, lo  # "-25.9 to -26.5": an interval written from the smaller magnitude
    if lo is None or hi is None or lo > hi or lo == hi:
        return None
    sep = m.group("sep").strip()
    words = lo_raw[:1].isalpha() or hi_raw[:1].isalpha()
    if words and sep == "-":
        return None
    noun, person = _noun(m)
    unit, cat, _dose = _unit(m, "lu", "hu", "hh")
    kw = m.group("kw").lower() if "kw" in m.re.groupindex and m.group("kw") else None
    lu = m.group("lu")
    if lu and m.group("hu") and unit_info(lu.strip())[1] != cat:
        return None  # "5 mg to 10 days": two measures, not a range
    if noun:
        unit, cat = noun, None
    start = m.start("lo_at") if kw == "from" else m.start()
    c = Cand(start, m.end(), "range", 8, low=lo, high=hi, unit=unit, ucat=cat, person=person)
    if m.group("old") or m.group("old2"):
        c.kind = "age"
    if m.group("apx"):
        c.op = "~"
    if words and not (unit or noun):
        return None
    if not unit and not noun:
        c.bare = True
        if not (kw or sep in ("to", "through") or "." in lo_raw + hi_raw):
            c.ctx = "range"  # a bare integer hyphen range needs a range context ("range 3-7", "(3-7)")
    if kw == "from" and not (unit or noun):
        c.ctx = "range"
    return c


def b_count_of(m):
    x, y = _num(m.group("x")), _num(m.group("y"))
    if x is None or y is None or x > y or x != int(x) or (m.group("x")[:1].isdigit() and "." in m.group("x")):
        return None
    if RE_UNIT_AT.match(m.string, m.end("y")) and not _noun(m)[0]:
        return None
    if m.group("of") == "from" and re.match(r"[ ]{1,2}(?:to|and)\b", m.string[m.end("y"):m.end("y") + 5]):
        return None  # "from 5 to 10": a change or a range, not a count
    noun, person = _noun(m)
    return Cand(m.start(), m.end(), "count", 9, value=x, denominator=y, unit=noun, person=person)


def b_count_slash(m):
    x, y = _num(m.group("x")), _num(m.group("y"))
    if x is None or y is None or x > y or y == 0:
        return None
    noun, person = _noun(m)
    return Cand(m.start(), m.end(), "count", 9, value=x, denominator=y, unit=noun, person=person)


def b_count_n(m):
    x = _num(m.group("x"))
    if x is None or x < 0 or x != int(x):
        return None
    noun, _person = _noun(m)
    op = op_of(m.group("op"))
    y = _num(m.group("y"))
    if y is not None:
        if y < x:
            return None
        return Cand(m.start(), m.end(), "count", 10, value=x, denominator=y, unit=noun, op=op, person=True)
    return Cand(m.start(), m.end(), "sample_size", 10, value=x, unit=noun, op=op, person=True)


def b_count_noun(m):
    raw = m.group("x")
    x = _num(raw)
    if x is None or x < 0:
        return None
    noun, person = _noun(m)
    if RE_UNIT_AT.match(m.string, m.end("x")) or RE_UNIT_AT.fullmatch(" " + noun):
        return None  # "1.3 mm beach values": the number has a unit
    if raw[:1].isalpha() and raw.lower() == "one" and not (person or m.group("cnoun")):
        return None
    if x != int(x):
        return Cand(m.start(), m.end(), "value", 12, value=x, unit=noun)
    return Cand(m.start(), m.end(), "sample_size" if person else "count", 12, value=x, unit=noun, person=person)


def b_no_noun(m):
    noun, person = _noun(m)
    return Cand(m.start(), m.end(), "sample_size" if person else "count", 12, value=0.0, unit=noun, person=person)


def b_r_bracket(m):
    lo_raw, hi_raw = m.group("lo") or m.group("lo2"), m.group("hi") or m.group("hi2")
    lo, hi = _num(lo_raw), _num(hi_raw)
    if lo is None or hi is None or lo > hi:
        return None
    unit, cat, _ = _unit(m, "lu", "hu")
    return Cand(m.start(), m.end(), "range", 8, low=lo, high=hi, unit=unit, ucat=cat)


def b_money(m):
    v = _num(m.group("val"))
    if v is None:
        return None
    mult = (m.group("mult") or "").strip().lower()
    v *= {"million": 1e6, "m": 1e6, "billion": 1e9, "thousand": 1e3, "k": 1e3}.get(mult, 1.0)
    cur = m.group("cur")
    return Cand(m.start(), m.end(), "value", 11, value=v, unit="$" if cur.endswith("$") else cur)


def b_ph(m):
    lo, hi = _num(m.group("lo")), _num(m.group("hi"))
    if lo is None or not 0 <= lo <= 14:
        return None
    if hi is not None:
        if not lo < hi <= 14:
            return None
        return Cand(m.start(), m.end(), "range", 8, low=lo, high=hi, unit="pH")
    return Cand(m.start(), m.end(), "value", 11, value=lo, unit="pH")


def b_unit(m):
    v = _num(m.group("val"))
    if v is None:
        return None
    unit, cat, dose = _unit(m, "u", "hu")
    if unit is None:
        return None
    if "freq" in m.re.groupindex and m.group("freq"):
        if not dose:
            return Cand(m.start(), m.end("u"), kind_of_unit(cat, dose), 11, value=v, unit=unit, ucat=cat)
        dose = True
    return Cand(m.start(), m.end(), kind_of_unit(cat, dose), 11, value=v, unit=unit, ucat=cat)


def b_word_unit(m):
    c = b_unit(m)
    if c is not None:
        c.prio = 12
        if m.group("val").lower() == "one" and c.unit in ("points", "U", "°", "m"):
            return None
    return c


def b_bare(m):
    raw = m.group("val")
    v = _num(raw)
    if v is None:
        return None
    if _is_int_literal(raw.lstrip("+- ")):
        return Cand(m.start(), m.end(), "value", 20, value=v, weak=True, bare=True)
    return Cand(m.start(), m.end(), "value", 14, value=v, bare=True)


def b_word(m):
    v = _num(m.group("val"))
    if v is None:
        return None
    return Cand(m.start(), m.end(), "value", 21, value=v, weak=True, bare=True)
