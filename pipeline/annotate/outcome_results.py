"""Outcome names from the clause structure of result sentences (used by :mod:`claimex.annotate.outcome_lists`).

Token-level rules on one sentence ``[lo, hi)`` of a :class:`~claimex.annotate.outcome_lists.Tokens` view, with
the noun-phrase helpers of :mod:`claimex.annotate.outcome_names`:

* :func:`result_names` - in a clause without an OUTCOME span, the compared quantity: after
  "difference(s)/change(s)/improvement(s)/reduction(s) in" ("No significant difference in evaluation was
  observed"; the direction word stays outside the name), after a comparison adjective ("comparable for
  consistency analysis"), the subject of a result predicate ("Success criteria were met ...", "the primary
  endpoint was not significantly different ...", "MRI metrics did not differ", "Glaucoma was reported in
  19.7% of ..."), the topic of a difference ("no difference regarding / with regard to / in terms of X",
  also next to tagged outcomes), what an effect is on ("no effect of X on diarrhea"), what a treatment was
  (not) effective at changing ("not effective at decreasing the need for further treatment"), and states of a
  share of patients ("94% are alive");
* :func:`embedded_subjects` - the subject of a result predicate inside a sentence, after "that" / "while" /
  "although" / "but" / "and", or at a clause start beside tagged outcomes ("showed that the incidence of
  psoriatic arthropathy per patient-year was lower in ...", "History of a wheeze was more common ..., while
  dehydration was ...");
* :func:`measured_subject` - a sentence-opening phrase the tagger marked (in part) as INTERVENTION whose verb
  measures it ("[MRI] metrics did not differ between groups"); the component makes it an OUTCOME of the
  claims layer only.
"""

from __future__ import annotations

from .outcome_names import (
    _COLON,
    _COMPARE_ADJ,
    _COPULA,
    _DETS,
    _SEMICOLON,
    COMPARISON_ADJ,
    EVENT_VERBS,
    MAX_NAME,
    NAME_END,
    POPULATION_NOUNS,
    TokenView,
    _ends_phrase,
    _free,
    _name_ok,
    _phrase_right,
    _subject,
    name_ok,
)
from .tagger.words import is_number

_SKIP_AFTER_COPULA = frozenset(["not", "significantly", "statistically", "also", "all", "both", "similarly",
                                "slightly", "markedly", "substantially", "nonsignificantly"])
RESULT_PREDICATES = frozenset(["different", "similar", "comparable", "superior", "inferior", "higher", "lower",
                               "greater", "better", "worse", "met", "reduced", "increased", "decreased", "improved",
                               "unchanged", "shorter", "longer", "achieved", "equivalent", "identical", "elevated",
                               "prolonged", "attained", "less"])
OCCUR_VERBS = frozenset(["occurred", "developed", "persisted", "recurred", "resolved", "appeared", "occur", "develop",
                         "persist", "recur", "resolve", "appear"])
# words after which a new subject may start inside a sentence (:func:`embedded_subjects`)
SUBJECT_OPENERS = frozenset(["that", "although", "though", "while", "whereas", "but", "and"])
# a subject holding a change or significance word is the result, not the outcome ("No significant change in")
STATE_VERBS = frozenset(["remain", "remained", "remains", "are", "were", "stayed"])
_CHANGE_NOUNS = frozenset(["difference", "differences", "change", "changes"])
# "no difference regarding / with regard to / with respect to / in terms of X": the topic X is compared
_TOPIC = frozenset(["regarding", "concerning", "regard", "respect", "terms"])
DIFFER_VERBS = frozenset(["differ", "differed", "differs"])
_EFFECTIVE = frozenset(["effective", "ineffective", "efficacious", "successful", "unsuccessful"])
_CHANGE_GERUNDS = frozenset(["reducing", "decreasing", "lowering", "preventing", "improving", "increasing",
                             "raising", "shortening", "prolonging", "relieving", "controlling"])
_EFFECT = frozenset(["effect", "effects", "impact", "influence"])
_DIFFERENCE = _CHANGE_NOUNS | DIFFER_VERBS
# "significant improvements in the face scale for mood": the noun after "in" is compared (the direction
# word stays outside the name)
_CHANGE_IN = _CHANGE_NOUNS | frozenset(["improvement", "improvements", "reduction", "reductions", "increase",
                                        "increases", "decrease", "decreases", "decline", "rise", "worsening"])
