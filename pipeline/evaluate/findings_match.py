"""Judging one gold finding against a record's claims, field by field (issue 10's reviewer form).

Rules (``corpora/gold/GUIDELINES.md``, *Findings*, *How the scorer reads a claim*):

* **Tokens** are runs of letters/digits, compared by offset. An entity *covers* a gold outcome by the
  number of gold tokens inside it.
* **Found**: a ``finding``/``adverse_effect`` claim whose sentence overlaps the gold sentence and one of
  whose outcome entities covers at least half of the gold outcome's tokens. Among several, the claim
  with most fields right (then most coverage) is judged.
* **Outcome needs no edit**: that entity misses no gold token (one allowed when the gold outcome has 4+
  tokens) and has at most 3 tokens more than the gold outcome. A claim listing several outcome entities
  is judged on the entity that covers this finding ("no differences in A, B or C" = one claim is fine).
* **Arms**: an entity names a gold arm when, on its words, at least half of them are words of the
  arm (its text, or the other side of an abbreviation pair the record found, or the entity's
  ``expanded`` form), it is more similar (Dice) to this arm than to the other, and it holds no word
  only the other arm has. Words are content words (lower-cased letters, plural ``s`` dropped, stop
  words and bare labels such as *group*, *treatment*, *intervention*, *patients* dropped) and, where
  they tell arms apart, numbers read as a reviewer reads an arm: a dose, duration or strength ("500
  mg", "3 h", "6M"), the digits of a code ("O3", "P1", "WR 279,396"), a ratio as one word ("3:1"); not
  a label's or a count's number ("group 1", "2 groups", "20 patients") nor a year. An entity that
  holds a number of the gold arms is judged on its words and numbers against theirs; any other on
  letters against their letters, as before (arms written without digits are judged as before, and
  "atorvastatin" names neither "atorvastatin 10 mg" nor "atorvastatin 40 mg"). Where the gold arm
  holds numbers, an entity with numbers must share one ("risedronate 5 mg" does not name "risedronate
  15 mg"). The intervention is right when every intervention entity names the gold intervention; the
  comparator likewise, and it must be empty exactly when the gold comparator is null.
* **Numbers**: every gold number overlaps some measure of the claim.
* **Direction** is compared relative to the claim's own arms: when the claim's arms are the gold arms
  swapped, the expected direction is the gold one flipped (the arms themselves are still wrong).
* **Significance**: ``claim.significant == gold.significant`` (null = not stated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpora.findings import GoldFinding, Span
from ..schema import FLIP, Claim, Entity, Record

FIELDS = ("intervention", "comparator", "outcome", "numbers", "direction", "significance")
FINDING_TYPES = ("finding", "adverse_effect")
MAX_EXTRA_TOKENS = 3

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_WORD = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?::\d+(?:\.\d+)?)*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s=#-]*$")
_WORD_AFTER = re.compile(r"^[\s-]*([A-Za-z]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")
STOP = frozenset([
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "without", "and", "or", "plus", "versus",
    "vs", "by", "from", "than", "as", "who", "which", "that", "those", "this", "these", "its", "their", "his",
    "her", "were", "was", "be", "been", "being", "is", "are", "had", "has", "have", "after", "before",
    "during"
])
BARE = frozenset([
    "group", "groups", "arm", "arms", "patient", "patients", "subject", "subjects", "participant",
    "participants", "people", "individuals", "treatment", "treatments", "treated", "intervention",
    "interventions", "receiving", "received", "receive", "given", "study", "experimental"
])
LABEL_WORDS = BARE | frozenset(["cohort", "cohorts", "n"])  # "group 1", "cohort 2", "n = 20": a label's number


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the letter/digit runs of ``text[start:end]``."""
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def covered(tok: tuple[int, int], start: int, end: int) -> bool:
    return tok[0] < end and start < tok[1]


def content_words(phrase: str) -> frozenset[str]:
    """Lower-cased content words of an arm phrase (plural ``s`` dropped; stop words, bare labels out)."""
    out = set()
    for w in _WORD.findall(phrase):
        w = w.lower()
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w not in STOP and w not in BARE and (len(w) > 1):
            out.add(w)
    return frozenset(out)


def number_words(phrase: str) -> frozenset[str]:
    """The numbers of an arm phrase a reviewer reads as naming the arm (thousands commas and trailing decimal zeros
    dropped): a dose, a duration, a strength, a code's digits; a ratio is one word ("3:1"). Left out: a number
    after a label word ("group 1", "cohort 2", "n = 20") or before a bare label ("2 groups", "20 patients"), and a
    year (1900-2099 with no word after it)."""
    out = set()
    for m in _NUMBER.finditer(phrase):
        before, after = phrase[:m.start()], phrase[m.end():]
        prev, nxt = _WORD_BEFORE.search(before), _WORD_AFTER.match(after)
        if (prev and prev.group(1).lower() in LABEL_WORDS) or (nxt and nxt.group(1).lower() in BARE):
            continue
        if _YEAR.fullmatch(m.group()) and not nxt:
            continue
        n = m.group().replace(",", "")
        out.add(n.rstrip("0").rstrip(".") if "." in n else n)
    return frozenset(out)


