"""``parse_measures(text)``: find and type the measures of a text (see the package docstring for the rules)."""

from __future__ import annotations

import re

from .candidates import AT_KEYWORD, AT_NUMBER, AT_NUMBER_WORD, AT_SYMBOL, Cand, gated, kind_of_unit
from .measure import ParsedMeasure
from .numbers import NUMBER_WORD_SET, normalise
from .patterns import TIME, UNIT, unit_info

# -- spans where no measure may be (dates, citations, identifiers) ----------------------------------
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_BLOCKERS = re.compile("|".join([
    r"(?i:doi:?[ ]?)?\b10\.\d{4,9}/[^\s]+",  # DOI
    r"(?i:https?://|www\.)[^\s]+",  # URL
    r"(?i:\b(?:NCT|ISRCTN|ACTRN|ChiCTR|CTRI|DRKS|EUCTR|IRCT|JPRN|KCT|NTR|PACTR|SLCTR|TCTR|UMIN|PMID|PMCID|ISBN"
    r"|ISSN)[ ]?[:#]?[ ]?[\w/-]*\d[\w/-]*)",  # registration / record numbers
    r"(?i:EudraCT)(?:[ ](?:number|no\.?))?[ :#]{0,3}\d{4}-\d{6}-\d{2}|\b\d{4}-\d{6}-\d{2}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ ]{{1,2}}{_MONTHS}\b\.?(?:,?[ ]{{1,2}}\d{{4}})?",  # 2 Feb 2003
    rf"\b{_MONTHS}\b\.?[ ]{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?,?[ ]{{1,2}}\d{{4}}\b",  # Feb 2, 2003
    rf"\b{_MONTHS}\b\.?[ ]{{1,2}}\d{{1,2}}(?:st|nd|rd|th)?\b(?![ ]?[%\d.]|[ ]{{1,2}}[a-zμ])",  # December 16
    rf"\b{_MONTHS}\b\.?(?:[ ]?-[ ]?{_MONTHS}\.?)?,?[ ]{{1,2}}(?:of[ ])?\d{{4}}\b",  # January 2010
    r"\b\d{1,2}([/.-])\d{1,2}\1\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",  # 12/05/2003, 2003-05-12
    r"\b(?:1[89]|20)\d{2}[ ]?;[ ]?\d+(?:[ ]?\([^)]{0,12}\))?(?:[ ]?(?i:suppl)\.?[ ]?\d*)?(?:[ ]?:[ ]?[A-Za-z]?\d+"
    r"(?:[ ]?-[ ]?[A-Za-z]?\d+)?)?",  # 2000;62 Suppl 1:79-83
    r"\b\d+[ ]?\([\w -]{1,10}\)[ ]?:[ ]?[A-Za-z]?\d+(?:[ ]?-[ ]?[A-Za-z]?\d+)?",  # 6(3):285-288
    r"\b\d+(?::\d+)+(?:-\d+)?",  # 1:1, 10:30, 1:79-83
    r"(?m:^[ ]{0,3}\d{1,2}(?:\.\d{1,2}){0,3}\.?[ ]{1,3}(?=[A-Z][a-z]))",  # section numbers "2.1 Methods"
    r"(?<![\w])[FtTχZzH][ ]?\([ ]?\d+(?:[ ]?,[ ]?\d+(?:\.\d+)?)?[ ]?\)",  # F(1, 38), χ(2): degrees of freedom
    r"(?<![\w.])(?:19|20)\d{2}[ ]?(?:-|/)[ ]?(?:(?:19|20)\d{2}|\d{2})(?![\d%.])(?!" + UNIT + ")",  # 1999-2000
]))

