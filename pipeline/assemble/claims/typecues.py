"""Cues that refine sentence typing (:mod:`claimex.assemble.claims.types`); round 8, fresh findings gold.

Each cue is a linguistic pattern, keyword-gated (:class:`.base.Gated`):

* :data:`EARLIER_WORK` - what earlier studies found ("has improved pCR rates in previous studies", "Ketorolac has
  been associated with a lower risk of recurrence in retrospective studies", "Biomarkers ... have been used as
  surrogate measures"): background, not this study's result (read in the background zone, without measures; not
  "studies have shown that X is as effective as Y", which Evidence Inference asks about);
* :data:`POWER` - a power or sample-size calculation ("powered for 33% reduction in recurrence rate"): the effect
  the design expects, not one observed ("was not powered for subgroup analysis" is a limitation, no calculation);
* :func:`groups_alike` - baseline balance said of the arms ("Treatment arms were comparable for tumor size") or of a
  list of sample attributes with age, sex or weight ("Number of patients, age, weight and gender was significantly
  different in two groups");
* :func:`attributive` - a design participle that modifies a noun rather than being the sentence's verb ("among
  5,637 randomly assigned patients, 323 IDFS events were observed", "women randomly assigned to exercise (n = 61)
  attended 70%"), or a passive inside a leading subordinate clause ("When side effects were investigated nausea
  was observed in 30 patients"): no methods cue;
* :data:`METHOD_LIST` - "We evaluated A, B and C ..." / "A, B and C were noted.": a sentence naming what was
  measured, whatever comparison words its items hold ("clinical responses after dose reduction in ...");
* :data:`ZERO_COUNT` - "There was no case of X", "There were no Y": an observed count of zero, a result; so is an
  observed equivalence ("It provided equally effective pulmonary ventilation"), whatever entity holds its words;
* :data:`TOLERABILITY` - a past-tense verdict on harms ("Adverse events ... were generally low grade and
  manageable", "Olaparib was generally well-tolerated", "Safety data were consistent with the known safety
  profile"): a result when the sentence speaks of harms (not "results show that X is a safe, well-tolerated
  approach", a generalisation);
* :func:`counted_event` - an event said of a count of patients ("At a median follow-up of 80 months 274 patients
  had died");
* :func:`judging_tail` - a trailing appositive that judges the result before it (", a potentially useful clinical
  finding that warrants further investigation"): its hedge or recommendation does not reach the main clause;
* :func:`general` / :func:`known` / :func:`weighs_arms` (session 13) - what is known, not found by this study: the
  present tense without a past one ("has a significant impact on quality of life") or a result attributed to other
  work ("Three randomized controlled trials have confirmed", "has been shown to"); a comparison of two arms ("as
  effective as", "than") that Evidence Inference asks about even when other work reached it.
"""

from __future__ import annotations

import re

from .gates import Alternation, Gated, GatedBoth, cues, prefiltered
from .plain import HEADCOUNT_KINDS

EARLIER_WORK = Alternation([GatedBoth(re.compile(  # runs gated apart (round 9): "has", "other" alone are common
    r"\b(?:in|from|by)\s+(?:several\s+|many\s+|some\s+|two\s+|the\s+)?(?:previous|prior|earlier|retrospective|"
    r"observational|preclinical|other|recent|past)\s+(?:\w+\s+)?(?:studies|trials|reports|analyses|series|work|"
    r"research)\b", re.IGNORECASE),
    ("previous", "prior", "earlier", "retrospective", "observational", "preclinical", "other", "recent", "past"),
    ("studies", "trials", "reports", "analyses", "series", "work", "research")), GatedBoth(re.compile(
        r"\b(?:previous|prior|earlier|recent|retrospective)\s+(?:\w+\s+)?(?:studies|trials|reports|work|research)\s+"
        r"(?:have|has|had)\b", re.IGNORECASE), ("previous", "prior", "earlier", "recent", "retrospective"),
    ("studies", "trials", "reports", "work", "research")), GatedBoth(re.compile(
        r"\b(?:has|have)\s+(?:recently\s+|previously\s+|already\s+|widely\s+|commonly\s+)?been\s+(?:used|proposed|"
        r"established|associated|implicated|linked|suggested)\b", re.IGNORECASE), ("has", "have"),
    ("used", "proposed", "established", "associated", "implicated", "linked", "suggested"))])

POWER = Gated(re.compile(
    r"(?<!not\s)\bpowered\s+(?:\w+\s+)?(?:to|for)\b|\bsample\s+size\s+(?:was\s+)?(?:calculat|estimat|determin)|"
    r"\bto\s+detect\s+an?\s+(?:\w+\s+){0,3}?(?:difference|reduction|increase|improvement)\b",
    re.IGNORECASE), ("powered", "sample", "detect"))

_ATTRIBUTE = re.compile(r"\b(?:age|sex|gender|weight|height|body\s+mass\s+index|BMI|race|ethnicity)\b", re.IGNORECASE)
_ARMS_ALIKE = Gated(re.compile(
    r"\b(?:arms|groups)\s+(?:were|was)\s+(?:well\s+)?(?:comparable|balanced|(?:well[- ])?matched)\s+(?:for|with\s+"
    r"respect\s+to|regarding|in\s+terms\s+of|as\s+to)\b", re.IGNORECASE), ("comparable", "balanced", "matched"))
