"""Train the trial-arm check (``models/claimex-trialarm``, :mod:`claimex.assemble.claims.trialarm`): is an
abstract's intervention/comparator mention group an arm of the trial at all?

Data: Evidence Inference articles (EI 2.0 train prompts and EI 1.0 prompts, :func:`claimex.corpora.
evidence_inference.read_prompts`) minus the findings gold's and the EI validation articles
(:func:`~claimex.corpora.evidence_inference.held_out_ids`), and only those on the dev side of the fixed split
(:func:`claimex.corpora.split.is_dev` of the cleaned text, as the tagger's corpus reader keys them): the tagger was
trained on the other side's prompt strings, so there its spans and scores of the arms are fitted. Each abstract goes
through the shipped pipeline; each arm group of the record (:class:`~claimex.assemble.claims.armrank.AbstractFacts`)
is one example, labelled an arm when one of its mentions names a prompt's intervention or comparator string of that
article (the findings scorer's rule, :func:`claimex.evaluate.findings_match.entity_names`, the record's
abbreviations as aliases), or when it is control-worded (:func:`~claimex.assemble.claims.control.control_worded`)
and a prompt of the article names a control-worded arm (the prompts' "Control" is the abstract's "placebo").

Model: one L2-regularised logistic regression (:func:`claimex.train.arms.fit`). A hash split of the articles
(``sha1("claimex-trialarm:" + pmcid)`` < 0.25) is held out; the threshold is chosen on out-of-fold predictions of the
fitting part (4 folds by article hash): the highest threshold at which the groups under it are no arm in at least
``--precision`` of cases; the held-out figures come from weights fitted on the fitting part, the shipped weights
are refitted on all examples with that threshold.

Command: ``python -m claimex.train.trialarm models/claimex-trialarm [--records RECORDS.jsonl]`` (without
``--records`` the abstracts are extracted now; with it a JSONL of their records, extracted once, is read, or
written when absent). ``--all-sides`` also takes the train-side articles (the tagger's teacher pseudo-labelled their
text; no arm label of theirs was trained on): measured, not shipped (``models/claimex-trialarm/README.md``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from ..assemble.claims import ClaimAssembler
from ..assemble.claims.armrank import AbstractFacts
from ..assemble.claims.base import sentence_views
from ..assemble.claims.control import control_worded
from ..assemble.claims.trialarm import FEATURES, TrialArmModel, group_features
from ..assemble.claims.weights import logistic
from ..corpora.evidence_inference import EIPrompt, held_out_ids, read_prompts
from ..corpora.findings import load_document
from ..corpora.raw import clean_pmc
from ..corpora.split import hash_score, is_dev
from ..corpora.types import doc_key
from ..evaluate.findings_match import arm_aliases, entity_names
from ..extractor import Extractor
from ..read.base import Document
from ..schema import Record
from .arms import fit

log = logging.getLogger(__name__)
SOURCES = ("evidence-inference", "evidence-inference-abstracts")
L2 = 1.0
FOLDS = 4


@dataclass
class Group:
    pmcid: str
    mentions: list[str]  # the group's mention texts (for reading)
    x: list[float]
    y: int


def held_out(pmcid: str, fraction: float = 0.25) -> bool:
    return hash_score("claimex-trialarm:", pmcid, digits=8) < fraction


def articles() -> dict[str, list[EIPrompt]]:
    """The usable articles' prompts (module docstring), by pmcid; the dev-side test is made in :func:`documents`."""
    prompts = read_prompts()
    skip = held_out_ids(prompts)
    out: dict[str, list[EIPrompt]] = {}
    for p in prompts:
        if p.pmcid not in skip:
            out.setdefault(p.pmcid, []).append(p)
    return out


def documents(pmcids: list[str], all_sides: bool = False) -> list[Document]:
    """The abstracts of ``pmcids`` that lie on the dev side of the fixed split (the tagger never trained on them;
    ``all_sides``: both sides)."""
    out = []
    for pmcid in pmcids:
        for source in SOURCES:
            try:
                doc = load_document(source, pmcid)
            except KeyError:
                continue
            if all_sides or is_dev(doc_key(None, clean_pmc(doc.text))):
                out.append(Document(id=pmcid, text=doc.text, meta=doc.meta))
            break
    return out


def load_records(path: Path | None, pmcids: list[str], all_sides: bool = False) -> list[Record]:
    """The pipeline's records of the dev-side abstracts: read from ``path`` when it exists, else made now (and
    written to ``path`` when given)."""
    if path is not None and path.exists():
        with open(path, encoding="utf-8") as fh:
            return [Record.model_validate_json(line) for line in fh if line.strip()]
    extractor = Extractor.load(None)
    records = [extractor.document(doc) for doc in documents(pmcids, all_sides)]
    if path is not None:
        path.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    return records


