"""Sentence typing: which sentences become claims, and of which type.

Order of decisions (documented in ``docs/claims.md``):

1. the *zone* of the sentence: its structured-abstract section label (``Sentence.section``, or an
   inline upper-case heading such as ``RESULTS``/``IMPLICATIONS``), else the running state of an
   unstructured abstract (before any aim/methods sentence = background zone);
2. title, trial registration and funding lines: no claim (a sentence with strong result evidence under a
   funding/disclosure label is read as unlabelled: the reader missed the headings of PMC body text after it);
3. conclusion cues ("In conclusion", "These results suggest", "Further studies ... are needed"),
   or the conclusions zone: ``conclusion``;
4. aim cues ("The aim of this study was", "We sought to"): ``aim`` - unless the sentence reports
   result measures (percentages, ranges, p-values, ...), which makes it a ``finding``;
5. methods cues ("were randomized", "was measured", "primary end point") without strong result
   evidence: no claim;
6. result evidence (result measures, comparison or evaluation words): ``finding``, or
   ``adverse_effect`` when the sentence is about side effects/complications/toxicity;
7. background zone: a qualitative judgement of an outcome ("Objective response rates with systemic
   chemotherapy are disappointing") is a ``finding``; everything else is ``background``.

Result wording (strong/weak result words, result measure kinds, adverse wording) is in :mod:`.resultcues`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import SentenceView
from .concluded import CONCLUDED_RESULT, RECOMMENDS, agent_arm, observed_result, observed_trend, past_result
from .gates import Alternation, Anchored, Gated, GatedBoth, cues, prefiltered
from .hedging import hedged
from .nonresult import (
    ADMIN,
    AT_START,
    BACKGROUND_CUE,
    BASELINE,
    FLOW,
    REPORTED_WORDS,
    SAMPLE,
    defines_or_analyses,
    measured_only,
)
from .nonresult import COMPARES as _COMPARES
from .nonresult import CONTRAST as _CONTRAST
from .observed import observed_plain, seen_part
from .resultcues import (
    EVENT,
    RESULT_KINDS,
    RESULT_STRONG,
    RESULT_WEAK,
    SIGNIFICANCE,
    STRONG_KINDS,
    TEST_KINDS,
    is_adverse,
)
from .typecues import (
    EARLIER_WORK,
    HARMS,
    POWER,
    TOLERABILITY,
    ZERO_COUNT,
    attributive,
    counted_event,
    general,
    groups_alike,
    judging_tail,
    known,
    leading_passive,
    lists_methods,
    reported_apart,
    weighs_arms,
)
from .zones import Heading, section_zone, title_like

# -- cues -----------------------------------------------------------------------------------------------
CONCLUSION = Alternation([g(re.compile(r, re.IGNORECASE), keys) for g, r, keys in [  # runs gated apart
    (Anchored, r"^\W*(?:[A-Z]{4,}\s+)?(?:in\s+conclusions?|to\s+conclude|we\s+conclude|in\s+summary|to\s+summari[sz]e|"
     r"taken\s+together|in\s+sum\b|overall\s*,|these\s+(?:results|data|findings|observations)|"
     r"(?:our|the\s+present|the)\s+(?:results|data|findings|study)\s+(?:suggest|indicate|show|demonstrate|"
     r"support|confirm|provide)|this\s+(?:study|trial|work)\s+(?:shows?|showed|demonstrates?|suggests?|indicates?|"
     r"provides?|confirms?|supports?))", ("conclu", "summar", "in sum", "together", "overall", "these", "result",
                                          "data", "finding", "study", "this ", "needed", "required", "warranted",
                                          "necessary", "help", "should", "could", "recommended")),  # the old gate
    (Gated, r"\bwe\s+conclude\b", ("conclude",)),
    (Gated, r"\b(?:further|future|larger|additional|more)\s+(?:\w+\s+){0,3}(?:studies|research|trials?|"
     r"investigations?|work)\b.{0,120}\b(?:needed|required|warranted|necessary|help|beneficial|useful|valuable|"
     r"worthwhile)\b",
     ("needed", "required", "warranted", "necessary", "help", "beneficial", "useful", "valuable", "worthwhile")),
    (Gated, r"\b(?:should|could)\s+be\s+(?:considered|recommended|used|offered|preferred)\b|"
     r"\b(?:is|are)\s+recommended\b",
     ("should", "could", "recommended")),
]])
AIM = Gated(re.compile(
    r"\b(?:the\s+)?(?:main\s+|primary\s+)?(?:aims?|objectives?|purposes?|goals?)\s+(?:of\s+(?:this|the|our|"
    r"the\s+present)"
    r"\s+(?:\w+\s+){0,2}?(?:study|trial|work|investigation|paper|review|analysis)|"
    r"(?:of\s+(?:[\w-]+\s+){1,5}?)?(?:was|were|is|are)\b)"
    r"|\bwe\s+(?:aimed|sought|wanted|intended|set\s+out|wished|hypothesi[sz]e[sd]?|wondered|investigated\s+whether|"
    r"(?:therefore\s+)?(?:assessed|evaluated|examined|tested|compared|determined)\s+(?:whether|if)\b)"
    r"|\bthis\s+(?:\w+\s+){0,2}?(?:study|trial|paper|review|report)\s+(?:aims?|aimed|was\s+designed|is\s+designed|"
    r"sought|evaluates|investigates|examines|assesses|compares|describes|reports)\b"
    r"|\b(?:was|were)\s+hypothesi[sz]ed\b|\b(?:study|trial)\s+(?:investigated|examined|tested|assessed)\s+whether\b",
    re.IGNORECASE,
), ("aim", "objective", "purpose", "goal", "we ", "this ", "hypothesi", "whether"))
AIM_START = re.compile(r"^\W*to\s+(?:assess|evaluate|determine|compare|investigate|examine|test|study|explore|"
                       r"describe)\b", re.IGNORECASE)
# (gate kind, regex, its keyword sets)
_METHODS_RUNS: list[tuple[type[Gated], str, list[tuple[str, ...]]]] = [
    (Gated, r"\brandomi[sz]ed\s+(?:to|into|in|on|at)\b|\brandomly\s+(?:assigned|allocated|divided|selected)",
     [("random",)]),
    (GatedBoth, r"\bwe\s+(?:conducted|performed|studied|enrolled|recruited|randomi[sz]ed|assessed|evaluated|measured|"
     r"analy[sz]ed|examined|used|included|designed|undertook|carried\s+out|followed|treated|retrospectively|"
     r"prospectively)\b", [("we",), ("conducted", "performed", "studied", "enrolled", "recruited", "randomi",
                                     "assessed", "evaluated", "measured", "analy", "examined", "used", "included",
                                     "designed", "undertook", "carried", "followed", "treated", "retrospectively",
                                     "prospectively")]),
    (GatedBoth, r"\b(?:primary|secondary|main)\s+(?:end\s*-?\s*points?|outcomes?|efficacy)\b",
     [("primary", "secondary", "main"), ("end", "outcome", "efficacy")]),
    (Gated, r"\boutcome\s+measures?\b|\bdouble[- ]blind|\bplacebo[- ]controlled|\binclusion\s+criteria|"
     r"\bwere\s+eligible",
     [("measure", "blind", "controlled", "criteria", "eligible")]),
    (GatedBoth, r"\b(?:prospective|randomi[sz]ed|open[- ]label|multicent(?:er|re)|cross-?over|parallel[- ]group|"
     r"pilot)\s+(?:\w+\s+){0,2}(?:study|trial|design)\b",
     [("prospective", "randomi", "open", "multicent", "cross", "parallel", "pilot"), ("study", "trial", "design")]),
    (Gated, r"\bintention[- ]to[- ]treat\s+analysis\s+(?:was|were)\b", [("intention",)])]
# runs gated apart (round 9)
METHODS = Alternation([g(re.compile(r, re.IGNORECASE), *keys) for g, r, keys in _METHODS_RUNS])
#: ``\b(?:were|was)\s+([a-z]+)`` opened on its first letter (``\b`` before "w" is ``(?<!\w)``; "w" has no odd
#: IGNORECASE fold): ``re`` skips to the w's of a text (session 14, :func:`.gates.first_letter`)
_PASSIVE = Gated(re.compile(r"[wW](?<!\w.)(?i:(?:ere|as)\s+([a-z]+))"), ("were", "was"))
METHOD_PARTICIPLES = frozenset(["randomized", "randomised", "enrolled", "recruited", "included", "allocated",
                                "assigned", "divided", "studied", "selected", "screened", "followed", "evaluated",
                                "assessed", "measured", "recorded", "examined", "analyzed", "analysed", "compared",
                                "treated", "given", "administered", "asked", "instructed", "monitored", "obtained",
                                "collected", "determined", "performed", "used", "stratified", "calculated", "defined",
                                "conducted", "tested", "quantified", "scored", "registered", "interviewed",
                                "estimated", "investigated", "matched"])


_RECEIVED = Gated(re.compile(r"\b(?:received|underwent)\b", re.IGNORECASE), ("received", "underwent"))
_COMPOSED = Gated(re.compile(r"\b(?:comprised|consisted\s+of|(?:study|trial|analysis|sample)\s+included)\b",
                            re.IGNORECASE), ("comprised", "consisted", "included"))


def is_methods(text: str) -> bool:
    """A methods cue: "were randomized", "was measured", "primary end point", "double-blind", "received",
    "underwent", "the study comprised" ... Not a passive inside a leading subordinate clause ("When side effects
    were investigated nausea was observed") nor a design participle that modifies a noun ("among 5,637 randomly
    assigned patients"; :mod:`.typecues`)."""
    scene = leading_passive(text)
    if any(m.group(1).lower() in METHOD_PARTICIPLES for m in _PASSIVE.finditer(text)
           if m.group(1).lower() != scene):
        return True
    if _COMPOSED.search(text) or _RECEIVED.search(text) and not EVENT.search(text):
        return True  # but "received IFRT and achieved a CR" reports a result
    m = METHODS.search(text)
    return m is not None and not (attributive(text) and METHODS.pattern.search(text, m.end()) is None
                                  and _ATTRIBUTIVE_CUE.fullmatch(m.group(0)) is not None)


_ATTRIBUTIVE_CUE = re.compile(r"randomly\s+(?:assigned|allocated|divided|selected)", re.IGNORECASE)


def methods_cue(view: SentenceView) -> bool:
    """:func:`is_methods` of the sentence, asked once (typing and the intervention context both ask)."""
    if "methods" not in view._cache:
        view._cache["methods"] = is_methods(view.text)
    return view._cache["methods"]


# evaluation words that turn a background-zone sentence about an outcome into a finding
EVALUATIVE = prefiltered(cues(
    r"disappointing", r"promising", r"encouraging", r"poor", r"excellent", r"effective", r"ineffective",
    r"efficacious", r"beneficial", r"successful", r"unsuccessful", r"unsatisfactory", r"satisfactory",
    r"favou?rable", r"unfavou?rable", r"improved?", r"worse", r"better", r"superior", r"inferior", r"limited",
    r"modest", r"low", r"high", r"rare", r"dismal",
))

# -- sentences that report no result of the study: cues in :mod:`.nonresult` --------------------------------


def reports_nothing(view: SentenceView) -> bool:
    """Registration, funding and captions; a baseline comparison; an enrolment/flow sentence without strong
    result evidence (p-value, CI, ratio, mean ± SD or comparison words outside the flow words)."""
    text = view.text
    admin = ADMIN.search(text)
    if admin and not _glued_result(text, admin.start()):
        return True
    if (BASELINE.search(text) or groups_alike(text)) and not _CONTRAST.search(text) or POWER.search(text):
        return True
    if SAMPLE.found(text) and not _COMPARES.search(text) and not any(m.kind in TEST_KINDS for m in view.measures):
        return True
    if defines_or_analyses(view.text, view.measures, RESULT_KINDS) or measured_only(text, view.measures, RESULT_KINDS):
        return True
    if FLOW.found(text):
        kinds = {m.kind for m in view.measures}
        if kinds & STRONG_KINDS - {"ratio"}:  # a ratio alone is an allocation ratio or a dose's
            return False
        rest = FLOW.pattern.sub(" ", view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION"))
        return not RESULT_STRONG.found(rest) and not _COMPARES.search(rest)
    return False


_STOP = re.compile(r"[.;]\s+\S*\s*$")


def _glued_result(text: str, at: int) -> bool:
    """A registry glued after a result sentence ("... compared with physician's choice. clinicaltrials.gov
    identifier: NCT01234567"): the sentence before the stop reports."""
    return at > 0 and _STOP.search(text, 0, at) is not None and RESULT_STRONG.search(text[:at]) is not None


@dataclass
class TypingState:
    """Running state over one abstract (unstructured abstracts have no section labels)."""

    design_seen: bool = False  # an aim or methods sentence was seen
    # the zone of the latest heading inside a reader section ("MEASUREMENTS AND MAIN RESULTS The two groups ...",
    # "Results."), with that section: it holds for the next sentences of the same section
    heading: Heading | None = None
    results_seen: bool = False
    tagged: bool = True  # the record has PICO entities (False: no tagger ran; word lists stand in)


#: a Results sentence that opens with values at the start of treatment
BASAL = re.compile(r"\W*(?:at\s+(?:baseline|entry|admission|enrol\w*|inclusion|randomi[sz]ation)|pre-?operatively|"
                   r"before\s+(?:treatment|surgery|randomi[sz]ation)|(?:the\s+)?(?:mean\s+|median\s+|average\s+)?"
                   r"(?:basal|baseline|pre-?treatment|pre-?operative))\b", re.IGNORECASE)
CHANGE = re.compile(r"\b(?:increas\w*|decreas\w*|reduc\w*|improv\w*|after|follow\w*|chang\w*|rose|fell|"
                    r"declin\w*|compared)\b", re.IGNORECASE)
_THRESHOLD = Gated(re.compile(r"\b(?:more|less|greater|fewer|higher|lower|longer|shorter)\s+than\s+"
                              r"(?=[\d<>≥≤]|one\b|two\b)", re.IGNORECASE), ("than",))


def _compares(view: SentenceView) -> bool:
    """Comparison or significance words outside entity names, or two result numbers compared."""
    text = _THRESHOLD.sub(" ", view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION"))
    return RESULT_STRONG.found(text) or (
        sum(m.kind in RESULT_KINDS for m in view.measures) >= 2 and bool(_COMPARES.search(text)))


def states_result(view: SentenceView, tagged: bool = True) -> bool:
    """A conclusion sentence that states an observed result of the study for a named outcome (not hedged, no
    recommendation): comparison, significance or change words outside entity names."""
    if tagged and not view.label("OUTCOME"):
        return False
    if tagged and observed_result(view):  # a past-tense result no hedge reaches (.concluded)
        return True
    core = judging_tail(view.text)
    seen = seen_part(core)  # session 16: ", suggesting that X may ..." interprets, it does not hedge the result
    if hedged(observed_trend(seen)) or RECOMMENDS.search(core):
        return False
    text = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
    text = text[:len(seen)] if len(seen) < len(core) else text  # result words of the interpreting clause do not count
    return RESULT_STRONG.found(_THRESHOLD.sub(" ", text)) or bool(CONCLUDED_RESULT.search(text)) or (
        tagged and past_result(view))


def result_strength(view: SentenceView) -> int:
    """2: p-values, CIs, ratios, mean±SD or comparison/significance words; 1: result measures or result
    verbs/evaluations; 0: none. Words inside entity names do not count."""
    kinds = {m.kind for m in view.measures}
    text = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
    if kinds & STRONG_KINDS or RESULT_STRONG.found(_THRESHOLD.sub(" ", text)):
        return 2
    if sum(m.kind in RESULT_KINDS for m in view.measures) >= 2 and _COMPARES.search(text):
        return 2  # "12% ... versus 20%": two numbers compared
    if kinds & RESULT_KINDS or RESULT_WEAK.search(text) or agent_arm(view, METHOD_PARTICIPLES):
        return 1
    whole = view.text
    if ZERO_COUNT.search(whole) and not hedged(whole) or TOLERABILITY.search(whole) and HARMS.search(whole):
        return 1  # "There was no case of X"; "Adverse events were generally low grade and manageable"
    return 0


def _strength(view: SentenceView) -> int:
    """:func:`result_strength` of the sentence, made once and only where a typing rule asks for it (session 13: a
    sentence typed before that - a conclusion, an aim, no result - is not scanned for result words)."""
    if "strength" not in view._cache:
        view._cache["strength"] = result_strength(view)
    return view._cache["strength"]


_NONE = re.compile(r"\W*(?:no|none\s+of\s+the)\s+", re.IGNORECASE)


def _none_of_outcome(view: SentenceView) -> bool:
    """A Results sentence that opens with "No" and an OUTCOME reports a count of zero ("No retreatments were
    performed"), whatever its methods words."""
    m = _NONE.match(view.text)
    return m is not None and any(view.local(o)[0] == m.end() for o in view.label("OUTCOME"))


#: back-matter section labels (funding, disclosures) that hold no results of their own
_BACK_MATTER = re.compile(r"FUNDING|SPONSOR|DISCLOSURE|CONFLICT", re.IGNORECASE)


def classify(view: SentenceView, state: TypingState) -> str | None:
    """The claim type of ``view`` (None: the sentence yields no claim). Updates ``state``. The title of an
    abstract without section labels (and a design phrase standing alone after it) is no aim or methods sentence:
    the background zone goes on after it."""
    seen = state.design_seen, state.results_seen
    ctype = _classify(view, state)
    if title_like(view.text, view.section, view.index):
        state.design_seen, state.results_seen = seen
    return ctype


def _classify(view: SentenceView, state: TypingState) -> str | None:
    zone, state.heading = section_zone(view.text, view.section, state.heading)
    if zone == "heading":
        return None
    if zone == "skip" and _strength(view) == 2 and _BACK_MATTER.search(view.section or "") and not ADMIN.found(
            view.text):
        zone = None  # a result under a back-matter label: the reader missed the headings after it (PMC body text)
    if zone == "skip" or view.index == 0 and (view.section or "").upper() == "TITLE":
        return None
    reports = any(m.kind in RESULT_KINDS for m in view.measures)
    if zone == "conclusion" or (zone in (None, "background") and CONCLUSION.search(view.text)):
        if states_result(view, state.tagged):
            return "adverse_effect" if is_adverse(view) else "finding"
        return "conclusion"
    if zone != "aim" and reports_nothing(view) and not (zone == "results" and _none_of_outcome(view)):
        state.design_seen = True
        return None
    if (BASAL.match(view.text) or AT_START.search(view.text)) and not CHANGE.search(view.masked("OUTCOME")):
        return None  # values at the start of treatment ("Mean basal ammonia was 27 ... in TIPS patients")
    if zone in (None, "background", "aim") and (AIM.search(view.text) or AIM_START.match(view.text)) or zone == "aim":
        state.design_seen = True
        infinitive = zone != "aim" and AIM_START.match(view.text)  # "To compare ... (BMI of 28-35 kg/m2)": an aim
        return "finding" if reports and not infinitive and reported_apart(view, RESULT_KINDS) else "aim"
    if zone != "results" and not _background(zone, state) and lists_methods(view.text) and not reports:
        state.design_seen = True
        return None  # "We evaluated A, B and C ...", "A, B and C were noted."
    methods = methods_cue(view) and not (zone == "results" and _none_of_outcome(view))
    if zone == "methods" or methods:
        state.design_seen = True
        tested = any(m.kind in TEST_KINDS for m in view.measures)
        if _strength(view) < 2 or not tested and (zone == "methods" or not _compares(view)) or (
                zone != "results" and not reports and not REPORTED_WORDS.search(view.text)):  # session 11
            return None  # a methods sentence's mean ± SD describes the sample; a test or a comparison reports
    if _background(zone, state):
        if BACKGROUND_CUE.search(view.text) or EARLIER_WORK.search(view.text) and not view.measures:
            return "background"
        tested = any(m.kind in TEST_KINDS for m in view.measures)
        if _strength(view) == 2 and (zone is None and (reports or SIGNIFICANCE.search(view.text)
                                                        and not general(view.text)) or tested):  # results
            state.results_seen = zone is None or state.results_seen
            return "adverse_effect" if is_adverse(view) else "finding"
        if zone is None and _judges_outcome(view, state.tagged) and not (known(view.text)
                                                                         and not weighs_arms(view.text)):
            # a verdict ("... are disappointing"); one that other work reached is background unless it weighs two arms
            # ("studies have shown that LMWHs are as effective as unfractionated heparin": Evidence Inference asks it)
            return "adverse_effect" if is_adverse(view) else "finding"
        return "background"
    if _strength(view) >= 1 or zone == "results" and (view.label("OUTCOME") or EVENT.search(view.text)) or (
            zone is None and state.design_seen and (counted_event(view.text, view.measures)
                                                    or observed_plain(view))):  # session 16 (.observed)
        state.results_seen = True
        return "adverse_effect" if is_adverse(view) else "finding"
    return None


def _background(zone: str | None, state: TypingState) -> bool:
    """The background zone: its section, or an unlabelled abstract before any aim, methods or result sentence."""
    return zone == "background" or zone is None and not state.design_seen and not state.results_seen


OUTCOME_WORDS = re.compile(r"\b(?:rates?|responses?|survival|mortality|efficacy|outcomes?|results?|remission|"
                           r"recurrence|relapse|control)\b", re.IGNORECASE)
TREATMENT_WORDS = re.compile(r"\b(?:\w*therapy|treatments?|surgery|resection|drugs?|\w*embolization|"
                             r"transplant\w*|radiation|vaccin\w+|regimens?)\b", re.IGNORECASE)


def _judges_outcome(view: SentenceView, tagged: bool = True) -> bool:
    """A qualitative verdict on an outcome of an intervention ("response rates with X are disappointing").
    Without PICO entities (no tagger), outcome and treatment words stand in for them."""
    if not tagged:
        return bool(OUTCOME_WORDS.search(view.text) and TREATMENT_WORDS.search(view.text)
                    and EVALUATIVE.search(view.text))
    if not view.label("OUTCOME") or not (view.label("INTERVENTION", "COMPARATOR") or view.measures):
        return False
    if hedged(view.text):
        return False  # "Unhealthy diets, often low in potassium, likely contribute to ...": a belief, no verdict
    return bool(EVALUATIVE.search(view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")))
