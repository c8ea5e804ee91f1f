"""Which module-level regexes of claimex an end-to-end pass over new abstracts calls, how long they take, and how
many of the calls a literal-keyword gate would skip (issue 13, session 29).

    PYTHONPATH=EXPORT/imp python bench/regex_census.py --record /tmp/claimex-calls.pkl

Every ``re.Pattern`` bound to a module-level name of a ``claimex`` module is wrapped (after the warm-up) in a
recorder: calls and ns per pattern and method, and whether the text holds none of the keywords that
:func:`claimex.assemble.claims.literals.required_keywords` (this checkout's) reads off the pattern (then the
call's result must be empty: checked). Patterns inside tuples, gates or closures are not seen, nor already-gated
ones. The pass is ``bench/speed.py``'s ``extract_file`` over ``--limit`` PubMed sample abstracts after a warm-up
on the next ``--limit`` (caches emptied between), as ``bench/count_pass.py --unseen``. Needs a pure tree
(compiled modules read their globals natively): an export (``git archive``) with ``PYTHONPATH=EXPORT/imp``. The
times include the recorder's own clock reads; read them as shares, and time a change with
``bench/prefilter_replay.py`` (compiled) and ``bench/fastest_pass.py``. ``--record FILE`` keeps every call
(method, text, arguments) for the replay.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import collections
import importlib.util
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimex.assemble.claims.gates import _FOLDS  # letters IGNORECASE folds to ASCII, str.lower not

# the analysis of this checkout (the tree timed may predate it); it imports nothing of claimex
_SPEC = importlib.util.spec_from_file_location(
    "claimex_literals", Path(__file__).resolve().parents[1] / "pipeline/assemble/claims/literals.py")
assert _SPEC is not None and _SPEC.loader is not None
LITERALS = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(LITERALS)


class Recorder:
    """Stands in for a module-level pattern: times each call of the text methods and counts the skippable ones."""

    def __init__(self, pattern: re.Pattern, key: str, stats: dict, calls: dict | None):
        self.pattern, self.key, self.stats, self.calls = pattern, key, stats, calls
        text_pattern = isinstance(pattern.pattern, str)
        self.keys = LITERALS.required_keywords(pattern.pattern, pattern.flags) if text_pattern else frozenset()

    def __getattr__(self, name):  # flags, groups, pattern's other attributes
        return getattr(self.pattern, name)

    def _call(self, method: str, text, *args):
        start = time.perf_counter_ns()
        got = getattr(self.pattern, method)(text, *args)
        if method == "finditer":
            got = list(got)
        ns = time.perf_counter_ns() - start
        row = self.stats[self.key, method]
        row[0] += 1
        row[1] += ns
        if self.calls is not None and isinstance(text, str):
            self.calls[self.key].append((method, text, args))
        if self.keys and isinstance(text, str) and not any(c in text for c in _FOLDS):
            low = text.lower()
            if not any(k in low for k in self.keys):
                assert not got or method in ("sub", "split"), (self.key, method, text[:80])
                row[2] += 1
                row[3] += ns
        return iter(got) if method == "finditer" else got

    def search(self, text, *args):
        return self._call("search", text, *args)

    def match(self, text, *args):
        return self._call("match", text, *args)

    def fullmatch(self, text, *args):
        return self._call("fullmatch", text, *args)

    def finditer(self, text, *args):
        return self._call("finditer", text, *args)

    def findall(self, text, *args):
        return self._call("findall", text, *args)

    def sub(self, repl, text, *args):
        start = time.perf_counter_ns()
        got = self.pattern.sub(repl, text, *args)
        row = self.stats[self.key, "sub"]
        row[0] += 1
        row[1] += time.perf_counter_ns() - start
        return got

    def split(self, text, *args):
        start = time.perf_counter_ns()
        got = self.pattern.split(text, *args)
        row = self.stats[self.key, "split"]
        row[0] += 1
        row[1] += time.perf_counter_ns() - start
        return got


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--model", default=None)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--record", type=Path, help="keep every call of the timed pass here (pickle) for the replay")
    args = ap.parse_args(argv)
    import judged
    import speed

    from claimex.extractor import Extractor, forget_caches

    judged.require_pure_claims()
    stats: dict = collections.defaultdict(lambda: [0, 0, 0, 0])  # calls, ns, skippable calls, their ns
    calls: dict | None = collections.defaultdict(list) if args.record else None
    with tempfile.TemporaryDirectory(prefix="claimex-census-") as tmp:
        folder = Path(tmp)
        src = speed.write_abstracts(folder, args.limit)
        warm = speed.write_abstracts(folder, args.limit, skip=args.limit, name="warm-in.jsonl")
        extractor = Extractor.load(args.model)
        speed.extract_file(extractor, warm, folder / "warm.jsonl")
        wrapped = 0
        for name, module in list(sys.modules.items()):
            if name.startswith("claimex") and module is not None:
                for attr, value in list(vars(module).items()):
                    if isinstance(value, re.Pattern):
                        setattr(module, attr, Recorder(value, f"{name}.{attr}", stats, calls))
                        wrapped += 1
        forget_caches(extractor.nlp)
        speed.extract_file(extractor, warm, folder / "warm2.jsonl")
        stats.clear()
        if calls is not None:
            calls.clear()
        speed.extract_file(extractor, src, folder / "out.jsonl")
    n = args.limit
    total, skip = sum(r[1] for r in stats.values()), sum(r[3] for r in stats.values())
    print(f"{wrapped} module-level patterns wrapped; {sum(r[0] for r in stats.values()) / n:.0f} calls and "
          f"{total / n / 1e6:.3f} ms per abstract, of which a keyword gate would skip "
          f"{sum(r[2] for r in stats.values()) / n:.0f} calls, {skip / n / 1e6:.3f} ms")
    print("\n| ms per abstract | calls | skippable | pattern.method |\n|---:|---:|---:|---|")
    for (key, method), r in sorted(stats.items(), key=lambda kv: -kv[1][3])[:args.top]:
        print(f"| {r[1] / n / 1e6:.3f} | {r[0]} | {r[2]} ({r[3] / n / 1e6:.3f} ms) | {key}.{method} |")
    if args.record:
        with open(args.record, "wb") as fh:
            pickle.dump({"limit": n, "calls": dict(calls or {})}, fh)


if __name__ == "__main__":
    main()
