"""Direction of a comparison claim (significance: :mod:`.significance`; single-arm results, judged
positive / negative: :mod:`.single`).

Direction of a **comparison** (arms, "than", "compared with", p-values, change words), read in the
clause of the outcome first (:func:`focus`): not significant -> ``no_difference``; otherwise the cue words of
:mod:`.polarity` said of the claim's arms ("significantly shorter in A than in B"); otherwise the arm values
(intervention arm's value vs the comparator arm's), or a ratio's point estimate when its CI excludes 1;
a significant difference said without its sign favours the intervention (more of a beneficial outcome, less
of a harmful one); otherwise the direction classifier (``models/claimex-direction``, trained on Evidence Inference 2.0
evidence sentences with the intervention, comparator and outcome marked). The cue words (subject/reference
arms, compounds, harmful outcomes) come first because in an abstract the arms of the values and the
classifier's marks come from context and mislead more often than the sentence's own words. A negation over
the directional word ("did not reduce") gives ``no_difference`` and ``negated``.

Direction of a **qualitative** statement: :func:`.polarity.polarity` (positive / negative judgement
words; adverse-effect statements use their own cues).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ... import paths
from .base import blank
from .clauses import compared_after_both, focus
from .gates import Gated
from .owned import nulls_of_others
from .plain import HEADCOUNT_KINDS, MeasureLike
from .polarity import (
    DECREASE,
    INCREASE,
    anatomy,
    both_arms_change,
    cue_direction,
    cue_edges,
    harmful,
    outcome_change,
    polarity,
)
from .significance import (
    BETWEEN_NULL,
    COMPARES_ARMS,
    DEGREE,
    NOT_SIGNIFICANT,
    PARALLEL,
    SIGNIFICANT_CHANGE,
    SIMILAR_THEN_THAN,
    WITHIN_CHANGE,
    ci_bounds,
    ci_null,
    significance,
)

log = logging.getLogger(__name__)

LABELS = ("increase", "decrease", "no_difference")
MARKERS = {"I": "xxint", "C": "xxcmp", "O": "xxout"}

# -- cues -----------------------------------------------------------------------------------------------
COMPARATIVE = re.compile(
    r"\b(?:than|compared|comparison|versus|vs\.?|relative\s+to|beyond|differ\w*|similar|comparable|equivalent|"
    r"(?:statistically\s+)?significant\w*|increas\w*|decreas\w*|reduc\w*|higher|lower|greater|fewer|"
    r"rise|rose|fell|declin\w*|elevat\w*|shorter|longer|baseline|from\s+\S+\s+to\b|unchanged|superior|inferior)\b",
    re.IGNORECASE,
)
@dataclass
class Decision:
    direction: str | None = None
    significant: bool | None = None
    negated: bool = False
    p_value: str | None = None  # id of the deciding p-value
    source: str = ""
    #: no difference between the arms, and the sentence also reports a significant change within them
    #: ("improved from pre-op to 24 months (P < 0.0001) with no difference between groups"): two findings
    within: bool = False


_EVENT_FREE = re.compile(r"surviv|\bfree\b|-free|time\s+to|duration", re.IGNORECASE)


def ratio_direction(measures: Sequence[MeasureLike], text: str, offset: int, outcome_text: str = "") -> str | None:
    """Increase/decrease from a ratio whose CI excludes 1. A hazard ratio below 1 for an event-free
    outcome (survival, progression-free survival, time to event) means that outcome increased."""
    for m in measures:
        bounds = ci_bounds(m)
        value = m.value
        if bounds is None or value is None or ci_null(m, text[:max(0, m.start - offset)] + m.text) != 1.0:
            continue
        if bounds[0] > 1 or bounds[1] < 1:
            if value == 1:
                return None
            up = value > 1
            if (m.stat or "").upper() in ("HR", "AHR") and _EVENT_FREE.search(outcome_text):
                up = not up
            return "increase" if up else "decrease"
    return None


def same_kind(a: str, b: str) -> bool:
    """Can two arm values of these measure kinds be compared? The same kind, or two head counts
    (:data:`.plain.HEADCOUNT_KINDS`: "in 12 patients with tamoxifen and 16 with placebo", a sample size, a count)."""
    return a == b or a in HEADCOUNT_KINDS and b in HEADCOUNT_KINDS


def arm_direction(pairs: Sequence[tuple[MeasureLike, str]]) -> str | None:
    """``pairs``: (measure, side "I"/"C"). The first I value against the first C value of the same kind."""
    i_vals = [m for m, side in pairs if side == "I" and m.value is not None]
    for mi in i_vals:
        mc = next((m for m, side in pairs if side == "C" and m.value is not None and same_kind(m.kind, mi.kind)), None)
        if mc is not None and mi.value != mc.value:
            vi, vc = mi.value, mc.value
            assert vi is not None and vc is not None  # both picked for having a value (the filters above)
            return "increase" if vi > vc else "decrease"
    return None


def parallel_sides(text: str, offset: int, measures: Sequence[MeasureLike], spans: Sequence[tuple[int, int, str]]
                   ) -> list[tuple[MeasureLike, str]]:
    """(value, side) pairs read from two values of one measure set side by side for two groups
    (:data:`.significance.PARALLEL`: "16 min for intranasal and 13 min for intramuscular", "in group B was
    15.1 minutes and in group A was 32.5 minutes"): each half's first value goes with the arm named in that
    half; a half naming no arm is the other side (the second arm is often untagged)."""
    for halves in _parallel_halves(text):
        sides, values = [], []
        for a, b in halves:
            roles = {r for s, _e, r in spans if r in ("I", "C") and a <= s < b}
            sides.append(next(iter(roles)) if len(roles) == 1 else None if not roles else "?")
            values.append([m for m in measures
                           if a <= m.start - offset < b and m.kind not in ("p_value", "ci", "ratio")])
        # the first value of each half that has a value of the same kind in the other half ("in 24 h in Group S was
        # 123.33 mg and that in Group B was 23.33 mg": the time of measurement has no partner)
        pair = next(((u, v) for u in values[0] for v in values[1] if same_kind(u.kind, v.kind)), None)
        if pair is None or "?" in sides or sides == [None, None] or sides[0] == sides[1]:
            continue
        first = sides[0] or ("C" if sides[1] == "I" else "I")
        return [(pair[0], first), (pair[1], "C" if first == "I" else "I")]
    return []


@lru_cache(maxsize=1024)
def _parallel_halves(text: str) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
    """The two halves, (start, conjunction) and (conjunction, end), of each :data:`.significance.PARALLEL` match of
    ``text``. Cached: every claim of a sentence asks (session 14: 1,170 scans of 763 distinct sentences in a pass
    over ``bench/identity.py``'s records)."""
    out = []
    for par in PARALLEL.finditer(text):
        conj = par.start("conj") if par.group("conj") else par.start("conj2")
        out.append(((par.start(), conj), (conj, par.end())))
    return tuple(out)


# -- the classifier --------------------------------------------------------------------------------------
def mark(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, role) span (local offsets, role I/C/O) replaced by its marker
    word; overlapping spans keep the first. The classifier's training and inference input."""
    out, pos = [], 0
    for start, end, role in sorted(spans):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f" {MARKERS[role]} ")
        pos = end
    out.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


class DirectionModel:
    """The shipped spaCy text classifier (labels increase / decrease / no_difference)."""

    def __init__(self, path: Path):
        import spacy

        self.path = Path(path)
        self.nlp = spacy.load(self.path)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Class probabilities per text (the textcat called directly: ``nlp.pipe`` costs ~1 ms a call)."""
        textcat = self.nlp.get_pipe("textcat")
        # spaCy's stub types get_pipe as a plain Callable[[Doc], Doc]; the pipe is a TextCategorizer
        scores = textcat.predict([self.nlp.make_doc(t) for t in texts])  # type: ignore[attr-defined]
        labels = textcat.labels  # type: ignore[attr-defined]
        return [{lab: float(row[k]) for k, lab in enumerate(labels)} for row in scores.tolist()]


_MODELS: dict[str, DirectionModel | None] = {}


def default_model_path() -> Path:
    return paths.model_dir(paths.DIRECTION_MODEL_NAME)


def load_model(path: Path | None = None) -> DirectionModel | None:
    """The direction classifier at ``path`` (default: the ``claimex-direction`` model, see
    :mod:`claimex.paths`), loaded once; None when absent (claims then fall back to cue words)."""
    path = Path(path) if path is not None else default_model_path()
    key = str(path)
    if key not in _MODELS:
        if (path / "config.cfg").exists():
            _MODELS[key] = DirectionModel(path)
        else:
            log.debug("direction model not found at %s; using cue words", path)
            _MODELS[key] = None
    return _MODELS[key]


# -- decisions -------------------------------------------------------------------------------------------
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# a purpose infinitive states a goal, not a change: "(2) to inhibit tumor growth", "to improve survival"
_PURPOSE = re.compile(r"[tT](?<!\w.)(?i:o\s+(?:further\s+)?(?!\w+(?:ed|ing)\b)\w+)")  # \bto..., first letter first


def is_comparative(text: str, has_comparator: bool, measures: Sequence[MeasureLike]) -> bool:
    """Does the sentence compare (arms, over time)? p-values/CIs/ratios, no-difference words ("had no
    effect on", "did not affect"), or comparison and change words outside brackets ("(>50% urinary
    5-HIAA decrease: 57-91%)" labels a number; it compares nothing)."""
    kinds = {m.kind for m in measures}
    text = _PURPOSE.sub("to", _BRACKETED.sub(" ", text))
    return bool(kinds & {"p_value", "ci", "ratio"}) or bool(COMPARATIVE.search(text)) or bool(
        NOT_SIGNIFICANT.found(text)) or (
        has_comparator and bool(INCREASE.search(text) or DECREASE.search(text)))


_AFTER_CONTRAST = re.compile(r"\b(?:whereas|but|while|however)\s*,?\s*$", re.IGNORECASE)
_BEFORE_CONTRAST = re.compile(r"\s*,?\s*(?:whereas|but(?!\s+not\b)|while|although|however)\b", re.IGNORECASE)
_LEADING_CONCESSIVE = re.compile(r"\s*(?:although|though|while|whereas)\b", re.IGNORECASE)
CHANGE_CUE = re.compile(r"\b(?:increas|decreas|reduc|improv|declin|rose|fell|lower|higher|greater|less|fewer|more|"
                        r"shorter|longer)\w*", re.IGNORECASE)


def outer_spans(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans without arm mentions nested in an outcome ("BDNF" inside "Serum BDNF levels" names what
    is measured, not an arm the change is said of)."""
    outs = [(a, b) for a, b, r in spans if r == "O"]
    return [s for s in spans if s[2] == "O" or not any(a <= s[0] and s[1] <= b for a, b in outs)]


def _other_side_apart(text: str, spans: Sequence[tuple[int, int, str]], others: Sequence[tuple[int, int]], fb: int,
                      outcome_text: str) -> bool:
    """Does the text after ``fb`` (the other side of a contrast) speak of something else: another outcome or one
    arm on its own, and neither the claim's outcome (also written again: "Pain reduction ... was less than that in
    the other groups, but pain reduction was similar among groups") nor both arms (then its null is of this
    comparison: "... but their blood pressure did not differ from those in the placebo group", "no difference was
    observed between the series versus parallel choreographies")?"""
    roles = {r for a, _b, r in spans if a >= fb}
    own = outcome_text.lower()
    again = any(a >= fb and own and (text[a:b].lower() in own or own in text[a:b].lower()) for a, b in others)
    if "O" in roles or again or {"I", "C"} <= roles:
        return False
    return bool(roles) or any(a >= fb for a, _b in others)


#: :data:`.significance.BETWEEN_NULL` of a whole sentence behind its keyword: every match holds "differ" (session 14)
_BETWEEN_NULL = Gated(BETWEEN_NULL, ("differ",))


@dataclass
class Evidence:
    """What the rules read in a comparison sentence (the classifier sees it as feature words)."""

    significant: bool | None = None
    p_value: MeasureLike | None = None
    source: str = ""  # p-value | ci | words
    cue: str | None = None  # increase | decrease | no_difference (cue words)
    negated: bool = False
    numeric: str | None = None  # increase | decrease from arm values / a ratio
    named: bool = False  # the cue comes from the outcome's own change noun, not from the sentence's words
    within: bool = False  # a significant change within the arms was set aside (see :class:`Decision`)


def comparison_evidence(text: str, offset: int, measures: Sequence[MeasureLike], spans: Sequence[tuple[int, int, str]],
                        arm_sides: Sequence[tuple[MeasureLike, str]], outcome_text: str = "",
                        others: Sequence[tuple[int, int]] = ()) -> Evidence:
    """Significance, cue direction and numeric direction of a comparison, read in the clause of the
    outcome (:func:`focus`) first, then in the whole sentence."""
    spans = outer_spans(spans)
    fa, fb = compared_after_both(text, spans, *focus(text, spans))
    within = False
    inside = [m for m in measures if fa <= m.start - offset < fb]
    sig, p, source = significance(inside, text[fa:fb], offset + fa)
    if sig is None and (fa, fb) != (0, len(text)):
        # then the sentence, without the other side of a contrast: "tended to decrease lipolysis (p = 0.062), but
        # both doses decreased insulin-mediated suppression of lipolysis by 11% and 34%" - the trend is not this one's
        if _AFTER_CONTRAST.search(text[max(0, fa - 12):fa]) and CHANGE_CUE.search(text, fa, fb):
            sig, p, source = significance([m for m in measures if m.start - offset >= fa], text[fa:], offset + fa)
        elif (_BEFORE_CONTRAST.match(text, fb) or fa == 0 and _LEADING_CONCESSIVE.match(text)) \
                and CHANGE_CUE.search(text, fa, fb) and _other_side_apart(text, spans, others, fb, outcome_text):
            # the same, the other way round, when the other side names its own arm or outcome: "... subjects
            # "normalized" their mean serum BDNF levels, whereas the control group showed no change", "Although AmB in
            # lipid emulsion is apparently cleared faster ..., this study did not reveal any significant advantage with
            # respect to safety": the null is the other side's (not so "X was higher in A, but the difference was not
            # significant": the null is of this comparison)
            sig, p, source = significance([m for m in measures if m.start - offset < fb], text[:fb], offset)
        else:
            sig, p, source = significance(measures, text, offset)
    if sig is False and source == "words" and SIMILAR_THEN_THAN.search(text[fa:fb]):
        # "A and B were similar and were lower than C": the no-difference word is said of another pair
        sig, p, source = None, None, ""
    elif sig and _BETWEEN_NULL.search(text) and (WITHIN_CHANGE.search(text) or BETWEEN_NULL.search(text, fa, fb)
                                                or not (COMPARES_ARMS.search(text, fa, fb)
                                                        or DEGREE.search(text, fa, fb))):
        # "improved from pre-op to 24 months (P < 0.0001) with no difference between groups", "significantly
        # reduced with all treatments (all P = 0.0001), with no differences between groups": the test is of the
        # change within the arms; between them there is none
        sig, p, source, within = False, None, "words", True
    elif sig is False and source == "words" and _BETWEEN_NULL.search(text) and SIGNIFICANT_CHANGE.search(text):
        # "significant increases in plasma urea ... with both A and B, with there being no difference between
        # the two methods": the no-difference words are of the arms; the change within them is significant
        within = True
    apart = nulls_of_others(text, spans, others) if sig is False and source == "words" and others else []
    if apart:
        # "red yeast rice induced less fatigue side effect and exerted comparable lipid-lowering effects": the
        # no-difference words are said of another outcome (:mod:`.owned`); read again without that outcome's words
        # ("significantly greater efficacy and similar tolerability": the efficacy's test stays)
        rest = blank(text[fa:fb], [(max(a, fa) - fa, min(b, fb) - fa) for a, b in apart if a < fb and b > fa])
        sig, p, source = significance([m for m in inside if not any(a <= m.start - offset < b for a, b in apart)],
                                      rest, offset + fa)
    # cue words inside any entity name (other outcomes too) or naming a body part are no cues
    # (result words the tagger took into an outcome span - "higher OLP", "weight decrease" - stay readable)
    names = [cue_edges(text, a, b) if r == "O" else (a, b) for a, b, r in spans] + [cue_edges(text, a, b)
                                                                                  for a, b in others]
    masked = blank(text, [*names, *anatomy(text)])
    local = [(a - fa, b - fa, r) for a, b, r in spans if fa <= a < fb]
    cue, negated = cue_direction(masked[fa:fb], local, outcome_text, [(a - fa, b - fa) for a, b in others])
    if cue is None and (fa, fb) != (0, len(text)):
        cue, negated = cue_direction(masked, spans, outcome_text, others)
    named = cue is None
    if named:  # the outcome's own change noun: "Median improvement in FVC ... was 0.12 L"
        cue = outcome_change(outcome_text)
    if both_arms_change(masked[fa:fb]) and not NOT_SIGNIFICANT.found(masked[fa:fb]) and sig is not False:
        # "reduced significantly in both groups": the significance is within each arm, not between them
        # ("similar in both groups", "2.24 mm in both groups (P = 0.75)" compare them)
        return Evidence(None, None, "", "no_difference", negated, None)
    sides = [(m, side) for m, side in arm_sides if fa <= m.start - offset < fb] or list(arm_sides)
    numeric = arm_direction(sides) or arm_direction(parallel_sides(text, offset, measures, spans)) or ratio_direction(
        inside or measures, text, offset, outcome_text)
    return Evidence(sig, p, source, cue, negated, numeric, named and cue is not None, within)


def feature_words(ev: Evidence) -> str:
    """The evidence as words prefixed to the classifier input (``featsig_true featcue_decrease ...``)."""
    sig = {True: "true", False: "false", None: "none"}[ev.significant]
    return (f"featsig_{sig} featsrc_{(ev.source or 'none').replace('-', '')} featcue_{ev.cue or 'none'} "
            f"featnum_{ev.numeric or 'none'}" + (" featneg" if ev.negated else ""))


def classifier_text(ev: Evidence, text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    return feature_words(ev) + " " + mark(text, spans)


def decide_comparison(text: str, offset: int, measures: Sequence[MeasureLike], spans: Sequence[tuple[int, int, str]],
                      arm_sides: Sequence[tuple[MeasureLike, str]], model: DirectionModel | None,
                      outcome_text: str = "", others: Sequence[tuple[int, int]] = ()) -> Decision:
    """Direction of a comparison. ``text``: the sentence; ``offset``: its absolute start; ``spans``:
    local (start, end, role) of the I/C/O mentions; ``arm_sides``: (arm value, side); ``outcome_text``:
    the outcome's words. Not significant (p-value, CI, words) -> ``no_difference``; otherwise a cue word
    of the outcome's clause, then the arm values or a ratio, then a change noun naming the outcome ("relief of
    symptoms"); a significant difference without any of these favours the intervention (the prior: increase,
    decrease for a harmful outcome); then the classifier (which sees the rules' evidence as feature words)."""
    spans = outer_spans(spans)
    ev = comparison_evidence(text, offset, measures, spans, arm_sides, outcome_text, others)
    decision = Decision(significant=ev.significant, p_value=ev.p_value.id if ev.p_value is not None else None,
                        source=ev.source, negated=ev.negated)
    if ev.significant is False or ev.cue == "no_difference" and ev.significant is None and not ev.source:
        # a no difference stated only by a negated change word said of the arms ("did not reduce") is stated in words:
        # not significant (GUIDELINES, Findings: ``significant: false`` always goes with no_difference in a comparison)
        decision.direction, decision.significant, decision.within = "no_difference", False, ev.within
        return decision
    if ev.cue in ("increase", "decrease") and not ev.named:
        # the sentence's own change word, read relative to the claim's arms ("Telmisartan, but not
        # losartan, significantly reduced FPG", "shorter in the TEA group than in the control group"):
        # it beats arm values (whose arm may come from context) and the classifier
        decision.direction = ev.cue
        decision.source = (decision.source + "+cues").lstrip("+")
        return decision
    if ev.numeric:
        # both arms' values (or a ratio whose CI excludes 1) are read relative to the claim's own arms:
        # their order decides, with or without a test ("4.9% vs 5.9%" = decrease)
        decision.direction = ev.numeric
        decision.source = (decision.source + "+numbers").lstrip("+")
        return decision
    if ev.cue in ("increase", "decrease"):
        # the outcome's own change noun ("first relief of symptoms": values of the arms rank before it)
        decision.direction = ev.cue
        decision.source = (decision.source + "+cues").lstrip("+")
        return decision
    if ev.significant:
        # a significant difference said without its sign (no cue word, no arm values, no ratio): it favours the
        # intervention - more of a beneficial outcome, less of a harmful one (:func:`.harms.harmful`). Evidence
        # Inference TRAIN: right for 19 of 42 such prompts (comparison decision, 5-fold article-hash CV) where the
        # classifier was right for 16, and for 21 of 31 end to end where it was right for 19
        decision.direction = "decrease" if harmful(outcome_text) else "increase"
        decision.source = (decision.source + "+prior").lstrip("+")
        return decision
    if model is not None:
        probs = model.predict([classifier_text(ev, text, spans)])[0]
        decision.direction = max(probs, key=probs.__getitem__)  # (the label of the highest probability)
        decision.source = (decision.source + "+model").lstrip("+")
        return decision
    if ev.cue == "no_difference" and ev.significant is None:
        decision.direction = "no_difference"
    else:
        decision.direction = ev.cue if ev.cue != "no_difference" or not ev.significant else None
        decision.source = (decision.source + "+cues").lstrip("+")
    return decision


def decide_qualitative(text: str, adverse: bool) -> Decision:
    """Polarity of a single-arm or qualitative statement (``text`` with entity names masked)."""
    direction, negated = polarity(text, adverse)
    return Decision(direction=direction, negated=negated, source="polarity" if direction else "")