#: the subject of a sentence-level "was/were (not) (significantly) different/similar"
_ALIKE_SUBJECT = Gated(re.compile(
    r"^\W*([^.;]{3,120}?)\s+(?:was|were)\s+(?:not\s+)?(?:\w+ly\s+)?(?:different|similar|comparable|balanced|"
    r"matched)\b", re.IGNORECASE), ("different", "similar", "comparable", "balanced", "matched"))


def groups_alike(text: str) -> bool:
    """Baseline balance said of the arms ("Treatment arms were comparable for tumor size") or of a list of sample
    attributes with age, sex or weight ("Number of patients, age, weight and gender was significantly different")."""
    if _ARMS_ALIKE.search(text):
        return True
    m = _ALIKE_SUBJECT.search(text)
    if m is None:
        return False
    subject = m.group(1)
    return bool(_ATTRIBUTE.search(subject)) and ("," in subject or re.search(r"\b(?:and|or)\b", subject) is not None)


#: a design participle ("randomly assigned", "allocated") and the word before it (the regex, and gated)
_DESIGN_PARTICIPLE_RE = re.compile(
    r"([\w,]++)\s+(?:(?:randomly|randomi[sz]ed)\s+)?(?:randomly\s+(?:assigned|allocated|divided|selected)|"
    r"allocated|assigned)\b", re.IGNORECASE)
_DESIGN_PARTICIPLE = Gated(_DESIGN_PARTICIPLE_RE, ("assigned", "allocated", "divided", "selected"))
#: what makes it the verb of its clause: an auxiliary or a pronoun subject before it
_FINITE_BEFORE = frozenset(["were", "was", "been", "be", "are", "is", "being", "we", "they", "then", "and",
                            "subsequently", "also", "who", "which", "that", "had", "have", "has"])
_LEADING_CLAUSE = re.compile(r"^\W*(?:when|after|once|if|as\s+soon\s+as|because|since)\s+[^,;]{0,80}?"
                             r"\b(?:was|were)\s+([a-z]+)\b", re.IGNORECASE)


def attributive(text: str) -> bool:
    """Every design participle of ``text`` modifies a noun ("5,637 randomly assigned patients", "women randomly
    assigned to exercise (n = 61) attended"): none is the verb of its clause."""
    found = False
    for m in _DESIGN_PARTICIPLE.finditer(text):
        if m.group(1).lower().strip(",") in _FINITE_BEFORE:
            return False
        found = True
    return found


def leading_passive(text: str) -> str | None:
    """The participle of a passive inside a leading subordinate clause ("When side effects were investigated
    ..."), which sets the scene and is no methods cue of the sentence; None without one."""
    m = _LEADING_CLAUSE.match(text)
    return m.group(1).lower() if m else None


METHOD_LIST = Gated(re.compile(
    r"^\W*(?:[\w,-]+\s+){0,6}?we\s+(?:evaluated|assessed|examined|analy[sz]ed|measured|studied|investigated|"
    r"determined|recorded)\s+(?!whether|if\b|the\s+(?:effect|impact))"
    r"|^[^.;]*?\b(?:was|were)\s+(?:\w+ly\s+)?(?:noted|recorded|documented|observed|registered)\W*$",
    re.IGNORECASE), ("we ", "noted", "recorded", "documented", "observed", "registered"))
_NEGATED = re.compile(r"\b(?:no|none|neither|nor|not)\b", re.IGNORECASE)


def lists_methods(text: str) -> bool:
    """"We evaluated A, B and C ...", "A, B and C were noted.": no negation (a zero count reports)."""
    return bool(METHOD_LIST.search(text)) and not _NEGATED.search(text)


ZERO_COUNT = Alternation([GatedBoth(re.compile(r"\bthere\s+(?:was|were)\s+no\b", re.IGNORECASE), ("there",),
                                     ("was", "were")),  # runs gated apart (round 9)
                           GatedBoth(re.compile(r"\bno\s+(?:cases?|episodes?|instances?|"
                                                r"occurrences?)\s+of\b", re.IGNORECASE), ("no",),
                                     ("case", "episode", "instance", "occurrence")),
                           Gated(re.compile(r"\bequally\s+(?:effective|efficacious|safe|good|well|"
                                            r"successful|potent)\b", re.IGNORECASE), ("equally",))])

TOLERABILITY = Gated(re.compile(
    r"\b(?:was|were)\s+(?:\w+\s+){0,2}?(?:mild|low[- ]grade|manageable|reversible|transient|(?:well|poorly)[- ]"
    r"tolerated|consistent\s+with\s+(?:the\s+)?(?:known|previously\s+reported|established|expected)\s+safety)\b",
    re.IGNORECASE), ("mild", "low", "manageable", "reversible", "transient", "tolerated", "consistent"))
