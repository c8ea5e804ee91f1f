"""The arms of one sentence: its I/C entities and arm phrases, resolved through the cross-sentence
context (:mod:`.context`), with their sides (intervention "I" or comparator "C"):

* a tagged bare label ("the intervention group", "controls") stands for the named arm it refers to;
* a mention of a design comparator, a control word, or an arm introduced by "than" / "compared with" /
  "versus" / "differed from that of" is the comparator; two different arms written as a pair ("for LMQs
  and OEQs", "between A and B") with no comparator: the second is;
* :func:`settle_roles` settles outcome/arm tag conflicts in a result sentence with the design's arms.
"""

from __future__ import annotations

import re

from .allocation import SETTING_TAIL
from .base import SentenceView, entity_words
from .context import (
    Arm,
    InterventionContext,
    is_bare_label,
    is_control,
)
from .design import COMPARE_BEFORE, distinct_arms, same_intervention
from .framed import framed_not_arm
from .gates import prefiltered
from .labels import ARM_HEAD, ARM_HEAD_WORD, PLURAL_ARMS, arm_phrases, bare_control
from .orientation import opened_by_comparison
from .phrases import resolve
from .plain import EntityLike, PlainMeasure
from .switches import off


def settle_roles(view: SentenceView, ctx: InterventionContext) -> None:
    """Tagger conflicts in a result sentence, settled with the design's arms (``view.entities`` edited):
    a span tagged both OUTCOME and INTERVENTION/COMPARATOR ("OLP", "LMA Supreme") is an arm when it names
    a main intervention or a design comparator, else an outcome (an outcome phrase that holds a known
    arm's name keeps both). Nothing changes before the design named any arm.

    (Dropping the other I/C spans of a sentence that name no design arm was tried: +0.02 intervention
    right on the findings tune split, but EvidenceMap chains lost 2-3 points with gold entities and with
    the tagger, so it is not done.)"""
    if not ctx.main and not ctx.design_arms:
        return
    arms = view.label("INTERVENTION", "COMPARATOR")
    outcomes = view.label("OUTCOME")
    drop: set[int] = set()
    for arm in arms:
        clash = [o for o in outcomes if o.start < arm.end and arm.start < o.end]
        if not clash:
            continue
        if _names_design_arm(arm, ctx):
            # an outcome phrase that merely holds the arm's name ("OLP for the i-gel") stays
            drop.update(id(o) for o in clash if o.start >= arm.start and o.end <= arm.end)
        else:
            drop.add(id(arm))
            view.not_arms.append((arm.start, arm.end))
    if drop:
        view.entities = [e for e in view.entities if id(e) not in drop]
        view._cache.clear()


def _names_design_arm(ent: EntityLike, ctx: InterventionContext) -> bool:
    """Does ``ent`` name a main intervention or a design comparator?"""
    key = entity_words(ent)
    return any(same_intervention(key, m) for m in ctx.main) or ctx._is_known_comparator(ent)


_ALONE_AFTER = re.compile(r"^\s+alone\b", re.IGNORECASE)
# patterns once used inline (``re.match(pattern, ...)``): compiled here, not looked up in re's cache per call
_ARM_TAIL = re.compile(rf"\s*{ARM_HEAD}\b")  # "group" after an entity (case as written)
_OF_THE = re.compile(r"^\s+of\s+(?:the\s+)?$")
_BETWEEN_END = re.compile(r"\bbetween\s+(?:the\s+)?$")


