"""Claim assembly: Record (+ Doc) -> :class:`claimex.schema.Claim` list.

Per sentence, in order: typing (:mod:`.types`), arms and roles with cross-sentence intervention
context (:mod:`.context`, :mod:`.link`, :mod:`.sides`), arm values and claim groups (one claim per outcome when a
sentence reports separate comparisons for several outcomes), judged or compared (:mod:`.decision`), direction and
significance (:mod:`.direction` for comparisons, :mod:`.single` for judged single-arm results, :mod:`.significance`),
hedging and negation (:mod:`.hedging`). Before that, entities are grounded to the
record's MeSH headings and chemicals (:mod:`.grounding`; sets ``Entity.mesh`` in place). After all sentences, a
result compared only by a change word in an abstract that reports within the arms is judged (:mod:`.reporting`), and a
finding whose intervention was wholly carried takes the arm the compared findings report (:mod:`.reported`).

The rules and their reasons are written up in ``docs/claims.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from ...schema import ArmValue, Claim, ClaimType, Direction, Record
from .armrank import ArmRanker, TrialCheck, default_ranker_path, load_ranker
from .arms import arms_of, settle_roles, stray_arms_dropped, stray_comparators_dropped, valued_pair
from .base import SentenceView, entity_words, sentence_views, unique
from .botharms import each_arm_valued
from .confidence import ConfidenceModel, default_confidence_path, load_confidence
from .context import InterventionContext
from .coordinated import split_coordinated
from .decision import CARRY, cue_text, decide, judge, rejudge, set_aside
from .design import adds_to, distinct_arms, same_intervention
from .direction import (
    Decision,
    DirectionModel,
    classifier_text,
    comparison_evidence,
    decide_comparison,
    load_model,
)
from .doselabels import dose_labels
from .emptyother import fill_empty_comparator
from .everyarm import beside_null, judged_in
from .grounding import ground
from .groups import Group, claim_groups, split_by_arm, split_by_comparator
from .hedging import hedged
from .joined import alone_kept, split_joined_arms
from .laterverdict import null_clause
from .link import arm_values, clause_arm, role_spans, roles_of
from .plain import EntityLike, plain_entities
from .polarity import BOTH_ARMS
from .reported import carry_reported
from .reportedother import carry_reported_comparator
from .reporting import Reporting, changed, changed_arms, changed_over_time, located, valued_apart
from .sidebyside import side_by_side
from .sides import (
    arms_apart,
    between_arms,
    both_named_changed,
    common_arm,
    comparator_alone,
    controlled_design,
    every_subject,
    within_arms,
)
from .significance import DEGREE, compares_arms
from .single import single_arm_direction
from .subgroups import subgroup_denied
from .switches import off
from .types import TypingState, classify, methods_cue
from .unchanged import unchanged

__all__ = ["ClaimAssembler", "assemble_claims", "ground", "load_model", "single_arm_direction"]

_COMPARED = ("increase", "decrease", "no_difference")
_NEEDS_OUTCOME = ("finding", "adverse_effect")  # claim types dropped without an outcome (unless ``outcomeless``)


def _judged_change(decision: Decision) -> bool:
    """A single-arm judgement (positive / negative) read from a change, polarity or negation words - not a value
    merely observed in every arm ("three cases of sore throat in each group", "4.0 days in both treatment groups":
    the arms' values set side by side, a comparison)."""
    return decision.direction in ("positive", "negative") and decision.source != "observed"


_M = TypeVar("_M")


def _model_option(option: Any, cls: type[_M], off: str, load: Callable[[Path | None], _M | None]) -> _M | None:
    """A model option of :class:`ClaimAssembler`: a loaded ``cls`` as given, None for the word ``off`` (the rules
    alone), else ``load`` of the path given (None: the shipped model, when present)."""
    if isinstance(option, cls):
        return option
    if option == off:
        return None
    return load(None if option is None else Path(option))


class ClaimAssembler:
    """Assembles the claims of records. ``model``: a direction model directory, a loaded
    :class:`DirectionModel`, ``"cues"`` (no classifier), or None for the shipped model when present.
    ``arms``: the arm ranker (:mod:`.armrank`) - a weights file or folder, a loaded :class:`ArmRanker`,
    ``"rules"`` (the rules' arms only), or None for the shipped ranker when present."""

    def __init__(self, model: None | str | Path | DirectionModel = None,
                 arms: None | str | Path | ArmRanker = None, outcomeless: bool = False,
                 confidence: None | str | Path | ConfidenceModel = None):
        # ``outcomeless``: keep finding/adverse_effect claims that name no outcome entity. By default they are
        # dropped (GUIDELINES, Findings: a result with no nameable outcome gives no finding; a reviewer would
        # have to write the outcome in): findings tune precision 0.863 -> 0.904, spurious 0.042 -> 0.030, no
        # gold finding lost. True keeps every typed sentence's claim (sentence-typing diagnostics and tests).
        self.outcomeless = outcomeless
        self.arms: ArmRanker | None = _model_option(
            arms, ArmRanker, "rules", lambda path: load_ranker(path or default_ranker_path()))
        self.model: DirectionModel | None = _model_option(model, DirectionModel, "cues", load_model)
        # per-field confidence (:mod:`.confidence`): a weights file or folder, a loaded model, "off", or None for
        # the shipped weights when present
        self.confidence: ConfidenceModel | None = _model_option(
            confidence, ConfidenceModel, "off", lambda path: load_confidence(path or default_confidence_path()))

    def __call__(self, record: Record) -> list[Claim]:
        split_joined_arms(record)
        alone_kept(record)
        dose_labels(record)
        ground(record)
        state = TypingState(tagged=bool(record.entities))
        ctx = InterventionContext(short_forms={a.short: a.long for a in record.abbreviations},
                                  controlled=controlled_design(record.text))
        claims: list[Claim] = []
        per_arm: list[Claim] = []  # single-arm findings of an arm the sentence judged (kept from the arm ranker)
        reporting = Reporting()
        entities = plain_entities(record)  # the entities as the assembly reads them (:mod:`.plain`), once
        views = sentence_views(record, entities)
        # which arm mentions are no arm of the trial (:mod:`.trialarm`), made on first need: the comparator slot
        # never holds them
        check = None
        if self.arms is not None and self.arms.trial_arms is not None:
            check = ctx.no_arms = TrialCheck(self.arms, record, views, entities)
        ctx.prime(views)
        for view in views:
            ctype = classify(view, state)
            if ctype is not None:
                for claim in self._claims(view, ctype, ctx, per_arm, reporting):
                    claim.id = f"C{len(claims) + 1}"
                    claims.append(claim)
            design = view.index == 0 or ctype == "aim" or (ctype is None and methods_cue(view))
            ctx.observe(view, ctype, design=design)
        if reporting.within_arms():
            for claim, view, ctype, group in reporting.loose:
                rejudge(claim, view, ctype, group)
        if self.arms is not None:
            # the arm of a per-arm single-arm finding is the arm itself, not the ranker's pick for the claim
            kept = {c.id for c in per_arm}
            rerank = [c for c in claims if c.id not in kept]
            if check is not None and check.made is None and self.confidence is not None \
                    and self.arms.wants_check(rerank):
                check()  # made here where the ranker would make it, so that the confidence shares its facts
            ranked = iter(self.arms.rerank(record, rerank, views, check.made if check is not None else None,
                                           entities))
            claims = [c if c.id in kept else next(ranked) for c in claims]
        # a per-arm single-arm finding keeps its arm from the reported-arm carry too (:mod:`.reported`): the copy made
        # for a carried comparator ("whereas the control group showed no change") is that arm's finding (session 17)
        kept = {c.id for c in per_arm}
        carry_reported(record, [c for c in claims if c.id not in kept])
        # the other arm as the results report it (:mod:`.reportedother`)
        carry_reported_comparator(record, [c for c in claims if c.id not in kept], ctx)
        claims = split_coordinated(record, claims)
        # a comparison whose slot is still empty: the other arm as the results report it (:mod:`.emptyother`)
        fill_empty_comparator(record, claims, ctx)
        if self.confidence is None:
            return claims
        # the arm ranker's facts of the abstract when the trial-arm check made them (else the scoring makes them)
        facts = check.made[0] if check is not None and check.made is not None else None
        return self.confidence.score(record, claims, self.arms, facts)

    def _claims(self, view: SentenceView, ctype: str, ctx: InterventionContext,
                per_arm: list[Claim], reporting: Reporting) -> list[Claim]:
        """The claims of one typed sentence; ``per_arm`` collects the single-arm findings made for the other arms
        of a sentence judged within the arms (see :func:`_judged_change`); ``reporting`` how the abstract reports
        its results so far (:class:`.reporting.Reporting`)."""
        if ctype in CARRY:
            settle_roles(view, ctx)
        arms = arms_of(view, ctx)
        if ctype in CARRY:
            carried, carried_c = ctx.carried(), ctx.named_comparator()
        else:
            arms = [a for a in arms if not a.inherited]
            carried, carried_c = [], None
        pairs = arm_values(view, arms, view.measures)
        if ctype in CARRY:
            valued_pair(arms, pairs, ctx.is_main)
        apart = arms_apart(view, arms) if ctype in CARRY else []
        every = both_named_changed(view, arms, ctx.comparators) if ctype in CARRY and not apart else []
        if len(distinct_arms(every)) >= 2:  # "Both A and B induced a decrease": one single-arm finding per arm
            apart = [a.entity for a in distinct_arms(every) if a.entity is not None]  # (all have one: distinct_arms)
        solo = bool(apart) or bool(every) or (ctype in CARRY and (comparator_alone(view, arms)
                                                                  or common_arm(view, arms)))
        compares = ctype in CARRY and not solo and between_arms(view, arms, pairs)
        roles = roles_of(view, arms, carried, carried_c, compares=compares, solo=solo)
        if ctype in CARRY:
            roles.intervention[:] = stray_arms_dropped(view, roles.intervention, ctx, pairs)
            roles.comparator[:] = stray_comparators_dropped(view, roles.comparator, arms)
        # two active arms side by side in a controlled trial: each against the design's control (:mod:`.sidebyside`)
        parallel = side_by_side(view, arms, roles.intervention, roles.comparator, carried_c,
                                lambda e: ctx.known_arm(e) and not ctx.set_aside(e)) \
            if ctype in CARRY and compares else []
        if parallel and carried_c is not None:  # (side_by_side finds none without a carried control)
            roles.comparator[:] = [carried_c]
            roles.inherited.append(carried_c)
        within = ctype in CARRY and (solo or (not compares and (within_arms(view, arms) or every_subject(view))))
        groups = claim_groups(view, pairs) if ctype in CARRY else [Group(roles.outcome, list(view.measures))]
        # each group with the arm it is said of (None: the claim's roles)
        armed: list[tuple[Group, EntityLike | None]]
        if apart:  # one single-arm finding per arm reported on its own
            armed = [(g, ent) for g in groups for ent in apart]
        elif ctype in CARRY and compares:
            armed = [g for group in groups for g in split_by_arm(view, group, pairs, roles.comparator)]
        else:
            armed = [(g, None) for g in groups]
        if parallel:
            armed = [(g, a) for g, arm in armed for a in ([arm] if arm is not None else parallel)]
        if ctype in CARRY and not apart:  # an outcome reported in the clause of one of several active arms
            armed = [(g, arm or clause_arm(view, g.outcomes, arms, ctx.seen)) for g, arm in armed]
        triples = [(g2, arm, comp) for g, arm in armed
                   for g2, comp in (split_by_comparator(view, g, arms, roles.comparator) if compares else [(g, None)])]
        out = []
        for group, arm, comp in triples:
            if (not group.outcomes and ctype in _NEEDS_OUTCOME and not self.outcomeless
                    and not off("skip_outcomeless")):
                continue  # its claims would be dropped below (no outcome): not decided (session 13, speed)
            ids = {m.id for m in group.measures}
            interventions = [arm] if arm is not None else roles.intervention
            comparators = [comp] if comp is not None else roles.comparator
            if comparators and ctx.no_arms is not None and ctype in CARRY:
                # a mention of no arm of the trial (:mod:`.trialarm`) is no comparator (the decision above still
                # read the sentence as comparing): the design's comparator is carried in its place
                not_arm = ctx.no_arms()
                comparators = [e for e in comparators if e.id not in not_arm]
            gpairs = [(m, a) for m, a in pairs if m.id in ids]
            # the comparator-side mentions the claim set apart: not what its cue word is said of (:mod:`.decision`)
            aside = set_aside(arms, comparators, roles.comparator if comp is not None else comparators)
            decision = decide(self.model, view, ctype, arms, group, gpairs, bool(roles.comparator), within,
                              single_arm=ctype in CARRY and carried_c is None, solo=solo, compares=compares,
                              controlled=ctx.controlled, aside=aside)
            inherited = list(roles.inherited)
            if (ctype in CARRY and not comparators and carried_c is not None and interventions and not solo
                    and decision.direction in _COMPARED and not every_subject(view)
                    and not any(same_intervention(entity_words(carried_c), entity_words(e))
                                and not adds_to(entity_words(e), entity_words(carried_c)) for e in interventions)):
                comparators = [carried_c]
                inherited.append(carried_c)
            out.append(Claim(
                id="",
                sentence=view.index,
                type=cast("ClaimType", ctype),  # (one of the sentence types: :mod:`.types`; pydantic checks it)
                population=[e.id for e in roles.population],
                intervention=[e.id for e in interventions],
                comparator=[e.id for e in comparators],
                outcome=[e.id for e in group.outcomes],
                measures=[m.id for m in group.measures],
                direction=cast("Direction | None", decision.direction),  # (a Decision's directions are these)
                significant=decision.significant,
                hedged=view.cached("hedged", lambda: hedged(view.text)),
                negated=decision.negated,
                text=view.text,
                start=view.start,
                end=view.end,
                arms=[ArmValue(measure=m.id, arm=a.entity.id if a.entity is not None else None, arm_text=a.text)
                      for m, a in gpairs],
                p_value=decision.p_value,
                inherited=unique(e.id for e in inherited if arm is None or e not in roles.intervention
                                 or e is arm),
                arm_mentions=[e.id for e in roles.mentions],
            ))
            if ctype in CARRY and decision.direction is not None:
                reporting.count(out[-1], view, ctype, group, decision, within=within,
                                loose=not compares and bool(comparators) and located(view, arms, cue_text(view))
                                and not compares_arms(cue_text(view), group.measures)
                                and not DEGREE.search(cue_text(view)))
            if ctype in CARRY and comparators and _judged_change(decision):
                # judged within the arms (a change or a judgement "in both groups") though the sentence names or
                # carries the other arm: one single-arm finding per arm (GUIDELINES, Findings: "improved in both
                # groups"), never a comparator beside a positive / negative direction
                own = out.pop()
                out.append(own.model_copy(update={"comparator": []}))
                if arm is None:
                    copies = [own.model_copy(update={"intervention": [c.id], "comparator": []}) for c in comparators]
                    out.extend(copies)
                    per_arm.extend(copies)
            if (ctype in CARRY and not comparators and arm is None and carried_c is not None and interventions
                    and _judged_change(decision) and all(e in roles.inherited for e in interventions)
                    and carried_c not in interventions and each_arm_valued(view, group.measures)):
                # a result of every arm with each arm's figures in a sentence naming no arm: the design
                # comparator's own single-arm finding too (GUIDELINES, Findings; :mod:`.botharms`)
                own = out[-1]
                copy = own.model_copy(update={"intervention": [carried_c.id],
                                              "inherited": unique([*own.inherited, carried_c.id])})
                out.append(copy)
                per_arm.append(copy)
            beside = None  # the stretch of a change said of every arm beside the no difference (:mod:`.everyarm`)
            if decision.within and ctype in CARRY:
                # no difference between the arms and a significant change within them: a second, single-arm
                # finding of the change (GUIDELINES, Findings: "within a group over time and between groups")
                change = judge(view, ctype, group)
                out.append(out[-1].model_copy(update={"comparator": [], "direction": change.direction,
                                                      "significant": True, "negated": change.negated,
                                                      "p_value": change.p_value}))
            elif ctype in CARRY and not solo and decision.direction in _COMPARED and (
                    (comparators and decision.direction == "no_difference" and changed(view.text))
                    or changed_over_time(view.text, cue_text(view)) or unchanged(view)
                    or (decision.direction == "no_difference"
                        and (beside := beside_null(view, group)) is not None)):
                # no difference between the arms in a sentence that also says the outcome changed significantly
                # ("significant improvements in X in both groups; no significant differences were found"), or any
                # comparison in a sentence that measures the change against the arm's own start ("from baseline",
                # "pre- and post-", "over the 12-week period"; session 16): the change is a second, single-arm
                # finding (GUIDELINES, Findings: "the same outcome within a group over time and between groups in one
                # sentence gives two findings"), one per arm when every arm changed or has its own figures; so is an
                # outcome that stayed as it was ("whereas no significant change was observed in patients receiving red
                # yeast rice"; session 17, :mod:`.unchanged`), one per arm: said of one arm against the other's change,
                # or of every arm; so is a change said of every arm beside the no difference, significant or not
                # ("Improvements in health status were observed in both groups, with no significant difference between
                # the groups"; session 20, :mod:`.everyarm`), judged in its own stretch
                change = judge(view, ctype, group) if beside is None else judged_in(view, ctype, group, beside)
                if change.direction in ("positive", "negative"):
                    copies = changed_arms(out[-1], change, every=bool(BOTH_ARMS.search(cue_text(view)))
                                          or valued_apart(out[-1]) or unchanged(view))
                    out.extend(copies)
                    per_arm.extend(copies[1:])
            if ctype in CARRY and comparators and not solo and decision.direction in ("increase", "decrease") \
                    and decision.significant is not False and group.outcomes and "but not" in view.text.lower():
                # "significantly improved DFS and OS in patients with TNBC but not in those with hormone receptor-
                # positive disease": the subgroup (or time point) denied after "but not" is a second finding of the
                # same arms and outcome, no difference (GUIDELINES, Findings; :mod:`.subgroups`)
                denied = subgroup_denied(view)
                if denied is not None:
                    base = next(c for c in reversed(out) if c.comparator)
                    out.append(base.model_copy(update={
                        "direction": "no_difference", "significant": False, "negated": False, "p_value": None,
                        "measures": [m.id for m in group.measures if denied[0] <= m.start - view.start < denied[1]],
                        "arms": []}))
            if ctype in CARRY and comparators and not solo and decision.direction in ("increase", "decrease") \
                    and decision.significant is not False and group.outcomes:
                # "significantly lower ... at 6 months (P=0.001), but did not differ at 12 months": the contrast
                # clause that denies the difference at another time point or subgroup is a second finding of the
                # same arms and outcome, no difference (GUIDELINES, Findings; :mod:`.laterverdict`)
                null = null_clause(view, [o.start - view.start for o in group.outcomes])
                base = next(c for c in reversed(out) if c.comparator)
                if null is not None and base.direction == decision.direction:  # not after a "but not" copy
                    out.append(base.model_copy(update={
                        "direction": "no_difference", "significant": False, "negated": False, "p_value": None,
                        "measures": [m.id for m in group.measures if null[0] <= m.start - view.start < null[1]],
                        "arms": []}))
        if self.outcomeless:
            return out
        return [c for c in out if c.outcome or c.type not in ("finding", "adverse_effect")]

    # -- one-sentence helpers (evaluation and training on Evidence Inference) ---------------------------
    def _single(self, record: Record):
        view = sentence_views(record)[0]
        arms = arms_of(view, InterventionContext())
        return view, arms

    def compare(self, record: Record) -> Decision:
        """The comparison decision for the first sentence of ``record`` (its INTERVENTION, COMPARATOR and
        OUTCOME entities as the roles), as the pipeline makes it for a comparative finding."""
        view, arms = self._single(record)
        pairs = [(m, a.side) for m, a in arm_values(view, arms, view.measures) if a.side and a.entity is not None]
        outcomes = view.label("OUTCOME")
        return decide_comparison(view.text, view.start, view.measures, role_spans(view, arms, outcomes), pairs,
                                 self.model, " ".join(o.text for o in outcomes))

    def classifier_input(self, record: Record) -> str:
        """The direction classifier's input for the first sentence of ``record``: the rules' evidence as
        feature words, then the sentence with its roles marked."""
        view, arms = self._single(record)
        pairs = [(m, a.side) for m, a in arm_values(view, arms, view.measures) if a.side and a.entity is not None]
        outcomes = view.label("OUTCOME")
        spans = role_spans(view, arms, outcomes)
        ev = comparison_evidence(view.text, view.start, view.measures, spans, pairs, " ".join(o.text for o in outcomes))
        return classifier_text(ev, view.text, spans)


_DEFAULT: dict[str, ClaimAssembler] = {}


def assemble_claims(record: Record, doc=None) -> list[Claim]:
    """The claims of ``record`` (entities grounded in place). ``doc`` (the spaCy Doc) is accepted for
    the assemble interface; everything needed is on the Record."""
    if "default" not in _DEFAULT:
        _DEFAULT["default"] = ClaimAssembler()
    return _DEFAULT["default"](record)
