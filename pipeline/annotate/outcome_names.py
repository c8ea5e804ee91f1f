"""Outcome names the tagger misses or cuts short, found from the phrase structure of result sentences.

Token-level rules used by :mod:`claimex.annotate.outcome_lists` (the ``claimex_outcome_lists``
component), each on one sentence ``[lo, hi)`` of a :class:`~claimex.annotate.outcome_lists.Tokens` view:

* :func:`grow` - an OUTCOME span grows over the measure noun it is the argument of ("the incidence of
  [moderate to] severe withdrawal movements"), over an ``of`` tail that ends the phrase ("fiberoptic view
  of the larynx") and, after a measure noun, over a ``with`` qualifier ("percentage of patients with
  >=1 exacerbation", "proportion of dogs with AKI");
* :func:`slot_labels` - the label of a ``label: number`` result slot ("(objective response rates: 33-80%;
  mean duration: 6-42.5 months)");
* :func:`result_names` - in a clause without an OUTCOME span, the compared quantity: after
  "difference(s)/change(s) in" ("No significant difference in evaluation was observed"), after a
  comparison adjective ("comparable for consistency analysis"), or the subject of a result predicate
  ("Success criteria were met ...", "the primary endpoint was not significantly different ...", "MRI metrics
  did not differ", "Glaucoma was reported in 19.7% of ..."), or the topic of a difference ("no difference
  regarding / with regard to / in terms of X"), or what an effect is on ("no effect of X on diarrhea");
* :func:`adverse_subject` - the subject of a copular sentence whose predicate is an adverse-effect
  OUTCOME ("The postembolization syndrome, usually mild and transient, is the commonest side effect").

Each returns token offsets; the component adds them as OUTCOME spans. A name never overlaps a tagged
span, is at most :data:`MAX_NAME` words and holds no arm word ("group", "patients", "placebo").
"""

from __future__ import annotations

from typing import Protocol

from .tagger.hygiene import ARM_NOUNS, FUNCTION_WORDS, adjective_like, is_number

MAX_NAME = 5
QUALIFIERS = frozenset(["with", "having", "reaching", "achieving", "who"])
POPULATION_NOUNS = frozenset(["patients", "patient", "subjects", "participants", "people", "persons", "individuals",
                              "women", "men", "children", "infants", "adults", "dogs", "cats", "animals", "eyes",
                              "cases", "respondents", "students", "mice", "rats"])
# measure nouns an outcome is the argument of ("incidence of X"); no change words ("reduction in X"):
# they carry the direction, which claim assembly reads outside OUTCOME spans
HEADS = frozenset(["incidence", "rate", "rates", "percentage", "percentages", "proportion", "proportions", "number",
                   "frequency", "risk", "severity", "duration", "prevalence", "occurrence", "level", "levels"])
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
_SKIP_AFTER_COPULA = frozenset(["not", "significantly", "statistically", "also", "all", "both", "similarly",
                                "slightly", "markedly", "substantially", "nonsignificantly"])
RESULT_PREDICATES = frozenset(["different", "similar", "comparable", "superior", "inferior", "higher", "lower",
                               "greater", "better", "worse", "met", "reduced", "increased", "decreased", "improved",
                               "unchanged", "shorter", "longer", "achieved", "equivalent", "identical", "elevated",
                               "prolonged", "attained", "less"])
_COMPARE_ADJ = frozenset(["comparable", "similar", "superior", "inferior", "different", "equivalent"])
OCCUR_VERBS = frozenset(["occurred", "developed", "persisted", "recurred", "resolved", "appeared"])
STATE_VERBS = frozenset(["remain", "remained", "remains", "are", "were", "stayed"])
# adjectives that compare the noun phrase after them between arms
COMPARISON_ADJ = (_COMPARE_ADJ - {"different"}) | frozenset([
    "higher", "lower", "greater", "better", "worse", "more", "less", "fewer", "highest", "lowest", "greatest",
    "best", "worst", "shorter", "longer", "faster", "slower", "larger", "smaller"])
