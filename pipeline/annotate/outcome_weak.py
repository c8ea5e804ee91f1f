"""Outcomes the tagger almost tagged, for the claims layer only (used by :mod:`claimex.annotate.outcome_lists`).

"Outcome not covered" (a gold finding whose outcome is no OUTCOME entity of any claim in its sentence) is
mostly an outcome the tagger's OUTCOME head saw but scored under its threshold (0.6 with hysteresis 0.5 in
``claimex-pico-sm``): on the findings tune half, 20 of 39 such outcomes have a mean OUTCOME probability of
0.2 or more over their tokens. The tagger decodes the OUTCOME head a second time at the lower threshold
``weak_outcome`` (:func:`claimex.annotate.tagger.weakwide.decode_weak`, same hysteresis and span hygiene) into
``doc.spans["pico_weak"]``; :func:`weak_outcomes` takes one of those spans (one per list item) where

* it overlaps no entity of the claims layer (tagged, or made by an outcome rule before it) - or, where it
  overlaps arm or population spans but no tagged OUTCOME, its untagged runs that hold a noun-like word
  ("After 6 months [intervention]I self-efficacy ... was significantly different": "self-efficacy"); a weak
  span over a tagged OUTCOME only widens what the tagger has, and is not taken - and
* its sentence reports a result: it holds a result measure (``p_value``, ``ci``, ``ratio``, ``mean_sd``,
  ``median_iqr``, ``percentage`` in ``doc._.measures``) or a result word (a comparison adjective, a change or
  difference word, "significant(ly)", a result predicate of :mod:`claimex.annotate.outcome_results`) - or it sets two
  values of the outcome side by side (session 21, docs/claims-rounds.md 35.4, s21-found: two percentage / mean /
  median / range / value measures and vs / versus / compared / respectively, "Daily average [PM2.5 exposures]weak were
  264 and 102 ug/m3 in the control and intervention groups, respectively"; one value alone may describe a sample,
  :func:`_values_compared`) - or the tagger itself names an OUTCOME in it (session 18, docs/claims-rounds.md 32.1,
  s18-found): a sentence about a named outcome is typed by the claims layer, not by this word list, and its other
  outcomes the tagger almost tagged are the further findings of that sentence (GUIDELINES, *The unit*: one finding
  per outcome): "Positive effects on [physical sensation]O, [general well-being]O, [community/social support]O and
  [achievement/efficacy]weak emerged as common themes"; "The non-inferiority of X to Y for [E2 suppression]weak was
  confirmed" (no OUTCOME tagged, no result word) still stays out.

A weak span that is the result, not the outcome - a polarity word and "effect(s)" ("Positive effects on
[physical sensation]") - names no outcome (GUIDELINES: the outcome without result words).

Methods, background and design sentences that name no OUTCOME keep what the tagger decoded at its own
threshold (one that names one gets its weak spans too; the claims layer's typing gives them no claim), and the
token-level PICO layer (``doc.spans["pico"]``, what ``claimex evaluate --task pico`` scores) never sees a weak
span.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from .entities import WEAK_KEY, Entry, layer_entries
from .outcome_names import COMPARISON_ADJ, TokenView
from .outcome_results import DIFFER_VERBS, RESULT_PREDICATES
from .tagger.words import FUNCTION_WORDS, adjective_like, is_content

#: measure kinds that report a result: a test or an estimate (a percentage or a mean alone also describes a
#: sample: "42% (22/53) had stage I/IE")
RESULT_KINDS = frozenset(["p_value", "ci", "ratio"])
#: words that make a sentence report a result
RESULT_WORDS = COMPARISON_ADJ | RESULT_PREDICATES | DIFFER_VERBS | frozenset([
    "significantly", "difference", "differences", "differed", "change", "changes",
    "improvement", "improvements", "reduction", "reductions", "increase", "increases", "decrease", "decreases",
    "decline", "declined", "rise", "rose", "fell", "worsened", "improve", "reduce", "associated", "correlated"])

#: head words of a test or a statistic, not of an outcome ("Wilcoxon rank sum test", "odds ratios", "baseline")
STAT_WORDS = frozenset(["baseline", "test", "tests", "t-test", "ratio", "ratios", "odds", "model", "models",
                        "analysis", "analyses", "significance", "significant", "nonsignificant"])
#: "effect(s)" after only these words is the result, not the outcome ("Positive effects on X": X is the outcome;
#: "side effects", "adverse effects" are outcomes)
EFFECT_NOUNS = frozenset(["effect", "effects", "benefit", "benefits", "impact"])
POLARITY = frozenset(["positive", "negative", "beneficial", "favourable", "favorable", "unfavourable",
                      "unfavorable", "detrimental", "harmful", "no", "any", "significant", "clear"])
_POSSESSIVE = frozenset(["'s", "\u2019s"])

Split = Callable[..., list[tuple[int, int]]]  # outcome_lists.split_list (its Tokens, start, end)


def result_sentences(doc: Doc, t: TokenView, sentences: list[tuple[int, int]], which: set[int]) -> set[int]:
    """Those of the sentences ``which`` (indexes into ``sentences``) that report a result: a result word or a
    result measure."""
    which = {k for k in which if not _question(t, *sentences[k])}
    out = {k for k in which if not RESULT_WORDS.isdisjoint(t.lower[slice(*sentences[k])])}
    measures = doc._.measures if doc.has_extension("measures") else None
    if measures and len(out) < len(which):
        starts = _sentence_chars(doc, sentences)
        out.update(k for k in (bisect_right(starts, m.start) - 1 for m in measures if m.kind in RESULT_KINDS)
                   if k in which)
    return out


def _sentence_chars(doc: Doc, sentences: list[tuple[int, int]]) -> list[int]:
    """The character offset of each sentence's first token: a Token per sentence (``doc.to_array(IDX)`` reads every
    token, ~200 instructions each, for the ~10 offsets wanted)."""
    return [doc[lo].idx for lo, _ in sentences]


#: measure kinds that give one arm's value of an outcome ("12% vs 20%", "3.1 ± 0.4 vs 4.2 ± 0.6 days")
VALUE_KINDS = frozenset(["percentage", "mean_sd", "median_iqr", "range", "value"])
#: words that set two values side by side
COMPARE_WORDS = frozenset(["vs", "vs.", "versus", "compared", "respectively"])


def _values_compared(doc: Doc, t: TokenView, sentences: list[tuple[int, int]], which: set[int]) -> set[int]:
    """Those of the sentences ``which`` that set two result values side by side: two measures of
    :data:`VALUE_KINDS` and a word of :data:`COMPARE_WORDS` ("4/59 (7%) intervention quitters, compared to 2/59
    (4%) control quitters")."""
    which = {k for k in which if not COMPARE_WORDS.isdisjoint(t.lower[slice(*sentences[k])])}
    measures = doc._.measures if doc.has_extension("measures") else None
    if not which or not measures:
        return set()
    starts = _sentence_chars(doc, sentences)
    count: dict[int, int] = {}
    for m in measures:
        if m.kind in VALUE_KINDS:
            k = bisect_right(starts, m.start) - 1
            count[k] = count.get(k, 0) + 1
    return {k for k in which if count.get(k, 0) >= 2}


def _question(t: TokenView, lo: int, hi: int) -> bool:
    """Does the sentence end on a question mark (a title or an aim: "Is X more effective than Y?")?"""
    k = hi - 1
    while k > lo and not t.lower[k].strip():
        k -= 1
    return t.lower[k] == "?"


def weak_outcomes(doc: Doc, t: TokenView, sentences: list[tuple[int, int]], taken: list[bool],
                  tagged: list[Entry], split: Split) -> list[tuple[int, int, float | None]]:
    """The weak OUTCOME spans of ``doc.spans["pico_weak"]`` (split into list items by ``split``) that overlap no
    ``taken`` token, or their remainder beside ``tagged`` spans that are no OUTCOME (module doc), in sentences
    that report a result: ``(start, end, score)``, in order. Marks their tokens ``taken``. ``tagged``: the tagger's
    layer as :func:`~claimex.annotate.entities.layer_entries` gives it."""
    weak = layer_entries(doc, WEAK_KEY)
    if not weak:
        return []
    free: list[tuple[int, int, float | None]] = []
    tagged_outcome: list[bool] | None = None
    for s, e, _, score, _ in weak:
        if not any(taken[s:e]):
            a, b = _trim(t, s, e)
            if b > a and _names_outcome(t, a, b):
                free.append((a, b, score))
            continue
        if tagged_outcome is None:
            tagged_outcome = _outcome_tokens(tagged, len(taken))
        if not any(tagged_outcome[s:e]):  # over an arm or a population only: its untagged part
            free += [(a, b, score) for a, b in _remainder(t, taken, s, e)]
    if not free:
        return []
    starts = [lo for lo, _ in sentences]
    where = [bisect_right(starts, s) - 1 for s, _, _ in free]
    reporting = result_sentences(doc, t, sentences, set(where))
    if len(reporting) < len(set(where)):
        reporting |= _values_compared(doc, t, sentences, set(where) - reporting)
    if len(reporting) < len(set(where)):
        reporting |= _outcome_sentences(t, sentences, starts, set(where) - reporting, tagged)
    out = []
    for (s, e, score), k in zip(free, where):
        if k not in reporting:
            continue
        for a, b in split(t, s, e):
            out.append((a, b, score))
            taken[a:b] = [True] * (b - a)
    return out


def _outcome_sentences(t: TokenView, sentences: list[tuple[int, int]], starts: list[int], which: set[int],
                       tagged: list[Entry]) -> set[int]:
    """Those of the sentences ``which`` (first tokens ``starts``) that hold one of the tagger's OUTCOME spans (not
    questions: a title or an aim)."""
    out = {bisect_right(starts, x[0]) - 1 for x in tagged if x[2] == "OUTCOME"} & which
    return {k for k in out if not _question(t, *sentences[k])}


def _outcome_tokens(tagged: list[Entry], n: int) -> list[bool]:
    """Per token: inside one of the tagger's OUTCOME spans?"""
    out = [False] * n
    for s, e, label, _, _ in tagged:
        if label == "OUTCOME":
            out[s:e] = [True] * (e - s)
    return out


def _names_outcome(t: TokenView, a: int, b: int) -> bool:
    """Can ``[a, b)`` name an outcome? It holds a content word and its last word is no result word ("Significant
    improvement", "behavioral change"), no head of a statistic (:data:`STAT_WORDS`: "rank sum test") and no
    unbalanced bracket ("Ca(2")."""
    last = t.lower[b - 1]
    words = t.lower[a:b]
    brackets = sum(w.count("(") - w.count(")") for w in words), sum(w.count("[") - w.count("]") for w in words)
    return (last not in RESULT_WORDS and last not in STAT_WORDS and brackets == (0, 0)
            and not (last in EFFECT_NOUNS and all(w in POLARITY or w in FUNCTION_WORDS for w in words[:-1]))
            and any(is_content(t.text[m], t.lower[m]) for m in range(a, b)))


def _noun_like(text: str, low: str) -> bool:
    """A content word that is no adjective, ``-ed`` / ``-ly`` word, result word or statistic word."""
    return (is_content(text, low) and not adjective_like(text, low) and not low.endswith(("ed", "ly"))
            and low not in RESULT_WORDS and low not in STAT_WORDS)


def _trim(t: TokenView, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without edge function words and punctuation and without a leading ``'s`` ("the [patient]P 's
    metabolic profile")."""
    while a < b and (t.lower[a] in FUNCTION_WORDS or t.lower[a] in _POSSESSIVE
                     or not any(ch.isalnum() for ch in t.lower[a])):
        a += 1
    while b > a and (t.lower[b - 1] in FUNCTION_WORDS or not any(ch.isalnum() for ch in t.lower[b - 1])):
        b -= 1
    return a, b


def untaken_runs(taken: list[bool], s: int, e: int) -> Iterator[tuple[int, int]]:
    """The maximal runs ``[j, k)`` of untaken tokens within ``[s, e)``, left to right (``taken`` may change
    inside a run the caller was given; the next run is looked for from its end)."""
    j = s
    while j < e:
        if taken[j]:
            j += 1
            continue
        k = j
        while k < e and not taken[k]:
            k += 1
        yield j, k
        j = k


def _remainder(t: TokenView, taken: list[bool], s: int, e: int) -> list[tuple[int, int]]:
    """The runs of untaken tokens of ``[s, e)``, trimmed (:func:`_trim`), that hold a :func:`_noun_like` word."""
    out = []
    for j, k in untaken_runs(taken, s, e):
        a, b = _trim(t, j, k)
        if any(_noun_like(t.text[m], t.lower[m]) for m in range(a, b)) and _names_outcome(t, a, b):
            out.append((a, b))
    return out