def arms_of(view: SentenceView, ctx: InterventionContext) -> list[Arm]:
    """The arms mentioned in ``view``: its I/C entities (an entity followed by "group"/"arm" takes
    the word into its span) and arm phrases outside them, in text order."""
    arms: list[Arm] = []
    ents = sorted(view.label("INTERVENTION", "COMPARATOR"), key=lambda e: e.start)
    for ent in ents:
        tail = _ARM_TAIL.match(view.text[ent.end - view.start:])
        end = ent.end + (tail.end() if tail else 0)
        text = view.text[ent.start - view.start:end - view.start]
        if is_bare_label(text) or bare_control(text):
            # a tagged bare label ("the intervention group", "controls", "the control intervention"): the named arm
            # it stands for
            named, side = resolve(ctx, text, None)
            if named is not None and named.id != ent.id and not is_bare_label(named.text):
                arms.append(Arm(ent.start, end, text, named, side, inherited=True, mention=ent))
                continue
            if is_bare_label(text) and (ctx.main or ctx.design_arms):
                continue  # names no arm and stands for none ("after surgery"): the main one is carried
        if framed_not_arm(view, ent):
            continue  # the outcome's measuring method or the condition treated ("By HBPM, ...", "treatment for ABC")
        # "X alone" beside a different arm is the control arm: "between the FMS/RSV and FMS alone groups"
        alone = _ALONE_AFTER.match(view.text[end - view.start:]) and any(
            o.text.lower() != ent.text.lower() for o in ents if o is not ent)
        arms.append(Arm(ent.start, end, text, ent, "C" if alone else ctx.side_of(ent)))
    for a, b, label, pre, words in arm_phrases(view.text):
        start, end = view.start + a, view.start + b
        if any(x.start < end and start < x.end for x in arms):
            continue
        phrase = view.text[a:b]
        plural = not label and bool(PLURAL_ARMS.search(pre) or phrase.lower().endswith(("groups", "arms", "cohorts")))
        if not label and not words.strip() and not plural:
            continue
        found, side = (None, None) if plural else resolve(ctx, words, label)
        arms.append(Arm(start, end, phrase, found, side, inherited=found is not None, plural=plural))
    arms.extend(_re_mentions(view, ctx, arms))
    arms = _outcome_list_items(view, _design_arms_only(view, arms, ctx), ctx)
    arms.sort(key=lambda a: a.start)
    _assign_sides(view, arms, lambda e: any(same_intervention(entity_words(e), m) for m in ctx.main))
    return arms


def _design_arms_only(view: SentenceView, arms: list[Arm], ctx: InterventionContext) -> list[Arm]:
    """When a sentence names an active arm of the design (a main intervention or a title/aim/methods arm;
    not a control or the design's comparator), a tagged I/C span that names no design arm, control or
    design comparator and that continues an outcome phrase ("withdrawal movements after rocuronium",
    "AEs related to osmotic diuresis") is part of the outcome's wording, not an arm. (Dropping every
    such span, or those after "of/in/with/during", cost EvidenceMap chains 1-2 points: "during rapid
    permissive hypercapnia", "the irradiated group" are arms the design sentences did not name.) Nor is a
    span that names no main intervention or design comparator in the sentence's setting ("... after LC",
    "prior to the embryo transfer"; the title rule of :func:`.design.title_arms`) or modifying an arm
    ("High-volume low-concentration of intraperitoneal bupivacaine")."""
    if not ctx.design_arms:
        return arms
    def known(a: Arm) -> bool:
        return a.entity is None or a.inherited or a.side == "C" or ctx.known_arm(a.entity) \
            or is_control(a.entity) or ctx._is_known_comparator(a.entity)
    def active(a: Arm) -> bool:
        return a.entity is not None and not a.plural and ctx.known_arm(a.entity) and not is_control(a.entity) \
            and not ctx._is_known_comparator(a.entity)
    if not any(active(a) for a in arms):  # a resolved arm ("the intervention group") counts for the setting
        return arms
    outcomes = view.label("OUTCOME")
    own = any(active(a) and not a.inherited for a in arms)

    def in_outcome_phrase(a: Arm) -> bool:
        before = [o for o in outcomes if o.end <= a.start and a.start - o.end <= 25]
        return not ARM_HEAD_WORD.search(a.text) and any(_OUTCOME_LINK.match(view.between(o.end, a.start))
                                                        for o in before)

    def in_setting(a: Arm) -> bool:
        """The sentence's setting or a modifier of an arm, not an arm: "... after LC", "prior to the embryo
        transfer", "for transurethral resection", "High-volume low-concentration of <arm>"."""
        if a.entity is None or a.inherited or a.side == "C" or is_control(a.entity) or ARM_HEAD_WORD.search(a.text):
            return False
        nxt = next((b for b in arms if b.start >= a.end and b.entity is not None), None)
        if nxt is not None and nxt.entity is not None and _names_design_arm(nxt.entity, ctx) \
                and _OF_THE.match(view.between(a.end, nxt.start)):  # (nxt: picked for having an entity)
            return True
        return not _names_design_arm(a.entity, ctx) and not PLURAL_ARMS.search(a.text) \
            and bool(_RESULT_SETTING.search(view.between(view.start, a.start))) \
            and not _compared(a, view, arms, ctx)

    return [a for a in arms if not in_setting(a) and (not own or known(a) or not in_outcome_phrase(a))]


