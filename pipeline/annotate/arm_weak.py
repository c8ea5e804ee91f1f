"""Arms the tagger almost tagged, for the claims layer only (used by :mod:`claimex.annotate.outcome_lists`).

The tagger's INTERVENTION head decides the arms (threshold 0.35 in ``claimex-pico-sm``, no hysteresis). On the
findings tune half, where a found finding's intervention or comparator is wrong and the gold arm is written in the
finding's sentence but not tagged there, the head scored the arm's words 0.15-0.35 in 35 BLIND findings (22
mentions) and 15 OPEN ones (``bench/weak_arms.py``, docs/claims.md 38.3, s24-weakarm). The tagger decodes the
INTERVENTION head a second time at the lower threshold ``weak_intervention`` (0.2;
:func:`claimex.annotate.tagger.weakwide.decode_weak`, the main decode's span hygiene, runs holding a token over the
main threshold left out, no propagation) into ``doc.spans["pico_weak_arms"]``. :func:`weak_arms` takes one of those
spans as an INTERVENTION of the claims layer where

* it overlaps no entity of the claims layer;
* it **repeats an arm the abstract tagged in another sentence**: its naming words (content words, no bare label -
  "group [II]" -, no word every kind of arm has - :data:`GENERIC`) are all words of one INTERVENTION / COMPARATOR
  entity of another sentence. A trial's arms are few and named early (title, design sentence); a result sentence
  that writes one again in a form the tagger scored under its threshold names that arm ("in [Epi-CH]weak group
  was increased remarkably ... P<0.01" after the design's "epirubicin-activated carbon suspension (Epi-CH)",
  PICO-Corpus 16109560). A word the tagger scored low that no tagged arm of another sentence holds (a setting, an
  adverb, a trial's name, most of what the weak head fires on) is left alone;
* its sentence **reports a result in figures** (:func:`measured_sentences`: a test or an estimate - p-value, CI,
  ratio, a value with its CI - or two values side by side): a background, aim or conclusion sentence keeps what the
  tagger decoded (a weak arm there moved the arm the later sentences carry, outside the gold).

The token-level PICO layer (``doc.spans["pico"]``, what ``claimex evaluate --task pico`` scores) never sees a weak
span.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from .entities import WEAK_ARMS_KEY, layer_entries
from .outcome_names import TokenView
from .outcome_weak import RESULT_KINDS, _question, _sentence_chars, _values_compared
from .tagger.words import ARM_NOUNS, is_content

#: a label word, no name ("group [II]", "arm [B]"; GUIDELINES: never a bare label)
LABEL = re.compile(r"[ivx]+|[a-z]|\d+")
ARMS = frozenset(["INTERVENTION", "COMPARATOR"])
#: words every kind of arm has: a weak span sharing only these with a tagged arm does not name that arm
GENERIC = ARM_NOUNS | frozenset(["intervention", "interventions", "control", "controls", "treatment", "treatments",
                                 "therapy", "therapies", "care", "usual", "standard", "conventional", "study",
                                 "experimental", "active", "dose", "doses", "high", "low", "program",
                                 "programme", "management", "regimen", "placebo", "patient"])


def weak_arms(doc: Doc, t: TokenView, sentences: list[tuple[int, int]], claims: list[list]
              ) -> list[tuple[int, int, float | None]]:
    """The weak INTERVENTION spans of ``doc.spans["pico_weak_arms"]`` that overlap no entry of ``claims`` (the
    claims layer's ``[start, end, label, ...]`` entries), whose naming words are all words of one INTERVENTION /
    COMPARATOR entry of ``claims`` in another sentence, in sentences that report a result in figures (module doc):
    ``(start, end, score)``, in order."""
    weak = layer_entries(doc, WEAK_ARMS_KEY)
    if not weak:
        return []
    taken = [False] * t.n
    for o in claims:
        taken[o[0]:o[1]] = [True] * (o[1] - o[0])
    starts = [lo for lo, _ in sentences]
    arms = [(bisect_right(starts, o[0]) - 1, _naming(t, o[0], o[1])) for o in claims if o[2] in ARMS]
    free = []
    for s, e, _, score, _ in weak:
        if any(taken[s:e]):
            continue
        words, k = _naming(t, s, e), bisect_right(starts, s) - 1
        if words and any(words <= named for at, named in arms if at != k):
            free.append((s, e, score))
    if not free:
        return []
    where = [bisect_right(starts, s) - 1 for s, _, _ in free]
    reporting = measured_sentences(doc, t, sentences, set(where))
    return [x for x, k in zip(free, where) if k in reporting]


def measured_sentences(doc: Doc, t: TokenView, sentences: list[tuple[int, int]], which: set[int]) -> set[int]:
    """Those of the sentences ``which`` that report a result in figures: a test or an estimate (a measure of
    :data:`~claimex.annotate.outcome_weak.RESULT_KINDS`, or a value with its CI) or two values side by side
    (:func:`~claimex.annotate.outcome_weak._values_compared`)."""
    measures = doc._.measures if doc.has_extension("measures") else None
    if not measures:
        return set()
    starts = _sentence_chars(doc, sentences)
    tested = (bisect_right(starts, m.start) - 1 for m in measures if m.kind in RESULT_KINDS or m.ci_low is not None)
    out = {k for k in tested if k in which}
    if len(out) < len(which):
        out |= _values_compared(doc, t, sentences, which - out)
    return {k for k in out if not _question(t, *sentences[k])}


def _naming(t: TokenView, s: int, e: int) -> frozenset[str]:
    """The lower-cased words of ``[s, e)`` that can name an arm: content words outside :data:`GENERIC`."""
    return frozenset(w for m in range(s, e)
                     if (w := t.lower[m]) not in GENERIC and is_content(t.text[m], w) and not LABEL.fullmatch(w))
