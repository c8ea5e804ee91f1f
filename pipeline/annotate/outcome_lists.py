"""``claimex_outcome_lists``: OUTCOME spans at the finding's granularity (issue 10, class 5), after the tagger.

The gold unit of a finding is one outcome; the tagger often marks a coordinated list as one span
("delirium duration, severity, discharge destination or length of stay") or tags only some items of a
list ("no differences in UP, GFR, and NaFE": NaFE untagged). Token-level rules, per sentence:

* **split** - an OUTCOME span that is a list becomes one span per item: at list commas (outside
  brackets) and the ``and``/``or`` of a list with a comma; a two-item ``A and/or B`` only when the
  pair is long (4+ words: "smooth muscle tone and contractile activity"), its left item is no
  modifier shared with the right one ("LV diastolic and systolic functions") and no measure noun
  shared with it ("incidence and severity of pain"), so "nausea and vomiting" stays one concept;
* **siblings** - :mod:`claimex.annotate.outcome_siblings`: a list with an OUTCOME item extends to its
  untagged items ("no differences in UP, GFR, and NaFE": NaFE);
* **possessive** - an OUTCOME span right after a possessive name grows over it ("Horner's syndrome"); one that
  opens on the clitic takes the name in ("['s spots]" -> "Bitot's spots") or drops the clitic ("subject['s wound]");
* **suspended hyphen** - a span ending on "X-" before ``and``/``or``/``to`` joins the compound after it ("[alpha-]
  and gamma-tocopherol concentrations"); one opening on "-Y" takes "X-Z and" before it in;
* **names** - :mod:`claimex.annotate.outcome_names` and :mod:`claimex.annotate.outcome_results`: spans grow
  over their measure noun ("incidence of"), ``of`` tail and qualifier, and to the noun phrase the tagger cut
  short ("CVD [risk] decreased", "[Composition of the] microbiota did not differ": ``grow_phrase``);
  untagged ``label: number`` slots, compared quantities and subjects of result clauses (also inside a
  sentence: ``embedded_subjects``) and the subject of "X is the commonest side effect" become OUTCOME spans.

**Two layers** (:mod:`claimex.annotate.entities`). Claims want one entity per list item; the EBM-NLP token
metric of ``doc.spans["pico"]`` wants the list whole (EBM-NLP marks a list as one span: splitting it cost
0.025 OUTCOME token F1 on EBM-NLP crowd dev). So ``doc.spans["pico_claims"]`` gets every rule's result and
``doc.spans["pico"]`` keeps tagged lists whole and takes only the rules of :data:`PICO_RULES`, chosen per
rule with ``claimex evaluate --task pico`` so that no OUTCOME figure falls (token F1 on the dev sets
EBM-NLP crowd / EvidenceMap / EvidenceOutcomes / PICO-Corpus, tagger alone .5853 / .6459 / .7243 / .4561):
grow .5854 / .6509 / .7235 / .4577 (and crowd span-exact F1 .2462 -> .2449); siblings .5854 / .6416 /
.7257 / .4536; slot labels .5851 / .6459 / .7237; compared names .5848 / .6478 / .7243; result names
.5854 / .6459 / .7238; each lowers one figure and goes to the claims layer only. The adverse subject
changes no dev figure and names the seed's "postembolization syndrome" (issue 11): it goes to both.

**wide** - :mod:`claimex.annotate.outcome_wide`: a tagged OUTCOME span (or list item) extends over the free
words where the tagger's OUTCOME probability stays over the weak decode's floor (after the name rules).

**remainders** - :mod:`claimex.annotate.outcome_remainders`: the rest of a tagger's run beyond a list separator or
"including", where the tagger almost tagged it ("[injection site reactions] including induration, ...").

**count predicates** - :mod:`claimex.annotate.outcome_counts`: in a sentence with no OUTCOME that compares or
tests counts, the verb phrase of the counted subject ("303 (80%) of 379 participants ... [did not need further
intervention], compared with ...").

**weak** - :mod:`claimex.annotate.outcome_weak`: where the tagger decodes its OUTCOME head a second time at a
lower threshold (``weak_outcome``), those spans go to the claims layer where they overlap no entity and their
sentence reports a result (last, after every other rule).

The rules add, split or grow OUTCOME spans; other labels pass through unchanged, except that in the claims
layer an INTERVENTION span in an outcome role becomes an OUTCOME (:mod:`claimex.annotate.outcome_arms`: a
clause-opening phrase whose verb measures it, "MRI metrics did not differ between groups"; the argument of a
compared measure noun, "shorter duration of meropenem therapy"; an OUTCOME list item with its own p-value;
:mod:`claimex.annotate.outcome_objects`: the object of an effect verb whose subject is an arm, "[LOLA]I
ameliorated [the deleterious psychometric effects of glutamine]"; :mod:`claimex.annotate.outcome_countarms`: what
the counted patients did, "more patients in the intervention group [continued antidepressants]").
Scores and
subtypes of a split span go to each of its items; new spans get None (``claimex_subtypes``, after this
component, gives every span its subtype). Cost: about 1.1 ms per abstract, the component alone on the 537
PubMed sample abstracts (1.0 ms without ``outcome_arms`` / ``embedded_subjects`` / ``grow_phrase``, same
machine; token lists, no regex over the text).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress

from spacy.attrs import SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .entities import CLAIMS_KEY, SPANS_KEY, Entry, layer_entries, set_entities, spans_of
from .outcome_arms import arm_outcomes
from .outcome_changes import change_nouns
from .outcome_countarms import counted_arm_objects
from .outcome_counts import count_predicates
from .outcome_names import _free as free
from .outcome_names import adverse_subject, compared_names, grow, grow_phrase, slot_labels
from .outcome_objects import effect_objects
from .outcome_remainders import run_remainders
from .outcome_results import CUE_WORDS, embedded_subjects, result_names
from .outcome_sets import outcome_sets
from .outcome_siblings import _CLOSE, _CONJ, _OPEN, siblings
from .outcome_weak import weak_outcomes
from .outcome_wide import absorb_modifiers, wide_runs, widen
from .tagger.words import FUNCTION_WORDS, adjective_like, has_letter, is_content, is_number
from .tokens import token_lowers, token_texts

FACTORY = "claimex_outcome_lists"
OUTCOME = "OUTCOME"
# words that share a following "of X" ("incidence and severity of pain"): no split after them
MEASURE_NOUNS = frozenset(["incidence", "severity", "duration", "frequency", "rate", "rates", "number", "level",
                           "levels", "intensity", "degree", "extent", "prevalence", "risk", "occurrence", "onset",
                           "amount", "time", "quality", "change", "changes", "use", "need", "proportion"])
class Tokens:
    """Token views of one doc, from arrays (no Token objects): text, lower, space after, sentence bounds,
    and where the cue words of :mod:`.outcome_names` occur (so that rules visit those tokens only)."""

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([SPACY, SENT_START])
        self.text = token_texts(doc)  # shared with the other components (not changed here)
        self.lower = token_lowers(doc)  # shared with the span hygiene (not changed here)
        self.space = arr[:, 0].astype(bool).tolist()
        self.n = len(self.text)
        starts = (arr[:, 1] == 1).nonzero()[0].tolist() if self.n else []
        edges = sorted({0, *starts, self.n})
        self.sentences = [(a, b) for a, b in zip(edges, edges[1:]) if b > a]
        where: dict[str, list[int]] = {}
        lower = self.lower
        for j in compress(range(self.n), map(CUE_WORDS.__contains__, lower)):  # the set tests run in C
            where.setdefault(lower[j], []).append(j)
        self.where = where
        self._at: dict[frozenset[str], list[int]] = {}  # per word set: its positions, sorted
        self._wordish: list[bool | None] = [None] * self.n

    def at(self, words: frozenset[str], lo: int, hi: int) -> list[int]:
        """Positions in ``[lo, hi)`` of the tokens in ``words`` (cue words only), in order (the positions of
        each word set are gathered once per doc; a range is two bisections)."""
        found = self._at.get(words)
        if found is None:
            found = self._at[words] = sorted(j for w, js in self.where.items() if w in words for j in js)
        return found[bisect_left(found, lo):bisect_left(found, hi)] if hi > lo else []

    def wordish(self, j: int) -> bool:
        """A token that can be part of a noun phrase: has a letter (not a function word), or is glued
        to one (``KT-1000``, ``Horner 's``). Decided once per token."""
        if j < 0:  # counted from the end: its neighbours differ from those of ``n + j``
            return self._is_wordish(j)
        known = self._wordish[j]
        if known is None:
            known = self._wordish[j] = self._is_wordish(j)
        return known

    def _is_wordish(self, j: int) -> bool:
        low = self.lower[j]
        if low.isalpha():  # a word of letters only: no bracket, has a letter
            return low not in FUNCTION_WORDS
        if low in FUNCTION_WORDS or _unbalanced(low):
            return False
        if has_letter(low):
            return True
        glued = (j > 0 and not self.space[j - 1]) or (j + 1 < self.n and not self.space[j] and self.lower[j + 1] != ",")
        return glued and low not in ",;:.()[]" and not (is_number(low) and (j == 0 or self.space[j - 1]))


def _unbalanced(text: str) -> bool:
    """A token with an unbalanced bracket ("Co(2", "Drp1(Ser-616") is no clean part of a phrase."""
    return text.count("(") != text.count(")") or text.count("[") != text.count("]")


# -- split --------------------------------------------------------------------------------------------
def separators(t: Tokens, start: int, end: int) -> tuple[list[int], list[int]]:
    """The commas and the coordinating conjunctions of ``[start, end)`` outside brackets (token offsets)."""
    commas, conjs, depth = [], [], 0
    for j in range(start, end):
        w = t.lower[j]
        if w in _OPEN:
            depth += 1
        elif w in _CLOSE:
            depth -= 1
        elif depth == 0 and w == ",":
            commas.append(j)
        elif depth == 0 and w in _CONJ:
            conjs.append(j)
    return commas, conjs


def split_list(t: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the list span ``[start, end)`` (token offsets); ``[(start, end)]`` when it is no list."""
    commas, conjs = separators(t, start, end)
    if any(t.text[c - 1].endswith("-") for c in commas + conjs if c > start):
        return [(start, end)]  # "serum- and glucocorticoid-regulated kinase": one name
    if commas and (conjs or len(commas) >= 2 or _long_items(t, start, commas, end)):
        cuts = sorted(commas + conjs)
    elif len(conjs) == 1 and _pair_splits(t, start, conjs[0], end):
        cuts = conjs
    else:
        return [(start, end)]
    items, lo = [], start
    for c in cuts + [end]:
        item = _trim(t, lo, c)
        if item is not None:
            items.append(item)
        lo = c + 1
    return items if len(items) >= 2 else [(start, end)]


def _long_items(t: Tokens, start: int, commas: list[int], end: int) -> bool:
    """``A, B`` without a conjunction is a list when both items have two words or more ("airway quality,
    airway manipulations"), not coordinated modifiers ("small, self-limiting epithelial ingrowth")."""
    bounds = [start] + [c + 1 for c in commas] + [end]
    return all(sum(t.wordish(j) for j in range(a, b)) >= 2 for a, b in zip(bounds, bounds[1:]))


def _pair_splits(t: Tokens, start: int, conj: int, end: int) -> bool:
    """Does ``A and/or B`` name two outcomes? Not when short ("nausea and vomiting"), when ``A`` ends on a
    modifier of ``B``'s head ("LV diastolic and systolic functions", "mean fasting and postprandial
    plasma levels of factor VII"), is a measure noun of it ("incidence and severity of pain"), or when
    ``B`` is one word after a prepositional ``A`` ("sweating of the back and thigh")."""
    left = [j for j in range(start, conj) if t.wordish(j)]
    right = [j for j in range(conj + 1, end) if t.wordish(j)]
    if not left or not right or len(left) + len(right) < 4:
        return False
    last = t.text[conj - 1]
    if adjective_like(last, last.lower()) or last.lower().endswith("ing"):
        return False
    if len(left) == 1 and t.lower[left[0]] in MEASURE_NOUNS:
        return False
    inner = {t.lower[j] for j in range(start, conj)}
    if len(right) == 1 and inner & {"of", "in", "at", "on"}:
        return False
    return not (len(left) <= 2 and "of" in {t.lower[j] for j in range(conj + 1, end)})


def _trim(t: Tokens, lo: int, hi: int) -> tuple[int, int] | None:
    """An item without edge function words or punctuation (quotes: "'pitch height'"), None without a
    content word."""
    while lo < hi and (t.lower[lo] in FUNCTION_WORDS or not _alnum(t.lower[lo])):
        lo += 1
    while hi > lo and (t.lower[hi - 1] in FUNCTION_WORDS or not _alnum(t.lower[hi - 1])
                       and not (t.text[hi - 1] in _CLOSE and any(t.text[j] in _OPEN for j in range(lo, hi)))):
        hi -= 1
    if hi <= lo or not any(is_content(t.text[j], t.lower[j]) for j in range(lo, hi)):
        return None
    return lo, hi


def _alnum(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


_CLITICS = frozenset(["'s", "’s"])
_SUSPENDING = frozenset(["and", "or", "to", "and/or"])


def suspended(t: Tokens, a: int, b: int, taken: list[bool], lo: int, hi: int, by_start: dict
              ) -> tuple[int, int, list | None]:
    """``[a, b)`` over the compound its suspended hyphen belongs to: "[alpha-] and gamma-tocopherol
    concentrations", "comparable [medium-] to long-term results", "TKI-sensitive and [-resistant NSCLC cells]".
    Right: the OUTCOME entry starting after the conjunction is merged (returned, the caller drops it), else the
    untagged words there are taken in. Returns (a, b, merged entry or None)."""
    merged = None
    if b - a >= 1 and len(t.text[b - 1]) > 1 and t.text[b - 1].endswith("-") and b + 1 < hi \
            and t.lower[b] in _SUSPENDING:
        k = b + 1
        if k in by_start and by_start[k][1] > k:
            merged = by_start[k]
            b = merged[1]
        else:
            m = k
            while m < hi and m - k < 4 and free(t, m, taken):
                m += 1
            if m > k and "-" in t.text[k]:
                b = m
    if len(t.text[a]) > 1 and t.text[a].startswith("-") and a - 2 >= lo and t.lower[a - 1] in _SUSPENDING \
            and "-" in t.text[a - 2][1:] and not taken[a - 2] and not taken[a - 1]:
        a -= 2
    return a, b, merged


def possessive_start(t: Tokens, start: int, lo: int) -> int:
    """``Horner 's syndrome``: the start of the possessive name right before ``start``, else ``start``. A span
    that opens on the clitic itself (the tagger's "['s spots]", "the patient[’s body weight]") takes the name
    in when it is one ("Bitot's spots"), else starts after the clitic ("body weight")."""
    if start + 1 < t.n and t.lower[start] in _CLITICS:
        if start - 1 >= lo and not t.space[start - 1] and t.text[start - 1][:1].isupper():
            return start - 1
        return start + 1
    if start - 2 >= lo and t.lower[start - 1] in _CLITICS and not t.space[start - 2] \
            and t.text[start - 2][:1].isupper():
        return start - 2
    return start


# -- the component --------------------------------------------------------------------------------------
#: the rules whose spans also go to the token-level PICO layer (the others only to the claims layer),
#: chosen with ``claimex evaluate --task pico`` (module doc, "Two layers")
PICO_RULES = ("adverse_subject",)


@Language.factory(FACTORY, assigns=["doc.spans"], requires=["doc.spans"],
                  default_config={"pico_rules": list(PICO_RULES)})
def make_outcome_lists(nlp: Language, name: str, pico_rules: list[str]) -> OutcomeLists:
    return OutcomeLists(name, pico_rules=pico_rules)


class OutcomeLists:
    """Splits, completes and names OUTCOME spans (module doc, :mod:`claimex.annotate.outcome_names`).

    Writes two layers (:mod:`claimex.annotate.entities`): ``doc.spans[CLAIMS_KEY]`` gets every rule's
    result (list items, grown spans, new names); ``doc.spans[SPANS_KEY]`` keeps each tagged list whole
    and takes only the rules in ``pico_rules`` ("grow": a tagged span grows to cover what its items grew
    over; a rule name of :data:`PICO_RULES`: its new spans)."""

    def __init__(self, name: str = FACTORY, pico_rules=PICO_RULES) -> None:
        self.name = name
        self.pico_rules = frozenset(pico_rules)

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_KEY not in doc.spans:
            return doc  # no tagger ran: the rules complete a tagger's outcomes, they do not replace it
        tagged = layer_entries(doc)  # (start, end, label, score, subtype): no Span per tagged span
        t = Tokens(doc)
        taken = [False] * t.n
        kept: list[list] = []  # [start, end, label, score, subtype, source]; source: tagged index or rule name
        starts = [a for a, _ in t.sentences]
        buckets: list[list[list]] = [[] for _ in t.sentences]
        for s, e, _, _, _ in tagged:
            taken[s:e] = [True] * (e - s)
        for k, (s, e, label, score, subtype) in enumerate(tagged):
            if label != OUTCOME:
                kept.append([s, e, label, score, subtype, k])
                continue
            for a, b in split_list(t, s, e):
                a2 = possessive_start(t, a, 0)
                if a < a2 < b:
                    taken[a] = False
                    a = a2
                elif a2 < a and not any(taken[a2:a]):
                    a = a2
                    taken[a:b] = [True] * (b - a)
                item = [a, b, OUTCOME, score, subtype, k]
                kept.append(item)
                buckets[bisect_right(starts, a) - 1].append(item)
        outcome_at = [False] * t.n
        dropped: set[int] = set()
        run_of = wide_runs(doc)
        kind_at = _measure_kinds(doc)
        for (lo, hi), mine in zip(t.sentences, buckets):
            added = self._sentence(t, mine, taken, outcome_at, lo, hi, dropped, run_of)
            kept += added
            # OUTCOME entries starting in the sentence are its own (rules move starts left, never past ``lo``)
            has_outcome = any(lo <= o[0] < hi for o in mine) or any(lo <= o[0] < hi for o in added)
            kept += [[a, b, OUTCOME, None, None, "count_predicates"]
                     for a, b in count_predicates(t, taken, lo, hi, kind_at, has_outcome)]
        absorb_modifiers(kept, run_of, dropped)
        kept += [[a, b, OUTCOME, None, None, "remainders"] for a, b in run_remainders(doc, t, taken, split_list)]
        kept += [[a, b, OUTCOME, sc, None, "weak"] for a, b, sc in weak_outcomes(doc, t, t.sentences, taken, tagged,
                                                                                 split_list)]
        claims = [o for o in kept if id(o) not in dropped]
        claims = arm_outcomes(t, claims)
        claims = effect_objects(t, claims)
        claims = outcome_sets(t, counted_arm_objects(t, claims, kind_at))
        claims = change_nouns(t, claims)
        pico = self._pico_layer(tagged, claims)
        if not _same(pico, tagged):
            set_entities(doc, spans_of(doc, pico), scores=[o[3] for o in pico], subtypes=[o[4] for o in pico])
        if not _same(claims, tagged):
            set_entities(doc, spans_of(doc, claims), scores=[o[3] for o in claims], subtypes=[o[4] for o in claims],
                         key=CLAIMS_KEY)
        return doc

    def _pico_layer(self, tagged: list[Entry], claims: list[list]) -> list[list]:
        """The token-level layer: tagged spans whole (grown over their items' extent with "grow") and the
        new spans of the rules in :attr:`pico_rules`."""
        grow_on = "grow" in self.pico_rules
        extent: dict[int, list[int]] = {}
        if grow_on:
            for o in claims:
                if isinstance(o[5], int):
                    ab = extent.setdefault(o[5], [o[0], o[1]])
                    ab[0], ab[1] = min(ab[0], o[0]), max(ab[1], o[1])
        pico = []
        for k, (s, e, label, score, subtype) in enumerate(tagged):
            if k in extent:
                s, e = min(s, extent[k][0]), max(e, extent[k][1])
            pico.append([s, e, label, score, subtype, k])
        return pico + [o for o in claims if isinstance(o[5], str) and o[5] in self.pico_rules]

    @staticmethod
    def _sentence(t: Tokens, mine: list[list], taken: list[bool], outcome_at: list[bool], lo: int, hi: int,
                  dropped: set[int], run_of: list[int] | None = None) -> list[list]:
        """The new OUTCOME entries of sentence ``[lo, hi)`` (source: the rule's name); ``mine`` (its OUTCOME
        entries) grow in place, merged ones go to ``dropped`` (ids)."""
        mine.sort(key=lambda o: o[0])
        by_start = {o[0]: o for o in mine}
        for o in mine:
            if id(o) in dropped:
                continue
            a, b = grow(t, o[0], o[1], taken, lo, hi, by_start.keys())
            if b < 0:  # merged with the OUTCOME span starting at -b
                other = by_start[-b]
                dropped.add(id(other))
                b = other[1]
            a2, b2 = grow_phrase(t, a, b, taken, lo, hi)
            a2, b2, merged = suspended(t, a2, b2, taken, lo, hi, by_start)
            if merged is not None and id(merged) not in dropped and merged is not o:
                dropped.add(id(merged))
            taken[a2:b2] = [True] * (b2 - a2)
            o[0], o[1] = a2, b2
        pieces = widen(t, mine, taken, run_of, lo, hi, dropped, split_list)  # list items a widened span now holds
        spans = [(o[0], o[1]) for o in mine if id(o) not in dropped] + pieces
        new = [(a, b, "wide") for a, b in pieces]
        new += [(a, b, "siblings") for a, b in (siblings(t, spans, taken, lo, hi) if spans else [])]
        new += [(a, b, "slot_labels") for a, b in slot_labels(t, taken, lo, hi, spans)]
        for a, b, _ in new:
            taken[a:b] = [True] * (b - a)
        new += [(a, b, "compared_names") for a, b in compared_names(t, taken, lo, hi)]
        if spans:
            subject = adverse_subject(t, taken, lo, hi, spans)
            if subject is not None:
                new.append((*subject, "adverse_subject"))
        marked = spans + [(a, b) for a, b, _ in new]
        for a, b in marked:
            outcome_at[a:b] = [True] * (b - a)
        new += [(a, b, "result_names") for a, b in result_names(t, taken, lo, hi, outcome_at)]
        for a, b in marked:
            outcome_at[a:b] = [False] * (b - a)
        for a, b, _ in new:
            taken[a:b] = [True] * (b - a)
        more = [(a, b, "embedded_subjects") for a, b in embedded_subjects(t, taken, lo, hi)]
        for a, b, _ in more:
            taken[a:b] = [True] * (b - a)
        return [[a, b, OUTCOME, None, None, rule] for a, b, rule in new + more]


def _measure_kinds(doc: Doc) -> list[str | None]:
    """Per token: the kind of the measure (``doc._.measures``) it lies in, or None."""
    out: list[str | None] = [None] * len(doc)
    measures = doc._.measures if doc.has_extension("measures") else None
    for m in measures or ():
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out[span.start:span.end] = [m.kind] * len(span)
    return out


def _same(entries: list[list], tagged: list[Entry]) -> bool:
    return len(entries) == len(tagged) and all(o[0] == x[0] and o[1] == x[1] and o[2] == x[2]
                                               for o, x in zip(entries, tagged))
