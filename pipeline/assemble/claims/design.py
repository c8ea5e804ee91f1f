"""Design sentences' arms: which mentions are one intervention (:func:`same_intervention`), which arm a title,
aim or methods sentence sets up as the alternative (:func:`design_comparators`: "randomised to X or Y",
"comparing X with Y", "X versus Y"; :func:`addon_bases`: the base regimen beside an arm that adds to it;
:func:`other_allocated`: the one other arm an allocation names beside the main one) and which title arms can be the
main intervention (:func:`title_arms`); :data:`COMPARE_BEFORE`, the cue that introduces a
comparator ("than", "compared with", "superior to", "as effective as"). Read by :mod:`.context` and :mod:`.arms`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from .base import SentenceView, content_words, entity_words, same_stem, shares_stem
from .control import control_worded, is_control
from .gates import EndCue, prefiltered
from .labels import is_bare_label
from .plain import EntityLike, PlainEntity

# "off-pump" is not "on-pump"; "sham tDCS" / "placebo patches" are the control arm of a trial of tDCS / patches
NEGATIONS = frozenset(["non", "no", "not", "without", "off", "sham", "placebo"])


class _ArmLike(Protocol):
    """What :func:`distinct_arms` reads of an arm (:class:`.context.Arm`)."""

    @property
    def entity(self) -> EntityLike | None: ...

    @property
    def plural(self) -> bool: ...


_A = TypeVar("_A", bound=_ArmLike)


@lru_cache(maxsize=65536)
def same_intervention(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two mentions of one intervention: one's words inside the other's, or most words shared (stem
    match) while at most one side has words of its own. Arms that share a head but each carry their own
    qualifier ("aseptic BTB allografts" / "sterilized BTB allografts") are different interventions."""
    if not a or not b:
        return False
    if (a ^ b) & NEGATIONS:
        return False  # "non-ARB" / "no-morphine" / "sham tDCS" is the other arm, not a mention of "ARB" / ...
    if a <= b or b <= a:
        return True
    own_a = 0  # words of ``a`` that share no stem with a word of ``b`` (:func:`.base.shares_stem`: no call per pair)
    for w in a:
        if not shares_stem(w, b):
            own_a += 1
    if own_a:  # ``any(not shares_stem(w, a) for w in b)`` as a loop: no generator per miss (session 24)
        for w in b:
            if not shares_stem(w, a):
                return False
    shared = len(a) - own_a
    return shared >= 0.6 * max(len(a), len(b))


def adds_to(arm: frozenset[str], base: frozenset[str]) -> bool:
    """Is ``arm`` the arm ``base`` with something added (an add-on design: "sunitinib plus docetaxel" beside the
    design's comparator "docetaxel alone", "testosterone to HRT" beside "HRT alone"), so a different arm though
    :func:`same_intervention` reads one inside the other?"""
    return bool(base) and base < arm


_OWN_BRACKET = re.compile(r"\s*\([^()]*\)?\s*$")  # "endotracheal tube (ETT)", "mask airway(PLMA"


@lru_cache(maxsize=8192)
def part_words(text: str) -> frozenset[str]:
    """Content words of an arm's text without its own trailing abbreviation bracket ("endotracheal tube (ETT)"),
    cached."""
    return frozenset(content_words(_OWN_BRACKET.sub("", text)))


def names_only(key: frozenset[str], main: frozenset[str]) -> bool:
    """A mention that names ``main`` and nothing else, stem for stem ("mitoxantrone"; not "sitagliptin plus
    antagonist", nor "mineral oil" of a main "Lactobacillus Sporogenes plus mineral oil")."""
    return bool(key) and all(any(same_stem(w, v) for v in main) for w in key) \
        and all(any(same_stem(v, w) for w in key) for v in main)