def arm_words(phrase: str) -> frozenset[str]:
    """The words an arm phrase is judged on: its content words and its numbers (:func:`number_words`)."""
    return content_words(phrase) | number_words(phrase)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def arm_aliases(span: Span, record: Record) -> list[frozenset[str]]:
    """The gold arm's word sets: its text, and each abbreviation pair of the record that names it."""
    base = arm_words(span.text)
    out = [base]
    for ab in record.abbreviations:
        short, long = arm_words(ab.short), arm_words(ab.long)
        if not short or not long:
            continue
        if short <= base or (long & base and len(long & base) * 2 >= len(long)):
            out += [short, long, (base - short) | long]
    return [a for a in out if a]


def names_arm(words: frozenset[str], arm: list[frozenset[str]], other: list[frozenset[str]]) -> bool:
    """Do an entity's content ``words`` name ``arm`` (word-set aliases) rather than ``other``?"""
    if not words or not arm:
        return False
    inside = max(len(words & a) / len(words) for a in arm)
    if inside < 0.5:
        return False
    if not other:
        return True
    mine, theirs = max(_dice(words, a) for a in arm), max(_dice(words, a) for a in other)
    only_other = frozenset().union(*other) - frozenset().union(*arm)
    return mine > theirs and not (words & only_other)


def entity_names(entity: Entity, arm: list[frozenset[str]], other: list[frozenset[str]]) -> bool:
    """Does the entity (its text or its ``expanded`` form) name ``arm`` rather than ``other``? Numbers tell arms
    apart only when the entity holds one of the gold arms' numbers: then it is judged on its arm words against the
    arms' (:func:`arm_words`); otherwise on letters against the arms' letters, as without numbers ("insoles" is
    judged against "arch support insoles for 12 weeks" as against "arch support insoles for weeks"; "risedronate"
    names neither "risedronate 5 mg" nor "risedronate 15 mg"). Where ``arm`` holds numbers, an entity with numbers
    must share one ("risedronate 5 mg" does not name "risedronate 15 mg")."""
    variants = [entity.text] + ([entity.expanded] if entity.expanded else [])
    arm_numbers = _numbers(arm)
    gold_numbers = arm_numbers | _numbers(other)
    for v in variants:
        numbers = number_words(v)
        if arm_numbers and numbers and not numbers & arm_numbers:
            continue
        if numbers & gold_numbers:
            named = names_arm(content_words(v) | (numbers & gold_numbers), arm, other)
        else:
            named = names_arm(content_words(v), _letters(arm), _letters(other))
        if named:
            return True
    return False


def _numbers(aliases: list[frozenset[str]]) -> frozenset[str]:
    return frozenset(w for a in aliases for w in a if w[0].isdigit())


def _letters(aliases: list[frozenset[str]]) -> list[frozenset[str]]:
    out = [frozenset(w for w in a if not w[0].isdigit()) for a in aliases]
    return [a for a in out if a]


def is_bare(entity: Entity) -> bool:
    """An entity with no arm word: a bare label ("the group", "group 1", "both arms")."""
    return not arm_words(entity.text) and not arm_words(entity.expanded or "")


@dataclass
class Judgement:
    found: bool = False
    claim: str | None = None  # id of the judged claim
    fields: dict[str, bool] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    candidates: int = 0  # finding/adverse claims in the sentence

    @property
    def fully_right(self) -> bool:
        return self.found and all(self.fields.get(f, False) for f in FIELDS)


def claim_span(claim: Claim, record: Record) -> tuple[int, int]:
    if claim.start is not None and claim.end is not None:
        return claim.start, claim.end
    s = record.sentences[claim.sentence]
    return s.start, s.end


def _outcome_fit(gold: Span, entity: Entity, text: str) -> tuple[int, int, int]:
    """(gold tokens covered, gold tokens missed, entity tokens outside the gold span)."""
    gtoks = tokens(text, gold.start, gold.end)
    etoks = tokens(text, entity.start, entity.end)
    hit = sum(1 for t in gtoks if covered(t, entity.start, entity.end))
    extra = sum(1 for t in etoks if not covered(t, gold.start, gold.end))
    return hit, len(gtoks) - hit, extra


def _arm_errors(role: str, ents: list[Entity], arm: list[frozenset[str]], other: list[frozenset[str]]
                ) -> list[str]:
    if not ents:
        return [f"{role} missing"]
    if any(is_bare(e) for e in ents):
        return [f"{role} bare label"]
    if all(entity_names(e, arm, other) for e in ents):
        return []
    if other and all(entity_names(e, other, arm) for e in ents):
        return [f"{role} is the other arm"]
    return [f"{role} wrong or mixed"]


