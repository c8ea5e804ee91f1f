"""Conclusion sentences that state an observed result of the study (used by :mod:`.types`).

A conclusion that states what the trial observed for a named outcome is a finding ("sentence claim not a
finding" in the findings gold); one that judges, generalises (hedged) or recommends stays a conclusion.
Four signals, each on the sentence's own words outside entity names:

* :data:`CONCLUDED_RESULT` - an effect verb in the present tense ("X significantly reduces Y"), an observed
  comparison or null effect ("was not effective in reducing", "provided a similar performance", "as effective as"),
  what was seen in the past tense ("there was only a trend towards slowing ... and no slowing of decline on");
* :func:`observed_result` - a clause (a stretch between ``;`` / ``but`` / ``whereas`` / ``while`` /
  ``although`` / ``however``) that no hedge cue reaches, where an arm (INTERVENTION or COMPARATOR entity) is the
  subject of a past-tense verb (an ``-ed`` word right after it, adverbs aside) that governs an OUTCOME entity
  within a few words ("[SeV-Gag] primed functional, durable [HIV-specific T-cell responses]", "[APRV] preserved
  [surfactant]"): the past tense reports what this study saw; an ``-ed`` word with no arm before it is an
  adjective or a passive ("novel and unexpected features", "was not explained by"); or a clause that opens
  on "no" before its outcome and says it was seen ("...; no [adverse consequences] were observed");
* :func:`past_result` - the past tense of this study (a past auxiliary that is no design statement or verdict, a
  finite ``-ed`` verb after its subject: "changes in [X] were not as relevant when comparing between groups",
  "[LOLA] ameliorated"); the present tense generalises. A past "tended to" (:func:`observed_trend`) is an observed
  trend, no hedge (docs/claims-rounds.md section 27.5);
* :data:`RECOMMENDS` - "is needed", "should", "further studies": a recommendation, never a result.

Also here, for :func:`.types.result_strength` (any zone), :func:`agent_arm`: an arm as the agent of a reduced
relative's participle ("Cerebral structures specifically activated by [nicotine] ... included: ..."), a result
sentence with no result word or measure; a passive clause ("was detected by [PCR]") or a method participle is not.
"""

from __future__ import annotations

import re

from .base import SentenceView
from .gates import prefiltered
from .hedging import hedged
from .typecues import judging_tail

#: a conclusion that states an observed result ("X significantly reduces Y", "did not improve Y") is a finding;
#: one that judges, generalises (hedged) or recommends stays a conclusion
CONCLUDED_RESULT = re.compile(
    r"\b(?:reduces|increases|improves|decreases|lowers|raises|prolongs|shortens|prevents|worsens|ameliorates|"
    r"attenuates|enhances)\b"
    # an observed comparison or null effect: "was not effective in reducing incident delirium", "did not have a
    # clinically relevant effect on", "provided a similar performance", "as effective as"
    r"|\b(?:was|were|is|are)\s+not\s+(?:\w+\s+)?effective\s+(?:in|at|for)\b"
    r"|\b(?:did|does|do)\s+not\s+have\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,3}?effects?\s+on\b"
    r"|\b(?:provided|produced|showed|had|achieved|gave|resulted\s+in)\s+(?:a\s+|an\s+)?(?:similar|comparable|"
    r"superior|better|greater|higher|lower|fewer|less)\b"
    r"|\bas\s+(?:effective|efficacious|safe)\s+as\b|\b(?:more|less)\s+(?:effective|efficacious)\s+than\b"
    # what was seen, in the past tense: "there was only a trend towards slowing ... and no slowing of decline on"
    r"|\bthere\s+(?:was|were)\s+(?:only\s+)?(?:no|a\s+trend)\b",
    re.IGNORECASE)
RECOMMENDS = prefiltered(re.compile(
    r"\b(?:(?:is|are|be|remains?)\s+(?:\w+\s+)?(?:needed|required|necessary|warranted)|needed\s+to|required\s+to|"
    r"warranted|should|recommended|(?:further|future|larger|additional)\s+(?:\w+\s+){0,2}(?:studies|research|trials?|"
    r"investigations?|work))\b", re.IGNORECASE))

#: clause breaks for hedge scope
#: (session 14: ``;|\bbut\b|\bwhereas\b|\bwhile\b|\balthough\b|\bhowever\b`` opened on a class of its first
#: characters, the consumed one picking its branch, as :func:`.gates.first_letter` writes it; no letter folds oddly)
_CLAUSE = re.compile(r"[;bBwWaAhH](?:(?<=;)|(?<!\w.)(?i:(?:(?<=b)ut|(?<=w)(?:hereas|hile)|(?<=a)lthough|"
                     r"(?<=h)owever)\b))")
#: a clause that opens on "no" before its outcome and says it was seen: an observed zero count
_NONE_BEFORE = re.compile(r"\W*(?:and\s+|but\s+)?(?:there\s+(?:were|was)\s+)?(?:no|none\s+of\s+the)\s+",
                          re.IGNORECASE)
_SEEN_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:observed|"
                         r"reported|seen|found|noted|detected|recorded)\b|\s+occurred\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
