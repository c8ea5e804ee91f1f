"""Evidence Inference train prompts for the bench's counting scripts (outside the findings gold, free to read).

Two ways in, one per kind of script:

* :func:`oriented_claims`: claims reassembled by this tree over records extracted once (``--records``, made by
  ``bench/comparator_counts.py --make``), and per matched prompt its claim's arm entities and the prompt's arms read
  in the orientation the claim's intervention gives (an intervention naming the prompt's comparator is read with the
  arms swapped); used by ``named_arms_ei.py`` and ``pair_classes_ei.py``.
* :func:`extracted`: the prompts of a split with each article's document and its record made by the shipped
  pipeline; used by ``ei_nodiff.py`` and ``sig_ei.py``, whose options (``--examples RE``, ``--split``) are
  :func:`examples_options`; :func:`found_prompts` walks the prompts the judge finds.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimex.assemble.claims import ClaimAssembler
from claimex.corpora.findings import Span, load_document
from claimex.evaluate.findings_match import arm_aliases, entity_names
from claimex.evaluate.prompts import judge, load_prompts, match_claim, prompt_claims
from claimex.extractor import Extractor
from claimex.review.records import iter_records


@dataclass
class Oriented:
    """One matched prompt: its claim, the claim's arm entities and the prompt's arms in the claim's orientation."""

    prompt: object
    record: object
    claim: object
    got_i: list
    got_c: list
    i_arm: list
    c_arm: list
    swapped: bool


def oriented_claims(records: Path) -> Iterator[Oriented]:
    """Matched train prompts over ``records`` with claims reassembled by this tree (see the module docstring)."""
    assembler = ClaimAssembler()
    by_id = {}
    for r in iter_records(records):
        r.claims = assembler(r)
        by_id[str(r.id)] = r
    for p, rec, claim in prompt_claims(load_prompts(split="train"), by_id):
        if claim is None:
            continue
        ents = {e.id: e for e in rec.entities}
        i_arm, c_arm = arm_aliases(Span(0, 0, p.intervention), rec), arm_aliases(Span(0, 0, p.comparator), rec)
        got_i = [ents[i] for i in claim.intervention if i in ents]
        got_c = [ents[i] for i in claim.comparator if i in ents]
        swapped = bool(got_i) and all(entity_names(e, c_arm, i_arm) for e in got_i)
        if swapped:
            i_arm, c_arm = c_arm, i_arm
        yield Oriented(p, rec, claim, got_i, got_c, i_arm, c_arm, swapped)


def extracted(split: str) -> tuple[list, dict, dict]:
    """The prompts of ``split``, each article's document and its record from the shipped pipeline (by PMCID)."""
    prompts = load_prompts(None, split)
    extractor = Extractor.load(None)
    pmcids = sorted({q.pmcid for q in prompts})
    docs = {p: load_document("evidence-inference", p) for p in pmcids}
    return prompts, docs, {p: extractor.document(docs[p]) for p in pmcids}


def examples_options(doc: str) -> argparse.Namespace:
    """The options of a script that counts over :func:`extracted`: ``--examples RE`` and ``--split``."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--examples", help="print the prompts whose line matches this regex")
    ap.add_argument("--split", default="train")
    return ap.parse_args()


def found_prompts(split: str) -> Iterator[tuple]:
    """Per prompt of :func:`extracted` that :func:`claimex.evaluate.prompts.judge` finds: the prompt, its article's
    document and record, the judgement and the matched claim."""
    prompts, docs, records = extracted(split)
    for prompt in prompts:
        record = records[prompt.pmcid]
        j = judge(prompt, record)
        if j.found:
            yield prompt, docs[prompt.pmcid], record, j, match_claim(prompt, record)[0]
