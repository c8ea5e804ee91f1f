"""The trial's main (experimental) arm against PICO-Corpus's own arm labels, on abstracts outside the findings gold
(issue 10, session 13; a development set for plain abstracts that needs no findings gold).

    OPENBLAS_NUM_THREADS=1 python bench/pico_main.py [--examples CLASS] [--limit N]

PICO-Corpus (``../shared/corpora/pico-corpus-breast-cancer``) labels, in 910 breast-cancer RCT abstracts, the
``intervention`` and the ``control`` arm spans (first mentions). Every abstract of the findings gold (any split) is
left out. Per abstract with both labels: the arm a result sentence that names none carries at the end of the
abstract (:meth:`InterventionContext.carried`, else the main interventions' latest mentions), classed ``main right``
(its words are an intervention span's or lie inside one, or hold one), ``main is control`` (the same against a
control span and not an intervention span), ``main other``, ``no main``; ``~`` rows: where the main came from;
``@`` rows: oracle-free alternatives judged the same way (the allocated arm, the first arm after "randomised to", the
arm the compared findings name most: ``results-I``, and that arm only where no finding names the current one:
``results-I-if-main-absent``, the rule of :mod:`claimex.assemble.claims.reported`). ``--examples CLASS`` prints the
title, the labelled arms and the main of the abstracts of that class (``alloc``: the allocated arm against the
mentions; ``results``: the results arm where it differs). PICO-Corpus labels the *first* mention, often the title's
wording: an abbreviation or a result sentence's shorter name of the same arm counts as ``other``, so the title's
arm is favoured over any arm named later; read the counts with that bias.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from main_arm import _BY_RECORD, _Recorded, _recording, main_in_results, results_arm  # bench/main_arm.py

import claimex.assemble.claims as claims_pkg
from claimex import paths
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.design import part_words, same_intervention
from claimex.corpora.findings import load_gold
from claimex.extractor import Extractor
from claimex.read.base import Document

_CUE = re.compile(r"\b(?:randomi[sz]ed|randomly|assigned|allocated)\s+(?:\w+\s+){0,2}?(?:in)?to\b", re.IGNORECASE)


def _abstracts() -> list[dict]:
    """PICO-Corpus abstracts with an intervention and a control label, none of the findings gold's."""
    gold = {g.id for g in load_gold(None, errors=[]) if g.source == "pico-corpus"}
    path = paths.corpus_path("pico-corpus-breast-cancer", "pico_corpus.jsonl")
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    out = []
    for r in rows:
        if str(r["pmid"]) in gold:
            continue
        labels = {e["label"] for e in r["entities"]}
        if {"intervention", "control"} <= labels:
            out.append(r)
    return out


def _names(key: frozenset[str], spans: list[str]) -> bool:
    return bool(key) and any(same_intervention(key, part_words(s)) for s in spans if part_words(s))


def _alloc_arms(record) -> list:
    """The active arms after the allocation cue of the first allocating sentence after the title."""
    for i, sent in enumerate(record.sentences):
        if i == 0:
            continue
        text = record.text[sent.start:sent.end]
        m = _CUE.search(text)
        if m is None:
            continue
        at = sent.start + m.end()
        arms = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR") and at <= e.start < sent.end
                and not is_control(e) and entity_words(e)]
        if arms:
            return arms
    return []


def _judge(ent, ivs, cvs) -> str:
    if ent is None:
        return "none"
    key = part_words(ent.expanded or ent.text)
    return "I" if _names(key, ivs) else "C" if _names(key, cvs) else "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    rows = _abstracts()[: args.limit]
    claims_pkg.InterventionContext = _Recorded
    claims_pkg.ClaimAssembler.__call__ = _recording(claims_pkg.ClaimAssembler.__call__)
    extractor = Extractor.load(None)
    counts: Counter = Counter()
    for r in rows:
        record = extractor.document(Document(id=str(r["pmid"]), text=r["text"], meta={"source": "pico-corpus"}))
        ctx = _BY_RECORD[record.id]
        ivs = [e["text"] for e in r["entities"] if e["label"] == "intervention"]
        cvs = [e["text"] for e in r["entities"] if e["label"] == "control"]
        mains = ctx.carried() or ctx.main_mentions()
        main = mains[0] if mains else None
        key = part_words(main.expanded or main.text) if main is not None else frozenset()
        if main is None:
            cls = "no main"
        elif _names(key, ivs):
            cls = "main right"
        elif _names(key, cvs):
            cls = "main is control"
        else:
            cls = "main other"
        counts[cls] += 1
        alloc = _alloc_arms(record)
        first_alloc = alloc[0] if alloc else None
        cands = {"current": main, "allocated": ctx.allocated or main, "first-alloc": first_alloc or main}
        in_alloc = any(same_intervention(entity_words(a), m) for a in alloc for m in ctx.main)
        cands["first-alloc-if-main-not-there"] = main if in_alloc or first_alloc is None else first_alloc
        mm = ctx.main_mentions()
        cands["mentions-only"] = mm[0] if mm else main
        if main is not None and main is ctx.allocated:
            cands[f"allocated(against={ctx.allocated_against}) vs mentions"] = mm[0] if mm else None
            cands[f"allocated(against={ctx.allocated_against}) as is"] = main
        for own in (False, True):
            for least in (1, 2, 3):
                ra = results_arm(record, own, least)
                cands[f"results-I own={own} least={least}"] = ra or main
                cands[f"results-I-if-main-absent own={own} least={least}"] = main if main_in_results(record, main) \
                    else (ra or main)
        ra = cands["results-I own=False least=2"]
        if args.examples == "results" and _judge(ra, ivs, cvs) != _judge(main, ivs, cvs):
            print(f"{record.id} current {main.text if main else None!r} {_judge(main, ivs, cvs)} | results "
                  f"{ra.text!r} {_judge(ra, ivs, cvs)} | I {ivs} | C {cvs}")
        for name, c in cands.items():
            counts[f"@ {name}: {_judge(c, ivs, cvs)}"] += 1
        src = "treated" if ctx.treated is not None and main is ctx.treated else \
            "allocated" if main is not None and main is ctx.allocated else "main"
        title0 = ctx.main and ctx.main[0] in ctx.title_named
        counts[f"~ {cls}: from {src} title={bool(title0)} designed={ctx.main_designed} in-alloc={in_alloc}"] += 1
        if args.examples == "alloc" and main is not None and main is ctx.allocated:
            print(f"{record.id} alloc {main.text!r} {_judge(main, ivs, cvs)} | mentions {mm[0].text if mm else None!r} "
                  f"{_judge(mm[0] if mm else None, ivs, cvs)} | I {ivs} | C {cvs}")
        if args.examples and args.examples in cls:
            s = record.sentences
            print(f"{record.id} [{cls}] main {main.text if main else None!r} | I {ivs} | C {cvs}")
            for i, sent in enumerate(s[:6]):
                print(f"   {i}: {' '.join(record.text[sent.start:sent.end].split())[:220]}")
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