_CHANGE_OR_COMPARE = _CHANGE_IN | _COMPARE_ADJ
_RESULT_WORDS = _CHANGE_IN | frozenset(["significant", "nonsignificant", "insignificant", "statistically",
                                        "alteration", "alterations", "association", "associations", "relationship",
                                        "correlation", "correlations", "evidence", "new", "analysis", "analyses"])
# who a result happened to, and words that open a clause without naming anything
_WHO = POPULATION_NOUNS | frozenset(["patient", "individual", "person", "participant", "subject", "child", "woman",
                                     "man", "group", "groups", "arm", "arms", "population", "cohort"])
_NOT_SUBJECT = frozenset(["since", "otherwise", "because", "once", "most", "one", "two", "three", "many", "several",
                          "none", "robust", "overall", "thus", "hence", "therefore"])
_ARM_PREDICATES = frozenset(["superior", "inferior", "similar", "comparable", "equivalent", "identical", "better",
                             "worse", "noninferior", "non-inferior"])
_VERB_START = frozenset(["did", "do", "does", "was", "were", "is", "are", "differ", "differed", "differs", "increased",
                         "decreased", "improved", "declined", "worsened", "rose", "fell"])
# intransitive change verbs: "the FFMI increased in the supplemented group" (the subject is measured)
CHANGE_VERBS = frozenset(["increased", "decreased", "improved", "declined", "worsened", "rose", "fell"])
_AFTER_INTRANSITIVE = frozenset(["in", "from", "by", "after", "between", "during", "over", "at", "to", "with", "among",
                                 "across", "within", "more", "less", "only", "until", "throughout"])