def mentions_arm(ent: EntityLike, arm: frozenset[str]) -> bool:
    """Is ``ent`` a mention of the arm with word key ``arm`` (:func:`same_intervention`), and not its control arm: a
    control-worded mention whose control words are its own ("usual care plus X" beside X) is the other arm."""
    key = entity_words(ent)
    if not same_intervention(key, arm) or (adds_to(arm, key) and control_worded(ent.expanded or ent.text)):
        return False  # "gefitinib alone" is the control arm of "nimotuzumab plus gefitinib", not a mention of it
    own = " ".join(w for w in content_words(ent.expanded or ent.text) if not any(same_stem(w, v) for v in arm))
    return not (own and control_worded(own))


def distinct_arms(arms: Iterable[_A]) -> list[_A]:
    """The first of ``arms`` (sentence arms: ``entity``, ``plural``) for each intervention, in the order given:
    one arm each (not "both groups", not an unresolved label), mentions of one intervention
    (:func:`same_intervention`) counted once."""
    out: list = []
    for a in arms:
        if a.entity is not None and not a.plural and not any(
                same_intervention(entity_words(a.entity), entity_words(b.entity)) for b in out):
            out.append(a)
    return out


#: the cue ending the text before a comparator (``COMPARE_BEFORE.pattern``), searched backwards (:class:`.base.EndCue`)
COMPARE_BEFORE = EndCue(
    re.compile(r"(?:than|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|over|against|"
               r"(?:superior|inferior|equivalent|similar|comparable|identical)\s+to|as\s+[\w-]+\s+as|"
               r"in\s+comparison\s+(?:with|to)|differ\w*\s+(?:\w+\s+)?from(?:\s+(?:that|those)\s+"
               r"(?:of|in|with|for))?)\s+(?:\w+\s+){0,3}$", re.IGNORECASE),
    re.compile(r"(?:\s+\w+){0,3}\s+(?:naht|(?:htiw|ot)\s+derapmoc|susrev|\.?sv|ot\s+evitaler|revo|tsniaga|"
               r"ot\s+(?:roirepus|roirefni|tnelaviuqe|ralimis|elbarapmoc|lacitnedi)|sa\s+[\w-]+\s+sa|"
               r"(?:htiw|ot)\s+nosirapmoc\s+ni|(?:(?:fo|ni|htiw|rof)\s+(?:taht|esoht)\s+)?morf(?:\s+\w+)?\s+"
               r"\w*reffid)", re.IGNORECASE))

_RANDOMISED = prefiltered(re.compile(r"\b(?:randomi[sz]\w*|assign\w*|allocat\w*|compar\w*|between|versus|vs\.?|either|"
                                    r"receiv\w*|given)\b", re.IGNORECASE))