# a number that names something: "grade 3", "phase 2", "type 2", "Table 1", "day 28", "ECOG PS 0-1"
_NAME_WORDS = (
    r"(?<!\d[ ])(?<![\d-])\b(?:(?i:grades?|stages?|phases?|types?|class(?:es)?|level|cycles?|days?|week|wk|month|"
    r"year|visits?|arm|group|cohort|steps?|version|figures?|figs?\.?|tables?|nos?\.|algorithms?|methods?|"
    r"supplements?|axis|axes|sections?|chapters?|appendix|part|round|"
    r"session|lines?|fractions?|model|items?|criteria|criterion|questions?|no\.|refs?\.?|references?|lead|segment|chromosomes?|"
    r"exons?|introns?|codons?|position|lane|isotypes?|subtypes?|serotypes?|genotypes?|gleason|bi-?rads|nyha|ecog|"
    r"karnofsky|experiments?|protocol|dimension|domains?|quadrants?|equations?|eqs?\.?|formula|scheme|"
    r"supplementary|supplemental|suppl\.?|vol\.?|volume|issue|pp\.?|page|pages|tier|category|categories|"
    r"generation|era|edition|release)"
    r"|WHO|ASA|KPS|TNM|FIGO|AJCC|ICD|DSM|CTCAE|RECIST|PS|pT|pN|cT|cN|ISO|CA|IL|CD|HLA|CYP|HPV|HIV|HER|ERBB|COX|"
    r"BRCA|TLR|Ki|SF|EQ|QLQ|MK|GPT)[ ]{0,2}[-#]?[ ]{0,2}")
_NAME_CHAIN = re.compile(
    _NAME_WORDS + r"(?:(?:\d+[a-z]?|[IVX]+)[ ]{0,2}(?:,[ ]{0,2}(?:and|or)?|and|or|to|-|/|&|vs\.?)[ ]{0,2})*$")
_NAME_DIRECT = re.compile(_NAME_WORDS + r"$")
_NAME_DECIMAL = re.compile(r"\b(?i:version|sections?|sect|tables?|figs?|figures?|chapters?|appendix|eqs?|"
                           r"equations?|release|SPSS|Stata|SAS|R)\.?[ ]{0,2}$")
_WORD_STARTS = frozenset(w[:3] for w in NUMBER_WORD_SET) | {"app", "abo", "aro", "nea", "alm", "rou", "cir",
                                                           "ca.", "mor", "les", "gre", "hig", "low", "at ", "up ",
                                                           "bet", "wit", "abo", "bel", "exc", "no ", "not", "lar",
                                                           "sma", "sho", "lon", "few", "in "}
_FIRST_NUM = re.compile(r"\D{0,40}?\d+(\.\d)?")
_AGE_BEFORE = re.compile(
    r"(?i:\b(?:aged?|ages)\b)[ ]{0,2}(?:\(?(?:range|mean|median|years?|yrs?|y)\)?[ ]{0,2})?"
    r"(?:(?:[,:=]|of|was|were|is|ranged|ranging|range|between|from|at|above|below)[ ]{0,2}){0,3}$")
_AGE_AFTER = re.compile(r"(?i:[ ]{0,2}(?:old\b|of[ ]age\b))")
_RANGE_BEFORE = re.compile(
    r"(?:(?i:\b(?:range[ds]?|ranging|IQR|interquartile[ ]range|between|from|quartiles?|CI))[ ]{0,2}[,:=]?[ ]{0,2}"
    r"(?i:from|of|was|were|is)?[ ]{0,2}$|\d[%\w/.]{0,10}[ ]{0,2}\([ ]{0,2}$|(?i:aged?|ages)[ ]{0,2}$)")
_STAT_BEFORE = re.compile(r"(?i:\b(mean|median|average))[ ]{0,2}(?:[,:=][ ]{0,2}|(?:of|was|were|is)[ ]{1,2})?$")
_YEAR = re.compile(r"(?:1[89]|20)\d{2}")

