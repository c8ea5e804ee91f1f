"""claimex's measure parser vs quantulum3, in one run, on the same documents and the same scorer.

Corpora (read from the shared folder, see ``claimex.paths``):

* ``pico``: PICO-Corpus (breast-cancer RCT abstracts): the arm-level numeric spans (labels
  ``iv/cv-bin-percent``, ``iv/cv-bin-abs``, ``iv/cv-cont-mean|median|sd|q1|q3``, ``total-``,
  ``intervention-``, ``control-participants``, ``age``). These are NOT all the numbers of the text,
  so recall is the main figure; precision is a lower bound (most "false positives" are true numbers
  that the annotators did not label: p-values, CIs, doses, follow-up times...).
* ``measeval``: MeasEval train + trial paragraphs, ``Quantity`` spans: exhaustive gold, so precision
  and recall both count (science paragraphs, not only medicine).
* ``seed``: the seed abstract with its exact gold (claimex only; quantulum3 is scored too).

Scoring (``claimex.evaluate.measures``): exact-span and overlap P/R/F1, value accuracy (the numbers
written in a gold span are among the overlapping predictions' numbers) and unit accuracy (MeasEval
gold unit). Speed: documents per second, prediction time only (loading and scoring excluded), one
process, after one warm-up call per tool.

quantulum3 runs with its classifier disabled (``quantulum3.classifier.USE_CLF = False``): its
shipped scikit-learn model does not load with the installed scikit-learn; its rule-based
disambiguation is used instead. Its ranges/uncertainties are exposed as low/high/sd for the value
check, and its unit as its symbols, surfaces and name for the unit check.

    python bench/measures_vs_quantulum.py --limit 300 --out runs/measures_vs_quantulum.json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def quantulum_predictor() -> Callable[[str], list]:
    """``text -> list`` of quantulum3 quantities as span objects with value/low/high/sd/units."""
    warnings.filterwarnings("ignore")
    logging.getLogger("quantulum3").setLevel(logging.ERROR)
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False

    def predict(text: str) -> list:
        out = []
        try:
            quantities = parser.parse(text)
        except Exception:
            predict.failures += 1
            return out
        for q in quantities:
            start, end = q.span
            unc = q.uncertainty
            unit = q.unit
            units = [u for u in (*(unit.symbols or []), *(unit.surfaces or []), unit.name) if u]
            if unit.name == "dimensionless":
                units = []
            written = text[start:end]
            out.append(SimpleNamespace(
                start=start, end=end, text=written, value=q.value,
                low=None if unc is None else q.value - unc, high=None if unc is None else q.value + unc,
                sd=unc, unit=units[0] if units else None, units=units))
        return out

    predict.failures = 0
    return predict


def claimex_predictor() -> Callable[[str], list]:
    from claimex.annotate.measures import parse_measures

    return parse_measures


def run(limit: int | None, corpora: list[str], tools: list[str], errors: int = 0) -> dict[str, Any]:
    from claimex.evaluate.measures import load_measeval, load_pico_numeric, load_seed, score_corpus

    loaders = {"seed": lambda: load_seed(), "pico": lambda: load_pico_numeric(limit),
               "measeval": lambda: load_measeval(limit)}
    data = {name: loaders[name]() for name in corpora}
    predictors = {"claimex": claimex_predictor, "quantulum3": quantulum_predictor}
    results: dict[str, Any] = {}
    failures: dict[str, int] = {}
    for tool in tools:
        predict = predictors[tool]()
        predict("Warm-up: 12 patients received 400 mg (95% CI 1.2-3.4).")
        for name, docs in data.items():
            results.setdefault(name, {})[tool] = score_corpus(docs, predict=predict, keep_errors=errors)
        if hasattr(predict, "failures"):
            failures[tool] = predict.failures
    return {"limit": limit, "corpora": {k: len(v) for k, v in data.items()}, "results": results,
            **{f"{tool}_failures": n for tool, n in failures.items()}}


def table(report: dict[str, Any]) -> str:
    cols = ["corpus", "tool", "docs", "gold", "pred", "P_ex", "R_ex", "F1_ex", "P_ov", "R_ov", "F1_ov",
            "R_val", "val_acc", "unit_acc", "docs/s"]
    rows = []
    for corpus, by_tool in report["results"].items():
        for tool, r in by_tool.items():
            c = r["counts"]
            rows.append([corpus, tool, r["docs"], c["gold"], c["pred"], r["exact"]["precision"], r["exact"]["recall"],
                         r["exact"]["f1"], r["overlap"]["precision"], r["overlap"]["recall"], r["overlap"]["f1"],
                         r["value_recall"], r["value_accuracy"], r["unit_accuracy"], r["docs_per_second"]])

    def fmt(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, float):
            return f"{v:.1f}" if v >= 10 else f"{v:.3f}"
        return str(v)

    lines = [cols] + [[fmt(v) for v in row] for row in rows]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(cols))]
    out = ["  ".join(str(v).rjust(w) if i > 1 else str(v).ljust(w) for i, (v, w) in enumerate(zip(line, widths)))
           for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300,
                    help="documents per corpus (default 300; 0 = all: ~6 min, quantulum3 is ~0.2 s/doc)")
    ap.add_argument("--corpora", default="seed,pico,measeval", help="comma-separated: seed,pico,measeval")
    ap.add_argument("--tools", default="claimex,quantulum3", help="comma-separated: claimex,quantulum3")
    ap.add_argument("--errors", type=int, default=0, help="keep this many example errors per corpus/tool in --out")
    ap.add_argument("--out", type=Path, help="write the full report as JSON")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    report = run(args.limit or None, [c for c in args.corpora.split(",") if c],
                 [t for t in args.tools.split(",") if t], errors=args.errors)
    report["wall_seconds"] = round(time.perf_counter() - t0, 1)
    report["command"] = "python bench/measures_vs_quantulum.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(table(report))
    print(f"(wall {report['wall_seconds']} s; P/R/F1 _ex = same span, _ov = overlapping span; R_val = gold spans "
          "found with the right numbers / all gold; pico is not exhaustive gold: read its recall)")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
