"""Which comparator a finding carries, counted on Evidence Inference *train* prompts (no findings-gold article).

    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --make     # extract the abstracts once
    python bench/comparator_counts.py --records /tmp/ei_train.jsonl            # reassemble claims, count
    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --show CLASS [--limit N]   # read a class

Per prompt (``claimex.evaluate.prompts.load_prompts(split="train")``: an intervention / comparator / outcome with
evidence in the abstract) the claim that reports it (:func:`claimex.evaluate.prompts.match_claim`) is read for its
comparator, in the orientation its intervention gives (an intervention naming the prompt's comparator wants the
prompt's intervention as comparator). Classes: ``right`` / ``wrong`` / ``missing``, each split by where the
comparator came from (``own``: an entity of the claim's sentence; ``carried``: inherited) and, for the errors, where
the wanted arm is an entity of the abstract (in the sentence, in an earlier sentence, later, nowhere) and whether the
arm the design would carry (``InterventionContext.named_comparator`` when the sentence was assembled) names it.
Records are saved with their tagger output; the claims are reassembled by the current tree, so a claim-assembly
change is counted without running spaCy again.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import sys
from collections import Counter
from pathlib import Path


def make(records: Path) -> None:
    from claimex.corpora.findings import load_document
    from claimex.evaluate.prompts import load_prompts
    from claimex.extractor import Extractor

    extractor = Extractor.load(None)
    pmcids = sorted({p.pmcid for p in load_prompts(split="train")})
    with open(records, "w", encoding="utf-8") as out:
        for pmcid in pmcids:
            out.write(extractor.document(load_document("evidence-inference", pmcid)).to_json() + "\n")
    print(f"{len(pmcids)} records -> {records}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--make", action="store_true", help="extract the EI train abstracts into --records")
    ap.add_argument("--show", help="print the prompts of classes containing this")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--sources", action="store_true",
                    help="also count carried comparators by where they came from (bench/comparator_sources.py)")
    ap.add_argument("--dump", type=Path, help="write one line per prompt: id, class, claim arms (for A/B diffs)")
    args = ap.parse_args(argv)
    if args.make:
        make(args.records)
        return 0
    from claimex.assemble.claims import ClaimAssembler

    if args.sources:
        sys.path.insert(0, str(Path(__file__).parent))
        from comparator_sources import SOURCE, TWICE, ZONE
    from claimex.evaluate.findings_match import content_words, entity_names
    from claimex.evaluate.prompts import load_prompts, prompt_claims
    from claimex.review.records import iter_records

    carried: dict[int, object] = {}  # sentence index -> the design's comparator when it was assembled
    pool: dict[int, list] = {}  # sentence index -> every comparator the design had seen by then
    assembler = ClaimAssembler()
    original = assembler._claims

    def spy(view, ctype, ctx, *rest):
        carried[view.index] = ctx.named_comparator()
        pool[view.index] = list(ctx.comparators)
        return original(view, ctype, ctx, *rest)

    assembler._claims = spy
    by_id = {}
    design_at: dict[str, dict[int, object]] = {}
    pool_at: dict[str, dict[int, list]] = {}
    for r in iter_records(args.records):
        carried.clear()
        pool.clear()
        r.claims = assembler(r)
        by_id[str(r.id)] = r
        design_at[str(r.id)] = dict(carried)
        pool_at[str(r.id)] = dict(pool)
    counts: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for p, rec, claim in prompt_claims(load_prompts(split="train"), by_id):
        if claim is None:
            counts["not found"] += 1
            continue
        ents = {e.id: e for e in rec.entities}
        iw, cw = content_words(p.intervention), content_words(p.comparator)
        i_arm, c_arm = [iw] if iw else [], [cw] if cw else []
        ivs = [ents[i] for i in claim.intervention if i in ents]
        # orientation from the claim's intervention: the comparator wanted is the other prompt arm
        if ivs and all(entity_names(e, c_arm, i_arm) for e in ivs):
            want, other = i_arm, c_arm
        else:
            want, other = c_arm, i_arm
        comps = [ents[i] for i in claim.comparator if i in ents]
        sent = rec.sentences[claim.sentence]
        src = "carried" if comps and all(c.id in claim.inherited for c in comps) else "own"
        kind = "cmp" if claim.direction in ("increase", "decrease", "no_difference") else \
            ("single" if claim.direction in ("positive", "negative") else "nodir")
        if comps and all(entity_names(c, want, other) for c in comps):
            cls = f"right {src}"
        else:
            naming = [e for e in rec.entities if e.label in ("INTERVENTION", "COMPARATOR")
                      and entity_names(e, want, other)]
            where = "sent" if any(sent.start <= e.start < sent.end for e in naming) else \
                ("before" if any(e.start < sent.start for e in naming) else ("after" if naming else "none"))
            design = design_at[str(rec.id)].get(claim.sentence)
            dnames = design is not None and entity_names(design, want, other)
            state = "missing " + kind if not comps else f"wrong {src}"
            inpool = any(entity_names(c, want, other) for c in pool_at[str(rec.id)].get(claim.sentence, []))
            dstate = 'names' if dnames else ('none' if design is None else ('pool' if inpool else 'other'))
            cls = f"{state} | wanted={where} design={dstate}"
        counts[cls] += 1
        if args.sources and comps and src == "carried":
            tag = "right" if cls.startswith("right") else "wrong"
            counts[f"carried from {SOURCE.get(id(comps[-1]), 'no source')}: {tag}"] += 1
            cls = f"{cls} | from {SOURCE.get(id(comps[-1]), 'no source')}"
            counts[f"carried from zone {ZONE.get(id(comps[-1]))}: {tag}"] += 1
            cls = f"{cls} | zone {ZONE.get(id(comps[-1]))}"
            if id(comps[-1]) in TWICE:
                counts[f"carried comparator written twice in its sentence: {tag}"] += 1
                cls = f"{cls} | twice"
        if dump:
            dump.write(f"{p.pmcid} {p.prompt_id}\t{cls}\tI={[ents[i].text for i in claim.intervention if i in ents]} "
                       f"C={[ents[i].text for i in claim.comparator if i in ents]} {claim.direction}\n")
        if args.show and args.show in cls and shown[cls] < args.limit:
            shown[cls] += 1
            design = design_at[str(rec.id)].get(claim.sentence)
            print(f"--- {p.pmcid} prompt {p.prompt_id} [{cls}]  I={p.intervention!r} C={p.comparator!r}")
            print(f"  claim I={[ents[i].text for i in claim.intervention if i in ents]} "
                  f"C={[ents[i].text for i in claim.comparator if i in ents]} dir={claim.direction} "
                  f"design={design.text if design is not None else None!r}")
            if design is not None:
                ds = next(s for s in rec.sentences if s.start <= design.start < s.end)
                print(f"  design from [{ds.section}]: {rec.text[ds.start:ds.end][:300]}")
            print(f"  sent: {rec.text[sent.start:sent.end][:300]}")
            for s in rec.sentences[:claim.sentence]:
                arms = [f"{e.label[0]}:{e.text}" for e in rec.entities
                        if s.start <= e.start < s.end and e.label in ("INTERVENTION", "COMPARATOR")]
                if arms:
                    print(f"    [{s.section}] {rec.text[s.start:s.end][:220]}  ARMS {arms}")
    total = sum(counts.values())
    for k, v in sorted(counts.items()):
        print(f"{v:5d} {k}")
    right = sum(v for k, v in counts.items() if k.startswith("right"))
    found = total - counts["not found"]
    print(f"prompts {total}, found {found}, comparator right {right} ({right / (found or 1):.3f} of found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
