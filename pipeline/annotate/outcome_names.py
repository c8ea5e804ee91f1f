"""Outcome names the tagger misses or cuts short, found from the phrase structure of result sentences.

Token-level rules used by :mod:`claimex.annotate.outcome_lists` (the ``claimex_outcome_lists``
component), each on one sentence ``[lo, hi)`` of a :class:`~claimex.annotate.outcome_lists.Tokens` view:

* :func:`grow` - an OUTCOME span grows over the measure noun it is the argument of ("the incidence of
  [moderate to] severe withdrawal movements", "prevalence of [reported] diarrhea"), over an ``of`` tail
  that ends the phrase ("fiberoptic view of the larynx") and, after a measure noun, over a ``with``
  qualifier ("percentage of patients with >=1 exacerbation", "proportion of dogs with AKI"); a
  sentence-opening span takes the tagged site after ``in (the)`` ("Bone mineral density in the lumbar spine");
* :func:`slot_labels` - the label of a ``label: number`` result slot ("(objective response rates: 33-80%;
  mean duration: 6-42.5 months)");
* result clauses - :mod:`claimex.annotate.outcome_results` (``result_names``, ``measured_subject``), built on
  the noun-phrase helpers here;
* :func:`adverse_subject` - the subject of a copular sentence whose predicate is an adverse-effect
  OUTCOME ("The postembolization syndrome, usually mild and transient, is the commonest side effect").

Each returns token offsets; the component adds them as OUTCOME spans. A name never overlaps a tagged
span, is at most :data:`MAX_NAME` words and holds no arm word ("group", "patients", "placebo").
"""

from __future__ import annotations

import re
from typing import AbstractSet, Protocol

from .tagger.words import ARM_NOUNS, FUNCTION_WORDS, adjective_like, has_letter, is_number

MAX_NAME = 5
QUALIFIERS = frozenset(["with", "having", "reaching", "achieving", "who"])
POPULATION_NOUNS = frozenset(["patients", "patient", "subjects", "participants", "people", "persons", "individuals",
                              "women", "men", "children", "infants", "adults", "dogs", "cats", "animals", "eyes",
                              "cases", "respondents", "students", "mice", "rats"])
# measure nouns an outcome is the argument of ("incidence of X"); no change words ("reduction in X"):
# they carry the direction, which claim assembly reads outside OUTCOME spans
HEADS = frozenset(["incidence", "rate", "rates", "percentage", "percentages", "proportion", "proportions", "number",
                   "frequency", "risk", "severity", "duration", "prevalence", "occurrence", "level", "levels"])
# how an event was known, between a measure noun and its argument ("prevalence of reported diarrhea")
ATTESTED = frozenset(["reported", "self-reported", "confirmed", "documented", "diagnosed", "recorded", "suspected",
                      "proven", "verified"])
PRE_HEAD = frozenset(["overall", "mean", "median", "total", "average", "cumulative", "annual"])
_DETS = frozenset(["the", "a", "an", "no"])
# "No retreatments were performed": the events a result sentence says did not happen
EVENT_VERBS = frozenset(["performed", "observed", "reported", "seen", "found", "noted", "recorded", "detected",
                         "required", "needed", "encountered", "experienced"])
COMPOUND_HEADS = frozenset(["control", "use"])
_NOT_NOUN = ("ly", "ent", "ant", "ive", "ful", "ous", "ible", "able", "est")
NOT_NAME = ARM_NOUNS | frozenset(["age", "gender", "sex", "race", "ethnicity", "demographic", "demographics",
                                  "characteristics", "data", "therapy", "therapies", "treatment", "treatments",
                                  "intervention", "interventions", "regimen", "regimens", "whichever", "months",
                                  "month", "weeks", "week", "days", "day", "years", "year", "hours", "minutes",
                                  "mean+/-sd", "sd", "+/-", "±", "benefit", "benefits", "increase", "increases",
                                  "decrease", "decreases", "tendency", "trend", "likelihood", "significance",
                                  "placebo", "control", "controls", "baseline", "respectively", "including", "such",
                                  "etc", "other", "others", "both", "either", "total", "all", "methods", "method",
                                  "approaches", "study", "studies", "trial", "ci", "or", "rr", "hr", "p", "iqr",
                                  "se", "sem", "n", "range", "ratio", "difference", "differences", "there",
                                  "this", "these", "we", "it", "they", "common", "often", "rare", "likely",
                                  "frequent", "pronounced", "marked", "apparent", "evident", "important", "severe",
                                  "mild", "prominent", "successful", "potent", "favorable", "favourable", "much",
                                  "many", "few"])
