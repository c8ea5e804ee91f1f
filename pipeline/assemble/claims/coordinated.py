"""Arms reported together: one claim per coordinated arm.

A result sentence can give one result for several arms at once, coordinated as its subject or arm phrase:
"Addition of buprenorphine (60 μg) or dexmedetomidine (5 μg) to intrathecal bupivacaine ... prolongs the
time to the first analgesic request", "Tamsulosin 400 μg and nifedipine 30 mg are not effective at ...".
The finding unit (``corpora/gold/GUIDELINES.md``, Findings) is one outcome's result for *one* comparison, so
each coordinated arm is its own finding with the sentence's outcome, numbers, direction and significance. The
rules make one claim of such a sentence, holding one of the arms or, worse, setting one against the other
("buprenorphine" versus "dexmedetomidine").

:func:`split_coordinated` (after the arm ranker) looks in a finding's or adverse effect's sentence for a run
of two or more I/C mentions of *different* arms (:func:`.design.same_intervention`) joined only by "and",
"or", "and/or" or commas, the last join an "and"/"or" (a dose or a bracket may follow each member:
"buprenorphine (60 μg) or ..."; "the study test, rWGS" is an apposition). Not such a run: one introduced as a
comparison ("than X or Y", "compared with X and Y", "versus"), one combined regimen ("a combination of X and
Y", "synergistic use of X and Y", "patients receiving X and Y" - an "or" run after "receiving" stays
alternatives), or a run one of whose arms is also the claim's comparator outside it ("X and Y" vs "Y only").
Sentences that compare the arms with each other are left alone: values linked arm by arm or "respectively",
"between"/"differ(ence)" anywhere, a reciprocal predicate ("similar", "comparable", "equivalent", "the
same") up to the claim's outcome when the outcome follows the run, anywhere when it precedes it. When the
claim's intervention holds one of the run's arms (a run of comparators, "superior to both X and Y", is the
comparator's affair), the claim is replaced by one claim per arm of the run: its intervention is that arm,
its comparator the claim's comparator less the run's arms; the run's other arms stay in ``arm_mentions``.
Direction and significance are kept: said of the coordinated subject, they hold for each arm.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from ...schema import Claim, Record
from .base import entity_words, unique
from .design import same_intervention
from .gates import prefiltered
from .plain import EntityLike

_TYPES = ("finding", "adverse_effect")
_DOSE = r"(?:\s*\([^()]{0,30}\)|\s+\d[\d.,]*\s*[a-zμµ%/]{1,6}(?:/[a-z]{1,4})?)?"
_JOIN = re.compile(rf"^{_DOSE}\s*(?:,\s*)?(?:and|or|and/or)?\s*(?:the\s+)?$", re.IGNORECASE)
_CONNECTOR = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
_OR = re.compile(r"\bor\b", re.IGNORECASE)
# the arms are compared with each other somewhere in the sentence ("no significant differences ... after X or
# Y", "not different between the 2 groups") ...
_COMPARISON = prefiltered(re.compile(r"\b(?:between|differen\w*|differ(?:s|ed)?)\b", re.IGNORECASE))
# ... or by a reciprocal predicate up to the outcome ("X and Y provided a similar performance of airway")
_RECIPROCAL = re.compile(r"\b(?:similar\w*|comparabl[ey]|equivalent|equal(?:ly)?|same|alike|each\s+other|"
                         r"one\s+another)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:than|versus|vs\.?|against|compared\s+(?:with|to)|relative\s+to|"
                       r"in\s+comparison\s+(?:with|to)|over)\s+(?:the\s+)?(?:both\s+)?$", re.IGNORECASE)
# one regimen of several agents: "a combination of X and Y", "synergistic use of X and Y", "X and Y combined"
_COMBINED = re.compile(r"\b(?:combin\w*|synergis\w*|concomitant\w*|co-?administ\w*|together|adjunct\w*|plus)\b",
                       re.IGNORECASE)
# "patients receiving X and Y": the agents a patient received together (an "or" run stays alternatives)
_RECEIVING = re.compile(r"\b(?:receiv\w*|given|treated\s+with|underw\w*|undergoing|with)\s+(?:the\s+|both\s+)?$",
                        re.IGNORECASE)
_RESPECTIVELY = prefiltered(re.compile(r"\brespectively\b", re.IGNORECASE))


def coordinated_runs(text: str, start: int, end: int, ents: Sequence[EntityLike]) -> list[list[EntityLike]]:
    """Runs of I/C mentions of different arms in ``text[start:end]`` (a sentence) joined only by "and"/"or"/
    commas (the last join says "and" or "or"), not introduced as a comparison nor one combined regimen (module
    docstring); ``ents``: the record's I/C entities sorted by start."""
    starts = [e.start for e in ents]
    here = ents[bisect_left(starts, start):bisect_left(starts, end)]
    runs: list[list[EntityLike]] = []
    run: list[EntityLike] = []
    for e in here:
        if run and run[-1].end <= e.start and e.start - run[-1].end < 40 and text[run[-1].end:e.start].strip() \
                and _JOIN.match(text[run[-1].end:e.start]):
            run.append(e)
            continue
        runs.append(run)
        run = [e]
    runs.append(run)
    out = []
    for run in runs:
        while len(run) >= 2 and not _CONNECTOR.search(text[run[-2].end:run[-1].start]):
            run = run[:-1]  # "the study test, rWGS": an apposition, not a list
        if len(run) < 2:
            continue
        keys = [entity_words(e) for e in run]
        distinct = all(a and b and not same_intervention(a, b) for i, a in enumerate(keys) for b in keys[i + 1:])
        before = text[max(start, run[0].start - 30):run[0].start]
        after = text[run[-1].end:min(end, run[-1].end + 20)]
        alternatives = bool(_OR.search(text[run[0].end:run[-1].start]))
        if distinct and not _COMPARED.search(before) and not _COMBINED.search(before + " " + after) \
                and (alternatives or not _RECEIVING.search(before)):
            out.append(run)
    return out


