"""Decoding-threshold tuning for the PICO tagger (used by ``claimex train`` after training, and by
``bench/pico_dev.py``) on the dev sets of :mod:`claimex.corpora.dev`.

Thresholds are tuned one class at a time on the closest this data gets to expert gold:
POPULATION on ``ebm_crowd``, INTERVENTION on ``ebm_expert_i``, OUTCOME on ``ebm_crowd`` +
``evidence_outcomes`` (mean F1).
"""

from __future__ import annotations

from ..annotate.tagger.decode import decode_doc
from ..corpora.dev import dev_sets
from ..metrics import Counts, score_doc

GRID = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
HYSTERESIS = (1.0, 0.75, 0.5, 0.35, 0.2)  # low threshold = hysteresis x threshold (decode.decode)
TARGETS = {"POPULATION": ["ebm_crowd"], "INTERVENTION": ["ebm_expert_i"], "OUTCOME": ["ebm_crowd", "evidence_outcomes"]}
# expert annotation style: every set with expert labels for the class weighs in (EvidenceMap is expert-annotated,
# every mention); the crowd layer stays in for P and O because EvidenceMap's dev split is small (38 abstracts)
TARGETS_EXPERT = {"POPULATION": ["ebm_crowd", "evidencemap"], "INTERVENTION": ["ebm_expert_i"],
                  "OUTCOME": ["ebm_crowd", "evidence_outcomes", "evidencemap"]}


def tune_model(nlp, grid=GRID, hysteresis=HYSTERESIS, targets=TARGETS) -> dict:
    """Tune ``nlp``'s claimex_pico thresholds and hysteresis in place (component cfg and
    ``nlp.config``)."""
    sets = dev_sets(sorted({n for v in targets.values() for n in v}))
    result = tune(nlp, sets, grid, hysteresis, targets=targets)
    apply_tuning(nlp, result)
    return result


def apply_tuning(nlp, result: dict) -> None:
    """Put tuned values on the component and in the pipeline's config (``nlp.config`` is rebuilt
    from ``nlp._pipe_configs`` on every access, so that is where config.cfg's values live)."""
    pipe = nlp.get_pipe("claimex_pico")
    for key in ("thresholds", "hysteresis"):
        pipe.cfg[key] = dict(result[key])
        nlp._pipe_configs["claimex_pico"][key] = dict(result[key])


def tagger_probs(nlp, texts, batch_size: int = 64, annotate: bool = False):
    """Run ``nlp`` up to its ``claimex_pico`` tagger (not the components after it) and yield
    ``(doc, probs)``: the tagger's head probabilities per token, computed once. ``annotate``: also
    decode them onto the doc, as the pipeline would."""
    names = nlp.pipe_names
    tagger = nlp.get_pipe("claimex_pico")
    docs = nlp.pipe(texts, batch_size=batch_size, disable=names[names.index("claimex_pico"):])
    batch = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == batch_size:
            yield from _tag(tagger, batch, annotate)
            batch = []
    if batch:
        yield from _tag(tagger, batch, annotate)


def _tag(tagger, docs: list, annotate: bool):
    probs = tagger.predict(docs)
    if annotate:
        tagger.set_annotations(docs, probs)
    return zip(docs, probs)


def cached_probs(nlp, docs: list) -> list:
    """The tagger's probabilities for each corpus doc's text: [(doc, probs)]."""
    return list(tagger_probs(nlp, [d.text for d in docs]))


TOLERANCE = 0.005  # about the seed-to-seed spread of a dev F1 (models/README.md)


def tune(nlp, sets: dict[str, list], grid=GRID, hysteresis=(1.0,), tolerance: float = TOLERANCE,
         targets=TARGETS) -> dict:
    """Per-class (threshold, hysteresis) for the proxy components on the dev sets (one class at a
    time, mean F1 over the class's ``targets`` sets; default P on ebm_crowd, I on ebm_expert_i, O on
    ebm_crowd + evidence_outcomes; :data:`TARGETS_EXPERT` adds EvidenceMap for P and O). Among the grid
    points within ``tolerance`` of the best F1, the one with the least growth (largest hysteresis)
    wins, then the best F1, then the threshold nearer 0.5: a gain under seed noise does not buy a
    more aggressive decoder."""

    pipe = nlp.get_pipe("claimex_pico")
    cache = {name: cached_probs(nlp, sets[name]) for name in {n for v in targets.values() for n in v}}
    best = dict(pipe.cfg["thresholds"])
    best_h = {h: 1.0 for h in pipe.heads}
    report = {}
    for cls, names in targets.items():
        scores = {}
        for thr, hy in [(t, h) for h in hysteresis for t in grid]:
            th = {**best, cls: thr}
            hys = {**best_h, cls: hy}
            f = []
            for name in names:
                counts = Counts()
                for gold, (doc, probs) in zip(sets[name], cache[name]):
                    spans, _, _ = decode_doc(doc, probs, pipe.heads, pipe.cfg, th, hys)
                    toks = gold.meta.get("token_offsets") or [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
                    score_doc(counts, gold, [(s.start_char, s.end_char, s.label_) for s in spans], toks)
                f.append(counts.token_prf(cls)["f1"])
            scores[thr, hy] = sum(f) / len(f)
        top = max(scores.values())
        near = [k for k in scores if scores[k] >= top - tolerance]
        best[cls], best_h[cls] = max(near, key=lambda k: (k[1], round(scores[k], 4), -abs(k[0] - 0.5)))
        report[cls] = {f"{t}@{h}": round(v, 4) for (t, h), v in scores.items()}
    return {"thresholds": best, "hysteresis": best_h, "grid": report}