# confirmations of a weak (bare integer / number word) candidate
_PCT_AFTER = re.compile(r"[ ]{0,2}[(\[][ ]{0,2}[-+]?\d+(?:\.\d+)?[ ]?(?:%|(?i:per[ ]?cent|percent))")
_NUM_BRACKET_AFTER = re.compile(r"[ ]{0,2}[(\[][ ]{0,2}[-+]?\.?\d")
# an item of a parenthetical arm list: "(26 Poly E, eight placebo)", "(tamoxifen 34, placebo 36, ..."
_LABEL = r"(?:(?!and\b)[A-Za-z][\w/+.-]*(?:[ ](?!and\b)[\w/+.-]+){0,4})"
_ITEM_A_AFTER = re.compile(rf",?[ ]{{1,2}}{_LABEL}[ ]{{0,2}}(?:[,;)\]]|[ ]and\b)")
_ITEM_A_BEFORE = re.compile(r"(?:[(\[,;:]|\band)[ ]{0,2}$")
_ITEM_B_BEFORE = re.compile(rf"[(\[,;][ ]{{0,2}}{_LABEL}[ ]?[:=,]?[ ]{{1,2}}$")
_ITEM_B_AFTER = re.compile(r"[ ]{0,2}(?:[,;)\]]|and\b)")
_VS = r"(?:versus|vs\.?|v\.?(?![a-z])|compared[ ](?:with|to)|against)"
_VS_AFTER = re.compile(rf"[ ]{{0,3}},?[ ]{{0,2}}(?i:{_VS})[ ]{{0,3}}(?=[-+]?[\d.]|[A-Za-z]+\b)")
_VS_BEFORE = re.compile(rf"(?i:{_VS})[ ]{{0,3}}$")
_LIST_AFTER = re.compile(r"[ ]{0,2}(?:,[ ]{0,2}(?:and|or)?|and|or|&|;)[ ]{0,3}")
_GROUP_AFTER = re.compile(
    r"[ ]{1,2}(?:in|on|with|from|for|into|to)[ ]{1,2}(?:the[ ]{1,2})?(?:[\w+/-]+[ ]{1,2}){0,3}(?i:group|arm|cohort)s?\b")
_ARM_PAIR = re.compile(
    r"(?<![\w.])(?P<a>\d+)[ ]{1,2}(?:on|in|with|for|receiving|to)[ ]{1,2}(?:the[ ])?[\w+/-]+(?:[ ][\w+/-]+)?[ ]{0,2},?"
    r"[ ]{0,2}(?:versus|vs\.?|v\.?|and|compared[ ]with)[ ]{1,2}(?P<b>\d+)[ ]{1,2}(?:on|in|with|for|receiving|to)\b")
_TO_ARM_AFTER = re.compile(r"[ ]{1,2}(?:to|on|with)[ ]{1,2}(?:the[ ]{1,2})?[A-Za-z][\w-]*")
_TO_ARM_BEFORE = re.compile(r"(?:[,;(:]|\band|(?i:randomi[sz]ed|assigned|allocated))[ ]{0,2}$")
_OF_THESE_AFTER = re.compile(r"[ ]{1,2}of[ ]{1,2}(?:the|these|those|them|whom)\b")
# "SC (34) or control arm (17)": bracketed arm sizes (a lone "(28)" may be a citation)
_PAREN_PAIR = re.compile(r"(?<=[A-Za-z][ ]\()(?P<a>\d{2,5})\)[ ]{1,2}(?:or|and|vs\.?|versus)[ ]{1,2}[^()\n]{1,40}?"
                         r"\((?P<b>\d{2,5})\)")
_PAREN_AFTER = re.compile(r"[ ]{0,2}\((?![ ]?(?i:figs?|tables?|see|suppl|phase|refs?|e\.g|i\.e|eqs?)\b)")
_ARM_WORD_AFTER = re.compile(r"[ ]{1,2}(?i:intervention|control|placebo|usual[ ]care|experimental|comparison|"
                             r"treatment|treated|untreated)\b")
