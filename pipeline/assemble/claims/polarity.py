"""Cue words for direction: comparisons (increase / decrease relative to the intervention) and
single-arm judgements (positive / negative).

**Comparison cues** (:func:`cue_direction`), read in one clause with the entity names masked:

* the cue nearest to an outcome mention wins (else the first); "greater reduction", "less increase",
  "smaller decline" combine into one cue (the signs multiply);
* "improve(d/ment)", "better", "superior", "benefit" / "worse", "poorer", "inferior" mean a *decrease*
  of a harmful outcome (pain, symptoms, mortality, relapse, adverse events, length of stay, ... - the
  :data:`.harms.HARMFUL` words) and an *increase* otherwise;
* quantifier uses ("one or more", "more than 50%") are not cues;
* the **subject** of the cue is the arm mention nearest to it that is not introduced by "than",
  "compared with", "versus", "relative to", "in comparison with", "over"; a cue said of the comparator
  ("lower in the placebo group", "Compared with X, placebo had higher"; "outperformed those receiving
  placebo" names the reference) is flipped, and so is one whose
  only arm is the intervention as the reference ("higher than with X");
* a negation scoping over the cue ("did not reduce") gives ``no_difference`` and ``negated``;
* a change in **both arms** ("decreased significantly in both groups") without a between-arm
  comparison is ``no_difference``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .gates import EndCue, Gated, cues, first_letter, prefiltered
from .harms import harmful
from .hedging import negation_scope

Span = tuple[int, int, str]

INCREASE = prefiltered(cues(
    r"increas\w*", r"higher", r"greater", r"more", r"larger", r"longer", r"elevat\w*", r"rise", r"rises", r"rose",
    r"raised", r"augment\w*", r"enhanc\w*", r"gain(?:ed|s)?", r"exceed\w*", r"prolong\w*", r"boost\w*",
    r"doubl\w*", r"tripl\w*", r"extended", r"accelerat\w*", r"up-?regulat\w*", r"bigger", r"lengthen\w*",
))
DECREASE = cues(
    r"decreas\w*", r"lower(?:ed|ing)?", r"less", r"lesser", r"fewer", r"smaller", r"shorter", r"shortened", r"reduc\w*",
    r"declin\w*", r"fell", r"fall", r"falls", r"dropp?\w*", r"diminish\w*", r"attenuat\w*", r"inhibit\w*",
    r"suppress\w*", r"prevent\w*", r"abolish\w*", r"halved", r"down-?regulat\w*", r"delay\w*", r"slow\w*",
    r"lessen\w*", r"minimi[sz]\w*", r"cut", r"lowest", r"decline", r"earlier", r"sooner",
)
BETTER = prefiltered(
    cues(r"improv\w*", r"better", r"superior", r"outperform\w*", r"benefit\w*", r"beneficial", r"more\s+effective",
         r"greater\s+efficacy", r"favou?r(?:ed|s|ing)?", r"relie(?:f|ved?)", r"alleviat\w*", r"ameliorat\w*"))
WORSE = prefiltered(
    cues(r"worse(?:ned|ning)?", r"poorer", r"inferior", r"deteriorat\w*", r"aggravat\w*", r"less\s+effective"))
COMPARATIVE_WORDS = re.compile(r"^(?:greater|larger|more|less|lesser|smaller|fewer|bigger|higher|lower)$",
                               re.IGNORECASE)
NOT_A_CUE = Gated(re.compile(r"(?:\b(?:or|and|no|not)\s+(?:more|less)\b|\b(?:more|less)\s+than\s+(?=[\d<>≥≤])|"
                             # the delayed phase of nausea and vomiting, named, not a delay ("in the delayed period")
                             r"\bdelayed(?=[\s-]+(?:phases?|periods?|emesis|nausea|vomiting|CINV|PONV)\b)|"
                             r"\b(?:acute|early)\s+(?:and|or|and/or)\s+delayed\b)",
                             re.IGNORECASE), ("more", "less", "delayed"))
#: a part of the body, not a change ("increasing lower body force production", "lower limb", "upper GI");
#: read on the unmasked sentence (the outcome after it is blanked there), see :func:`anatomy`
ANATOMY = Gated(re.compile(r"\b(?:lower|upper|higher)(?=\s+(?:body|limbs?|extremit\w+|back|legs?|abdomen|abdominal|"
                           r"urinary|respiratory|gastrointestinal|GI|airways?|jaw|lip|eyelid|quadrant|pole|cortical)\b)",
                           re.IGNORECASE), ("lower", "upper", "higher"))


#: result words at the edge of an outcome span the tagger took in ("poorer left ventricular function",
#: "higher OLP", "weight decrease", "Numerical reductions", "improvements"): the sentence's cue, not the name
_LEAD_CUE = re.compile(r"^(?:(?:numerical|significant|statistically|greater|larger|smaller|more|less|fewer|higher|"
                       r"lower|poorer|better|worse|longer|shorter|increased|decreased|reduced|improved|elevated)\s+)+",
                       re.IGNORECASE)
_TRAIL_CUE = re.compile(r"(?<!\w)(?:increases?|decreases?|reductions?|declines?)$", re.IGNORECASE)
#: a span that is a result word alone ("improvements", "Numerical reductions"); "clinical improvement",
#: "weight gain" name outcomes
_ONLY_CUE = re.compile(r"(?:improvements?|reductions?|increases?|decreases?|declines?)", re.IGNORECASE)


def cue_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the outcome span ``text[start:end]`` that names the outcome, without leading comparative or
    change words and a trailing change noun (:data:`_LEAD_CUE`, :data:`_TRAIL_CUE`); ``(start, start)`` when
    the span is result words only ("improvements"). The cue reader blanks only this part."""
    span = text[start:end]
    if _ONLY_CUE.fullmatch(span):
        return start, start
    lead = _LEAD_CUE.match(span + " ")
    a = start + min(lead.end(), len(span)) if lead else start
    trail = _TRAIL_CUE.search(text, a, end) if a < end else None
    b = trail.start() if trail else end
    return (a, b) if _WORD_CHAR.search(text[a:b]) else (start, start)


