"""Number normalisation for the measure parser.

* :func:`normalise` maps a text to a string **of the same length** in which every unicode
  variant the parser cares about is replaced by one ASCII (or canonical) character: dashes and
  minus signs (``‐ ‑ ‒ – — ― − ﹣ －``) -> ``-``, thin/narrow/no-break/figure spaces -> `` ``,
  ``≦ ⩽`` -> ``≤``, ``≧ ⩾`` -> ``≥``, ``∼ ～ ≈`` -> ``~``, micro sign ``µ`` -> ``μ``, superscript
  digits/minus -> ASCII (``m²`` -> ``m2``, ``10⁻³`` -> ``10-3``) and a middle dot between digits
  (``0·05``) -> ``.``. Because the mapping is one character to one character, offsets found in the
  normalised string are offsets into the original text.
* :func:`to_float` parses a numeric literal as written (thousands separators ``1,009`` /
  ``13 388``, leading-dot decimals ``.004``, ``× 10-5`` / ``×10^9`` / ``e-5`` exponents).
* :func:`words_to_number` parses English number words (``Twenty one``, ``Nine hundred seven``,
  ``One hundred twenty-five``, ``thirty-nine``, ``Thirty - three``).
"""

from __future__ import annotations

import math
import re

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_SUPERS = {"\u2070": "0", "\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u2074": "4", "\u2075": "5",
           "\u2076": "6", "\u2077": "7", "\u2078": "8", "\u2079": "9", "\u207b": "-", "\u207a": "+"}

_TABLE = {ord(c): "-" for c in _DASHES}
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(k): v for k, v in _SUPERS.items()})
_TABLE.update({
    ord("\u2266"): "\u2264", ord("\u2a7d"): "\u2264",  # ≦ ⩽ -> ≤
    ord("\u2267"): "\u2265", ord("\u2a7e"): "\u2265",  # ≧ ⩾ -> ≥
    ord("\u223c"): "~", ord("\uff5e"): "~", ord("\u2248"): "~", ord("\u2243"): "~",
    ord("\u00b5"): "\u03bc",  # micro sign -> greek mu
    ord("\u2215"): "/", ord("\u2044"): "/",  # division slash, fraction slash
    ord("\u066b"): ".",  # arabic decimal separator
})
_MIDDOT = re.compile(r"(?<=\d)[\u00b7\u2219\u22c5\u2022](?=\d)")
#: any character that ``_TABLE`` maps (the tab is its only ASCII one)
_MAPPED = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_TABLE)) + "]")


def normalise(text: str) -> str:
    """Same-length canonical form of ``text`` (see the module docstring). ``str.translate`` with a dict
    table looks up every character; it runs only on texts that hold a mapped character."""
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    out = text.translate(_TABLE) if _MAPPED.search(text) else text
    if "\u00b7" in out or "\u2219" in out or "\u22c5" in out or "\u2022" in out:
        out = _MIDDOT.sub(".", out)
    return out


_EXP_TIMES = re.compile(r"[x×]\s?10\s?(?:\^\s?|\()?\s?([-+]?\d{1,3})\)?\s*$")
_EXP_E = re.compile(r"[eE]([-+]?\d{1,3})$")


def to_float(literal: str) -> float | None:
    """Float value of a numeric literal (normalised text); None if it is not finite/parseable."""
    s = literal.strip()
    mult = 1.0
    m = _EXP_TIMES.search(s)
    if m:
        try:
            mult = 10.0 ** int(m.group(1))
        except (ValueError, OverflowError):
            return None
        s = s[: m.start()].strip()
    else:
        m = _EXP_E.search(s)
        if m and s[: m.start()][-1:].isdigit():
            try:
                mult = 10.0 ** int(m.group(1))
            except (ValueError, OverflowError):
                return None
            s = s[: m.start()]
    s = s.replace(" ", "").replace(",", "")
    s = s.removeprefix("+")
    try:
        value = float(s) * mult
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(value):
        return None
    return value


_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}

NUMBER_WORD_SET = frozenset((*_ONES, *_TENS, "hundred"))
ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))
TENS_RE = "|".join(_TENS)
_ONES19 = "one|two|three|four|five|six|seven|eight|nine"
_W99 = rf"(?:(?:{TENS_RE})(?:(?:[ ]?-[ ]?|[ ])(?:{_ONES19})\b)?|(?:{ONES_RE}))"  # "Thirty - three" too
_W999 = rf"(?:(?:{_W99}[ -]|a[ ])?hundred(?:[ ](?:and[ ])?{_W99})?|{_W99})"
#: regex (case-insensitive group) for an English number word from zero to 999,999
NUMBER_WORDS = rf"(?i:\b{_W999}(?:[ -]thousand(?:[ ](?:and[ ])?{_W999})?)?\b)"


def words_to_number(words: str) -> float | None:
    """``"Nine hundred seven"`` -> 907.0; None when ``words`` is not a number phrase."""
    total, current, seen = 0, 0, False
    for tok in re.split(r"[ \-]+", words.strip().lower()):
        if not tok or tok == "and":
            continue
        if tok == "a":
            current += 1
            continue
        if tok in _ONES:
            current += _ONES[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None