_STAT_WEAK_BEFORE = re.compile(r"(?i:\b(?:mean|median|average|total|overall)[ ]{0,2}(?:[,:=]|of|was|were|is)?[ ]{0,2})$")
_VERB_AFTER = re.compile(
    r"[ ]{1,2}(?:were|had|died|developed|experienced|completed|underwent|received|achieved|required|withdrew|"
    r"discontinued|remained|relapsed|responded|reported|showed|presented|agreed|enrolled|participated|consented|"
    r"declined|refused|dropped|returned|survived|each|formed|constituted|comprised|could|who|assigned|allocated|"
    r"randomi[sz]ed|receiving|given|treated|taking|using|undergoing|not)\b")
# "(74 placebo, 62 tamoxifen)", "(TAM 64, ACT 65)", "(Arm A: 284, Arm B: 277)", "(IG = 18)": arm lists of counts
_ARM_ITEM_A = r"[ ]{0,2}\d+(?:,\d{3})*[ ]{1,2}(?:given[ ]|on[ ]|in[ ])?[A-Za-z][\w/+-]*(?:[ ][A-Za-z][\w/+-]*)?[ ]{0,2}"
_ARM_ITEM_B = r"[ ]{0,2}[A-Za-z][\w/+ -]{0,20}?(?:[ ]?[:=,][ ]?|[ ])\d+(?:,\d{3})*[ ]{0,2}"
_ARM_LIST = re.compile(rf"\((?:(?:{_ARM_ITEM_A}[,;])+{_ARM_ITEM_A}|(?:{_ARM_ITEM_B}[,;])*{_ARM_ITEM_B})\)")
_INT_IN = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?![\w.]|,\d)")
_UNIT_GAP = re.compile(rf"[ ]{{0,2}}(?:,[ ]{{0,2}}(?:and|or)?|and|or|to|;|(?i:{_VS}))[ ]{{0,3}}")
_CI_GAP = re.compile(r"[ ]{0,2}[,;]?[ ]{0,2}(?P<ob>[(\[])?[ ]{0,2}")
_CLOSE = re.compile(r"[ ]{0,2}[)\]]")
_SIMPLE = ("value", "percentage", "duration", "dose")


_DIGITS = re.compile(r"\d+")


