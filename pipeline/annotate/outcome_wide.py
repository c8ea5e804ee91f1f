"""Outcome boundaries from the tagger's own probabilities, for the claims layer only (used by
:mod:`claimex.annotate.outcome_lists`).

"Outcome truncated" (a claim's OUTCOME entity misses words of the gold outcome) is mostly a span the tagger
stopped where its OUTCOME probability dipped under the hysteresis floor of the main decode (0.6 x 0.5 = 0.3 in
``claimex-pico-sm``): "[overall improvement] in [symptoms]" (in: 0.16), "[attitudes] towards optimal pain
management" (0.17-0.38), "coagulated [crust formation]" (0.24), "[average total payments] for health care".
The tagger writes how far each of its OUTCOME spans reaches at the weak decode's floor (``weak_outcome`` x the
head's hysteresis factor, 0.15; :func:`claimex.annotate.tagger.weakwide.decode_wide`) into
``doc.spans["pico_wide"]``; :func:`widen` extends a claims-layer OUTCOME span (a tagged span or one list item
of it) over the words of its run that no other entity holds, without crossing a list separator (comma,
``and``/``or``, ``vs``, brackets, a colon or semicolon), and joins two OUTCOME spans of one run that only
connecting words part ("[overall improvement] in [symptoms]"), and two OUTCOME spans parted by ``of (the)`` alone
where the first one's run ends at "of" (:func:`_of_complement`: "[Sensory action potential amplitude] of the [median
nerve]", the measured site is part of the outcome's name; not after a noun that evaluates a treatment, "[safety] of
[X]"; docs/claims-rounds.md 37.4, s23-found). An edge it adds drops function words,
punctuation, result words and statistic heads (an outcome does not end on "significantly" or "test"), but keeps
an upper-case acronym that looks like one ("HAD anxiety score": the span hygiene drops "HAD" as the verb).

:func:`absorb_modifiers`: an INTERVENTION/COMPARATOR span right before an OUTCOME span, inside the outcome's run,
is a modifier the tagger read as an arm ("[CR/unconfirmed] [CR]", "[Flap] [complications]"): the outcome takes
it in (the runs include the weak decode's spans, which are runs over the same floor seeded at the weak threshold).

The token-level PICO layer (``doc.spans["pico"]``, what ``claimex evaluate --task pico`` scores) never sees a
widened span.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .entities import WEAK_KEY, WIDE_KEY, span_bounds
from .outcome_names import NAME_END, TokenView
from .outcome_results import _CHANGE_GERUNDS
from .outcome_weak import RESULT_WORDS, STAT_WORDS, Split
from .tagger.words import FUNCTION_WORDS, is_number

#: tokens a widened span never crosses: list separators, brackets, comparison and test signs
SEPARATORS = frozenset([",", ";", ":", "and", "or", "vs", "vs.", "versus", "(", ")", "[", "]", "=", "<", ">", "/",
                        "±", "+/-"])
_POSSESSIVE = frozenset(["'s", "\u2019s"])
#: the prepositions of an outcome's complement ("dose of X", "payments for health care", "attitudes towards X")
_COMPLEMENT = frozenset(["of", "for", "towards", "toward", "to", "about", "regarding"])
#: comparative and superlative degree words ("[Significantly lesser] number of women"): the result, not the outcome
_DEGREE = frozenset(["lesser", "least", "most", "more", "less", "fewer", "fewest", "smallest", "largest", "shortest",
                     "longest", "highest", "lowest", "greatest", "best", "worst", "much", "further", "very"])
#: prepositions that are no function words of the tagger's list ("the vaginal walls around ...")
_PREPOSITIONS = frozenset(["around", "beyond", "despite", "including", "like", "near", "unlike", "via", "versus",
                           "throughout", "toward", "upon", "onto", "out"])
#: nouns that evaluate a treatment: their "of" complement is the treatment ("safety of [X]", "side effects of [X]")
_EVALUATION = frozenset(["effect", "effects", "efficacy", "effectiveness", "safety", "feasibility", "tolerability",
                         "acceptability", "tolerance", "benefit", "benefits", "impact", "impacts", "value"])
#: the words that may part two OUTCOME spans of one run that join ("[length] of [stay]")
_LINKS = frozenset(["of", "in", "on", "for", "to", "towards", "toward", "with", "the", "a", "an"])
#: nouns of a change, whose "in X" names the outcome X ("gains in static balance")
_CHANGE_NOUNS = frozenset(["fall", "falls", "gain", "gains", "drop", "drops", "loss", "losses", "changes", "change",
                           "improvement", "improvements", "reduction", "reductions", "increase", "increases",
                           "decrease", "decreases", "decline", "rise"])


def wide_runs(doc: Doc) -> list[int] | None:
    """Per token: the index of its run over the weak floor - a ``pico_wide`` run, or a ``pico_weak`` span (a run
    seeded at the weak threshold, :func:`claimex.annotate.tagger.weakwide.decode_weak`; the two never overlap) -
    or -1; None when the tagger wrote no ``pico_wide`` layer."""
    wide = span_bounds(doc, WIDE_KEY)
    if wide is None:
        return None
    out = [-1] * len(doc)
    for k, (start, end, _) in enumerate(wide + (span_bounds(doc, WEAK_KEY) or [])):
        out[start:end] = [k] * (end - start)
    return out


def _acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper() and text.isalpha()


def _edge_word(t: TokenView, j: int) -> bool:
    """A word a widened span does not open or end on (an acronym such as "HAD" is kept)."""
    text, low = t.text[j], t.lower[j]
    if _acronym(text):
        return False
    return (low in FUNCTION_WORDS or low in _POSSESSIVE or low in RESULT_WORDS or low in STAT_WORDS
            or not any(ch.isalnum() for ch in low))


def _stops_left(t: TokenView, k: int) -> bool:
    """Left of a span only its pre-modifiers join ("coagulated [crust formation]"): no function word, no result
    word ("fall in [HAD anxiety score]", "reductions in [FPG]")."""
    low = t.lower[k]
    if _acronym(t.text[k]):
        return False
    return (low in FUNCTION_WORDS or low in RESULT_WORDS or low in _CHANGE_NOUNS or low in _DEGREE or low in NAME_END
            or low in _CHANGE_GERUNDS or low in _PREPOSITIONS or is_number(low))


def _stops_right(t: TokenView, k: int) -> bool:
    """Right of a span its complement joins ("[attitudes] towards optimal pain management"), not a verb, a clause
    word or a time, place or circumstance phrase ("at 2 h", "during phacoemulsification", "due to")."""
    low = t.lower[k]
    return (low in NAME_END or low in RESULT_WORDS or (low in FUNCTION_WORDS and low not in _COMPLEMENT)
            or low in _PREPOSITIONS or low in _DEGREE or low.endswith("ly"))


def _reach(t: TokenView, run_of: list[int], taken: list[bool], j: int, r: int, step: int, lo: int, hi: int) -> int:
    """From token ``j`` (excluded) outwards by ``step``: the last free token of run ``r`` before a separator or
    a stop word (:func:`_stops_left`, :func:`_stops_right`)."""
    stops = _stops_left if step < 0 else _stops_right
    k = j + step
    while lo <= k < hi and run_of[k] == r and not taken[k] and t.lower[k] not in SEPARATORS and not stops(t, k) \
            and not (len(t.text[k]) > 1 and t.text[k].endswith(".")):  # "VanX." ends a sentence
        k += step
    return k - step


def _of_complement(t: TokenView, b: int, hi: int) -> int:
    """Where an OUTCOME span ending at ``b`` that its run does not carry further is followed by ``of (the)``: the token
    after, where a second OUTCOME span may open ("[Sensory action potential amplitude] of the [median nerve]",
    "[variability] of the [median day-to-day FEV1]": one name, though the tagger's run dips on "of"); else ``b``.
    Not after a result or change word, nor after a noun that evaluates a treatment, whose complement is the treatment
    ("[safety] of [no axillary clearance]", "[side effects] of [epidural analgesia]")."""
    last = t.lower[b - 1]
    if b + 1 >= hi or t.lower[b] != "of" or last in RESULT_WORDS or last in _CHANGE_NOUNS or last in _EVALUATION:
        return b
    return b + 1 + (b + 2 < hi and t.lower[b + 1] in ("the", "a", "an"))


def widen(t: TokenView, mine: list[list], taken: list[bool], run_of: list[int] | None, lo: int, hi: int,
          dropped: set[int], split: Split) -> list[tuple[int, int]]:
    """Extend the OUTCOME entries ``mine`` (``[start, end, ...]`` lists of one sentence ``[lo, hi)``, sorted) in
    place over the free words of their ``pico_wide`` run (module doc); an entry joined to the one before it goes
    to ``dropped`` (ids). Marks the new words ``taken``. A widened span that ``split`` now reads as a list keeps
    its first item; the others are returned ("knowledge and changed attitudes towards optimal pain management":
    the pair was too short to split before)."""
    if run_of is None:
        return []
    extra: list[tuple[int, int]] = []
    live = [o for o in mine if id(o) not in dropped]
    by_start = {o[0]: o for o in live}
    for o in live:
        if id(o) in dropped:
            continue
        a, b = o[0], o[1]
        r = next((run_of[j] for j in range(a, b) if run_of[j] >= 0), -1)
        if r < 0 or t.lower[b - 1] in NAME_END:  # "[postoperative death due] to ...": the rules' span ends a name
            continue
        a2 = _reach(t, run_of, taken, a, r, -1, lo, hi)
        while a2 < a and (_edge_word(t, a2) or t.lower[a2].endswith("ly") and a2 + 1 == a):
            a2 += 1  # an adverb joins with the adjective after it ("clinically relevant"), not alone ("exclusively")
        b2 = k = b
        if t.lower[b - 1] not in RESULT_WORDS and t.lower[b - 1] not in _CHANGE_NOUNS:
            # (after a change noun nothing joins: in "[reductions] in [FPG]" the change is the result)
            b2 = k = _reach(t, run_of, taken, b - 1, r, 1, lo, hi) + 1
            while k < hi and run_of[k] == r and not taken[k] and t.lower[k] in _LINKS:
                k += 1
        nxt = by_start.get(k)
        of_join = False
        if (nxt is None or k == b) and b2 == b:  # the run carries the span no further: "of" may join a second name
            k = _of_complement(t, b, hi)
            nxt = by_start.get(k)
            of_join = nxt is not None and k > b
        if k > b and nxt is not None and id(nxt) not in dropped and (of_join or run_of[k] == r):
            dropped.add(id(nxt))  # "[overall improvement] in [symptoms]": one outcome
            b2 = nxt[1]
        else:
            while b2 > b and (_edge_word(t, b2 - 1) or is_number(t.lower[b2 - 1]) or t.lower[b2 - 1].endswith("ed")):
                b2 -= 1
        if (a2, b2) != (a, b):
            taken[a2:b2] = [True] * (b2 - a2)
            items = split(t, a2, b2) if b2 > b else [(a2, b2)]
            o[0], o[1] = items[0]
            extra += items[1:]
    return extra


def absorb_modifiers(entries: list[list], run_of: list[int] | None, dropped: set[int]) -> None:
    """An INTERVENTION or COMPARATOR entry right before an OUTCOME entry, inside the outcome's ``pico_wide`` run,
    is a modifier of the outcome the tagger read as an arm ("[Flap] [complications]", "[CR/unconfirmed] [CR]"):
    the outcome takes it in and the arm entry goes to ``dropped`` (ids). ``entries``: ``[start, end, label, ...]``."""
    if run_of is None:
        return
    starts = {o[0]: o for o in entries if o[2] == "OUTCOME" and id(o) not in dropped}
    for x in entries:
        o = starts.get(x[1]) if x[2] in ("INTERVENTION", "COMPARATOR") and id(x) not in dropped else None
        if o is not None and run_of[o[0]] >= 0 and all(run_of[j] == run_of[o[0]] for j in range(x[0], x[1])):
            o[0] = x[0]
            dropped.add(id(x))