def _clauses(t: TokenView, lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = t.at(_SEMICOLON, lo, hi)
    bounds = [lo] + [c + 1 for c in cuts] + [hi]
    return [(x, y) for x, y in zip(bounds, bounds[1:]) if y > x]


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
            aim = _effective_at(t, taken, a, b)
            out += [aim] if aim is not None and aim != topic else []
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
            hit = _effective_at(t, taken, a, b)
        if hit is None and t.at(_REPORTING, a, b):  # :func:`_reported` needs a copula or result verb
            subj = _subject(t, a, b, taken)
            if subj is not None and _reported(t, subj[0], subj[1], a, b):
                hit = subj[0], subj[1]
        if hit is not None:
            out.append(hit)
        out += _states(t, taken, a, b)
    return out


def _reported(t: TokenView, s: int, m: int, a: int, b: int) -> bool:
    """Is the noun phrase ``[s, m)`` the subject of a result predicate ("was lower in", "was more common
    among", "No X were performed", "was reported in 19.7% of") or of a result verb (:func:`_occurs`)?"""
    p = _predicate_at(t, m, b)
    none = t.lower[s - 1] == "no" if s > a else False
    if p is not None and (t.lower[p] in RESULT_PREDICATES or none and t.lower[p] in EVENT_VERBS
                          or _event_share(t, p, b) or _comparative(t, p, b)):
        return True
    return _occurs(t, m, b)


def _comparative(t: TokenView, p: int, hi: int) -> bool:
    """"more / less common", "more frequent": a comparative predicate of two words."""
    return (t.lower[p] in ("more", "less") and p + 1 < hi and t.lower[p + 1] != "than"
            and t.lower[p + 1].isalpha() and len(t.lower[p + 1]) > 3)


def embedded_subjects(t: TokenView, taken: list[bool], lo: int, hi: int) -> list[tuple[int, int]]:
    """Subjects of result predicates inside a sentence ``[lo, hi)``: after a complementiser or a clause
    joiner ("showed that [the incidence of psoriatic arthropathy] per patient-year was lower in", "...,
    while [dehydration] was more common", "Although [the need] ... were lower"), and at the start of a
    clause that holds tagged outcomes elsewhere ("[History of a wheeze] was more common among trial
    participants (...), while dehydration was ..."). Untagged noun phrases only (:func:`_reported`)."""
    if not t.at(_REPORTING, lo, hi):
        return []  # no copula or result verb: no subject is reported (:func:`_reported` needs one)
    out: list[tuple[int, int]] = []
    clauses = _clauses(t, lo, hi)
    starts = [a for a, _ in clauses] + [j + 1 for j in t.at(SUBJECT_OPENERS, lo, hi - 2)]
    for k in sorted(set(starts)):
        if k >= hi or taken[k] or not t.wordish(k) and t.lower[k] not in _DETS:
            continue
        b = next((y for x, y in clauses if x <= k < y), hi)
        m = _phrase_right(t, k, b, taken)
        s = k + (t.lower[k] in _DETS)
        if m <= s or (m < b and taken[m]) or not name_ok(t, s, m) or any(x < m and s < y for x, y in out) \
                or t.lower[s] in _NOT_SUBJECT or t.lower[s][:1].isdigit() \
                or any(t.lower[x] in _RESULT_WORDS for x in range(s, m)) \
                or any(t.lower[x] in _WHO for x in range(s, _of_or(t, s, m))):
            continue
        if _reported(t, s, m, k, b) and not _arm_comparison(t, m, b):
            out.append((s, m))
    return out


def _of_or(t: TokenView, s: int, m: int) -> int:
    """The first ``of`` in ``[s, m)``, else ``m`` (the head part of "movement of children")."""
    return next((x for x in range(s, m) if t.lower[x] == "of"), m)


def _arm_comparison(t: TokenView, m: int, b: int) -> bool:
    """"X was superior to placebo", "X was similar to Y": a predicate that sets the subject against
    another arm (the subject is an arm, not an outcome)."""
    p = _predicate_at(t, m, b)
    return p is not None and p + 1 < b and t.lower[p] in _ARM_PREDICATES and t.lower[p + 1] in ("to", "than", "with")


def _outcome_outside_brackets(t: TokenView, a: int, b: int, outcome_at: list[bool]) -> bool:
    if True not in outcome_at[a:b]:
        return False  # no OUTCOME token at all (one C scan; most clauses)
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
    "[Severity] of [vitreous haze] was less in implanted than non-implanted eyes", "[Simple Attention] improved
    equivalently across all exercise groups" (a change verb before a preposition, an adverb between allowed).
    ``arm``: INTERVENTION
    tokens; the phrase holds one, and other tagged tokens end it."""
    a = lo + (lo < hi and t.lower[lo] in _DETS)
    k = a
    while k < hi and k - a < MAX_NAME + 2 and t.lower[k] not in _VERB_START and t.lower[k] not in NAME_END \
            and (t.wordish(k) or t.lower[k] == "of" and k > a) and (arm[k] or not taken[k]) \
            and not t.lower[k].endswith("ly"):
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
        adverb = nxt.endswith("ly") and k + 2 < hi
        ok = nxt in _AFTER_INTRANSITIVE or adverb and t.lower[k + 2] in _AFTER_INTRANSITIVE
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


def _effective_at(t: TokenView, taken: list[bool], a: int, b: int) -> tuple[int, int] | None:
    """What a treatment was (not) effective at changing: "are not effective at decreasing [the need for further
    treatment]", "was not effective in reducing [incident delirium]" (the change gerund stays outside)."""
    for j in t.at(_EFFECTIVE, a, b - 3):
        if t.lower[j + 1] not in ("in", "at") or t.lower[j + 2] not in _CHANGE_GERUNDS:
            continue
        s = m = j + 3 + (t.lower[j + 3] in _DETS)
        head = None  # one "of" / "for" inside the name, after its head: "the need for further treatment"
        while m < b:
            if head is None and m > s and t.lower[m] in ("of", "for") and m + 1 < b and _free(t, m + 1, taken):
                head = m
            elif not _free(t, m, taken):
                break
            m += 1
        if m > s and m - s <= MAX_NAME and _name_ok(t, s, head or m) and _ends_phrase(t, m, b):
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
            k += k < m and t.lower[k] in _DETS  # "remained in [the same category]": the article stays out
            vital = t.lower[k] in ("alive", "dead")  # adjectives, but the state is the outcome
            if m > k and not any(taken[k:m]) and (vital or name_ok(t, k, m)) and _ends_phrase(t, m, b):
                out.append((k, m))
    return out


#: what :func:`_reported` needs in the clause after a subject: a copula (:func:`_predicate_at`) or a result verb
#: (:func:`_occurs`); :func:`embedded_subjects` skips a sentence without one
_REPORTING = _COPULA | CHANGE_VERBS | OCCUR_VERBS | DIFFER_VERBS
#: the words the rules start from (:meth:`Tokens.at <claimex.annotate.outcome_lists.Tokens.at>` indexes them)
CUE_WORDS = (COMPARISON_ADJ | _CHANGE_NOUNS | _COMPARE_ADJ | STATE_VERBS | _COLON | _SEMICOLON | _TOPIC | DIFFER_VERBS
             | _EFFECT | _CHANGE_IN | SUBJECT_OPENERS | _EFFECTIVE | _REPORTING)
