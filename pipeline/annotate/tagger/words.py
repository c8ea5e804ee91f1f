"""Word lists and word tests of span hygiene (:mod:`.hygiene`) and the outcome rules
(:mod:`claimex.annotate.outcome_lists`): function words, naming words, dates, funders and software,
numbers, adjective-like words. Token-level: each test takes a token's text (and lower-cased text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy

# words that never begin or end a PICO span ("no" stays: "no treatment" is an arm)
FUNCTION_WORDS = frozenset(["a", "an", "the", "this", "that", "these", "those", "their", "its", "his", "her", "our",
                            "your", "my", "each", "every", "both", "all", "any", "some", "such", "of", "in", "on",
                            "at", "to", "for", "with", "without", "by", "from", "as", "into", "onto", "over", "under",
                            "about", "after", "before", "during", "between", "among", "within", "via", "per", "than",
                            "versus", "vs", "vs.", "v", "upon", "across", "against", "along", "through", "throughout",
                            "toward", "towards", "and", "or", "nor", "but", "either", "neither", "whether", "if",
                            "while", "when", "where", "which", "who", "whom", "whose", "what", "how", "why", "is",
                            "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
                            "will", "would", "can", "could", "may", "might", "shall", "should", "must", "it", "they",
                            "we", "he", "she", "them", "us", "there", "here", "also", "then", "only", "thus",
                            "however", "therefore", "respectively"])
# trailing adverbs that end no PICO phrase ("Of 212 patients randomly")
TRAILING_ADVERBS = frozenset(["randomly", "respectively", "significantly", "previously", "initially", "subsequently",
                              "currently", "consecutively", "prospectively", "retrospectively", "recently", "finally",
                              "further", "additionally", "overall", "similarly"])
# a number may end a span after one of these ("type 2", "day 28", "interleukin 6", "phase III")
NAMING_WORDS = frozenset(["type", "types", "grade", "grades", "stage", "stages", "phase", "class", "day", "days",
                          "week", "weeks", "month", "months", "year", "years", "visit", "cycle", "cycles", "level",
                          "factor", "interleukin", "il", "version", "step", "part", "trial", "study", "group", "arm",
                          "cohort", "wave", "dose", "doses", "covid-19", "hba1c", "hour", "hours", "minute",
                          "minutes", "protein", "proteins", "receptor", "receptors", "gene", "genes", "subunit",
                          "domain", "isoform", "channel", "disease", "virus", "hiv", "kinase"])
MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                    "nov", "dec"])
ORG_WORDS = frozenset(["Foundation", "Foundations", "Institute", "Institutes", "Council", "Ministry", "Agency", "Inc",
                       "Inc.", "Ltd", "Ltd.", "Corporation", "Corp", "Corp.", "GmbH", "Pharmaceuticals",
                       "Pharmaceutical", "Pharma", "Laboratories", "Grant", "Grants", "ClinicalTrials.gov",
                       "EudraCT"])
SOFTWARE = frozenset(["SPSS", "SAS", "Stata", "STATA", "GraphPad", "RevMan", "MedCalc", "NVivo", "MATLAB", "Matlab",
                      "Minitab", "WinBUGS", "OpenBUGS", "EpiData", "JMP", "G*Power", "GPower"])
NAMES = ORG_WORDS | SOFTWARE  # funder and software names (case-sensitive token texts)
REGISTRY_PREFIXES = ("NCT", "ISRCTN", "ACTRN", "ChiCTR", "UMIN", "DRKS", "CTRI", "IRCT")
REGISTRY_START = re.compile("\x01(?:" + "|".join(REGISTRY_PREFIXES) + ")")  # a token that starts with one
CLAUSE_CHARS = re.compile("[;=]")
SOFTWARE_CONTEXT = re.compile(r"software|version|package|\bprogram\b|analy[sz](?:ed|es|is) (?:using|with|by|in)\b|"
                              r"statistical (?:analys[ie]s|package|program)", re.IGNORECASE)
REGISTRY = re.compile(r"^(NCT\d{6,}|ISRCTN\d+|ACTRN\d+|ChiCTR[\w-]+|UMIN\d+|DRKS\d+|CTRI/[\w/]+|IRCT\w+)$")
OFF_TOPIC_SENTENCE = re.compile(
    r"^\W*(funded|funding|supported by|sponsored|source of funding|trial registration|registration|"
    r"clinical ?trials?\.gov|registered|conflicts? of interest|disclosure|competing interests)\b", re.IGNORECASE)
#: bound of the per-token-text caches of the word tests (token texts repeat; the least recently used go first)
TOKEN_CACHE = 1 << 16
_NUMBER = re.compile(r"^[<>≤≥=±~]?\d+(?:[.,·]\d+)*(?:[-–]\d+(?:[.,·]\d+)*)?%?$|^%$")  # 12, 0.5%, 6-42.5
_COMPARED_NUMBER = re.compile(r"[<>≤≥=]\d+(?:[.,]\d+)*%?$")
YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_ADJ_SUFFIX = ("al", "ic", "ive", "ous", "ary", "ar", "ile", "ible", "able", "oid")
OPEN, CLOSE = "([{", ")]}"


def has_alnum(text: str) -> bool:
    """Does ``text`` hold a letter or digit (``re``'s ``[^\\W_]`` searched, which is ``str.isalnum`` per
    character)? A word answers with one ``str.isalnum``, other tokens with one per character, without a regex
    call."""
    return text.isalnum() or any(map(str.isalnum, text))
HAS_BRACKET = re.compile(r"[()\[\]{}]")
PAIR = {")": "(", "]": "[", "}": "{"}
ARM_NOUNS = frozenset(["group", "groups", "arm", "arms", "patients", "participants", "subjects", "condition",
                       "conditions", "cohort"])
UNITS = frozenset(["years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "h", "min", "kg",
                    "mg", "g", "cm", "mm", "ml", "l", "%", "mmhg"])
# the head noun an outcome name ends on ("urinary 5-HIAA" -> "urinary 5-HIAA decrease")
OUTCOME_HEADS = frozenset(["decrease", "decreases", "increase", "increases", "reduction", "reductions", "change",
                           "changes", "improvement", "improvements", "decline", "level", "levels", "concentration",
                           "concentrations", "score", "scores", "rate", "rates", "ratio", "values", "count",
                           "counts"])
MAX_GROW = 2  # tokens a truncated name may grow by (the adjective rule)
MAX_LONG_FORM = 10  # tokens of a long-form mention the truncation rule grows to


def blocked_kind(texts: Sequence[str], k: int, context, shorts: frozenset = frozenset()) -> str | None:
    """``"date"`` when ``texts[k]`` is part of a date, ``"org"`` when part of a funder/company/registry
    or statistics-software name, else None. ``context(k)`` gives the sentence text (software names
    count only in a software context and when the text does not define them as abbreviations:
    ``SAS`` = Self-rating Anxiety Scale)."""
    text = texts[k]
    lower = text.lower()
    if text in ORG_WORDS or REGISTRY.match(text):
        return "org"
    if text in SOFTWARE and text not in shorts and SOFTWARE_CONTEXT.search(context(k)):
        return "org"
    n = len(texts)
    if lower in MONTHS and text[:1].isupper() and len(text) > 2:
        near = [texts[j] for j in (k - 1, k + 1) if 0 <= j < n]
        if lower != "may" or any(is_number(w) for w in near):
            return "date"
    if YEAR.match(text) and not (k > 0 and texts[k - 1].lower() == "disease"):  # "coronavirus disease 2019"
        nxt = texts[k + 1].lower() if k + 1 < n else ""
        return None if nxt.isalpha() and nxt not in ("and", "to", "through", "until") else "date"
    if k + 1 < n and is_number(text) and texts[k + 1].lower() in MONTHS and texts[k + 1][:1].isupper():
        return "date"
    return None


def member(values: numpy.ndarray, sorted_ids: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin`` for a small sorted id table (binary search; isin sorts on every call)."""
    at = numpy.minimum(sorted_ids.searchsorted(values), len(sorted_ids) - 1)
    return sorted_ids[at] == values


