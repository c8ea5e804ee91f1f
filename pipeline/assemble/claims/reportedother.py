"""The trial's other arm as its results report it (issue 10, session 19): the comparator counterpart of
:mod:`.reported`.

A reviewer names a finding's comparator "the other arm, named the same way" (GUIDELINES, Findings). When the
results set the intervention against one arm in their own words ("Response rates were 58% for CMF and 29% for
epirubicin"), a result that names no comparator ("Survival was better ...") is read against that arm, not against
an alternative the methods happened to name last and the results never speak of ("in addition to three QoL
instruments"). :func:`reported_comparator` is the arm named in their own sentence (an entity, or an arm phrase
resolved to one: "in the control arm", "children in Co group") as the single comparator of the most compared
findings (at least one, strictly more than any other arm; mentions grouped by :func:`.design.same_intervention`; no
bare label; only an arm of the trial - control-worded or an arm the title, aims or methods named, not one the
trial-arm check sets aside). :func:`carry_reported_comparator` gives it to the findings and adverse-effect claims
whose comparator was wholly carried from the context (no own entity, no arm phrase in the sentence) when the carried
arm is no mention of it and is not control-worded (a placebo / usual care / "X alone" the design set up names the
trial's control arm: kept - in trials of several active arms the results' most compared arm is often another active
arm), no finding names the carried arm in its own sentence (as intervention or comparator: results that never speak
of it are not about it), and the reported arm is no mention of the claim's intervention - replacing the carried
comparator by the reported arm's latest mention before the claim's sentence (its first mention when none is
earlier). Measured in ``docs/claims-rounds.md`` section 33.1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial

from ...schema import Claim, Record
from .base import entity_words
from .context import InterventionContext
from .control import is_control
from .design import same_intervention
from .labels import PLURAL_ARMS, arm_phrases, is_bare_label
from .plain import EntityLike
from .reported import mention_at, most_named
from .switches import off

_COMPARED = ("increase", "decrease", "no_difference")
_KINDS = ("finding", "adverse_effect")


def names_arm(text: str) -> bool:
    """Does a sentence name an arm by a phrase ("in the control arm", "group B"; not "both groups")? Its claim's
    comparator resolved from the phrase is the sentence's own word, not carried."""
    for _a, b, label, pre, words in arm_phrases(text):
        if label or (words.strip() and not PLURAL_ARMS.search(pre)
                     and not text[:b].lower().endswith(("groups", "arms", "cohorts"))):
            return True
    return False


def _named(c: Claim, record: Record, phrased: dict[int, bool]) -> bool:
    """Does the claim's sentence name its comparator (an own entity, or an arm phrase resolved to one)? ``phrased``
    caches :func:`names_arm` per sentence."""
    if any(i not in c.inherited for i in c.comparator):
        return True
    if c.sentence not in phrased:
        s = record.sentences[c.sentence]
        phrased[c.sentence] = names_arm(record.text[s.start:s.end])
    return phrased[c.sentence]


def reported_comparator(record: Record, claims: list[Claim], by_id: Mapping[str, EntityLike],
                        arm: Callable[[EntityLike], bool], phrased: dict[int, bool] | None = None) -> list[EntityLike]:
    """The mentions (in claim order) of the arm that the most compared findings name as their comparator in their
    own sentence (an entity or a resolved arm phrase); empty when none does, or two arms are named equally often.
    Only arms of the trial (``arm``) count."""
    phrased = {} if phrased is None else phrased

    def named() -> Iterator[EntityLike]:
        for c in claims:
            if c.type != "finding" or c.direction not in _COMPARED or len(c.comparator) != 1 \
                    or not _named(c, record, phrased):
                continue
            ent = by_id.get(c.comparator[0])
            if ent is not None and not is_bare_label(ent.text) and entity_words(ent) and arm(ent):
                yield ent

    return most_named(named())


def _trial_arm(ctx: InterventionContext, ent: EntityLike) -> bool:
    """Is ``ent`` an arm of the trial: control-worded or an arm the abstract named, not one the trial-arm check sets
    aside? (Bound with ``partial``, not a closure: compiled, this closure and its environment made a reference cycle
    that held the whole record until a collection.)"""
    return not ctx.set_aside(ent) and (is_control(ent) or ctx.known_arm(ent))


def carry_reported_comparator(record: Record, claims: list[Claim], ctx: InterventionContext) -> None:
    """Findings and adverse-effect claims whose comparator is wholly carried take the reported other arm
    (:func:`reported_comparator`) instead of a carried arm the results never name (in place; see the module
    docstring). ``ctx``: the abstract's context after its last sentence (which mentions are arms of the trial)."""
    if off("carry_reported_comparator"):
        return
    by_id = {e.id: e for e in record.entities}
    # claims that could take it: a comparator wholly inherited, none control-worded (cheap tests first)
    open_ = [c for c in claims if c.type in _KINDS and c.comparator and all(i in c.inherited for i in c.comparator)
             and not any(i in by_id and is_control(by_id[i]) for i in c.comparator)]
    if not open_:
        return

    arm = partial(_trial_arm, ctx)
    phrased: dict[int, bool] = {}
    mentions = reported_comparator(record, claims, by_id, arm, phrased)
    if not mentions:
        return
    at = mention_at(mentions, record)
    key = entity_words(mentions[0])
    named = [by_id[i] for c in claims if c.type == "finding" for i in (*c.intervention, *c.comparator)
             if i in by_id and (i not in c.inherited or (i in c.comparator and _named(c, record, phrased)))]
    for c in open_:
        if _named(c, record, phrased):
            continue
        carried = [by_id[i] for i in c.comparator if i in by_id]
        if not carried or any(same_intervention(entity_words(e), key) for e in carried):
            continue
        if any(same_intervention(entity_words(e), entity_words(n)) for e in carried for n in named):
            continue  # the results name the carried arm too
        if any(same_intervention(entity_words(by_id[i]), key) for i in c.intervention if i in by_id):
            continue  # the reported arm is the claim's own intervention: its arms are read the other way round
        chosen = at(c.sentence)
        c.inherited = [i for i in c.inherited if i not in c.comparator] + [chosen.id]
        c.comparator = [chosen.id]