_WORD_CHAR = re.compile(r"\w")
_PAIR_BREAK = re.compile(r"[,;()]|\b(?:and|or|but)\b")  # a conjunction or clause mark between two cues


_OWN_CUE_STOP = re.compile(r".*(?:[,;()\[\]]|\band\b|\bor\b)", re.DOTALL | re.IGNORECASE)


def own_cue(text: str, start: int, end: int) -> int | None:
    """Sign (+1 / -1) of the change or comparison word said of one outcome mention ``text[start:end]`` alone: in
    the words right before it, back to the last comma, bracket, "and" or "or" ("higher levels of IL-2", "and
    reduces opioid requirement"), or at the start of the span itself ("lower levels of cortisol"); None when
    there is none. ``text``: the sentence with the arms' names masked. The raw sign: "better" is +1 here."""
    a, _b = cue_edges(text, start, end)
    window = text[max(0, start - 40):start]
    stop = _OWN_CUE_STOP.match(window)
    words = (window[stop.end():] if stop else window) + " " + text[start:a]
    hits = _hits(words, harmful=False)
    return hits[-1][2] if hits else None


@lru_cache(maxsize=4096)
def anatomy(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of "lower"/"upper"/"higher" naming a part of the body (to blank before reading cues). Cached: a
    sentence is read for them once per claim."""
    return tuple((m.start(), m.end()) for m in ANATOMY.finditer(text))


#: the words before a reference arm ("than", "compared with the", "but not in"), searched backwards
#: (:class:`.base.EndCue`: ``REFERENCE.pattern`` read from the end)
REFERENCE = EndCue(
    re.compile(r"(?:(?:than|compared\s+(?:with|to)|comparison\s+(?:with|to)|versus|vs\.?|relative\s+to|over|"
    r"against|(?:differ\w*|different|distinct|apart|away)\s+from|outperform\w*|"
    r"(?:superior|inferior)\s+to)\s+(?:(?:that|those)\s+(?:of|in|with|for)\s+)?"
    r"(?:in\s+|with\s+|for\s+|among\s+)?"
    r"(?:the\s+|those\s+|patients\s+|subjects\s+|participants\s+)?(?:\w+\s+|\([^()]{1,20}\)\s+){0,4}|"
    r",?\s*(?:but|and)\s+not\s+(?:with\s+|in\s+|the\s+)?)$", re.IGNORECASE),
    re.compile(r"(?:(?:\s+\w+|\s+\)[^()]{1,20}\(){0,4}(?:\s+eht|\s+esoht|\s+stneitap|\s+stcejbus|\s+stnapicitrap)?"
               r"(?:\s+ni|\s+htiw|\s+rof|\s+gnoma)?(?:\s+(?:fo|ni|htiw|rof)\s+(?:taht|esoht))?\s+"
               r"(?:naht|(?:htiw|ot)\s+derapmoc|(?:htiw|ot)\s+nosirapmoc|susrev|\.?sv|ot\s+evitaler|revo|tsniaga|"
               r"morf\s+(?:\w*reffid|tnereffid|tcnitsid|trapa|yawa)|\w*mrofreptuo|ot\s+(?:roirepus|roirefni))|"
               r"(?:\s+htiw|\s+ni|\s+eht)?\s+ton\s+(?:tub|dna)\s*,?)", re.IGNORECASE))
#: the reference arm after its value: "compared with 2.6 ± 2.9 times per week in the placebo group", "vs 5.9% with
#: placebo" (no clause break between the comparison word and the arm)
REFERENCE_VALUE = re.compile(r"\b(?:than|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?)\s+"
                             r"[^,;()\[\]]{0,30}?\d[^,;()\[\]]{0,30}?\s(?:in|with|for|among|on)\s+(?:the\s+)?"
                             r"(?:\w+\s+){0,2}$", re.IGNORECASE)
#: ``\b(?:...)\b`` over the alternatives below (the last one, "irrespective|regardless of ...", cut in two), opened on
#: their first letters (:func:`.gates.first_letter`, session 14; the gate's "all" opens it on most sentences)
_BOTH_ARMS_WORDS = (
    r"in\s+both\s+(?:the\s+)?(?:\S+\s+){0,4}?(?:groups?|arms?|treatments?|regimens?|sexes)\b",
    r"in\s+both\b(?=\s*(?:[,.;)]|$))", r"both\s+(?:groups?|arms?|treatments?|regimens?|conditions?|cohorts?)",
    r"in\s+(?:all|each|either)\s+(?:\w+\s+)?(?:groups?|arms?|treatments?)", r"all\s+(?:treatment\s+)?groups?",
    r"irrespective\s+of\s+(?:the\s+)?(?:treatment\s+|study\s+)?(?:groups?|arms?|allocation|assignment|treatment|"
    r"randomi[sz]ation)",
    r"regardless\s+of\s+(?:the\s+)?(?:treatment\s+|study\s+)?(?:groups?|arms?|allocation|assignment|treatment|"
    r"randomi[sz]ation)")
BOTH_ARMS = Gated(first_letter(_BOTH_ARMS_WORDS, r"\w", r"\b"),
                  ("both", "all", "each", "either", "irrespective", "regardless"))


@lru_cache(maxsize=4096)
def _hits(text: str, harmful: bool) -> tuple[tuple[int, int, int], ...]:
    """(start, end, sign) of direction cues; compounds merged, quantifiers dropped. Cached: a sentence's masked
    text is read once per claim group and per comparison rule (10,303 calls of 7,239 distinct texts in a pass
    over ``bench/identity.py``'s records)."""
    raw: list[tuple[int, int, int, str]] = []
    for pattern, sign, kind in ((INCREASE, 1, "q"), (DECREASE, -1, "q"), (BETTER, 1, "v"), (WORSE, -1, "v")):
        for m in pattern.finditer(text):
            raw.append((m.start(), m.end(), sign, kind))
    drop = [(m.start(), m.end()) for m in NOT_A_CUE.finditer(text)]
    raw = [h for h in raw if not any(a <= h[0] < b for a, b in drop)]
    raw.sort()
    # a longer valence phrase ("more effective") replaces the plain cue inside it
    raw = [h for h in raw if not any(o is not h and o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                     for o in raw)]
    out: list[tuple[int, int, int]] = []
    k = 0
    while k < len(raw):
        start, end, sign, kind = raw[k]
        if kind == "v" and harmful:
            sign = -sign
        nxt = raw[k + 1] if k + 1 < len(raw) else None
        # a comparative next to a change word: "greater reduction", "reduced more", "less increase"
        # (not across a conjunction: "lower and longer" are two cues)
        if nxt and nxt[0] - end <= 14 and not _PAIR_BREAK.search(text[end:nxt[0]]) and (
                bool(COMPARATIVE_WORDS.match(text[start:end])) != bool(COMPARATIVE_WORDS.match(text[nxt[0]:nxt[1]]))):
            nsign = -nxt[2] if nxt[3] == "v" and harmful else nxt[2]
            out.append((start, nxt[1], sign * nsign))
            k += 2
            continue
        out.append((start, end, sign))
        k += 1
    return tuple(out)


def outcome_cue(text: str, spans: Sequence[Span], outcome_text: str = "",
                others: Sequence[tuple[int, int]] = ()) -> tuple[int, int, int] | None:
    """The change cue (start, end, sign) a comparison clause says of its outcome, as :func:`cue_direction` reads it:
    the cue nearest the first OUTCOME span, leaving out a cue after it that goes with another outcome of the
    sentence (``others``); the first cue where no outcome is tagged; None when there is no cue."""
    hits = _hits(text, harmful(outcome_text))
    if not hits:
        return None
    outcomes = sorted((a, b) for a, b, r in spans if r == "O")
    if not outcomes:
        return hits[0]
    a, b = outcomes[0]
    own = [h for h in hits if h[0] < b or not any(0 <= x - h[1] <= 25 for x, _ in others)] or hits
    return min(own, key=lambda h: h[0] - b if h[0] >= b else a - h[1] + 0.5)


def cue_direction(text: str, spans: Sequence[Span], outcome_text: str = "",
                  others: Sequence[tuple[int, int]] = ()) -> tuple[str | None, bool]:
    """(direction, negated) of a comparison clause. ``text``: the clause with entity names masked;
    ``spans``: (start, end, role I/C/O) local to ``text``; ``outcome_text``: the outcome's words (for
    the harmful-outcome reading of "improved"); ``others``: local spans of the sentence's other outcomes
    (claims of their own): a cue after the outcome that goes with a later one ("reduced A by 9.0%, and
    increased B") is not this outcome's."""
    hit = outcome_cue(text, spans, outcome_text, others)
    if hit is None:
        return None, False
    start, end, sign = hit
    if negation_scope(text, start):
        return "no_difference", True
    arms = [(a, b, r) for a, b, r in spans if r in ("I", "C")]
    if both_arms_change(text):
        return "no_difference", False
    side = _subject_side(text, arms, start, end)
    direction = "increase" if sign > 0 else "decrease"
    if side == "C":
        direction = "decrease" if sign > 0 else "increase"
    return direction, False


def change_of(text: str, outcome_text: str = "") -> str | None:
    """"increase" / "decrease" of the outcome said by the first change cue of ``text`` (entity names
    masked; "improved" of a harmful outcome is a decrease), regardless of arms; None when there is none
    or a negation scopes over it."""
    hits = _hits(text, harmful(outcome_text))
    if not hits or negation_scope(text, hits[0][0]):
        return None
    return "increase" if hits[0][2] > 0 else "decrease"


_CHANGE_NOUN = re.compile(r"\b(?P<cue>[A-Za-z]+)\s+(?:in|of)\s+(?P<rest>\S.*)$", re.IGNORECASE)


def outcome_change(outcome_text: str) -> str | None:
    """"increase" / "decrease" said by a valence noun heading the outcome's own name ("Median improvement
    in FVC", "alleviation of their symptoms"), read of the measure after "in"/"of" (improvement of a
    harmful measure is a decrease); None otherwise. Plain change nouns ("reduction in pain", "CVD event
    reduction") are left alone: the outcome may be the change itself (a greater reduction = increase)."""
    m = _CHANGE_NOUN.search(outcome_text)
    if m is None or not (BETTER.fullmatch(m.group("cue")) or WORSE.fullmatch(m.group("cue"))):
        return None
    hits = _hits(m.group("cue"), harmful(m.group("rest")))
    return None if len(hits) != 1 else "increase" if hits[0][2] > 0 else "decrease"


_BRACKET_CHAR = re.compile(r"[()\[\]{}]")


def _depth(text: str, pos: int) -> int:
    """Bracket depth at ``pos`` (a closing bracket at depth 0 counts nothing); only the bracket characters are
    visited, and none when no bracket opens before ``pos``."""
    head = text[:pos]
    if "(" not in head and "[" not in head and "{" not in head:
        return 0
    depth = 0
    for m in _BRACKET_CHAR.finditer(head):
        depth += 1 if m.group() in "([{" else -1 if depth else 0
    return depth


#: the next arm of a list after a reference arm ("superior to both conventional instruments ( p < 0.001 ) and
#: laparoscopic instruments", "than placebo or usual care"): a reference too
_COORDINATED = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:and|or|&)\s+(?:to\s+|with\s+|in\s+|the\s+)*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _reference_before(text: str, at: int) -> bool:
    """Do the words before ``text[at:]`` introduce a reference arm (:data:`REFERENCE`, :data:`REFERENCE_VALUE`)?
    Cached: each claim of a sentence asks of the same arm mentions (session 14: 3,006 calls of 2,022 distinct
    windows in a pass over ``bench/identity.py``'s records)."""
    return bool(REFERENCE.search(text[max(0, at - 40):at]) or REFERENCE_VALUE.search(text[max(0, at - 90):at]))


def _subject_side(text: str, arms: Sequence[Span], start: int, end: int) -> str | None:
    """Side whose value the cue describes: "I", "C" or None (unknown: read as I). Arm mentions at the
    cue's bracket depth come first: "(13 days in cases vs. 107 days in controls) were significantly less"
    says nothing of the bracketed arms' roles."""
    level = _depth(text, start)
    arms = [s for s in arms if _depth(text, s[0]) == level] or list(arms)
    subjects: list[Span] = []
    references: list[Span] = []
    last_ref = None
    for a, b, role in sorted(arms):
        ref = _reference_before(text, a) or (last_ref is not None and _COORDINATED.match(text[last_ref:a]))
        (references if ref else subjects).append((a, b, role))
        last_ref = b if ref else None
    if references and subjects and {r for *_, r in subjects} == {r for *_, r in references} == {"C"}:
        # every mention is on the comparator side ("Less time ... during the Sensor On arm than in the Sensor
        # Off arm" with both tagged as comparators): the reference word is the firmer evidence
        subjects = []
    if subjects:
        nearest = min(subjects, key=lambda s: abs(s[0] - start) if s[0] >= end else abs(start - s[1]))
        return nearest[2]
    if references:
        return "C" if references[0][2] == "I" else "I"
    return None


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def both_arms_change(text: str) -> bool:
    """A change reported within every arm ("decreased in both groups") and no between-arm comparison. Cached: asked
    of one masked sentence by several rules (session 13: the docstring said so, the cache was not there; 4,964 of
    12,955 calls in a pass over ``bench/identity.py``'s records are of a text asked before)."""
    return bool(BOTH_ARMS.search(text)) and not re.search(r"\b(?:than|compared|versus|vs\.?|between|greater|"
                                                          r"more|less|higher|lower)\b", text, re.IGNORECASE)


# -- single-arm / qualitative judgements ----------------------------------------------------------------
POSITIVE = prefiltered(cues(
    r"improv\w*", r"effective(?:ly|ness)?", r"efficacious", r"efficacy", r"benefit\w*", r"beneficial",
    r"attractive", r"promising", r"favou?rabl[ey]", r"successful(?:ly)?", r"success", r"safe(?:ly|ty)?",
    r"well[- ]tolerated", r"useful", r"feasible", r"superior", r"excellent", r"good", r"satisfactory",
    r"encouraging", r"valuable", r"advantage\w*", r"relie(?:f|ved?)", r"to\s+control", r"controlled",
    r"to\s+inhibit", r"resolv\w*", r"remission", r"responded", r"recover\w*", r"protect\w*",
    r"alleviat\w*", r"option", r"alternative", r"worthwhile", r"recommended", r"acceptable",
    r"positive\s+(?:effects?|impacts?|influences?)",
))
NEGATIVE = prefiltered(cues(
    r"disappoint\w*", r"ineffective", r"ineffectual", r"unsuccessful", r"fail(?:s|ed|ure)?", r"poor(?:ly)?",
    r"worse(?:ned)?", r"harm\w*", r"deleterious", r"detrimental", r"unfavou?rabl[ey]", r"inferior",
    r"unsatisfactory", r"discouraging", r"dismal", r"limited", r"disadvantage\w*", r"toxic", r"unacceptable",
    r"inadequate", r"insufficient", r"futile", r"negative\s+(?:effects?|impacts?|influences?)",
))
ADVERSE_POSITIVE = cues(r"rare(?:ly)?", r"uncommon", r"infrequent(?:ly)?", r"few", r"minimal", r"negligible",
                        r"well[- ]tolerated", r"safe(?:ly|ty)?", r"acceptable", r"low\s+(?:rate|incidence|frequency)",
                        r"no\s+(?:serious|major|severe|significant)", r"tolerable", r"manageable")
ADVERSE_NEGATIVE = cues(r"frequent(?:ly)?", r"poorly\s+tolerated", r"unacceptable",
                        r"high\s+(?:rate|incidence|frequency)", r"substantial", r"intolerable", r"fatal")
PRIOR_FAILURE = re.compile(r"\b(?:following|after|despite|refractory\s+to|in\s+spite\s+of)\s+(?:an?\s+|the\s+)?$",
                           re.IGNORECASE)


@lru_cache(maxsize=4096)
def polarity(text: str, adverse: bool) -> tuple[str | None, bool]:
    """(positive/negative/None, negated) of a single-arm or qualitative statement (entity names masked).
    The first cue wins; cues describing an earlier failed treatment ("following unsuccessful X") are
    skipped; adverse-effect statements with cues of both kinds get None. Cached (session 14: 2,083 calls of
    1,464 distinct texts in a pass over ``bench/identity.py``'s records)."""
    pos, neg = (ADVERSE_POSITIVE, ADVERSE_NEGATIVE) if adverse else (POSITIVE, NEGATIVE)
    hits = sorted([(m.start(), "positive") for m in pos.finditer(text)]
                  + [(m.start(), "negative") for m in neg.finditer(text)])
    hits = [(s, d) for s, d in hits if not PRIOR_FAILURE.search(text[max(0, s - 30):s])]
    if not hits or adverse and len({d for _, d in hits}) > 1:
        return None, False
    start, direction = hits[0]
    if negation_scope(text, start):
        return ("negative" if direction == "positive" else "positive"), True
    return direction, False
