"""Each prefiltered regex of claim assembly against its bare regex on the calls a pass over new abstracts made
(issue 13, session 29): is its gate worth it?

    PYTHONPATH=BASE_EXPORT/imp python bench/regex_census.py --record /tmp/claimex-calls.pkl   # a tree before
    make compile && python bench/prefilter_replay.py /tmp/claimex-calls.pkl

For every :class:`claimex.assemble.claims.gates.Prefiltered` bound to a module-level name of the claims package
(this tree, compiled as it ships), the calls that ``bench/regex_census.py`` recorded for the bare pattern of that
name are replayed through the gate and through the bare regex (``Prefiltered.pattern``), fastest of 5 rounds, the
gates' folded-text cache emptied before each round; printed in microseconds per abstract, gate minus regex
(negative: the gate saves time). Session 29 kept the 25 patterns whose gate saved time and gave the 18 anchored or
common-word ones back their bare regexes.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("calls", help="bench/regex_census.py --record FILE")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    import claimex.assemble.claims  # noqa: F401  (every module of the package)
    from claimex.assemble.claims import gates

    with open(args.calls, "rb") as fh:
        recorded = pickle.load(fh)
    limit, calls = recorded["limit"], recorded["calls"]
    names: dict[int, list[str]] = {}  # a pattern imported into several modules: the calls of every name
    objects: dict[int, object] = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith("claimex.assemble.claims."):
            for attr, value in vars(module).items():
                if type(value) is gates.Prefiltered and f"{name}.{attr}" in calls:
                    names.setdefault(id(value), []).append(f"{name}.{attr}")
                    objects[id(value)] = value

    def best(obj, rows) -> int:
        fastest = None
        for _ in range(args.rounds):
            gates._FOLDED.clear()
            start = time.perf_counter_ns()
            for method, text, extra in rows:
                got = getattr(obj, method)(text, *extra)
                if method == "finditer":
                    list(got)
            took = time.perf_counter_ns() - start
            fastest = took if fastest is None else min(fastest, took)
        return fastest or 0

    out = []
    for key, value in objects.items():
        rows = [row for name in names[key] for row in calls[name]]
        gate, bare = best(value, rows), best(value.pattern, rows)  # type: ignore[attr-defined]
        out.append(((gate - bare) / limit / 1e3, gate / limit / 1e3, bare / limit / 1e3, len(rows),
                    " = ".join(names[key])))
    print("| gate - regex, us per abstract | gate | regex | calls | pattern |\n|---:|---:|---:|---:|---|")
    for diff, gate, bare, n, key in sorted(out):
        print(f"| {diff:+.2f} | {gate:.2f} | {bare:.2f} | {n} | {key} |")
    print(f"\n{len(out)} prefiltered patterns; in all {sum(r[0] for r in out):+.1f} us per abstract")


if __name__ == "__main__":
    main()
