"""Compiled measure patterns and their builders: each match -> one :class:`Cand` (or nothing).

Candidates overlap freely here; ``parse.py`` filters them by context and picks a non-overlapping set
(longest first, then by ``prio``: lower is stronger).
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from .numbers import to_float, words_to_number
from .patterns import ADJ as _ADJ_FOR_NO
from .patterns import PERSON_NOUNS
from .patterns import (HYPHEN_UNIT, INT, NUM, NUM_END, NUMB, OPSYM, OPWORD, PCT, TIME, UNIT, WNUM, COUNTED,
                       op_of, unit_info)


class Cand:
    """A candidate measure (internal; becomes a ParsedMeasure if it survives)."""

    __slots__ = ("start", "end", "kind", "prio", "value", "low", "high", "unit", "op", "stat", "level",
                 "denominator", "ci_low", "ci_high", "sd", "ucat", "weak", "bare", "person", "ctx", "year")

    def __init__(self, start: int, end: int, kind: str, prio: int, **kw):
        self.start, self.end, self.kind, self.prio = start, end, kind, prio
        for name in ("value", "low", "high", "unit", "op", "stat", "level", "denominator", "ci_low", "ci_high",
                     "sd", "ucat"):
            setattr(self, name, kw.get(name))
        self.weak = kw.get("weak", False)  # bare integer / number word: kept only if its context confirms it
        self.bare = kw.get("bare", False)  # no unit and no structure (context checks apply)
        self.person = kw.get("person", False)
        self.ctx = kw.get("ctx")  # what a context check must confirm: "range" (bare integer range), ...
        self.year = False

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cand({self.start},{self.end},{self.kind},v={self.value},lo={self.low},hi={self.high},u={self.unit})"


def _num(text: Optional[str]) -> Optional[float]:
    if text is None:
        return None
    if text[:1].isalpha():
        return words_to_number(text)
    return to_float(text)


def _is_int_literal(text: Optional[str]) -> bool:
    return bool(text) and text[:1].isdigit() and "." not in text and "e" not in text and "x" not in text \
        and "×" not in text


def _unit(m: re.Match, *groups: str):
    """(normalised unit, category, is_dose) of the last matched group among ``groups``."""
    for g in reversed(groups):
        raw = m.group(g)
        if raw:
            raw = raw.strip()
            if raw.startswith("-"):  # hyphen unit "-year"
                raw = raw[1:]
            return unit_info(raw)
    return None, None, False


def kind_of_unit(cat: Optional[str], dose: bool) -> str:
    if cat == PCT:
        return "percentage"
    if cat == TIME:
        return "duration"
    if dose:
        return "dose"
    return "value"


def _noun(m: re.Match) -> tuple[Optional[str], bool]:
    for g, person in (("person", True), ("cnoun", False), ("plural", False)):
        if g in m.re.groupindex and m.group(g):
            return m.group(g), person
    return None, False


# -- building blocks ----------------------------------------------------------------------------
_LEVEL = r"(?P<level>\d{2}(?:\.\d+)?)[ ]?%"
_CIKEY = (r"(?:CI|C\.I\.|CrI|Cl|(?i:confidence[ ]intervals?|confidence[ ]limits?|credible[ ]intervals?"
          r"|uncertainty[ ]intervals?))")
_CI_HEAD = (rf"(?:(?<![\w.]){_LEVEL}[ ]{{0,2}}{_CIKEY}(?:[ ]{{0,2}}[\[(][ ]?(?:CI|CrI)[ ]?[\])])?"
            rf"|(?<![\w])(?:CI|CrI)(?:[ ]{{0,2}}\(?(?P<level2>\d{{2}}(?:\.\d+)?)[ ]?%\)?)?(?![\w]))")
_LINK = r"(?:[,:=][ ]{0,2}|(?:of|was|were|is|from)[ ]{1,2})?"
_RSEP = r"(?:[ ]{0,3}(?:-|to|,|;|and)[ ]{0,3})"
_PM = r"(?:±|\+[ ]?/[ ]?-|\+-)"
_STAT_ABBR = (r"(?<![\w-])(?P<abbr>a?ORs?|AORs?|a?HRs?|AHRs?|a?RRs?|ARR|RRR|IRR|SIR|SMR|sHR|SHR|csHR|SMD|WMD|MD|"
              r"ARD|RD|AUCs?|AUROC|ICC|NNT|NNH|GMR)(?![\w-])")
_STAT_WORD = (r"(?P<word>(?i:(?:adjusted[ ]|unadjusted[ ]|pooled[ ]|crude[ ]|overall[ ]|summary[ ]|"
              r"multivariate[ ]|multivariable[ ])?(?:odds[ ]ratio|hazard[ ]ratio|risk[ ]ratio|rate[ ]ratio|"
              r"relative[ ]risk|relative[ ]hazard|incidence[ ]rate[ ]ratio|subdistribution[ ]hazard[ ]ratio|"
              r"standardi[sz]ed[ ]mean[ ]difference|weighted[ ]mean[ ]difference|mean[ ]difference|"
              r"risk[ ]difference|absolute[ ]risk[ ]reduction|relative[ ]risk[ ]reduction|"
              r"number[ ]needed[ ]to[ ]treat|standardi[sz]ed[ ]incidence[ ]ratio|standardi[sz]ed[ ]mortality[ ]"
              r"ratio|prevalence[ ]ratio|area[ ]under[ ](?:the[ ])?(?:curve|ROC[ ]curve)|correlation[ ]"
              r"coefficient|kappa)s?))")
_STAT_EQ = r"(?P<eq>(?<![\w])(?:r|ρ|rho|β|beta|κ|R2|R\^2|τ|tau)(?![\w])(?=[ ]{0,2}(?:=|<|>|≤|≥)))"
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


_FREQ = (r"(?:,?[ ]{1,2}(?:(?:once|twice|thrice|(?:one|two|three|four|five|six|\d)[ ]times)[ ]"
         r"(?:a[ ]|per[ ]|each[ ]|every[ ])?(?:day|daily|week|weekly|month|monthly)|once|twice|daily|weekly|monthly|"
         r"nightly|(?:a|per|each)[ ](?:day|week)|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\.?d\.?|qhs|"
         r"q[ ]?\d{1,2}[ ]?(?:h|hr|hrs|hours|w|wk|wks|weeks|d|days)|every[ ](?:other[ ])?"
         r"(?:(?:\d{1,3}|two|three|four|six|eight|twelve)(?:[ ]?(?:-|to)[ ]?\d{1,3})?[ ])?"
         r"(?:h|hr|hrs|hours?|days?|d|weeks?|wks?|months?))(?![\w]))")
_IQRLAB = (r"(?:IQR|(?i:interquartile[ ]range|inter-quartile[ ]range|quartiles?|Q1[ ]?-[ ]?Q3|"
           r"25th[ ]?(?:-|to|and)[ ]?75th[ ](?:percentiles?|centiles?)))")
_NUMX = rf"(?:{NUMB}|{WNUM})"
_APX = (r"(?P<apx>(?<![\w])(?i:approximately|approx\.|about|around|nearly|almost|roughly|circa|ca\.)[ ]{1,2}"
        r"(?:~[ ]?)?|(?<![<>=])~[ ]?)")

RE_P = re.compile(
    r"(?<![^\W\d_])(?:[pP](?:[ ]?-?[ ]?values?)?(?:[ ]?(?:\([a-z ]{2,15}\)|(?:for[ ])?(?:linear[ ])?"
    r"(?:trend|interaction|heterogeneity|het|int)))?)[ ]{0,3}(?:[,:][ ]{0,2})?"
    rf"(?P<op>{OPSYM}|=|(?:of|was|is|equal[ ]to|was[ ]equal[ ]to)(?=[ ]))[ ]{{0,3}}"
    rf"(?P<num>10[ ]?\^?-\d{{1,3}}(?!\d)|{NUM}){NUM_END}")
RE_CI = re.compile(
    rf"{_CI_HEAD}[ ]{{0,3}}{_LINK}(?P<ob>[\[(])?[ ]{{0,2}}(?P<lo>{NUM})(?P<lu>{UNIT})?{_RSEP}"
    rf"(?P<hi>{NUM})(?P<hu>{UNIT})?(?(ob)[ ]{{0,2}}[\])]|{NUM_END})")
_TAIL_HEAD = _CI_HEAD.replace("?P<level>", "?P<tlevel>").replace("?P<level2>", "?P<tlevel2>")
RE_RATIO = re.compile(
    rf"(?:{_STAT_ABBR}|{_STAT_WORD}|{_STAT_EQ})"
    r"(?:[ ]{1,2}(?:for|of|in)[ ][^\d;:()\[\]=<>\n]{1,60}?(?=[ ]?[,:=]))?[ ]{0,2}(?:\([^()\n]{1,25}\)[ ]{0,2})?"
    r"(?:[,:=][ ]{0,3}|[ ](?:of|was|were|is|being)[ ]{1,2}|[ ]{0,2})"
    rf"(?P<op>{OPSYM}[ ]{{0,2}})?(?P<val>{NUM}){NUM_END}"
    rf"(?P<tail>[ ]{{0,2}}[,;]?[ ]{{0,3}}(?P<tob>[\[(])?[ ]{{0,2}}"
    rf"(?P<thead>{_TAIL_HEAD}[ ]{{0,3}}{_LINK}(?P<tob2>[\[(])?)?[ ]{{0,2}}"
    rf"(?P<tlo>{NUM}){_RSEP}(?P<thi>{NUM})(?(tob2)[ ]{{0,2}}[\])])(?(tob)[ ]{{0,2}}[\])]|{NUM_END}))?")
_KW_MEAN = r"(?P<kw>(?i:mean|average)[ ]{0,2}(?:[,:=][ ]{0,2}|(?:of|was|were|is)[ ]{1,2})?)?"
RE_MSD1 = re.compile(rf"{_KW_MEAN}{_APX}?(?P<val>{NUMB})(?P<u1>{UNIT})?[ ]{{0,3}}{_PM}[ ]{{0,3}}(?P<sd>{NUM})"
                     rf"(?:(?P<u2>{UNIT})|{NUM_END})")
RE_MSD2 = re.compile(rf"\([ ]{{0,2}}(?P<val>{NUM})[ ]{{0,3}}{_PM}[ ]{{0,3}}(?P<sd>{NUM})[ ]{{0,2}}\)(?P<u2>{UNIT})")
RE_MSD3 = re.compile(
    rf"{_KW_MEAN}(?P<val>{NUMB})(?P<u1>{UNIT})?[ ]{{0,2}}[(\[][ ]{{0,2}}"
    rf"(?:(?P<lab>SD|S\.D\.|sd|SE|SEM|s\.e\.|s\.d\.)(?:[ ]{{0,2}}[=:,][ ]{{0,2}}|[ ]{{1,2}})|{_PM}[ ]{{0,2}})"
    rf"(?P<sd>{NUM})(?P<u2>{UNIT})?[ ]{{0,2}}[)\]](?P<u3>{UNIT})?")
RE_MSD4 = re.compile(
    rf"(?P<kw>(?i:mean))[ ]{{0,2}}(?:\([ ]{{0,2}}(?:±[ ]?)?(?P<lab>SD|SE|SEM)[ ]{{0,2}}\)|{_PM}[ ]{{0,2}}"
    rf"(?P<lab2>SD|SE|SEM))[ ]{{0,3}}(?:[,:=][ ]{{0,2}}|(?:of|was|were|is)[ ]{{1,2}})?(?P<val>{NUM})(?P<u1>{UNIT})?"
    rf"[ ]{{0,3}}(?:\([ ]{{0,2}}(?P<sd>{NUM})[ ]{{0,2}}\)|{_PM}[ ]{{0,2}}(?P<sd2>{NUM}))(?P<u2>{UNIT})?")
_KW_MED = r"(?P<kw>(?i:median)[ ]{0,2}(?:[,:=][ ]{0,2}|(?:of|was|were|is)[ ]{1,2})?)?"
RE_MIQR1 = re.compile(
    rf"{_KW_MED}(?P<val>{NUMB})(?P<u1>{UNIT})?[ ]{{0,2}}[,;]?[ ]{{0,2}}(?P<ob>[(\[])?[ ]{{0,2}}(?P<lab>{_IQRLAB})"
    rf"[ ]{{0,2}}(?:[,:=][ ]{{0,2}})?(?P<lo>{NUM})(?P<lu>{UNIT})?(?:[ ]{{0,3}}(?:-|to|,|;)[ ]{{0,3}})(?P<hi>{NUM})"
    rf"(?P<u2>{UNIT})?(?(ob)[ ]{{0,2}}[)\]]|{NUM_END})")
RE_MIQR2 = re.compile(
    rf"(?P<kw>(?i:median))[ ]{{0,2}}[(\[][ ]{{0,2}}(?P<lab>{_IQRLAB})[ ]{{0,2}}[)\]][ ]{{0,3}}"
    rf"(?:[,:=][ ]{{0,2}}|(?:of|was|were|is)[ ]{{1,2}})?(?P<val>{NUM})(?P<u1>{UNIT})?[ ]{{0,3}}[(\[][ ]{{0,2}}"
    rf"(?P<lo>{NUM})(?:[ ]{{0,3}}(?:-|to|,|;)[ ]{{0,3}})(?P<hi>{NUM})[ ]{{0,2}}[)\]](?P<u2>{UNIT})?")
RE_IQR = re.compile(
    rf"(?<![\w])(?P<lab>IQR|(?i:interquartile[ ]range))[ ]{{0,2}}(?:[,:=][ ]{{0,2}})?(?P<lo>{NUM})(?P<lu>{UNIT})?"
    rf"(?:[ ]{{0,3}}(?:-|to|,)[ ]{{0,3}})(?P<hi>{NUM})(?:(?P<u2>{UNIT})|{NUM_END})")
RE_AGE_OLD = re.compile(
    rf"(?P<val>{NUMB}|{WNUM})[ -](?P<u>(?i:years?|yrs?|months?|mos?|weeks?|wks?|days?))[ -](?i:old)(?![\w])")
RE_TH1 = re.compile(
    rf"(?P<op>(?<![<>=/])(?<![^\W\d_]){OPSYM}[ ]{{0,2}}|(?<![\w]){OPWORD}[ ]{{1,2}})(?:~[ ]?)?(?P<val>{NUM}|{WNUM})"
    rf"(?:(?P<u>{UNIT})(?P<freq>{_FREQ})?|{COUNTED}|(?P<hu>{HYPHEN_UNIT})|{NUM_END})")
RE_TH2 = re.compile(
    rf"(?P<val>{NUMB})(?P<u>{UNIT})?(?P<suf>[ ]{{1,2}}(?:of[ ]age[ ]{{1,2}})?(?:or|and)[ ](?:older|more|over|above|"
    r"greater|higher|longer|less|fewer|younger|below|under|lower|shorter))(?![\w])")
_RANGE_TAIL = (rf"(?:(?P<hu>{UNIT})(?:(?P<freq>{_FREQ})|(?P<old>[ -](?i:old)(?![\w])))?|{COUNTED}"
               rf"|(?P<hh>{HYPHEN_UNIT})(?P<old2>-(?i:old)(?![\w]))?|{NUM_END})")
RE_R1 = re.compile(
    rf"{_APX}?(?P<lo>{_NUMX})(?P<lu>{UNIT})?(?P<sep>[ ]{{0,2}}-[ ]{{0,2}}|[ ]{{1,2}}(?:to|through)[ ]{{1,2}})(?:~[ ]?)?"
    rf"(?P<hi>{NUM}|{WNUM}){_RANGE_TAIL}")
RE_R2 = re.compile(
    rf"(?<![\w])(?P<kw>(?i:between|from))[ ]{{1,2}}(?P<lo_at>{_APX}?)(?P<lo>{_NUMX})(?P<lu>{UNIT})?[ ]{{1,2}}"
    rf"(?P<sep>and|to)[ ]{{1,2}}(?:~[ ]?)?(?P<hi>{NUM}|{WNUM}){_RANGE_TAIL}")
RE_C_OF = re.compile(
    rf"(?P<x>{_NUMX})[ ]{{1,2}}(?:out[ ]of|of)[ ]{{1,2}}(?:(?:the|all|these|those|a[ ]total[ ]of)[ ]{{1,2}}"
    rf"(?:[a-z]{{3,15}}[ ]{{1,2}})?)?"
    rf"(?P<y>{INT}(?:[ ]\d{{3}})*(?![\d])|{WNUM})(?:{COUNTED}|{NUM_END})")
RE_C_SLASH = re.compile(
    rf"(?<![\w.,/^-])(?P<x>{INT})[ ]?/[ ]?(?P<y>{INT})(?![\d/]|[.,]\d)(?:{COUNTED}|{NUM_END})")
RE_C_N = re.compile(rf"(?<![\w])[nN][ ]{{0,2}}(?P<op>=|{OPSYM})[ ]{{0,2}}(?P<x>{NUM})(?:[ ]?/[ ]?(?P<y>{INT})(?!\d))?"
                    rf"(?:{COUNTED}|{NUM_END})")
RE_C_NOUN = re.compile(rf"(?P<x>{_NUMX}){COUNTED}")
RE_NO_NOUN = re.compile(
    rf"(?<![\w])(?P<x>(?i:no))(?:[ ]{{1,2}}(?:{_ADJ_FOR_NO}[ ]{{1,2}}){{0,2}}(?P<person>{PERSON_NOUNS})"
    rf"|[ ]{{1,2}}(?:{_ADJ_FOR_NO}[ ]{{1,2}}){{0,2}}(?P<cnoun>(?:deaths?|events?|cases?|recurrences?|relapses?|"
    rf"complications?|responses?|infections?|fractures?|episodes?)))(?![\w+-])")
RE_R_BRACKET = re.compile(
    rf"(?<=[\d%][ ]\[)(?P<lo>{NUMB})(?P<lu>{UNIT})?[ ]{{0,2}}(?:,|;)[ ]{{0,2}}(?P<hi>{NUM})(?P<hu>{UNIT})?(?=[ ]{{0,2}}\])"
    rf"|(?<=[\d%]\[)(?P<lo2>{NUMB})[ ]{{0,2}}(?:,|;)[ ]{{0,2}}(?P<hi2>{NUM})(?=[ ]{{0,2}}\])")
RE_UNIT = re.compile(rf"(?P<val>{NUMB})(?:(?P<u>{UNIT})(?P<freq>{_FREQ})?|(?P<hu>{HYPHEN_UNIT}))")
RE_WORD_UNIT = re.compile(rf"(?P<val>{WNUM})(?:(?P<u>{UNIT})|(?P<hu>{HYPHEN_UNIT}))")
RE_BARE = re.compile(rf"(?P<val>{NUMB}){NUM_END}")
RE_WORD = re.compile(rf"(?P<val>{WNUM})(?![\w-])")
RE_UNIT_AT = re.compile(UNIT)


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
    unit, cat, dose = _unit(m, "lu", "hu", "hh")
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


# -- triggers: which patterns are tried where (``parse._candidates`` anchors on these) -------------
#: tried at the start of every numeric literal (digit, or its sign / leading dot)
AT_NUMBER = [(RE_R_BRACKET, b_r_bracket), (RE_CI, b_ci), (RE_MSD1, b_msd), (RE_MSD3, b_msd), (RE_MIQR1, b_miqr), (RE_AGE_OLD, b_age_old),
             (RE_TH2, b_th2), (RE_R1, b_range), (RE_C_OF, b_count_of), (RE_C_SLASH, b_count_slash),
             (RE_C_NOUN, b_count_noun), (RE_UNIT, b_unit), (RE_BARE, b_bare)]
#: tried at the start of a number word ("Twenty", "nine")
AT_NUMBER_WORD = [(RE_AGE_OLD, b_age_old), (RE_R1, b_range), (RE_C_OF, b_count_of),
                  (RE_C_NOUN, b_count_noun), (RE_WORD_UNIT, b_word_unit), (RE_WORD, b_word)]
_RATIO = [(RE_RATIO, b_ratio)]
_TH = [(RE_TH1, b_th1)]
#: tried at a word (lower-cased) that may begin a pattern
AT_KEYWORD: dict[str, list] = {}
for _w in ("or", "ors", "aor", "aors", "hr", "hrs", "ahr", "ahrs", "rr", "rrs", "arr", "rrr", "irr", "sir", "smr",
           "shr", "cshr", "smd", "wmd", "md", "ard", "rd", "auc", "aucs", "auroc", "icc", "nnt", "nnh", "gmr", "r",
           "rho", "beta", "tau", "odds", "hazard", "risk", "rate", "relative", "incidence", "subdistribution",
           "standardized", "standardised", "weighted", "absolute", "number", "area", "correlation", "kappa",
           "adjusted", "unadjusted", "pooled", "crude", "overall", "summary", "multivariate", "multivariable",
           "prevalence"):
    AT_KEYWORD[_w] = list(_RATIO)
for _w in ("approximately", "approx", "about", "around", "nearly", "almost", "roughly", "circa", "ca"):
    AT_KEYWORD[_w] = [(RE_MSD1, b_msd), (RE_R1, b_range)]
for _w in ("not", "more", "greater", "higher", "larger", "longer", "less", "lower", "fewer", "smaller",
           "shorter", "at", "up", "in", "within", "exceeding", "above", "below", "approximately", "approx", "about",
           "around", "nearly", "almost", "roughly", "circa", "ca"):
    AT_KEYWORD.setdefault(_w, []).extend(_TH)
AT_KEYWORD["p"] = [(RE_P, b_p)]
AT_KEYWORD["ci"] = [(RE_CI, b_ci)]
AT_KEYWORD["cri"] = [(RE_CI, b_ci)]
AT_KEYWORD["mean"] = [(RE_MSD1, b_msd), (RE_MSD3, b_msd), (RE_MSD4, b_msd), (RE_RATIO, b_ratio)]
AT_KEYWORD["average"] = [(RE_MSD1, b_msd), (RE_MSD3, b_msd)]
AT_KEYWORD["median"] = [(RE_MIQR1, b_miqr), (RE_MIQR2, b_miqr)]
AT_KEYWORD["iqr"] = [(RE_IQR, b_iqr)]
AT_KEYWORD["interquartile"] = [(RE_IQR, b_iqr)]
AT_KEYWORD["between"] = [(RE_R2, b_range)]
AT_KEYWORD["from"] = [(RE_R2, b_range)]
AT_KEYWORD["n"] = [(RE_C_N, b_count_n)]
AT_KEYWORD["no"] = [(RE_NO_NOUN, b_no_noun), (RE_TH1, b_th1)]
#: tried at a symbol character
AT_SYMBOL: dict[str, list] = {c: list(_TH) for c in "<>≤≥~"}
AT_SYMBOL["~"] = [(RE_TH1, b_th1), (RE_MSD1, b_msd), (RE_R1, b_range)]
AT_SYMBOL["("] = [(RE_MSD2, b_msd)]
for _c in "βρκτ":
    AT_SYMBOL[_c] = list(_RATIO)


# -- per-text gates: a pattern is tried only if its text contains one of these strings ------------------
_PM_STRINGS = ("±", "+/-", "+-", "+ /-", "+/ -")
GATES: dict[int, tuple[str, ...]] = {
    id(RE_MSD1): _PM_STRINGS, id(RE_MSD2): _PM_STRINGS,
    id(RE_MSD3): _PM_STRINGS + ("SD", "SE", "sd", "s.d", "s.e"), id(RE_MSD4): ("SD", "SE"),
    id(RE_MIQR1): ("IQR", "uartile", "Q1", "entile"), id(RE_MIQR2): ("IQR", "uartile", "Q1", "entile"),
    id(RE_IQR): ("IQR", "nterquartile"), id(RE_AGE_OLD): ("old", "OLD", "Old"),
    id(RE_C_SLASH): ("/",), id(RE_CI): ("CI", "Cl", "CrI", "onfidence", "redible", "ncertainty"),
    id(RE_TH2): ("older", "more", "over", "above", "greater", "higher", "longer", "less", "fewer", "younger",
                 "below", "under", "lower", "shorter"),
}


def gated(patterns, text: str):
    """``patterns`` without those whose gate strings are all absent from ``text``."""
    out = []
    for rx, build in patterns:
        gate = GATES.get(id(rx))
        if gate is None or any(g in text for g in gate):
            out.append((rx, build))
    return out