#: what may stand between an arm and its verb: a closing bracket, adverbs ("[X] (Y) significantly reduced")
_SUBJECT_GAP = re.compile(r"[\s)\]]*(?:[a-z]+ly\s+|also\s+|both\s+)*", re.IGNORECASE)
MAX_GAP = 4  # words between the verb and its outcome ("primed functional, durable [responses]")
#: -ed words that are no result verb (design, judgement, relation)
NOT_RESULT = frozenset(["used", "based", "compared", "assessed", "evaluated", "measured", "designed", "needed",
                        "required", "warranted", "conducted", "performed", "related", "associated", "called",
                        "aimed", "focused", "included", "randomized", "randomised", "treated", "received",
                        "considered", "expected", "limited", "planned", "combined", "supported", "suggested",
                        "indicated", "showed", "demonstrated", "confirmed", "concluded", "recommended", "preferred",
                        "selected", "administered", "followed", "allocated", "assigned", "reported", "observed",
                        "detected", "noted", "established"])


def observed_result(view: SentenceView) -> bool:
    """A clause no hedge reaches where an arm's past-tense verb governs an OUTCOME entity (module doc)."""
    text = view.text
    core = judging_tail(text)  # ", a ... finding that warrants further investigation" judges, it does not hedge
    if RECOMMENDS.search(core):
        return False
    breaks = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text) + 1]
    arm_ends = [view.local(e)[1] for e in view.label("INTERVENTION", "COMPARATOR")]
    for outcome in view.label("OUTCOME"):
        a, b = view.local(outcome)
        lo = max(k for k in breaks if k <= a)
        hi = min(k for k in breaks if k > a)
        clause = core[lo:min(hi, len(core))]  # the hedge scope: the clause, less a judging tail
        if _NONE_BEFORE.fullmatch(text, lo, a) and _SEEN_AFTER.match(text, b) and not hedged(clause):
            return True  # "...; no [adverse consequences of participation] were observed": an observed zero count
        words = list(_WORD.finditer(text, lo, a))[-(MAX_GAP + 1):]
        verb = next((w for w in reversed(words) if w.group(0).lower().endswith("ed") and len(w.group(0)) > 4), None)
        if verb is None or verb.group(0).lower() in NOT_RESULT:
            continue
        # the verb's subject is an arm: "[SeV-Gag] primed ...", "[APRV] preserved ...", "[X] significantly reduced"
        if not any(lo <= end <= verb.start() and _SUBJECT_GAP.fullmatch(text, end, verb.start()) for end in arm_ends):
            continue
        if not hedged(clause):
            return True
    return False


#: a past auxiliary: "was not efficacious", "were not as relevant when comparing between groups", "did not alter"
_PAST_AUX = re.compile(r"\b(?:was|were|did|had)\b(?!\s+to\b)", re.IGNORECASE)
#: the word after a past auxiliary, "not" and an adverb aside ("the trial was conducted", "were randomly assigned")
_AFTER_AUX = re.compile(r"\s+(?:not\s+)?(?:[a-z]+ly\s+)?([a-z]+)", re.IGNORECASE)
_ED = re.compile(r"\b[a-z]{3,}ed\b", re.IGNORECASE)
#: the word before an ``-ed`` word, adverbs aside
_BEFORE_ED = re.compile(r"([\w'’-]+)(?:\s+[a-z]+ly)*\s+$", re.IGNORECASE)
#: past participles of the study's design, said of the study itself ("was conducted", "were registered")
#: and verdicts on evidence ("the effects of X were confirmed"); what was seen is a result ("no X was observed")
DESIGN_PAST = NOT_RESULT - {"observed", "reported", "detected", "noted", "showed", "demonstrated", "treated",
                            "received"} | {"registered", "enrolled", "recruited", "approved", "funded", "terminated",
                                           "stopped", "initiated", "started", "done", "undertaken", "carried", "made",
                                           "given", "hypothesized", "hypothesised", "assumed", "believed",
                                           "proposed", "intended"}
#: a verdict after a past auxiliary judges, it reports no observation (GUIDELINES: "was effective and safe" is
#: neutral; "the treatments were well-tolerated", "was a safe and effective approach"), and so does a cause
#: given ("was not explained by baseline FSH")
VERDICT = frozenset(["effective", "efficacious", "ineffective", "safe", "unsafe", "well", "well-tolerated",
                     "tolerated", "feasible", "beneficial", "successful", "useful", "acceptable", "encouraging",
                     "promising", "valuable", "able", "a", "an", "explained", "attributed", "attributable", "due",
                     "caused", "driven", "mediated", "accounted"])
