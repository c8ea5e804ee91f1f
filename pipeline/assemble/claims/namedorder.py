"""Values written side by side for the arms a clause names: they pair up in the order the arms were named (issue 10,
session 22).

"The percentage of patients attaining the goal was higher with rosuvastatin as compared to atorvastatin (87.64 vs.
69.88%, p < 0.001)", "the propofol group had the significantly lower incidence (60 vs. 87%) and severity of coughing
compared with the control group", "randomized to receive TAP-144-SR (6M) (n = 83) or TAP-144-SR (3M) (n = 84) and the
E2 suppression rate was 97.6 and 96.4 %, respectively". A reader pairs "x vs y" (or "x and y, respectively") with the
two arms the clause compares, first with first: the order of mention is the convention that "respectively" makes
explicit (GUIDELINES.md, Findings: the finding's numbers are its arms' values). :mod:`.link` pairs such runs only where
the arms are written as a list ("A and B ... x and y"); elsewhere its adjacency rules give a bracket of both values to
the one arm before it ("than the placebo group (5.0 vs 4.0)": both read as placebo's).

:func:`named_order` (method): a clause (the sentence split at ``;`` outside brackets) whose arm values are all in
runs of ``n`` >= 2 values joined by "vs" / "versus" / "compared with", or by "," / "and" with "respectively" after the
run, and which names exactly ``n`` distinct arms (by their words and numbers: "the 20-mg arm", "the 50-mg arm"),
experimental and comparator both among them, none inside or between the runs and none twice with different doses, the
first not introduced as the reference ("Compared with TM, BIS had ...": authors then list the values either way), and -
after "respectively" - no time points listed before the run: the i-th value of each run goes to the i-th arm named. A
bracket right after a value (its SD, CI, IQR, n) goes with that value's arm. Durations ("at 12 months") are time points,
not run values, and may stand anywhere in the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import SentenceView, entity_words
from .plain import MeasureLike

_COMPARED = re.compile(r"^\s*[)\]]?\s*,?\s*(?:vs\.?|versus|v\.?|compared\s+(?:with|to))\s*[(\[]?\s*$", re.IGNORECASE)
_LISTED = re.compile(r"^\s*[)\]]?\s*(?:,|and|,\s*and)\s*[(\[]?\s*$", re.IGNORECASE)
_QUALIFIER = re.compile(r"^\s*[(\[][^()\[\]]{0,60}[)\]]")  # "(95% CI 3.41, 4.71)", "[2.15]", "(Q1 = 1.0, Q3 = 3.7)"
_DOSE_AFTER = re.compile(r"^\s*\(?\s*(\d[\d.,]*)\s*-?(?:mg|µg|μg|mcg|ug|g|IU|U|mL|ml|mmol)\b")
_LEADING_REFERENCE = re.compile(r"\b(?:compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|versus|vs\.?)"
                                r"\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_RUN_WORD = re.compile(r"\bv(?:s|ersus)?\b|compared|respectively", re.IGNORECASE)  # a fast check: no run without one
_RESPECTIVELY = re.compile(r"^[^;()\[\]\d]{0,25}\brespectively\b", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Local (start, end) of the sentence's clauses: split at ';' outside brackets."""
    if ";" not in text:
        return [(0, len(text))]
    cuts, depth = [0], 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            cuts.append(i + 1)
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:], strict=False))


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _name(arm) -> frozenset[str]:
    """An arm's words and numbers: "the 20-mg arm" and "the 50-mg arm" are two arms."""
    words = entity_words(arm.entity) if arm.entity is not None else frozenset(arm.text.lower().split())
    return words | frozenset(_NUMBER.findall(arm.text))


