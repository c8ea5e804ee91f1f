"""Arm spans in outcome roles: INTERVENTION spans the tagger gave to what a result sentence measures.

Claims layer only (:mod:`claimex.annotate.entities`; the token-level PICO layer keeps the tagger's label).
Used by :mod:`claimex.annotate.outcome_lists` after its other rules, on the entries ``[start, end, label,
score, subtype, source]`` of the claims layer. Token-level rules:

* **measured subject** - a clause-opening phrase marked (in part) as INTERVENTION whose verb measures it
  (:func:`~claimex.annotate.outcome_results.measured_subject`): at the sentence start ("[MRI] metrics did not
  differ between groups") or after a clause joiner ("Blood glucose decreased ... in the krill group and
  [vitamin D] increased significantly in the fish group") or after an opening phrase ending at a comma or
  bracket ("After 2 months of therapy (T1) the [FFMI] increased in the daily dietary supplementation group");
* **measured argument** - an INTERVENTION span that is the argument of a measure noun ("number / duration /
  frequency / intake / level of X") the sentence compares: after a comparison adjective ("shorter duration of
  [meropenem therapy]"), a topic phrase ("with regard to number of [grafts] per patient") or inside an OUTCOME
  span ("higher [frequency] of [PT-specific PB]"); a dose only when required ("required a higher dose of
  [atropine]"). The phrase ``measure of X`` becomes one OUTCOME;
* **harm head** - an INTERVENTION span right before an untagged harm noun that ends the phrase ("[Flap]
  complications were limited to ...") or a dose change ("patients required [palbociclib] dose reduction") becomes
  one OUTCOME with it;
* **completed phrase** - an INTERVENTION span that abuts an OUTCOME span and names what it measures: right before
  one that opens on a harm noun or a noun of how much there is ("[Flap] [complications] were limited to ...",
  "[glucose] [levels]"; not "use", "duration": "[taxane] use" is the exposure), or
  right after one whose argument ("measure of / for / to ...") it completes and ends ("[use of intraoperative]
  [opioids]", "[mean time interval to reach] [full oral feeding] (cup = 33.7 ...)"): the tagger cut one noun phrase in
  two, and the outcome is the whole phrase ("as short as still meaningful": "complications", "use of intraoperative"
  alone name no measured thing), so the two become one OUTCOME;
* **received more** - an INTERVENTION span that is the object of a comparative after a verb of receiving or needing
  ("The GDT group received more intravenous [colloid] (...)", "received significantly more [morphine] doses"): the
  amount the arms received is measured, so the phrase after the comparative becomes one OUTCOME;
* **zero count** - a sentence "There was/were no (case(s) of) X." whose phrase X holds an INTERVENTION span and no
  OUTCOME ("There was no failed [insertion] of [devices]."): what did not happen is the outcome, so X becomes one
  OUTCOME (not "no difference / change / effect", which compares);
* **list item** - an INTERVENTION span that is an item of an OUTCOME list (an OUTCOME item joined to it on
  either side) with its own bracketed test after it - a p-value, no sample size ("fall
  risk score (p = 0.036), [proprioception] (p = 0.015), reaction time (p = 0.003)"; not "a single 30 s SI
  (single SI; n = 6) or [conventional ventilation] (no SI; n = 6)").

A new OUTCOME takes the score of the spans it replaces (their first) and no subtype.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .outcome_names import _DETS, COMPARISON_ADJ, HEADS, PRE_HEAD, TokenView
from .outcome_results import SUBJECT_OPENERS, measured_subject
from .outcome_siblings import _bracket_end, _bracket_start, _separator_after, _separator_before
from .tagger.words import ARM_NOUNS, is_number

OUTCOME, INTERVENTION = "OUTCOME", "INTERVENTION"
MAX_WORDS = 8
# measure nouns whose "of" argument is what is measured ("duration of meropenem therapy"); not doses
ARG_HEADS = (HEADS - {"risk"}) | frozenset(["intake", "intakes", "consumption", "concentration", "concentrations",
                                            "titer", "titers", "titre", "titres", "use", "amount", "amounts", "time",
                                            "length", "composition", "requirement", "requirements", "need",
                                            "diameter", "diameters", "thickness", "width"])
_OPENERS = SUBJECT_OPENERS | frozenset([";"])
HARM_NOUNS = frozenset(["complication", "complications", "toxicity", "toxicities"])
HARM_PAIRS = [["side", "effects"], ["adverse", "events"], ["adverse", "effects"], ["adverse", "reactions"]] + [
    ["dose", change] for change in ("reduction", "reductions", "interruption", "interruptions", "delay", "delays",
                                    "modification", "modifications")]
#: verbs of receiving or needing before a comparative amount ("received more [colloid]")
_RECEIVING = frozenset(["received", "required", "needed", "used", "consumed", "took", "requested", "given"])
_AMOUNT_ADJ = frozenset(["more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller"])
#: a head noun of the amount after the arm's name ("more [morphine] doses")
_AMOUNT_HEADS = frozenset(["dose", "doses", "consumption", "requirement", "requirements", "use", "amount", "amounts"])
_VERBS = frozenset(["was", "were", "is", "are", "occurred", "developed", "included", "did", "had"])
# the end of an opening phrase before a subject: "After 2 months of therapy (T1) the [FFMI] increased in ..."
_INTRO_ENDS = frozenset([",", ")"])
# "with regard to", "regarding", "in terms of", "difference in": a topic before the measure noun
_TOPIC_BEFORE = frozenset(["regarding", "concerning"])


def arm_outcomes(t: TokenView, claims: list[list]) -> list[list]:
    """``claims`` with the rules of the module doc applied (measured subjects, arguments, list items)."""
    if not any(o[2] == INTERVENTION for o in claims):
        return claims
    claims = _measured_subjects(t, claims)
    claims = _measured_arguments(t, claims)
    claims = _harm_heads(t, claims)
    claims = _completed_phrases(t, claims)
    claims = _received_more(t, claims)
    claims = _zero_counts(t, claims)
    return _list_items(t, claims)


def _masks(t: TokenView, claims: list[list]) -> tuple[list[bool], list[bool]]:
    taken, arm = [False] * t.n, [False] * t.n
    for o in claims:
        taken[o[0]:o[1]] = [True] * (o[1] - o[0])
        if o[2] == INTERVENTION:
            arm[o[0]:o[1]] = [True] * (o[1] - o[0])
    return taken, arm


def _replace(claims: list[list], a: int, b: int, rule: str) -> list[list]:
    """``claims`` with the entries inside ``[a, b)`` replaced by one OUTCOME entry; unchanged when an entry
    crosses the edge."""
    inside = [o for o in claims if a <= o[0] and o[1] <= b]
    if len(inside) != sum(1 for o in claims if o[0] < b and o[1] > a):
        return claims
    score = next((o[3] for o in inside), None)
    return [o for o in claims if not (a <= o[0] and o[1] <= b)] + [[a, b, OUTCOME, score, None, rule]]


def _measured_subjects(t: TokenView, claims: list[list]) -> list[list]:
    """A clause-opening phrase holding an INTERVENTION span whose verb measures it becomes one OUTCOME."""
    taken, arm = _masks(t, claims)
    arm_starts = {o[0] - d for o in claims if o[2] == INTERVENTION for d in (0, 1, 2)}
    ordered = sorted(arm_starts)
    for lo, hi in t.sentences:
        first = bisect_left(ordered, lo)
        if first == len(ordered) or ordered[first] >= hi:  # no arm start in the sentence
            continue
        starts = [lo] + [j + 1 for j in t.at(_OPENERS, lo, hi - 2)]
        # the arm starts x in [lo + 1, hi - 2] after an intro end (was a walk over every token j + 1 of the range)
        starts += [x for x in ordered[bisect_left(ordered, lo + 1):bisect_left(ordered, hi - 1)]
                   if t.text[x - 1] in _INTRO_ENDS]
        for k in starts:
            if k not in arm_starts:
                continue
            hit = measured_subject(t, k, hi, taken, arm)
            if hit is not None:
                claims = _replace(claims, hit[0], hit[1], "measured")
    return claims


def _measured_arguments(t: TokenView, claims: list[list]) -> list[list]:
    """``measure noun of [INTERVENTION]`` after a comparison adjective or topic phrase, or with the measure
    noun inside an OUTCOME span, becomes one OUTCOME (from the measure noun, or the OUTCOME span's start)."""
    outcome_at: dict[int, list] = {}
    for o in claims:
        if o[2] == OUTCOME:
            for j in range(o[0], o[1]):
                outcome_at[j] = o
    for o in [x for x in claims if x[2] == INTERVENTION]:
        s, e = o[0], o[1]
        k = s - 1 - (s - 1 >= 0 and t.lower[s - 1] in _DETS)
        h = k - 1
        if h < 0 or t.lower[k] != "of" or e - h > MAX_WORDS:
            continue
        if t.lower[h] not in ARG_HEADS and not _required_dose(t, h):
            continue
        if e < t.n and (t.wordish(e) and t.lower[e] not in ("per", "at", "in", "during", "after")
                        or is_number(t.lower[e])):
            continue  # the arm does not end the phrase: "a higher proportion of the [ocriplasmin] group",
            # "a greater percentage of [ozanimod] 0.92 mg-treated participants"
        tagged = outcome_at.get(h)
        if tagged is not None and tagged[1] == h + 1:
            start = tagged[0]
        else:
            start = h
            while start - 1 >= 0 and t.lower[start - 1] in PRE_HEAD:
                start -= 1
            if not _compared_before(t, start):
                continue
        claims = _replace(claims, start, e, "measured_argument")
    return claims


def _required_dose(t: TokenView, h: int) -> bool:
    """"required a higher dose of [atropine]": a dose the patients needed is measured, not given."""
    return (t.lower[h] in ("dose", "doses", "dosage") and h >= 3 and t.lower[h - 1] in COMPARISON_ADJ
            and t.lower[h - 2] in _DETS | {"a"} and t.lower[h - 3] in ("required", "needed", "used", "consumed"))


def _compared_before(t: TokenView, j: int) -> bool:
    """A comparison adjective or a topic phrase right before token ``j``."""
    prev = t.lower[j - 1] if j >= 1 else ""
    if prev in COMPARISON_ADJ or prev in _TOPIC_BEFORE:
        return True
    two = t.lower[j - 3:j - 1] if j >= 3 else []
    return (prev == "to" and two[-1:] in (["regard"], ["respect"])) or (prev == "of" and two[-1:] == ["terms"]) \
        or (prev == "in" and two[-1:] in (["difference"], ["differences"]))


def _result_bracket(t: TokenView, a: int, b: int) -> bool:
    """A bracket ``[a, b)`` that reports a test: a p-value, no sample size ("(p = 0.015)"; not "(no SI; n =
    6)", nor an arm's own value "DIWL (20.6 ± 4.7%) and EX (19.2 ± 12.9%)")."""
    words = t.lower[a:b]
    return "n" not in words and any(is_number(w) for w in words) and any(
        w == "p" or w.startswith(("p=", "p<", "p>", "p≤")) for w in words)


def _harm_heads(t: TokenView, claims: list[list]) -> list[list]:
    """An INTERVENTION span that modifies an untagged harm noun right after it is part of that outcome: "[Flap]
    complications were limited to ...", "[radiation] toxicity"."""
    taken, _ = _masks(t, claims)
    for o in [x for x in claims if x[2] == INTERVENTION]:
        e = o[1]
        n = 1 if e < t.n and t.lower[e] in HARM_NOUNS else 2 if t.lower[e:e + 2] in HARM_PAIRS else 0
        if n and not any(taken[e:e + n]) and (e + n >= t.n or not t.wordish(e + n) or t.lower[e + n] in _VERBS):
            claims = _replace(claims, o[0], e + n, "harm_head")
    return claims


#: words that carry a measure's argument on ("use of ...", "payments for ...", "time interval to reach ...")
_ARG_LINKS = frozenset(["of", "for", "to"])
#: measure nouns of how much of a substance or an event there is ("[glucose] levels", "[PN] incidence"); not "use",
#: "duration", "time", "dose" or a size ("diameter"), which describe a given exposure ("[taxane] use", "effects of
#: [acute exercise] duration", "[Needle] diameter does not affect oocyte yield")
_AMOUNT_OF = frozenset(["level", "levels", "concentration", "concentrations", "intake", "intakes", "consumption",
                        "incidence", "rate", "rates", "titer", "titers", "titre", "titres", "requirement",
                        "requirements"])
#: nouns whose argument is what causes them, not what is measured
_CAUSED = HARM_NOUNS | frozenset(["efficacy", "effect", "effects", "effectiveness", "safety", "tolerability",
                                  "benefit", "benefits", "impact", "side-effects"])
#: arm words that name no measured thing ("[intervention] [self-efficacy]": whose self-efficacy, not what of)
_BARE_ARMS = ARM_NOUNS | frozenset(["intervention", "interventions", "control", "controls", "placebo", "treatment",
                                    "treatments", "experimental", "study", "usual", "care"])


def _completed_phrases(t: TokenView, claims: list[list]) -> list[list]:
    """An INTERVENTION span and an OUTCOME span that abuts it become one OUTCOME when the arm's words name what the
    outcome measures (module doc, "completed phrase"): the arm before a harm noun or a noun of how much there is
    that opens the OUTCOME, or the arm after an OUTCOME holding a measure's "of / for / to" whose argument the arm
    ends. Not an arm coordinated with another ("levofloxacin or [ofloxacin] toxicity": two arms' harm)."""
    starts = {o[0] for o in claims if o[2] == OUTCOME}
    ends = {o[1] for o in claims if o[2] == OUTCOME}
    for o in [x for x in claims if x[2] == INTERVENTION and (x[1] in starts or x[0] in ends)]:
        s, e = o[0], o[1]
        if s > 0 and t.lower[s - 1] in ("and", "or") or all(
                w in _BARE_ARMS or not t.wordish(j) for j, w in enumerate(t.lower[s:e], s)):
            continue
        after = next((x for x in claims if x[0] == e and x[2] == OUTCOME), None)  # the entries as they are now
        before = next((x for x in claims if x[1] == s and x[2] == OUTCOME), None)
        if after is not None and (t.lower[e] in HARM_NOUNS or t.lower[e] in _AMOUNT_OF
                                  or t.lower[e:e + 2] in HARM_PAIRS):
            claims = _replace(claims, s, after[1], "completed_phrase")
        elif (before is not None and _argument_link(t, before[0], s)
              and not _plural(t.lower[s - 1]) and not (e < t.n and (t.wordish(e) or is_number(t.lower[e])))):
            claims = _replace(claims, before[0], e, "completed_phrase")
    return claims


def _argument_link(t: TokenView, a: int, s: int) -> bool:
    """Does the OUTCOME span ``[a, s)`` hold "of / for / to" before its last word, after no harm or effect noun?
    The argument of a measure is measured ("use of intraoperative [opioids]"); that of a harm or an effect is the
    treatment that causes it ("toxicity of injection [Yiyoutasai]", "complication of mucotoxic [cancer therapy]")."""
    links = [j for j in range(a + 1, s - 1) if t.lower[j] in _ARG_LINKS]
    return bool(links) and not any(t.lower[j - 1] in _CAUSED or t.lower[j - 2:j] in HARM_PAIRS for j in links)


def _plural(word: str) -> bool:
    """A plural noun ends its phrase ("number of [times] salicylic acid was applied"): no modifier of the arm."""
    return len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _received_more(t: TokenView, claims: list[list]) -> list[list]:
    """"received more intravenous [colloid]": the phrase from the comparative (adjectives between it and the arm
    untagged, at most two) to the arm's end, when the arm ends the phrase, becomes one OUTCOME."""
    taken, _ = _masks(t, claims)
    for o in [x for x in claims if x[2] == INTERVENTION]:
        s, e = o[0], o[1]
        k = s - 1
        while k >= 0 and s - k <= 3 and t.lower[k] not in _AMOUNT_ADJ and not taken[k] and t.wordish(k):
            k -= 1
        if k < 1 or t.lower[k] not in _AMOUNT_ADJ:
            continue
        v = k - 1 - (t.lower[k - 1].endswith("ly") and k >= 2)
        if e < t.n and t.lower[e] in _AMOUNT_HEADS and not taken[e]:
            e += 1  # "received significantly more [morphine] doses"
        if t.lower[v] not in _RECEIVING or e < t.n and t.wordish(e) and t.lower[e] not in ("and", "or", "than"):
            continue
        claims = _replace(claims, k + 1, e, "received_more")
        nxt = _coordinated_arm(t, claims, e)  # "... colloid (...) and [dopexamine] (...)": the same comparative
        if nxt is not None:
            claims = _replace(claims, nxt[0], nxt[1], "received_more")
    return claims


_NO_WORDS = frozenset(["difference", "differences", "change", "changes", "effect", "effects", "significant",
                       "statistically", "evidence", "benefit", "association", "correlation", "need"])


def _zero_counts(t: TokenView, claims: list[list]) -> list[list]:
    """"There was no failed [insertion] of [devices].": the phrase after "no" to the sentence's end becomes one
    OUTCOME when it holds an INTERVENTION span, no OUTCOME and no comparison word."""
    for lo, hi in t.sentences:
        if hi - lo < 5 or t.lower[lo:lo + 3] not in (["there", "was", "no"], ["there", "were", "no"]):
            continue
        a = lo + 3
        if t.lower[a:a + 2] in (["case", "of"], ["cases", "of"]):
            a += 2
        b = hi - 1 if t.text[hi - 1] in ".;" else hi
        inside = [o for o in claims if a <= o[0] < b]
        if (b - a > MAX_WORDS or not any(o[2] == INTERVENTION for o in inside) or any(o[2] == OUTCOME for o in inside)
                or any(t.lower[j] in _NO_WORDS or not t.wordish(j) and t.lower[j] not in ("of", "-") for j in
                       range(a, b))):
            continue
        claims = _replace(claims, a, b, "zero_count")
    return claims


def _coordinated_arm(t: TokenView, claims: list[list], e: int) -> list | None:
    """The INTERVENTION entry coordinated right after token ``e`` ("and [X]", after a bracket there), ending its
    phrase; None without one."""
    j: int | None  # None where no separator follows the bracket
    j = e
    if j < t.n and t.text[j] in "([":
        depth = 0
        for k in range(j, min(t.n, j + 48)):
            depth += (t.text[k] in "([") - (t.text[k] in ")]")
            if depth == 0:
                j = k + 1
                break
        else:
            return None
    j = _separator_after(t, j, t.n)
    o = next((x for x in claims if j is not None and x[0] == j and x[2] == INTERVENTION), None)
    if o is None or o[1] < t.n and t.wordish(o[1]):
        return None
    return o


def _list_items(t: TokenView, claims: list[list]) -> list[list]:
    """An INTERVENTION span beside an OUTCOME list item, with its own bracketed result after it."""
    by_start = {o[0]: o for o in claims}
    by_end = {o[1]: o for o in claims}
    starts = [a for a, _ in t.sentences]
    for o in [x for x in claims if x[2] == INTERVENTION]:
        s, e = o[0], o[1]
        lo, hi = t.sentences[bisect_right(starts, s) - 1]
        after = _bracket_end(t, e, hi) if e < hi and t.text[e] in "([" else None
        own_result = after is not None and _result_bracket(t, e, after)
        nxt = _separator_after(t, after if after is not None else e, hi)
        right = by_start.get(nxt) if nxt is not None else None
        left = None
        sep = _separator_before(t, s, lo)
        if sep is not None:
            end = sep
            if end - 1 >= lo and t.text[end - 1] in ")]":
                end = _bracket_start(t, end, lo) or end
            left = by_end.get(end)
        if own_result and any(x is not None and x[2] == OUTCOME for x in (left, right)):
            o[2], o[4], o[5] = OUTCOME, None, "list_item"
    return claims