_CHANGE_NOUNS = frozenset(["difference", "differences", "change", "changes"])
# "no difference regarding / with regard to / with respect to / in terms of X": the topic X is compared
_TOPIC = frozenset(["regarding", "concerning", "regard", "respect", "terms"])
DIFFER_VERBS = frozenset(["differ", "differed", "differs"])
_EFFECT = frozenset(["effect", "effects", "impact", "influence"])
_DIFFERENCE = _CHANGE_NOUNS | DIFFER_VERBS
# "significant improvements in the face scale for mood": the noun after "in" is compared (the direction
# word stays outside the name)
_CHANGE_IN = _CHANGE_NOUNS | frozenset(["improvement", "improvements", "reduction", "reductions", "increase",
                                        "increases", "decrease", "decreases", "decline", "rise", "worsening"])
_CHANGE_OR_COMPARE = _CHANGE_IN | _COMPARE_ADJ
_VERB_START = frozenset(["did", "do", "does", "was", "were", "is", "are", "differ", "differed", "differs", "increased",
                         "decreased", "improved", "declined", "worsened", "rose", "fell"])
# intransitive change verbs: "the FFMI increased in the supplemented group" (the subject is measured)
CHANGE_VERBS = frozenset(["increased", "decreased", "improved", "declined", "worsened", "rose", "fell"])
_AFTER_INTRANSITIVE = frozenset(["in", "from", "by", "after", "between", "during", "over", "at", "to", "with", "among",
                                 "across", "within", "more", "less", "only", "until", "throughout"])
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
    measure nouns or generic words ("similar rates"), not one adjective or adverb ("more frequent")."""
    words = [t.lower[j] for j in range(a, b) if any(ch.isalpha() for ch in t.lower[j])]
    if not 0 < len(words) <= MAX_NAME or is_number(t.lower[a]):
        return False
    if any(w in NOT_NAME and not (w in COMPOUND_HEADS and k > 0) for k, w in enumerate(words)):
        return False  # "control" heads an outcome after another word ("asthma-symptom control")
    if all(w in HEADS or w in GENERIC for w in words) or not any(sum(ch.isalpha() for ch in w) >= 3 for w in words):
        return False
    return not (len(words) == 1 and (words[0].endswith(_NOT_NOUN) or adjective_like(words[0], words[0])))


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
def grow(t: TokenView, a: int, b: int, taken: list[bool], lo: int, hi: int, outcomes: set[int]
         ) -> tuple[int, int]:
    """The span ``[a, b)`` grown over its measure noun, ``of`` tail and ``with`` qualifier (module doc).
    ``outcomes``: the start tokens of OUTCOME spans, which a ``with`` qualifier may take in."""
    # left: "[overall] incidence of [moderate to] X"
    j = a
    if j - 3 >= lo and t.lower[j - 1] == "to" and t.wordish(j - 2) and t.lower[j - 3] in ("of", "in") \
            and not taken[j - 2]:
        j -= 2
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
    return a, b


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


def _clauses(t: TokenView, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = t.at(_SEMICOLON, lo, hi)
    bounds = [lo] + [c + 1 for c in cuts] + [hi]
    return [(x, y) for x, y in zip(bounds, bounds[1:]) if y > x]


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


def _predicate_at(t: TokenView, k: int, hi: int) -> int | None:
    """Index of the word after a copula found within a few tokens of ``k`` (a prepositional phrase may
    come between subject and verb: "Fine texture analysis with either ... was superior"), adverbs skipped."""
    for c in range(k, min(hi, k + 12)):
        if t.text[c] in (",", ";", ":", "(") and c > k:
            return None
        if t.lower[c] in _COPULA:
            p = c + 1
            while p < hi and t.lower[p] in _SKIP_AFTER_COPULA:
                p += 1
            return p if p < hi else None
    return None


def result_names(t: TokenView, taken: list[bool], lo: int, hi: int, outcome_at: list[bool]
                 ) -> list[tuple[int, int]]:
    """The compared quantity of each clause of ``[lo, hi)`` that has no OUTCOME span (module doc)."""
    out = []
    for a, b in _clauses(t, lo, hi):
        if _outcome_outside_brackets(t, a, b, outcome_at):
            # an untagged topic next to tagged outcomes: "were nonsignificant with regard to number of grafts
            # per patient, mean duration of surgery, ..."
            topic = _topic(t, taken, a, b) if t.at(_DIFFERENCE, a, b) else None
            out += [topic] if topic is not None else []
            continue
        hit = None
        for j in t.at(_CHANGE_OR_COMPARE, a, b - 1):
            low = t.lower[j]
            if (low in _CHANGE_IN and t.lower[j + 1] == "in") or \
                    (low in _COMPARE_ADJ and t.lower[j + 1] in ("for", "in", "regarding")):
                m = _phrase_right(t, j + 2, b, taken)
                s = j + 2 + (t.lower[j + 2] in _DETS)
                if m > s and _name_ok(t, s, m) and _ends_phrase(t, m, b):
                    hit = (s, m)
                    break
        if hit is None and t.at(_DIFFERENCE, a, b):
            hit = _topic(t, taken, a, b)
        if hit is None:
            hit = _effect_on(t, taken, a, b)
        if hit is None:
            subj = _subject(t, a, b, taken)
            if subj is not None:
                p = _predicate_at(t, subj[1], b)
                none = t.lower[subj[0] - 1] == "no" if subj[0] > a else False
                if p is not None and (t.lower[p] in RESULT_PREDICATES or none and t.lower[p] in EVENT_VERBS
                                      or _event_share(t, p, b)):
                    hit = subj[0], subj[1]
                elif _occurs(t, subj[1], b):
                    hit = subj[0], subj[1]
        if hit is not None:
            out.append(hit)
        out += _states(t, taken, a, b)
    return out


def _outcome_outside_brackets(t: TokenView, a: int, b: int, outcome_at: list[bool]) -> bool:
    depth = 0
    for j in range(a, b):
        if t.text[j] in "([":
            depth += 1
        elif t.text[j] in ")]":
            depth = max(depth - 1, 0)
        elif outcome_at[j] and depth == 0:
            return True
    return False


def _occurs(t: TokenView, k: int, hi: int) -> bool:
    """A result verb right after the subject (a bracket between and "did not" skipped): an event verb
    ("nausea (with or without vomiting) occurred with 35% and 38% of visits"), "differ" ("MRI metrics did
    not differ between groups") or an intransitive change verb ("the FFMI increased in the ... group")."""
    if k < hi and t.text[k] in "([":
        depth = 0
        for j in range(k, min(hi, k + 16)):
            depth += t.text[j] in "(["
            depth -= t.text[j] in ")]"
            if depth == 0:
                k = j + 1
                break
    while k < hi and t.lower[k] in ("did", "do", "does", "not", "significantly"):
        k += 1
    if k >= hi:
        return False
    if t.lower[k] in CHANGE_VERBS:  # not transitive: "X increased [the] Y" makes X an agent
        nxt = t.lower[k + 1] if k + 1 < hi else "."
        return nxt in _AFTER_INTRANSITIVE or nxt[-2:] == "ly" or not any(ch.isalnum() for ch in nxt)
    return t.lower[k] in OCCUR_VERBS or t.lower[k] in DIFFER_VERBS


def measured_subject(t: TokenView, lo: int, hi: int, taken: list[bool], arm: list[bool]) -> tuple[int, int] | None:
    """The noun phrase opening the sentence ``[lo, hi)`` when its verb measures it (compares it between
    groups or says it changed in one) although the tagger marked (part of) it as an arm: "[MRI] metrics did
    not differ between groups", "Circulating [irisin] increased significantly in simvastatin-treated ...",
    "[Severity] of [vitreous haze] was less in implanted than non-implanted eyes". ``arm``: INTERVENTION
    tokens; the phrase holds one, and other tagged tokens end it."""
    a = lo + (lo < hi and t.lower[lo] in _DETS)
    k = a
    while k < hi and k - a < MAX_NAME + 2 and t.lower[k] not in _VERB_START and t.lower[k] not in NAME_END \
            and (t.wordish(k) or t.lower[k] == "of") and (arm[k] or not taken[k]):
        k += 1
    if k == a or not any(arm[a:k]) or t.lower[k - 1] == "of" or k >= hi or k < hi and arm[k]:
        return None
    b = k
    while k < hi and t.lower[k] in ("did", "do", "does", "not", "significantly", "was", "were", "is", "are"):
        k += 1
    if k + 1 >= hi:
        return None
    word, nxt = t.lower[k], t.lower[k + 1]
    if word in DIFFER_VERBS:
        ok = nxt in ("between", "among", "across")
    elif word in CHANGE_VERBS:
        ok = nxt in ("in", "from") or nxt == "significantly" and k + 2 < hi and t.lower[k + 2] == "in"
    else:
        copula = any(t.lower[x] in _COPULA for x in range(b, k))
        ok = copula and word in ("less", "lower", "higher", "greater") and nxt == "in"
    return (a, b) if ok else None


def _event_share(t: TokenView, p: int, hi: int) -> bool:
    """"X was reported in 19.7% of ...": an event verb with the share it happened in."""
    return p + 2 < hi and t.lower[p] in EVENT_VERBS and t.lower[p + 1] == "in" and is_number(t.lower[p + 2])


def _effect_on(t: TokenView, taken: list[bool], a: int, b: int) -> tuple[int, int] | None:
    """What an effect is on: "there was no effect of prebiotic and probiotic on diarrhea"."""
    for j in t.at(_EFFECT, a, b - 1):
        on = next((k for k in range(j + 1, min(b - 1, j + 8)) if t.lower[k] == "on"), None)
        if on is None:
            continue
        m = _phrase_right(t, on + 1, b, taken)
        s = on + 1 + (t.lower[on + 1] in _DETS)
        if m > s and _name_ok(t, s, m) and _ends_phrase(t, m, b):
            return s, m
    return None


def _topic(t: TokenView, taken: list[bool], a: int, b: int) -> tuple[int, int] | None:
    """The topic of a difference ("no significant difference regarding the NYHA functional class", "with
    regard to syncope/near-syncope occurrence", "in terms of X", "with respect to X")."""
    for j in t.at(_TOPIC, a, b - 1):
        low = t.lower[j]
        if low in ("regard", "respect") and not (t.lower[j - 1] == "with" and t.lower[j + 1] == "to"):
            continue
        if low == "terms" and not (t.lower[j - 1] == "in" and t.lower[j + 1] == "of"):
            continue
        k = j + 1 + (low in ("regard", "respect", "terms"))
        m = _phrase_right(t, k, b, taken)
        s = k + (k < b and t.lower[k] in _DETS)
        if m > s and _name_ok(t, s, m) and _ends_phrase(t, m, b):
            return s, m
    return None


def _states(t: TokenView, taken: list[bool], a: int, b: int) -> list[tuple[int, int]]:
    """States a share of patients is in ("78% of patients remain in remission and 94% are alive")."""
    out = []
    for j in t.at(STATE_VERBS, a + 1, b - 1):
        share = t.lower[j - 1] in POPULATION_NOUNS or t.text[j - 1][-1:] in ("%", ")")
        if t.lower[j] not in STATE_VERBS or not share:
            continue
        k = j + 1
        if t.lower[k] in ("in", "alive", "dead") or t.lower[k].endswith("-free"):
            k += t.lower[k] == "in"
            m = _phrase_right(t, k, b, taken) if t.lower[k] not in ("alive", "dead") else k + 1
            vital = t.lower[k] in ("alive", "dead")  # adjectives, but the state is the outcome
            if m > k and not any(taken[k:m]) and (vital or name_ok(t, k, m)) and _ends_phrase(t, m, b):
                out.append((k, m))
    return out


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


#: the words the rules start from (:meth:`Tokens.at <claimex.annotate.outcome_lists.Tokens.at>` indexes them)
CUE_WORDS = (COMPARISON_ADJ | _CHANGE_NOUNS | _COMPARE_ADJ | STATE_VERBS | _COLON | _SEMICOLON | _TOPIC | DIFFER_VERBS
             | _EFFECT | _CHANGE_IN)
