"""Train the claim direction classifier (``models/claimex-direction``) on Evidence Inference 2.0.

Data: every distinct evidence sentence of the EI 2.0 *train* split (abstract and body text; pilot-run
prompts by their EI 1.0 split) with its annotator's label (increase / decrease / no_difference);
invalid prompts and the prompts the EI authors list as *Incorrect* are dropped. The input is the
evidence sentence with the prompt's intervention, comparator and outcome mentions replaced by
``xxint`` / ``xxcmp`` / ``xxout`` - built by the claims code itself
(:meth:`claimex.assemble.claims.ClaimAssembler.classifier_input`), so training and inference see the
same text. Each example is also added with I and C swapped and increase/decrease flipped (the label is
relative to I vs C).

Model selection holds out a hash split of the train articles (``sha1("claimex-direction:" + pmcid)``,
15%): the epoch with the best accuracy there is kept. The reported figures come from
:func:`claimex.evaluate.direction.evaluate` on the official *validation* split (never trained on).

Command: ``python -m claimex.train.direction models/claimex-direction --seed 0``
(or ``claimex train direction``). ``--cv 5`` instead cross-validates on EI train (:func:`crossval`; with
``--cv-e2e`` also the EI train prompts end to end, each abstract with the fold model that never saw it).
"""

from __future__ import annotations

import json
import logging
import random
import time
from pathlib import Path
from typing import Any

from ..corpora.split import hash_score

log = logging.getLogger(__name__)

SWAP = {"xxint": "xxcmp", "xxcmp": "xxint", "featcue_increase": "featcue_decrease",
        "featcue_decrease": "featcue_increase", "featnum_increase": "featnum_decrease",
        "featnum_decrease": "featnum_increase"}
FLIP = {"increase": "decrease", "decrease": "increase", "no_difference": "no_difference"}
ARCHS = {
    "bow": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
            "no_output_layer": False, "length": 131072},
    "cnn": {"@architectures": "spacy.TextCatCNN.v2", "exclusive_classes": True,
            "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 96,
                        "depth": 2, "embed_size": 4000, "window_size": 1, "maxout_pieces": 3,
                        "subword_features": True}},
}
ARCHS["ensemble"] = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "linear_model": {**ARCHS["bow"], "length": 131072},
    "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                          "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [3000, 1000, 1500, 500],
                          "include_static_vectors": False},
                "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "window_size": 1,
                           "maxout_pieces": 3, "depth": 2}},
}
LABELS = ("increase", "decrease", "no_difference")


def _select_dev(pmcid: str, fraction: float = 0.15) -> bool:
    return hash_score("claimex-direction:", pmcid, digits=8) < fraction


def swap(text: str) -> str:
    return " ".join(SWAP.get(w, w) for w in text.split(" "))


def training_data(cache: Path | None = None) -> list[dict[str, Any]]:
    """[{text, label, pmcid, prompt_id}] for the train split (cached as JSONL when ``cache`` is given)."""
    if cache is not None and cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]
    from ..assemble.claims import ClaimAssembler
    from ..evaluate.direction import example_record, load_examples

    assembler = ClaimAssembler("cues")
    rows = []
    for ex in load_examples(split="train", unit="annotation", in_abstract=None, drop_incorrect=True):
        rows.append({"text": assembler.classifier_input(example_record(ex)), "label": ex.label,
                     "pmcid": ex.pmcid, "prompt_id": ex.prompt_id, "in_abstract": ex.in_abstract})
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def _examples(nlp, rows: list[dict[str, Any]], augment: bool):
    from spacy.training import Example

    out = []
    for r in rows:
        pairs = [(r["text"], r["label"])]
        if augment and any(w in SWAP for w in r["text"].split(" ")):
            pairs.append((swap(r["text"]), FLIP[r["label"]]))
        for text, label in pairs:
            cats = {lab: float(lab == label) for lab in LABELS}
            out.append(Example.from_dict(nlp.make_doc(text), {"cats": cats}))
    return out