def _blocked_mask(s: str) -> bytearray:
    """1 where a blocker (date, citation, identifier...) lies. Blockers all contain digits, so only
    windows around digit runs are scanned."""
    mask = bytearray(len(s))
    n, windows = len(s), []
    for m in _DIGITS.finditer(s):
        lo, hi = max(0, m.start() - 40), min(n, m.end() + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        for m in _BLOCKERS.finditer(s, lo, hi):
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


_WORD_CONT = re.compile(r"(?i:(?:hundred|thousand|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"[ -](?:and[ ])?)$")
_WORD_OR_DIGITS = re.compile(r"[A-Za-z]+|\d+|[<>≤≥~(βρκτ]")


def _candidates(s: str) -> list[Cand]:
    """Try each pattern only where it can start: numbers, number words, keywords, symbols."""
    out: list[Cand] = []
    at_number, at_word = gated(AT_NUMBER, s), gated(AT_NUMBER_WORD, s)
    at_keyword = {k: gated(v, s) for k, v in AT_KEYWORD.items()}
    at_symbol = {k: gated(v, s) for k, v in AT_SYMBOL.items()}

    def attempt(pos: int, patterns) -> None:
        for rx, build in patterns:
            m = rx.match(s, pos)
            if m is None or m.end() == m.start():
                continue
            c = build(m)
            if c is not None and c.end > c.start:
                out.append(c)

    for tok in _WORD_OR_DIGITS.finditer(s):
        p, first = tok.start(), s[tok.start()]
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
        elif first.isalpha() and first.isascii():
            low = tok.group().lower()
            if low in NUMBER_WORD_SET and not _WORD_CONT.search(s, max(0, p - 16), p):
                attempt(p, at_word)
            patterns = at_keyword.get(low)
            if patterns:
                attempt(p, patterns)
        else:
            patterns = at_symbol.get(first)
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
    if m and m.group(1):  # a decimal is not a name, unless of a version/section/table
        return bool(_NAME_DECIMAL.search(before))
    if c.unit == "%":
        return False
    if c.unit is not None and c.kind not in ("count", "sample_size"):
        return bool(_NAME_DIRECT.search(before))  # "group 2, 27 months": only a directly preceding word
    return bool(_NAME_CHAIN.search(before))


def _context_ok(s: str, c: Cand) -> bool:
    before = s[max(0, c.start - 60):c.start]
    if c.kind not in ("p_value", "ci", "ratio") and _named(before, s, c):
        return False
    if c.bare and not c.weak and c.kind in ("value", "range", "threshold"):
        if _is_year(c) or (c.kind == "range" and c.high is not None and 1800 <= c.high <= 2100
                           and c.high == int(c.high) and c.low >= 1800):
            return False
    if c.ctx == "range" and not _RANGE_BEFORE.search(before):
        return False
    return True


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
    weak = []
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


def _in_paren(s: str, pos: int) -> bool:
    """Is ``pos`` inside an unclosed ``(``/``[`` opened at most 150 characters before?"""
    depth = 0
    for ch in reversed(s[max(0, pos - 150):pos]):
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
    arm_starts = set()
    if weak:
        for m in _ARM_PAIR.finditer(s):
            arm_starts.update((m.start("a"), m.start("b")))
        if "(" in s:
            for m in _PAREN_PAIR.finditer(s):
                arm_starts.update((m.start("a"), m.start("b")))
        if "(" in s:
            for m in _ARM_LIST.finditer(s):
                arm_starts.update(n.start() for n in _INT_IN.finditer(s, m.start(), m.end()))
    for _round in range(4):
        changed = False
        for c in sorted(pending, key=lambda c: -c.start):
            if c in confirmed:
                continue
            ok = False
            if _PCT_AFTER.match(s, c.end):
                c.kind, ok = "count", True
            elif (_GROUP_AFTER.match(s, c.end) or _VERB_AFTER.match(s, c.end) or (c.start in arm_starts and not c.year)
                  or _OF_THESE_AFTER.match(s, c.end)
                  or (not c.year and c.value is not None and c.value >= 10 and s[c.start:c.start + 1].isdigit()
                      and _PAREN_AFTER.match(s, c.end))
                  or _ARM_WORD_AFTER.match(s, c.end)
                  or (_TO_ARM_AFTER.match(s, c.end) and _TO_ARM_BEFORE.search(s, max(0, c.start - 6), c.start))):
                c.kind, ok = "count", True
            elif not c.year and _in_paren(s, c.start) and "et al" not in s[max(0, c.start - 40):c.start] and (
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
                if m and (m.end() in starts or m.end() in weak_starts):
                    ok = True
                elif _VS_BEFORE.search(s[max(0, c.start - 16):c.start]):
                    ok = True
                else:
                    m = _LIST_AFTER.match(s, c.end)
                    nxt = starts.get(m.end()) if m else None
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
                end = nxt.end
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


def _parse_strict(text: str) -> list[ParsedMeasure]:
    """The parser; may raise on a bug (tests call this one), ``parse_measures`` never does."""
    if not text:
        return []
    s = normalise(text)
    if not any(ch.isdigit() for ch in s) and not re.search(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|"
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


def parse_measures(text: str) -> list[ParsedMeasure]:
    """All measures of ``text``, sorted by start offset. Pure, never raises (returns [] on a bug)."""
    try:
        return _parse_strict(text if isinstance(text, str) else str(text))
    except Exception:  # pragma: no cover - defensive: the contract is "never raises"
        return []