def _compared(a: Arm, view: SentenceView, arms: list[Arm], ctx: InterventionContext) -> bool:
    """An arm that a comparison sets against another among ``arms``: "lower following HIT than following MCT".
    (A module function, not a closure of :func:`_design_arms_only`: compiled, a closure that another closure calls
    is kept in their shared environment, a reference cycle that held each sentence's view until a collection.)"""
    if COMPARE_BEFORE.search(view.between(a.start - 45, a.start)):
        return any(b.entity is not None and b.end <= a.start and ctx.known_arm(b.entity) for b in arms)
    return any(b.entity is not None and b.start >= a.end and ";" not in view.between(a.end, b.start)
               and COMPARE_BEFORE.search(view.between(b.start - 45, b.start)) for b in arms)


def _outcome_list_items(view: SentenceView, arms: list[Arm], ctx: InterventionContext) -> list[Arm]:
    """An I/C span that is an item of a comma list of outcomes ("fall risk score (p = 0.036), proprioception
    (p = 0.015), reaction time (p = 0.003)": an OUTCOME before and after it, only commas, "and" and a bracket
    between) is an outcome, not an arm - unless it names a main intervention or a design comparator."""
    outcomes = view.label("OUTCOME")

    def item(a: Arm) -> bool:
        if a.entity is None or a.inherited or _names_design_arm(a.entity, ctx) or is_control(a.entity):
            return False
        return any(_LIST_ITEM_GAP.match(view.between(o.end, a.start)) for o in outcomes if o.end <= a.start) \
            and any(_LIST_ITEM_GAP.match(view.between(a.end, o.start)) for o in outcomes if o.start >= a.end)
    return [a for a in arms if not item(a)] if outcomes else arms


# a result sentence's setting: "for" / "during" often introduce its arms there ("16 min for intranasal",
# "lower during PRVC ventilation than during VC ventilation"), unlike in a title
_RESULT_SETTING = prefiltered(
    re.compile(r"\b(?:after|following|undergoing|prior\s+to)\s+" + SETTING_TAIL, re.IGNORECASE))
_LIST_ITEM_GAP = re.compile(r"^\s*(?:\([^()]*\)\s*)?,\s*(?:and\s+)?$|^\s*(?:\([^()]*\)\s*)?,?\s*and\s+$")
_OUTCOME_LINK = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:after|following|related\s+to|due\s+to|associated\s+with|"
                           r"induced\s+by)\s+(?:the\s+)?$",
                           re.IGNORECASE)


def _short_label(text: str) -> bool:
    """A two-letter arm label in capitals ("TU", "FP"): an abbreviation the abstract names an arm by, found again
    only in capitals (not "to", "or")."""
    if off("short_label"):
        return False
    return len(text) == 2 and text.isalpha() and text.isupper()


def _re_mentions(view: SentenceView, ctx: InterventionContext, taken: list[Arm]) -> list[Arm]:
    """Earlier I/C entities written again here but not tagged ("... with docetaxel, while ... with
    5-fluorouracil+vinorelbine"): exact, case-insensitive, word-bounded repeats of their text, looked
    for in sentences that report numbers. Not over a span :func:`settle_roles` settled as an outcome
    ("OLP for the i-gel", where a methods sentence tagged "OLP" as an intervention too), nor where an OUTCOME
    entity is the same text ("fall risk score (p = 0.036), proprioception (p = 0.015)", an outcome list item;
    an arm inside a longer outcome - "serum levels of X" - is still found). A text of three letters or more, or a
    two-letter label in capitals (:func:`_short_label`: "83 % for those in the ACT arm" and "the TU arm"), matched
    in capitals only."""
    out: list[Arm] = []
    if not view.measures:  # only where arm values need their arms
        return out
    low = view.text.lower()
    seen: set[str] = set()
    latest_first = list(reversed(ctx.interventions))
    latest_first.sort(key=lambda e: -len(e.text))  # stable: the latest of equally long texts first
    for ent in latest_first:
        key = ent.text.lower()
        label = _short_label(ent.text)
        if (len(key) < 3 and not label) or key in seen:
            continue
        seen.add(key)
        pos = low.find(key)
        while pos >= 0:
            a, b = view.start + pos, view.start + pos + len(key)
            bounded = (pos == 0 or not low[pos - 1].isalnum()) and (pos + len(key) == len(low)
                                                                    or not low[pos + len(key)].isalnum()) \
                and (not label or view.text[pos:pos + len(key)] == ent.text)
            if bounded and not any(x.start < b and a < x.end for x in (*taken, *out)) \
                    and not any(x < b and a < y for x, y in view.not_arms) \
                    and not any(o.start == a and o.end == b for o in view.label("OUTCOME")):
                out.append(Arm(a, b, view.text[pos:pos + len(key)], ent, "C" if is_control(ent) else "I",
                               inherited=True))
            pos = low.find(key, pos + 1)
    return out


