"""Direction and significance of a claim.

Significance (``Claim.significant``), first that applies:

1. the claim's first p-value: ``p < 0.05`` (or ``p <= 0.05`` written with ``<``) -> significant, else not;
2. a confidence interval: a ratio's (OR/RR/HR/IRR ..., or an estimate whose CI lies on both sides of 1
   while positive) excluding 1, a difference's excluding 0 -> significant; including -> not;
3. words: "significant(ly)" -> significant; "no significant difference", "did not differ",
   "not significant(ly)", "non-significant", "NS", "similar", "comparable" -> not significant.

Direction of a **comparison** (arms, "than", "compared with", p-values, change words): not significant ->
``no_difference``; otherwise the arm values (intervention arm's value vs the comparator arm's), or a
ratio's point estimate when its CI excludes 1; otherwise the direction classifier
(``models/claimex-direction``, trained on Evidence Inference 2.0 evidence sentences with the
intervention, comparator and outcome marked) or, when the model is absent, increase/decrease cue words
(flipped when the word is said of the comparator arm: "lower in the placebo group"). A negation over the
directional word ("did not reduce") gives ``no_difference`` and ``negated``.

Direction of a **single-arm or qualitative** statement: the first polarity cue outside entity names
(positive: "effective", "attractive", "improve", ...; negative: "disappointing", "ineffective", ...;
cues that describe an earlier failed treatment - "following unsuccessful X" - are skipped); a negation
flips it and sets ``negated``. Adverse-effect statements use their own cues (positive: "rare", "few",
"well tolerated"; negative: "frequent", "poorly tolerated") and get no direction when both kinds occur;
descriptions ("mild", "the commonest side effect") are not judgements.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from ...schema import Measure
from .base import cues
from .hedging import negation_scope

log = logging.getLogger(__name__)

LABELS = ("increase", "decrease", "no_difference")
ALPHA = 0.05
MARKERS = {"I": "xxint", "C": "xxcmp", "O": "xxout"}
RATIO_STATS = frozenset({"or", "rr", "hr", "irr", "ratio", "odds ratio", "hazard ratio", "relative risk",
                         "risk ratio", "rate ratio", "aor", "ahr", "sir", "smr", "gmr"})
DIFF_STATS = frozenset({"md", "wmd", "smd", "difference", "mean difference", "risk difference", "rd", "ard",
                        "arr", "diff", "change", "beta", "b"})

# -- cues -----------------------------------------------------------------------------------------------
SIGNIFICANT = cues(r"(?:statistically\s+)?significant(?:ly)?", r"significance")
NOT_SIGNIFICANT = re.compile(
    r"\b(?:no|not|nor|without)\s+(?:\w+\s+){0,3}?(?:statistically\s+)?significan\w*|\bnon-?\s?significant(?:ly)?\b|"
    r"\binsignificant(?:ly)?\b|\bn\.?s\.?(?=[\s,;)])|\bdid\s+not\s+(?:\w+\s+)?differ\b|\bno\s+(?:\w+\s+){0,2}?"
    r"(?:differences?|changes?|effects?|associations?|benefits?)\b|\b(?:similar|comparable|equivalent|unchanged|"
    r"not\s+different|indistinguishable)\b|\bfailed\s+to\s+(?:\w+\s+)?(?:reach|show|demonstrate|achieve)\b|"
    r"\bremained\s+(?:stable|constant|unchanged)\b",
    re.I,
)
INCREASE = cues(
    r"increas\w*", r"higher", r"greater", r"more", r"larger", r"longer", r"elevat\w*", r"rise", r"rises", r"rose",
    r"raised", r"augment\w*", r"enhanc\w*", r"gain(?:ed|s)?", r"exceed\w*", r"prolong\w*", r"boost\w*",
    r"doubl\w*", r"tripl\w*", r"extended", r"improv\w*", r"superior", r"better", r"accelerat\w*", r"up-?regulat\w*",
)
DECREASE = cues(
    r"decreas\w*", r"lower(?:ed|ing)?", r"less", r"fewer", r"smaller", r"shorter", r"shortened", r"reduc\w*",
    r"declin\w*", r"fell", r"fall", r"falls", r"dropp?\w*", r"diminish\w*", r"attenuat\w*", r"inhibit\w*",
    r"suppress\w*", r"prevent\w*", r"abolish\w*", r"halved", r"worse(?:ned)?", r"inferior", r"down-?regulat\w*",
    r"delay\w*", r"slow\w*", r"impair\w*", r"lessen\w*", r"minimi[sz]\w*", r"cut",
)
COMPARATIVE = re.compile(
    r"\b(?:than|compared|comparison|versus|vs\.?|relative\s+to|differ\w*|similar|comparable|equivalent|"
    r"(?:statistically\s+)?significant\w*|increas\w*|decreas\w*|reduc\w*|higher|lower|greater|fewer|"
    r"rise|rose|fell|declin\w*|elevat\w*|shorter|longer|baseline|from\s+\S+\s+to\b|unchanged|superior|inferior)\b",
    re.I,
)
POSITIVE = cues(
    r"improv\w*", r"effective(?:ly|ness)?", r"efficacious", r"efficacy", r"benefit\w*", r"beneficial",
    r"attractive", r"promising", r"favou?rabl[ey]", r"successful(?:ly)?", r"success", r"safe(?:ly|ty)?",
    r"well[- ]tolerated", r"useful", r"feasible", r"superior", r"excellent", r"good", r"satisfactory",
    r"encouraging", r"valuable", r"advantage\w*", r"relie(?:f|ved?)", r"to\s+control", r"controlled",
    r"to\s+inhibit", r"resolv\w*", r"remission", r"respon(?:se|ded|ders?)", r"recover\w*", r"protect\w*",
    r"alleviat\w*", r"option", r"alternative", r"worthwhile", r"recommended", r"acceptable",
)
NEGATIVE = cues(
    r"disappoint\w*", r"ineffective", r"ineffectual", r"unsuccessful", r"fail(?:s|ed|ure)?", r"poor(?:ly)?",
    r"worse(?:ned)?", r"harm\w*", r"deleterious", r"detrimental", r"unfavou?rabl[ey]", r"inferior",
    r"unsatisfactory", r"discouraging", r"dismal", r"limited", r"disadvantage\w*", r"toxic", r"unacceptable",
    r"inadequate", r"insufficient", r"futile",
)
ADVERSE_POSITIVE = cues(r"rare(?:ly)?", r"uncommon", r"infrequent(?:ly)?", r"few", r"minimal", r"negligible",
                        r"well[- ]tolerated", r"safe(?:ly|ty)?", r"acceptable", r"low\s+(?:rate|incidence|frequency)",
                        r"no\s+(?:serious|major|severe|significant)", r"tolerable", r"manageable")
ADVERSE_NEGATIVE = cues(r"frequent(?:ly)?", r"poorly\s+tolerated", r"unacceptable",
                        r"high\s+(?:rate|incidence|frequency)", r"substantial", r"intolerable", r"fatal")
PRIOR_FAILURE = re.compile(r"\b(?:following|after|despite|refractory\s+to|in\s+spite\s+of)\s+(?:an?\s+|the\s+)?$",
                           re.I)


@dataclass
class Decision:
    direction: Optional[str] = None
    significant: Optional[bool] = None
    negated: bool = False
    p_value: Optional[str] = None  # id of the deciding p-value
    source: str = ""


# -- significance ----------------------------------------------------------------------------------------
def p_significant(m: Measure) -> Optional[bool]:
    if m.value is None:
        return None
    op = m.op or "="
    if op in ("<", "<=", "≤"):
        return m.value <= ALPHA
    if op in (">", ">=", "≥"):
        return False if m.value >= ALPHA else None
    return m.value < ALPHA


def ci_bounds(m: Measure) -> Optional[tuple[float, float]]:
    if m.ci_low is not None and m.ci_high is not None:
        return m.ci_low, m.ci_high
    if m.kind == "ci" and m.low is not None and m.high is not None:
        return m.low, m.high
    return None


def ci_null(m: Measure, context: str) -> Optional[float]:
    """The no-effect value of a CI: 1 for ratios, 0 for differences, None when unknown."""
    stat = (m.stat or "").lower()
    if m.kind == "ratio" or stat in RATIO_STATS:
        return 1.0
    if stat in DIFF_STATS:
        return 0.0
    bounds = ci_bounds(m)
    if bounds and bounds[0] < 0:
        return 0.0
    if re.search(r"\b(?:ratio|OR|RR|HR|IRR)\b", context[-60:]):
        return 1.0
    if re.search(r"\b(?:difference|change|MD|WMD|SMD)\b", context[-60:], re.I):
        return 0.0
    return None


def significance(measures: Sequence[Measure], text: str, offset: int) -> tuple[Optional[bool], Optional[Measure],
                                                                             str]:
    """(significant, deciding p-value, source) from p-values, then CIs, then words. ``offset`` is the
    absolute start of ``text`` (measures carry absolute offsets)."""
    for m in measures:
        if m.kind == "p_value":
            sig = p_significant(m)
            if sig is not None:
                return sig, m, "p-value"
    for m in measures:
        bounds = ci_bounds(m)
        if bounds is None:
            continue
        null = ci_null(m, text[:max(0, m.start - offset)] + m.text)
        if null is not None:
            return not (bounds[0] <= null <= bounds[1]), None, "ci"
    if NOT_SIGNIFICANT.search(text):
        return False, None, "words"
    if SIGNIFICANT.search(text):
        return True, None, "words"
    return None, None, ""


def ratio_direction(measures: Sequence[Measure], text: str, offset: int) -> Optional[str]:
    for m in measures:
        bounds = ci_bounds(m)
        value = m.value
        if bounds is None or value is None or ci_null(m, text[:max(0, m.start - offset)] + m.text) != 1.0:
            continue
        if bounds[0] > 1 or bounds[1] < 1:
            return "increase" if value > 1 else "decrease" if value < 1 else None
    return None


def arm_direction(pairs: Sequence[tuple[Measure, str]]) -> Optional[str]:
    """``pairs``: (measure, side "I"/"C"). The first I value against the first C value of the same kind."""
    i_vals = [m for m, side in pairs if side == "I" and m.value is not None]
    for mi in i_vals:
        mc = next((m for m, side in pairs if side == "C" and m.value is not None and m.kind == mi.kind), None)
        if mc is not None and mi.value != mc.value:
            return "increase" if mi.value > mc.value else "decrease"
    return None


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
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=64)]


_MODELS: dict[str, Optional[DirectionModel]] = {}


def default_model_path() -> Path:
    from ... import paths

    return paths.MODELS_DIR / "claimex-direction"


def load_model(path: Optional[Path] = None) -> Optional[DirectionModel]:
    """The direction classifier at ``path`` (default: ``models/claimex-direction``), loaded once;
    None when absent (claims then fall back to cue words)."""
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
def is_comparative(text: str, has_comparator: bool, measures: Sequence[Measure]) -> bool:
    kinds = {m.kind for m in measures}
    return bool(kinds & {"p_value", "ci", "ratio"}) or bool(COMPARATIVE.search(text)) or (
        has_comparator and bool(INCREASE.search(text) or DECREASE.search(text)))


def cue_direction(text: str, c_spans: Sequence[tuple[int, int]] = (), i_spans: Sequence[tuple[int, int]] = ()
                  ) -> tuple[Optional[str], bool]:
    """(direction, negated) from the first increase/decrease word; a word said of the comparator
    ("lower in the placebo group") or measured against the intervention ("than with X") flips."""
    hits = sorted([(m.start(), m.end(), "increase") for m in INCREASE.finditer(text)]
                  + [(m.start(), m.end(), "decrease") for m in DECREASE.finditer(text)])
    if not hits:
        return None, False
    start, end, direction = hits[0]
    if negation_scope(text, start):
        return "no_difference", True
    for a, _b in sorted(c_spans):
        if a >= end and a - end <= 60 and re.match(r"^\s*(?:\w+\s+){0,4}?(?:in|with|among|for|on)\s+(?:the\s+)?$",
                                                     text[end:a]):
            return _flip(direction), False
    for a, _b in sorted(i_spans):
        if a >= end and a - end <= 60 and re.search(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?$",
                                                     text[end:a]):
            return _flip(direction), False
    return direction, False


def _flip(direction: str) -> str:
    return {"increase": "decrease", "decrease": "increase"}.get(direction, direction)


_CLAUSE_BREAK = re.compile(r";|\.\s|,?\s+(?:whereas|but|while|although|however|except)\b", re.I)


def focus(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[int, int]:
    """The clause (bracket depth 0; split at ``;``, ``.``, "whereas", "but", ...) that holds the first
    outcome mention (else the first intervention mention); the whole text when there is none."""
    anchor = next((a for a, _b, r in sorted(spans) if r == "O"), None)
    if anchor is None:
        anchor = next((a for a, _b, r in sorted(spans) if r == "I"), None)
    if anchor is None:
        return 0, len(text)
    depth, cuts = 0, [0]
    for k, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ";.,":
            m = _CLAUSE_BREAK.match(text, k)
            if m and not (ch == "." and re.search(r"\b(?:vs|e\.g|i\.e|al|approx|resp)$", text[:k], re.I)):
                cuts.append(m.end())
    m2 = [m for m in re.finditer(r"\s(?:whereas|but|while|although|however)\b", text, re.I)]
    cuts += [m.start() for m in m2]
    cuts = sorted(set(cuts)) + [len(text)]
    for a, b in zip(cuts, cuts[1:]):
        if a <= anchor < b:
            return a, b
    return 0, len(text)


def decide_comparison(text: str, offset: int, measures: Sequence[Measure], spans: Sequence[tuple[int, int, str]],
                      arm_sides: Sequence[tuple[Measure, str]], model: Optional[DirectionModel]) -> Decision:
    """Direction of a comparison. ``text``: the sentence; ``offset``: its absolute start; ``spans``:
    local (start, end, role) of the I/C/O mentions; ``arm_sides``: (arm value, side). Significance
    and cue words are read in the clause of the outcome first (:func:`focus`), then in the sentence."""
    fa, fb = focus(text, spans)
    local = [m for m in measures if fa <= m.start - offset < fb]
    sig, p, source = significance(local, text[fa:fb], offset + fa)
    if sig is None and (fa, fb) != (0, len(text)):
        sig, p, source = significance(measures, text, offset)
    decision = Decision(significant=sig, p_value=p.id if p is not None else None, source=source)
    c_spans = [(a - fa, b - fa) for a, b, r in spans if r == "C"]
    i_spans = [(a - fa, b - fa) for a, b, r in spans if r == "I"]
    cue, negated = cue_direction(_mask(text, spans)[fa:fb], c_spans, i_spans)
    if cue is None:
        cue, negated = cue_direction(_mask(text, spans), [(a, b) for a, b, r in spans if r == "C"],
                                     [(a, b) for a, b, r in spans if r == "I"])
    decision.negated = negated
    if sig is False or (negated and sig is None):
        decision.direction = "no_difference"
        return decision
    numeric = (arm_direction(arm_sides) or ratio_direction(measures, text, offset)) if sig else None
    if numeric:
        decision.direction, decision.source = numeric, decision.source + "+numbers"
        return decision
    if model is not None:
        probs = model.predict([mark(text, spans)])[0]
        if sig:
            probs = {k: v for k, v in probs.items() if k != "no_difference"}
        decision.direction = max(probs, key=probs.get)
        decision.source = (decision.source + "+model").lstrip("+")
        return decision
    decision.direction = cue if cue != "no_difference" or sig is None else None
    decision.source = (decision.source + "+cues").lstrip("+")
    return decision


def decide_qualitative(text: str, adverse: bool) -> Decision:
    """Polarity of a single-arm or qualitative statement (``text`` with entity names masked)."""
    pos, neg = (ADVERSE_POSITIVE, ADVERSE_NEGATIVE) if adverse else (POSITIVE, NEGATIVE)
    hits = sorted([(m.start(), "positive") for m in pos.finditer(text)]
                  + [(m.start(), "negative") for m in neg.finditer(text)])
    hits = [(s, d) for s, d in hits if not PRIOR_FAILURE.search(text[max(0, s - 30):s])]
    if not hits or adverse and len({d for _, d in hits}) > 1:
        return Decision(source="polarity" if hits else "")
    start, direction = hits[0]
    if negation_scope(text, start):
        return Decision(direction="negative" if direction == "positive" else "positive", negated=True,
                        source="polarity")
    return Decision(direction=direction, source="polarity")


def _mask(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    chars = list(text)
    for a, b, _r in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)