_GIVEN = re.compile(r"receiv|given", re.IGNORECASE)
_ALTERNATIVE_BEFORE = re.compile(r"(?:\bor|\band|\bwith|\bto)\s+(?:\([^()]{1,15}\)\s+)?(?:to\s+|with\s+|receive\s+)?"
                                 r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def design_comparators(view: SentenceView, ents: Sequence[EntityLike]) -> set[str]:
    """Ids of the entities a design sentence (title, aim, methods) sets up as the comparator: introduced
    by "than" / "compared with" / "versus" after another arm, or the alternative in "randomised to X or
    Y", "comparing X with Y", "between X and Y" (not "and" after "received" / "given": "received TEA on Neiguan
    and Zusanli" is one regimen). When the tagger split the alternative ("intra muscular (IM)
    pethidine"), the entity right after it (only an abbreviation bracket between) is the one marked."""
    out: set[str] = set()
    if len(ents) < 2:
        return out  # no arm before another: nothing to set up (and no cue to look for)
    ents = sorted(ents, key=lambda e: e.start)
    cue = _RANDOMISED.search(view.text)
    for k, ent in enumerate(ents):
        if k == 0:
            continue
        earlier = [e for e in ents[:k] if e.id not in out and not same_intervention(entity_words(e), entity_words(ent))]
        if not earlier:
            continue
        before = view.text[max(0, ent.start - view.start - 40):ent.start - view.start]
        alt = _ALTERNATIVE_BEFORE.search(before)
        if alt and cue and _GIVEN.match(cue.group(0)) and alt.group(0).lower().startswith("and"):
            alt = None  # "received TEA on Neiguan and Zusanli": one regimen, not an alternative
        if alt and alt.group(0).lower().startswith("with") and (
                not re.search(r"\bcompar\w*", view.text[:ent.start - view.start], re.IGNORECASE)
                or _JOINT_WITH.search(before[:alt.start() + 4])):
            alt = None  # "X combined with Y", "Fractional CO2 with topical PRP": one regimen; "comparing X with Y"
        if alt and cue and alt.group(0).lower().startswith("and") and ent.start - view.start - cue.end() > 80 \
                and not _AND_PAIR.match(view.between(ents[k - 1].end, ent.start)) \
                and not re.search(r"\bbetween\b", view.text[:ent.start - view.start], re.IGNORECASE):
            alt = None  # an "and" far from the cue and from the previous arm joins a list of measures
        if alt and _MODIFIER_PAIR.search(before[:alt.start()]) and alt.group(0).lower().startswith(("or", "and")):
            alt = None  # "moderately or highly emetogenic chemotherapy": two modifiers of one head, not two arms
        if alt and alt.group(0).lower().startswith("to") and _ALLOCATED_TO.search(before[:alt.start()]):
            alt = None  # "randomly assigned to (receive) X": the first arm, not the alternative of "compare Y to X"
        if alt and alt.group(0).lower().startswith("to") and _BASE_TO.search(before[:alt.start()]) \
                and any(control_worded(e.expanded or e.text) for e in ents[:k]):
            alt = None  # "donepezil or placebo in addition to lithium": the regimen every arm gets, not an arm (not
            # "palbociclib in addition to letrozole", whose other arm is letrozole alone)
        if COMPARE_BEFORE.search(before) or (cue and cue.start() < ent.start - view.start and alt):
            head = next((e for e in ents[k + 1:] if _ONLY_BRACKETS.match(view.between(ent.end, e.start))), None)
            out.add((head or ent).id)  # "intra muscular (IM) pethidine": the tagger split the arm; its head
    return out


def addon_bases(view: SentenceView, arms: Sequence[EntityLike]) -> set[str]:
    """Ids of the arms of an allocating sentence that another of its arms adds to (:func:`adds_to`: "randomly
    divided into two groups: traditional physiotherapy (TP) group and traditional physiotherapy-Mulligan mobilization
    (TPMM) group"): the base regimen is the control arm of an add-on design. Not when what is added is a negation
    ("Sensor" / "Sensor Off": the other arm is the control), not a head shared by the arms before it ("STRE or
    flexibility (FLEX) exercises"), not a base without a word of three letters ("II")."""
    ordered = sorted(arms, key=lambda e: e.start)
    keys = [(e, part_words(e.expanded or e.text)) for e in ordered if not is_control(e)]
    out: set[str] = set()
    for ent, key in keys:
        if not any(len(w) >= 3 and w.isalpha() for w in content_words(ent.text)):  # "II" (expanded "in gum acacia")
            continue
        prev = [e for e in ordered if e.end <= ent.start]
        if prev and not view.between(prev[-1].end, ent.start).strip(" ()[]"):
            continue  # the head after "... (FLEX)": words the arms share, not an arm of its own
        if any(adds_to(other, key) and not (other - key) & NEGATIONS for _, other in keys):
            out.add(ent.id)
    return out


_JOINT_WITH = re.compile(r"\b(?:combined|combination|together|along|associated|supplemented|plus|added)\s+with$",
                         re.IGNORECASE)
_AND_PAIR = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*and\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# what every arm gets on top of its own when a placebo / sham arm is the other ("X or placebo in addition to Y"):
# "in addition to Y", "added to Y", "as add-on to Y", "as an adjunct(ive treatment) to Y"
_BASE_TO = re.compile(r"\b(?:in\s+addition|added|add-?on|adjunct\w*(?:\s+(?:therapy|treatment))?)\s*$", re.IGNORECASE)
_ALLOCATED_TO = re.compile(r"\b(?:assign|allocat|randomi[sz]|random)\w*\s*$", re.IGNORECASE)
_MODIFIER_PAIR = re.compile(r"\b(?!(?:dai|week|month|year|night|hour|quarter|fortnight)ly\b)[a-z]{3,}ly\s+$")
_ONLY_BRACKETS = re.compile(r"^\s*(?:\([^()]{1,15}\)\s*)?$")
_SETTING_BEFORE = re.compile(r"\b(?:for|in(?!\s+(?:combination|addition|conjunction)\b)|after|following|undergoing|"
                             r"during|before|prior\s+to)\s+"
                             r"(?:(?!(?:therapy|treatment|administration|use|with|using|receiving|injection|infusion|"
                             r"supplementation)\b)[\w-]+\s+){0,2}$", re.IGNORECASE)


# the allocation verb itself ("randomized to", "randomly divided into", "allocated into"; not "randomized controlled
# trial to", nor "comparing")
_ALLOCATED_INTO = re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated)\s+(?:(?!trial\b|study\b)\w+\s+){0,2}?"
                             r"(?:in)?to\b", re.IGNORECASE)
