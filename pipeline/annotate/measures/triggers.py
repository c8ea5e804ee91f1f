"""Where each pattern is tried: ``parse._candidates`` anchors on numbers, number words, keywords and
symbols, and tries only the patterns that can start there (and whose gate strings occur in the text)."""

from __future__ import annotations

from .candidates import (
    b_age_old,
    b_bare,
    b_ci,
    b_count_n,
    b_count_noun,
    b_count_of,
    b_count_slash,
    b_iqr,
    b_miqr,
    b_money,
    b_msd,
    b_no_noun,
    b_p,
    b_ph,
    b_r_bracket,
    b_range,
    b_ratio,
    b_th1,
    b_th2,
    b_unit,
    b_word,
    b_word_unit,
)
from .gates import gate_test
from .regexes import (
    RE_AGE_OLD,
    RE_BARE,
    RE_C_N,
    RE_C_NOUN,
    RE_C_OF,
    RE_C_SLASH,
    RE_CI,
    RE_IQR,
    RE_MIQR1,
    RE_MIQR2,
    RE_MONEY,
    RE_MSD1,
    RE_MSD2,
    RE_MSD3,
    RE_MSD4,
    RE_NO_NOUN,
    RE_P,
    RE_PH,
    RE_R1,
    RE_R2,
    RE_R_BRACKET,
    RE_RATIO,
    RE_TH1,
    RE_TH2,
    RE_UNIT,
    RE_WORD,
    RE_WORD_UNIT,
)

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
    id(RE_C_SLASH): ("/",), id(RE_R_BRACKET): ("[",), id(RE_CI): ("CI", "Cl", "CrI", "onfidence", "redible", "ncertainty"),
    # RE_TH2's match holds its suffix "or older", "and more", ... as written (case-sensitive, one space)
    id(RE_TH2): tuple(f"{c} {w}" for c in ("or", "and") for w in (
        "older", "more", "over", "above", "greater", "higher", "longer", "less", "fewer", "younger", "below", "under",
        "lower", "shorter")),
}


def gated(patterns, text: str, opened: dict[int, bool] | None = None):
    """``patterns`` without those whose gate strings are all absent from ``text``. A pattern compiled
    already is handed out as its ``re.Pattern`` (a lazy one's forwarding costs ~0.1 us a call). ``opened``:
    the gates of ``text`` tested already (pattern id -> open), shared by the calls for one text, so that each
    gate's strings are searched for once (``RE_MSD1``'s, ``RE_TH1``'s ... are in several tables)."""
    out = []
    for rx, build in patterns:
        gate = GATES.get(id(rx))
        if gate is not None:
            key = id(rx)
            is_open = opened.get(key) if opened is not None else None
            if is_open is None:
                is_open = gate_test(gate)(text)
                if opened is not None:
                    opened[key] = is_open
            if not is_open:
                continue
        out.append((rx.current(), build))
    return out
AT_KEYWORD["ph"] = [(RE_PH, b_ph)]
AT_KEYWORD["us"] = [(RE_MONEY, b_money)]
for _c in "$€£":
    AT_SYMBOL[_c] = [(RE_MONEY, b_money)]
