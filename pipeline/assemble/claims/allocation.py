"""Design sentences that allocate arms, read for the intervention context (:mod:`.context`): the allocation
wording (:data:`ALLOCATION`: "randomly assigned to", "comparing"), a sentence whose subject is the control group
(:data:`CONTROL_SUBJECT`, :func:`control_arm_named`), what the control group received after a sentence's start
(:func:`control_arm_received`) and an aim's arm span that names what the effect is measured on (:func:`measured`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import SentenceView
from .control import is_control
from .gates import Alternation, Gated
from .labels import bare_control
from .plain import EntityLike

CONTROL_SUBJECT = re.compile(r"^\W*(?:[\w-]+\s+(?:patients|subjects|participants|women|men|children)\s+)?"
                              r"(?:in\s+)?(?:the\s+)?(?:control|placebo|comparison|sham)\s+(?:groups?|arms?|"
                              r"condition|subjects|patients)\b(?!\s+(?:and|or|vs\.?|versus)\b)", re.IGNORECASE)
#: allocation wording, asked yes/no (``found``) of every sentence: two runs, each scanned only with its keyword
ALLOCATION = Alternation([
    Gated(re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated)\s+(?:\w+\s+){0,2}?(?:in)?to\b", re.IGNORECASE),
          ("random", "assigned", "allocated")),
    Gated(re.compile(r"\b(?:to\s+compare|comparing|comparison\s+(?:of|between))\b", re.IGNORECASE), ("compar",))])
#: "... and cats in the control group received X" (session 14): what the control arm got, after the sentence's start
_CONTROL_RECEIVED = Gated(re.compile(r"\b(?:control|placebo|comparison|sham)\s+(?:groups?|arms?)\s*"
                                     r"(?:\([^()]{1,20}\)\s*)?(?:(?:was|were)\s+)?"
                                     r"(?:received|given|underwent|treated\s+with|took|got|consumed|used)\b",
                                     re.IGNORECASE), ("control", "placebo", "comparison", "sham"))
_CLAUSE_END = re.compile(r"[;.]")  # the clause of a cue ends here
_THE_BEFORE = re.compile(r"(?:^\W*|\bthe\s+)$", re.IGNORECASE)
_MEASURED = re.compile(r"\b(?:outcomes?|end-?points?)\b", re.IGNORECASE)
_OUTCOME_BEFORE = re.compile(r"\bon\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor)\b|n't\b", re.IGNORECASE)


def control_arm_named(view: SentenceView, ents: Sequence[EntityLike]) -> EntityLike | None:
    """In a design sentence whose subject is the control group ("The control group took part in the horse
    riding exercises without a blindfold"), the first arm it names is the control arm's name, unless a
    control-worded arm already names it ("received routine care") or the verb is negated ("Control group did
    not receive the education")."""
    named = [e for e in ents if not bare_control(e.text)]
    if not named or any(is_control(e) for e in named) \
            or _NEGATED.search(view.between(view.start, named[0].start)):
        return None
    return named[0]


def control_arm_received(view: SentenceView, ents: Sequence[EntityLike]) -> EntityLike | None:
    """What a design sentence says the control group received after its start ("Cats in the study group received
    cross-match and blood type compatible pRBCs and cats in the control group received noncross-matched blood type
    compatible pRBCs"): the first arm after the cue in its clause, when it is not control-worded (a control-worded
    arm is the comparator already) (session 14)."""
    m = _CONTROL_RECEIVED.search(view.text)
    if m is None or not _THE_BEFORE.search(view.text[:m.start()]):
        return None  # "The PC control group received antiemetic agents": the group has a name ("PC") already
    at = view.start + m.end()
    after = sorted((e for e in ents if e.start >= at and not bare_control(e.text)), key=lambda e: e.start)
    if not after or _CLAUSE_END.search(view.between(at, after[0].start)) or is_control(after[0]):
        return None
    return after[0]


def measured(view: SentenceView, ent: EntityLike, short_forms: dict[str, str]) -> bool:
    """An arm span that names what the effect is measured on: after "on" ("the effect of X on serum
    prostate-specific antigen"), or an outcome word, its abbreviation's long form included ("PO")."""
    text = f"{ent.text} {ent.expanded or short_forms.get(ent.text, '')}"
    return bool(_MEASURED.search(text) or _OUTCOME_BEFORE.search(view.between(view.start, ent.start)))


#: what follows "after" / "following" in a setting, up to the arm: at most two words, none of them a word that makes
#: the phrase a treatment given ("after treatment with X"); read by ``arms._RESULT_SETTING`` too
SETTING_TAIL = (r"(?:(?!(?:therapy|treatment|administration|use|with|using|receiving|injection|infusion|"
                r"supplementation)\b)[\w-]+\s+){0,2}$")
#: the setting a design sentence opens on, before its arms: "After PCI, the treatment group received ..." (as
#: ``arms._RESULT_SETTING`` reads a result sentence's "after X")
_DESIGN_SETTING = re.compile(r"^\W*(?:after|following|prior\s+to)\s+" + SETTING_TAIL, re.IGNORECASE)


def in_setting(view: SentenceView, ent: EntityLike) -> bool:
    """Is ``ent`` named in the patients' setting of a design sentence ("After PCI, the treatment group received
    Danhong injection ...", EI train 5863299): what every arm had, not what a group was allocated (session 17)."""
    return bool(_DESIGN_SETTING.search(view.between(view.start, ent.start)))
