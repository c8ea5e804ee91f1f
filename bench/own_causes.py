"""Why the intervention slot holds an entity of the finding's own sentence that names no gold arm - the causes of
session 21's brief counted (issue 10, session 21; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/own_causes.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/own_causes.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        [--examples CAUSE]   # OPEN only: print the findings of rows containing CAUSE
    OPENBLAS_NUM_THREADS=1 python bench/own_causes.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        --ei-records /tmp/ei_train.jsonl [--examples CAUSE]   # EI train prompts (--skip-ids only lets --examples run)

The findings counted are those of ``bench/stray_kinds.py``: found, intervention wrong, the slot holding an I/C entity
of the finding's own sentence that names neither gold arm (``pair_classes`` "neither (own)"). The first such entity
is put in the first cause that fits, in this order (the brief's list first, then ``stray_kinds.kind``):

* ``dose pair``: the two gold arms differ only by numbers / doses / brackets (``pair_classes.dose_pair``) or the gold
  intervention has no letter word ("10 mg"): the scorer cannot credit any entity;
* ``every arm together``: the entity is written as every arm at once, right after "both / either (of the two) /
  the two / all three" ("both GBCAs", "the 3 vaccine groups"), joins no two arms and is not the first of two
  coordinated arms ("both the A and the B");
* ``dose or time``: the entity holds a digit or a time unit ("at 6 months", "post-training", "day 3");
* ``measurement``: the entity ends in an instrument word (scale, score, questionnaire, test, index, monitoring ...)
  or follows "by / using / measured with / assessed by";
* ``background therapy``: the sentence gives the entity to every arm ("both groups", "all patients", "in each
  group", "in either group", "regardless of") or the entity is said with "with or without";
* ``disease or population``: the entity follows "for / in / among" (+ "patients with") or "patients with" and
  names no other gold arm, or the record tags the same words as POPULATION / OUTCOME elsewhere;
* then ``stray_kinds.kind``: part of the gold arm / two arms in one span / another arm of the trial / in an outcome /
  in a population / setting or time / subgroup / design arm / other.

Each row is counted by whether the gold intervention is tagged in the sentence, and by whether the claim has a
comparator (the brief's "I neither (own) | C missing").

``--ei-records R.jsonl`` (records of ``bench/comparator_counts.py --make``) counts the same on Evidence Inference
train prompts instead (free to read; ``--examples`` prints them): the claim that reports a prompt
(``prompts.prompt_claims``), read in its own orientation, the prompt's arms as the gold arms, the other prompts of
the abstract as "another arm of the trial".
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from judged import judged, tune_options  # bench/judged.py
from pair_classes import dose_pair  # bench/pair_classes.py
from stray_kinds import kind, own_strays  # bench/stray_kinds.py

from claimex.assemble.claims import ClaimAssembler
from claimex.corpora.findings import Span
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names
from claimex.evaluate.prompts import load_prompts, prompt_claims
from claimex.review.records import iter_records

TIME = re.compile(r"\d|\b(?:pre|post|baseline|day|days|week|weeks|month|months|year|years|hour|hours|minutes?|"
                  r"follow-?up|cycle|visit)\b", re.I)
INSTRUMENT = re.compile(r"\b(?:scale|score|questionnaire|test|index|inventory|monitoring|measurement|assessment|"
                        r"imaging|scan|ultrasound|ultrasonography|mri|ct|ecg|eeg|holter|survey|interview|diary|"
                        r"criteria|examination)s?\W*$", re.I)
MEASURED_BY = re.compile(r"\b(?:by|using|via|measured\s+(?:by|with)|assessed\s+(?:by|with)|evaluated\s+(?:by|with)|"
                         r"determined\s+by)\W*(?:the\s+|a\s+|an\s+)?$", re.I)
EVERY_ARM = re.compile(r"\b(?:both\s+(?:study\s+|treatment\s+)?(?:groups|arms)|all\s+(?:\w+\s+)?(?:patients|subjects|"
                       r"participants|groups|arms)|each\s+(?:group|arm)|either\s+(?:group|arm)|every\s+(?:group|arm)|"
                       r"regardless\s+of)\b", re.I)
WITH_OR_WITHOUT = re.compile(r"\bwith\s+or\s+without\s+$|^\s*(?:with\s+or\s+without)", re.I)
DISEASE = re.compile(r"\b(?:(?:for|in|among)\s+(?:the\s+)?(?:(?:patients?|subjects?|women|men|children)\s+with\s+)?|"
                     r"(?:patients?|subjects?|women|men|children)\s+with\s+)$", re.I)
EVERY_BEFORE = re.compile(r"\b(?:both|either(?:\s+of)?(?:\s+the)?(?:\s+(?:two|2))?|the\s+(?:two|three|four|2|3|4)|"
                          r"all\s+(?:the\s+)?(?:two|three|four|2|3|4))\s+(?:[\w-]+\s+)?$", re.I)
COORDINATED_AFTER = re.compile(r"^\s*(?:,|and\b|or\b|&)", re.I)  # "both the A and the B": A is one of two arms
JOINED = re.compile(r"\s(?:and|or|versus|vs\.?|minus)\s|/|\+", re.I)
_LETTERS = re.compile(r"[A-Za-z]{2,}")


def cause(e, finding, record, text, others) -> str:
    if dose_pair(finding) or not _LETTERS.search(finding.intervention.text):
        return "dose pair"
    if EVERY_BEFORE.search(text[max(0, e.start - 40):e.start]) and not JOINED.search(e.text) \
            and not COORDINATED_AFTER.match(text[e.end:e.end + 20]):
        return "every arm together"
    if TIME.search(e.text):
        return "dose or time"
    before = text[max(0, e.start - 40):e.start]
    if INSTRUMENT.search(e.text) or MEASURED_BY.search(before):
        return "measurement"
    gs, ge = finding.sentence
    if EVERY_ARM.search(text[gs:ge]) or WITH_OR_WITHOUT.search(before):
        return "background therapy"
    words = content_words(e.text)
    elsewhere = any(x.label in ("POPULATION", "OUTCOME") and content_words(x.text) == words and x.start != e.start
                    for x in record.entities)
    if DISEASE.search(before) and not any(entity_names(e, a, []) for a in others) or elsewhere:
        return "disease or population (" + ("tagged so elsewhere" if elsewhere else "after for/in/with") + ")"
    return kind(e, finding, record, text, others)


def _ei_found(path: Path):
    """``judged``'s shape for EI train prompts: per abstract ``(gold, record, text, found)``, each prompt a finding
    (its evidence sentence the claim's sentence) whose intervention judgement is the scorer's ``entity_names``."""
    assembler = ClaimAssembler()
    by_id = {}
    for r in iter_records(path):
        r.claims = assembler(r)
        by_id[str(r.id)] = r
    per: dict[str, list] = {}
    for p, rec, claim in prompt_claims(load_prompts(split="train"), by_id):
        if claim is None:
            continue
        s = rec.sentences[claim.sentence]
        f = SimpleNamespace(intervention=Span(0, 0, p.intervention), comparator=Span(0, 0, p.comparator),
                            sentence=(s.start, s.end))
        ents = {e.id: e for e in rec.entities}
        i_arm, c_arm = arm_aliases(f.intervention, rec), arm_aliases(f.comparator, rec)
        got = [ents[i] for i in claim.intervention if i in ents]
        if got and all(entity_names(e, c_arm, i_arm) for e in got):  # read in the claim's orientation
            f.intervention, f.comparator = f.comparator, f.intervention
            i_arm, c_arm = c_arm, i_arm
        right = bool(got) and all(entity_names(e, i_arm, c_arm) for e in got)
        per.setdefault(rec.id, [rec, []])[1].append((f, SimpleNamespace(fields={"intervention": right}), claim))
    for rid, (rec, found) in per.items():
        yield SimpleNamespace(id=rid, findings=[f for f, _, _ in found]), rec, rec.text, found


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN or --ei-records only)",
                               lambda ap: ap.add_argument("--ei-records", type=Path))
    counts: Counter = Counter()
    found = _ei_found(args.ei_records) if args.ei_records else judged(golds)
    for g, record, text, finding, claim, stray, others, tagged in own_strays(found):
        k = cause(stray[0], finding, record, text, others)
        rows = [k, f"{k} | gold arm tagged in the sentence: {'yes' if tagged else 'no'}",
                f"{k} | claim comparator: {'yes' if claim.comparator else 'missing'}"]
        counts["all"] += 1
        counts.update(rows)
        if args.examples and args.examples in rows[1]:
            sentence = " ".join(text[slice(*finding.sentence)].split())
            print(f"[{rows[1]}] {g.id} | gold {finding.intervention.text!r} vs "
                  f"{finding.comparator.text if finding.comparator else None!r} | slot {stray[0].text!r} | "
                  f"{sentence[:300]}")
    for row, n in sorted(counts.items()):
        print(f"{n:4d}  {row}")


if __name__ == "__main__":
    main()
