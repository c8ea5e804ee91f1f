"""Cross-sentence intervention context: which intervention a sentence is about when it does not
name it, and which arm "the combination group" / "group II" / "the control group" refers to.

* The **main intervention** is the first active INTERVENTION entity (not control-worded, not a bare
  label, not the design's alternative) of the title (sentence 0), else of the first aim sentence, else
  of the first design (methods) sentence, else of the first finding; a second intervention of a title
  ("Effect of X on hypotension following induction of general anesthesia") is context, not a main one;
  a main span that joins two arms ("i-gel and LMA Supreme") is split once a design sentence names them apart.
  Mentions of the same intervention (same content words after abbreviation expansion, or one's
  words contained in the other's) are tracked; a claim that names no intervention *inherits* the
  latest earlier mention of each main intervention (``Claim.inherited``), or the arm the design allocates
  against the comparator when only the title names the main one (:meth:`InterventionContext.carried`).
* **Comparators** seen in the title, aim or methods (COMPARATOR entities, or INTERVENTION entities
  worded like a control: placebo, usual care, sham, "X alone") are remembered the same way.
* **Arm definitions**: ``X (group I)``, ``group A received X``, ``X group`` — an arm phrase of a
  later sentence resolves to the entity it names: its own words (``the lopinavir-ritonavir group``),
  a defined label (``group II``), a generic treatment word (``study/treatment/intervention group``
  -> the main intervention), a control word (``control/placebo group`` -> the comparator), or
  ``combination/combined`` -> the latest intervention worded as a combination (``A plus B``);
  :func:`.phrases.resolve`.
* **Design comparators**: the alternative a title, aim or methods sentence sets up ("randomised to X or
  Y", "comparing X with Y", "X versus Y") is remembered as a comparator, control-worded or not.

The arms of one sentence (entities, phrases, sides) are found in :mod:`.arms`; the wording of a design sentence
that allocates arms (allocation verbs, what the control group received) is read in :mod:`.allocation`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .allocation import ALLOCATION, CONTROL_SUBJECT, control_arm_named, control_arm_received, in_setting, measured
from .base import SentenceView, content_words, entity_words, same_stem
from .control import CONTROL, is_control
from .design import (
    addon_bases,
    design_comparators,
    mentions_arm,
    names_only,
    other_allocated,
    part_words,
    same_intervention,
    title_arms,
)
from .labels import bare_control, bracket_labels, defined_label, is_bare_label, role_brackets
from .plain import EntityLike
from .zones import zone_of


@dataclass
class Arm:
    """An arm mentioned in a sentence: an I/C entity of the sentence, or an arm phrase (resolved to
    an earlier entity when the context knows it)."""

    start: int
    end: int
    text: str
    entity: EntityLike | None = None
    side: str | None = None  # "I" or "C"
    inherited: bool = False  # the entity comes from an earlier sentence
    plural: bool = False  # "both groups": the arms together, not one arm
    mention: EntityLike | None = None  # the tagged bare label this arm was resolved from

    @property
    def key(self) -> str:
        return self.entity.id if self.entity is not None else self.text.lower()


@dataclass
class InterventionContext:
    main: list[frozenset[str]] = field(default_factory=list)  # word keys of the main interventions
    latest: dict[frozenset[str], EntityLike] = field(default_factory=dict)  # key -> latest mention
    comparators: list[EntityLike] = field(default_factory=list)
    interventions: list[EntityLike] = field(default_factory=list)  # every I/C entity seen, in order
    labels: dict[str, EntityLike] = field(default_factory=dict)  # "i", "a", "2" -> entity
    design_arms: list[frozenset[str]] = field(default_factory=list)  # word keys of title/aim/methods arms
    control_labels: set[str] = field(default_factory=set)  # labels defined as the control arm
    allocated: EntityLike | None = None  # the active arm an aim/methods sentence sets against a comparator
    short_forms: dict[str, str] = field(default_factory=dict)  # the record's abbreviations: short -> long form
    controlled: bool = False  # the abstract names a controlled design (sides.controlled_design)
    control_arms: list[EntityLike] = field(default_factory=list)  # what "the control group received" (design)
    main_designed: bool = False  # a design sentence after the title names a main intervention
    second_arms: list[EntityLike] = field(default_factory=list)  # comparators only as an allocation's other arm
    treated: EntityLike | None = None  # the arm a design sentence labels "(intervention group)"
    allocated_against: bool = False  # ``allocated`` was set against a comparator (not the first aim's arm)
    title_named: list[frozenset[str]] = field(default_factory=list)  # word keys of the title's I/C entities
    # the ids of mentions of no arm of the trial (:mod:`.trialarm`), asked on first need; never carried
    no_arms: Callable[[], frozenset[str]] | None = None

    # -- updating ---------------------------------------------------------------------------------------
    def prime(self, views: list[SentenceView]) -> None:
        """When the title names no intervention, the main one is the intervention the abstract
        mentions most often (abbreviations expanded: "HACE" counts for "hepatic arterial
        chemoembolization"), not merely the first one a sentence happens to name. When the title names
        several, the main one is the title's intervention (:func:`title_arms`: not its alternative) the
        abstract mentions most often (ties: the title's first), not all of them at once."""
        if not views or self.main:
            return
        candidates = title_arms(views[0])
        self.title_named = [entity_words(e) for e in views[0].label("INTERVENTION", "COMPARATOR")]
        title = list(dict.fromkeys(k for k in map(entity_words, candidates) if k))
        if len(title) == 1:
            if len(views[0].label("INTERVENTION")) > 1:
                self.main = title  # the others are the title's setting ("for ACL reconstruction")
            return  # else observe() takes it
        groups: list[list[frozenset[str]]] = []
        for view in views:
            for ent in view.label("INTERVENTION"):
                if nested(view, ent, "POPULATION"):
                    continue  # "migraine" in "150 migraine patients": not a mention of an arm
                key = entity_words(ent)
                if not key or is_control(ent) or is_bare_label(ent.text):
                    continue
                group = next((g for g in groups if same_intervention(key, g[0])), None)
                if group is None:
                    groups.append([key])
                else:
                    group.append(key)
        if title:
            counts = [sum(len(g) for g in groups if same_intervention(k, g[0])) for k in title]
            self.main = [title[counts.index(max(counts))]]
        elif groups:
            best = max(groups, key=len)  # first-seen wins ties (max keeps the first maximum)
            if len(best) >= 2:
                self.main = [best[0]]

    def observe(self, view: SentenceView, ctype: str | None, design: bool = False) -> None:
        """Record the interventions of a sentence after it was assembled. ``design``: the sentence is
        a title/aim/methods sentence (it may define the main interventions and the arms; its comparators,
        control-worded or introduced as the alternative, are the design's comparators)."""
        ents = [e for e in view.label("INTERVENTION", "COMPARATOR") if not is_bare_label(e.text)]
        arms = [e for e in ents if not nested(view, e, "POPULATION")]  # not "150 migraine patients"
        defining = design or view.index == 0
        # "were randomly assigned to receive CP-CEF (...) or P-CEF (...)" sets up the alternative whatever the
        # sentence was typed as (numbers of doses and cycles can make it look like a result)
        allocation = ALLOCATION.found(view.text)
        allocating = defining or allocation
        alternatives = design_comparators(view, ents) if allocating else set()
        if allocating and self.main:
            self._split_joined_main(ents, alternatives)
        alternatives = self._against_main(ents, alternatives)
        if view.index > 0 and allocation:
            alternatives |= addon_bases(view, arms)
        if not self.main and ents and (defining or ctype in ("aim", "finding", "conclusion")):
            actives = [e for e in ents if not is_control(e) and e.id not in alternatives
                       and not self._is_known_comparator(e)] or [e for e in ents[:1] if not is_control(e)]
            self.main = [k for k in (entity_words(a) for a in actives[:1]) if k]
        # "The control group took part in X": a design statement whether or not a methods cue marks it
        control_subject = (design or ctype is None) and bool(CONTROL_SUBJECT.match(view.text))
        control_named = control_arm_named(view, ents) if control_subject else None
        if (design or ctype is None) and not control_subject:
            control_named = control_arm_received(view, ents)
        # a sentence of a Background section sets up no comparator: "Control of blood sugar ... are key factors"
        background = ctype == "background" and zone_of(view.section) == "background"
        if design and view.index > 0 and not control_subject:
            # "The control group received routine care ... any special intervention ...": what the control
            # group got is no active arm the intervention group was allocated
            self._allocate(view, arms, alternatives, aim=ctype == "aim")
        for ent in ents:
            key = entity_words(ent)
            if defining and key and key not in self.design_arms:
                self.design_arms.append(key)
            if ent is control_named:
                self.comparators.append(ent)
                self.control_arms.append(ent)
                self.interventions.append(ent)
                self._define_label(view, ent)
                continue
            if defining and view.index > 0 and any(same_intervention(key, m) for m in self.main):
                self.main_designed = True
            for main in self.main:
                # a control-worded mention ("standard care plus intervention (LWP)") does not replace one
                # that names the active arm alone
                if same_intervention(key, main) and not (is_control(ent) and main in self.latest
                                                         and not is_control(self.latest[main])):
                    self.latest[main] = ent
            # an allocation's other arm (:meth:`_second_allocated`) gives way to a control-worded mention
            if (is_control(ent) or ent.id in alternatives) and (defining or ent.id in alternatives
                                                               or not (self._stated() or background)) \
                    and not self.names_main(ent):
                self.comparators.append(ent)
            self.interventions.append(ent)
            self._define_label(view, ent)
        if allocating and view.index > 0 and not background:
            self._name_roles(view, ents)
        if view.index > 0 and not background and allocation:
            self._second_allocated(view, arms)
        if defining:
            self._name_bare_controls(view, ents)
        self._define_bracket_labels(view, ents)

    def _against_main(self, ents: Sequence[EntityLike], alternatives: set[str]) -> set[str]:
        """The design's alternatives, where one names the main intervention and nothing else ("allocated to receive
        either idarubicin or mitoxantrone" in a trial of mitoxantrone) replaced by the arm it is set against: the
        nearest arm before it that shares no word with the main one and is not control-worded."""
        if not alternatives or not self.main:
            return alternatives
        out = set(alternatives)
        for alt in (e for e in ents if e.id in alternatives and self._plain_main(e)):
            before = [e for e in ents if e.end <= alt.start and not is_control(e)
                      and not any(same_stem(w, v) for w in entity_words(e) for m in self.main for v in m)]
            out.discard(alt.id)
            if before:
                out.add(max(before, key=lambda e: e.end).id)
        return out

    def _plain_main(self, ent: EntityLike) -> bool:
        """``ent`` names a main intervention and nothing else (:func:`.design.names_only`)."""
        return any(names_only(entity_words(ent), m) for m in self.main)

    def names_main(self, ent: EntityLike) -> bool:
        """A mention of a main intervention, not its control arm (:func:`.design.mentions_arm`: "sham tDCS")."""
        return any(mentions_arm(ent, m) for m in self.main)

    def _name_roles(self, view: SentenceView, ents: Sequence[EntityLike]) -> None:
        """Arms whose role a bracket of a design sentence names ("mammography and ultrasonography (intervention
        group) or mammography alone (control group)", :func:`.labels.role_brackets`): the control-labelled arm is what
        "the control group" received and the design's comparator (even when its words are the main one's: "X alone"),
        the intervention-labelled arm is what "the intervention group" received and is no comparator."""
        for role, ent in role_brackets(view, ents):
            if role == "C":
                if ent not in self.control_arms:
                    self.control_arms.append(ent)
                if ent not in self.comparators:
                    self.comparators.append(ent)
            elif not is_control(ent):
                self.treated = ent
                self.comparators = [c for c in self.comparators if c is not ent]

    def _second_allocated(self, view: SentenceView, arms: Sequence[EntityLike]) -> None:
        """The other arm of an allocation that names the main intervention and one more arm
        (:func:`.design.other_allocated`) is the latest design comparator; a later control-worded mention still
        replaces it (:meth:`_stated`)."""
        other = other_allocated(view, arms, self.is_main)
        if other is not None:
            self.comparators.append(other)
            self.second_arms.append(other)

    def _stated(self) -> bool:
        """Is a comparator known other than an allocation's other arm (:meth:`_second_allocated`)?"""
        return any(c not in self.second_arms for c in self.comparators)

    def _name_bare_controls(self, view: SentenceView, ents: Sequence[EntityLike]) -> None:
        """A bare control ("control condition", "control group") that a design sentence writes right after
        another arm's name ("a computer game control condition", tagged as two spans) is that arm: the named
        arm joins the comparators, after the bare one, so claims carry and resolve to the named control. A one-word
        modifier ("a waiting control arm") names no arm of its own."""
        ordered = sorted(ents, key=lambda e: e.start)
        for prev, ent in zip(ordered, ordered[1:]):
            if ent in self.comparators and bare_control(ent.text) and prev not in self.comparators \
                    and len(entity_words(prev)) >= 2 \
                    and not view.between(prev.end, ent.start).strip() \
                    and not any(same_intervention(entity_words(prev), m) for m in self.main):
                self.comparators.append(prev)

    def _allocate(self, view: SentenceView, ents: Sequence[EntityLike], alternatives: set[str],
                  aim: bool = False) -> None:
        """An aim/methods sentence that sets an active arm against a comparator ("a programme of progressive
        resistance exercise, mobilisation and orientation ... was superior to usual care alone"): its first
        active arm is what "the intervention group" received, in the design's words, not the title's. Failing
        such a sentence, the first aim's first active arm ("This study evaluates the effects of the Baltimore
        Experience Corps program"). An arm named inside the population ("ACS patients scheduled to undergo
        PCI", "105 PCNL patients") is the patients' setting, not what a group was allocated (:meth:`observe`
        leaves it out, also of the design's alternatives and of the first main intervention)."""
        against = [e for e in ents if is_control(e) or e.id in alternatives]
        actives = [e for e in ents if e not in against and not self._is_known_comparator(e)
                   and not any(same_intervention(entity_words(e), entity_words(c)) for c in against)]
        if not against:  # the first aim's arm: not what the effect is measured on ("the effect of X on serum PSA")
            actives = [e for e in actives if not measured(view, e, self.short_forms)]
        # "After PCI, the treatment group received X": the patients' setting is no allocated arm (session 17)
        actives = [e for e in actives if not in_setting(view, e)] or actives
        if actives and (against or (aim and self.allocated is None)):
            self.allocated = actives[0]
            self.allocated_against = bool(against)

    def _split_joined_main(self, ents: Sequence[EntityLike], alternatives: set[str]) -> None:
        """A main intervention that is two arms in one span (the title's "i-gel and Laryngeal Mask Airway
        Supreme"), once a design sentence names two different parts of it ("either the i-gel or the LMA
        Supreme"): the main one is the first active part that is not the design's alternative. A part's own
        abbreviation ("endotracheal tube (ETT)") is no word of its own."""
        main = self.main[0]
        parts: list[EntityLike] = []
        for ent in ents:
            key = part_words(ent.expanded or ent.text)
            if key and len(key) < len(main) and key <= main and not is_control(ent) \
                    and not any(same_intervention(key, entity_words(p)) for p in parts):
                parts.append(ent)
        if len(parts) < 2:
            return
        first = next((e for e in parts if e.id not in alternatives), parts[0])
        self.latest.pop(main, None)
        self.main = [entity_words(first)]

    def is_main(self, ent: EntityLike) -> bool:
        """Is ``ent`` a mention of a main intervention?"""
        key = entity_words(ent)
        return any(same_intervention(key, m) for m in self.main)

    def known_arm(self, ent: EntityLike) -> bool:
        """Is ``ent`` a mention of an arm the title, aims or methods named (or of a main intervention)?"""
        key = entity_words(ent)
        return any(same_intervention(key, k) for k in (*self.main, *self.design_arms))

    def set_aside(self, ent: EntityLike) -> bool:
        """Has the trial-arm check (:attr:`no_arms`) set ``ent`` aside as a mention of no arm of the trial?"""
        return self.no_arms is not None and ent.id in self.no_arms()

    def seen(self, ent: EntityLike) -> bool:
        """Was ``ent``'s intervention named as an I/C entity in an earlier sentence?"""
        key = entity_words(ent)
        return any(same_intervention(key, entity_words(e)) for e in self.interventions)

    def _is_known_comparator(self, ent: EntityLike) -> bool:
        """A mention of a comparator: the same intervention, with no words of its own beyond the
        comparator's ("dexamethasone and diclofenac K" is not a mention of "diclofenac K alone"), and not
        without the control word of a control-worded one ("moxibustion" is not "sham moxibustion")."""
        key = entity_words(ent)
        plain = not is_control(ent)
        for c in self.comparators:
            ck = entity_words(c)
            if not same_intervention(key, ck) or not all(any(same_stem(w, v) for v in ck) for w in key):
                continue
            # the comparator's own words in text order ("usual care", "X alone" span words), not a set's order
            own = " ".join(w for w in content_words(c.expanded or c.text) if not any(same_stem(w, v) for v in key))
            if not (plain and CONTROL.search(own)):
                return True
        return False

    def side_of(self, ent: EntityLike) -> str:
        """"C" for a control-worded entity or a mention of a design comparator (and not of a main
        intervention), else "I"."""
        if is_control(ent):
            return "C"
        key = entity_words(ent)
        if any(same_intervention(key, m) for m in self.main):
            return "I"
        return "C" if self._is_known_comparator(ent) else "I"

    def _define_label(self, view: SentenceView, ent: EntityLike) -> None:
        label = defined_label(view, ent)
        if label:
            self.labels[label] = ent

    def _define_bracket_labels(self, view: SentenceView, ents: Sequence[EntityLike]) -> None:
        """Labels in brackets (:func:`.labels.bracket_labels`); one whose own phrase is control-worded
        ("control group (Group C)") names the comparator arm."""
        for label, ent, phrase in bracket_labels(view, ents):
            if label in self.labels:
                continue
            self.labels[label] = ent
            if CONTROL.search(phrase) or is_control(ent):
                self.control_labels.add(label)

    # -- queries ----------------------------------------------------------------------------------------
    def main_mentions(self) -> list[EntityLike]:
        return [self.latest[k] for k in self.main if k in self.latest]

    def carried(self) -> list[EntityLike]:
        """The arm a result sentence that names none inherits: the latest mention of each main intervention;
        but when no design sentence after the title names the main one and a design sentence allocates an active
        arm against the comparator (:meth:`_allocate`) that shares no word with it, that arm (round 7: the title's
        "cognitive enhancement" vs the allocated "computerized auditory training"; not the title's "education
        programs" reworded as "school-based programs"). Session 12: also the first aim's arm when nothing was set
        against it ("to assess ... pertuzumab monotherapy" under a title whose arm is the fragment "dimerization
        inhibitor"), unless it is a mention of a design comparator or of another title arm (:meth:`_other_arm`)."""
        if self.treated is not None and not self.is_main(self.treated):
            return [self.treated]
        alloc = self.allocated
        if alloc is not None and not self.main_designed and not any(
                same_stem(w, v) for w in entity_words(alloc) for m in self.main for v in m) \
                and (self.allocated_against or not self._other_arm(alloc)):
            return [alloc]
        return self.main_mentions()

    def _other_arm(self, ent: EntityLike) -> bool:
        """A mention of a design comparator ("Pulpectomy" beside "conventional pulpectomy") or of a title arm that is
        not the main one: its setting or alternative ("Resection surgery" of "The Effects of Drinking Coffee While
        Recovering from Colon and Rectal Resection Surgery")."""
        key = entity_words(ent)
        return any(same_intervention(key, entity_words(c)) for c in self.comparators) \
            or any(same_intervention(key, k) for k in self.title_named)

    def comparator(self) -> EntityLike | None:
        return self.comparators[-1] if self.comparators else None

    def named_comparator(self) -> EntityLike | None:
        """The comparator a claim that names none carries: the latest one that names the control arm
        ("standard of care without macrolides"), not a bare "control" / "the control group" (unless no other
        was seen)."""
        if self.control_arms:  # what a design sentence says the control group received ("were injected with X")
            return self.control_arms[-1]
        # a mention the trial-arm check calls no arm of the trial (a setting every patient had: "percutaneous
        # coronary intervention" in a trial of morphine) is never carried
        pool = self.comparators
        if pool and self.no_arms is not None:
            not_arm = self.no_arms()
            pool = [c for c in pool if c.id not in not_arm]
        named = [c for c in pool if not bare_control(c.text)]
        found = named or pool
        return found[-1] if found else None

    def is_bare(self, ent: EntityLike) -> bool:
        return is_bare_label(ent.text)


def nested(view: SentenceView, ent: EntityLike, *labels: str) -> bool:
    """Does ``ent`` lie inside an entity of ``labels`` (another span than its own)?"""
    return any(o.start <= ent.start and ent.end <= o.end and (o.start, o.end) != (ent.start, ent.end)
               for o in view.label(*labels))
