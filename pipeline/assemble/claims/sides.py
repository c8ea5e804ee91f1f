"""Compared or within: does a sentence compare its arms, or report a result within them (issue 10)?

* :func:`between_arms` - comparison words, values of two arms, a comparator arm, a comparative said of one
  arm, an arm as the subject of an effect verb, or a test without within-arm wording;
* :func:`within_arms` - a change against the start, before/after, in every arm or over the study period
  (:data:`.significance.WITHIN_CHANGE`), "within each group", or a change located in the one arm a sentence
  names (:func:`change_in_arm`);
* single-arm findings of one or more arms (GUIDELINES, Findings): :func:`comparator_alone`,
  :func:`common_arm`, :func:`arms_apart` (arms reported apart, or a change located in arms written as a list).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from .base import SentenceView, entity_words
from .context import Arm, same_intervention
from .design import distinct_arms
from .gates import Alternation, Gated, GatedBoth, first_letter, prefiltered
from .plain import EntityLike, PlainMeasure
from .significance import AGAINST_START, DEGREE, ONE_ARM_ONLY, WITHIN_CHANGE

#: a controlled design named anywhere in an abstract: randomised, placebo, sham, a control group / arm / condition,
#: a crossover
_CONTROLLED = Alternation([Gated(re.compile(r, re.IGNORECASE), keys) for r, keys in [  # runs gated apart (round 9)
    (r"\brandomi[sz]\w*", ("randomi",)),
    (r"\brandomly\s+(?:\w+\s+){0,2}?(?:assign|allocat|divid|distribut|split)\w*|\b(?:assign|allocat|divid|distribut)\w*"
     r"\s+(?:\w+\s+){0,3}?randomly\b|\bat\s+random\b|\brandom\s+(?:allocation|assignment)\b", ("random",)),
    (r"\bplacebo", ("placebo",)), (r"\bsham\b", ("sham",)),
    (r"\bcontrol(?:led)?\s+(?:groups?|arms?|trials?|conditions?)\b", ("control",)), (r"\bcross-?over\b", ("cross",))]])


@lru_cache(maxsize=64)
def controlled_design(text: str) -> bool:
    """Does an abstract name a controlled design (:data:`_CONTROLLED`)? Then a result sentence that names no
    comparator still compares against the design's other arm when it says its result in a comparative. Kept per
    abstract text (asked again for each of its result sentences); the first run that matches decides."""
    return _CONTROLLED.found(text)


def compared_in_degree(masked: str) -> bool:
    """A result said in a comparative of degree ("the length of hospital stay was significantly shorter after
    drinking coffee (p <0.01)", "Fasting PYY concentration was higher in patients (P < 0.05)") and not against the
    start (:data:`.significance.WITHIN_CHANGE`: "than before", "from baseline", "in both groups"): in a
    controlled design (:func:`controlled_design`), a comparison with the other arm. ``masked``: the sentence with
    its role entities blanked."""
    return bool(DEGREE.search(masked)) and not WITHIN_CHANGE.search(masked)

_BETWEEN_WORDS = (r"than", r"compared", r"comparison", r"versus", r"vs\.?", r"relative\s+to", r"between", r"differ\w*",
                  r"similar(?:ly)?", r"comparable", r"equivalent", r"superior", r"inferior", r"non-?inferior\w*",
                  r"no\s+(?:\w+\s+){0,2}(?:effect|impact|benefit)s?", r"odds", r"hazard", r"risk\s+ratio",
                  r"relative\s+risk")
# \b(?:than|compared|...)\b, case-insensitive, opened on its first letters (gates.first_letter)
_BETWEEN = first_letter(_BETWEEN_WORDS, r"\w", r"\b")


def between_word(masked: str) -> bool:
    """Does ``masked`` (role entities blanked) hold a between-arm word (:data:`_BETWEEN_WORDS`: "than", "versus",
    "differ", "superior", "odds", ...) once the changes against the start are set aside (:data:`AGAINST_START`)?"""
    return bool(_BETWEEN.search(AGAINST_START.sub(" ", masked)))


_CHANGE_WORDS = ("improv", "increas", "decreas", "reduc", "declin", "rose", "rise", "fell", "fall", "chang", "gain",
                 "lost", "loss", "drop", "elevat", "lower", "rais")
_CHANGE = Gated(re.compile(r"\b(?:" + "|".join(_CHANGE_WORDS) + r")\w*", re.IGNORECASE), _CHANGE_WORDS)


def within_arms(view: SentenceView, arms: Sequence[Arm] = ()) -> bool:
    """A change reported within the arms: change words and within-arm wording ("from baseline", "in both
    groups", "over the 24-month period"; :data:`.significance.WITHIN_CHANGE`), or a change located in the
    one arm the sentence names (:func:`change_in_arm`). "2.24 mm in both groups (P = 0.75)" reports no
    change: it compares the arms."""
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    if _within_each(masked):
        return True
    if not _CHANGE.search(masked):
        return False
    # within-arm wording is read in the sentence as written: the tagger often takes it into a span - an arm's ("After
    # pre- and post-training experimental group, MT ... improved significantly": INTERVENTION "post-training
    # experimental"), an outcome's ("reduced mean ER expression from baseline", OUTCOME "26 weeks" after "over") -
    # and it still says the change is the arm's own over time
    return bool(WITHIN_CHANGE.search(view.text)) or change_in_arm(view, arms, masked)


def _within_each(masked: str) -> bool:
    """Differences or changes said to lie "within each group" and no between-arm word ("There were no
    significant differences in changes of Fasting Plasma Glucose ... within each group at week 4 and 8"):
    over time inside every arm."""
    return bool(_WITHIN_EACH.search(masked)) and not _BETWEEN_ARMS.search(masked)


_LOCATED = re.compile(r"\b(?:in|among|within)\s+(?:the\s+)?$", re.IGNORECASE)
_ARM_WORD = re.compile(r"^(?:\s*[\w-]+)?\s*(?:group|arm|patients|subjects|participants)\b", re.IGNORECASE)


def change_in_arm(view: SentenceView, arms: Sequence[Arm], masked: str) -> bool:
    """A change located in the one arm the sentence names, the arm as the place of the change and not the
    subject of a comparison ("After 6 months, there was a significant reduction in systolic (P < 0.001) and
    diastolic BP (P = 0.010) in the intervention group"): one named arm, written "in the X group", no
    between-arm words (than, versus, between, similar ...), no comparative said of the arm ("greater ... in
    the X group"), no "only in" / "but not", no values handed out "respectively". A single-arm finding of that
    arm (GUIDELINES, Findings: a within-group change)."""
    named = {a.key for a in arms if not a.plural}
    if len(named) != 1 or any(a.plural for a in arms):
        return False
    arm = next(a for a in arms if not a.plural)
    local = arm.start - view.start
    if not _LOCATED.search(view.text[max(0, local - 16):local]):
        return False
    if not (_ARM_WORD.match(view.text[arm.end - view.start:arm.end - view.start + 24])
            or _ARM_WORD.search(arm.text)):
        return False
    return not (_BETWEEN.search(AGAINST_START.sub(" ", masked)) or _COMPARATIVE_IN_ARM.search(masked)
                or ONE_ARM_ONLY.search(masked) or "respectively" in masked.lower())


def comparator_alone(view: SentenceView, arms: list[Arm]) -> bool:
    """A change reported for the comparator arm alone ("No significant change in tone or activity was
    observed with the saline solution", "Women in the control group showed a decline of 1,191.6 steps/day
    at 24 months compared to baseline"): every arm the sentence names is on the comparator side, it has
    change words, and no between-arm comparison words unless within-arm wording says the change is the
    arm's own. A single-arm finding of that arm (GUIDELINES, Findings)."""
    named = [a for a in arms if a.entity is not None and not a.plural]
    if not named or any(a.side != "C" for a in named) or any(a.plural for a in arms):
        return False
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    return bool(_CHANGE.search(masked)) and (not _BETWEEN.search(masked) or within_arms(view, arms))


_BOTH_ARMS = prefiltered(re.compile(r"\b(?:in|on|for|within)\s+(?:both|each|all|either)\s+(?:the\s+)?(?:\w+\s+)?"
                                    r"(?:groups?|arms?|sides?)\b", re.IGNORECASE))


def common_arm(view: SentenceView, arms: list[Arm]) -> bool:
    """A result in every arm ("on both treatment sides", "in both groups") for the one treatment the sentence
    names, with no comparison between the arms ("coagulated crust formation and pruritus at day 3 after
    fractional CO2 laser treatment was significant on both treatment sides (P < 0.05)"): a single-arm
    finding of that treatment, the one common to the arms (GUIDELINES, Findings)."""
    named = {entity_words(a.entity) for a in arms if a.entity is not None and not a.plural}
    if len(named) != 1 or not _BOTH_ARMS.search(view.text):
        return False
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    # "decreased in both groups (P < 0.001), but more decrease was seen in the synbiotic + mineral oil group": the
    # change of both arms, then a comparison of one arm's change with the other's
    return not (_BETWEEN.search(masked) or _DEGREE_IN_ONE_ARM.search(masked))


#: a comparative said of one arm, written "in the X group" (singular; the arm's name may be blanked)
_DEGREE_IN_ONE_ARM = re.compile(r"\b(?:greater|higher|lower|more|less|fewer|better|worse|larger|smaller)\b[^;]{0,60}?"
                                r"\b(?:group|arm)\b", re.IGNORECASE)


def arms_apart(view: SentenceView, arms: list[Arm]) -> list[EntityLike]:
    """Two or more arms each reported on their own, with a test of their own and no comparison between
    them ("no significant improvement in flow mediated dilation (p = 0.80 and p = 0.59, respectively)" after
    "L-carnitine or placebo therapy"; "Pain severity in methadone group ... (p < 0.05) and for patients in
    pethidine group ... (p < 0.05), respectively"): one single-arm finding per arm (GUIDELINES, Findings).
    Returns those arms' entities in text order, else []."""
    # (distinct_arms keeps arms with an entity: the test only says so to the type checker)
    named: list[EntityLike] = [a.entity for a in distinct_arms(arms) if a.entity is not None]
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    listed = _changed_in_listed_arms(view, arms, masked)
    if listed:
        # the treatment common to the listed arms when the sentence names one ("after acupressure in the LP and
        # the DP group"), else one finding per listed arm (GUIDELINES, Findings: "improved in both groups")
        common = [e for e in named if not any(same_intervention(entity_words(e), entity_words(x)) for x in listed)]
        return common[:1] if len(common) == 1 else listed
    own = list({a.key: a.entity for a in arms if a.entity is not None and not a.plural}.values())
    if len(own) >= 2 and _CHANGE_BY_EACH.search(masked) and not (_BETWEEN.search(AGAINST_START.sub(" ", masked))
                                                                 or _COMPARATIVE_IN_ARM.search(masked)):
        # each arm's own change: "decreased ( p < 0.05 ) by -14.3 +/- 4.1 % in the HRT alone group and by -8.2 +/- 4.6 %
        # in the HRT + T group", also with the first arm's "in" missing ("by +2.2 +/- 0.5 % the HRT alone group")
        return own
    if len(own) >= 2 and _OWN_PREDICATES.search(view.masked("INTERVENTION", "COMPARATOR")) and not (
            _BETWEEN.search(AGAINST_START.sub(" ", masked)) or _COMPARATIVE_IN_ARM.search(masked)):
        # one subject, a predicate of its own in each arm: "serum IL-10 was maintained in the Vitamin D + C group
        # (p = 0.06) and was reduced in the Calcium group (p = 0.001)"
        return own
    if len(named) < 2:
        return []
    if "respectively" not in view.text.lower():
        return []
    # the p-values that "respectively" hands out come before it ("(p = 0.80 and p = 0.59, respectively)"); one
    # after it tests the values it hands out ("53.3% and 86.6% in ... sorafenib and capecitabine, respectively
    # (P < 0.05)": a comparison)
    cut = view.start + view.text.lower().index("respectively")
    if sum(1 for m in view.measures if m.kind == "p_value" and m.start < cut) < len(named):
        return []
    return [] if _BETWEEN.search(masked) else named


#: (session 14: these three keyword-gated, :class:`.gates.Gated`; every match holds a change stem and "by", or "group" /
#: "arm")
_CHANGE_BY_EACH = GatedBoth(re.compile(r"\b(?:increas|decreas|reduc|declin|rose|fell|improv|drop)\w*\s+"
                                       r"(?:\([^()]*\)\s*)?by\b[^;]*?\band\s+by\b", re.IGNORECASE),
                            ("increas", "decreas", "reduc", "declin", "rose", "fell", "improv", "drop"), ("by",))
_RESULT_VERB = r"(?:increas|decreas|reduc|improv|declin|rose|fell|maintain|unchang|remain|stable|worsen|drop)\w*"
#: one subject with two coordinated predicates, each located in an arm of its own ("was maintained in the HRT alone
#: group ( +0.4 +/- 0.4 % ) and increased ( p < 0.05 ) in the HRT + T group"); the second predicate has no subject of
#: its own ("Blood glucose decreased ... in the krill group and vitamin D increased ... in the fish group" has)
_OWN_PREDICATES = Gated(re.compile(r"\b" + _RESULT_VERB + r"\b[^;]{0,40}?\b(?:in|among|for)\s+the\s+[^;]{0,40}?"
                                   r"\b(?:group|arm)s?\b[^;]{0,60}?\band\s+(?:was\s+|were\s+)?(?:significantly\s+)?"
                                   + _RESULT_VERB + r"\b[^;]{0,40}?\b(?:in|among|for)\s+the\s+", re.IGNORECASE),
                        ("group", "arm"))
_LIST_AND = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*(?:the\s+|in\s+the\s+)?$", re.IGNORECASE)
_GROUPS_AFTER = re.compile(r"^\s*(?:groups?|arms?)\b", re.IGNORECASE)
_GROUPS_END = re.compile(r"\b(?:groups?|arms?)$", re.IGNORECASE)  # the arm phrase "HRT + T groups"


def _changed_in_listed_arms(view: SentenceView, arms: list[Arm], masked: str) -> list[EntityLike]:
    """A change located in arms written as a list, "in the A and the B group(s)" ("VRS, NDI, STAI and MH values
    decreased after acupressure in the LP and the DP group", "Deoxypyridinoline levels decreased significantly
    in the HRT alone and HRT + T groups"), with no between-arm words and no comparative said of an arm: a
    change within each arm, not a comparison of them. Returns the listed arms' entities, else []."""
    singles = [a for a in arms if not a.plural]
    for a, b in pairwise(singles):
        if a.key == b.key or not _LIST_AND.match(view.between(a.end, b.start)):
            continue
        if not _LOCATED.search(view.between(max(view.start, a.start - 16), a.start)):
            continue
        if not (_GROUPS_AFTER.match(view.between(b.end, b.end + 10)) or _GROUPS_END.search(b.text)):
            continue
        if _CHANGE.search(masked) and not (_BETWEEN.search(AGAINST_START.sub(" ", masked))
                                           or _COMPARATIVE_IN_ARM.search(masked)):
            return [a.entity for a in (a, b) if a.entity is not None]
        return []
    return []


def between_arms(view: SentenceView, arms: list[Arm], pairs: list[tuple[PlainMeasure, Arm]]) -> bool:
    """Does the sentence compare arms (rather than report one arm, or a change within each arm)?
    Comparison words or a comparator arm ("than", "versus", "between groups", "no difference", "similar"),
    values of two arms, or a test statistic (p-value, CI, ratio) without within-arm wording ("from
    baseline", "in both groups", "over the 24-month period")."""
    if len({a.key for _, a in pairs}) >= 2 or any(a.side == "C" and not a.plural for a in arms):
        return True
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    if _within_each(masked):
        return False
    if _BETWEEN.search(AGAINST_START.sub(" ", masked)):  # "compared to pre-intervention measurements" compares no arms
        return True
    # a change seen in every subject ("Tone in all 17 subjects was reduced significantly ... (P = 0.000015, sign
    # test)") is within the subjects: its test compares no arms
    within = within_arms(view, arms) or bool(_EVERY_SUBJECT.search(masked))
    if not within and _arm_effect(view, arms, masked):
        return True
    if any(a.plural for a in arms) and not within:
        return True
    if not within and _COMPARATIVE_IN_ARM.search(masked):
        # "a greater overall improvement in symptoms for the triamcinolone ... group": a comparative said of
        # one arm compares it with the other
        return True
    return not within and any(m.kind in ("p_value", "ci", "ratio") for m in view.measures)


_WITHIN_EACH = Gated(re.compile(r"\bwithin\s+(?:each|both|either|all|the\s+same)\s+(?:of\s+the\s+)?(?:\w+\s+)?"
                                r"(?:groups?|arms?)\b", re.IGNORECASE), ("within",))
_BETWEEN_ARMS = re.compile(r"\b(?:between|among|versus|vs\.?|than)\b", re.IGNORECASE)
_COMPARATIVE_IN_ARM = Gated(re.compile(r"\b(?:greater|higher|lower|more|less|fewer|better|worse|shorter|longer|"
                                       r"smaller|larger)\b(?:[\s,]+[\w-]+){0,8}?[\s,]+(?:in|for|with|among)\s+"
                                       r"(?:the\s+)?\S+(?:\s+\S+)?\s+(?:group|arm)s?\b", re.IGNORECASE),
                            ("group", "arm"))
_EFFECT = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:is|was|were|are)\s+(?:\w+\s+)?"
                     r"(?:effective|efficacious|superior|better)\b|"
                     r"(?:(?:significantly|markedly|substantially|further|also|effectively)\s+)?"
                     r"(?:did\s+not\s+|does\s+not\s+)?"
                     r"(?:increas|decreas|reduc|improv|lower|rais|prolong|shorten|prevent|attenuat|enhanc)\w*\b)",
                     re.IGNORECASE)
_EVERY_SUBJECT = Gated(re.compile(r"\bin\s+(?:all|both|each|every)\s+(?:\w+\s+){0,2}(?:subjects|patients|"
                                  r"participants|volunteers|individuals|cases)\b", re.IGNORECASE),
                       ("all", "both", "each", "every"))


def every_subject(view: SentenceView) -> bool:
    """A change seen "in all subjects" / "in both normal subjects and patients" (:data:`_EVERY_SUBJECT`, role
    entities blanked): within each subject, compared with no other arm."""
    return bool(_EVERY_SUBJECT.search(view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")))


def _arm_effect(view: SentenceView, arms: list[Arm], masked: str) -> bool:
    """A named active arm as the subject of an effect verb ("intraperitoneal bupivacaine significantly
    increases post-operative DOA", "A-GPC is effective at increasing ...", "A community-based volunteer
    intervention increased walking activity"): an effect claimed against the design's comparator - not
    a change seen "in all subjects" / "in both normal subjects and patients" (within each subject)."""
    if _EVERY_SUBJECT.search(masked):
        return False
    for arm in arms:
        if arm.entity is None or arm.plural or arm.side == "C":
            continue
        if _EFFECT.match(masked[arm.end - view.start:arm.end - view.start + 60]):
            return True
    return False


# \bboth..., opened on its first letter (session 14)
_BOTH_LEAD = prefiltered(re.compile(r"[bB](?<!\w.)(?i:oth\s+(?:the\s+)?)"))
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", re.IGNORECASE)
#: the change right after the arms, a few words on ("induced a significant decrease", "were associated with an
#: increase", "significantly reduced")
_CHANGE_AFTER = re.compile(r"^\s*(?:groups?\s+|arms?\s+)?(?:[\w-]+\s+){0,4}?(?:improv|increas|decreas|reduc|declin|"
                           r"rose|fell|lower|rais|elevat|induc\w*\s+an?\s+\w+)", re.IGNORECASE)


def both_named_changed(view: SentenceView, arms: Sequence[Arm], comparators: Sequence[EntityLike]) -> list[Arm]:
    """"Both A and B induced a significant decrease in intraabdominal pressure": a change said of every arm of the
    design, named one by one after "both" (or in one span the tagger joined, "spinal and general anesthesia"), with
    no between-arm words and no comparative: a change within each arm, not a comparison (GUIDELINES, Findings:
    "improved in both groups" is single-arm). Only when the arms named are the design's - one of them names a
    comparator seen so far (``comparators``), or there is none: "Both canagliflozin 100 and 300 mg reduced HbA1c"
    in a placebo-controlled trial is each dose against placebo. Returns the arms named, else []."""
    singles = sorted((a for a in arms if a.entity is not None and not a.plural), key=lambda a: a.start)
    for m in _BOTH_LEAD.finditer(view.text):
        at = view.start + m.end()
        listed = [a for a in singles if a.start == at][:1]
        if not listed:
            continue
        for a in singles:
            if a.start > listed[-1].end and _LIST_JOIN.fullmatch(view.between(listed[-1].end, a.start)):
                listed.append(a)
        if len({a.key for a in listed}) < 2 and " and " not in listed[0].text:
            continue
        if not _CHANGE_AFTER.match(view.text[listed[-1].end - view.start:]):
            continue
        masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
        if _BETWEEN.search(AGAINST_START.sub(" ", masked)) or DEGREE.search(masked):
            return []
        if comparators and not any(_names_comparator(a, c) for a in listed for c in comparators):
            return []
        return listed
    return []


def _names_comparator(arm: Arm, comparator: EntityLike) -> bool:
    """Does ``arm`` name ``comparator``: a mention of it, or a span the tagger joined ("in-person and webinar
    clinics") that shares a word with it ("webinar AFIX consultation")?"""
    if arm.entity is None:
        return False
    words, own = entity_words(comparator), entity_words(arm.entity)
    return same_intervention(words, own) or words <= own or (" and " in arm.text and bool(words & own))