def judge_claim(gold: GoldFinding, claim: Claim, record: Record, text: str) -> Judgement | None:
    """Field-by-field judgement of one claim; None when it does not find the gold finding."""
    ents = {e.id: e for e in record.entities}
    outcomes = [ents[i] for i in claim.outcome if i in ents]
    gtoks = tokens(text, gold.outcome.start, gold.outcome.end)
    fits = [(_outcome_fit(gold.outcome, e, text), e) for e in outcomes]
    fits = [f for f in fits if gtoks and 2 * f[0][0] >= len(gtoks)]
    if not fits:
        return None
    (_hit, missed, extra), _ = max(fits, key=lambda f: (f[0][0], -f[0][2]))
    j = Judgement(found=True, claim=claim.id)
    allowed_miss = 1 if len(gtoks) >= 4 else 0
    j.fields["outcome"] = missed <= allowed_miss and extra <= MAX_EXTRA_TOKENS
    if missed > allowed_miss:
        j.errors.append("outcome truncated")
    if extra > MAX_EXTRA_TOKENS:
        j.errors.append("outcome too long")

    i_arm = arm_aliases(gold.intervention, record)
    c_arm = arm_aliases(gold.comparator, record) if gold.comparator else []
    ci = [ents[i] for i in claim.intervention if i in ents]
    cc = [ents[i] for i in claim.comparator if i in ents]
    swapped = bool(c_arm and ci and cc and all(entity_names(e, c_arm, i_arm) for e in ci)
                   and all(entity_names(e, i_arm, c_arm) for e in cc))
    i_err = _arm_errors("intervention", ci, i_arm, c_arm)
    if gold.comparator is None:
        c_err = ["comparator for a single-arm finding"] if cc else []
    else:
        c_err = _arm_errors("comparator", cc, c_arm, i_arm)
    if swapped:
        i_err, c_err = ["swapped arms"], []
    j.fields["intervention"], j.fields["comparator"] = not i_err, not c_err and not swapped
    j.errors += i_err + c_err

    spans = [(m.start, m.end) for m in record.measures if m.id in set(claim.measures)]
    missing = [n for n in gold.numbers if not any(s < n.end and n.start < e for s, e in spans)]
    j.fields["numbers"] = not missing
    if missing:
        j.errors.append("number missing")

    expected = FLIP.get(gold.direction, gold.direction) if swapped else gold.direction
    j.fields["direction"] = claim.direction == expected
    if claim.direction != expected:
        j.errors.append(_direction_error(expected, claim.direction))
    j.fields["significance"] = claim.significant == gold.significant
    if claim.significant != gold.significant:
        j.errors.append("significance missing" if claim.significant is None else
                        "significance not stated in gold" if gold.significant is None else "significance wrong")
    return j


DIRECTION_ERRORS = ("difference vs no difference", "wrong sign", "direction: comparison vs single arm",
                    "direction missing")
ARM_STATES = ("arms right", "arms swapped", "arms wrong")


def arms_state(j: Judgement) -> str | None:
    """For a found finding whose direction is wrong: were its arms right ("arms right": intervention and comparator
    both right), swapped ("arms swapped": the direction was judged flipped) or otherwise wrong ("arms wrong": a
    missing, bare, mixed or extra arm, which also decides comparison vs single arm)? None when the direction is
    right or the finding is not found. Tells how much direction error is arm error upstream."""
    if not j.found or j.fields.get("direction", True):
        return None
    if "swapped arms" in j.errors:
        return "arms swapped"
    return "arms right" if j.fields.get("intervention") and j.fields.get("comparator") else "arms wrong"


def _direction_error(expected: str, got: str | None) -> str:
    if got is None:
        return "direction missing"
    if {expected, got} in ({"increase", "decrease"}, {"positive", "negative"}):
        return "wrong sign"
    if "no_difference" in (expected, got):
        return "difference vs no difference"
    return "direction: comparison vs single arm"


def judge(gold: GoldFinding, record: Record, text: str) -> Judgement:
    """The best claim in the gold finding's sentence, judged (see the module docstring)."""
    gs, ge = gold.sentence
    in_sentence = [c for c in record.claims if _overlaps(claim_span(c, record), (gs, ge))]
    candidates = [c for c in in_sentence if c.type in FINDING_TYPES]
    judged = [j for j in (judge_claim(gold, c, record, text) for c in candidates) if j is not None]
    if not judged:
        error = ("no claim in sentence" if not in_sentence else
                 "sentence claim not a finding" if not candidates else "outcome not covered")
        return Judgement(found=False, errors=[error], candidates=len(candidates))
    best = max(judged, key=lambda j: sum(j.fields.values()))
    best.candidates = len(candidates)
    return best


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_result_sentence(span: tuple[int, int], results: list[tuple[int, int]]) -> bool:
    """A claim sentence reports a result when at least half of it, or of a result sentence, overlaps."""
    for s, e in results:
        inter = min(span[1], e) - max(span[0], s)
        if inter > 0 and (2 * inter >= span[1] - span[0] or 2 * inter >= e - s):
            return True
    return False