#: what happened to the patients counted ("274 patients had died", "No patients suffered from X")
_EVENT_SEEN = prefiltered(cues(r"died", r"deaths?", r"suffered", r"experienced", r"developed", r"occurred", r"survived",
                               r"recovered", r"relapsed", r"progressed", r"responded"))


def counted_event(text: str, measures) -> bool:
    """An event said of a count of patients ("274 patients had died", "No patients suffered from X"): in an
    unlabelled abstract after its design sentences, a result."""
    return bool(_EVENT_SEEN.search(text)) and any(m.kind in HEADCOUNT_KINDS for m in measures)


#: harms words (the sentence must speak of them for :data:`TOLERABILITY` to count)
HARMS = Gated(re.compile(r"\b(?:adverse|side[- ]effects?|toxicit|safety|tolerat|complications?)", re.IGNORECASE),
              ("adverse", "side", "toxicit", "safety", "tolerat", "complication"))

_TAIL = Gated(re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:finding|result|observation|effect|outcome|"
                         r"difference)s?\s+(?:that|which)\b.*$", re.IGNORECASE | re.DOTALL),
              ("finding", "result", "observation", "effect", "outcome", "difference"))


def judging_tail(text: str) -> str:
    """``text`` without a trailing appositive that judges the result before it (", a potentially useful clinical
    finding that warrants further investigation")."""
    m = _TAIL.search(text)
    return text[:m.start()] if m else text


_NAME_GAP = re.compile(r"[\s()\[\]/]*")


def reported_apart(view, kinds: frozenset[str]) -> bool:
    """A result measure of ``view`` that is neither inside an entity nor next to one (brackets, slashes and spaces
    between): "bimatoprost 0.03%", "(0.125%) bupivacaine" and "the ACR 20% improvement criteria" name a
    concentration or a threshold, while "objective response rates: 33-80%" reports; a test statistic or a mean ± SD
    reports wherever it stands (session 11: an aim sentence is a finding only when it reports)."""
    spans = [view.local(e) for e in view.entities]
    for m in view.measures:
        if m.kind not in kinds:
            continue
        if m.kind not in ("percentage", "range"):
            return True  # a p-value, CI, ratio, mean ± SD or median (IQR) reports wherever it stands
        a, b = view.local(m)
        if not any(s <= a and b <= e or _NAME_GAP.fullmatch(view.text[e:a]) and e <= a
                   or _NAME_GAP.fullmatch(view.text[b:s]) and b <= s for s, e in spans):
            return True
    return False


#: (session 13) a finite verb in the past tense, the tense a study reports its own results in
_PAST = re.compile(r"\b(?:was|were|did|had)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|has|have|can|may|might|remains?|carries|represents?)\b", re.IGNORECASE)
#: results attributed to other work: "Three randomized controlled trials have confirmed", "A randomised controlled
#: trial suggested", "Few studies demonstrated", "Recently we showed", "has been reported"
_ATTRIBUTED = Alternation([Gated(re.compile(
    r"\b(?:studies|trials|reports|evidence|data|literature|meta-?analys[ie]s|reviews?)\s+(?:\w+\s+)?(?:have\s+|has\s+)?"
    r"(?:previously\s+|recently\s+|consistently\s+)?(?:shown|showed|demonstrated|confirmed|suggested|indicated|"
    r"reported|found|revealed)\b", re.IGNORECASE), ("shown", "showed", "demonstrated", "confirmed", "suggested",
                                                  "indicated", "reported", "found", "revealed")),
    Gated(re.compile(r"\b(?:an?|one|the)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\s+(?:\w+\s+){0,3}?(?:has\s+)?"
                     r"(?:shown|showed|demonstrated|confirmed|suggested|indicated|reported|found)\b|"
                     r"\b(?:recently|previously)\s+(?:we|it\s+was)\s+(?:showed|shown|found|reported|demonstrated)\b|"
                     r"\b(?:has|have)\s+(?:\w+\s+)?been\s+(?:shown|reported|demonstrated|found|observed)\b",
                     re.IGNORECASE), ("shown", "showed", "demonstrated", "confirmed", "suggested", "indicated",
                                      "reported", "found", "observed"))])


def general(text: str) -> bool:
    """A statement of what is known, not a result of this study (session 13): in the present tense without a past
    one ("Weak expression of COX-2 is associated with poorer outcome", "It has a significant impact on quality of
    life"), or a result attributed to other work ("Three randomized controlled trials have confirmed that ...",
    "A randomised controlled trial suggested ...", "Recently we showed ...")."""
    return bool(_PRESENT.search(text) and not _PAST.search(text)) or known(text)


def known(text: str) -> bool:
    """A result attributed to other work (see :func:`general`) or EARLIER_WORK."""
    return bool(_ATTRIBUTED.search(text) or EARLIER_WORK.search(text))


_WEIGHS = re.compile(r"\bas\s+(?:\w+\s+)?(?:effective|efficacious|safe|good|potent)\s+as\b|"
                     r"\b(?:than|compared|versus|vs)\b", re.IGNORECASE)


def weighs_arms(text: str) -> bool:
    """A comparison of two arms ("as effective as", "than", "compared with", "versus")."""
    return _WEIGHS.search(text) is not None
