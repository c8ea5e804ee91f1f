"""A corpus outcome lexicon: outcome names annotators marked as OUTCOME in other abstracts (docs/claims-rounds.md 38.1,
s24-lexicon; counted, not shipped: ``bench/outcome_lexicon_reach.py`` found too little in reach).

    python bench/outcome_lexicon.py [--min-count K] [--min-share S] [--all] --out PATH   (from bench/, ~45 s)

Counted on the train side of the shared corpora only: EBM-NLP train docs (crowd coarse ``O`` spans), EvidenceOutcomes
(Outcome mentions, in its Results / Conclusions regions), EvidenceMap (Outcome) and the outcome strings of the
Evidence Inference train prompts (EI 2.0 and 1.0, split ``train``). Left out: every document on the dev side of
:mod:`claimex.corpora.split`, every Evidence Inference validation / test article, and every abstract of the findings
gold (its ids, and any document that shares a sentence with a gold text).

A name is the lower-cased token tuple (the claimex tokenizer) of an annotated span, trimmed of edge function words and
punctuation. Per name: ``outcome`` - how many annotations (spans; prompt strings once per article) name it whole;
``seen`` - how often its tokens occur in the annotated texts of EBM-NLP / EvidenceOutcomes / EvidenceMap (inside an
annotated region, on word bounds); ``inside`` - of those, how many lie wholly inside an OUTCOME span; ``arm`` - how
many touch an INTERVENTION / COMPARATOR / POPULATION span. A name is kept when ``outcome >= K``, ``inside / seen >=
S`` (mostly an outcome wherever it occurs), it touches an arm or population in under 10% of its occurrences, it holds
a content word and it is no bare generic word (:data:`GENERIC`). The file written is a TSV: ``name<TAB>outcome<TAB>
seen<TAB>inside<TAB>arm`` (``name`` its tokens joined by single spaces), one name a line, sorted; ``--all`` writes
every name annotated twice or more, unfiltered (what the reach script reads, filtering per K and S itself).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy

from claimex.annotate.tagger.words import FUNCTION_WORDS, is_content
from claimex.annotate.tokenizer import create_sci_tokenizer
from claimex.corpora import ebmnlp, spans
from claimex.corpora.evidence_inference import held_out_ids, read_prompts
from claimex.corpora.findings import load_gold, load_text
from claimex.corpora.raw import clean_pmc
from claimex.corpora.split import is_dev
from claimex.corpora.types import CorpusDoc, doc_key

MAX_TOKENS = 6
ARMS = frozenset(["INTERVENTION", "COMPARATOR", "POPULATION"])
#: words that are no outcome alone: result words, design words, generic nouns ("effect", "results", "changes")
GENERIC = frozenset("""
effect effects efficacy effectiveness result results change changes outcome outcomes endpoint endpoints end-point
end-points measure measures measurement measurements parameter parameters variable variables value values level levels
score scores data difference differences improvement improvements benefit benefits response responses rate rates
event events safety tolerability tolerance complication complications side-effects incidence frequency severity
duration number proportion percentage risk time baseline treatment therapy intervention control placebo group groups
patients patient subjects participants efficacy trial study analysis outcome-measures status function symptoms
symptom quality success failure use need total mean
""".split())
_WS = re.compile(r"\s+")


def tokenizer():
    """The claimex tokenizer alone (what the pipeline's docs are tokenized with)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = create_sci_tokenizer()(nlp)
    return nlp.tokenizer


def trim(words: list[str]) -> tuple[str, ...]:
    """Lower-cased tokens without edge function words and punctuation."""
    a, b = 0, len(words)
    while a < b and (words[a] in FUNCTION_WORDS or not any(ch.isalnum() for ch in words[a])):
        a += 1
    while b > a and (words[b - 1] in FUNCTION_WORDS or not any(ch.isalnum() for ch in words[b - 1])):
        b -= 1
    return tuple(words[a:b])


def gold_excluded() -> tuple[set[str], set[str]]:
    """The findings gold's ids and the normalised sentences (40+ letters) of its texts."""
    ids, sentences = set(), set()
    for g in load_gold(None, errors=[]):
        ids.add(str(g.id))
        for s in re.split(r"(?<=[.!?])\s+", load_text(g.source, g.id)):
            norm = re.sub(r"[^a-z0-9]+", "", s.lower())
            if len(norm) >= 40:
                sentences.add(norm)
    return ids, sentences


def _shares_gold(text: str, gold_sentences: set[str]) -> bool:
    return any(len(n) >= 40 and n in gold_sentences
               for n in (re.sub(r"[^a-z0-9]+", "", s.lower()) for s in re.split(r"(?<=[.!?])\s+", text)))


def annotated_docs(gold_ids: set[str], gold_sentences: set[str]) -> Iterator[CorpusDoc]:
    """The train-side documents of EBM-NLP (crowd), EvidenceOutcomes and EvidenceMap outside the gold."""
    sources: Iterable[CorpusDoc] = (*ebmnlp.load_train_docs(interventions="crowd"), *spans.load_evidence_outcomes(),
                                     *spans.load_evidencemap())
    for d in sources:
        if "OUTCOME" not in d.annotated or is_dev(d.key) or str(d.meta.get("pmid")) in gold_ids \
                or _shares_gold(d.text, gold_sentences):
            continue
        yield d


def prompt_outcomes(gold_ids: set[str]) -> Iterator[tuple[str, str]]:
    """``(pmcid, outcome string)`` of the Evidence Inference train prompts outside the gold and the dev side."""
    prompts = read_prompts()
    skip = held_out_ids(prompts) | gold_ids
    dev: dict[str, bool] = {}
    for p in prompts:
        if p.split != "train" or p.pmcid in skip or not p.outcome.strip():
            continue
        if p.pmcid not in dev:
            try:
                text = load_text("evidence-inference", p.pmcid)
            except KeyError:
                try:
                    text = load_text("evidence-inference-abstracts", p.pmcid)
                except KeyError:
                    text = ""
            dev[p.pmcid] = not text or is_dev(doc_key(None, clean_pmc(text)))
        if not dev[p.pmcid]:
            yield p.pmcid, _WS.sub(" ", p.outcome.strip())


def _labels(doc: CorpusDoc, toks) -> tuple[list[str | None], list[bool]]:
    """Per token: the label of the span it lies in (OUTCOME before the others), and whether OUTCOME is annotated
    there (EvidenceOutcomes: only in its regions)."""
    lab: list[str | None] = [None] * len(toks)
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]
    for s in sorted(doc.spans, key=lambda s: s.label == "OUTCOME"):
        for k in range(len(toks)):
            if starts[k] < s.end and s.start < ends[k]:
                lab[k] = s.label
    regions = doc.regions.get("OUTCOME")
    if not regions:
        return lab, [True] * len(toks)
    return lab, [any(a <= starts[k] < b for a, b in regions) for k in range(len(toks))]