#: words before an ``-ed`` word that make it no finite verb: a passive or perfect ("is delivered", "must be
#: interpreted", "has improved"), an attributive ("the observed difference", "a trained nursing team"), a
#: preposition or conjunction ("of controlled trials", "and improved")
NOT_SUBJECT = frozenset(["is", "are", "be", "been", "being", "was", "were", "has", "have", "had", "the", "a", "an",
                         "this", "that", "these", "those", "its", "their", "our", "of", "in", "on", "for", "with",
                         "to", "by", "and", "or", "as", "than", "from", "at", "well", "more", "less", "most", "least",
                         "not", "newly", "well-", "randomly", "randomized", "randomised", "double-blind", "non",
                         "into", "onto", "via", "after", "before", "when", "while", "if", "once", "which", "who",
                         "where", "whether", "but", "nor", "under", "over", "during", "without", "within",
                         "among", "between", "per", "each", "every", "all", "any", "some", "no"])
#: a reduced relative's participle is followed by its preposition ("the schedules delivered to", "when applied with
#: the same factors"); a finite verb by its object ("[LOLA] ameliorated the deleterious effects")
_RELATIVE_NEXT = re.compile(r"\s*(?:to|by|via|with|in|into|at|for|from|as|after|during|under|over|on|using|"
                            r"through|within|among|between|,|\))\b", re.IGNORECASE)
#: intransitive verbs form no passive participle: "resulted in", "responded to" are finite before a preposition
INTRANSITIVE = frozenset(["resulted", "occurred", "responded", "contributed", "persisted", "remained", "declined",
                          "failed", "succeeded", "survived", "recovered", "relapsed", "progressed", "differed"])
_PRESENT = re.compile(r"\b(?:is|are|can|will|would|shall|must)\b", re.IGNORECASE)
_THIS_WAS = re.compile(r"\b(?:this|it)\s+was\s+(?:a|an|the)\b", re.IGNORECASE)


def past_result(view: SentenceView) -> bool:
    """A conclusion that says in the past tense what this study saw, outside entity names: a past auxiliary that
    is no design statement ("Peak inspiratory pressure was significantly lower ...", "were not as relevant when
    comparing between groups"; not "the trial was conducted", "this was a multicentric trial") or a finite
    ``-ed`` verb after its subject ("[LOLA] ameliorated", "patients experienced"; not "is delivered", "the observed
    difference"). The present tense generalises ("X is an effective alternative", "results are applicable to").
    The caller checks the OUTCOME entity, hedges and recommendations."""
    text = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
    if _THIS_WAS.search(text):
        return False
    for m in _PAST_AUX.finditer(text):
        nxt = _AFTER_AUX.match(text, m.end())
        if nxt is None or nxt.group(1).lower() not in DESIGN_PAST and nxt.group(1).lower() not in VERDICT:
            return True
    ends = [view.local(e)[1] for e in view.entities]
    for m in _ED.finditer(text):
        word = m.group(0).lower()
        if word in NOT_RESULT or word in DESIGN_PAST:
            continue
        if _RELATIVE_NEXT.match(text, m.end()) and word not in INTRANSITIVE:
            continue
        if _PRESENT.search(text, 0, m.start()):
            continue  # a present-tense or modal verb rules the sentence: "An FP result is ... every man screened"
        if any(end <= m.start() and _SUBJECT_GAP.fullmatch(text, end, m.start()) for end in ends):
            return True  # an entity as its subject: "[LOLA] ameliorated", "[patients] experienced"
        before = _BEFORE_ED.search(text, 0, m.start())
        if before is None:
            continue  # the sentence's first word: an attributive ("Computerized order entry ...")
        if before.group(1).lower() not in NOT_SUBJECT and not before.group(1).lower().endswith("ed"):
            return True
    return False


#: "tended to" in the past tense reports a trend this study saw ("Supplementation ... tended to reduce muscle
#: fatigue"), not a speculation ("may", "tends to" generalises)
_TENDED = re.compile(r"\btended\s+to\b", re.IGNORECASE)


def observed_trend(text: str) -> str:
    """``text`` without its past-tense "tended to" (an observed trend, no hedge), for :func:`.hedging.hedged`."""
    return _TENDED.sub(" ", text) if "tended" in text else text


_AGENT = re.compile(r"((?:\w+\s+)?(?:[a-z]+ly\s+)?)\b([a-z]{4,}ed)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_TAILS = ("by", "the")
_COPULAS = frozenset(["was", "were", "is", "are", "be", "been", "being"])


def agent_arm(view: SentenceView, methods: frozenset[str]) -> bool:
    """An arm as the agent of a reduced relative's participle: an effect of the intervention ("structures
    specifically activated by [nicotine]"), not a passive clause ("is quickly recognized by", "was detected by")
    or a method (``methods``: the participles of :data:`.types.METHOD_PARTICIPLES`)."""
    text = view.text
    for arm in view.label("INTERVENTION", "COMPARATOR"):
        a = view.local(arm)[0]
        # the pattern ends on "by" or "by the" and white space: skip the scan (from every position of the
        # 60-character window) when the window does not end so (b, y, t, h, e have no odd IGNORECASE folds)
        if not text[max(0, a - 60):a].rstrip().lower().endswith(_AGENT_TAILS):
            continue
        m = _AGENT.search(text, max(0, a - 60), a)
        if m is not None and m.group(2).lower() not in methods \
                and not _COPULAS & set(m.group(1).lower().split()):
            return True
    return False