def _bracket_delta(text: str) -> int:
    """Opening minus closing brackets in ``text``."""
    return sum(text.count(c) for c in OPEN) - sum(text.count(c) for c in CLOSE)


def is_function_word(lower: str) -> bool:
    return lower in FUNCTION_WORDS


def ends_on_function_word(text: str) -> bool:
    """A span's last word is a function word (a capital single letter is a name: ``vitamin A``)."""
    return text.lower() in FUNCTION_WORDS and not (len(text) == 1 and text.isupper()) \
        or text.lower() in TRAILING_ADVERBS


@lru_cache(maxsize=TOKEN_CACHE)
def ends_numeric(text: str) -> bool:
    """A number, or a token that ends on a compared number (``index≥5``). Cached per token text."""
    return is_number(text) or bool(_COMPARED_NUMBER.search(text))


def has_letter(text: str) -> bool:
    """Does ``text`` hold a letter (``any(ch.isalpha() for ch in text)``; a word of letters only answers at
    once, without the per-character generator)?"""
    return text.isalpha() or any(ch.isalpha() for ch in text)


@lru_cache(maxsize=TOKEN_CACHE)
def is_number(text: str) -> bool:
    """``12``, ``0.5%``, ``6-42.5``, ``≥5``, ``%``. Cached per token text: span hygiene asks it of the same tokens
    again and again, and a ``re`` match costs ~20x a cache hit (anchored at both ends, one alternation)."""
    return bool(_NUMBER.match(text))


def is_content(text: str, lower: str) -> bool:
    """A word that can carry a PICO phrase: two or more letters, not a function word or month."""
    if lower in FUNCTION_WORDS or lower in MONTHS:
        return False
    return len(text) >= 2 and text.isalpha() or sum(ch.isalpha() for ch in text) >= 2


def adjective_like(text: str, lower: str) -> bool:
    return len(text) >= 4 and text.isalpha() and lower.endswith(_ADJ_SUFFIX) and lower not in FUNCTION_WORDS