def count(tok) -> tuple[Counter, Counter, Counter, Counter]:
    """``outcome``, ``seen``, ``inside``, ``arm`` counters per name (module doc)."""
    gold_ids, gold_sentences = gold_excluded()
    outcome: Counter = Counter()
    texts = []
    for d in annotated_docs(gold_ids, gold_sentences):
        toks = list(tok(d.text))
        lab, ann = _labels(d, toks)
        lower = [t.lower_ for t in toks]
        texts.append((lower, lab, ann))
        k = 0
        while k < len(toks):
            if lab[k] != "OUTCOME":
                k += 1
                continue
            j = k
            while j < len(toks) and lab[j] == "OUTCOME":
                j += 1
            name = trim(lower[k:j])
            if 0 < len(name) <= MAX_TOKENS:
                outcome[name] += 1
            k = j
    for _, name in set(prompt_outcomes(gold_ids)):
        words = trim([t.lower_ for t in tok(name)])
        if 0 < len(words) <= MAX_TOKENS:
            outcome[words] += 1
    names = {n for n, c in outcome.items() if c >= 2}
    seen: Counter = Counter()
    inside: Counter = Counter()
    arm: Counter = Counter()
    for lower, lab, ann in texts:
        n = len(lower)
        for a in range(n):
            if not ann[a]:
                continue
            for b in range(a + 1, min(n, a + MAX_TOKENS) + 1):
                name = tuple(lower[a:b])
                if name not in names:
                    continue
                seen[name] += 1
                if all(x == "OUTCOME" for x in lab[a:b]):
                    inside[name] += 1
                if any(x in ARMS for x in lab[a:b]):
                    arm[name] += 1
    return outcome, seen, inside, arm


def keep(name: tuple[str, ...], outcome: int, seen: int, inside: int, arm: int, k: int, share: float) -> bool:
    """The precision filter of the module doc."""
    if outcome < k or not seen or inside < share * seen or arm >= 0.1 * seen:
        return False
    if len(name) == 1 and (name[0] in GENERIC or len(name[0]) < 3):
        return False
    if all(w in GENERIC or w in FUNCTION_WORDS or not w.isalpha() for w in name):
        return False
    return any(is_content(w, w) for w in name)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.5)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--all", action="store_true", help="write every name counted twice or more, unfiltered")
    args = ap.parse_args(argv)
    outcome, seen, inside, arm = count(tokenizer())
    rows = sorted(n for n, c in outcome.items() if c >= 2 and (args.all or keep(
        n, c, seen[n], inside[n], arm[n], args.min_count, args.min_share)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for n in rows:
            fh.write(f"{' '.join(n)}\t{outcome[n]}\t{seen[n]}\t{inside[n]}\t{arm[n]}\n")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