GENERIC = frozenset(["effect", "effects", "outcome", "outcomes", "values", "value", "amounts", "doses", "dose",
                     "extent", "degree", "way", "manner", "time", "times", "period", "results", "result",
                     "dosage", "dosages"])
NAME_END = frozenset(["due", "compared", "including", "except", "following", "versus", "vs.", "respectively",
                      "whereas", "although", "until", "not", "no"])
_COPULA = frozenset(["was", "were", "is", "are"])
_COMPARE_ADJ = frozenset(["comparable", "similar", "superior", "inferior", "different", "equivalent"])
# adjectives that compare the noun phrase after them between arms
COMPARISON_ADJ = (_COMPARE_ADJ - {"different"}) | frozenset([
    "higher", "lower", "greater", "better", "worse", "more", "less", "fewer", "highest", "lowest", "greatest",
    "best", "worst", "shorter", "longer", "faster", "slower", "larger", "smaller"])
_COLON, _SEMICOLON = frozenset([":"]), frozenset([";"])
_INTRO = frozenset(["in", "at", "after", "with", "during", "for", "among", "within", "by", "on", "over", "from",
                    "finally", "overall", "however", "moreover", "furthermore", "additionally", "thus", "hence",
                    "compared", "following", "before", "until", "throughout", "similarly"])
SUPERLATIVE = frozenset(["most", "commonest", "common", "frequent", "main", "major", "only", "principal",
                         "predominant", "leading", "usual", "chief"])
ADVERSE_WORDS = ("side", "adverse", "complication", "toxicit", "event", "reaction")


class TokenView(Protocol):
    text: list[str]
    lower: list[str]
    n: int
    sentences: list[tuple[int, int]]

    def wordish(self, j: int) -> bool: ...

    def at(self, words: frozenset[str], lo: int, hi: int) -> list[int]: ...


def _free(t: TokenView, j: int, taken: list[bool]) -> bool:
    """Can token ``j`` be part of a new name? Untagged, a word, no boundary word, no ``-ed``/``-ly`` word,
    no sentence punctuation glued to it ("VanX.")."""
    low = t.lower[j]
    return (not taken[j] and t.wordish(j) and low not in NAME_END and not (low.endswith("ed") and len(low) > 4)
            and not low.endswith("ly") and low[-1:] not in ".,;:")


def name_ok(t: TokenView, a: int, b: int) -> bool:
    """A name: 1..MAX_NAME words, a word of 3+ letters, no arm, baseline, unit or statistics word, not only
    measure nouns or generic words ("similar rates"), not one adjective, adverb or measure modifier ("more
    frequent", "similar overall")."""
    words = [w for w in t.lower[a:b] if has_letter(w)]
    if not 0 < len(words) <= MAX_NAME or is_number(t.lower[a]):
        return False
    if any(w in NOT_NAME and not (w in COMPOUND_HEADS and k > 0) for k, w in enumerate(words)):
        return False  # "control" heads an outcome after another word ("asthma-symptom control")
    if all(w in HEADS or w in GENERIC for w in words) or not any(sum(ch.isalpha() for ch in w) >= 3 for w in words):
        return False
    return not (len(words) == 1 and (words[0].endswith(_NOT_NOUN) or adjective_like(words[0], words[0])
                                     or words[0] in PRE_HEAD))  # "similar [overall]": a modifier alone


_name_ok = name_ok


def _phrase_right(t: TokenView, k: int, hi: int, taken: list[bool]) -> int:
    """End of the noun phrase starting at ``k`` (a leading article is taken in; one ``of`` allowed)."""
    m = k + (k < hi and t.lower[k] in _DETS)
    start = m
    while m < hi and _free(t, m, taken):
        m += 1
    if m > start and m + 1 < hi and t.lower[m] == "of" and _free(t, m + 1, taken) or \
            m > start and m + 2 < hi and t.lower[m] == "of" and t.lower[m + 1] in _DETS and _free(t, m + 2, taken):
        m += 1 + (t.lower[m + 1] in _DETS)
        while m < hi and _free(t, m, taken):
            m += 1
    return m if m > start else k


def _ends_phrase(t: TokenView, m: int, hi: int) -> bool:
    """A noun phrase may end before ``m``: punctuation, a function word, a boundary word, or the end."""
    return m >= hi or not t.wordish(m) or t.lower[m] in NAME_END or t.lower[m] in FUNCTION_WORDS