def _accuracy(nlp, rows: list[dict[str, Any]]) -> float:
    if not rows:
        return 0.0
    docs = nlp.pipe([r["text"] for r in rows], batch_size=256)
    good = sum(1 for doc, r in zip(docs, rows) if max(doc.cats, key=doc.cats.get) == r["label"])
    return good / len(rows)


def build_nlp(arch: str = "bow"):
    import spacy

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": ARCHS[arch], "threshold": 0.0})
    for label in LABELS:
        textcat.add_label(label)
    return nlp


def fit(rows: list[dict[str, Any]], dev_rows: list[dict[str, Any]], arch: str = "bow", epochs: int = 12,
        seed: int = 0, dropout: float = 0.2, augment: bool = True, learn_rate: float = 0.001):
    """Train a textcat; returns (nlp at its best dev epoch, best dev accuracy, per-epoch log)."""
    import spacy
    from spacy.util import minibatch
    from thinc.api import Adam

    spacy.util.fix_random_seed(seed)
    nlp = build_nlp(arch)
    train = _examples(nlp, rows, augment)
    nlp.initialize(lambda: train)
    optimizer = Adam(learn_rate)
    rng = random.Random(seed)
    best, best_bytes, history = -1.0, None, []
    for epoch in range(epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=16):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        acc = _accuracy(nlp, dev_rows) if dev_rows else 0.0
        history.append({"epoch": epoch + 1, "loss": round(losses.get("textcat", 0.0), 3), "dev_acc": round(acc, 4)})
        log.info("direction %s epoch %d loss %.3f dev acc %.4f", arch, epoch + 1, losses.get("textcat", 0.0), acc)
        if acc > best or not dev_rows:
            best, best_bytes = acc, nlp.to_bytes()
    if best_bytes is not None:
        nlp.from_bytes(best_bytes)
    return nlp, best, history


