"""Scoring of predicted measures against gold spans (``claimex evaluate --task measures``).

* :func:`score_measures` - one document: exact-span and overlap precision/recall/F1, plus value and
  unit correctness on the gold spans that a prediction overlaps.
* :func:`score_corpus` - the same summed over documents (micro averages), with documents/second.
* Loaders for the shared corpora used by ``bench/measures_vs_quantulum.py``:
  :func:`load_seed`, :func:`load_pico_numeric` (PICO-Corpus arm-level numbers; not exhaustive gold,
  so recall is its meaningful figure) and :func:`load_measeval` (MeasEval Quantity spans: exhaustive).

Gold items may be ``(start, end)``, ``(start, end, info)`` with ``info`` a dict (``value``, ``low``,
``high``, ``unit``, ``label``), dicts with ``start``/``end`` keys, or objects with ``.start``/``.end``.
Predictions are :class:`ParsedMeasure` (or anything with ``start``/``end`` and optionally ``value``,
``low``, ``high``, ``unit``...).

Matching: *exact* = same (start, end) after stripping surrounding spaces/brackets on both sides;
*overlap* = the spans share at least one character. Precision counts predictions that match some gold
span, recall counts gold spans that some prediction matches (so one long prediction covering two gold
spans counts once for precision and twice for recall).
*Value recall*: gold spans that are found (overlap) and read with the right numbers, over all gold spans.
*Value correct*: every number written in the gold span (parsed with claimex's number reader) is one of
the numbers (value, low, high, denominator, sd, ci bounds, level) of the predictions overlapping it (a
gold list ``4.5, 6 and 13 kg`` may be three predictions); *unit correct*: the gold unit (when given),
lightly normalised, equals the unit of one of those predictions.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..metrics import prf
from .report import EvalReport

Gold = Any

_NUMBER_RE = None


def _span(item: Gold) -> tuple[int, int, dict]:
    if isinstance(item, dict):
        return int(item["start"]), int(item["end"]), item
    if isinstance(item, (tuple, list)):
        info = item[2] if len(item) > 2 and isinstance(item[2], dict) else {}
        return int(item[0]), int(item[1]), info
    info = {k: getattr(item, k) for k in ("value", "low", "high", "unit", "kind") if hasattr(item, k)}
    return int(item.start), int(item.end), info


def _trim(text: str | None, start: int, end: int) -> tuple[int, int]:
    if text is None:
        return start, end
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start < end and text[start] in " \t\n([{,;.":
        start += 1
    while end > start and text[end - 1] in " \t\n)]},;.":
        end -= 1
    return start, end


def gold_numbers(text: str) -> list[float]:
    """The numbers written in a gold span (digits and number words)."""
    global _NUMBER_RE
    from claimex.annotate.measures.numbers import NUMBER_WORDS, normalise, to_float, words_to_number
    from claimex.annotate.measures.patterns import NUMB

    if _NUMBER_RE is None:  # numbers as claimex reads them ("cm-1": no number "1"; "13 388": one number)
        _NUMBER_RE = re.compile(rf"{NUMB}|{NUMBER_WORDS}")
    out = []
    for m in _NUMBER_RE.finditer(normalise(text)):
        tok = m.group()
        v = words_to_number(tok) if tok[:1].isalpha() else to_float(tok)
        if v is not None:
            out.append(v)
    return out


def _pred_numbers(p: Any) -> list[float]:
    nums = []
    for k in ("value", "low", "high", "denominator", "sd", "ci_low", "ci_high", "level"):
        v = getattr(p, k, None)
        if v is not None:
            nums.append(float(v))
    return nums


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _norm_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    from claimex.annotate.measures.numbers import normalise
    from claimex.annotate.measures.patterns import unit_info

    u = normalise(unit).strip()
    norm = unit_info(u)[0] if re.match(r"^[^\s]", u) else u
    return (norm or u).lower().replace(" ", "")


def score_measures(gold: Sequence[Gold], pred: Sequence[Any], text: str | None = None) -> dict[str, Any]:
    """Counts and P/R/F1 for one document (``text`` enables span trimming and value checks)."""
    g_spans = [_span(g) for g in gold]
    p_spans = [(int(p.start), int(p.end), p) for p in pred]
    g_trim = [_trim(text, s, e) for s, e, _ in g_spans]
    p_trim = [_trim(text, s, e) for s, e, _ in p_spans]
    p_exact_set = set(p_trim)
    g_exact_set = set(g_trim)
    counts = {
        "gold": len(g_spans), "pred": len(p_spans),
        "gold_exact": sum(1 for g in g_trim if g in p_exact_set),
        "pred_exact": sum(1 for p in p_trim if p in g_exact_set),
        "gold_overlap": 0, "pred_overlap": 0,
        "value_checked": 0, "value_correct": 0, "unit_checked": 0, "unit_correct": 0,
    }
    errors: dict[str, list] = {"missed": [], "spurious": []}
    p_hit = [False] * len(p_spans)
    for gs, ge, info in g_spans:
        hits = []
        for pi, (ps, pe, p) in enumerate(p_spans):
            if min(ge, pe) - max(gs, ps) > 0:
                p_hit[pi] = True
                hits.append(p)
        if not hits:
            errors["missed"].append((gs, ge))
            continue
        counts["gold_overlap"] += 1
        want = [float(info[k]) for k in ("value", "low", "high") if info.get(k) is not None]
        if not want and text is not None:
            want = gold_numbers(text[gs:ge])
        if want:
            counts["value_checked"] += 1
            have = [n for p in hits for n in _pred_numbers(p)]
            if all(any(_close(w, h) for h in have) for w in want):
                counts["value_correct"] += 1
        if info.get("unit"):
            counts["unit_checked"] += 1
            want_unit = _norm_unit(info["unit"])
            if any(want_unit == _norm_unit(u) for p in hits
                   for u in (getattr(p, "units", None) or [getattr(p, "unit", None)])):
                counts["unit_correct"] += 1
    counts["pred_overlap"] = sum(p_hit)
    errors["spurious"] = [(ps, pe) for (ps, pe, _), hit in zip(p_spans, p_hit) if not hit]
    out = summarise(counts)
    out["errors"] = errors
    return out


def summarise(counts: dict[str, int]) -> dict[str, Any]:
    """P/R/F1 (exact and overlap) and value/unit accuracy from summed counts."""
    def pr(tp_pred: int, tp_gold: int) -> dict[str, float]:
        p = tp_pred / counts["pred"] if counts["pred"] else 0.0
        r = tp_gold / counts["gold"] if counts["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    return {
        "counts": dict(counts),
        "exact": pr(counts["pred_exact"], counts["gold_exact"]),
        "overlap": pr(counts["pred_overlap"], counts["gold_overlap"]),
        "value_accuracy": (round(counts["value_correct"] / counts["value_checked"], 4)
                           if counts["value_checked"] else None),
        # gold spans found (overlap) AND read with the right numbers, over all gold spans
        "value_recall": round(counts["value_correct"] / counts["gold"], 4) if counts["gold"] else None,
        "unit_accuracy": round(counts["unit_correct"] / counts["unit_checked"], 4) if counts["unit_checked"] else None,
    }


def score_corpus(docs: Iterable[tuple[str, str, Sequence[Gold]]],
                 predict: Callable[[str], Sequence[Any]] | None = None,
                 keep_errors: int = 0) -> dict[str, Any]:
    """Score ``predict`` (default: ``parse_measures``) over ``(doc_id, text, gold)`` triples.

    Returns the summed counts, micro P/R/F1, ``docs``, ``seconds`` (prediction time only),
    ``docs_per_second`` and up to ``keep_errors`` example errors (missed gold, spurious predictions).
    """
    if predict is None:
        from claimex.annotate.measures import parse_measures as predict
        from claimex.annotate.measures.lazy import compile_all

        compile_all()  # docs_per_second times parsing, not the one-time compilation of the lazy patterns
    total: dict[str, int] = {}
    n_docs, seconds = 0, 0.0
    examples: dict[str, list] = {"missed": [], "spurious": []}
    for doc_id, text, gold in docs:
        t0 = time.perf_counter()
        pred = predict(text)
        seconds += time.perf_counter() - t0
        res = score_measures(gold, pred, text)
        for k, v in res["counts"].items():
            total[k] = total.get(k, 0) + v
        n_docs += 1
        for kind in ("missed", "spurious"):
            for s, e in res["errors"][kind]:
                if len(examples[kind]) < keep_errors:
                    examples[kind].append({"doc": doc_id, "text": text[s:e],
                                           "context": text[max(0, s - 40):e + 40]})
    out = summarise(total or {k: 0 for k in ("gold", "pred", "gold_exact", "pred_exact", "gold_overlap",
                                             "pred_overlap", "value_checked", "value_correct",
                                             "unit_checked", "unit_correct")})
    out.update(docs=n_docs, seconds=round(seconds, 4),
               docs_per_second=round(n_docs / seconds, 2) if seconds else None)
    if keep_errors:
        out["examples"] = examples
    return out


# -- corpora ------------------------------------------------------------------------------------
#: PICO-Corpus labels that are numbers
PICO_NUMERIC_LABELS = frozenset({
    "iv-bin-percent", "cv-bin-percent", "iv-bin-abs", "cv-bin-abs", "iv-cont-mean", "cv-cont-mean",
    "iv-cont-median", "cv-cont-median", "iv-cont-sd", "cv-cont-sd", "iv-cont-q1", "cv-cont-q1", "iv-cont-q3",
    "cv-cont-q3", "total-participants", "intervention-participants", "control-participants", "age",
})


def _jsonl(path: Path, limit: int | None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


def load_pico_numeric(limit: int | None = None, path: Path | None = None) -> list[tuple[str, str, list]]:
    """``(pmid, text, gold)``: PICO-Corpus numeric spans (labels in :data:`PICO_NUMERIC_LABELS`)."""
    from claimex.paths import corpus_path

    path = path or corpus_path("pico-corpus-breast-cancer", "pico_corpus.jsonl")
    docs = []
    for d in _jsonl(path, limit):
        text = d["text"]
        gold = []
        for e in d["entities"]:
            if e["label"] in PICO_NUMERIC_LABELS and text[e["start"]:e["end"]] == e["text"]:
                gold.append((e["start"], e["end"], {"label": e["label"]}))
        docs.append((str(d["pmid"]), text, gold))
    return docs


def load_measeval(limit: int | None = None, files: Sequence[str] = ("measeval_train.jsonl", "measeval_trial.jsonl")
                  ) -> list[tuple[str, str, list]]:
    """``(doc_id, text, gold)``: MeasEval Quantity spans with their gold unit."""
    from claimex.paths import corpus_path

    docs = []
    for name in files:
        remaining = None if limit is None else max(0, limit - len(docs))
        if remaining == 0:
            break
        for d in _jsonl(corpus_path("measeval", name), remaining):
            gold = [(a["start"], a["end"], {"unit": (a.get("other") or {}).get("unit"), "label": "Quantity"})
                    for a in d["annotations"] if a["annotType"] == "Quantity"]
            docs.append((d["doc_id"], d["text"], gold))
    return docs


def load_seed() -> list[tuple[str, str, list]]:
    """The seed abstract page with its exact gold measures (title + abstract paragraph)."""
    from claimex.paths import seed_fixture

    text = seed_fixture().read_text(encoding="utf-8")
    try:  # the analysed text: title + abstract paragraph (not the citation line or the MeSH lists)
        from claimex.read.text import read_text_file

        doc = read_text_file(seed_fixture())
        text = getattr(doc, "text", None) or text
    except Exception:  # pragma: no cover - reader absent or changed: score the raw page
        pass
    gold = []
    for surface, info in ((">50%", {"value": 50, "unit": "%"}), ("57-91%", {"low": 57, "high": 91, "unit": "%"}),
                          ("33-80%", {"low": 33, "high": 80, "unit": "%"}),
                          ("6-42.5 months", {"low": 6, "high": 42.5, "unit": "months"})):
        start = text.find(surface)
        if start >= 0:
            gold.append((start, start + len(surface), info))
    return [("seed", text, gold)]


def _row(name: str, res: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name, "docs": res["docs"], "gold": res["counts"]["gold"], "pred": res["counts"]["pred"],
        "P_exact": res["exact"]["precision"], "R_exact": res["exact"]["recall"], "F1_exact": res["exact"]["f1"],
        "P_overlap": res["overlap"]["precision"], "R_overlap": res["overlap"]["recall"],
        "F1_overlap": res["overlap"]["f1"], "R_value": res["value_recall"], "value_acc": res["value_accuracy"],
        "unit_acc": res["unit_accuracy"],
        "docs_per_s": res["docs_per_second"],
    }


def evaluate(gold: Path | None = None, pred: Path | None = None, model: str | None = None,
             limit: int | None = None, corpora: Sequence[str] = ("seed", "pico", "measeval"),
             **_ignored) -> EvalReport:
    """The measure parser on the seed fixture and the shared corpora (or on ``gold``: a JSONL of
    ``{"id"?, "text", "measures": [{"start", "end", ...}]}``; ``pred``: records with ``measures`` to score
    instead of running the parser, matched by ``id``)."""
    report = EvalReport(task="measures")
    sets: dict[str, list] = {}
    if gold is not None:
        rows = _jsonl(Path(gold), limit)
        sets[Path(gold).stem] = [(str(r.get("id", i)), r["text"], r.get("measures", [])) for i, r in enumerate(rows)]
    else:
        loaders = {"seed": lambda: load_seed(), "pico": lambda: load_pico_numeric(limit),
                   "measeval": lambda: load_measeval(limit)}
        for name in corpora:
            try:
                sets[name] = loaders[name]()
            except FileNotFoundError as exc:
                report.notes.append(f"{name}: skipped ({exc})")
    predict = None
    if pred is not None:
        from types import SimpleNamespace

        by_id = {str(r.get("id")): r for r in _jsonl(Path(pred), None)}
        predict_map = {}
        for rows in sets.values():
            for doc_id, _text, _gold in rows:
                rec = by_id.get(doc_id, {})
                predict_map[_text] = [SimpleNamespace(**m) for m in rec.get("measures", [])]
        predict = predict_map.get
    for name, docs in sets.items():
        res = score_corpus(docs, predict=(lambda t: predict(t) or []) if predict else None)
        report.rows.append(_row(name, res))
        report.summary[f"{name}_F1_overlap"] = res["overlap"]["f1"]
    report.notes.append("pico: arm-level numbers only (not exhaustive gold) - read recall, not precision")
    return report


__all__ = [
    "PICO_NUMERIC_LABELS",
    "evaluate",
    "gold_numbers",
    "load_measeval",
    "load_pico_numeric",
    "load_seed",
    "prf",
    "score_corpus",
    "score_measures",
    "summarise",
]