# -- grow ---------------------------------------------------------------------------------------------
def grow(t: TokenView, a: int, b: int, taken: list[bool], lo: int, hi: int, outcomes: AbstractSet[int]
         ) -> tuple[int, int]:
    """The span ``[a, b)`` grown over its measure noun, ``of`` tail and ``with`` qualifier (module doc).
    ``outcomes``: the start tokens of OUTCOME spans, which a ``with`` qualifier may take in."""
    # left: "[overall] incidence of [moderate to] X"
    j = a
    if j - 3 >= lo and t.lower[j - 1] == "to" and t.wordish(j - 2) and t.lower[j - 3] in ("of", "in") \
            and not taken[j - 2]:
        j -= 2
    if j - 3 >= lo and t.lower[j - 1] in ATTESTED and t.lower[j - 2] in ("of", "in") and t.lower[j - 3] in HEADS \
            and not taken[j - 1]:
        j -= 1  # "prevalence of [reported] diarrhea"
    if j - 2 >= lo and t.lower[j - 1] in ("of", "in") and t.lower[j - 2] in HEADS and not taken[j - 2]:
        j -= 2
        if j - 1 >= lo and t.lower[j - 1] in PRE_HEAD and not taken[j - 1]:
            j -= 1
        a = j
    # "percentage of patients with X": the population of a measure noun goes with its qualifier
    if b + 2 < hi and t.lower[b - 1] in HEADS and t.lower[b] == "of":
        m = b + 1
        while m < hi and m - b <= 3 and _free(t, m, taken) and t.lower[m] not in QUALIFIERS:
            m += 1
        if m > b + 1 and m < hi and t.lower[m] in QUALIFIERS and any(t.lower[x] in POPULATION_NOUNS
                                                                      for x in range(b + 1, m)):
            b = m
    # right: "X of (the) Y" ending the phrase
    if b + 1 < hi and t.lower[b] == "of":
        m = _phrase_right(t, b + 1, hi, taken)
        if m > b + 1 and _name_ok(t, b + 1, m) and _ends_phrase(t, m, hi) and m - b <= MAX_NAME + 1:
            b = m
    # a sentence-opening subject and its site: "[Bone mineral density] in the [lumbar spine] increased"
    site = b + 1 + (b + 1 < hi and t.lower[b + 1] in _DETS)
    if b + 1 < hi and t.lower[b] == "in" and site in outcomes and (a == lo or a - 1 == lo and t.lower[lo] in _DETS) \
            and not any(t.lower[x] in _RESULT_NOUNS for x in range(a, b)):  # not "[Numerical reductions] in [FPG]"
        return a, -site
    # "percentage of patients with X": a measure noun's qualifier
    heads = {t.lower[x] for x in range(a, b)} & HEADS
    if heads and b + 1 < hi and t.lower[b] in QUALIFIERS:
        if b + 1 in outcomes:
            return a, -(b + 1)  # merge with the OUTCOME span starting there (the caller knows its end)
        m = b + 1
        while m < hi and m - b <= 4 and (t.wordish(m) or is_number(t.lower[m])) and not taken[m] \
                and t.lower[m] not in NAME_END:
            m += 1
        if m > b + 1 and _ends_phrase(t, m, hi) and any(ch.isalpha() for x in range(b + 1, m) for ch in t.lower[x]):
            b = m
    q = next((x for x in range(b - 1, a, -1) if t.lower[x] in QUALIFIERS), None)
    if q is not None and not any(t.lower[x] in _STATISTICS for x in range(q + 1, b)):
        b = _threshold_end(t, b, hi, taken)  # "proportion of subjects reaching HbA1c [< 7.0%]"
    return a, b


# test statistics: a threshold on them is a significance level, no part of the outcome ("with Z scores > 3.6")
_STATISTICS = frozenset(["z", "t", "f", "p", "r", "u", "χ2", "chi-square", "chi2"])
_SIGNS = frozenset(["<", ">", "≤", "≥", "<=", ">=", "=<", "=>"])
_UNITS = frozenset(["%", "mg/dl", "mmol/l", "mmhg", "kg", "mg", "g/dl", "cm", "mm"])


def _threshold_end(t: TokenView, m: int, hi: int, taken: list[bool]) -> int:
    """End of a qualifier's threshold after ``m`` ("subjects reaching HbA1c [< 7.0%]"): a comparison sign, a
    number and an optional unit; else ``m``."""
    if m + 1 < hi and t.lower[m] in _SIGNS and is_number(t.lower[m + 1]) and not any(taken[m:m + 2]):
        m += 2
        return m + (m < hi and t.lower[m] in _UNITS and not taken[m])
    return m