# a component of a combination arm: "plus IFN-α2b", "+ a thrombolytic", "prednisolone combined with", "X plus"
_JOINED_BEFORE = re.compile(r"(?:\bplus|\+|\bcombined\s+with|\badded\s+to)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_JOINED_AFTER = re.compile(r"^\s*(?:\bplus\b|\+|combined\b)", re.IGNORECASE)
_JOINED_END = re.compile(r"(?:\bplus|\bcombined|\+)\s*$", re.IGNORECASE)


def other_allocated(view: SentenceView, arms: Sequence[EntityLike], is_main: Callable[[EntityLike], bool]
                    ) -> EntityLike | None:
    """The one other arm of an allocation that names the main intervention after its verb ("The patients were
    divided randomly into two groups and for first group, 10 μg/kg of Alfentanil was injected and for second group
    Remifentanil"): the arm after the verb that is no mention of the main one, when there is exactly one (its
    mentions counted once). Not a component joined to another arm ("an anticoagulant plus a thrombolytic", "same
    treatment as (A) plus IFN-α2b", "prednisolone combined with a GFD"), which is part of a combination arm; not a
    bare label or a span without a word of three letters."""
    m = _ALLOCATED_INTO.search(view.text)
    if m is None:
        return None
    at = view.start + m.end()
    others: dict[frozenset[str], EntityLike] = {}
    main_after = False
    for e in arms:
        if e.start < at:
            continue
        if is_main(e):
            main_after = True
            continue
        key = entity_words(e)
        if any(len(w) >= 3 for w in key) and not is_bare_label(e.text) \
                and not _JOINED_BEFORE.search(view.between(view.start, e.start)) \
                and not _JOINED_AFTER.match(view.text[e.end - view.start:]) and not _JOINED_END.search(e.text):
            others.setdefault(key, e)
    return next(iter(others.values())) if main_after and len(others) == 1 else None


def title_arms(view: SentenceView) -> list[PlainEntity]:
    """The title's INTERVENTION entities that can be its main intervention: not those in the title's
    setting - introduced by "for" / "in" / "after" / "following" / "undergoing" / "during" ("Femtosecond-assisted
    LASIK for consecutive hyperopia after radial keratotomy", "BTB allografts for anterior cruciate ligament
    reconstruction", "... in a Swine Model of Reperfused Acute Myocardial Infarction"; not "after therapy with X",
    "in combination with X"), unless every one is; nor the arm the title sets up as the alternative
    (:func:`design_comparators`: "X versus Y", "X: a comparison with the landmark technique") or words
    like a control, unless every one is (round 7: the main intervention was the title arm mentioned most, the
    comparator when the abstract names it more often)."""
    ents = view.label("INTERVENTION")
    lead = [e for e in ents if not _SETTING_BEFORE.search(view.text[:e.start - view.start])] or ents
    alternatives = design_comparators(view, view.label("INTERVENTION", "COMPARATOR"))
    return [e for e in lead if e.id not in alternatives and not is_control(e)] or lead