def _assign_sides(view: SentenceView, arms: list[Arm], main=None) -> None:
    """Undecided or all-"I" arms: the one introduced by "than"/"compared with"/"versus" (up to 45 characters
    before it: "than prophylactic treatment with magnesium sulphate") is the comparator;
    of a pair ("between the lidocaine group and the ketorolac group") the second, unless only the second is a
    main intervention (``main(entity)``): then the first."""
    singles = [a for a in arms if not a.plural]
    _coordinated_comparators(view, singles)
    named = [a for a in singles if a.entity is not None]
    if named and all(a.side == "C" for a in named):
        # only comparators named ("the CGI-I response rate for fluoxetine (78.2%) was significantly greater
        # compared with placebo", fluoxetine being the design's active reference): the first that is not
        # control-worded, set against a different arm, is this sentence's intervention
        # (``named``: arms with an entity; the ``is not None`` tests below only say so to the type checker)
        first = next((a for a in named if a.entity is not None and not is_control(a.entity)), None)
        if first is not None and first.entity is not None and any(
                a.entity is not None and not same_intervention(entity_words(a.entity), entity_words(first.entity))
                for a in named):
            for a in named:
                if a.entity is not None and same_intervention(entity_words(a.entity), entity_words(first.entity)):
                    a.side = "I"
    if any(a.side == "C" for a in singles):
        for a in singles:
            a.side = a.side or "I"
        return
    for k, arm in enumerate(singles):
        before = view.text[max(0, arm.start - view.start - 45):arm.start - view.start]
        if k > 0 and COMPARE_BEFORE.search(before) and arm.key != singles[0].key:
            arm.side = "C"
        elif k == 0 and opened_by_comparison(view, arm.start) and any(a.key != arm.key for a in singles[1:]):
            arm.side = "C"  # "Relative to CTL, EMO participants ... had fewer" (session 16, :mod:`.orientation`)
        else:
            arm.side = arm.side or "I"
    if any(a.side == "C" for a in singles):
        return
    # two different arms and no comparator: "for LMQs and OEQs", "between A and B", "A or B" - the
    # second of a pair written as a list is the comparator
    named = [a for a in singles if a.entity is not None]
    if not named:
        return
    first = named[0]
    if first.entity is None:  # never: ``named`` holds arms with an entity (said for the type checker)
        return
    first_words = entity_words(first.entity)
    others = [a for a in named if a.entity is not None and not same_intervention(entity_words(a.entity), first_words)]
    if not others or any(a.entity is not None and others[0].entity is not None
                         and not same_intervention(entity_words(a.entity), entity_words(others[0].entity))
                         for a in others):
        return
    second = others[0]
    gap = view.between(first.end, second.start)
    if _PAIR_GAP.match(gap) or _BETWEEN_END.search(view.between(first.start - 20, first.start)):
        if main is not None and main(second.entity) and not main(first.entity):
            second = first  # the main intervention is the pair's intervention, whichever comes first
        for a in named:
            if a.entity is not None and second.entity is not None \
                    and same_intervention(entity_words(a.entity), entity_words(second.entity)):
                a.side = "C"


def _coordinated_comparators(view: SentenceView, singles: list[Arm]) -> None:
    """Arms coordinated with an arm that "than" / "compared with" / "superior to" introduces are comparators
    too: "superior to both conventional instruments (p < 0.001) and laparoscopic instruments (p < 0.001)",
    "compared with lidocaine or ketorolac alone" (joined by and / or, not a bare comma: "Compared with placebo,
    low dose iloprost ..."). Only after a comparison cue: "in the placebo and
    lidocaine groups" coordinates the arms, it sets none against the other."""
    for k, arm in enumerate(singles[:-1]):
        before = view.text[max(0, arm.start - view.start - 45):arm.start - view.start]
        if not COMPARE_BEFORE.search(before):
            continue
        prev = arm
        for nxt in singles[k + 1:]:
            if not _COORDINATED.match(view.between(prev.end, nxt.start)) or nxt.key == arm.key:
                break
            nxt.side = "C"
            prev = nxt
        if prev is not arm:
            arm.side = "C"


_COORDINATED = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:and|or|and/or|nor)\s+(?:with\s+|to\s+|the\s+)?$",
                          re.IGNORECASE)
_PAIR_GAP = re.compile(r"^\s*(?:,|and|or|vs\.?|versus|with|/)\s+(?:the\s+|with\s+)?(?:[\w-]+\s+)?$|^\s*/\s*$",
                       re.IGNORECASE)


