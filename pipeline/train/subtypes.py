"""Train the entity subtype classifier (``claimex_subtypes``) and add it to packaged models.

Data: the gold PICO spans that carry an EBM-NLP fine label (``SpanAnn.subtype``) in
:data:`SOURCES`, train side of the fixed dev split (:mod:`claimex.corpora.split`). Each text is
tokenized with the pipeline's scispaCy tokenizer, each span projected onto its tokens
(``alignment_mode="expand"``) and trimmed of edge punctuation as the tagger trims its spans;
COMPARATOR spans (always ``Control``) are not trained on. Features: :mod:`claimex.annotate.subtypes.features`.

Commands (seed 0, deterministic)::

    claimex train subtypes --output models/claimex-pico-sm   # train + add to a packaged model
    claimex train subtypes --output DIR                      # train, save the component to DIR
    python -m claimex.train.subtypes add models/claimex-pico-sm [--from DIR]   # the same, no typer
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from ..annotate.subtypes import FIXED, SubtypeModel, span_features
from ..annotate.subtypes.component import MODEL_DIR, load_component
from ..corpora.subtypes import SOURCES, load_span_docs

log = logging.getLogger(__name__)

SETTINGS = {"bits": 16, "epochs": 8, "learn_rate": 0.03, "l2": 1e-3, "batch_size": 64, "seed": 0}
COMPONENT = "claimex_subtypes"


@dataclass
class SpanData:
    """Subtype-labelled spans as feature rows: span k has rows ``rows[offsets[k]:offsets[k+1]]``."""

    rows: numpy.ndarray
    offsets: numpy.ndarray
    labels: list[str] = field(default_factory=list)
    targets: list[str | None] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.labels)


def featurize(docs: Sequence[tuple[Any, Any, list]], bits: int, skip_fixed: bool = True) -> SpanData:
    parts, lens, labels, targets, sources = [], [], [], [], []
    for cdoc, doc, spans in docs:
        spans = [s for s in spans if not (skip_fixed and s[2] in FIXED)]
        if not spans:
            continue
        rows, offsets = span_features(doc, [s[0] for s in spans], [s[1] for s in spans], bits).flat()
        parts.append(rows)
        lens.extend(numpy.diff(offsets).tolist())
        labels.extend(s[2] for s in spans)
        targets.extend(s[3] for s in spans)
        sources.extend([cdoc.source] * len(spans))
    rows = numpy.concatenate(parts) if parts else numpy.zeros(0, dtype=numpy.int64)
    return SpanData(rows, numpy.concatenate(([0], numpy.cumsum(lens))).astype(numpy.int64), labels, targets,
                    sources)


def fit(data: SpanData, bits: int = SETTINGS["bits"], **settings: Any) -> SubtypeModel:
    opts = {k: v for k, v in {**SETTINGS, **settings}.items() if k != "bits"}
    model = SubtypeModel(bits=bits).fit(data.rows, data.offsets, data.labels, data.targets, **opts)
    model.meta["train_counts"] = {f"{lab}/{sub}": n for (lab, sub), n in sorted(Counter(
        zip(data.labels, data.targets)).items())}
    return model


def train_subtypes(sources: Sequence[str] = SOURCES, limit: int = 0, tokenizer=None,
                   **settings: Any) -> SubtypeModel:
    """Train on the train split of ``sources`` with :data:`SETTINGS` (overridden by ``settings``)."""
    t0 = time.time()
    opts = {**SETTINGS, **settings}
    docs = load_span_docs(sources, "train", limit=limit, tokenizer=tokenizer)
    data = featurize(docs, opts["bits"])
    log.info("subtypes: %d spans from %d docs (%s)", len(data), len(docs), ", ".join(sources))
    model = fit(data, **opts)
    model.meta.update({"sources": list(sources), "split": "train", "limit": limit,
                       "train_seconds": round(time.time() - t0, 1)})
    return model


def save_component(model: SubtypeModel, path: Path | str, min_score: float = 0.0) -> Path:
    """Save a trained model as a standalone component directory (``<path>/model``, ``<path>/config.json``)."""
    path = Path(path)
    model.to_disk(path / MODEL_DIR)
    (path / "config.json").write_text(json.dumps({"factory": COMPONENT, "min_score": min_score}) + "\n",
                                      encoding="utf-8")
    return path


def add_subtypes(model_dir: Path | str, subtypes: Path | str | SubtypeModel | None = None,
                 output: Path | str | None = None, min_score: float | None = None) -> Path:
    """Add (or replace) the ``claimex_subtypes`` component after ``claimex_pico`` in the packaged
    spaCy pipeline ``model_dir`` and save it to ``output`` (default: in place). ``subtypes``: a
    trained :class:`SubtypeModel`, a component directory (:func:`save_component`), or None to
    train one now with the default settings."""
    import spacy

    import claimex.annotate  # noqa: F401  (factories)

    model_dir = Path(model_dir)
    output = Path(output) if output is not None else model_dir
    if subtypes is None:
        model = train_subtypes()
    elif isinstance(subtypes, SubtypeModel):
        model = subtypes
    else:
        model = load_component(subtypes)
        cfg_path = Path(subtypes) / "config.json"
        if min_score is None and cfg_path.exists():
            min_score = json.loads(cfg_path.read_text(encoding="utf-8")).get("min_score")
    nlp = spacy.load(model_dir)
    if COMPONENT in nlp.pipe_names:
        nlp.remove_pipe(COMPONENT)
    after = next((name for name in ("claimex_outcome_lists", "claimex_pico") if name in nlp.pipe_names),
                 nlp.pipe_names[-1])  # after the tagger and the rules that complete its OUTCOME spans
    pipe = nlp.add_pipe(COMPONENT, after=after, config={"min_score": float(min_score or 0.0)})
    pipe.model = model
    nlp.meta.setdefault("labels", {})[COMPONENT] = [f"{lab}/{sub}" for lab, sub in model.classes]
    nlp.meta["claimex_subtypes"] = {k: model.meta.get(k) for k in ("sources", "seed", "epochs", "train_examples")
                                    if k in model.meta} | {"bits": model.bits}
    tmp = output.with_name(output.name + ".subtypes-tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if output.exists():
        shutil.rmtree(output)
    tmp.rename(output)
    log.info("added %s to %s", COMPONENT, output)
    return output


def add_from_config(config: dict, model_dir: Path) -> Path | None:
    """The ``[claimex_subtypes]`` stage of ``claimex train``: ``enabled``, ``sources`` (default
    :data:`SOURCES`), ``trained`` (a component dir: added without training), ``min_score`` and any
    of :data:`SETTINGS` (``seed`` defaults to ``system.seed``). Returns ``model_dir`` when the
    component was added, None when disabled or when the sources have no subtype-labelled spans."""
    section = dict(config.get(COMPONENT) or {})
    if not section.get("enabled"):
        return None
    min_score = float(section.get("min_score") or 0.0)
    if section.get("trained"):
        return add_subtypes(model_dir, section["trained"], min_score=min_score)
    sources = list(section["sources"]) if section.get("sources") is not None else list(SOURCES)
    settings = {k: section[k] for k in SETTINGS if section.get(k) is not None}
    settings.setdefault("seed", int((config.get("system") or {}).get("seed") or 0))
    data = featurize(load_span_docs(sources, "train") if sources else [], settings.get("bits", SETTINGS["bits"]))
    if not len(data):
        log.warning("claimex_subtypes: no subtype-labelled spans in %s; component not added", sources)
        return None
    model = fit(data, **{**SETTINGS, **settings})
    model.meta.update({"sources": sources, "split": "train"})
    return add_subtypes(model_dir, model, min_score=min_score)


def train_to(output: Path | str, sources: Sequence[str] | None = None, seed: int = SETTINGS["seed"],
             min_score: float = 0.0) -> Path:
    """``claimex train subtypes --output DIR``: train; add the component to DIR when it holds a
    packaged spaCy pipeline (``config.cfg``), else save the standalone component to DIR."""
    output = Path(output)
    model = train_subtypes(list(sources or SOURCES), seed=seed)
    if (output / "config.cfg").exists():
        return add_subtypes(output, model, min_score=min_score)
    return save_component(model, output, min_score)


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m claimex.train.subtypes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    tr = sub.add_parser("train", help="train and save a component directory")
    tr.add_argument("output", type=Path)
    ad = sub.add_parser("add", help="train (or load --from) and add to packaged model directories")
    ad.add_argument("models", type=Path, nargs="+")
    ad.add_argument("--from", dest="source", type=Path, default=None, help="a trained component directory")
    for p in (tr, ad):
        p.add_argument("--min-score", type=float, default=0.0)
        p.add_argument("--seed", type=int, default=SETTINGS["seed"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if args.cmd == "train":
        print(save_component(train_subtypes(seed=args.seed), args.output, args.min_score))
        return
    model = load_component(args.source) if args.source else train_subtypes(seed=args.seed)
    for path in args.models:
        print(add_subtypes(path, model, min_score=args.min_score))


if __name__ == "__main__":
    main()