def _runs(view: SentenceView, values: Sequence[MeasureLike]) -> list[list[list[MeasureLike]]] | None:
    """The clause's values as runs of heads, each head with the values of the bracket right after it; None when a
    value stands outside a run of two or more."""
    heads: list[list[MeasureLike]] = []
    i = 0
    while i < len(values):  # a head and the values in the bracket right after it
        head = [values[i]]
        i += 1
        bracket = _QUALIFIER.match(view.between(head[0].end, view.end))
        if bracket is not None:
            stop = head[0].end + bracket.end()
            while i < len(values) and values[i].start < stop:
                head.append(values[i])
                i += 1
        heads.append(head)
    runs: list[list[list[MeasureLike]]] = []
    seps: list[str] = []
    for head in heads:
        if runs:
            last = runs[-1][-1]
            tail = max(m.end for m in last)
            gap = view.between(tail, head[0].start)
            bracket = _QUALIFIER.match(view.between(last[0].end, view.end))
            if bracket is not None and last[0].end + bracket.end() >= tail:
                gap = view.between(last[0].end + bracket.end(), head[0].start)
            kind = "c" if _COMPARED.match(gap) else "l" if _LISTED.match(gap) else None
            if kind is not None and seps[-1] in ("", kind):
                runs[-1].append(head)
                seps[-1] = kind
                continue
        runs.append([head])
        seps.append("")
    for run, sep in zip(runs, seps, strict=True):
        if len(run) < 2:
            return None
        if sep == "l" and not _RESPECTIVELY.match(view.between(max(m.end for m in run[-1]), view.end)):
            return None
    return runs


def named_order(view: SentenceView, arms: list, values: Sequence[MeasureLike], linked: dict) -> None:
    """Link the runs of values of each clause to the arms the clause names, in order (module docstring)."""
    if len(values) < 2 or len(arms) < 2 or not _RUN_WORD.search(view.text):
        return
    for lo, hi in _clauses(view.text):
        inside = [m for m in values if lo <= m.start - view.start < hi and m.kind != "duration"]
        if len(inside) < 2:
            continue
        runs = _runs(view, inside)
        if not runs or len({len(r) for r in runs}) != 1:
            continue
        respectively = bool(_RESPECTIVELY.match(view.between(max(m.end for m in runs[-1][-1]), view.end)))
        order: list = []
        names: list[frozenset[str]] = []
        doses: dict[frozenset[str], set[str]] = {}
        for arm in arms:
            if lo <= arm.start - view.start < hi:
                dose = _DOSE_AFTER.match(view.between(arm.end, view.end))
                doses.setdefault(_name(arm), set()).add(dose.group(1) if dose else "")
                if _name(arm) not in names:
                    names.append(_name(arm))
                    order.append(arm)
        if (len(order) != len(runs[0]) or len({a.side for a in order}) < 2 or any(len(d) > 1 for d in doses.values())
                or any(runs[0][0][0].start < a.start < runs[-1][-1][-1].end for a in arms)):
            # as many arms as values per run, on both sides (I and C: "the experimental group's payments for health
            # care were lower ($ 3148 vs $ 3277)" names one arm and a word read as another); no arm named twice with
            # different doses ("prednisolone 7.5 mg and prednisolone 30 mg": arms the words cannot tell apart); no
            # arm between or inside the runs ("in the bromfenac group (247.2 vs 252.0) and in nepafenac group (250.8
            # vs 264.0)": each arm's own values)
            continue
        if _LEADING_REFERENCE.search(view.text[lo:order[0].start - view.start]):
            # "Compared with TM, BIS had a lower rate of trigger (15.8% vs. 28.5%)": the reference named first, the
            # values in the subject's order (or not: "Compared with those receiving anthracycline alone, patients
            # treated with dexrazoxane experienced fewer cardiac events (39% versus 13%)") - no order to read
            continue
        if respectively and any(m.kind == "duration" and lo <= m.start - view.start and m.end <= runs[0][0][0].start
                                for m in values):
            # "The 8-year and 11-year survivorship rates for X were relatively low (75.6% and 71.7%, respectively)":
            # "respectively" may pair the values with the time points listed before them
            continue
        for run in runs:
            for head, arm in zip(run, order, strict=True):
                for m in head:
                    linked.setdefault(m.id, arm)