# words that end a noun phrase on its right besides function words: verbs and result words
_VERB_LIKE = frozenset(["rose", "fell", "showed", "shows", "show", "was", "were", "is", "are", "did", "does", "do",
                        "had", "has", "have", "became", "remain", "remains", "improves", "increases", "decreases",
                        "tended", "tends", "tend", "seemed", "appears", "appear", "occur", "occurs", "differ",
                        "differs", "significantly", "only", "alone", "also"])
_NOT_TAIL = NOT_NAME | POPULATION_NOUNS | COMPARISON_ADJ | _VERB_LIKE | GENERIC | frozenset([
    "plus", "minus", "mean", "median", "population", "populations", "analysis", "analyses", "set", "categories",
    "category"])
# what may follow a grown tail: a copula, an auxiliary or a result verb ("CVD risk decreased", "... equivalent was")
_AFTER_TAIL = frozenset(["was", "were", "is", "are", "did", "does", "do", "had", "has", "have", "remained", "rose",
                         "fell", "differed", "showed"])
# comparison words that also name a measure ("spherical / defocus / morphine equivalent"): a tail word before
# the verb, never the predicate there
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,7}$")
_NOUN_ADJ = frozenset(["equivalent", "equivalents"])
_RESULT_NOUNS = frozenset(["improvement", "improvements", "reduction", "reductions", "increase", "increases",
                           "decrease", "decreases", "change", "changes", "decline", "rise", "worsening", "difference",
                           "differences", "effect", "effects", "benefit", "benefits"])


def _title(word: str) -> bool:
    """A title-case word: "Density" (not "HbA1c", "IL-6", "The")."""
    return len(word) > 2 and word[0].isupper() and word[1:].islower() and word.isalpha()


def grow_phrase(t: TokenView, a: int, b: int, taken: list[bool], lo: int, hi: int) -> tuple[int, int]:
    """The OUTCOME span ``[a, b)`` grown to its noun phrase where the tagger cut it short (claims layer):

    * right, over up to three untagged title-case words after a title-case word inside the sentence ("[High]
      Density Lipoprotein"), then over one or two untagged nouns that end the phrase before a copula, an auxiliary or a
      past-tense verb ("Average population CVD [risk] decreased", "the mean defocus [equivalent] was"), not
      after a bracket ("Mean estimated GFR (eGFR) plus or minus ...");
    * left, over a noun and ``of (the)`` that open the clause ("[Composition of the] microbiota did not
      differ"), not a result word ("Significant improvement of X"); else over an untagged acronym right before
      the span after a function word or punctuation, the scale it is measured on ("[APGAR] score"), not in
      upper-case text ("AND [ADVERSE]") nor a function word's letters ("HAD", "WHO": the span lint reads them
      as the words).
    """
    m = b
    if _title(t.text[b - 1]) and b - 1 > lo:  # a title-case name the tagger cut: "[High] Density Lipoprotein"
        while m < hi and m - b < 3 and _free(t, m, taken) and _title(t.text[m]) and t.lower[m] not in _NOT_TAIL:
            m += 1
        if m > b:
            b = m
    while t.text[b - 1] not in ")]" and m < hi and m - b < 2 and _free(t, m, taken) \
            and (t.lower[m] not in _NOT_TAIL or t.lower[m] in _NOUN_ADJ) and t.text[m].isalpha() \
            and t.lower[m] not in _RESULT_NOUNS and not adjective_like(t.text[m], t.lower[m]) \
            and not t.lower[m].endswith(("ant", "ly")):
        m += 1
    if m > b and m < hi and (t.lower[m] in _AFTER_TAIL or t.lower[m].endswith("ed") and len(t.lower[m]) > 4):
        b = m
    j = a - 1 - (a - 1 >= lo and t.lower[a - 1] in _DETS)
    h = j - 1
    if j > lo and t.lower[j] == "of" and h >= lo and not taken[h] and t.text[h].isalpha() \
            and (h == lo or h - 1 == lo and t.lower[lo] in _DETS) and _noun(t, h):
        a = h
    elif a - 1 >= lo and not taken[a - 1] and _ACRONYM.match(t.text[a - 1]) and not t.text[a].isupper() \
            and t.lower[a - 1] not in NOT_NAME and t.lower[a - 1] not in FUNCTION_WORDS \
            and (a - 2 < lo or not t.wordish(a - 2)):
        a -= 1  # the scale an outcome is measured on: "a significant fall in [HAD] anxiety score"
    return a, b