def examples(records: list[Record], prompts: dict[str, list[EIPrompt]]) -> list[Group]:
    """One labelled example per arm group of each record (module docstring)."""
    assembler = ClaimAssembler(arms="rules")  # (the entities do not depend on the arm check)
    out = []
    for record in records:
        assembler(record)  # the entities as the arm ranker sees them (joined arms split, "X alone" grown)
        views = sentence_views(record)
        facts = AbstractFacts(record, views)
        strings = [s for p in prompts.get(str(record.id), []) for s in (p.intervention, p.comparator) if s.strip()]
        arms = [arm_aliases(SimpleNamespace(text=s), record) for s in strings]
        control = any(control_worded(s) for s in strings)  # the prompts name a control arm ("Control", "placebo")
        for group, x in zip(facts.arms, group_features(facts, views)):
            y = int(any(entity_names(e, arm, []) for e in group for arm in arms)
                    or (control and any(control_worded(e.expanded or e.text) for e in group)))
            out.append(Group(str(record.id), [e.text for e in group], x, y))
    return out


def _xy(groups: list[Group]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([g.x for g in groups], dtype=float), np.array([g.y for g in groups], dtype=float)


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """The area under the ROC curve (ties count half)."""
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
                 / (len(pos) * len(neg)))


def threshold(p: np.ndarray, y: np.ndarray, precision: float) -> float:
    """The highest threshold whose groups under it are no arm in at least ``precision`` of cases (at least 5
    groups under it); 0.0 (nothing is set aside) when none is."""
    best = 0.0
    for t in sorted(set(np.round(p, 3).tolist())):
        under = p < t
        if under.sum() >= 5 and (1 - y[under]).mean() >= precision:
            best = t
    return best


def at(p: np.ndarray, y: np.ndarray, t: float) -> dict[str, float]:
    """The groups set aside at threshold ``t``: how many, how many of them no arm, how many arms lost."""
    under = p < t
    return {"groups": int(len(y)), "arms": int(y.sum()), "set_aside": int(under.sum()),
            "set_aside_not_arm": int((under & (y == 0)).sum()), "arms_set_aside": int((under & (y == 1)).sum()),
            "not_arms": int((y == 0).sum())}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--records", type=Path, default=None, help="JSONL of the dev-side abstracts' records (read "
                    "when present, else written)")
    ap.add_argument("--all-sides", action="store_true", help="also the abstracts on the train side of the split "
                    "(the tagger's teacher pseudo-labelled them; no arm label of theirs was trained on)")
    ap.add_argument("--extra-records", type=Path, nargs="*", default=[], help="more JSONL files of records (read)")
    ap.add_argument("--precision", type=float, default=0.9, help="share of no-arm groups wanted under the threshold")
    args = ap.parse_args(argv)
    t0 = time.time()
    prompts = articles()
    records = load_records(args.records, sorted(prompts), args.all_sides)
    for path in args.extra_records:
        records += load_records(path, [])
    groups = examples(records, prompts)
    fit_part = [g for g in groups if not held_out(g.pmcid)]
    held = [g for g in groups if held_out(g.pmcid)]
    # out-of-fold predictions on the fitting part, folds by article
    oof = np.zeros(len(fit_part))
    fold = np.array([int(hash_score("claimex-trialarm-fold:", g.pmcid, digits=8) * FOLDS) for g in fit_part])
    x_fit, y_fit = _xy(fit_part)
    for k in range(FOLDS):
        w = fit(x_fit[fold != k], y_fit[fold != k], L2)
        oof[fold == k] = logistic(x_fit[fold == k] @ w)
    t = threshold(oof, y_fit, args.precision)
    model = TrialArmModel(fit(x_fit, y_fit, L2).tolist(), t)
    x_held, y_held = _xy(held)
    p_held = np.array(model.probabilities(x_held.tolist()))
    x_all, y_all = _xy(groups)
    final = TrialArmModel(fit(x_all, y_all, L2).tolist(), t)
    metrics = {
        "articles": len({g.pmcid for g in groups}), "groups": len(groups), "arms": int(y_all.sum()),
        "fit_articles": len({g.pmcid for g in fit_part}), "held_articles": len({g.pmcid for g in held}),
        "threshold": t, "precision_wanted": args.precision, "l2": L2,
        "fit_oof": {"auc": auc(oof, y_fit), **at(oof, y_fit, t)},
        "held_out": {"auc": auc(p_held, y_held), **at(p_held, y_held, t)},
        "seconds": round(time.time() - t0, 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    final.save(args.out / "weights.json", trained_on="Evidence Inference 2.0 + 1.0 prompts, dev-side articles",
               command="python -m claimex.train.trialarm " + " ".join(argv if argv is not None else sys.argv[1:]))
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(json.dumps(metrics, indent=1))
    print(" ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, final.w)))
    return metrics


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
