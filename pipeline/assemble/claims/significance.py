"""Significance of a claim (``Claim.significant``), first that applies:

1. a p-value of the claim: ``p < 0.05`` (or ``p <= 0.05`` written with ``<``) -> significant, else not;
   a p-value in a baseline clause ("before intervention ... (P = 0.838), and ... after intervention
   (P < 0.001)") only when there is no other;
2. a confidence interval: a ratio's (OR/RR/HR/IRR ..., or an estimate whose CI lies on both sides of 1
   while positive) excluding 1, a difference's excluding 0 -> significant; including -> not;
3. words: "significant(ly)" -> significant; :data:`NOT_SIGNIFICANT` ("no significant difference", "did not
   differ", "similar", "had no effect on", "did not affect", a trend ...) -> not significant; a
   no-difference adjective of another noun ("with comparable recovery profile") is not read.

Also the phrases that set a no-difference statement aside in a comparison (:data:`SIMILAR_THEN_THAN`,
:data:`BETWEEN_NULL` with :data:`WITHIN_CHANGE`) and :data:`BETWEEN_GROUPS`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .gates import Alternation, DigitsAround, Gated, cues, prefiltered
from .plain import MeasureLike
from .polarity import BOTH_ARMS, both_arms_change

ALPHA = 0.05
RATIO_STATS = frozenset({"or", "rr", "hr", "irr", "ratio", "odds ratio", "hazard ratio", "relative risk",
                         "risk ratio", "rate ratio", "aor", "ahr", "sir", "smr", "gmr"})
DIFF_STATS = frozenset({"md", "wmd", "smd", "difference", "mean difference", "risk difference", "rd", "ard",
                        "arr", "diff", "change", "beta", "β", "b"})
#: the optional "statistically" written as a fragment of its own (same language, same order of attempts), so that
#: every fragment opens on "s" and :func:`.gates.cues` opens the pattern on its first letter (session 14)
SIGNIFICANT = prefiltered(cues(r"statistically\s+significant(?:ly)?", r"significant(?:ly)?", r"significance"))
#: what a trend leans towards: a change or comparative word, also "slowing", "shorter", "longer", "a survival
#: advantage", "superior efficacy", "benefit", "a difference" (session 32: "only a trend towards slowing of decline")
_MORE_LESS = (r"(?:greater|higher|lower|more|less|fewer|better|worse|improv|reduc|increas|decreas|declin|ris|slow|"
              r"short|long|prolong|advantag|superior|benefi|differen)\w*")
_I = re.IGNORECASE
#: the no-difference cues, one alternation cut into runs gated by their keywords (:class:`.base.Alternation`: the
#: same matches as the whole pattern, ``NOT_SIGNIFICANT.pattern``, at a fraction of the cost)
NOT_SIGNIFICANT = Alternation([
    Gated(re.compile(r"\b(?:no|not|nor|without)\s+(?:\w+\s+){0,3}?(?:statistically\s+)?significan\w*|"
                     r"\bnon-?\s?significant(?:ly)?\b|\binsignificant(?:ly)?\b", _I), ("significan",)),
    Gated(re.compile(r"\bn\.?s\.?(?=[\s,;)])", _I), ("ns", "n.s")),
    # "without differences between groups" (a change denied, "without changes in diet", is no verdict on the arms)
    Gated(re.compile(r"\bdid\s+not\s+(?:\w+\s+)?differ\b|\bno\s+(?:\w+\s+){0,2}?"
                     r"(?:differences?|changes?|effects?|associations?|benefits?)\b|"
                     r"\bwithout\s+(?:\w+\s+){0,2}?differences?\b|"
                     # a hyphenated modifier: "no between-group differences", "no between-treatment differences"
                     r"\b(?:no|without)\s+(?:\w+\s+)?\w+(?:-\w+)+\s+differences?\b|"
                     r"\b(?:similar|comparable|unchanged|not\s+different|indistinguishable)\b", _I),
          ("differ", "change", "effect", "association", "benefit", "similar", "comparable", "unchanged",
           "indistinguishable")),
    # "equivalent" as a verdict, not in a measure's name ("mean defocus equivalent", "morphine equivalents")
    Gated(re.compile(r"\b(?:is|are|was|were|be|been|remained|proved|produced|provided|showed|had|has|have|yielded|"
                     r"achieved|gave|clinically|therapeutically|statistically)\s+equivalen\w*|\bequivalen\w*\s+"
                     r"(?:between|to|in\s+(?:both|the\s+two))\b", _I), ("equivalen",)),
    Gated(re.compile(r"\bfailed\s+to\s+(?:\w+\s+)?(?:reach|show|demonstrate|achieve)\b|"
                     r"\bremained\s+(?:stable|constant|unchanged)\b", _I), ("failed", "remained")),
    Gated(re.compile(r"\bsignifican\w*\s+(?:\w+\s+){0,8}?(?:was|were)\s+not\s+(?:shown|found|observed|detected|seen|"
                     r"noted|demonstrated)\b", _I), ("significan",)),
    # a trend is not significant (GUIDELINES, Findings): "a trend towards greater ...", "tended to decrease"
    Gated(re.compile(r"\btrend(?:ed|s)?\s+(?:\w+\s+){0,2}?(?:towards?|to|for)\s+(?:an?\s+)?(?:\w+\s+)?" + _MORE_LESS
                     + r"|\btend(?:ed|s)?\s+to\s+(?:be\s+)?(?:\w+\s+)?" + _MORE_LESS, _I), ("trend", "tend")),
    Gated(re.compile(r"\bnot\s+(?:\w+\s+){0,3}?statistical(?:ly)?\s+(?:\w+\s+)?differen\w*", _I), ("statistical",)),
    Gated(re.compile(r"\b(?:did|does|do|was|were)\s+not\s+(?:significantly\s+)?(?:affect|alter|influence|modify|change)"
                     r"\b|"
                     # "did not have a clinically relevant effect on kidney function parameters"
                     r"\b(?:did|does|do)\s+not\s+have\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,3}?(?:effect|impact|benefit)s?\s+"
                     r"(?:on|in)\b|"
                     # "did not result in added benefit to the spine bone mineral density"
                     r"\b(?:did|does|do)\s+not\s+(?:result\s+in|lead\s+to|produce|provide)\s+(?:an?\s+|any\s+)?"
                     r"(?:added\s+|additional\s+|further\s+|significant\s+)?(?:benefit|improvement|change|difference|"
                     r"effect)s?\b", _I), ("not",)),
    # equivalence in words: "are as effective as unfractionated heparin", "equally effective"; a change denied:
    # "although not by change in HbA1c"
    Gated(re.compile(r"(?<!twice\s)(?<!times\s)\bas\s+(?:effective|efficacious|safe|good)\s+as\b|"
                     r"\bequally\s+(?:effective|efficacious)\b", _I), ("effective", "efficacious", "safe", "good")),
    Gated(re.compile(r"\bnot\s+(?:by|with|in)\s+(?:any\s+|a\s+)?(?:significant\s+)?changes?\s+(?:in|of)\b", _I),
          ("change",)),
])
#: a negated change verb: not significant ("did not improve endothelial function"), but, unlike the
#: no-difference words, no sign of a comparison (a single-arm result can fail to improve)
NEGATED_CHANGE = Gated(re.compile(
    r"\b(?:did|does|do|was|were)\s+not\s+(?:significantly\s+)?(?:improve|reduce|increase|"
    r"decrease|lower|raise|shorten|prolong)\w*\b|"
    # efficacy denied: "was not effective in reducing incident delirium", "are not effective at
    # decreasing the need for further treatment"
    r"\b(?:is|are|was|were|be|been|proved|remained)\s+not\s+(?:\w+\s+)?(?:effective|efficacious)\s+"
    r"(?:in|at|for|to)\b", re.IGNORECASE), ("not",))  # every match says "not": scanned only then
#: "with comparable recovery profile": a no-difference adjective in a with-phrase, said of its own noun
#: (session 14: ``\bwith`` opened on its first letter, ``[wW](?<!\w.)``, as :func:`.gates.first_letter` writes it)
OTHER_SIMILAR = re.compile(r"[wW](?<!\w.)(?i:ith\s+(?:a\s+|an\s+)?(?:similar|comparable|equivalent)\s+(?=[a-z])"
                           r"(?!rates?\b|results?\b|outcomes?\b|effects?\b|efficacy\b|incidences?\b))")
SIMILAR_THEN_THAN = re.compile(r"\b(?:similar|comparable)\b[^;]*?\band\s+(?:were\s+|was\s+)?(?:both\s+)?"
                               r"(?:significantly\s+)?(?:higher|lower|greater|less|more|fewer|better|worse|shorter|"
                               r"longer)\s+than\b", re.IGNORECASE)
_ARMS_NOUN = (r"(?:the\s+)?(?:two\s+|three\s+|\d\s+|treatment\s+|study\s+)?(?:groups|arms|methods|treatments|regimens|"
              r"techniques|procedures|formulations|formulas)\b")
BETWEEN_NULL = re.compile(r"\b(?:no|without)\s+(?:significant\s+|statistical\s+)?differences?\s+(?:between|among)\s+"
                          + _ARMS_NOUN + r"|\bnot\s+(?:significantly\s+|statistically\s+)?different\s+"
                          r"(?:between|among)\s+" + _ARMS_NOUN + r"|\b(?:did\s+not|didn't)\s+differ\s+"
                          r"(?:significantly\s+)?between\s+(?:the\s+)?(?:two\s+)?(?:groups|arms)\b|"
                          # the same said with a hyphenated modifier: "no significant between-group differences"
                          r"\b(?:no|without)\s+(?:significant\s+|statistical\s+)?(?:between|inter)-?\s?"
                          r"(?:groups?|treatments?|arms?)\s+differences?\b|"
                          # "but the difference between the two treatments was not significant (P = 0.6)"
                          r"\bdifferences?\s+(?:between|among)\s+" + _ARMS_NOUN + r"\s+(?:was|were)\s+not\s+"
                          r"(?:statistically\s+)?significant\b", re.IGNORECASE)
#: a comparative of degree ("higher", "shorter"; not a change verb: "decreased" can be a change within one arm)
DEGREE = re.compile(r"\b(?:higher|lower|greater|shorter|longer|smaller|larger|fewer|less|more|better|worse|faster|"
                    r"slower)\b", re.IGNORECASE)
#: a change said to be significant ("significant increases in plasma urea", "significantly improved")
SIGNIFICANT_CHANGE = re.compile(r"\b(?<!no\s)(?<!not\s)significant(?:ly)?\s+(?:\w+\s+)?(?:increas|decreas|reduc|improv|"
                                r"declin|rise|rose|elevat|lower|rais|worsen)\w*", re.IGNORECASE)
#: a time before treatment written with "pre" ("pre", "pre-intervention", "preanesthetic", "pretreatment",
#: "previous"; not a drug or state that starts with the letters: "than the pregabalin group" compares arms)
_PRE = (r"pre(?:-\w*|\b|(?:treat|therap|interven|operat|test|train|an(?:a)?esth|surg|dos|infus|induct|random|exercis|"
        r"procedur|study|meal|supplement|vious)\w*)")
#: a change measured against the start of treatment, not against another arm ("from baseline", "compared to
#: pre-intervention measurements", "when compared to baseline preanesthetic values", "than before surgery")
_AGAINST_START = (r"\b(?:from|than|compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+|their\s+)?"
                  r"(?:baseline|before|" + _PRE + r"|prior|initial|admission|week\s+0|day\s+0)\b")
#: (session 14: opened on its first letters, :func:`.gates.first_letter`; f, t, c, r fold to no other letter)
AGAINST_START = re.compile(r"[fFtTcCrR](?<!\w.)(?i:(?:(?<=f)rom|(?<=t)han|(?<=c)ompared\s+(?:with|to)|"
                           r"(?<=r)elative\s+to)\s+(?:the\s+|their\s+)?(?:baseline|before|" + _PRE + r"|prior|initial|"
                           r"admission|week\s+0|day\s+0)\b)")
_PRE_POST = (r"\bpre-?\s*(?:and|/|-|to)\s*post-?\w*|"
             r"\bbefore\b(?!\s+and\s+after)[^;]{3,80}?\bafter\b")
_IN_EVERY_ARM = r"\b(?:in|for|within)\s+(?:both|each|all|either)\s+(?:the\s+)?(?:\w+\s+)?(?:groups?|arms?)\b"
_OVER_PERIOD = (r"\bover\s+(?:the\s+)?(?:\d|\w+-(?:month|week|year))|"
                r"\bover\s+(?:the\s+)?(?:\S+\s+)?(?:period|time)\b")
#: a change reported within the arms (one definition for :mod:`.link` and :mod:`.direction`): against the start
#: (:data:`AGAINST_START`), before and after the treatment ("was 20 ... before the intervention, but, after ...
#: it increased to 83.2", "After pre- and post-training experimental group"), in every arm ("in both groups",
#: "within each group") or over the study period ("over the 24-month period")
WITHIN_CHANGE = prefiltered(
    re.compile("|".join((_AGAINST_START, _PRE_POST, _IN_EVERY_ARM, _OVER_PERIOD)), re.IGNORECASE))
#: a change measured over time, the arm against its own start (issue 10, session 16): :data:`WITHIN_CHANGE` but for
#: "in both groups" (a place, not a time), and a value set against the start ("vs. baseline", "versus
#: pre-treatment"; "compared with baseline" is :data:`AGAINST_START`)
OVER_TIME = re.compile("|".join((_AGAINST_START, r"\b(?:vs\.?|versus|against|over|above|below)\s+(?:the\s+|their\s+)?"
                                 r"(?:baseline|pre-?(?:treatment|intervention|operative|test|training)\w*)\b",
                                 _PRE_POST, _OVER_PERIOD)), re.IGNORECASE)


#: nothing happened in any arm ("No postoperative morbidity or mortality occurred in either group", "No severe
#: side-effects were observed in any group"): the arms do not differ (Evidence Inference: no difference)
NONE_IN_ANY_ARM = re.compile(r"^\W*(?:there\s+(?:was|were)\s+)?(?:no|none\s+of)\b[^;]*?\b(?:in|among|for|of)\s+"
                             r"(?:either|any|both|all|each)\s+(?:of\s+the\s+)?(?:\w+\s+)?(?:groups?|arms?)\b",
                             re.IGNORECASE)

#: a comparison between the arms said in words, even when no comparator is named ("between the two groups")
BETWEEN_GROUPS = re.compile(r"\bbetween\s+(?:the\s+)?(?:two\s+|both\s+|treatment\s+|study\s+)?(?:groups|arms)\b",
                            re.IGNORECASE)
#: the sentence compares two arms in words, whether or not a comparator entity was resolved ("lower in
#: implanted than non-implanted eyes", "between training three versus two times a week", "no differences
#: in ..."); not a change against the start ("than before", "compared with baseline": :data:`WITHIN_CHANGE`)
COMPARES_ARMS = prefiltered(re.compile(
    r"\b(?:than|versus|vs\.?|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|between|"
    r"differ\w*|similar|comparable)\b(?!\s+(?:the\s+|their\s+)?(?:baseline|before|" + _PRE +
    r"|prior|initial|admission|week\s+0|day\s+0)\b)",
    re.IGNORECASE))


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
#: a comparative said of one named group, with a test: "the TPMM group had a better outcome (p < 0.05)"
_GROUP_COMPARATIVE = re.compile(r"\b(?:better|worse|more|less|greater|fewer|higher|lower)\b.{0,60}?\b(?:group|arm)\b|"
                                r"\b(?:group|arm)\b.{0,60}?\b(?:better|worse|more|less|greater|fewer|higher|lower)\b",
                                re.IGNORECASE)
_SAME = re.compile(r"\b(?:similar|comparable|differ\w*)\b", re.IGNORECASE)
#: a change said of one arm against the others: "increased only in the caffeine group", "increased
#: significantly in simvastatin-treated but not in ezetimibe-treated subjects"
ONE_ARM_ONLY = prefiltered(
    re.compile(r"\bonly\s+(?:in|with|for|after|among)\s+(?:the\s+)?(?:\S+\s+)?(?:groups?|arms?|patients|"
               r"subjects|participants)\b|\bbut\s+not\s+(?:in|with|after|by|for|following|among)\b",
               re.IGNORECASE))
_VALUE = r"[-−+]?\d[\d.,]*\s*(?:%|[A-Za-zμ°]+(?:/[A-Za-z]+)?)?\s*(?:\([^()]*\)\s*)?"
#: two values of one measure set side by side for two groups: "16 min for intranasal and 13 min for
#: intramuscular", "25% of intranasal and 9% of intramuscular dosing visits", "11.7 weeks in group I and 12.1
#: weeks in group II", "in series was 125 (112 – 158) seconds and in parallel 122 (108 – 158) seconds", the second
#: half led by the pronoun of the measure, a bracket after the first value ("in Group S were 0.06 ± 0.172 h (3.6 ± 10.32
#: min) and that in Group B was 19.35 ± 8.64 h"). Both branches hold a value, a conjunction and a second value, so only
#: a text with a conjunction between its first and last digit is scanned (:class:`.gates.DigitsAround`; session 13:
#: 1,836 of the 3,362 texts with a digit in a pass over ``bench/identity.py``'s records, ~70 µs a scan)
PARALLEL = DigitsAround(re.compile(
    r"(?<![\w.])" + _VALUE + r"(?:for|in|with|among|on|of)\s+[^,;.()]{1,50}?(?:,\s*)?\s(?P<conj>and|vs\.?|versus|"
    r"compared\s+(?:with|to)|while|whereas)\s+(?:\w+\s+){0,2}?" + _VALUE
    + r"(?:for|in|with|among|on|of)\s[^,;.()]{1,50}|"
    r"\b(?:in|for)\s+[^,;.()]{1,40}?\s(?:was|were)\s+" + _VALUE + r"[^,;()]{0,20}?(?:\([^()]*\))?(?:,\s*)?\s"
    r"(?P<conj2>and|vs\.?|versus)\s+(?:(?:that|those)\s+)?(?:in|for)\s+[^,;.()]{1,40}?\s(?:was\s+|were\s+)?"
    + _VALUE, re.IGNORECASE), ("and", "vs", "versus", "compared", "while", "whereas"))


def compares_arms(masked: str, measures: Sequence[MeasureLike] = ()) -> bool:
    """Does the sentence (entity names masked) compare arms in words (:data:`COMPARES_ARMS`; "similar",
    "comparable", also "similar in both groups"), by a comparison next to a change in both arms
    ("decreased in both groups (P < 0.001), but more decrease was seen in the X group") or by values given
    "respectively" or a comparative of one group ("better ... in the X group") with a test ("1.34 and 1.41
    in groups 1 and 2, respectively (p = 0.33)"), rather than
    report a change within them (:data:`WITHIN_CHANGE`)? Cached on (text, whether a p-value is among
    ``measures``): a sentence's claim groups share its masked text (5,441 calls in a pass over
    ``bench/identity.py``'s records)."""
    return _compares_arms(masked, any(m.kind == "p_value" for m in measures))


@lru_cache(maxsize=4096)
def _compares_arms(masked: str, tested: bool) -> bool:
    """:func:`compares_arms` of ``masked``; ``tested``: a p-value among the group's measures."""
    if BOTH_ARMS.search(masked):  # "similar in both groups" compares; "decreased in both groups" does not
        return not both_arms_change(masked) or bool(_SAME.search(masked))
    if WITHIN_CHANGE.search(masked):
        return False
    words = COMPARES_ARMS.search(masked) or PARALLEL.search(masked) or ONE_ARM_ONLY.search(masked)
    return bool(words) or tested and bool(
        _RESPECTIVELY.search(masked) or _GROUP_COMPARATIVE.search(masked))

# -- significance ----------------------------------------------------------------------------------------
def p_significant(m: MeasureLike) -> bool | None:
    if m.value is None:
        return None
    op = m.op or "="
    if op in ("<", "<=", "≤"):
        return m.value <= ALPHA
    if op in (">", ">=", "≥"):
        return False if m.value >= ALPHA else None
    return m.value < ALPHA


def ci_bounds(m: MeasureLike) -> tuple[float, float] | None:
    if m.ci_low is not None and m.ci_high is not None:
        return m.ci_low, m.ci_high
    if m.kind == "ci" and m.low is not None and m.high is not None:
        return m.low, m.high
    return None


#: a ratio named earlier in the measure's clause, with no difference or change named after it ("The hazard ratio for
#: myocardial infarction/coronary death with estrogen plus progestin was 1.13 (95% confidence interval 0.68-1.89)")
_RATIO_NAMED = re.compile(r"\b(?:ratio|OR|RR|HR|IRR)\b(?![^;]*\b(?:[Dd]ifference|[Cc]hange|MD|WMD|SMD)\b)[^;]*$")


#: an estimate written as an amount of change or difference, said in the words right before it: a change "by" an
#: amount ("lowered blood pressure by 1.93 mmHg (95% CI 0.063–3.8)", "increased by 17.7 percentage point (95% CI
#: 9.7-25.6)") or an amount that names itself a difference or change, its CI in the bracket that closes the phrase
#: ("A 4.6-point difference in fatigue score was observed between groups at T2 (95% CI: 1.3, 7.8)", "a 5.1-point
#: increase in fatigue from baseline to T2 (95% CI: 2.0, 8.2)"), or a difference that opens the CI's bracket or gives
#: the amount the CI follows; session 23, s23-sig
CHANGE_AMOUNT = re.compile(r"\bby\s+(?:about\s+|approximately\s+)?[-−+]?\d[\d.,]*\s*(?:%|[^\W\d][\w/]*(?:\s+points?)?)?"
                           r"\s*$|"
                           r"\b[-−+]?\d[\d.,]*\s*-?\s*(?:%|percentage[-\s]points?|points?|units?)?-?\s*(?:difference|"
                           r"increase|decrease|reduction|decline|improvement|change|gain|loss)\b[^;()]*\(\s*$|"
                           # a bracket a difference opens: "(mean difference, 0.29 L/min; 95% CI ...)"; a difference
                           # of an amount: "a difference in cumulative recurrence rate of 6.1% (2-sided 90%CI ...)"
                           r"\((?:adjusted\s+|mean\s+|absolute\s+|estimated\s+|risk\s+)?difference\b[^()]*$|"
                           r"\bdifference\s+(?:in\s+[^;,()]{1,60}?\s+)?(?:of|was|were)\s+[-−+]?\d[\d.,]*\s*[^\s\d(;,]*\s*"
                           r"\([^()]*$",
                           re.IGNORECASE)


_BRACKET = re.compile(r"[(;,\[]")


def _estimate_words(m: MeasureLike, context: str) -> str:
    """The words that lead up to a CI's estimate: ``context`` (the text before ``m`` and ``m.text``) up to ``m``, and
    ``m``'s own value before its bracket ("1.93 mmHg" of "1.93 mmHg (95% CI 0.063–3.8)"; nothing for a CI alone)."""
    before = context[max(0, len(context) - len(m.text) - 200):len(context) - len(m.text)]
    return before if m.kind == "ci" else before + _BRACKET.split(m.text, maxsplit=1)[0]


def ci_null(m: MeasureLike, context: str) -> float | None:
    """The no-effect value of a CI: 1 for ratios, 0 for differences, None when unknown. A difference's or a
    regression coefficient's statistic (``DIFF_STATS``: "MD", "beta", "β") or a CI with a negative bound (no ratio is
    below 0) is a difference's even where the measure was read as a ratio: "β = 0.02, 95 % CI = -0.08–0.12" holds
    its no-effect value, 0 (session 21, s21-nodiff)."""
    stat = (m.stat or "").lower()
    bounds = ci_bounds(m)
    if stat in DIFF_STATS or (bounds and bounds[0] < 0):
        return 0.0
    if m.kind == "ratio" or stat in RATIO_STATS:
        return 1.0
    if re.search(r"\b(?:ratio|OR|RR|HR|IRR)\b", context[-60:]):
        return 1.0
    if re.search(r"\b(?:difference|change|MD|WMD|SMD)\b", context[-60:], re.IGNORECASE):
        return 0.0
    if _RATIO_NAMED.search(context):
        return 1.0
    if CHANGE_AMOUNT.search(_estimate_words(m, context)):
        return 0.0
    return None


_BASELINE = re.compile(r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:intervention|treatment|randomi[sz]ation|therapy|"
                       r"surgery)\b|\bat\s+baseline\b|\bbaseline\s+(?:values?|characteristics|levels?)\b",
                       re.IGNORECASE)


def _baseline(before: str) -> bool:
    """Is a p-value preceded, in its own clause, by a baseline time ("... before intervention was not
    statistically significant (P = 0.838), and it was ... after intervention (P < 0.001)")?"""
    clause = re.split(r";|,\s*(?:and|but|whereas|while)\b|\)\s*,", before)[-1]
    return bool(_BASELINE.search(clause))


_AT_LEVEL = re.compile(r"\bat\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_LEVEL = re.compile(r"\s*(?:\)\s*)?(?:significance\s+)?level\b", re.IGNORECASE)


def _threshold(text: str, start: int, end: int) -> bool:
    """Is the p-value at ``text[start:end]`` a significance level, not a result ("were not significant at the
    p < .05 level", "significant at p < 0.05")? Then the words around it decide."""
    return 0 <= start <= end <= len(text) and bool(_AT_LEVEL.search(text[max(0, start - 10):start])
                                                    or _LEVEL.match(text, end))


def significance(measures: Sequence[MeasureLike], text: str, offset: int) -> tuple[bool | None, MeasureLike | None,
                                                                             str]:
    """(significant, deciding p-value, source) from p-values (one in a baseline clause only when there is no
    other), then CIs, then words. ``offset`` is the absolute start of ``text`` (measures carry absolute
    offsets). A no-difference adjective of another noun ("prolongs the time to ... with comparable
    recovery profile") is not read (:data:`OTHER_SIMILAR`)."""
    pvals = [m for m in measures if m.kind == "p_value" and not _threshold(text, m.start - offset, m.end - offset)]
    results = [m for m in pvals if not _baseline(text[:max(0, m.start - offset)])] or pvals
    for m in results:
        sig = p_significant(m)
        if sig is False and m.value == ALPHA and (m.op or "=") == "=" and SIGNIFICANT.search(text) and not (
                NOT_SIGNIFICANT.found(text) or NEGATED_CHANGE.search(text)):
            sig = True  # "significant declines in diastolic BP (-3.3 mmHg, p = 0.05)": the authors' own reading
        if sig is not None:
            return sig, m, "p-value"
    for m in measures:
        bounds = ci_bounds(m)
        if bounds is None:
            continue
        null = ci_null(m, text[:max(0, m.start - offset)] + m.text)
        if null is not None:
            return not (bounds[0] <= null <= bounds[1]), None, "ci"
    if NOT_SIGNIFICANT.found(OTHER_SIMILAR.sub(" ", text)) or NEGATED_CHANGE.search(text):
        return False, None, "words"
    if SIGNIFICANT.search(text):
        return True, None, "words"
    return None, None, ""