def train_direction(output_dir: Path | str, seed: int = 0, arch: str = "bow", epochs: int = 12,
                    augment: bool = True, final_on_all: bool = True, cache: Path | None = None,
                    limit: int | None = None) -> dict[str, Any]:
    """Train, select the epoch on the hash dev split, retrain on all train data for that many epochs
    (``final_on_all``), save to ``output_dir`` with a model card, and return the metrics dict
    (selection-dev accuracy, official-validation direction report)."""
    output_dir = Path(output_dir)
    t0 = time.time()
    rows = training_data(cache)
    if limit:
        rows = rows[:limit]
    train_rows = [r for r in rows if not _select_dev(r["pmcid"])]
    dev_rows = [r for r in rows if _select_dev(r["pmcid"])]
    nlp, sel_acc, history = fit(train_rows, dev_rows, arch=arch, epochs=epochs, seed=seed, augment=augment)
    best_epoch = max(history, key=lambda h: h["dev_acc"])["epoch"] if history else epochs
    if final_on_all:
        nlp, _, _ = fit(rows, [], arch=arch, epochs=best_epoch, seed=seed, augment=augment)
    nlp.meta.update({"name": "direction", "version": "1.0.0",
                     "description": "claimex claim direction classifier (Evidence Inference 2.0)"})
    output_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output_dir)
    from ..assemble.claims import direction as direction_module
    from ..evaluate.direction import evaluate

    direction_module._MODELS.pop(str(output_dir), None)
    report = evaluate(model=output_dir)
    metrics = {
        "arch": arch, "seed": seed, "augment": augment, "train_examples": len(rows),
        "selection_dev_examples": len(dev_rows), "selection_dev_accuracy": round(sel_acc, 4),
        "best_epoch": best_epoch, "history": history, "validation": report.to_dict(),
        "train_seconds": round(time.time() - t0, 1),
    }
    (output_dir / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    _model_card(output_dir, metrics)
    return metrics


def fold_of(pmcid: str, k: int) -> int:
    """The article-hash fold (0 .. k-1) of an EI article: ``sha1("claimex-direction:" + pmcid)`` cut in k."""
    return min(k - 1, int(hash_score("claimex-direction:", pmcid, digits=8) * k))


def crossval(k: int = 5, arch: str = "bow", epochs: int = 3, seed: int = 0, cache: Path | None = None,
             workdir: Path | None = None, e2e: bool = False) -> dict[str, Any]:
    """K-fold article-hash cross-validation on the EI 2.0 *train* split: each fold's textcat is trained on the
    other folds' evidence sentences, then scores (a) the held-out annotations (the classifier alone) and (b) the
    held-out prompts with in-abstract evidence (the full comparison decision,
    :meth:`claimex.assemble.claims.ClaimAssembler.compare`, with that fold's model). The signal for changes to
    the direction rules or the classifier that is neither the findings tune half nor the official validation
    split; ``evaluate(prompt_split="train")`` is not, for the classifier: the shipped model saw those sentences.
    ``e2e``: also (c) the EI train prompts end to end (:func:`crossval_e2e`) with each article's held-out model."""
    import tempfile

    from ..assemble.claims import ClaimAssembler
    from ..assemble.claims.direction import DirectionModel
    from ..evaluate.direction import example_record, load_examples, score

    t0 = time.time()
    rows = training_data(cache)
    examples = load_examples(split="train", unit="prompt", in_abstract=True)
    gold, pred, held_right = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(workdir or tmp)
        for fold in range(k):
            nlp, _, _ = fit([r for r in rows if fold_of(r["pmcid"], k) != fold], [], arch=arch, epochs=epochs,
                            seed=seed)
            held = [r for r in rows if fold_of(r["pmcid"], k) == fold]
            held_right += sum(1 for doc, r in zip(nlp.pipe([r["text"] for r in held]), held)
                              if max(doc.cats, key=doc.cats.get) == r["label"])
            path = base / f"fold{fold}"
            nlp.to_disk(path)
            assembler = ClaimAssembler(DirectionModel(path))
            for ex in (e for e in examples if fold_of(e.pmcid, k) == fold):
                gold.append(ex.label)
                pred.append(assembler.compare(example_record(ex)).direction)
        ends = crossval_e2e(base, k) if e2e else None
    decision = score(gold, pred).summary
    out = {"folds": k, "arch": arch, "epochs": epochs, "seed": seed, "annotations": len(rows),
           "classifier_accuracy": round(held_right / len(rows), 4), "decision": decision}
    if ends is not None:
        out["end_to_end"] = ends
    return {**out, "seconds": round(time.time() - t0, 1)}


def crossval_e2e(folds: Path, k: int) -> dict[str, Any]:
    """Evidence Inference *train* prompts end to end (:mod:`claimex.evaluate.prompts`: the whole pipeline on the
    abstract, the prompt looked up among its claims) where each article's claims are assembled with the fold model
    at ``folds/fold{i}`` that never saw it (:func:`fold_of`); returns found, right and direction of found."""
    from ..assemble import claims as claims_module
    from ..assemble.claims import ClaimAssembler
    from ..assemble.claims.direction import DirectionModel
    from ..corpora.findings import load_document
    from ..evaluate.prompts import judge, load_prompts
    from ..extractor import Extractor

    prompts = load_prompts(split="train")
    extractor = Extractor.load(None)
    saved = claims_module._DEFAULT.get("default")
    found = right = 0
    try:
        for fold in range(k):
            # the pipeline's claim assembler (claims.assemble_claims) with this fold's model
            claims_module._DEFAULT["default"] = ClaimAssembler(DirectionModel(folds / f"fold{fold}"))
            for pmcid in sorted({p.pmcid for p in prompts if fold_of(p.pmcid, k) == fold}):
                record = extractor.document(load_document("evidence-inference", pmcid))
                for prompt in (p for p in prompts if p.pmcid == pmcid):
                    judged = judge(prompt, record)
                    found += judged.found
                    right += judged.found and judged.predicted == prompt.label
    finally:
        if saved is None:
            claims_module._DEFAULT.pop("default", None)
        else:
            claims_module._DEFAULT["default"] = saved
    return {"prompts": len(prompts), "found": found, "right": right,
            "direction_of_found": round(right / (found or 1), 4), "end_to_end": round(right / (len(prompts) or 1), 4)}


def _model_card(output_dir: Path, metrics: dict[str, Any]) -> None:
    val = metrics["validation"]
    rows = "\n".join(f"| {r['name']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['support']} |"
                     for r in val["rows"])
    cues = val.get("sections", {}).get("rules only", {}).get("summary", {})
    size = sum(p.stat().st_size for p in output_dir.rglob("*") if p.is_file()) / 1e6
    card = f"""# claimex-direction

Claim direction classifier for claimex: a spaCy `textcat` ({metrics['arch']}, exclusive classes
`increase` / `decrease` / `no_difference`) over one sentence in which the claim's intervention,
comparator and outcome mentions are replaced by `xxint` / `xxcmp` / `xxout`, prefixed by the rules'
evidence as feature words (`featsig_true featsrc_pvalue featcue_decrease featnum_none ...`: significance
and its source, the cue-word direction, the arm-number/ratio direction, negation). Used by
`claimex.assemble.claims` for comparisons that neither a test (p-value, CI, words), a cue word nor the arm
values decide: untested comparisons (a significant difference without its sign takes the prior: the
intervention is favoured); see `docs/claims.md`. Loaded lazily; without it claims fall back to the rules
(numbers, then cue words).

## Data
Evidence Inference 2.0 (Lehman et al. 2019; DeYoung et al. 2020; MIT licence), shared copy
`corpora/evidence-inference-v2/`: {metrics['train_examples']} distinct (prompt, evidence sentence) pairs of
the official **train** split (abstract and body evidence; invalid and *Incorrect* prompts dropped),
each also added with I and C swapped and increase/decrease flipped. Epoch selection on a hash split of
the train articles (`sha1("claimex-direction:" + pmcid)` < 15%: {metrics['selection_dev_examples']} examples,
accuracy {metrics['selection_dev_accuracy']:.3f}, best epoch {metrics['best_epoch']}); the saved model is
retrained on all train examples for that many epochs.

## Command
```
python -m claimex.train.direction {output_dir} --seed {metrics['seed']} --arch {metrics['arch']}
```

## Metrics (official EI 2.0 validation split, prompts with in-abstract evidence, majority label)
Full claimex decision (not significant by p-value / CI / words -> no_difference, else this model):
accuracy **{val['summary']['accuracy']:.3f}**, macro-F1 {val['summary']['macro_f1']:.3f}, n = {val['summary']['n']}.

| class | precision | recall | F1 | support |
|---|---|---|---|---|
{rows}

The rules alone (numbers, then cue words) instead of the model: accuracy
{cues.get('accuracy', float('nan')):.3f}, macro-F1 {cues.get('macro_f1', float('nan')):.3f}.

Size {size:.1f} MB; seed {metrics['seed']}; training time {metrics['train_seconds']:.0f} s on CPU.
Reproduce the evaluation with `claimex evaluate --task direction`.
"""
    (output_dir / "README.md").write_text(card, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Train the claimex direction classifier.")
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--arch", choices=sorted(ARCHS), default="bow")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--no-augment", action="store_true")
    parser.add_argument("--cache", type=Path, default=None, help="JSONL cache of the prepared training texts.")
    parser.add_argument("--cv", type=int, default=0, metavar="K",
                        help="K-fold article-hash cross-validation on EI train (nothing saved; OUTPUT is ignored).")
    parser.add_argument("--cv-epochs", type=int, default=3, help="Epochs per fold model (the selected epoch: 3).")
    parser.add_argument("--cv-e2e", action="store_true",
                        help="With --cv: also the EI train prompts end to end, each article with its held-out model.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.cv:
        print(json.dumps(crossval(args.cv, arch=args.arch, epochs=args.cv_epochs, seed=args.seed, cache=args.cache,
                                  e2e=args.cv_e2e), indent=2))
        return
    metrics = train_direction(args.output, seed=args.seed, arch=args.arch, epochs=args.epochs,
                              augment=not args.no_augment, cache=args.cache)
    print(json.dumps({k: v for k, v in metrics.items() if k != "validation"}, indent=2))
    print(json.dumps(metrics["validation"]["summary"], indent=2))


if __name__ == "__main__":
    main()
