"""Which typing rule leaves a sentence without a claim: a traced copy of ``claims.types._classify`` (main 51e292f,
with session 16's ``observed_plain``).

``typing_path(record)`` types every sentence of a record as :class:`claimex.assemble.claims.ClaimAssembler` does and
returns, per sentence index, ``(claim type or None, the rule that decided it)``. Used by ``findings_misses.py`` to cut
"no claim in sentence: untyped" by rule. Keep in step with ``types._classify`` (the test of this bench script is that
its types equal ``classify``'s on the records it reads; ``findings_misses.py`` reports the sentences where they differ).
"""

from __future__ import annotations

from claimex.assemble.claims import types as T
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.concluded import past_result
from claimex.assemble.claims.hedging import hedged
from claimex.assemble.claims.observed import OBSERVED, observed_plain
from claimex.assemble.claims.zones import section_zone, title_like


def _trace(view, state) -> tuple[str | None, str]:
    zone, state.heading = section_zone(view.text, view.section, state.heading)
    if zone == "heading":
        return None, "heading"
    if zone == "skip" and T._strength(view) == 2 and T._BACK_MATTER.search(view.section or "") and not T.ADMIN.found(
            view.text):
        zone = None
    if zone == "skip" or view.index == 0 and (view.section or "").upper() == "TITLE":
        return None, f"skip zone ({zone})"
    reports = any(m.kind in T.RESULT_KINDS for m in view.measures)
    if zone == "conclusion" or (zone in (None, "background") and T.CONCLUSION.search(view.text)):
        if T.states_result(view, state.tagged):
            return "finding", "conclusion states result"
        core = T.judging_tail(view.text)
        why = ", ".join(w for w, ok in (("hedged", T.hedged(T.observed_trend(core))),
                                        ("recommends", T.RECOMMENDS.search(core)),
                                        ("past", T.past_result(view)),
                                        ("observation cue", OBSERVED.search(view.masked("OUTCOME", "INTERVENTION",
                                                                                        "COMPARATOR", "POPULATION"))))
                        if ok)
        return "conclusion", f"conclusion ({zone}; {why or 'present tense, no cue'})"
    if zone != "aim" and T.reports_nothing(view) and not (zone == "results" and T._none_of_outcome(view)):
        state.design_seen = True
        return None, f"reports nothing ({zone})"
    if (T.BASAL.match(view.text) or T.AT_START.search(view.text)) and not T.CHANGE.search(view.masked("OUTCOME")):
        return None, f"values at start ({zone})"
    if zone in (None, "background", "aim") and (T.AIM.search(view.text) or T.AIM_START.match(view.text)) \
            or zone == "aim":
        state.design_seen = True
        infinitive = zone != "aim" and T.AIM_START.match(view.text)
        ok = reports and not infinitive and T.reported_apart(view, T.RESULT_KINDS)
        return ("finding", "aim reports") if ok else ("aim", f"aim ({zone})")
    if zone != "results" and not T._background(zone, state) and T.lists_methods(view.text) and not reports:
        state.design_seen = True
        return None, f"lists methods ({zone})"
    methods = T.methods_cue(view) and not (zone == "results" and T._none_of_outcome(view))
    if zone == "methods" or methods:
        state.design_seen = True
        tested = any(m.kind in T.TEST_KINDS for m in view.measures)
        if T._strength(view) < 2:
            return None, f"methods, strength {T._strength(view)} ({zone})"
        if not tested and (zone == "methods" or not T._compares(view)):
            return None, f"methods, untested ({zone})"
        if zone != "results" and not reports and not T.REPORTED_WORDS.search(view.text):
            return None, f"methods, no report words ({zone})"
    if T._background(zone, state):
        if T.BACKGROUND_CUE.search(view.text) or T.EARLIER_WORK.search(view.text) and not view.measures:
            return "background", f"background cue ({zone})"
        tested = any(m.kind in T.TEST_KINDS for m in view.measures)
        if T._strength(view) == 2 and (zone is None and (reports or T.SIGNIFICANCE.search(view.text)
                                                          and not T.general(view.text)) or tested):
            state.results_seen = zone is None or state.results_seen
            return "finding", "background zone result"
        if zone is None and T._judges_outcome(view, state.tagged) and not (T.known(view.text)
                                                                           and not T.weighs_arms(view.text)):
            return "finding", "background verdict"
        return "background", f"background ({zone})"
    strength = T._strength(view)
    if strength >= 1 or zone == "results" and (view.label("OUTCOME") or T.EVENT.search(view.text)) or (
            zone is None and state.design_seen and T.counted_event(view.text, view.measures)):
        state.results_seen = True
        return "finding", "result evidence"
    if zone is None and state.design_seen and observed_plain(view):
        state.results_seen = True
        return "finding", "observed (plain)"
    text = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
    why = ", ".join(w for w, ok in (("cue", OBSERVED.search(text)), ("past", past_result(view)),
                                    ("hedged", hedged(view.text))) if ok)
    return None, f"no result evidence ({zone}; {why or 'no cue, not past'})"


def typing_path(record) -> dict[int, tuple[str | None, str]]:
    """Per sentence index: (type, rule) as the assembler's typing decides it (``finding`` stands for
    finding / adverse_effect)."""
    state = T.TypingState(tagged=bool(record.entities))
    out = {}
    for view in sentence_views(record):
        seen = state.design_seen, state.results_seen
        out[view.index] = _trace(view, state)
        if title_like(view.text, view.section, view.index):
            state.design_seen, state.results_seen = seen
    return out
