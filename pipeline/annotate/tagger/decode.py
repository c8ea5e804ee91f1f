"""Per-token head probabilities -> PICO spans."""

from __future__ import annotations

from typing import Mapping, Optional

import numpy
from spacy.tokens import Doc, Span

_OPEN, _CLOSE = "([{", ")]}"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing punctuation and space tokens (a closing bracket stays when its
    opening bracket is inside the span)."""
    while start < end and (doc[start].is_space or (doc[start].is_punct and doc[start].text not in _OPEN)):
        start += 1
    while end > start:
        tok = doc[end - 1]
        if tok.is_space or (tok.is_punct and not (tok.text in _CLOSE and any(
                t.text in _OPEN for t in doc[start:end - 1]))):
            end -= 1
        elif tok.text in _OPEN:
            end -= 1
        else:
            break
    return start, end


def runs(on: numpy.ndarray) -> list[tuple[int, int]]:
    """Maximal runs of True as (start, end)."""
    out = []
    i, n = 0, len(on)
    while i < n:
        if on[i]:
            j = i
            while j < n and on[j]:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def decode(
    doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], thresholds: Mapping[str, float],
    trim: bool = True,
) -> tuple[list[Span], list[float], list[Optional[str]]]:
    """Spans, their scores (mean head probability) and subtypes (None here)."""
    spans: list[Span] = []
    scores: list[float] = []
    col = {h: k for k, h in enumerate(heads)}
    for head in heads:
        if head == "COMPARATOR":
            continue
        on = probs[:, col[head]] >= thresholds.get(head, 0.5)
        for a, b in runs(on):
            pieces = [(a, b, head)]
            if head == "INTERVENTION" and "COMPARATOR" in col:
                ctrl = probs[a:b, col["COMPARATOR"]] >= thresholds.get("COMPARATOR", 0.5)
                pieces = [(a + s, a + e, "COMPARATOR") for s, e in runs(ctrl)]
                pieces += [(a + s, a + e, "INTERVENTION") for s, e in runs(~ctrl)]
            for s, e, label in pieces:
                if trim:
                    s, e = _trim(doc, s, e)
                if e <= s:
                    continue
                score_col = col["INTERVENTION"] if label == "COMPARATOR" else col[label]
                spans.append(Span(doc, s, e, label=label))
                scores.append(round(float(probs[s:e, score_col].mean()), 4))
    return spans, scores, [None] * len(spans)