def _noun(t: TokenView, h: int) -> bool:
    """A word that can head a noun phrase: no result, arm, population or function word, no adjective or
    adverb ending."""
    low = t.lower[h]
    return not (low in _RESULT_NOUNS or low in NOT_NAME or low in POPULATION_NOUNS or low in FUNCTION_WORDS
                or low.endswith(_NOT_NOUN) or adjective_like(t.text[h], low))


# -- new names ------------------------------------------------------------------------------------------
def slot_labels(t: TokenView, taken: list[bool], lo: int, hi: int, outcome_spans: list[tuple[int, int]]
                ) -> list[tuple[int, int]]:
    """Untagged labels of ``label: number`` slots. Slots in a bracket right after an OUTCOME name parts of
    it ("gastric tissue (antrum: 3.8-4.0 ..., fundus: 5.9-7.4 ...)"), unless a label there is an OUTCOME
    itself ("tumor growth (objective response rates: 33-80%; mean duration: 6-42.5 months)")."""
    out = []
    ends = {e for _, e in outcome_spans}
    starts = {s for s, _ in outcome_spans}
    for j in t.at(_COLON, lo + 1, hi - 1):
        if not t.text[j + 1][:1].isdigit():
            continue
        a = j
        while a - 1 >= lo and _free(t, a - 1, taken) and j - a < MAX_NAME:
            a -= 1
        before = t.lower[a - 1] if a - 1 >= lo else ";"
        if a == j or not _name_ok(t, a, j) or not (before in ("(", "[", ";", ",") or before in FUNCTION_WORDS):
            continue
        opening = next((k for k in range(a - 1, max(lo, a - 40) - 1, -1) if t.text[k] in "(["), None)
        if opening is not None and opening in ends and not any(k in starts for k in range(opening + 1, j)):
            continue
        out.append((a, j))
    return out


def _subject(t: TokenView, lo: int, hi: int, taken: list[bool]) -> tuple[int, int, int] | None:
    """(start, end, next) of the clause's subject noun phrase, after an introductory phrase ("In the mITT
    population , ..."); ``next``: the token after a comma parenthetical that follows it, else ``end``."""
    k = lo
    if k < hi and t.lower[k] in _INTRO:
        comma = next((x for x in range(k, min(hi, k + 12)) if t.text[x] == ","), None)
        if comma is None:
            return None
        k = comma + 1
    m = _phrase_right(t, k, hi, taken)
    if m == k:
        return None
    a = k + (t.lower[k] in _DETS)
    if not _name_ok(t, a, m):
        return None
    nxt = m
    if nxt < hi and t.text[nxt] == ",":
        close = next((x for x in range(nxt + 1, min(hi, nxt + 10)) if t.text[x] == ","), None)
        if close is not None:
            nxt = close + 1
    return a, m, nxt


def compared_names(t: TokenView, taken: list[bool], lo: int, hi: int) -> list[tuple[int, int]]:
    """The untagged noun phrase a comparison adjective qualifies ("with comparable recovery profile",
    "superior asthma-symptom control", "used more case management services than", "the highest accuracy
    for shape identification"), with a ``for``/``in`` tail when the phrase ends after it."""
    out = []
    for j in t.at(COMPARISON_ADJ, lo, hi - 1):
        if taken[j + 1] or not t.wordish(j + 1):
            continue
        m = _phrase_right(t, j + 1, hi, taken)
        if m == j + 1 or not _name_ok(t, j + 1, m):
            continue
        if m + 1 < hi and t.lower[m] in ("for", "in"):
            tail = _phrase_right(t, m + 1, hi, taken)
            if tail > m + 1 and _name_ok(t, j + 1, tail) and _ends_phrase(t, tail, hi):
                out.append((j + 1, tail))
                continue
        if _ends_phrase(t, m, hi):
            out.append((j + 1, m))
    return out


def adverse_subject(t: TokenView, taken: list[bool], lo: int, hi: int, outcome_spans: list[tuple[int, int]]
                    ) -> tuple[int, int] | None:
    """The subject of "X[, usually mild,] is the commonest side effect" when "side effect" is an OUTCOME."""
    subj = _subject(t, lo, hi, taken)
    if subj is None or subj[2] >= hi or t.lower[subj[2]] not in _COPULA:
        return None
    p = subj[2] + 1
    if p < hi and t.lower[p] in _DETS:
        p += 1
    q = p
    while q < hi and t.lower[q] in SUPERLATIVE:
        q += 1
    if q == p:
        return None
    for s, e in outcome_spans:
        if s == q and any(w in t.lower[x] for x in range(s, e) for w in ADVERSE_WORDS):
            return subj[0], subj[1]
    return None