def valued_pair(arms: list[Arm], pairs: list[tuple[PlainMeasure, Arm]], main) -> None:
    """Two different arms with values of their own and no comparator named ("58% for CMF and 29% for
    epirubicin", "3.6 cm in the SaphLITE group versus 2.1 cm in the Clearglide group"): the sentence compares
    them, so one is the comparator - the one that is not the main intervention (``main(entity)``) when only
    the other is, else the later one. Sides are set in place on every mention of that arm."""
    singles = [a for a in arms if not a.plural and a.entity is not None]
    if any(a.side == "C" for a in singles):
        return
    valued = distinct_arms(a for _, a in sorted(pairs, key=lambda x: x[0].start))
    if len(valued) != 2:
        return
    first, second = sorted(valued, key=lambda a: a.start)
    if main(second.entity) and not main(first.entity):
        second = first
    if second.entity is None:  # never: distinct_arms keeps arms with an entity (said for the type checker)
        return
    key = entity_words(second.entity)
    for a in singles:
        if a.entity is not None and same_intervention(entity_words(a.entity), key):  # (singles: with an entity)
            a.side = "C"



def stray_arms_dropped(view: SentenceView, interventions: list[EntityLike], ctx: InterventionContext,
                       pairs: list[tuple[PlainMeasure, Arm]]) -> list[EntityLike]:
    """One arm per role: when a claim's intervention slot holds an arm the design named (a main intervention
    or a title/aim/methods arm) beside spans it never named, the latter are the sentence's setting, outcome
    or population words ("the use or the cost of health care" beside "social work-oriented case
    management"), not arms, and leave the slot. Kept: a span with arm values of its own ("48 min (IQR 94)
    for SMT"), one that shares a word with a kept design arm ("SeV-Gag and boosted" beside "SeV-Gag": a
    split regimen, not a stray word), one written as an arm ("the irradiated group using 0.15 microg/kg"),
    one naming the arms together ("the two products") and one coordinated with another arm of the slot
    ("for workshop-only and enriched-model nurses"). (EvidenceMap chains, whose gold labels such spans as
    interventions, lose 1-3 points: "In irradiated subjects", "the t80 of the opioid".)"""
    if len(interventions) < 2:
        return interventions
    known = [e for e in interventions if ctx.known_arm(e)]
    if not known or len(known) == len(interventions):
        return interventions
    valued = {a.entity.id for _, a in pairs if a.entity is not None}
    words = set().union(*(entity_words(e) for e in known))
    here = [e for e in interventions if view.start <= e.start < view.end]

    def arm_like(e: EntityLike) -> bool:
        if e.id in valued or entity_words(e) & words or e.start < view.start or e.end > view.end \
                or PLURAL_ARMS.search(e.text):
            return True
        if ARM_HEAD_WORD.search(view.text[e.start - view.start:e.end - view.start + 8]):
            return True
        return any(o is not e and (_COORDINATED.match(view.between(e.end, o.start)) or _LISTED.match(
            view.between(e.end, o.start)) or _COORDINATED.match(view.between(o.end, e.start))
            or _LISTED.match(view.between(o.end, e.start))) for o in here)
    return [e for e in interventions if e in known or arm_like(e)]


_LISTED = re.compile(r"^\s*,\s*(?:the\s+)?$")


def stray_comparators_dropped(view: SentenceView, comparators: list[EntityLike], arms: list[Arm]
                              ) -> list[EntityLike]:
    """One comparator per comparison: when this sentence introduces a comparator arm by a comparison cue ("HR for
    OS with olaparib versus TPC in prespecified subgroups were: prior chemotherapy ...", "compared to TPC, ...
    among patients who had not received chemotherapy"), other arms of the comparator slot that no cue introduces,
    that are not coordinated with a cued one, not control-worded and not a mention of a cued one are the
    sentence's setting or population words and leave the slot."""
    if len(comparators) < 2:
        return comparators
    sided = [a for a in arms if a.side == "C" and a.entity is not None and not a.plural
             and view.start <= a.start < view.end]
    cued = [a for a in sided
            if COMPARE_BEFORE.search(view.text[max(0, a.start - view.start - 45):a.start - view.start])]
    if not cued:
        return comparators
    for a in sided:  # "superior to both X and Y": the run coordinated with a cued arm
        if a not in cued and any(_COORDINATED.match(view.between(c.end, a.start)) for c in cued if c.end <= a.start):
            cued.append(a)
    keys = [entity_words(a.entity) for a in cued if a.entity is not None]  # (sided: arms with an entity)
    return [e for e in comparators if is_control(e) or any(same_intervention(entity_words(e), k) for k in keys)]