def split_coordinated(record: Record, claims: list[Claim]) -> list[Claim]:
    """``claims`` with each finding/adverse effect over a run of coordinated arms split into one claim per arm
    (module docstring); the claims are renumbered when any was split."""
    ents = sorted((e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR")), key=lambda e: e.start)
    by_id = {e.id: e for e in ents}
    out: list[Claim] = []
    split = False
    runs_of: dict[int, list[list[EntityLike]]] = {}
    outcomes = {e.id: e for e in record.entities if e.label == "OUTCOME"}
    for claim in claims:
        text = claim.text or ""
        if claim.type not in _TYPES or claim.start is None or claim.end is None \
                or any(a.arm for a in claim.arms) or _RESPECTIVELY.search(text) or _COMPARISON.search(text):
            out.append(claim)
            continue
        if claim.start not in runs_of:
            runs_of[claim.start] = coordinated_runs(record.text, claim.start, claim.end, ents)
        others = [entity_words(by_id[i]) for i in claim.comparator if i in by_id]
        run = next((r for r in runs_of[claim.start] if any(e.id in claim.intervention for e in r)
                    and not _RECIPROCAL.search(_predicate(record, claim, r, outcomes))
                    # a run member that is also the comparator outside the run: "X and Y" vs "Y only" is X + Y
                    and not any(e.id not in claim.comparator and same_intervention(entity_words(e), o)
                                for e in r for o in others)), None)
        if run is None or _already_split(claim, run, claims):
            out.append(claim)
            continue
        members = [e.id for e in run]
        comparator = [i for i in claim.comparator if i not in members]
        for member in members:
            out.append(claim.model_copy(update={
                "intervention": [member], "comparator": comparator,
                "arm_mentions": unique([*claim.arm_mentions, *(m for m in members if m != member)]),
                "inherited": [i for i in claim.inherited if i not in members]}))
        split = True
    if split:
        out = [c.model_copy(update={"id": f"C{n}"}) for n, c in enumerate(out, 1)]
    return out


def _already_split(claim: Claim, run: Sequence[EntityLike], claims: list[Claim]) -> bool:
    """Has the sentence already one claim per arm of ``run`` (the rules' "both A and B" changes within each arm,
    :mod:`.sides`)? Then another claim of the same sentence and outcome holds another member as intervention."""
    others = {e.id for e in run} - set(claim.intervention)
    return any(c is not claim and c.start == claim.start and c.outcome == claim.outcome
               and others & set(c.intervention) for c in claims)


def _predicate(record: Record, claim: Claim, run: Sequence[EntityLike], outcomes: Mapping[str, EntityLike]) -> str:
    """The words that can compare the run's arms with each other: the sentence up to the claim's outcome when
    the outcome follows the run ("the i-gel and LMA Supreme provided a similar performance of airway"; a later
    "with comparable recovery profile" is said of another outcome), else the whole sentence ("The safety
    profiles of hydromorphone and morphine were similar")."""
    own = [outcomes[i] for i in claim.outcome if i in outcomes]
    first = min((o.start for o in own), default=-1)
    return record.text[claim.start or 0:first] if first >= run[-1].end else claim.text or ""
